"""Copies of an event file taken while desks write, and putting one back.

A backup is made with SQLite's backup API, so it is a consistent copy even while
other desks commit. Backups of ``event.sqlite`` live in ``event-backups/`` beside it
(or in a folder the desk chose), named by their UTC time:
``event.20221018T093000.123Z.sqlite``. The newest 24 are kept, and beyond them the
newest of each day, so a whole conference stays restorable day by day.

Restoring never overwrites: the current file (with its ``-wal`` and ``-shm``, which
belong to it) is renamed aside first, then the backup is copied into its place.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.store.backup_folder import _STAMP, folder, name_for
from bsm_desk.store.backup_folder import Backup as Backup  # the names others know
from bsm_desk.store.backup_folder import latest as latest
from bsm_desk.store.backup_folder import listing as listing

KEEP_LATEST = 24
NOT_A_BACKUP = QT_TRANSLATE_NOOP(
    "UserError", "{path} is not a readable BSM Desk backup ({reason}). Nothing was changed.")
BACKUP_MISSING = QT_TRANSLATE_NOOP("UserError", "The backup {path} does not exist.")
SAME_FILE = QT_TRANSLATE_NOOP(
    "UserError", "{path} is the event file itself; choose one of its backups.")
CANNOT_RESTORE = QT_TRANSLATE_NOOP(
    "UserError", "Could not restore {path}: {reason}. The event file was left as it was.")


@dataclass(frozen=True)
class Contents:
    """What a backup holds, for choosing one."""

    delegates: int
    checkins: int
    event: str


def take(conn: sqlite3.Connection, event_file: str | Path, *, into: str | Path | None = None,
         out: str | Path | None = None, now: datetime | None = None,
         keep: int = KEEP_LATEST) -> Path:
    """Copy the live database behind ``conn``; into the backups folder (then pruned) or,
    with ``out``, to that file."""
    from bsm_desk.store.db import backup_to

    event_file = Path(event_file)
    if out is not None:
        return backup_to(conn, out)
    where = folder(event_file, into)
    try:
        where.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from bsm_desk.domain.errors import CANNOT_CREATE

        raise UserError(CANNOT_CREATE, path=str(where), reason=exc.strerror or str(exc)) from exc
    made = backup_to(conn, where / name_for(event_file, now or datetime.now(UTC)))
    prune(event_file, into=into, keep=keep)
    return made


def prune(event_file: str | Path, *, into: str | Path | None = None,
          keep: int = KEEP_LATEST) -> list[Path]:
    """Keep the newest ``keep`` and the newest of every day; remove the rest."""
    found = listing(event_file, into=into)
    kept_days: set[object] = set()
    removed = []
    for index, backup in enumerate(found):
        day = backup.at.date()
        if index < keep or day not in kept_days:
            kept_days.add(day)
            continue
        with contextlib.suppress(OSError):
            backup.path.unlink()
            removed.append(backup.path)
    return removed


def migration_copies(event_file: str | Path) -> list[Path]:
    """The copies the schema's updates left beside the event file
    (``event.before-v29.20261204T100000Z.sqlite``, store/db.backup_path)."""
    event_file = Path(event_file)
    try:
        return sorted(p for p in event_file.parent.glob(
            f"{glob_escape(event_file.stem)}.before-v*{event_file.suffix}") if p.is_file())
    except OSError:
        return []


def glob_escape(text: str) -> str:
    import glob

    return glob.escape(text)


def sealed(copy: str | Path) -> bool:
    """Whether a copy was taken once the event's personal data was sealed (it has the
    wrapped key, and no passport number, phone or date of birth in clear). A copy that
    cannot be read counts as not sealed."""
    try:
        with contextlib.closing(sqlite3.connect(f"{Path(copy).resolve().as_uri()}?mode=ro",
                                                uri=True)) as conn:
            if not conn.execute("SELECT EXISTS (SELECT 1 FROM data_key)").fetchone()[0]:
                return False
            clear = " OR ".join(f"({c} <> '' AND {c} NOT LIKE 'enc1:%')"
                                for c in ("phone", "passport_no", "birth_date"))
            return not conn.execute(f"SELECT EXISTS (SELECT 1 FROM delegate WHERE {clear})"
                                    ).fetchone()[0]
    except (sqlite3.Error, OSError, ValueError):
        return False


def remove(copy: str | Path) -> bool:
    """Remove a copy with its -wal and -shm; False if it could not be removed."""
    try:
        for tail in ("-wal", "-shm", ""):
            Path(f"{copy}{tail}").unlink(missing_ok=True)
    except OSError:
        return False
    return True


def contents(backup: str | Path) -> Contents:
    """Open a backup read-only and count what it holds (raises if it is not one of ours)."""
    from bsm_desk.store.db import APPLICATION_ID

    backup = Path(backup)
    if not backup.is_file():
        raise UserError(BACKUP_MISSING, path=str(backup))
    try:
        conn = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise UserError(NOT_A_BACKUP, path=str(backup), reason=str(exc)) from exc
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise UserError(NOT_A_BACKUP, path=str(backup), reason="not an event file")
        from bsm_desk.domain import errors
        from bsm_desk.store import migrations

        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > migrations.LATEST:  # put in place, it would no longer open here
            raise UserError(errors.DB_TOO_NEW, path=str(backup), found=version,
                            known=migrations.LATEST)
        check = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        if check != "ok":
            raise UserError(NOT_A_BACKUP, path=str(backup), reason=str(check))
        delegates = conn.execute(
            "SELECT count(*) FROM delegate WHERE merged_into IS NULL").fetchone()[0]
        checkins = conn.execute("SELECT count(*) FROM checkin").fetchone()[0]
        title = conn.execute("SELECT title_en FROM event LIMIT 1").fetchone()
        return Contents(int(delegates), int(checkins), str(title[0]) if title else "")
    except sqlite3.DatabaseError as exc:
        raise UserError(NOT_A_BACKUP, path=str(backup), reason=str(exc)) from exc
    finally:
        conn.close()


def restore(event_file: str | Path, backup: str | Path, *,
            now: datetime | None = None) -> Path | None:
    """Put ``backup`` in place of the event file; returns where the old file was put
    (None when there was none). Close every connection to the event file first."""
    event_file, backup = Path(event_file), Path(backup)
    if event_file.exists() and backup.exists() and event_file.samefile(backup):
        raise UserError(SAME_FILE, path=str(backup))
    contents(backup)  # refuse a broken or foreign file before touching anything
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime(_STAMP)
    aside = event_file.with_name(f"{event_file.stem}.replaced-{stamp}{event_file.suffix}")
    moved: list[tuple[Path, Path]] = []
    try:
        if event_file.exists():
            for tail in ("", "-wal", "-shm"):
                source = Path(f"{event_file}{tail}")
                if source.exists():
                    target = Path(f"{aside}{tail}")
                    os.replace(source, target)
                    moved.append((source, target))
        _copy(backup, event_file)
    except (OSError, sqlite3.Error) as exc:
        for source, target in reversed(moved):
            with contextlib.suppress(OSError):
                os.replace(target, source)
        reason = getattr(exc, "strerror", None) or str(exc)
        raise UserError(CANNOT_RESTORE, path=str(event_file), reason=reason) from exc
    _note_restored(event_file, backup, aside if moved else None)
    return aside if moved else None


def _note_restored(event_file: Path, backup: Path, aside: Path | None) -> None:
    """The restore in the restored file's audit trail: backups taken before it belong to
    the timeline set aside, and ``audit verify`` does not hold this file to them."""
    from bsm_desk.store import atomic, audit
    from bsm_desk.store.db import connect

    try:
        db = connect(event_file)
    except UserError:
        return  # refused as it is (too new, say): opening it will say why
    try:
        carried = _carry_checkins(db, aside) if aside is not None else 0
        with atomic(db):
            audit.record(db, "restored", {"from": backup.name,
                                          "set_aside": aside.name if aside else None,
                                          "checkins_carried_over": carried})
            if "sync_state" in db.table_names():  # a desk of a hub: see services/hub
                db.execute("INSERT OR REPLACE INTO sync_state (name, value) VALUES"
                           " ('restored', '1')")
    except sqlite3.Error:
        pass
    finally:
        db.close()


def _carry_checkins(db: Any, aside: Path) -> int:
    """Check-ins are facts (a person was let in): those in the file set aside that the
    backup lacks come along into the restored file, so a restore never loses one. A file
    set aside that cannot be read (the reason for the restore, often) gives none."""
    from bsm_desk.store import atomic
    from bsm_desk.store.hub_desk_state import CHECKIN_COLUMNS

    columns = ", ".join(CHECKIN_COLUMNS)
    try:
        db.execute("ATTACH DATABASE ? AS aside", [str(aside)])
    except sqlite3.Error:
        return 0
    try:
        with atomic(db):
            carried: int = max(db.execute(
                f"INSERT OR IGNORE INTO main.checkin ({columns}) SELECT {columns} FROM"
                " aside.checkin WHERE uuid NOT IN (SELECT uuid FROM main.checkin)"
                " ORDER BY rowid").rowcount, 0)
            _carry_registrations(db)
            _keep_id_floor(db)
            return carried
    except sqlite3.Error:
        return 0
    finally:
        with contextlib.suppress(sqlite3.Error):
            db.execute("DETACH DATABASE aside")


def _shared_columns(db: Any, table: str) -> list[str]:
    here = [str(r[1]) for r in db.execute(f"PRAGMA main.table_info({table})").fetchall()]
    there = {str(r[1]) for r in db.execute(f"PRAGMA aside.table_info({table})").fetchall()}
    return [c for c in here if c in there]


def _carry_registrations(db: Any) -> None:
    """Registrations and their changes are facts too: delegates and delegations added
    after the backup, the history of every change made since (and each such delegate as
    the file set aside had it), badges issued and printed since, come along."""
    def copy_missing(table: str, key: str) -> None:
        columns = ", ".join(_shared_columns(db, table))
        if columns:
            db.execute(f"INSERT OR IGNORE INTO main.{table} ({columns}) SELECT {columns}"
                       f" FROM aside.{table} WHERE {key} NOT IN (SELECT {key} FROM"
                       f" main.{table}) ORDER BY rowid")

    copy_missing("delegation", "id")
    copy_missing("delegate", "id")
    before = db.execute("SELECT coalesce(max(rowid), 0) FROM main.delegate_history"
                        ).fetchone()[0]
    copy_missing("delegate_history", "uuid")
    names = [c for c in _shared_columns(db, "delegate") if c != "id"]
    if names:  # each delegate changed since the backup, as the file set aside had it
        targets = ", ".join(names)
        db.execute(f"UPDATE main.delegate SET ({targets}) = (SELECT {targets} FROM"
                   " aside.delegate a WHERE a.id = main.delegate.id) WHERE id IN (SELECT"
                   " delegate_id FROM main.delegate_history WHERE rowid > ?) AND id IN"
                   " (SELECT id FROM aside.delegate)", [before])
    for table in ("badge_issue", "badge_print"):
        copy_missing(table, "uuid")
    db.execute("INSERT INTO delegate_fts(delegate_fts) VALUES ('rebuild')")


def _keep_id_floor(db: Any) -> None:
    """How far the file set aside had got in each table's ids: the restored file gives
    none of those again (store/db.next_id)."""
    import json

    from bsm_desk.store.db import BLOCKED_TABLES, ID_BLOCK

    if "sync_state" not in db.table_names():
        return
    block = db.execute("SELECT value FROM main.sync_state WHERE name = 'id_block'"
                       ).fetchone()
    if block is None:
        return
    low = int(block[0]) * ID_BLOCK  # the block the restored file gives ids from
    floors = {}
    for table in BLOCKED_TABLES:
        row = db.execute(f"SELECT max(id) FROM aside.{table} WHERE id >= ? AND id < ?",
                         [low, low + ID_BLOCK]).fetchone()
        if row and row[0] is not None:
            floors[table] = int(row[0])
    if floors:
        db.execute("INSERT OR REPLACE INTO sync_state (name, value) VALUES ('id_floor', ?)",
                   [json.dumps(floors)])


def _copy(backup: Path, target: Path) -> None:
    partial = target.with_name(target.name + ".part")
    try:
        source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        try:
            dest = sqlite3.connect(str(partial))
            try:
                source.backup(dest)
                dest.execute("PRAGMA journal_mode = WAL")
            finally:
                dest.close()
        finally:
            source.close()
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise
