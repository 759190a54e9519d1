"""The copy of the event file that new desks join from, on the hub: made by the first
desk (hub init), replaced once the event's personal data is sealed (protect), together
with the hub's record of delegates added or edited before that, sealed too. Only the
desk that published the event (or the hub's owner) may do either."""

from __future__ import annotations

import tempfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import psycopg
import psycopg.errors

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.store import atomic, hub, privacy
from bsm_desk.store import event as event_store
from bsm_desk.store import hub_desk_state as state
from bsm_desk.store.db import backup_to

if TYPE_CHECKING:
    from sqlite_utils import Database

NO_EVENT = QT_TRANSLATE_NOOP("UserError", "This database has no event to publish.")
NOT_PUBLISHER = QT_TRANSLATE_NOOP("Sync", "The personal data is sealed here, but the copy of "
                                          "the event new desks join from, and the hub's "
                                          "record of delegates added or edited, are the "
                                          "publishing desk's to seal: give that desk the "
                                          "passphrase (in its window, or bsm-desk hub sync "
                                          "with BSM_DESK_PASSPHRASE).")
BAD_SNAPSHOT = QT_TRANSLATE_NOOP("UserError", "The hub's copy of the event cannot be unpacked "
                                             "(damaged, or not made by a desk): nothing was "
                                             "joined.")
RESEAL_BATCH = 500
# The hub's copy is the file packed with zlib behind this mark: an event of 100,000 people
# and a million check-ins (1.3 GB) fits PostgreSQL's limit of 1 GB for one value. A copy
# without the mark is one an earlier version published, taken as it is.
SNAPSHOT_MARK = b"BSM Desk event file, zlib\x00"
_CHUNK = 4 * 1024 * 1024
# A SQLite file packs some 3 to 10 times; a copy that would unpack far beyond that is not
# one a desk made, and would fill the disk.
MAX_INFLATION = 200
REFUSED = "refused"  # REPUBLISH's value once the hub said it is not this desk's to do


def snapshot(db: Database) -> bytes:
    """The copy of the event file for the hub: operators' secrets sealed with the desks'
    key, which the copy does not hold (transit.py)."""
    from bsm_desk.services.hub import transit

    with tempfile.TemporaryDirectory() as folder:
        path = backup_to(db, Path(folder) / "event.sqlite")
        key = transit.key_of(db)
        if key is not None:
            transit.seal_copy(path, key)
        return pack(path)


def pack(path: Path) -> bytes:
    """The file behind SNAPSHOT_MARK, packed with zlib a few megabytes at a time."""
    packer = zlib.compressobj(6)
    parts = [SNAPSHOT_MARK]
    with path.open("rb") as source:
        while chunk := source.read(_CHUNK):
            parts.append(packer.compress(chunk))
    parts.append(packer.flush())
    return b"".join(parts)


def unpack_to(snapshot: bytes, target: Path) -> None:
    """Write the hub's copy of the event to ``target``: unpacked a few megabytes at a
    time (or as it is, from a hub an earlier version published to). UserError when it is
    damaged or would unpack beyond MAX_INFLATION times its size."""
    if not snapshot.startswith(SNAPSHOT_MARK):
        target.write_bytes(snapshot)
        return
    unpacker = zlib.decompressobj()
    packed = memoryview(snapshot)[len(SNAPSHOT_MARK):]
    limit, written = MAX_INFLATION * max(len(packed), 1), 0
    try:
        with target.open("wb") as out:
            for start in range(0, len(packed), _CHUNK):
                pending: bytes | memoryview = packed[start:start + _CHUNK]
                while pending:
                    data = unpacker.decompress(pending, _CHUNK)
                    written += len(data)
                    if written > limit:
                        raise UserError(BAD_SNAPSHOT)
                    out.write(data)
                    pending = unpacker.unconsumed_tail
            out.write(unpacker.flush())
    except zlib.error as exc:
        raise UserError(BAD_SNAPSHOT) from exc
    if not unpacker.eof:  # cut short
        raise UserError(BAD_SNAPSHOT)


def republish(db: Database, conn: Any, desk_id: str) -> None:
    """Replace the hub's copy of the event file with this desk's (sealed) one, and seal
    the personal data in the hub's record of delegates added or edited at any desk.
    Only the publishing desk (or the hub's owner) may: another desk is told so."""
    if state.get(db, state.REPUBLISH) != "1" and state.get(db, state.RESEAL) != "1":
        return
    try:
        if state.get(db, state.REPUBLISH) == "1":
            event = event_store.required(db, NO_EVENT)
            hub.publish(conn, event.code, snapshot(db), desk_id, state.get(db, state.URL),
                        replace=True)
            with atomic(db):
                state.clear(db, state.REPUBLISH)
        if state.get(db, state.RESEAL) == "1" and privacy.key(db) is not None:
            reseal(db, conn, desk_id)
            with atomic(db):
                state.clear(db, state.RESEAL)
    except psycopg.errors.InsufficientPrivilege:
        conn.rollback()
        with atomic(db):
            state.put(db, state.REPUBLISH, REFUSED)  # not tried again from here
            state.clear(db, state.RESEAL)
            state.add_review(db, f"not-publisher-{event_store.required(db, NO_EVENT).code}",
                             "protect", NOT_PUBLISHER, {})


def reseal(db: Database, conn: Any, desk_id: str) -> int:
    """The hub's delegate events, their passport numbers, phones and dates of birth (and
    what they replaced) sealed with this desk's data key; how many were replaced."""
    sealer = privacy.Sealer(db)
    after = replaced = 0
    while True:
        batch = hub.personal_events(conn, after, RESEAL_BATCH)
        if not batch:
            return replaced
        rows = []
        for _seq, uuid, kind, row in batch:
            sealed = sealed_event(kind, row, sealer.seal)
            if sealed != row:
                rows.append({"uuid": uuid, "row": sealed})
        if rows:
            replaced += hub.reseal(conn, desk_id, rows)
        after = batch[-1][0]


def sealed_event(kind: str, row: dict[str, Any], seal: Any) -> dict[str, Any]:
    """The event with its protected values sealed (the same dict when none is clear)."""
    if kind == "delegate_edit" and isinstance(row.get("changes"), dict):
        changes = privacy.seal_changes(row["changes"], seal)
        return row if changes is row["changes"] and changes == row["changes"] else \
            {**row, "changes": changes}
    if kind == "delegate_created" and isinstance(row.get("delegate"), dict):
        person = dict(row["delegate"])
        for name in privacy.PROTECTED:
            value = person.get(name)
            if isinstance(value, str) and value and not privacy.is_sealed(value):
                person[name] = seal(name, value)
        return row if person == row["delegate"] else {**row, "delegate": person}
    return row
