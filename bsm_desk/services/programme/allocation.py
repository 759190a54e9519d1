"""Rooms and times for side-event requests, found with OR-Tools CP-SAT.

Time is counted in minutes on a grid (10 minutes by default) from midnight of the
first day, in the venue's zone. Each request gets one start variable whose domain is
every grid time at which it fits a day's opening hours, and one optional interval per
room that suits it (seats, equipment, booths when interpretation is needed). Hard
rules: one room at most; rooms and panellists never in two places (sessions already
in the programme are fixed intervals, so hand-placed sessions are respected); the
change-over buffer after each event in a room. Soft rules, in this order: place as many
requests as possible; then as many first choices as possible; then the other preferred
slots, best first, not during a plenary when the organizer asked, and an organizer's
events in the same room.

The order is kept by solving twice (lexicographically). The first solve weighs only
placed requests and first choices; it is small and usually proven optimal in well under
a second. The second keeps that result as a floor, starts from its solution and spends
the rest of the time limit on everything else. One weighted sum of all the rules
proved slower and traded a first choice for two second choices.

A request that cannot be placed is explained from the data, in plain words.
"""

from __future__ import annotations

import enum
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from ortools.sat.python import cp_model

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP
from bsm_desk.domain.model import Day, Room, Session, SessionKind
from bsm_desk.domain.programme import Request, opening, overlaps
from bsm_desk.services.operators import Acting, Permission, requires
from bsm_desk.services.solving import Stage, solve_in_order
from bsm_desk.store import atomic, journal
from bsm_desk.store import event as event_store
from bsm_desk.store import rooms as room_store
from bsm_desk.store import sessions as session_store
from bsm_desk.store import side_events as side_event_store

if TYPE_CHECKING:
    from sqlite_utils import Database

NO_EVENT = QT_TRANSLATE_NOOP("UserError", "This database has no event to allocate rooms for.")
WEIGHT_RANK = (0, 250, 150, 100, 60)  # second, third, ... preferred slot (first: the
# first solve)
WEIGHT_PLENARY = 300
WEIGHT_SAME_ROOM = 20
FIRST_SHARE = 0.6  # of the time limit, at most, for the first solve


class Why(enum.StrEnum):
    NO_ROOMS = "no_rooms"  # the venue has no rooms yet
    TOO_MANY = "too_many"  # no room seats the expected participants
    NO_BOOTHS = "no_booths"  # interpretation needed, no big enough room has booths
    EQUIPMENT = "equipment"  # no room has the equipment asked for
    TOO_LONG = "too_long"  # longer than any day's opening hours
    PANELLIST_BUSY = "panellist_busy"  # a panellist is busy whenever a room is free
    NO_FREE_ROOM = "no_free_room"  # every suitable room is taken at every possible time


REASONS = {
    Why.NO_ROOMS: QT_TRANSLATE_NOOP("Allocation", "The venue has no rooms yet: add them "
                                                  "in Rooms and hours."),
    Why.TOO_MANY: QT_TRANSLATE_NOOP("Allocation", "Too many participants for any room "
                                                  "({expected} expected)."),
    Why.NO_BOOTHS: QT_TRANSLATE_NOOP("Allocation", "Interpretation is needed, and no room "
                                                   "large enough has interpretation booths."),
    Why.EQUIPMENT: QT_TRANSLATE_NOOP("Allocation", "No room large enough has the equipment "
                                                   "asked for."),
    Why.TOO_LONG: QT_TRANSLATE_NOOP("Allocation", "Longer than the venue is open on any day."),
    Why.PANELLIST_BUSY: QT_TRANSLATE_NOOP("Allocation", "A panellist is busy whenever a "
                                                        "suitable room is free."),
    Why.NO_FREE_ROOM: QT_TRANSLATE_NOOP("Allocation", "No suitable room is free at any "
                                                      "possible time."),
}


@dataclass(frozen=True, slots=True)
class Placement:
    request: Request
    room: Room | None
    start: datetime | None
    end: datetime | None
    why: Why | None = None
    choice: int | None = None  # which preferred slot it got (0 = first), None for none

    @property
    def placed(self) -> bool:
        return self.room is not None


@dataclass(frozen=True, slots=True)
class Proposal:
    placements: list[Placement]
    optimal: bool
    seconds: float
    buffer: int = 15  # minutes kept free between events in a room
    # Seconds to the proven most placed requests and first choices (the first solve);
    # None if the time limit came first.
    first_proof: float | None = None

    def as_dicts(self, reason: dict[Why, str] | None = None) -> list[dict[str, object]]:
        out: list[dict[str, object]] = []
        for p in self.placements:
            item: dict[str, object] = {"request_id": p.request.id,
                                       "title": p.request.title("en")}
            if p.placed and p.room is not None and p.start and p.end:
                item.update(room=p.room.name_en, start=p.start.isoformat(),
                            end=p.end.isoformat(), preferred_choice=p.choice)
            else:
                why = p.why or Why.NO_FREE_ROOM
                text = (reason or {}).get(why, REASONS[why])
                item.update(unplaced=True, reason=text.format(expected=p.request.expected),
                            why=why.value)
            out.append(item)
        return out


def _suitable(request: Request, room: Room) -> bool:
    return (room.capacity >= request.expected
            and set(request.equipment) <= set(room.equipment)
            and (not request.interpretation or room.booths > 0))


def _explain(request: Request, rooms: Sequence[Room], longest_day: int) -> Why | None:
    """Why a request can never be placed, whatever else is in the programme."""
    if not rooms:
        return Why.NO_ROOMS
    if request.duration_min > longest_day:
        return Why.TOO_LONG
    big = [r for r in rooms if r.capacity >= request.expected]
    if not big:
        return Why.TOO_MANY
    if request.interpretation and not any(r.booths > 0 for r in big):
        return Why.NO_BOOTHS
    if not any(set(request.equipment) <= set(r.equipment) for r in big):
        return Why.EQUIPMENT
    return None


def propose(requests: Sequence[Request], rooms: Sequence[Room], days: Sequence[Day],
            sessions: Sequence[Session], people: dict[int, set[int]], zone: object,
            *, grid: int = 10, buffer: int = 15, time_limit: float = 5.0,
            first_choices_only: bool = False) -> Proposal:
    """Where and when each request goes (sessions already placed are kept as they are).

    ``first_choices_only`` stops after the first solve (placed requests, then first
    choices): its optimum is the most first choices any allocation can give (see
    :func:`first_choice_ceiling`).
    """
    began = time.perf_counter()  # the time limit counts building the model too
    assert isinstance(zone, ZoneInfo)
    built = _Model(rooms, days, zone, grid=grid, buffer=buffer,
                   first_only=first_choices_only, weight_placed=len(requests) + 1)
    built.fix_programme(sessions, people)
    for index, request in enumerate(requests):
        built.add_request(index, request, sessions)
    built.finish()
    left = max(0.1, time_limit - (time.perf_counter() - began) - 0.02)  # 20 ms: reading
    solver, status, first_proof = _solve_in_order(built.model, sum(built.primary),
                                                     sum(built.objective), left,
                                                     first_only=first_choices_only)
    ok = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    placements = [built.placement(index, request, solver if ok else None, people, sessions)
                  for index, request in enumerate(requests)]
    return Proposal(placements, status == cp_model.OPTIMAL, time.perf_counter() - began,
                    buffer, first_proof)


class _Model:
    """The CP-SAT model of one allocation: the programme as it stands (fixed), one
    optional placement per request, and the two objectives solved in order."""

    def __init__(self, rooms: Sequence[Room], days: Sequence[Day], zone: ZoneInfo, *,
                 grid: int, buffer: int, first_only: bool, weight_placed: int) -> None:
        self.rooms, self.grid, self.buffer, self.first_only = rooms, grid, buffer, first_only
        self.rooms_by_id = {r.id: r for r in rooms}
        self.ranks = WEIGHT_RANK[:1] if first_only else WEIGHT_RANK
        self.origin = datetime.combine(min(d.date for d in days), datetime.min.time(), zone)
        self.windows = [tuple(self.minute(t) for t in opening(day, zone)) for day in days]
        self.longest = max(close - open_ for open_, close in self.windows)
        self.model = cp_model.CpModel()
        self.room_intervals: dict[int, list[cp_model.IntervalVar]] = defaultdict(list)
        self.person_intervals: dict[int, list[cp_model.IntervalVar]] = defaultdict(list)
        self.plenaries: list[tuple[int, int]] = []
        # The first solve's objective: placed requests outweigh any number of first
        # choices; the second's, the lesser wishes.
        self.weight_placed = weight_placed
        self.primary: list[cp_model.LinearExprT] = []
        self.objective: list[cp_model.LinearExprT] = []
        self.state: dict[int, tuple[cp_model.IntVar, dict[int, cp_model.IntVar],
                                    cp_model.IntVar]] = {}
        self.blocked: dict[int, Why] = {}
        self.by_organizer: dict[str, list[int]] = defaultdict(list)

    def minute(self, at: datetime) -> int:
        return int((at - self.origin).total_seconds() // 60)

    def fix_programme(self, sessions: Sequence[Session], people: dict[int, set[int]]) -> None:
        """The programme as it stands is fixed. Its busy times are merged per room and per
        person first: two hand-placed sessions closer than the buffer (or a person booked
        twice by hand) are the timetable's own conflicts, not a reason to place nothing."""
        self.plenaries = [(self.minute(s.starts_at), self.minute(s.ends_at)) for s in sessions
                          if s.kind is SessionKind.PLENARY]
        room_busy: dict[int, list[tuple[int, int]]] = defaultdict(list)
        person_busy: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for s in sessions:
            begin, finish = self.minute(s.starts_at), self.minute(s.ends_at)
            if s.room_id is not None:
                room_busy[s.room_id].append((begin, finish + self.buffer))
            for person in people.get(s.id or 0, ()):
                person_busy[person].append((begin, finish))
        for busy, target in ((room_busy, self.room_intervals),
                             (person_busy, self.person_intervals)):
            for key, spans in busy.items():
                for begin, finish in _merged(spans):
                    target[key].append(self.model.new_interval_var(
                        begin, finish - begin, finish, f"busy{key}_{begin}"))

    def add_request(self, index: int, request: Request, sessions: Sequence[Session]) -> None:
        model = self.model
        why = _explain(request, self.rooms, self.longest)
        fitting = [r for r in self.rooms if _suitable(request, r)]
        starts = sorted({t for open_, close in self.windows
                         for t in range(_ceil(open_, self.grid),
                                        close - request.duration_min + 1, self.grid)})
        if why is not None or not fitting or not starts:
            self.blocked[index] = why or Why.NO_FREE_ROOM
            return
        start = model.new_int_var_from_domain(cp_model.Domain.from_values(starts), f"s{index}")
        placed = model.new_bool_var(f"placed{index}")
        in_room: dict[int, cp_model.IntVar] = {}
        for room in fitting:
            here = model.new_bool_var(f"r{index}_{room.id}")
            in_room[room.id or 0] = here
            self.room_intervals[room.id or 0].append(model.new_optional_interval_var(
                start, request.duration_min + self.buffer,
                start + request.duration_min + self.buffer, here, f"i{index}_{room.id}"))
        model.add_exactly_one([*in_room.values(), placed.negated()])
        for person in request.panellists:
            self.person_intervals[person].append(model.new_optional_interval_var(
                start, request.duration_min, start + request.duration_min, placed,
                f"p{index}_{person}"))
        self.primary.append(self.weight_placed * placed)
        self._wishes(index, request, start, placed, starts)
        if request.avoid_plenary and self.plenaries and not self.first_only:
            self._away_from_plenaries(index, request, start, starts)
        self.state[index] = (start, in_room, placed)
        if request.organizer:
            self.by_organizer[request.organizer.casefold()].append(index)

    def _wishes(self, index: int, request: Request, start: cp_model.IntVar,
                placed: cp_model.IntVar, starts: list[int]) -> None:
        """The preferred start times, in rank order: the first in the primary objective."""
        for rank, wanted in enumerate(request.slots[:len(self.ranks)]):
            at = self.minute(wanted)
            if at in starts:
                hit = self.model.new_bool_var(f"pref{index}_{rank}")
                self.model.add(start == at).only_enforce_if(hit)
                self.model.add_implication(hit, placed)
                if rank:
                    self.objective.append(self.ranks[rank] * hit)
                else:
                    self.primary.append(hit)

    def _away_from_plenaries(self, index: int, request: Request, start: cp_model.IntVar,
                             starts: list[int]) -> None:
        clash = [t for t in starts if any(
            t < end and s < t + request.duration_min for s, end in self.plenaries)]
        if not clash:
            return
        during = self.model.new_bool_var(f"plenary{index}")
        self.model.add_linear_expression_in_domain(
            start, cp_model.Domain.from_values(clash)).only_enforce_if(during)
        self.model.add_linear_expression_in_domain(start, cp_model.Domain.from_values(
            [t for t in starts if t not in set(clash)])).only_enforce_if(during.negated())
        self.objective.append(-WEIGHT_PLENARY * during)

    def finish(self) -> None:
        """No overlaps in a room or for a person; the same organizer in the same room
        when possible."""
        for intervals in (*self.room_intervals.values(), *self.person_intervals.values()):
            if len(intervals) > 1:
                self.model.add_no_overlap(intervals)
        for group in [] if self.first_only else self.by_organizer.values():
            for a, b in zip(group, group[1:], strict=False):
                for room_id, here in self.state[a][1].items():
                    other = self.state[b][1].get(room_id)
                    if other is not None:
                        same = self.model.new_bool_var(f"same{a}_{b}_{room_id}")
                        self.model.add_implication(same, here)
                        self.model.add_implication(same, other)
                        self.objective.append(WEIGHT_SAME_ROOM * same)

    def placement(self, index: int, request: Request, solver: cp_model.CpSolver | None,
                  people: dict[int, set[int]], sessions: Sequence[Session]) -> Placement:
        """Where the solution puts ``request`` (``solver`` None: there is no solution)."""
        if index in self.blocked or solver is None:
            return Placement(request, None, None, None,
                             self.blocked.get(index, Why.NO_FREE_ROOM))
        start_var, in_room, placed = self.state[index]
        if not solver.value(placed):
            return Placement(request, None, None, None,
                             _busy_reason(request, people, sessions))
        room_id = next(k for k, v in in_room.items() if solver.value(v))
        begins = self.origin + timedelta(minutes=solver.value(start_var))
        choice = next((rank for rank, wanted in enumerate(request.slots)
                       if wanted == begins), None)
        return Placement(request, self.rooms_by_id[room_id], begins,
                         begins + timedelta(minutes=request.duration_min), choice=choice)


def _solve_in_order(model: cp_model.CpModel, primary: cp_model.LinearExprT,
                    secondary: cp_model.LinearExprT, time_limit: float, *,
                    first_only: bool
                    ) -> tuple[cp_model.CpSolver, cp_model.CpSolverStatus, float | None]:
    """Maximize ``primary``, then ``secondary`` without losing any of ``primary``.

    Returns the solver holding the final solution, its status (OPTIMAL only when both
    solves are proven), and the seconds the first solve took to its proven optimum
    (None if it was not proven).
    """
    stages = [Stage(primary, share=1.0 if first_only else FIRST_SHARE)]
    if not first_only:
        stages.append(Stage(secondary))
    outcome = solve_in_order(model, stages, time_limit)
    proof = outcome.seconds[0] if outcome.proven and outcome.proven[0] else None
    return outcome.solver, outcome.status, proof


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for begin, finish in sorted(spans):
        if out and begin < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], finish))
        else:
            out.append((begin, finish))
    return out


def _ceil(value: int, grid: int) -> int:
    return -(-value // grid) * grid


def _busy_reason(request: Request, people: dict[int, set[int]],
                 sessions: Sequence[Session]) -> Why:
    busy = {p for s in sessions for p in people.get(s.id or 0, ())}
    return Why.PANELLIST_BUSY if set(request.panellists) & busy else Why.NO_FREE_ROOM


# --- with the database ---------------------------------------------------------------

def allocate(db: Database, *, time_limit: float = 5.0, grid: int = 10,
             buffer: int | None = None) -> Proposal:
    """Rooms and times for the waiting requests; ``buffer`` (minutes kept free between
    events in a room) defaults to the event's change-over setting."""
    event = event_store.required(db, NO_EVENT)
    if buffer is None:
        buffer = event.changeover_min
    return propose(side_event_store.list_requests(db, pending_only=True), room_store.list_rooms(db),
                   event_store.list_days(db), session_store.list_sessions(db),
                   side_event_store.session_people(db), event.zone, grid=grid, buffer=buffer,
                   time_limit=time_limit)


@requires(Permission.PROGRAMME)
def apply(db: Database, proposal: Proposal, *, who: Acting,
          only: set[int] | None = None) -> list[int]:
    """Put the placed requests (or those in ``only``) into the programme; their new
    session ids."""
    created = []
    with atomic(db):
        for p in proposal.placements:
            request = p.request
            if not p.placed or p.room is None or p.start is None or p.end is None \
                    or request.id is None or (only is not None and request.id not in only):
                continue
            session_id = session_store.add_session(db, Session(
                SessionKind.SIDE_EVENT, request.title_en, request.title_ru, p.start, p.end,
                room_id=p.room.id, languages=request.languages,
                interpretation=request.interpretation, expected=request.expected,
                organizer=request.organizer))
            side_event_store.add_session_people(db, session_id, list(request.panellists))
            side_event_store.set_placed(db, request.id, session_id)
            created.append(session_id)
        journal.record(db, desk_id=who.desk_id, operator=who.name, action="side_events.allocated",
                       detail={"sessions": created})
    return created


def first_choice_ceiling(requests: Sequence[Request], rooms: Sequence[Room],
                         days: Sequence[Day], sessions: Sequence[Session],
                         people: dict[int, set[int]], zone: object, *, buffer: int = 15,
                         time_limit: float = 30.0) -> tuple[int, bool]:
    """The most requests that can get their first choice together, and whether proven."""
    best = propose(requests, rooms, days, sessions, people, zone, buffer=buffer,
                   time_limit=time_limit, first_choices_only=True)
    return sum(1 for p in best.placements if p.choice == 0), best.optimal


def fits_alone(request: Request, at: datetime, rooms: Sequence[Room], days: Sequence[Day],
               sessions: Sequence[Session], people: dict[int, set[int]], zone: object,
               *, buffer: int = 15) -> bool:
    """Whether ``request`` could start at ``at`` if it were the only request: the bound
    for how many first choices any allocation can give."""
    from zoneinfo import ZoneInfo

    assert isinstance(zone, ZoneInfo)
    end = at + timedelta(minutes=request.duration_min)
    day = next((d for d in days if d.date == at.astimezone(zone).date()), None)
    if day is None:
        return False
    opens, closes = opening(day, zone)
    if at < opens or end > closes:
        return False
    pad = timedelta(minutes=buffer)
    for s in sessions:
        if set(request.panellists) & people.get(s.id or 0, set()) and overlaps(
                at, end, s.starts_at, s.ends_at):
            return False
    return any(_suitable(request, room) and not any(
        s.room_id == room.id and overlaps(at, end + pad, s.starts_at, s.ends_at + pad)
        for s in sessions) for room in rooms)
