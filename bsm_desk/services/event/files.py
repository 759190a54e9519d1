"""The event file as the window and the command line handle it: opened (its schema
brought up to date), named, its schema's number, SQLite's own error said in words — so
that nothing above the services reaches into the store."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from sqlite_utils import Database

from bsm_desk.domain.errors import UserError
from bsm_desk.store import db as store


def connect(path: str | Path, *, create: bool = False, migrate: bool = True,
            check: bool = True) -> Database:
    """Open (with ``create``, make) an event file, its schema brought up to date; a
    UserError in words when it cannot be (locked, damaged, of a newer version…)."""
    return store.connect(path, create=create, migrate=migrate, check=check)


def db_file(db: Database) -> Path:
    """The file behind an open event (for messages, and for workers that open their own
    connection to it)."""
    return store.db_file(db)


def schema_version(db: Database) -> int:
    return store.schema_version(db)


def user_error(exc: sqlite3.DatabaseError, path: str | Path) -> UserError:
    """SQLite's own error, caught above the services, said in words."""
    return store.user_error(exc, path)


def integrity_problems(path: Path, opened: Callable[[sqlite3.Connection], None] = lambda c: None
                       ) -> list[str]:
    """SQLite's full check of the file, on a read-only connection of its own (slow on a
    big file: run it off the GUI thread). ``opened`` receives the connection, so that
    another thread may interrupt the check."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True, timeout=30, check_same_thread=False)) as conn:
        opened(conn)
        try:
            rows = conn.execute("PRAGMA integrity_check(20)").fetchall()
        except sqlite3.OperationalError as exc:
            if "interrupt" in str(exc).lower():
                return []  # the event was closed meanwhile
            raise
    return [str(r[0]) for r in rows if r[0] != "ok"]


__all__ = ["connect", "db_file", "integrity_problems", "schema_version", "user_error"]
