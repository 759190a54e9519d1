"""Creating an event database, and saving a copy of it (what the overview shows is read
in overview.py)."""

from __future__ import annotations

import re
import secrets
import sqlite3
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bsm_desk.domain import badge_code, errors
from bsm_desk.domain.errors import UserError
from bsm_desk.domain.model import (
    Access,
    Category,
    Day,
    Event,
)
from bsm_desk.services.operators import Acting, Permission, at_desk, check, requires
from bsm_desk.store import atomic, backup_to, connect, journal
from bsm_desk.store import categories as category_store
from bsm_desk.store import event as event_store

if TYPE_CHECKING:
    from sqlite_utils import Database


# The categories seen at UN-style conferences: code, English, Russian, badge colour, access.
STANDARD_CATEGORIES: Sequence[tuple[str, str, str, str, Access]] = (
    ("hod", "Head of Delegation", "Глава делегации", "#b71c1c", Access.ALL),
    ("delegate", "Delegate", "Делегат", "#1565c0", Access.ALL),
    ("observer", "Observer", "Наблюдатель", "#6a1b9a", Access.OPEN),
    ("io", "International Organization", "Международная организация", "#00838f", Access.ALL),
    ("cso", "Civil Society", "Гражданское общество", "#2e7d32", Access.OPEN),
    ("expert", "Expert", "Эксперт", "#4e342e", Access.OPEN),
    ("speaker", "Speaker", "Докладчик", "#e65100", Access.ALL),
    ("media", "Media", "СМИ", "#f9a825", Access.OPEN),
    ("organizer", "Organizer", "Организатор", "#37474f", Access.STAFF),
    ("interpreter", "Interpreter", "Переводчик", "#5d4037", Access.STAFF),
    ("security", "Security", "Служба безопасности", "#212121", Access.STAFF),
    ("technical", "Technical staff", "Технический персонал", "#546e7a", Access.STAFF),
)

MAX_EVENT_DAYS = 31


@dataclass(frozen=True)
class NewEvent:
    title_en: str
    start_date: date
    end_date: date
    time_zone: str
    title_ru: str = ""
    venue_en: str = ""
    venue_ru: str = ""
    languages: tuple[str, ...] = ("en", "ru")
    code: str = ""
    opens: str = "08:00"
    closes: str = "20:00"


def validate(spec: NewEvent) -> None:
    if not spec.title_en.strip():
        raise UserError(errors.TITLE_MISSING)
    if spec.end_date < spec.start_date:
        raise UserError(errors.BAD_DATES, start=spec.start_date.isoformat(),
                        end=spec.end_date.isoformat())
    try:
        ZoneInfo(spec.time_zone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise UserError(errors.BAD_TIME_ZONE, zone=spec.time_zone) from exc
    if not spec.languages:
        raise UserError(errors.NO_LANGUAGE)
    if spec.code and not badge_code.valid_event_code(spec.code):
        raise UserError(errors.BAD_EVENT_CODE, code=spec.code)


def event_code(title: str, year: int) -> str:
    """A short code for badges: initials of the title's main words and the year."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = [w for w in re.findall(r"[A-Za-z]+", ascii_title) if len(w) > 3 or w.isupper()]
    initials = "".join(w[0] for w in words).upper()[:5] or "EVENT"
    return f"{initials}{year % 100:02d}"


def create_event(path: str | Path, spec: NewEvent, *, desk_id: str, operator: str = "",
                 categories: bool = True) -> Database:
    """Make a new event database at ``path`` (which must not exist) and return it open."""
    validate(spec)
    path = Path(path)
    if path.exists():
        raise UserError(errors.DB_EXISTS, path=str(path))
    db = connect(path, create=True)
    # who made it, for the audit log (a new file: nobody can be signed in to it yet)
    check(db, at_desk(db, desk_id=desk_id, desk_name=operator), None)
    event = Event(
        title_en=spec.title_en.strip(), title_ru=spec.title_ru.strip(),
        venue_en=spec.venue_en.strip(), venue_ru=spec.venue_ru.strip(),
        time_zone=spec.time_zone, start_date=spec.start_date, end_date=spec.end_date,
        languages=tuple(spec.languages),
        code=spec.code or event_code(spec.title_en, spec.start_date.year),
        secret=secrets.token_bytes(32),
    )
    with atomic(db):
        event_store.save_event(db, event)
        for day in event.dates():
            event_store.add_day(db, Day(date=day, opens=spec.opens, closes=spec.closes))
        if categories:
            for code, name_en, name_ru, colour, access in STANDARD_CATEGORIES:
                category_store.add_category(db, Category(code, name_en, name_ru, colour, access))
        journal.record(db, desk_id=desk_id, operator=operator, action="event.created",
                       subject=event.code, detail={"title": event.title_en})
    return db


@requires(Permission.BACKUP)
def save_backup(db: Database, target: str | Path, *, who: Acting) -> Path:
    """Copy the live database to ``target`` (a supervisor's, once the event has
    operators) and note it in the journal."""
    done = backup_to(db, target)
    note_copy(db, done, who=who)
    return done


def note_copy(db: Database, copy: str | Path, *, who: Acting) -> None:
    """A copy of the event saved somewhere a user chose, noted in the journal: sealing
    and the purge name the copies that still hold what they removed."""
    check(db, who, None)
    try:
        with atomic(db):
            journal.record(db, desk_id=who.desk_id, operator=who.name, action="backup.saved",
                           subject=str(Path(copy).resolve()))
    except sqlite3.OperationalError:  # a file from before the journal: nothing to note in
        pass
