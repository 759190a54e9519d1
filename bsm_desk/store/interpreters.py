"""The interpreters in the database."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlite_utils import Database

from bsm_desk.domain.interpreters import Class, format_languages, parse_languages


@dataclass(frozen=True)
class Interpreter:
    name: str
    name_cyr: str
    languages: dict[str, Class]
    staff: bool
    available: tuple[date, ...]  # empty: every day of the event
    fee: float = 0.0
    email: str = ""
    id: int | None = None


_COLUMNS = "id, name, name_cyr, languages, staff, available, fee, email"


def _from_row(row: tuple) -> Interpreter:  # type: ignore[type-arg]
    days = tuple(date.fromisoformat(d) for d in str(row[5]).split(";") if d)
    return Interpreter(str(row[1]), str(row[2]), parse_languages(str(row[3])), bool(row[4]),
                       days, float(row[6]), str(row[7]), int(row[0]))


def all_interpreters(db: Database) -> list[Interpreter]:
    return [_from_row(r) for r in db.execute(
        f"SELECT {_COLUMNS} FROM interpreter ORDER BY name COLLATE NOCASE, id").fetchall()]


def save(db: Database, person: Interpreter) -> int:
    """Insert (no id) or update (with id); returns the id."""
    values = [person.name, person.name_cyr, format_languages(person.languages),
              int(person.staff), ";".join(d.isoformat() for d in sorted(person.available)),
              person.fee, person.email, datetime.now(UTC).isoformat()]
    if person.id is None:
        cursor = db.execute(
            "INSERT INTO interpreter (uuid, name, name_cyr, languages, staff, available, fee,"
            " email, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [str(uuid.uuid4()), *values])
        return int(cursor.lastrowid or 0)
    db.execute("UPDATE interpreter SET name = ?, name_cyr = ?, languages = ?, staff = ?,"
               " available = ?, fee = ?, email = ?, updated_at = ? WHERE id = ?",
               [*values, person.id])
    return person.id
