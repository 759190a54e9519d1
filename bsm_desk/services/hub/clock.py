"""How far a desk's clock is from the hub's. A desk whose clock is minutes off stamps its
scans and changes wrong: it says so (``hub status``, the window's status bar)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from bsm_desk.store import atomic, hub
from bsm_desk.store import hub_desk_state as state

if TYPE_CHECKING:
    from sqlite_utils import Database

SKEW_SAID_S = 120  # a desk's clock further off the hub's than this is said in the status
SKEW_NOTED_S = 15  # the difference is written down when it moved by more than this


def _local_now() -> datetime:
    return datetime.now(UTC)


def note_clock(db: Database, conn: Any) -> None:
    """How far this desk's clock is from the hub's: a desk whose clock is minutes off
    stamps its scans and changes wrong, and says so (status, the window's status bar).
    Written only when it moved, so an ordinary round writes nothing."""
    skew = (_local_now() - hub.hub_now(conn)).total_seconds()
    kept = state.get(db, state.CLOCK_SKEW)
    try:
        moved = not kept or abs(float(kept) - skew) > SKEW_NOTED_S
    except ValueError:
        moved = True
    if moved:
        with atomic(db):
            state.put(db, state.CLOCK_SKEW, f"{skew:.0f}")


def clock_skew(db: Database) -> float | None:
    """This desk's clock minus the hub's at the last round, in seconds (None: unknown)."""
    try:
        return float(state.get(db, state.CLOCK_SKEW))
    except ValueError:
        return None
