"""The append-only history of each delegate: who changed what, when, from which desk."""

from __future__ import annotations

import json
import os
import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from bsm_desk.domain.people import HistoryEntry as Change
from bsm_desk.store.audit import insert_logged

if TYPE_CHECKING:
    from sqlite_utils import Database


def record(db: Database, delegate_id: int, *, desk_id: str, action: str,
           changes: dict[str, Any] | None = None, operator: str = "",
           at: datetime | None = None) -> str:
    entry = str(uuid.uuid4())
    changes = _sealed(db, changes or {})
    db.execute(
        "INSERT INTO delegate_history (uuid, delegate_id, at, desk_id, operator, action,"
        " changes) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [entry, delegate_id, (at or datetime.now(UTC)).isoformat(), desk_id, operator, action,
         json.dumps(changes or {}, ensure_ascii=False, default=str)],
    )
    return entry


def record_many(db: Database, entries: list[tuple[int, str, dict[str, Any]]], *,
                desk_id: str, operator: str = "", at: datetime | None = None) -> None:
    """Many delegates' entries at once (an import): (delegate id, action, changes)."""
    when = (at or datetime.now(UTC)).isoformat()
    text = json.JSONEncoder(ensure_ascii=False, default=str).encode  # one encoder for all
    insert_logged(
        db, "delegate_history",
        "INSERT INTO delegate_history (uuid, delegate_id, at, desk_id, operator, action,"
        " changes) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(entry, delegate_id, when, desk_id, operator, action, text(_sealed(db, changes)))
         for entry, (delegate_id, action, changes) in zip(_uuids(len(entries)), entries,
                                                           strict=True)])


def _uuids(count: int) -> list[str]:
    """``count`` random UUIDs (version 4), from one read of the system's randomness
    rather than one each (uuid4 asks the kernel every time)."""
    made = bytearray(os.urandom(16 * count))
    for at in range(6, 16 * count, 16):
        made[at] = made[at] & 0x0F | 0x40  # version 4
        made[at + 2] = made[at + 2] & 0x3F | 0x80  # the RFC's variant
    text = made.hex()
    return [f"{text[at:at + 8]}-{text[at + 8:at + 12]}-{text[at + 12:at + 16]}-"
            f"{text[at + 16:at + 20]}-{text[at + 20:at + 32]}" for at in range(0, 32 * count, 32)]


def _sealed(db: Database, changes: dict[str, Any]) -> dict[str, Any]:
    """Protected fields' before and after, sealed as the fields themselves are (else the
    history would keep in clear what the delegate's row keeps sealed)."""
    from bsm_desk.store.privacy import PROTECTED, Sealer, seal_changes

    if not any(name in changes for name in PROTECTED):
        return changes
    sealer = Sealer(db)
    return seal_changes(changes, sealer.seal) if sealer.on else changes


def for_delegate(db: Database, delegate_id: int) -> list[Change]:
    return [
        Change(uuid=r["uuid"], delegate_id=r["delegate_id"], at=datetime.fromisoformat(r["at"]),
               desk_id=r["desk_id"], operator=r["operator"], action=r["action"],
               changes=json.loads(r["changes"]))
        for r in db.query("SELECT * FROM delegate_history WHERE delegate_id = ?"
                          " ORDER BY at, rowid", [delegate_id])
    ]
