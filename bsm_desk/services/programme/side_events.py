"""Side-event requests typed in or corrected by hand (a spreadsheet of them: see
side_event_import.py). Checked as the import checks them; every change journaled."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.domain.programme import Request
from bsm_desk.services.operators import Acting, Permission, requires
from bsm_desk.services.programme.editing import NO_EVENT
from bsm_desk.store import atomic, journal
from bsm_desk.store import event as event_store
from bsm_desk.store import side_events as side_event_store

if TYPE_CHECKING:
    from sqlite_utils import Database

NO_TITLE = QT_TRANSLATE_NOOP("UserError", "A side event needs a title in English or Russian.")
NO_DURATION = QT_TRANSLATE_NOOP("UserError", "A side event needs a duration in minutes.")
NOT_A_DAY = QT_TRANSLATE_NOOP("UserError", "{day} is not a day of the event.")
UNKNOWN = QT_TRANSLATE_NOOP("UserError", "This request is no longer in the database.")
PLACED = QT_TRANSLATE_NOOP("UserError", "This side event is in the programme already: change "
                                        "or remove its session on the timetable instead.")


@requires(Permission.PROGRAMME)
def save_request(db: Database, request: Request, *, who: Acting) -> int:
    """Add (no id) or change a request still waiting for a room; returns its id."""
    event = event_store.required(db, NO_EVENT)
    if not (request.title_en.strip() or request.title_ru.strip()):
        raise UserError(NO_TITLE)
    if request.duration_min <= 0:
        raise UserError(NO_DURATION)
    days = set(event.dates())
    for at in request.slots:
        if at.astimezone(event.zone).date() not in days:
            raise UserError(NOT_A_DAY, day=at.astimezone(event.zone).date().isoformat())
    with atomic(db):
        if request.id is None:
            request_id = side_event_store.add_request(db, request)
            action = "side_event_request.added"
        else:
            _waiting(db, request.id)
            side_event_store.update_request(db, request)
            request_id, action = request.id, "side_event_request.changed"
        journal.record(db, desk_id=who.desk_id, operator=who.name, action=action,
                       subject=str(request_id), detail={
                           "title": request.title("en"),
                           "slots": [at.isoformat() for at in request.slots]})
    return request_id


@requires(Permission.PROGRAMME)
def delete_request(db: Database, request_id: int, *, who: Acting) -> Request:
    """Remove a request still waiting for a room; returns it, so it can be put back."""
    with atomic(db):
        request = _waiting(db, request_id)
        side_event_store.delete_request(db, request_id)
        journal.record(db, desk_id=who.desk_id, operator=who.name,
                       action="side_event_request.deleted", subject=str(request_id),
                       detail={"title": request.title("en")})
    return request


def _waiting(db: Database, request_id: int) -> Request:
    found = next((r for r in side_event_store.list_requests(db) if r.id == request_id), None)
    if found is None:
        raise UserError(UNKNOWN)
    if found.session_id is not None:
        raise UserError(PLACED)
    return found


def requests(db: Database, *, waiting_only: bool = False) -> list[Request]:
    """The side-event requests (only those still waiting for a room, if asked)."""
    return side_event_store.list_requests(db, pending_only=waiting_only)
