"""The event file as the window and the command line handle it: opened (its schema
brought up to date), named, its schema's number, SQLite's own error said in words — so
that nothing above the services reaches into the store — and which desk of which hub the
file is, read without loading the hub's machinery (psycopg is not imported at start-up
for an event without a hub)."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from bsm_desk.domain.errors import UserError
from bsm_desk.store import db as store
from bsm_desk.store import hub_desk_state as state
from bsm_desk.store.db import EventConnection  # an event open on a bare connection

if TYPE_CHECKING:
    from sqlite_utils import Database

    from bsm_desk.store.reading import Reads


def connect(path: str | Path, *, create: bool = False, migrate: bool = True,
            check: bool = True) -> Database:
    """Open (with ``create``, make) an event file, its schema brought up to date; a
    UserError in words when it cannot be (locked, damaged, of a newer version…)."""
    return store.connect(path, create=create, migrate=migrate, check=check)


def open_event(path: str | Path, *, check: bool = True) -> EventConnection:
    """What :func:`connect` does, the connection left bare: enough for the reads that
    take any open event (the overview, :func:`desk_of`, :func:`guarded`) before
    sqlite-utils is loaded — the window's first paint. :func:`as_database` for the rest."""
    return store.open_connection(path, check=check)


def as_database(conn: EventConnection) -> Database:
    """A connection from :func:`open_event` for everything else (the services' writes)."""
    return store.wrap(conn)


# Pages the window's connection keeps in memory, in KiB (SQLite's default is 2,000): at
# 100,000 delegates their table (29 MB), its name index and the search index stay there,
# and a search that matches thousands reads their rows from memory, not from the file
# (a third faster). Bounded, and emptied whenever another connection writes.
WINDOW_PAGE_CACHE_KIB = 64_000


def for_the_window(conn: EventConnection) -> EventConnection:
    """``conn`` made the window's: the lists it browses kept in memory."""
    conn.execute(f"PRAGMA cache_size = -{WINDOW_PAGE_CACHE_KIB}")
    return conn


def guarded(db: Reads) -> bool:
    """Whether opening this event asks something of the user first: its operators to
    sign in, or its sealed personal data to be unlocked."""
    from bsm_desk.store import operators, privacy

    return operators.any_enabled(db) or privacy.protected(db)


def db_file(db: Database) -> Path:
    """The file behind an open event (for messages, and for workers that open their own
    connection to it)."""
    return store.db_file(db)


def schema_version(db: Database) -> int:
    return store.schema_version(db)


def user_error(exc: sqlite3.DatabaseError, path: str | Path) -> UserError:
    """SQLite's own error, caught above the services, said in words."""
    return store.user_error(exc, path)


def desk_of(db: Reads, desk_id: str) -> str:
    """The desk this event file is at its hub, as kept in the file at hub init or join
    (a desk whose settings were lost or damaged is still the same desk); ``desk_id``
    for a file without one."""
    return state.get(db, state.DESK_ID) or desk_id


def desk_of_file(path: str | Path) -> str:
    """The same, read from a file without opening it for writing ('' if none)."""
    import sqlite3

    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return ""
    try:
        row = conn.execute("SELECT value FROM sync_state WHERE name = ?",
                           [state.DESK_ID]).fetchone()
    except sqlite3.Error:
        return ""
    finally:
        conn.close()
    return str(row[0]) if row and row[0] else ""



def hub_address(db: Database) -> str:
    """The hub this event's desk exchanges with ("" if none)."""
    return state.get(db, state.URL)


class IntegrityCheck:
    """SQLite's full check of the file (with ``quick``, its quick check: no index
    compared with its table), on a read-only connection of its own (slow on a
    big file: :meth:`run` it off the GUI thread); :meth:`interrupt` stops it from any
    thread. The connection is opened, interrupted and closed under one lock: an interrupt
    never meets a connection being closed (that was a crash when the window closed just
    as the check ended)."""

    def __init__(self, path: Path, *, quick: bool = False) -> None:
        self.path = path
        self.pragma = "quick_check" if quick else "integrity_check"
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._stopped = False

    def run(self) -> list[str]:
        """The problems found (none: the file is sound, or the check was stopped)."""
        uri = f"{self.path.resolve().as_uri()}?mode=ro"
        with self._lock:
            if self._stopped:
                return []
            conn = self._conn = sqlite3.connect(uri, uri=True, timeout=30,
                                                check_same_thread=False)
        try:
            rows = conn.execute(f"PRAGMA {self.pragma}(20)").fetchall()
        except sqlite3.OperationalError as exc:
            if "interrupt" in str(exc).lower():
                return []  # stopped: the event was closed meanwhile
            raise
        finally:
            with self._lock:
                self._conn = None
                conn.close()
        return [str(r[0]) for r in rows if r[0] != "ok"]

    def interrupt(self) -> None:
        with self._lock:
            self._stopped = True
            if self._conn is not None:
                self._conn.interrupt()


__all__ = ["EventConnection", "IntegrityCheck", "as_database", "connect", "db_file", "desk_of",
           "desk_of_file", "guarded", "hub_address", "open_event", "schema_version",
           "user_error"]
