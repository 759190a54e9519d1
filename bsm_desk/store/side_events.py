"""Side-event requests: what organizers ask for, before and after a room is found."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bsm_desk.domain.programme import Request
from bsm_desk.store.db import next_id

if TYPE_CHECKING:
    from sqlite_utils import Database


def add_request(db: Database, request: Request) -> int:
    cursor = db.execute(
        "INSERT INTO side_event_request (id, title_en, title_ru, organizer, contact, expected,"
        " duration_min, languages, interpretation, equipment, avoid_plenary, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [next_id(db, "side_event_request"), *_columns(request), datetime.now(UTC).isoformat()])
    request_id = int(cursor.lastrowid or 0)
    _add_details(db, request_id, request)
    return request_id


def _columns(request: Request) -> list[object]:
    """title_en … avoid_plenary, in the order of the table."""
    return [request.title_en, request.title_ru, request.organizer, request.contact,
            request.expected, request.duration_min, ",".join(request.languages),
            int(request.interpretation), json.dumps(list(request.equipment)),
            int(request.avoid_plenary)]


def _add_details(db: Database, request_id: int, request: Request) -> None:
    db.conn.executemany("INSERT INTO request_slot (request_id, rank, starts_at) VALUES (?, ?, ?)",
                        [(request_id, rank, at.isoformat())
                         for rank, at in enumerate(dict.fromkeys(request.slots))])
    db.conn.executemany("INSERT INTO request_panellist (request_id, delegate_id) VALUES (?, ?)",
                        [(request_id, d) for d in dict.fromkeys(request.panellists)])


def list_requests(db: Database, pending_only: bool = False) -> list[Request]:
    slots: dict[int, list[datetime]] = defaultdict(list)
    for request_id, at in db.execute(
            "SELECT request_id, starts_at FROM request_slot ORDER BY request_id, rank"):
        slots[request_id].append(datetime.fromisoformat(at))
    panel: dict[int, list[int]] = defaultdict(list)
    for request_id, delegate_id in db.execute(
            "SELECT request_id, delegate_id FROM request_panellist ORDER BY 1, 2"):
        panel[request_id].append(delegate_id)
    where = " WHERE session_id IS NULL" if pending_only else ""
    return [Request(
        id=r["id"], title_en=r["title_en"], title_ru=r["title_ru"], organizer=r["organizer"],
        contact=r["contact"], expected=r["expected"], duration_min=r["duration_min"],
        languages=tuple(x for x in r["languages"].split(",") if x),
        interpretation=bool(r["interpretation"]), equipment=tuple(json.loads(r["equipment"])),
        avoid_plenary=bool(r["avoid_plenary"]), slots=tuple(slots.get(r["id"], ())),
        panellists=tuple(panel.get(r["id"], ())), session_id=r["session_id"])
        for r in db.query(f"SELECT * FROM side_event_request{where} ORDER BY id")]


def set_placed(db: Database, request_id: int, session_id: int) -> None:
    db.execute("UPDATE side_event_request SET session_id = ? WHERE id = ?",
               [session_id, request_id])


def session_people(db: Database) -> dict[int, set[int]]:
    found: dict[int, set[int]] = defaultdict(set)
    for session_id, delegate_id in db.execute("SELECT session_id, delegate_id FROM session_person"):
        found[session_id].add(delegate_id)
    return dict(found)


def add_session_people(db: Database, session_id: int, delegate_ids: list[int],
                       role: str = "panellist") -> None:
    db.conn.executemany("INSERT OR IGNORE INTO session_person (session_id, delegate_id, role)"
                        " VALUES (?, ?, ?)", [(session_id, d, role) for d in delegate_ids])


def update_request(db: Database, request: Request) -> None:
    """A request's fields, wishes and panellists replaced by these (by its id)."""
    assert request.id is not None
    db.execute(
        "UPDATE side_event_request SET title_en = ?, title_ru = ?, organizer = ?, contact = ?,"
        " expected = ?, duration_min = ?, languages = ?, interpretation = ?, equipment = ?,"
        " avoid_plenary = ? WHERE id = ?", [*_columns(request), request.id])
    db.execute("DELETE FROM request_slot WHERE request_id = ?", [request.id])
    db.execute("DELETE FROM request_panellist WHERE request_id = ?", [request.id])
    _add_details(db, request.id, request)


def delete_request(db: Database, request_id: int) -> None:
    for table in ("request_slot", "request_panellist"):
        db.execute(f"DELETE FROM {table} WHERE request_id = ?", [request_id])
    db.execute("DELETE FROM side_event_request WHERE id = ?", [request_id])


def unlink_session(db: Database, session_id: int) -> list[int]:
    """Requests placed as this session go back to waiting; their ids."""
    ids = [r[0] for r in db.execute(
        "SELECT id FROM side_event_request WHERE session_id = ? ORDER BY id", [session_id])]
    db.execute("UPDATE side_event_request SET session_id = NULL WHERE session_id = ?",
               [session_id])
    return ids
