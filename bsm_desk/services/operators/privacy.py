"""Personal data kept as a UN secretariat must (store/privacy.py does the sealing):
protect an event with a passphrase, unlock it on a desk (the passphrase, or the data
key from the OS keyring), reveal one sealed field (audited), and the purge after the
event that keeps only the anonymous attendance figures."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.domain.operators import Permission, check_text
from bsm_desk.services.operators import keystore, signing
from bsm_desk.services.operators.access import require
from bsm_desk.services.operators.acting import Acting
from bsm_desk.store import atomic, audit, audit_log, privacy
from bsm_desk.store.privacy import PROTECTED

if TYPE_CHECKING:
    from sqlite_utils import Database

SHORT = QT_TRANSLATE_NOOP("UserError", "The event's passphrase needs at least 10 characters.")
LEAST = 10  # characters of the event's passphrase
ALREADY = QT_TRANSLATE_NOOP("UserError", "This event's personal data is sealed already.")
NOT_PROTECTED = QT_TRANSLATE_NOOP("UserError", "This event's personal data is not sealed: "
                                               "there is nothing to unlock.")
NOT_A_FIELD = QT_TRANSLATE_NOOP("UserError", "{field} is not personal data that can be "
                                             "revealed.")


@dataclass(frozen=True)
class Sealed:
    delegates: int  # how many had something sealed
    copies: Copies


def protect(db: Database, passphrase: str, *, who: Acting, remember: bool = False) -> Sealed:
    """Seal every passport number, phone and date of birth of the event with a new data
    key, wrapped by ``passphrase``; what the history and the audit trail held in clear
    is sealed too, and the file compacted so no clear copy stays in free pages; the
    backups taken before, which hold them in clear, removed (one sealed backup taken in
    their place) and the copies saved elsewhere listed."""
    require(db, who, Permission.EVENT_SETTINGS)
    if len(passphrase or "") < LEAST:
        raise UserError(SHORT)
    check_text(passphrase)
    if privacy.protected(db):
        raise UserError(ALREADY)
    data_key = os.urandom(32)
    with atomic(db):
        privacy.keep(db, data_key)  # held first: the key's own entry is its first mark
        privacy.set_up(db, data_key, passphrase)
        sealer = privacy.Sealer(db)
        sealed = _seal_rows(db, sealer)
        _seal_history(db, sealer)
        audit_log.rewrite(db, _images(sealer.seal), "personal_data_sealed",
                      {"delegates": sealed})
        signing.sign_noted(db)  # the data key travels signed
    if remember:
        keystore.put(db, data_key)
    compact(db)
    return Sealed(sealed, _sweep_copies(db, every_one=False))


@dataclass(frozen=True)
class Copies:
    """What became of the copies of the event the app keeps, after sealing or the purge:
    how many were removed (they held what is now sealed or purged), the copies saved
    elsewhere that still hold it (listed, never touched: the user chose where they went),
    and the backup taken in their place."""
    removed: int = 0
    left: tuple[str, ...] = ()
    fresh: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"backups_removed": self.removed, "copies_left": list(self.left),
                "backup": self.fresh}


def _sweep_copies(db: Database, *, every_one: bool) -> Copies:
    """Remove the automatic backups and the schema updates' copies that hold personal data
    the event no longer keeps (``every_one``: all of them, after the purge; else those
    taken before sealing), then take one backup in their place."""
    from bsm_desk import config
    from bsm_desk.store import backups, journal

    path = audit.actor(db).path
    if not path or path == ":memory:":
        return Copies()
    into = config.load().backup_folder or None
    kept = [b.path for b in backups.listing(path, into=into)]
    if into:
        kept += [b.path for b in backups.listing(path)]
    kept += backups.migration_copies(path)
    removed, left = 0, []
    for copy in dict.fromkeys(kept):
        if every_one or not backups.sealed(copy):
            if backups.remove(copy):
                removed += 1
            else:
                left.append(str(copy))
    for saved in journal.subjects(db, "backup.saved"):
        if Path(saved).is_file() and (every_one or not backups.sealed(saved)):
            left.append(saved)
    fresh = None
    if removed:
        try:
            fresh = str(backups.take(db.conn, path, into=into))
        except (UserError, OSError):
            fresh = None
    return Copies(removed, tuple(left), fresh)


def _seal_rows(db: Database, sealer: privacy.Sealer) -> int:
    count = 0
    columns = ", ".join(PROTECTED)
    for row in db.execute(f"SELECT id, {columns} FROM delegate").fetchall():
        values = [sealer.seal(name, value) for name, value in zip(PROTECTED, row[1:],
                                                                  strict=True)]
        if values != list(row[1:]):
            db.execute(f"UPDATE delegate SET {', '.join(f'{n} = ?' for n in PROTECTED)}"
                       " WHERE id = ?", [*values, row[0]])
            count += 1
    return count


def _sealed_changes(text: str | None, seal: Callable[[str, str | None], str | None]
                    ) -> str | None:
    """A history entry's changes with protected before/after values sealed."""
    if not text:
        return text
    try:
        changes = json.loads(text)
    except ValueError:
        return text
    if not isinstance(changes, dict):
        return text
    sealed = privacy.seal_changes(changes, seal)
    return json.dumps(sealed, ensure_ascii=False, default=str) if sealed != changes else text


def _seal_history(db: Database, sealer: privacy.Sealer) -> None:
    for uuid, changes in db.execute("SELECT uuid, changes FROM delegate_history").fetchall():
        new = _sealed_changes(changes, sealer.seal)
        if new != changes:
            db.execute("UPDATE delegate_history SET changes = ? WHERE uuid = ?", [new, uuid])


def _images(seal: Callable[[str, str | None], str | None]
            ) -> Callable[[audit_log.Entry], tuple[str | None, str | None] | None]:
    """For the audit trail's rewrite: delegate rows and history entries, sealed."""
    def image(text: str | None, history: bool) -> str | None:
        if not text:
            return text
        try:
            row = json.loads(text)
        except ValueError:
            return text
        if not isinstance(row, dict):
            return text
        if history:
            changes = row.get("changes")
            new = _sealed_changes(changes if isinstance(changes, str) else None, seal)
            if new == changes:
                return text
            row["changes"] = new
        else:
            found = {n: seal(n, None if row.get(n) is None else str(row[n]))
                     for n in PROTECTED if n in row}
            if all(found[n] == row[n] for n in found):
                return text
            row.update(found)
        return json.dumps(row, ensure_ascii=False, separators=(",", ":"))

    def images(entry: audit_log.Entry) -> tuple[str | None, str | None] | None:
        if entry.table in ("delegate", "delegate_history"):
            history = entry.table == "delegate_history"
            return image(entry.before, history), image(entry.after, history)
        return None

    return images


def compact(db: Database) -> None:
    """Rebuild the file (VACUUM) and empty the WAL: what was overwritten is gone from
    free pages too."""
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("VACUUM")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def unlock(db: Database, passphrase: str | None = None, *, remember: bool = False) -> bool:
    """Give this desk the event's data key: from the passphrase, else from the OS
    keyring. True if the personal data can now be read (or nothing is sealed)."""
    if not privacy.protected(db):
        return True
    if passphrase is None:
        found = keystore.get(db)
        if found is not None and privacy.fits(db, found):
            _hold(db, found)
            return True
        return False
    data_key = privacy.unwrap(db, check_text(passphrase))
    _hold(db, data_key)
    if remember:
        keystore.put(db, data_key)
    seal_what_is_left(db)
    return True


def protected(db: Database) -> bool:
    """Whether the event's personal data is sealed (its key made)."""
    return privacy.protected(db)


def sealed_file(path: Path) -> bool:
    """Whether the file is an event with a key, read without changing it (a file that is
    not an event is left as it is for whoever opens it to judge)."""
    import sqlite3
    from contextlib import closing

    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as raw:
            return bool(raw.execute("SELECT EXISTS (SELECT 1 FROM data_key)").fetchone()[0])
    except (sqlite3.Error, OSError, ValueError):
        return False


def unlocked(db: Database) -> bool:
    """Whether this process can read the event's personal data (or nothing is sealed)."""
    return privacy.unlocked(db)


def keep_here(db: Database, passphrase: str) -> bool:
    """Open the event's key with its passphrase (UserError if it does not) and keep it
    on this desk, outside the event file; False when it could not be kept (no keyring,
    a folder that cannot be written): unlocked for this process only."""
    unlock(db, passphrase)
    data_key = privacy.key(db)
    return data_key is not None and keystore.put(db, data_key)


def _hold(db: Database, data_key: bytes) -> None:
    """The event's key held by this process from now on; what this process wrote to the
    log before it held the key is vouched for (store/audit.vouch)."""
    privacy.keep(db, data_key)
    try:
        with atomic(db):
            audit.vouch(db)
    except Exception:  # noqa: BLE001 - a file another desk holds busy: vouched for next time
        pass


def seal_what_is_left(db: Database) -> int:
    """A desk whose event was sealed at another desk (the key came through the hub)
    seals its own copy the first time it holds the key: nothing stays here in clear."""
    names = " OR ".join(f"({n} <> '' AND {n} NOT LIKE '{privacy.PREFIX}%')" for n in PROTECTED)
    if db.execute(f"SELECT EXISTS (SELECT 1 FROM delegate WHERE {names})").fetchone()[0] != 1:
        return 0
    with atomic(db):
        sealer = privacy.Sealer(db)
        sealed = _seal_rows(db, sealer)
        _seal_history(db, sealer)
        audit_log.rewrite(db, _images(sealer.seal), "personal_data_sealed", {"delegates": sealed})
        _hub_copy_to_seal(db)
    try:
        compact(db)
    except Exception:  # noqa: BLE001 - another connection busy: compacted another time
        pass
    return sealed


def _hub_copy_to_seal(db: Database) -> None:
    """At the desk that published the event to a hub, the key arriving here (the event
    was sealed at another desk) means the hub's copy and events are now this desk's to
    seal, at its next exchange while it holds the key."""
    from bsm_desk.store import hub_desk_state as state

    if state.get(db, state.URL) and state.get(db, state.ID_BLOCK) == "0":
        state.put(db, state.REPUBLISH, "1")
        state.put(db, state.RESEAL, "1")


def lock(db: Database) -> None:
    privacy.forget(db)


def reveal(db: Database, delegate_id: int, field: str, *, who: Acting) -> str:
    """One sealed field shown in clear to a registrar or above; the reveal is audited."""
    if field not in PROTECTED:
        raise UserError(NOT_A_FIELD, field=field)
    require(db, who, Permission.REVEAL)
    from bsm_desk.store import delegates as delegate_store

    found = delegate_store.get_delegate(db, delegate_id)
    if found is None or field in found.sealed:
        raise privacy.NoKey()
    value: Any = getattr(found, field)
    with atomic(db):
        audit.record(db, "reveal", {"delegate": delegate_id, "field": field})
    return "" if value is None else str(value.isoformat() if hasattr(value, "isoformat")
                                        else value)


# What the purge removes, per table: (column, the value left). Names only without
# --keep-names. The anonymous figures (day, session, category, delegation, gender, the
# check-ins themselves) stay exactly as they were.
PERSONAL: dict[str, dict[str, Any]] = {
    "delegate": {"email": "", "phone": "", "passport_no": "", "birth_date": None,
                 "nationality": "", "external_id": ""},
    "interpreter": {"email": "", "phone": ""},
}
NAMES: dict[str, dict[str, Any]] = {
    "delegate": {"family_name": "", "given_name": "", "family_name_cyr": "",
                 "given_name_cyr": "", "honorific": "", "function_en": "", "function_ru": "",
                 "search_key": ""},
    "interpreter": {"name": "", "name_cyr": ""},
}
REDACTED = "[purged]"


def purge(db: Database, *, keep_names: bool, who: Acting) -> dict[str, Any]:
    """After the event: personal data (and, unless ``keep_names``, names) removed from
    every table, the history and the audit trail; photos and statements' files go; the
    file is compacted so nothing stays in free pages; every backup the app kept is
    removed (one purged backup taken in their place) and the copies saved elsewhere are
    listed (``copies_left``). The purge itself is audited."""
    require(db, who, Permission.EVENT_SETTINGS)
    wiped: dict[str, dict[str, Any]] = {t: dict(c) for t, c in PERSONAL.items()}
    if not keep_names:
        for table, columns in NAMES.items():
            wiped[table].update(columns)
    counts: dict[str, int] = {}
    with atomic(db):
        for table, columns in wiped.items():
            sets = ", ".join(f"{c} = ?" for c in columns)
            counts[table] = db.execute(f"UPDATE {table} SET {sets}",
                                       list(columns.values())).rowcount
        if not keep_names:
            db.execute("UPDATE delegate SET family_name = 'Participant ' || id")
            db.execute("UPDATE interpreter SET name = 'Interpreter ' || id")
            db.execute("INSERT INTO delegate_fts(delegate_fts) VALUES ('rebuild')")
        counts["photos"] = db.execute("DELETE FROM delegate_photo").rowcount
        counts["history"] = db.execute("UPDATE delegate_history SET changes = '{}'"
                                       " WHERE changes <> '{}'").rowcount
        db.execute("UPDATE journal SET detail = '{}' WHERE detail <> '{}'")
        db.execute("DELETE FROM sync_review")
        # The event's key stays (wrapped): nothing sealed is left for it to open, but the
        # operators' verifiers and the audit log's marks are keyed from it.
        redacted = {**{t: set(c) for t, c in wiped.items()},
                    "delegate_history": {"changes"}, "journal": {"detail"},
                    "delegate_photo": {"image", "mime"}, "sync_review": {"detail"}}
        audit_log.rewrite(db, _redact(db, redacted), "purged",
                      {"keep_names": keep_names, **counts})
        signing.sign_noted(db)
    compact(db)
    return {**counts, **_sweep_copies(db, every_one=True).as_dict()}


def _redact(db: Database, redacted: dict[str, set[str]]
            ) -> Callable[[audit_log.Entry], tuple[str | None, str | None] | None]:
    """Images of the purged tables with those columns replaced, but for the image that
    is the row as it now stands (the one ``audit verify`` compares)."""
    recorded = audit_log.recorded_columns(db)
    current = {table: audit_log.current_images(db, table, *recorded[table])
               for table in redacted if table in recorded}

    def image(text: str | None, columns: set[str]) -> str | None:
        if not text:
            return text
        try:
            row = json.loads(text)
        except ValueError:
            return REDACTED
        if not isinstance(row, dict) or not any(c in row for c in columns):
            return text
        row.update({c: REDACTED for c in columns if c in row and row[c] not in ("", None)})
        return json.dumps(row, ensure_ascii=False, separators=(",", ":"))

    def images(entry: audit_log.Entry) -> tuple[str | None, str | None] | None:
        columns = redacted.get(entry.table)
        if columns is None:
            return None
        now = current.get(entry.table, {}).get(entry.key)
        after = entry.after if entry.after is not None and entry.after == now else \
            image(entry.after, columns)
        return image(entry.before, columns), after

    return images
