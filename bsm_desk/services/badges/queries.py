"""What the Badges screen reads: each delegate's badge state and who still waits for a
printed badge."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bsm_desk.domain.people import BadgeState
from bsm_desk.store import badges as store

if TYPE_CHECKING:
    from sqlite_utils import Database


def states(db: Database, ids: Sequence[int]) -> dict[int, BadgeState]:
    """The badge version the doors accept, and when it was last printed."""
    return store.states(db, ids)


def unprinted_ids(db: Database, among: Sequence[int] | None = None) -> list[int]:
    """Those whose current badge was never printed."""
    return store.unprinted_ids(db, among)
