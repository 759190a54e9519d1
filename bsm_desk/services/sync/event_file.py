"""The copy of the event file that new desks join from, on the hub: made by the first
desk (hub init), replaced by a desk that sealed the event's personal data (protect)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP
from bsm_desk.store import atomic, hub
from bsm_desk.store import event as event_store
from bsm_desk.store import sync as state
from bsm_desk.store.db import backup_to

NO_EVENT = QT_TRANSLATE_NOOP("UserError", "This database has no event to publish.")


def snapshot(db: Database) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        return backup_to(db, Path(folder) / "event.sqlite").read_bytes()


def republish(db: Database, conn: Any, desk_id: str) -> None:
    """Replace the hub's copy of the event file with this desk's (sealed) one."""
    if state.get(db, state.REPUBLISH) != "1":
        return
    event = event_store.required(db, NO_EVENT)
    hub.publish(conn, event.code, snapshot(db), desk_id, state.get(db, state.URL),
                replace=True)
    with atomic(db):
        state.clear(db, state.REPUBLISH)
