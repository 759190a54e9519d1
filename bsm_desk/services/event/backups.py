"""The event's backups as the window and the command line see them: taken, listed,
opened to count what they hold, put back in place of the event file."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from bsm_desk.store import backups as store
from bsm_desk.store.backups import Backup, Contents

if TYPE_CHECKING:
    from sqlite_utils import Database


def take(conn: sqlite3.Connection | Database, event_file: str | Path, *,
         into: str | Path | None = None, out: str | Path | None = None) -> Path:
    """A backup of the open event (its connection), into the backups folder (``into``,
    default beside the file) or to ``out``; the oldest beyond the kept number go."""
    raw = conn if isinstance(conn, sqlite3.Connection) else conn.conn
    return store.take(raw, event_file, into=into, out=out)


def take_of_file(event_file: str | Path, *, into: str | Path | None = None) -> Path:
    """A backup of the event file, read through a connection of its own (an automatic
    backup, taken in whatever thread calls it, while the window keeps working)."""
    from contextlib import closing

    with closing(sqlite3.connect(str(event_file), timeout=30)) as conn:
        return store.take(conn, event_file, into=into)


def listing(event_file: str | Path, *, into: str | Path | None = None) -> list[Backup]:
    """The event's backups, newest first."""
    return store.listing(event_file, into=into)


def latest(event_file: str | Path, *, into: str | Path | None = None) -> Path | None:
    return store.latest(event_file, into=into)


def contents(backup: str | Path) -> Contents:
    """What a backup holds, counted (raises if it is not one of ours)."""
    return store.contents(backup)


def restore(event_file: str | Path, backup: str | Path) -> Path | None:
    """Put ``backup`` in place of the event file; where the old file was put aside."""
    return store.restore(event_file, backup)


__all__ = ["Backup", "Contents", "contents", "latest", "listing", "restore", "take",
           "take_of_file"]
