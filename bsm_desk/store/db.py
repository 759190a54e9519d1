"""Opening an event database the one right way.

Every connection gets WAL (desks read while one writes), ``synchronous=FULL`` (a
check-in shown as accepted survives a power cut), foreign keys and a busy
timeout. The connection is in autocommit mode and :func:`atomic` opens explicit
transactions, so a multi-step write is all or nothing. One connection per
thread: open another with :func:`connect` instead of sharing.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from bsm_desk.domain import errors
from bsm_desk.domain.errors import UserError
from bsm_desk.store.schema import LATEST

if TYPE_CHECKING:
    from sqlite_utils import Database

    from bsm_desk.store.reading import Reads

# "BSMD": marks a file as ours, so opening someone's other SQLite file is refused.
APPLICATION_ID = 0x42534D44
BUSY_TIMEOUT_MS = 5000
_savepoints = itertools.count(1)


def connect(path: str | Path, *, create: bool = False, migrate: bool = True,
            check: bool = True) -> Database:
    """Open (or with ``create``, make) an event database and bring its schema up to date.

    ``check`` runs SQLite's quick check first, bounded in time, so a damaged file is
    said to be damaged before any desk writes into it. The window opens without it (its
    first paint does not wait: it checks the file in the background at once); a file
    whose schema is to be brought up to date is checked all the same.
    """
    return wrap(open_connection(path, create=create, migrate=migrate, check=check))


def open_connection(path: str | Path, *, create: bool = False, migrate: bool = True,
                    check: bool = True) -> EventConnection:
    """What :func:`connect` does, the connection left bare: enough to read (``execute``;
    see store/reading.py), as the window's first paint does before sqlite-utils is
    loaded; :func:`wrap` it for anything else. A file whose schema is behind is brought
    up to date here all the same (that loads the migrations and sqlite-utils)."""
    path = Path(path)
    if not create and not path.exists():
        raise UserError(errors.DB_NOT_FOUND, path=str(path))
    if not create and path.is_file() and path.stat().st_size == 0:
        # Only a new event (or the demo) makes an event file; filling a stray empty file
        # with a schema would hide the mistake until the first foreign key failed.
        raise UserError(errors.DB_EMPTY, path=str(path))
    if create:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(errors.CANNOT_CREATE, path=str(path),
                            reason=exc.strerror or str(exc)) from exc
    try:
        conn = sqlite3.connect(
            str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
            check_same_thread=True, factory=EventConnection,
        )
    except sqlite3.Error as exc:
        raise UserError(errors.DB_UNREADABLE, path=str(path), reason=str(exc)) from exc
    try:
        _configure(conn, path)
        if check:
            _quick_check(conn, path)
        if migrate:
            _check_and_migrate(conn, path, checked=check)
    except sqlite3.DatabaseError as exc:
        conn.close()
        if _read_only_folder(path):
            raise UserError(errors.DB_READ_ONLY, path=str(path)) from exc
        raise _user_error(exc, path) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def wrap(conn: EventConnection) -> Database:
    """An open event connection as the store's ``Database`` (sqlite-utils, imported the
    first time this is asked: _imports.py), and able to write: the functions the audit
    trail's triggers call, and the region's sort order, are added to it. Plugins never
    run on it: one installed beside us must not change how an event file behaves."""
    from bsm_desk._imports import load_sqlite_utils
    from bsm_desk.domain.names import sort_key
    from bsm_desk.store import audit

    audit.register(conn, conn.bsm_path)
    # Cyrillic names in the region's alphabets (Қ after К, Ҷ after Ч), for ORDER BY.
    conn.create_function("bsm_sort_key", 1, sort_key, deterministic=True)
    conn.execute("PRAGMA query_only = OFF")

    load_sqlite_utils()
    from sqlite_utils import Database

    return Database(conn, execute_plugins=False)


class EventConnection(sqlite3.Connection):
    """A connection to an event file; it carries its path and who acts on it
    (store/audit.py)."""

    bsm_actor: object = None
    bsm_path: str = ""


def _read_only_folder(path: Path) -> bool:
    folder = path.parent if str(path.parent) else Path(".")
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY) or not os.access(folder,
                                                                            os.W_OK)
    except (OSError, AttributeError):  # no statvfs on Windows
        return not os.access(folder, os.W_OK)


def _configure(conn: EventConnection, path: Path) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal" and str(path) != ":memory:":
        raise sqlite3.OperationalError(f"journal_mode is {mode}, not WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    # What is deleted or overwritten is zeroed, not left in free pages (personal data).
    conn.execute("PRAGMA secure_delete = ON")
    # Bare, it only reads: writing needs the audit trail's functions, which wrap() adds.
    conn.execute("PRAGMA query_only = ON")
    conn.bsm_path = str(path)


# Enough for the whole quick check of a real event (700 people: about 10 ms); a file of
# 100,000 people with a million check-ins needs about 250 ms, more than a desk should
# wait at every start: it is checked as far as the budget goes, and in full by the
# window in the background (ui/event_file_care.py).
QUICK_CHECK_BUDGET_S = 0.06


def _quick_check(conn: sqlite3.Connection, path: Path) -> None:
    """``PRAGMA quick_check``, given up (not failed) when it would take longer than the
    budget: a huge file is then checked in full in the background by the window.

    SQLite checks each table's pages within one step of its program, so a progress
    handler is only called between tables (a file of 100,000 people overran the budget
    threefold): the check is interrupted from a timer instead, and only while it runs.
    """
    guard = threading.Lock()
    checking = True

    def give_up() -> None:
        with guard:
            if checking:  # never once the check is over: it would stop the next query
                conn.interrupt()

    timer = threading.Timer(QUICK_CHECK_BUDGET_S, give_up)
    timer.daemon = True
    timer.start()
    try:
        found = conn.execute("PRAGMA quick_check(3)").fetchall()
    except sqlite3.OperationalError as exc:
        if "interrupt" in str(exc).lower():
            return
        raise
    finally:
        with guard:
            checking = False
        timer.cancel()
    problems = [str(r[0]) for r in found if r[0] != "ok"]
    if problems:
        raise damaged(path, " ".join("; ".join(problems).split())[:200])


def integrity_problems(db: Database) -> list[str]:
    """The full ``PRAGMA integrity_check`` (slow on a big file: run it off the GUI thread,
    on a connection of its own)."""
    rows = db.execute("PRAGMA integrity_check(20)").fetchall()
    return [str(r[0]) for r in rows if r[0] != "ok"]


def damaged(path: Path, reason: str) -> errors.DatabaseDamaged:
    from bsm_desk.store.backup_folder import latest as latest_backup

    latest = latest_backup(path)
    template = errors.DB_DAMAGED if latest else errors.DB_DAMAGED_NO_BACKUP
    return errors.DatabaseDamaged(template, latest_backup=str(latest or ""), path=str(path),
                                  reason=reason, backup=str(latest or ""))


def _check_and_migrate(conn: EventConnection, path: Path, *, checked: bool = True
                       ) -> None:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    has_tables = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").fetchone() is not None
    if app_id != APPLICATION_ID and (has_tables or version):
        raise UserError(errors.DB_NOT_BSM, path=str(path))
    if version > LATEST:
        from bsm_desk import __version__

        theirs = written_by(conn)
        if theirs:
            raise UserError(errors.DB_TOO_NEW_BY, path=str(path), theirs=theirs,
                            found=version, ours=__version__, known=LATEST)
        raise UserError(errors.DB_TOO_NEW, path=str(path), found=version, known=LATEST)
    if version < LATEST:
        if has_tables and not checked:  # a file about to be rewritten is checked first
            _quick_check(conn, path)
        copy = backup_to(conn, backup_path(path, version)) if has_tables else None
        try:
            migrate_to(wrap(conn), LATEST)
        except sqlite3.DatabaseError as exc:
            # Each step is its own transaction: the failed one was rolled back.
            raise UserError(errors.UPGRADE_FAILED, path=str(path), reason=str(exc),
                            copy=str(copy or "—")) from exc


def written_by(db: Reads) -> str:
    """The BSM Desk version that last brought this file's schema up (from step 24 on);
    '' if it does not say."""
    try:
        row = db.execute("SELECT value FROM app_meta WHERE name = 'written_by'").fetchone()
    except sqlite3.OperationalError:
        return ""
    return str(row[0])[:40] if row else ""


def migrate_to(db: Database, target: int) -> None:
    """Apply the numbered migrations after the file's version, each in its own transaction;
    note which app did (an older app then names it when it refuses the file)."""
    from bsm_desk import __version__
    from bsm_desk.store import migrations

    current = db.execute("PRAGMA user_version").fetchone()[0]
    for number, step in migrations.STEPS:
        if current < number <= target:
            with atomic(db):
                step(db)
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                if number >= 24:
                    db.execute("INSERT OR REPLACE INTO app_meta (name, value) VALUES"
                               " ('written_by', ?)", [__version__])
                db.execute(f"PRAGMA user_version = {number}")
            current = number


def schema_version(db: Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def backup_path(path: Path, version: int) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return path.with_name(f"{path.stem}.before-v{version + 1}.{stamp}{path.suffix}")


@contextmanager
def atomic(db: Database) -> Iterator[Database]:
    """One transaction: committed when the block ends, rolled back if it raises.

    Nested use joins the outer transaction through a savepoint, so a service can
    call a repository that is itself atomic.
    """
    conn = db.conn
    if conn.in_transaction:
        name = f"sp{next(_savepoints)}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield db
        except BaseException:
            if conn.in_transaction:  # not when SQLite has rolled everything back itself
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
            raise
        conn.execute(f"RELEASE {name}")
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise _user_error(exc, db_file(db)) from exc
    try:
        yield db
    except BaseException:
        # SQLite rolls back by itself on some errors (a full disk, an I/O error): a
        # second ROLLBACK would raise "no transaction is active" and hide the real one.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise _user_error(exc, db_file(db)) from exc


@contextmanager
def patience(db: Database, ms: int | None) -> Iterator[None]:
    """Wait at most ``ms`` for another program's lock inside the block (None: the usual
    busy timeout). A window that must stay responsive asks for less and tries again."""
    if ms is None:
        yield
        return
    db.conn.execute(f"PRAGMA busy_timeout = {int(ms)}")
    try:
        yield
    finally:
        db.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def id_chunks(ids: Sequence[int], size: int = 500) -> Iterator[tuple[list[int], str]]:
    """``ids`` in slices that fit one statement, each with its "?,?,..." placeholders."""
    for start in range(0, len(ids), size):
        chunk = list(ids[start:start + size])
        yield chunk, ",".join("?" * len(chunk))


def db_file(db: Database) -> Path:
    """The file behind a connection (for messages)."""
    row = db.execute("PRAGMA database_list").fetchone()
    return Path(row[2] if row and row[2] else ":memory:")


def backup_to(db: Database | sqlite3.Connection, target: str | Path) -> Path:
    """A consistent copy of the live database (SQLite backup API), safe while desks write."""
    conn = db if isinstance(db, sqlite3.Connection) else db.conn
    target = Path(target)
    tmp = target.with_name(target.name + ".part")
    try:
        tmp.unlink(missing_ok=True)
        dest = sqlite3.connect(str(tmp))
        try:
            conn.backup(dest)
        finally:
            dest.close()
        tmp.replace(target)
    except (OSError, sqlite3.Error) as exc:
        # The clean-up may fail too (a read-only folder): the first error is the one to say.
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise UserError(errors.DISK_FULL, path=str(target), reason=str(exc)) from exc
    return target


def _user_error(exc: sqlite3.DatabaseError, path: Path) -> UserError:
    """What SQLite said, as a message a desk can act on."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return errors.DatabaseBusy(errors.DB_LOCKED, path=str(path))
    if "malformed" in text or _looks_like_sqlite(path) and "not a database" in text:
        return damaged(path, str(exc))
    if "not a database" in text or "encrypted" in text:
        return UserError(errors.DB_NOT_BSM, path=str(path))
    if "disk" in text or "full" in text or "readonly" in text:
        return UserError(errors.DISK_FULL, path=str(path), reason=str(exc))
    return UserError(errors.DB_UNREADABLE, path=str(path), reason=str(exc))


def user_error(exc: sqlite3.DatabaseError, path: str | Path) -> UserError:
    """For callers above the store that caught SQLite's own error."""
    return _user_error(exc, Path(path))


def _looks_like_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


__all__ = ["atomic", "patience", "backup_to", "connect", "migrate_to", "open_connection",
           "schema_version", "wrap"]


ID_BLOCK = 1_000_000  # ids a desk of a hub gives its new delegates and delegations


BLOCKED_TABLES = ("category", "day", "delegate", "delegation", "interpreter", "operator",
                  "room", "session", "side_event_request", "speaker_entry")


def block_floor(db: Database) -> int:
    """The first block of ids above every id this file holds (in any table whose ids
    come from a desk's block): a block from there is nobody's yet, as far as it knows."""
    top = 0
    for table in BLOCKED_TABLES:
        try:
            row = db.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()
        except sqlite3.OperationalError:
            continue
        top = max(top, int(row[0]))
    try:  # the highest block the hub had given any desk when this file last looked
        given = db.execute("SELECT value FROM sync_state WHERE name = 'blocks_top'"
                           ).fetchone()
    except sqlite3.OperationalError:
        given = None
    known = int(given[0]) + 1 if given and str(given[0]).isdigit() else 0
    return max(top // ID_BLOCK + 1, known)


def next_id(db: Database, table: str) -> int:
    """The id a new row of ``table`` gets. On a desk of a hub, within the block the hub
    gave it (block k: from k × ID_BLOCK), so that ids — which badge codes carry — are the
    same person at every desk; elsewhere, one more than the largest."""
    block = None
    try:
        row = db.execute("SELECT value FROM sync_state WHERE name = 'id_block'").fetchone()
        block = int(row[0]) if row else None
    except sqlite3.OperationalError:  # a file from before the hub (no sync_state yet)
        block = None
    if block is None:
        return int(db.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]) + 1
    low, high = block * ID_BLOCK, (block + 1) * ID_BLOCK
    top = db.execute(f"SELECT coalesce(max(id), ?) FROM {table} WHERE id >= ? AND id < ?",
                     [low, low, high]).fetchone()[0]
    return max(int(top), _given_before(db, table, low, high)) + 1


def _given_before(db: Database, table: str, low: int, high: int) -> int:
    """The highest id of ``table`` this desk gave before its file went back (a backup
    put in its place: the file set aside said how far it had got), so that none is given
    twice before the hub hands out a fresh block."""
    row = db.execute("SELECT value FROM sync_state WHERE name = 'id_floor'").fetchone()
    if row is None:
        return 0
    try:
        found = int(json.loads(row[0]).get(table, 0))
    except (ValueError, TypeError, AttributeError):
        return 0
    return found if low <= found < high else 0


def change_marks(db: Database) -> tuple[int, int]:
    """(data_version, total_changes) of this connection: the first moves when another
    connection (a process, a thread, the hub's worker) commits to the file, the second
    with this connection's own writes. Both cost next to nothing to read."""
    version = db.execute("PRAGMA data_version").fetchone()[0]
    return int(version), int(db.conn.total_changes)
