"""Who acts, for tests: the operator signed in to this event file (the object made at
sign-in), else the desk itself — as the window and the command line ask it."""

from __future__ import annotations

from sqlite_utils import Database

from bsm_desk.services import operators


def who_at(db: Database, desk_id: str, name: str = "") -> operators.Acting:
    return operators.current(db) or operators.at_desk(db, desk_id=desk_id, desk_name=name)
