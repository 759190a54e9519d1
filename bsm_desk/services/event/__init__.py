"""The event (making.py: a new event made, its overview, backups saved); the file in
files.py, backups in backups.py."""

from __future__ import annotations

from bsm_desk.services.event.making import (
    MAX_EVENT_DAYS,
    STANDARD_CATEGORIES,
    NewEvent,
    Overview,
    create_event,
    event_code,
    note_copy,
    overview,
    save_backup,
    validate,
)

__all__ = ["create_event", "event_code", "MAX_EVENT_DAYS", "NewEvent", "note_copy",
           "Overview", "overview", "save_backup", "STANDARD_CATEGORIES", "validate"]
