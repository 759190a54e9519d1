"""Where an event's backups live and which there are: ``event.sqlite``'s in
``event-backups/`` beside it (or a folder the desk chose), each named by its UTC time
(``event.20221018T093000.123Z.sqlite``); listed newest first. Plain files only: the
store's connection (db.py) asks here for the latest backup when a file is damaged."""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

_STAMP = "%Y%m%dT%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)\.(?P<stamp>\d{8}T\d{6})\.(?P<ms>\d{3})Z\.sqlite$")


@dataclass(frozen=True)
class Backup:
    path: Path
    at: datetime  # UTC
    size: int


def folder(event_file: str | Path, chosen: str | Path | None = None) -> Path:
    event_file = Path(event_file)
    return Path(chosen) if chosen else event_file.with_name(f"{event_file.stem}-backups")


def name_for(event_file: Path, at: datetime) -> str:
    at = at.astimezone(UTC)
    return f"{event_file.stem}.{at.strftime(_STAMP)}.{at.microsecond // 1000:03d}Z.sqlite"


def listing(event_file: str | Path, *, into: str | Path | None = None) -> list[Backup]:
    """The event's backups, newest first."""
    event_file = Path(event_file)
    where = folder(event_file, into)
    found = []
    try:
        entries = list(where.iterdir())
    except OSError:
        return []
    for entry in entries:
        match = _NAME.match(entry.name)
        if not match or match["stem"] != event_file.stem:
            continue
        at = datetime.strptime(match["stamp"], _STAMP).replace(
            microsecond=int(match["ms"]) * 1000, tzinfo=UTC)
        with contextlib.suppress(OSError):
            found.append(Backup(entry, at, entry.stat().st_size))
    return sorted(found, key=lambda b: b.at, reverse=True)


def latest(event_file: str | Path, *, into: str | Path | None = None) -> Path | None:
    found = listing(event_file, into=into)
    return found[0].path if found else None
