"""What the speakers' screens read beside the list itself: whether a statement's clock
runs, and a speaker's name and delegation in both scripts for the projector."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bsm_desk.store import delegates as delegate_store
from bsm_desk.store import speakers as store

if TYPE_CHECKING:
    from sqlite_utils import Database

    from bsm_desk.services.speakers.lists import Listed


def running(db: Database, entry_id: int) -> bool:
    """Not paused: the last of the entry's marks is a start or a resume."""
    return store.last_mark(db, entry_id) in ("start", "resume")


def both_names(db: Database | None, entry: Listed) -> tuple[str, str]:
    """(the name in Latin · in Cyrillic, the delegation in English · in Russian)."""
    if db is None:
        return entry.name, entry.delegation
    row = delegate_store.names_in_both(db, entry.delegate_id)
    if row is None:
        return entry.name, entry.delegation
    latin = f"{row[0].upper()} {row[1]}".strip()
    cyrillic = f"{row[2]} {row[3]}".strip()
    names = f"{latin} · {cyrillic}" if cyrillic else latin
    delegation = " · ".join(x for x in dict.fromkeys((row[4], row[5])) if x)
    return names, delegation
