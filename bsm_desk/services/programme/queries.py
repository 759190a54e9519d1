"""What the programme's screens and commands read one by one (the whole of it, with its
conflicts, is :func:`bsm_desk.services.programme.load`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bsm_desk.domain.model import Day, Event, Room, Session
from bsm_desk.domain.programme import Request
from bsm_desk.store import event as event_store
from bsm_desk.store import rooms as room_store
from bsm_desk.store import sessions as session_store
from bsm_desk.store import side_events as side_event_store

if TYPE_CHECKING:
    from sqlite_utils import Database


def event(db: Database) -> Event | None:
    return event_store.get_event(db)


def required_event(db: Database, missing: str) -> Event:
    """The event, or UserError(``missing``) for a file that has none."""
    return event_store.required(db, missing)


def days(db: Database) -> list[Day]:
    return event_store.list_days(db)


def rooms(db: Database) -> list[Room]:
    return room_store.list_rooms(db)


def sessions(db: Database) -> list[Session]:
    return session_store.list_sessions(db)


def requests(db: Database, pending_only: bool = False) -> list[Request]:
    """The side events asked for (those still waiting for a room with ``pending_only``)."""
    return side_event_store.list_requests(db, pending_only)
