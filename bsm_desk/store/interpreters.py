"""The interpreters in the database, and the roster that puts them in booths."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING

from bsm_desk.domain.errors import UserError
from bsm_desk.domain.interpreters import (
    Interpreter,
    Rules,
    Seat,
    format_languages,
    format_rule,
    parse_hours,
    parse_languages,
    with_rule,
)
from bsm_desk.store.db import next_id

if TYPE_CHECKING:
    from sqlite_utils import Database

_COLUMNS = ("id, name, name_cyr, languages, staff, available, fee, email, withdrawn_from,"
            " phone, avoid, hours")


def format_hours(hours: tuple[time, time] | None) -> str:
    return f"{hours[0]:%H:%M}-{hours[1]:%H:%M}" if hours else ""


def _avoid(text: str, kind: str) -> tuple[int, ...]:
    found = []
    for part in text.split(";"):
        name, _, value = part.partition(":")
        if name == kind and value.isascii() and value.isdigit():  # not "²"
            found.append(int(value))
    return tuple(found)


def _from_row(row: tuple) -> Interpreter:  # type: ignore[type-arg]
    days = tuple(date.fromisoformat(d) for d in str(row[5]).split(";") if d)
    withdrawn = date.fromisoformat(row[8]) if row[8] else None
    return Interpreter(str(row[1]), str(row[2]), parse_languages(str(row[3])), bool(row[4]),
                       days, float(row[6]), str(row[7]), int(row[0]), withdrawn, str(row[9]),
                       _avoid(str(row[10]), "room"), _avoid(str(row[10]), "session"),
                       parse_hours(str(row[11])))


def all_interpreters(db: Database) -> list[Interpreter]:
    return [_from_row(r) for r in db.execute(
        f"SELECT {_COLUMNS} FROM interpreter ORDER BY name COLLATE NOCASE, id").fetchall()]


def save(db: Database, person: Interpreter) -> int:
    """Insert (no id) or update (with id); returns the id."""
    avoid = ";".join([f"room:{i}" for i in person.avoid_rooms]
                     + [f"session:{i}" for i in person.avoid_sessions])
    values = [person.name, person.name_cyr, format_languages(person.languages),
              int(person.staff), ";".join(d.isoformat() for d in sorted(person.available)),
              person.fee, person.email,
              person.withdrawn_from.isoformat() if person.withdrawn_from else "",
              person.phone, avoid, format_hours(person.hours), datetime.now(UTC).isoformat()]
    if person.id is None:
        cursor = db.execute(
            "INSERT INTO interpreter (id, uuid, name, name_cyr, languages, staff, available, fee,"
            " email, withdrawn_from, phone, avoid, hours, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [next_id(db, "interpreter"), str(uuid.uuid4()), *values])
        return int(cursor.lastrowid or 0)
    db.execute("UPDATE interpreter SET name = ?, name_cyr = ?, languages = ?, staff = ?,"
               " available = ?, fee = ?, email = ?, withdrawn_from = ?, phone = ?, avoid = ?,"
               " hours = ?, updated_at = ? WHERE id = ?",
               [*values, person.id])
    return person.id


# --- the roster ----------------------------------------------------------------------

Key = tuple[int, str]  # (session id, booth)


def seats(db: Database) -> list[Seat]:
    return [Seat(int(r[0]), str(r[1]), int(r[2]), bool(r[3])) for r in db.execute(
        "SELECT session_id, booth, interpreter_id, locked FROM roster_assignment"
        " ORDER BY session_id, booth, id").fetchall()]


def replace_seats(db: Database, seated: Mapping[Key, Iterable[tuple[int, bool]]]) -> None:
    """The whole roster becomes ``seated``: (session, booth) → (interpreter, locked)."""
    at = datetime.now(UTC).isoformat()
    db.execute("DELETE FROM roster_assignment")
    rows = [(session_id, booth, person, int(locked), at)
            for (session_id, booth), people in seated.items() for person, locked in people]
    db.conn.executemany("INSERT INTO roster_assignment (session_id, booth, interpreter_id, locked,"
                   " at) VALUES (?, ?, ?, ?, ?)", rows)


# --- the event's rules -------------------------------------------------------------------

def rules(db: Database) -> Rules:
    """The event's rules: AIIC's defaults, with what the event set (a row that no longer
    reads, from an older version, is left at its default)."""
    found = Rules()
    for name, value in db.execute("SELECT name, value FROM interpreter_rule").fetchall():
        try:
            found = with_rule(found, str(name), str(value))
        except UserError:
            continue
    return found


def save_rules(db: Database, chosen: Rules) -> None:
    """Keep the rules that differ from the defaults (the others follow the defaults)."""
    default = Rules()
    db.execute("DELETE FROM interpreter_rule")
    for name in chosen.__dataclass_fields__:
        if getattr(chosen, name) != getattr(default, name):
            db.execute("INSERT INTO interpreter_rule (name, value) VALUES (?, ?)",
                       [name, format_rule(chosen, name)])


def double_booked(db: Database, session_id: int, booth: str, interpreter_id: int
                  ) -> tuple[str, str] | None:
    """The interpreter seated here and also in another booth of a session that overlaps
    this one (two desks each seating them while apart): (the interpreter's name, the
    other session's title), or None."""
    row = db.execute(
        "SELECT i.name, o.title_en FROM roster_assignment a JOIN session s ON s.id = ?"
        " JOIN session o ON o.id = a.session_id JOIN interpreter i ON i.id = a.interpreter_id"
        " WHERE a.interpreter_id = ? AND NOT (a.session_id = ? AND a.booth = ?)"
        " AND o.starts_at < s.ends_at AND s.starts_at < o.ends_at LIMIT 1",
        [session_id, interpreter_id, session_id, booth]).fetchone()
    return (str(row[0]), str(row[1])) if row else None
