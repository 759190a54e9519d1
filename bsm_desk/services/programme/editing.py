"""Editing the programme: sessions added, moved and changed, with the conflicts after."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from bsm_desk.domain.checkin import Checkpoint
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.domain.model import Day, Event, Room, Session, SessionKind
from bsm_desk.domain.programme import Conflict, conflicts
from bsm_desk.services.operators import Acting, Permission, requires
from bsm_desk.store import atomic, journal
from bsm_desk.store import checkins as checkin_store
from bsm_desk.store import event as event_store
from bsm_desk.store import rooms as room_store
from bsm_desk.store import sessions as session_store
from bsm_desk.store import side_events as side_event_store

if TYPE_CHECKING:
    from sqlite_utils import Database

NO_EVENT = QT_TRANSLATE_NOOP("UserError", "This database has no event.")
BAD_TIMES = QT_TRANSLATE_NOOP("UserError", "A session must end after it starts.")
NO_TITLE = QT_TRANSLATE_NOOP("UserError", "A session needs a title in English or Russian.")


@dataclass(frozen=True)
class Programme:
    event: Event
    days: list[Day]
    rooms: list[Room]
    sessions: list[Session]
    people: dict[int, set[int]]
    conflicts: list[Conflict]


def load(db: Database) -> Programme:
    event = event_store.required(db, NO_EVENT)
    days, rooms = event_store.list_days(db), room_store.list_rooms(db)
    sessions, people = session_store.list_sessions(db), side_event_store.session_people(db)
    return Programme(event, days, rooms, sessions, people, conflicts(
        sessions, {r.id or 0: r for r in rooms}, {d.date: d for d in days}, event.zone,
        people))


def likely_kind(sessions: Sequence[Session], room_id: int | None) -> SessionKind:
    """The kind a new session most likely has: that of most sessions already in its room
    (the plenary hall holds plenaries, a bilateral room side events), else the commonest
    in the programme, else a thematic session."""
    from collections import Counter

    for pool in ([s for s in sessions if s.room_id == room_id], list(sessions)):
        if pool:
            counts = Counter(s.kind for s in pool)
            return max(counts, key=lambda kind: (counts[kind], kind is SessionKind.THEMATIC))
    return SessionKind.THEMATIC


@requires(Permission.PROGRAMME)
def save_session(db: Database, session: Session, *, who: Acting,
                 panellists: list[int] | None = None) -> int:
    """Add (no id) or update a session; returns its id."""
    if session.ends_at <= session.starts_at:
        raise UserError(BAD_TIMES)
    if not (session.title_en.strip() or session.title_ru.strip()):
        raise UserError(NO_TITLE)
    with atomic(db):
        if session.id is None:
            session_id = session_store.add_session(db, session)
            action = "session.added"
        else:
            session_store.update_session(db, session)
            session_id = session.id
            action = "session.changed"
        if panellists is not None:
            db.execute("DELETE FROM session_person WHERE session_id = ?", [session_id])
            side_event_store.add_session_people(db, session_id, panellists)
        journal.record(db, desk_id=who.desk_id, operator=who.name, action=action,
                       subject=str(session_id), detail={
                           "room": session.room_id, "start": session.starts_at.isoformat(),
                           "end": session.ends_at.isoformat()})
    return session_id


ROOM_NAME = QT_TRANSLATE_NOOP("UserError", "Every room needs a name.")
BAD_CHANGEOVER = QT_TRANSLATE_NOOP("UserError", "The change-over between events is 0 to 240 "
                                                "minutes.")
BAD_HOURS = QT_TRANSLATE_NOOP("UserError", "On {day} the venue must close after it opens.")


@requires(Permission.PROGRAMME)
def save_rooms(db: Database, rooms: list[Room], hours: list[Day], *, who: Acting,
               changeover: int | None = None) -> None:
    """Rooms added or changed, the opening hours of each day and the change-over time
    between events in a room (unchanged if None), in one go."""
    from bsm_desk.store import rooms as room_store

    for room in rooms:
        if not (room.name_en.strip() or room.name_ru.strip()):
            raise UserError(ROOM_NAME)
    if changeover is not None and not 0 <= changeover <= 240:
        raise UserError(BAD_CHANGEOVER)
    for day in hours:
        if day.closes <= day.opens:
            raise UserError(BAD_HOURS, day=day.date.isoformat())
    with atomic(db):
        for room in rooms:
            if room.id is None:
                room_store.add_room(db, room)
            else:
                room_store.update_room(db, room)
        for day in hours:
            event_store.set_hours(db, day.date, day.opens, day.closes)
        if changeover is not None:
            event_store.set_changeover(db, changeover)
            from bsm_desk.services.operators.signing import sign_noted

            sign_noted(db)  # the event's row carries authority: signed
        journal.record(db, desk_id=who.desk_id, operator=who.name, action="rooms.saved",
                       detail={"rooms": len(rooms), "changeover_min": changeover})


NO_ROOM = QT_TRANSLATE_NOOP("UserError", "There is no room #{id}.")
ROOM_IN_USE = QT_TRANSLATE_NOOP("UserError", "Sessions are held in this room ({count}): move "
                                             "or remove them first.")


@requires(Permission.PROGRAMME)
def delete_room(db: Database, room_id: int, *, who: Acting) -> None:
    """A room the venue no longer has; refused while sessions are held in it."""
    from bsm_desk.store import rooms as room_store

    with atomic(db):
        held = room_store.sessions_in(db, room_id)
        if held:
            raise UserError(ROOM_IN_USE, count=held)
        if not room_store.delete_room(db, room_id):
            raise UserError(NO_ROOM, id=room_id)
        journal.record(db, desk_id=who.desk_id, operator=who.name, action="room.deleted",
                       subject=str(room_id))


CHECKED_IN = QT_TRANSLATE_NOOP("UserError", "People have been checked in at the door of this "
                                            "session, so it stays in the programme: move or "
                                            "change it instead.")
GONE = QT_TRANSLATE_NOOP("UserError", "This session is no longer in the programme.")


@dataclass(frozen=True)
class Removed:
    """A session taken out of the programme, with what went with it: enough to put it
    back (under a new number)."""

    session: Session
    people: list[int]
    requests: list[int]  # side-event requests it had placed; they wait again
    readmit: bool | None  # its door's re-entry rule, if one was set


@requires(Permission.PROGRAMME)
def delete_session(db: Database, session_id: int, *, who: Acting) -> Removed:
    door = Checkpoint.session_id(session_id)
    with atomic(db):
        session = next((s for s in session_store.list_sessions(db) if s.id == session_id),
                       None)
        if session is None:
            raise UserError(GONE)
        if checkin_store.any_at(db, door):
            raise UserError(CHECKED_IN)
        people = sorted(side_event_store.session_people(db).get(session_id, set()))
        removed = Removed(session, people, side_event_store.unlink_session(db, session_id),
                          checkin_store.delete_rule(db, door))
        session_store.delete_session(db, session_id)
        journal.record(db, desk_id=who.desk_id, operator=who.name, action="session.deleted",
                       subject=str(session_id), detail={
                           "title": session.title("en"),
                           "room": session.room_id, "start": session.starts_at.isoformat(),
                           "end": session.ends_at.isoformat(), "people": people,
                           "requests": removed.requests})
    return removed


@requires(Permission.PROGRAMME)
def delete_sessions(db: Database, session_ids: list[int], *, who: Acting) -> list[Removed]:
    """Several sessions out of the programme, all or none (the undo of an allocation)."""
    with atomic(db):
        return [delete_session(db, session_id, who=who)
                for session_id in session_ids]


@requires(Permission.PROGRAMME)
def restore_session(db: Database, removed: Removed, *, who: Acting) -> int:
    """Put a deleted session back (as a new session number); returns that number."""
    with atomic(db):
        session_id = session_store.add_session(db, replace(removed.session, id=None))
        side_event_store.add_session_people(db, session_id, removed.people)
        for request_id in removed.requests:
            side_event_store.set_placed(db, request_id, session_id)
        if removed.readmit is not None:
            checkin_store.set_readmit(db, Checkpoint.session_id(session_id), removed.readmit)
        journal.record(db, desk_id=who.desk_id, operator=who.name, action="session.restored",
                       subject=str(session_id),
                       detail={"was": removed.session.id, "requests": removed.requests})
    return session_id
