"""A session's seating plan: the room's layout (kept, or one made from its seats), the
delegations that sit there (those whose people may enter; a side event's panel), the
draw, the podium, locks and moves kept when the plan is made again (issue 32)."""

from __future__ import annotations

import math
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING

from bsm_desk.domain.checkin import Checkpoint
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.domain.model import (
    Delegation,
    Room,
    Session,
    SessionKind,
    may_enter,
)
from bsm_desk.domain.seating import (
    LIMIT,
    PLACES,
    Block,
    Layout,
    Place,
    Seated,
    Shape,
    capacity,
    draw,
    places,
    seat,
)
from bsm_desk.services.operators import Acting, Permission, requires
from bsm_desk.services.reports.participants import group_of
from bsm_desk.store import atomic, journal
from bsm_desk.store import categories as category_store
from bsm_desk.store import delegations as delegation_store
from bsm_desk.store import event as event_store
from bsm_desk.store import rooms as room_store
from bsm_desk.store import seating as store
from bsm_desk.store import sessions as session_store

if TYPE_CHECKING:
    from sqlite_utils import Database

NO_SEATED_SESSION = QT_TRANSLATE_NOOP("UserError", "There is no session #{id}.")
NO_ROOM_TO_SEAT = QT_TRANSLATE_NOOP("UserError", "“{session}” has no room: give it one in "
                                                 "the programme before seating it.")
NOT_A_MEMBER_STATE = QT_TRANSLATE_NOOP("UserError", "“{name}” is not a Member State that "
                                                    "sits at this session: the draw starts "
                                                    "the Member States' order.")
LAYOUT_BEHIND = QT_TRANSLATE_NOOP("UserError", "This seating layout cannot be: 0 to 2 chairs "
                                               "behind each place at the table.")
LAYOUT_TABLE = QT_TRANSLATE_NOOP("UserError", "This seating layout cannot be: 2 to 400 places "
                                              "at the table.")
LAYOUT_ROWS = QT_TRANSLATE_NOOP("UserError", "This seating layout cannot be: 1 to 80 rows of 1 "
                                             "to 120 places.")
LAYOUT_PODIUM = QT_TRANSLATE_NOOP("UserError", "This seating layout cannot be: 0 to 40 places "
                                               "at the podium.")
LAYOUT_LIMIT = QT_TRANSLATE_NOOP("UserError", "This seating layout cannot be: more than {most} "
                                              "places in one room.")
LAYOUT_PROBLEMS = {"behind": LAYOUT_BEHIND, "table": LAYOUT_TABLE, "rows": LAYOUT_ROWS,
                   "podium": LAYOUT_PODIUM, "limit": LAYOUT_LIMIT}
SEATING_LANGUAGE = QT_TRANSLATE_NOOP("UserError", "Seating order in “{lang}”: use en or ru.")
NOT_A_PLACE = QT_TRANSLATE_NOOP("UserError", "Place {place} is not in this room's layout.")
PLACES_RANGE = QT_TRANSLATE_NOOP("UserError", "A delegation takes 1 to 3 places, not "
                                              "{places}.")
NO_SEATED_DELEGATION = QT_TRANSLATE_NOOP("UserError", "There is no delegation #{id}.")
NO_SEATED_ROOM = QT_TRANSLATE_NOOP("UserError", "There is no room #{id}.")
NOT_SEATED_YET = QT_TRANSLATE_NOOP("UserError", "Nobody is seated at this session yet: "
                                                "make its plan first.")
SEED_RANGE = QT_TRANSLATE_NOOP("UserError", "A lot's seed is a whole number from 0 to "
                                            "999999999 (given: {seed}).")


@dataclass(frozen=True)
class SeatingPlan:
    """A session's plan as it stands: who sits at each place (and whether locked), who
    could not be seated, the draw."""

    session: Session
    room: Room
    layout: Layout
    places: list[Place]
    lang: str
    seed: int | None
    drawn: Seated | None
    podium: tuple[int, ...]
    seats: dict[int, tuple[int, bool]]  # place → (delegation id, locked)
    delegations: dict[int, Seated]
    unseated: list[int] = field(default_factory=list)
    swaps: list[tuple[int, int]] = field(default_factory=list)
    made_at: str = ""
    zone: tzinfo = UTC  # the venue's, for the session's times on paper

    def places_of(self, delegation_id: int) -> list[Place]:
        by_number = {p.number: p for p in self.places}
        return [by_number[n] for n, (who, _l) in sorted(self.seats.items())
                if who == delegation_id and n in by_number]

    def seated(self) -> list[Seated]:
        """Each seated delegation once, in the order of its first place."""
        seen: dict[int, None] = {}
        for _n, (who, _l) in sorted(self.seats.items()):
            seen.setdefault(who, None)
        return [self.delegations[i] for i in seen if i in self.delegations]


def default_layout(room: Room) -> Layout:
    """Rows of chairs for the room's seats, the rows about two thirds as many as the
    chairs in one (at most 40 in a row), three at the podium: what a room without a
    layout of its own is seated in."""
    seats = max(room.capacity, 1)
    per_row = max(1, min(40, seats, round(math.sqrt(seats * 1.5))))
    return Layout(Shape.THEATRE, rows=min(80, max(1, math.ceil(seats / per_row))),
                  per_row=per_row, podium=3)


def layout_of(db: Database, room: Room) -> Layout:
    """The room's layout as kept; one that cannot be (written by hand into the file, or
    from a desk that checks less) is not drawn: the room is seated in rows instead."""
    kept = store.layout(db, room.id or 0)
    return kept if kept is not None and kept.problem() is None else default_layout(room)


@requires(Permission.PROGRAMME)
def set_layout(db: Database, room_id: int, layout: Layout, *, who: Acting) -> Layout:
    """Keep ``layout`` as the room's, after checking it."""
    reason = layout.problem()
    if reason is not None:
        raise UserError(LAYOUT_PROBLEMS[reason], most=LIMIT)
    with atomic(db):
        room = next((r for r in room_store.list_rooms(db) if r.id == room_id), None)
        if room is None:
            raise UserError(NO_SEATED_ROOM, id=room_id)
        store.save_layout(db, room_id, layout)
        # The room's seats are the layout's places: the programme checks them.
        room_store.update_room(db, replace(room, capacity=capacity(layout)))
        journal.record(db, desk_id=who.desk_id, operator=who.name, action="seating.layout",
                       subject=str(room_id), detail={"shape": layout.shape.value,
                                                     "rows": layout.rows,
                                                     "per_row": layout.per_row})
    return layout


def _session(db: Database, session_id: int) -> Session:
    found = next((s for s in session_store.list_sessions(db) if s.id == session_id), None)
    if found is None:
        raise UserError(NO_SEATED_SESSION, id=session_id)
    return found


def _room(db: Database, session: Session) -> Room:
    room = next((r for r in room_store.list_rooms(db) if r.id == session.room_id), None)
    if room is None:
        raise UserError(NO_ROOM_TO_SEAT, session=session.title_en)
    return room


def who_sits(db: Database, session: Session,
             places_per: Mapping[Block, int] | None = None) -> list[Seated]:
    """The delegations with someone registered (not cancelled) who may enter the
    session — for a closed one, by its access rules; a side event seats its panellists'
    delegations and those of whoever came in through its door — each with its block,
    places wanted (``places_per`` block, else the plan's) and need."""
    delegations = {d.id: d for d in delegation_store.list_delegations(db)}
    panel = {int(r[0]) for r in db.execute(
        "SELECT DISTINCT d.delegation_id FROM session_person p JOIN delegate d ON"
        " d.id = p.delegate_id WHERE p.session_id = ? AND d.status != 'cancelled'",
        [session.id]).fetchall()}
    # A side event seats its participants: its panel's delegations and, on the day,
    # those of whoever came in through its door; before anyone has, everyone it admits.
    came = in_the_room(db, session.id or 0) if session.kind is SessionKind.SIDE_EVENT else set()
    if session.kind is SessionKind.SIDE_EVENT and (panel or came):
        ids = panel | came
    else:
        categories = {c.id: c for c in category_store.list_categories(db)}
        allowed = [k for k, c in categories.items() if may_enter(session, c)]
        marks = ",".join("?" * len(allowed)) or "NULL"
        ids = {int(r[0]) for r in db.execute(
            "SELECT DISTINCT delegation_id FROM delegate WHERE status != 'cancelled' AND"
            f" merged_into IS NULL AND category_id IN ({marks})", allowed).fetchall()}
    need = store.needs(db)
    per_block = places_per if places_per is not None else \
        places_per_block(db, session.id or 0)
    out = []
    for i in sorted(ids):
        delegation = delegations.get(i)
        if delegation is None:
            continue
        block = block_of(delegation)
        accessible, wanted = need.get(i, (False, None))
        out.append(Seated(i, delegation.name_en, delegation.name_ru, block,
                          wanted or per_block.get(block, 1), accessible))
    return out


def in_the_room(db: Database, session_id: int) -> set[int]:
    """The delegations with someone checked in at the session's door (a standing
    check-in: not undone)."""
    return {int(r[0]) for r in db.execute(
        "SELECT DISTINCT d.delegation_id FROM checkin c JOIN delegate d ON"
        " d.id = c.delegate_id WHERE c.checkpoint = ? AND c.accepted = 1 AND c.uuid NOT IN"
        " (SELECT undoes FROM checkin WHERE undoes IS NOT NULL)",
        [Checkpoint.session_id(session_id)]).fetchall()}


def places_per_block(db: Database, session_id: int) -> dict[Block, int]:
    """The places a delegation of each block takes at the session: its plan's, else the
    defaults (a Member State's head at the table and one behind; one for the others)."""
    kept = store.plan(db, session_id)
    return {**PLACES, **(kept.places if kept else {})}


def block_of(delegation: Delegation) -> Block:
    return Block(group_of(delegation).value)


def current(db: Database, session_id: int) -> SeatingPlan | None:
    """The session's plan as kept, or None if it has never been made."""
    kept = store.plan(db, session_id)
    if kept is None:
        return None
    session = _session(db, session_id)
    room = _room(db, session)
    layout = layout_of(db, room)
    delegations = {d.id: d for d in who_sits(db, session)}
    seats = store.seats(db, session_id)
    # A delegation seated once and gone from the list since (its people cancelled) is
    # still named on its places until the plan is made again.
    missing = {who for who, _l in seats.values()} - set(delegations)
    for d in delegation_store.list_delegations(db):
        if d.id in missing and d.id is not None:
            delegations[d.id] = Seated(d.id, d.name_en, d.name_ru, block_of(d))
    seated = {who for who, _l in seats.values()}
    return SeatingPlan(session, room, layout, places(layout), kept.lang, kept.seed,
                       delegations.get(kept.drawn_id or -1), kept.podium, seats,
                       delegations, [i for i in delegations if i not in seated
                                     and i not in missing], made_at=kept.at,
                       zone=_zone(db))


def plan_of(db: Database, session_id: int) -> SeatingPlan:
    """The session's plan as kept; refused when it has none yet."""
    _session(db, session_id)  # a session that is not there says so
    found = current(db, session_id)
    if found is None:
        raise UserError(NOT_SEATED_YET)
    return found


@requires(Permission.PROGRAMME)
def make_plan(db: Database, session_id: int, *, who: Acting, lang: str | None = None,
              draw_from: str | None = None, lot: int | None = None,
              podium: list[int] | None = None, places_per: dict[Block, int] | None = None,
              now: datetime | None = None) -> SeatingPlan:
    """Seat the session: Member States alphabetically in ``lang`` from a delegation drawn
    by lot (``lot``: the seed; ``draw_from``: the delegation named instead, by id, name
    or ISO code; neither: the plan's own draw again, or a new one), the podium's
    delegations there, the other blocks after; locked places kept. ``places_per``: the
    places a delegation of each block takes (1-3), kept with the plan."""
    if lang is not None and lang not in ("en", "ru"):
        raise UserError(SEATING_LANGUAGE, lang=lang)
    if lot is not None and not 0 <= lot <= 999_999_999:
        raise UserError(SEED_RANGE, seed=lot)
    for count in (places_per or {}).values():
        if not 1 <= count <= 3:
            raise UserError(PLACES_RANGE, places=count)
    with atomic(db):
        session = _session(db, session_id)
        room = _room(db, session)
        layout = layout_of(db, room)
        spots = places(layout)
        kept = store.plan(db, session_id)
        lang = lang or (kept.lang if kept else "en")
        per_block = dict(kept.places) if kept else {}  # what departs from the defaults
        per_block.update(places_per or {})
        sitting = who_sits(db, session, {**PLACES, **per_block})
        states = [d for d in sitting if d.block is Block.MEMBER_STATES]
        seed: int | None
        first: Seated | None
        if draw_from is not None:
            first = _named(states, draw_from)
            seed = None
        else:
            if lot is not None:
                seed = lot
            elif kept is not None and kept.seed is not None:
                seed = kept.seed
            elif kept is not None and kept.drawn_id is not None and \
                    any(d.id == kept.drawn_id for d in states):
                seed = None
            else:
                seed = secrets.randbelow(1_000_000_000)
            first = draw(states, seed, lang) if seed is not None else \
                next(d for d in states if kept is not None and d.id == kept.drawn_id)
        sitting_ids = {d.id for d in sitting}
        # The podium as asked, each once, of those who sit here (40 places at most).
        at_podium = tuple(dict.fromkeys(
            i for i in (podium if podium is not None else (kept.podium if kept else ()))
            if i in sitting_ids))[:40]
        numbers = {p.number for p in spots}
        locked = {n: sitter for n, (sitter, is_locked) in store.seats(db, session_id).items()
                  if is_locked and n in numbers and sitter in sitting_ids}
        made = seat(spots, sitting, lang, first.id if first else None,
                    list(at_podium), locked)
        value = {n: (d, n in locked) for n, d in made.seats.items()}
        at = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")[:-4] + "Z"
        store.save_plan(db, store.PlanRow(session_id, lang, seed, first.id if first else None,
                                          at_podium, per_block, at))
        store.save_seats(db, session_id, value)
        journal.record(db, desk_id=who.desk_id, operator=who.name, action="seating.planned",
                       subject=str(session_id),
                       detail={"lang": lang, "seed": seed, "drawn": first.id if first else None,
                               "seated": len(set(made.seats.values())),
                               "unseated": len(made.unseated)})
    by_id = {d.id: d for d in sitting}
    return SeatingPlan(session, room, layout, spots, lang, seed, first, at_podium, value,
                       by_id, made.unseated, made.swaps, at, _zone(db))


def _zone(db: Database) -> tzinfo:
    event = event_store.get_event(db)
    return event.zone if event is not None else UTC


def _named(states: list[Seated], text: str) -> Seated:
    """A Member State sitting at the session, by id, name (either language) or ISO code."""
    wanted = text.strip().casefold()
    for d in states:
        if wanted in (str(d.id), d.name_en.casefold(), d.name_ru.casefold()):
            return d
    raise UserError(NOT_A_MEMBER_STATE, name=text.strip()[:80])


@requires(Permission.PROGRAMME)
def move(db: Database, session_id: int, delegation_id: int, to: list[int], *,
         who: Acting) -> None:
    """Put a delegation at the places ``to`` by hand (whoever sat there changes places
    with it), locked so that a new plan keeps it there."""
    with atomic(db):
        session = _session(db, session_id)
        numbers = {p.number for p in places(layout_of(db, _room(db, session)))}
        for place in to:
            if place not in numbers:
                raise UserError(NOT_A_PLACE, place=place)
        seats = store.seats(db, session_id)
        mine = sorted(n for n, (d, _l) in seats.items() if d == delegation_id)
        value = dict(seats)
        for n in mine:
            value.pop(n, None)
        displaced = [seats[n] for n in to if n in seats and seats[n][0] != delegation_id]
        for n in to:
            value[n] = (delegation_id, True)
        free = [n for n in mine if n not in to]
        for (other, locked), n in zip(displaced, free, strict=False):
            value[n] = (other, locked)  # an exchange of places
        store.save_seats(db, session_id, value)
        journal.record(db, desk_id=who.desk_id, operator=who.name, action="seating.moved",
                       subject=str(session_id),
                       detail={"delegation": delegation_id, "to": sorted(to)})


@requires(Permission.PROGRAMME)
def lock(db: Database, session_id: int, delegation_id: int, locked: bool, *,
         who: Acting) -> None:
    """Lock a delegation's places (a new plan keeps them) or free them."""
    with atomic(db):
        seats = store.seats(db, session_id)
        store.save_seats(db, session_id, {n: (d, locked if d == delegation_id else was)
                                          for n, (d, was) in seats.items()})
        journal.record(db, desk_id=who.desk_id, operator=who.name, action="seating.locked",
                       subject=str(session_id),
                       detail={"delegation": delegation_id, "locked": locked})


@requires(Permission.PROGRAMME)
def reuse(db: Database, session_id: int, from_session: int, *, who: Acting) -> SeatingPlan:
    """Seat a session as another: the same language, draw and podium; the same places
    where its room's layout has them, locked (the rest follows the order)."""
    with atomic(db):
        source = store.plan(db, from_session)
        if source is None:
            raise UserError(NO_SEATED_SESSION, id=from_session)
        _session(db, session_id)
        store.save_plan(db, store.PlanRow(session_id, source.lang, source.seed,
                                          source.drawn_id, source.podium, source.places,
                                          source.at))
        store.save_seats(db, session_id, {n: (d, True) for n, (d, _l)
                                          in store.seats(db, from_session).items()})
    return make_plan(db, session_id, who=who)


@requires(Permission.PROGRAMME)
def set_need(db: Database, delegation_id: int, accessible: bool, places: int | None, *,
             who: Acting) -> None:
    """A delegation needs an accessible place (or no longer), or takes ``places`` (1-3;
    None: its block's number) at every session."""
    if places is not None and not 1 <= places <= 3:
        raise UserError(PLACES_RANGE, places=places)
    with atomic(db):
        if db.execute("SELECT 1 FROM delegation WHERE id = ?", [delegation_id]).fetchone() \
                is None:
            raise UserError(NO_SEATED_DELEGATION, id=delegation_id)
        store.save_need(db, delegation_id, accessible, places)
        journal.record(db, desk_id=who.desk_id, operator=who.name, action="seating.need",
                       subject=str(delegation_id),
                       detail={"accessible": accessible, "places": places})


def places_from(plan: SeatingPlan, delegation_id: int, start: int) -> list[int]:
    """The places a delegation takes when put at place ``start`` by hand, as many as it
    has now: at a table, that place and the chairs behind it; in rows, that place and
    the next ones of the floor (or of the podium)."""
    mine = plan.places_of(delegation_id)
    want = max(len(mine), 1)
    by_number = {p.number: p for p in plan.places}
    first = by_number.get(start)
    if first is None:
        return []
    if first.at_table and not first.podium and any(not p.at_table for p in plan.places):
        behind = sorted((p for p in plan.places if p.behind == start), key=lambda p: p.row)
        return [start, *(p.number for p in behind)][:want]
    if not first.at_table:  # a chair behind: that chair alone, and the ones after it
        same = sorted((p for p in plan.places if p.behind == first.behind
                       and p.row >= first.row), key=lambda p: p.row)
        return [p.number for p in same][:want]
    line = [p.number for p in plan.places if p.podium == first.podium and p.at_table]
    at = line.index(start)
    return line[at:at + want]


@requires(Permission.PROGRAMME)
def restore_seats(db: Database, session_id: int, seats: dict[int, tuple[int, bool]], *,
                  who: Acting) -> None:
    """Put the session's seats back as they were (the window's undo of a move)."""
    with atomic(db):
        _session(db, session_id)
        store.save_seats(db, session_id, seats)
        journal.record(db, desk_id=who.desk_id, operator=who.name, action="seating.restored",
                       subject=str(session_id), detail={"seats": len(seats)})


def session_layout(db: Database, session_id: int) -> tuple[Room, Layout]:
    """The session's room and the layout it is seated in."""
    room = _room(db, _session(db, session_id))
    return room, layout_of(db, room)
