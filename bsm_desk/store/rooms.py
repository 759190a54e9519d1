"""Rooms of the venue."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from bsm_desk.domain.model import Room
from bsm_desk.store.db import next_id
from bsm_desk.store.reading import rows

if TYPE_CHECKING:
    from sqlite_utils import Database

    from bsm_desk.store.reading import Reads


def add_room(db: Database, room: Room) -> int:
    cursor = db.execute(
        "INSERT INTO room (id, name_en, name_ru, floor, capacity, booths, equipment)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [next_id(db, "room"), room.name_en, room.name_ru, room.floor, room.capacity, room.booths,
         json.dumps(list(room.equipment))],
    )
    return int(cursor.lastrowid or 0)


def list_rooms(db: Reads) -> list[Room]:
    return [_room(r) for r in rows(db, "SELECT * FROM room ORDER BY id")]


def _room(row: dict[str, Any]) -> Room:
    return Room(
        id=row["id"], name_en=row["name_en"], name_ru=row["name_ru"], floor=row["floor"],
        capacity=row["capacity"], booths=row["booths"],
        equipment=tuple(json.loads(row["equipment"] or "[]")),
    )


def update_room(db: Database, room: Room) -> None:
    db.execute("UPDATE room SET name_en = ?, name_ru = ?, floor = ?, capacity = ?, booths = ?,"
               " equipment = ? WHERE id = ?",
               [room.name_en, room.name_ru, room.floor, room.capacity, room.booths,
                json.dumps(list(room.equipment)), room.id])


def sessions_in(db: Database, room_id: int) -> int:
    return int(db.execute("SELECT count(*) FROM session WHERE room_id = ?",
                          [room_id]).fetchone()[0])


def delete_room(db: Database, room_id: int) -> bool:
    """False if there was no such room."""
    return db.execute("DELETE FROM room WHERE id = ?", [room_id]).rowcount > 0
