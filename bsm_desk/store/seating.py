"""Seating layouts of rooms, delegations' seating needs, and each session's plan and
seats (migration 31)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bsm_desk.domain.seating import Block, Layout, Shape

if TYPE_CHECKING:
    from sqlite_utils import Database


def numbers(text: str) -> frozenset[int]:
    """"1,2,40" as numbers (anything else in it left out)."""
    return frozenset(int(part) for part in str(text or "").split(",")
                     if part.strip().isdigit() and len(part.strip()) < 6)


def numbers_text(values: Iterable[int]) -> str:
    return ",".join(str(v) for v in sorted(set(values)))


def layout(db: Database, room_id: int) -> Layout | None:
    row = db.execute("SELECT shape, rows, per_row, podium, accessible, removed FROM"
                     " seating_layout WHERE room_id = ?", [room_id]).fetchone()
    if row is None:
        return None
    return Layout(Shape(row[0]), int(row[1]), int(row[2]), int(row[3]), numbers(row[4]),
                  numbers(row[5]))


def save_layout(db: Database, room_id: int, value: Layout) -> None:
    db.execute("INSERT INTO seating_layout (room_id, shape, rows, per_row, podium, accessible,"
               " removed) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (room_id) DO UPDATE SET"
               " shape = excluded.shape, rows = excluded.rows, per_row = excluded.per_row,"
               " podium = excluded.podium, accessible = excluded.accessible,"
               " removed = excluded.removed",
               [room_id, value.shape.value, value.rows, value.per_row, value.podium,
                numbers_text(value.accessible), numbers_text(value.removed)])


def needs(db: Database) -> dict[int, tuple[bool, int | None]]:
    """Delegation id → (needs an accessible place, places wanted or None: its block's)."""
    return {int(r[0]): (bool(r[1]), int(r[2]) if r[2] is not None else None)
            for r in db.execute("SELECT delegation_id, accessible, places FROM seating_need")}


def save_need(db: Database, delegation_id: int, accessible: bool, places: int | None) -> None:
    if not accessible and places is None:
        db.execute("DELETE FROM seating_need WHERE delegation_id = ?", [delegation_id])
        return
    db.execute("INSERT INTO seating_need (delegation_id, accessible, places) VALUES (?, ?, ?)"
               " ON CONFLICT (delegation_id) DO UPDATE SET accessible = excluded.accessible,"
               " places = excluded.places", [delegation_id, int(accessible), places])


@dataclass(frozen=True)
class PlanRow:
    """A session's plan as kept: its language, the lot's seed (None: the first Member
    State was named), the drawn delegation, the podium's delegations in order, places
    per block where the plan departs from the defaults, when it was made."""

    session_id: int
    lang: str
    seed: int | None
    drawn_id: int | None
    podium: tuple[int, ...]
    places: Mapping[Block, int]
    at: str


def plan(db: Database, session_id: int) -> PlanRow | None:
    row = db.execute("SELECT lang, seed, drawn_id, podium, places, at FROM seating_plan"
                     " WHERE session_id = ?", [session_id]).fetchone()
    if row is None:
        return None
    podium = tuple(int(p) for p in str(row[3]).split(",") if p.strip().isdigit())
    places: dict[Block, int] = {}
    for part in str(row[4]).split(","):
        name, _, count = part.partition(":")
        if name in Block._value2member_map_ and count.isdigit() and 1 <= int(count) <= 3:
            places[Block(name)] = int(count)
    return PlanRow(session_id, str(row[0]), row[1], row[2], podium, places, str(row[5]))


def save_plan(db: Database, value: PlanRow) -> None:
    db.execute("INSERT INTO seating_plan (session_id, lang, seed, drawn_id, podium, places, at)"
               " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_id) DO UPDATE SET"
               " lang = excluded.lang, seed = excluded.seed, drawn_id = excluded.drawn_id,"
               " podium = excluded.podium, places = excluded.places, at = excluded.at",
               [value.session_id, value.lang, value.seed, value.drawn_id,
                ",".join(str(p) for p in value.podium),
                ",".join(f"{b.value}:{n}" for b, n in value.places.items()), value.at])


def seats(db: Database, session_id: int) -> dict[int, tuple[int, bool]]:
    """Place → (delegation id, locked)."""
    return {int(r[0]): (int(r[1]), bool(r[2])) for r in db.execute(
        "SELECT place, delegation_id, locked FROM seat WHERE session_id = ?", [session_id])}


def save_seats(db: Database, session_id: int, value: Mapping[int, tuple[int, bool]]) -> None:
    """The session's seats as ``value`` says, changing only the rows that differ (each
    change travels to the other desks, and is in the audit log)."""
    before = seats(db, session_id)
    gone = [place for place in before if place not in value]
    db.conn.executemany("DELETE FROM seat WHERE session_id = ? AND place = ?",
                        [(session_id, place) for place in gone])
    db.conn.executemany(
        "INSERT INTO seat (session_id, place, delegation_id, locked) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (session_id, place) DO UPDATE SET delegation_id ="
        " excluded.delegation_id, locked = excluded.locked",
        [(session_id, place, who, int(locked)) for place, (who, locked) in value.items()
         if before.get(place) != (who, locked)])


def printed(db: Database, session_id: int) -> dict[int, str]:
    """Delegation id → the digest of its plate as this desk last printed it."""
    return {int(r[0]): str(r[1]) for r in db.execute(
        "SELECT delegation_id, digest FROM seating_printed WHERE session_id = ?", [session_id])}


def mark_printed(db: Database, session_id: int, digests: Mapping[int, str]) -> None:
    db.conn.executemany("INSERT OR REPLACE INTO seating_printed (session_id, delegation_id,"
                        " digest) VALUES (?, ?, ?)",
                        [(session_id, d, digest) for d, digest in digests.items()])
