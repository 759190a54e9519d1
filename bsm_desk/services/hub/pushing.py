"""Pushing to the hub row by row where it has to: a batch the hub refuses is split until
the one row it cannot hold is found; that row is listed for review on this desk (never
dropped, never blocking the others behind it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import psycopg
import psycopg.errors

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP
from bsm_desk.store import atomic
from bsm_desk.store import hub_desk_state as state

if TYPE_CHECKING:
    from sqlite_utils import Database

HUB_REFUSED = QT_TRANSLATE_NOOP("Sync", "The hub refused this desk's {kind} {uuid}: {reason}. "
                                        "It stays on this desk; the others went on.")
# What the hub says of one row it cannot hold (a character PostgreSQL refuses, a row too
# big, a rule broken): that row is listed for review, the rest go on. Anything else (the
# desks' role may not write, the hub is gone) is about the whole hub.
BATCH = 5000  # rows sent to the hub at a time
ROW_REFUSALS = (psycopg.DataError, psycopg.IntegrityError, psycopg.errors.ProgramLimitExceeded)


def pushed_each(db: Database, rows: list[Any], push: Callable[[list[Any]], int], kind: str,
                uuid_of: Callable[[Any], str]) -> int:
    """Push ``rows``; when the hub refuses the batch, each row alone, listing for review
    (and passing over) the ones it refuses."""
    try:
        return push(rows)
    except ROW_REFUSALS as exc:
        if len(rows) > 1:
            half = len(rows) // 2
            return pushed_each(db, rows[:half], push, kind, uuid_of) + \
                pushed_each(db, rows[half:], push, kind, uuid_of)
        with atomic(db):
            state.add_review(db, uuid_of(rows[0]), "pushed", HUB_REFUSED, {
                "kind": kind, "uuid": uuid_of(rows[0]),
                "reason": str(exc).strip().splitlines()[0][:200]})
        return 0
