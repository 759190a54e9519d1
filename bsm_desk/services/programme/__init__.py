"""The programme (editing.py: load it with its conflicts, save and delete sessions and
rooms); its reads in queries.py, side events and their allocation beside."""

from __future__ import annotations

from bsm_desk.services.programme.editing import (
    BAD_CHANGEOVER,
    BAD_HOURS,
    BAD_TIMES,
    CHECKED_IN,
    GONE,
    NO_EVENT,
    NO_ROOM,
    NO_TITLE,
    ROOM_IN_USE,
    ROOM_NAME,
    Programme,
    Removed,
    delete_room,
    delete_session,
    delete_sessions,
    likely_kind,
    load,
    restore_session,
    save_rooms,
    save_session,
)

__all__ = ["BAD_CHANGEOVER", "BAD_HOURS", "BAD_TIMES", "CHECKED_IN", "delete_room",
           "delete_session", "delete_sessions", "GONE", "likely_kind", "load", "NO_EVENT",
           "NO_ROOM", "NO_TITLE", "Programme", "Removed", "restore_session", "ROOM_IN_USE",
           "ROOM_NAME", "save_rooms", "save_session"]
