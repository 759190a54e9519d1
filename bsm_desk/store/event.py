"""The event row (there is one per database) and its days."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from bsm_desk.domain.errors import UserError
from bsm_desk.domain.model import Day, Event
from bsm_desk.store.db import next_id
from bsm_desk.store.reading import rows

if TYPE_CHECKING:
    from sqlite_utils import Database

    from bsm_desk.store.reading import Reads


def save_event(db: Database, event: Event) -> None:
    db.execute(
        """
        INSERT INTO event (id, code, title_en, title_ru, venue_en, venue_ru, time_zone,
                           start_date, end_date, languages, secret, changeover_min,
                           created_at)
        VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET
            code = excluded.code, title_en = excluded.title_en, title_ru = excluded.title_ru,
            venue_en = excluded.venue_en, venue_ru = excluded.venue_ru,
            time_zone = excluded.time_zone, start_date = excluded.start_date,
            end_date = excluded.end_date, languages = excluded.languages,
            changeover_min = excluded.changeover_min
        """,
        [
            event.code, event.title_en, event.title_ru, event.venue_en, event.venue_ru,
            event.time_zone, event.start_date.isoformat(), event.end_date.isoformat(),
            ",".join(event.languages), event.secret, event.changeover_min,
            datetime.now(UTC).isoformat(),
        ],
    )


def get_event(db: Reads) -> Event | None:
    found = list(rows(db, "SELECT * FROM event WHERE id = 1"))
    return _event(found[0]) if found else None


def required(db: Database, missing: str) -> Event:
    """The event, or a UserError saying ``missing`` (a message template) if the file has
    none."""
    event = get_event(db)
    if event is None:
        raise UserError(missing)
    return event


def _event(row: dict[str, Any]) -> Event:
    return Event(
        id=row["id"], code=row["code"], title_en=row["title_en"], title_ru=row["title_ru"],
        venue_en=row["venue_en"], venue_ru=row["venue_ru"], time_zone=row["time_zone"],
        start_date=date.fromisoformat(row["start_date"]),
        end_date=date.fromisoformat(row["end_date"]),
        languages=tuple(x for x in row["languages"].split(",") if x),
        secret=bytes(row["secret"]),
        changeover_min=row["changeover_min"],
    )


def set_changeover(db: Database, minutes: int) -> None:
    db.execute("UPDATE event SET changeover_min = ? WHERE id = 1", [minutes])


def add_day(db: Database, day: Day) -> int:
    cursor = db.execute(
        "INSERT INTO day (id, date, opens, closes) VALUES (?, ?, ?, ?)",
        [next_id(db, "day"), day.date.isoformat(), day.opens, day.closes],
    )
    return int(cursor.lastrowid or 0)


def list_days(db: Reads) -> list[Day]:
    return [
        Day(id=r["id"], date=date.fromisoformat(r["date"]), opens=r["opens"], closes=r["closes"])
        for r in rows(db, "SELECT * FROM day ORDER BY date")
    ]


def set_hours(db: Database, day: date, opens: str, closes: str) -> None:
    db.execute("UPDATE day SET opens = ?, closes = ? WHERE date = ?",
               [opens, closes, day.isoformat()])
