"""Sessions of the programme and who may enter them."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from bsm_desk.domain.model import Session, SessionKind
from bsm_desk.store.db import atomic, next_id
from bsm_desk.store.reading import rows

if TYPE_CHECKING:
    from sqlite_utils import Database

    from bsm_desk.store.reading import Reads


def _utc(at: datetime) -> str:
    """Stored in UTC, so that the text sorts in time order (shown in the venue's zone)."""
    return at.astimezone(UTC).isoformat()


def add_session(db: Database, session: Session) -> int:
    with atomic(db):
        cursor = db.execute(
            "INSERT INTO session (id, kind, title_en, title_ru, room_id, starts_at, ends_at,"
            " languages, interpretation, expected, organizer)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [next_id(db, "session"), session.kind.value, session.title_en, session.title_ru,
             session.room_id,
             _utc(session.starts_at), _utc(session.ends_at),
             ",".join(session.languages), int(session.interpretation), session.expected,
             session.organizer],
        )
        session_id = int(cursor.lastrowid or 0)
        db.conn.executemany(
            "INSERT INTO session_access (session_id, category_id) VALUES (?, ?)",
            [(session_id, category_id) for category_id in session.access],
        )
    return session_id


def list_sessions(db: Reads) -> list[Session]:
    access: dict[int, list[int]] = defaultdict(list)
    for row in rows(db, "SELECT session_id, category_id FROM session_access ORDER BY 1, 2"):
        access[row["session_id"]].append(row["category_id"])
    return [_session(r, access)
            for r in rows(db, "SELECT * FROM session ORDER BY starts_at, id")]


def _session(row: dict[str, Any], access: dict[int, list[int]]) -> Session:
    return Session(
        id=row["id"], kind=SessionKind(row["kind"]), title_en=row["title_en"],
        title_ru=row["title_ru"], room_id=row["room_id"],
        starts_at=datetime.fromisoformat(row["starts_at"]),
        ends_at=datetime.fromisoformat(row["ends_at"]),
        languages=tuple(x for x in row["languages"].split(",") if x),
        interpretation=bool(row["interpretation"]), expected=row["expected"],
        organizer=row["organizer"], access=tuple(access.get(row["id"], ())),
    )


def set_access(db: Database, session_id: int, category_ids: list[int]) -> None:
    """Who may enter: these categories only (an empty list: the kind's default rule)."""
    with atomic(db):
        db.execute("DELETE FROM session_access WHERE session_id = ?", [session_id])
        db.conn.executemany(
            "INSERT INTO session_access (session_id, category_id) VALUES (?, ?)",
            [(session_id, category_id) for category_id in category_ids])


def update_session(db: Database, session: Session) -> None:
    """Write an edited session (its access list too)."""
    assert session.id is not None
    with atomic(db):
        db.execute(
            "UPDATE session SET kind = ?, title_en = ?, title_ru = ?, room_id = ?,"
            " starts_at = ?, ends_at = ?, languages = ?, interpretation = ?, expected = ?,"
            " organizer = ? WHERE id = ?",
            [session.kind.value, session.title_en, session.title_ru, session.room_id,
             _utc(session.starts_at), _utc(session.ends_at),
             ",".join(session.languages), int(session.interpretation), session.expected,
             session.organizer, session.id])
        set_access(db, session.id, list(session.access))



def delete_session(db: Database, session_id: int) -> None:
    """The session row; who may enter and who speaks go with it (ON DELETE CASCADE)."""
    db.execute("DELETE FROM session WHERE id = ?", [session_id])


def room_taken(db: Database, session_id: int) -> str | None:
    """Another session in this session's room at an overlapping time (two desks each
    placing one there while apart): its title, or None."""
    row = db.execute(
        "SELECT o.title_en FROM session s JOIN session o ON o.room_id = s.room_id AND"
        " o.id <> s.id WHERE s.id = ? AND s.room_id IS NOT NULL AND o.starts_at < s.ends_at"
        " AND s.starts_at < o.ends_at LIMIT 1", [session_id]).fetchone()
    return str(row[0]) if row else None
