"""Side-event allocation: 40 requests, 8 rooms, 2 days, a 10-minute grid, 5 s limit.

The demo programme (with its own side events) stays as it is; one more room is added
to make eight. Every request's first choice would fit if it were alone (the generator
redraws it otherwise), so "first choices" measures how well competing wishes are met.

Two mixes of wishes (see services/side_event_samples.py), five seeded instances each:

- spread: wishes anywhere in the open hours. The goal is judged here: every request
  placed within 5 s, and >= 80 % first choices over the five instances.
- lunch rush: half of all wishes fall in the lunch break. No allocation can give 80 %
  first choices there (the proven ceiling is about 75 %); it is printed as the stress
  case, and the figure to watch is how close the allocator gets to that ceiling.

Per mix: the slowest solve, and how long the first of its two solves (most requests
placed, then most first choices) took to a proven optimum; the share of first choices
next to the floor of a greedy first-fit in the same run (requests in order,
each takes its best wish still free, else the first free time), and the most first
choices any allocation can give (a CP-SAT model that weighs nothing else, 30 s).
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from benchmarks.common import Result, demo_db
from bsm_desk.domain.model import Day, Room, Session, SessionKind
from bsm_desk.domain.programme import Request
from bsm_desk.services.programme.allocation import first_choice_ceiling, fits_alone, propose
from bsm_desk.services.programme.side_event_samples import sample_requests
from bsm_desk.store import connect
from bsm_desk.store import event as event_store
from bsm_desk.store import rooms as room_store
from bsm_desk.store import sessions as session_store

NAME = "allocation"
REQUESTS = 40
BUFFER = 15
LIMIT = 5.0
SEEDS = (2022, 2023, 2024, 2025, 2026)
GOAL_SHARE = 0.8


@dataclass(frozen=True)
class Venue:
    rooms: list[Room]
    days: list[Day]
    sessions: list[Session]
    speakers: list[int]
    zone: ZoneInfo


def _venue() -> Venue:
    db = connect(demo_db(700))
    event = event_store.get_event(db)
    assert event is not None
    rooms = [*room_store.list_rooms(db), Room("Library", "Библиотека", "2", 50, 1,
                                              ("projector", "microphones"), id=100)]
    venue = Venue(rooms, event_store.list_days(db), session_store.list_sessions(db),
                  [r[0] for r in db.execute("SELECT id FROM delegate LIMIT 60").fetchall()],
                  event.zone)
    db.close()
    return venue


def _requests(venue: Venue, seed: int, lunch_rush: bool) -> list[Request]:
    rng = random.Random(seed)
    requests = []
    for index, request in enumerate(sample_requests(seed, REQUESTS, venue.days, venue.zone,
                                                    venue.speakers, lunch_rush=lunch_rush)):
        slots = list(request.slots)
        while not fits_alone(request, slots[0], venue.rooms, venue.days, venue.sessions, {},
                             venue.zone, buffer=BUFFER):
            day = rng.choice(venue.days).date
            slots[0] = datetime.combine(day, datetime.min.time(), venue.zone) + timedelta(
                hours=rng.randint(8, 18), minutes=rng.choice((0, 30)))
        requests.append(replace(request, slots=tuple(slots), id=index + 1))
    return requests


def _greedy(requests: list[Request], venue: Venue) -> tuple[int, int]:
    """First-fit: (placed, first choices)."""
    busy = list(venue.sessions)
    placed = firsts = 0
    grid = [datetime.combine(d.date, datetime.min.time(), venue.zone) + timedelta(minutes=m)
            for d in venue.days for m in range(8 * 60, 20 * 60, 10)]
    for request in requests:
        for rank, at in enumerate([*request.slots, *grid]):
            fitting = [r for r in venue.rooms if fits_alone(
                request, at, [r], venue.days, busy, {}, venue.zone, buffer=BUFFER)]
            if fitting:
                busy.append(Session(SessionKind.SIDE_EVENT, request.title_en, "", at,
                                    at + timedelta(minutes=request.duration_min),
                                    room_id=fitting[0].id, id=-len(busy)))
                placed += 1
                firsts += rank == 0
                break
    return placed, firsts


@dataclass
class Totals:
    requests: int = 0
    placed: int = 0
    firsts: int = 0
    greedy_placed: int = 0
    greedy_firsts: int = 0
    ceiling: int = 0
    ceiling_proven: bool = True
    slowest: float = 0.0
    greedy_seconds: float = 0.0
    all_optimal: bool = True
    first_proven: int = 0  # instances where placed + first choices were proven optimal
    slowest_proof: float = 0.0  # seconds, of those
    at_ceiling: int = 0  # instances where the allocator gave the most first choices
    shares: list[float] = field(default_factory=list)  # first choices, per instance


def _measure(venue: Venue, lunch_rush: bool) -> Totals:
    totals = Totals()
    for seed in SEEDS:
        requests = _requests(venue, seed, lunch_rush)
        start = time.perf_counter()
        proposal = propose(requests, venue.rooms, venue.days, venue.sessions, {}, venue.zone,
                           buffer=BUFFER, time_limit=LIMIT)
        totals.slowest = max(totals.slowest, time.perf_counter() - start)
        totals.all_optimal &= proposal.optimal
        if proposal.first_proof is not None:
            totals.first_proven += 1
            totals.slowest_proof = max(totals.slowest_proof, proposal.first_proof)
        start = time.perf_counter()
        greedy_placed, greedy_firsts = _greedy(requests, venue)
        totals.greedy_seconds = max(totals.greedy_seconds, time.perf_counter() - start)
        ceiling, proven = first_choice_ceiling(requests, venue.rooms, venue.days,
                                               venue.sessions, {}, venue.zone, buffer=BUFFER,
                                               time_limit=30)
        firsts = sum(1 for p in proposal.placements if p.placed and p.choice == 0)
        totals.requests += len(requests)
        totals.placed += sum(1 for p in proposal.placements if p.placed)
        totals.firsts += firsts
        totals.greedy_placed += greedy_placed
        totals.greedy_firsts += greedy_firsts
        totals.ceiling += ceiling
        totals.ceiling_proven &= proven
        totals.at_ceiling += firsts >= ceiling
        totals.shares.append(firsts / len(requests))
    return totals


def _results(mix: str, totals: Totals, judged: bool) -> list[Result]:
    runs = len(SEEDS)
    share = totals.firsts / totals.requests
    greedy_share = totals.greedy_firsts / totals.requests
    ceiling = totals.ceiling / totals.requests
    proof = "all rules proven optimal" if totals.all_optimal else (
        f"most placed and first choices proven in {totals.first_proven}/{runs}, at most "
        f"{totals.slowest_proof:.2f} s; the lesser wishes best found")
    all_placed = totals.placed == totals.requests
    timely = totals.slowest <= LIMIT + 0.2  # reading the answer back: a few ms
    time_goal = "<= 5 s and all placed" if judged else "(stress case) <= 5 s"
    share_goal = ">= 80 %" if judged else "(stress case) = the ceiling"
    share_met = share >= GOAL_SHARE if judged else totals.at_ceiling == runs
    return [
        Result(NAME, f"{mix}, {runs}x{REQUESTS} requests: slowest solve ({proof}; placed "
                     f"{totals.placed}/{totals.requests})",
               round(totals.slowest, 2), "s", round(totals.greedy_seconds, 3),
               round(totals.slowest / max(totals.greedy_seconds, 1e-6), 1), time_goal,
               timely and (all_placed or not judged)),
        Result(NAME, f"{mix}: first choices (at most {100 * ceiling:.1f} %"
                     f"{' proven' if totals.ceiling_proven else ''}, reached in "
                     f"{totals.at_ceiling}/{runs}; per instance {100 * min(totals.shares):.0f}"
                     f"-{100 * max(totals.shares):.0f} %)",
               round(100 * share, 1), "%", round(100 * greedy_share, 1),
               round(share / max(greedy_share, 1e-6), 2), share_goal, share_met),
    ]


def run() -> list[Result]:
    venue = _venue()
    return [*_results("spread", _measure(venue, lunch_rush=False), judged=True),
            *_results("lunch rush", _measure(venue, lunch_rush=True), judged=False)]
