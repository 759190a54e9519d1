"""The interpreters' roster: a generated programme of 2 days, 6 rooms (two of them with
one two-way booth), 40 sessions with interpretation, and a pool of 30 interpreters
(12 staff, 18 freelance; English A / Russian B, Russian A / English B, a few with a
passive language only), 10 s limit.

Figures: the time to a proven optimum of the first two objectives (every booth the rules
allow staffed, then the fewest freelance days and fees; goal <= 10 s), and the spread of
daily booth time (the largest minus the smallest load among those who work a day, the
worst day) next to a greedy floor in the same run: booths in time order, each seat to
the least-loaded interpreter who may take it (staff first), checked with the domain's
rules (goal: no more than the greedy's, and <= 60 min). The greedy's freelance days are
printed too: the solver must not buy its spread with more hiring.

Issue 30 adds two figures: the same programme with four more rooms of sessions
interpreted into the six UN languages (English, French, Spanish, Russian, Chinese,
Arabic) and a pool of 60 across them (24 staff), 30 s limit (goal: the first two
objectives proven optimal within 30 s); and re-rostering the reference programme after
its busiest interpreter withdraws, the rest of the roster given as the one to keep
(goal: <= 3 s to proof).
"""

from __future__ import annotations

import random
import time
from collections import defaultdict
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from benchmarks.common import Result
from bsm_desk.domain.interpreters import (
    TWO_WAY,
    Interpreter,
    Meeting,
    Rules,
    Slot,
    booth_shortfall,
    can_staff,
    check_schedule,
    meetings,
    parse_languages,
)
from bsm_desk.services.interpreters.needs import Need
from bsm_desk.services.interpreters.problem import Problem
from bsm_desk.services.interpreters.solver import Roster, solve

NAME = "roster"
ZONE = ZoneInfo("Asia/Dushanbe")
DAYS = (date(2022, 10, 18), date(2022, 10, 19))
ROOMS = 6
TWO_WAY_ROOMS = (5, 6)
SESSIONS = 40
POOL = 30
STAFF = 12
LIMIT = 10.0
SEED = 2022
# Start times of a conference day: two sessions in the morning, two in the afternoon,
# half an hour between them and an hour and a half for lunch; each session lasts 60 to
# 90 minutes.
SLOTS = (9 * 60 + 30, 11 * 60 + 30, 14 * 60 + 30, 16 * 60 + 30)
LENGTHS = (60, 75, 90)


def problem(seed: int = SEED) -> Problem:
    rng = random.Random(seed)
    places = [(day, room, slot) for day in DAYS for room in range(1, ROOMS + 1)
              for slot in SLOTS]
    chosen = rng.sample(places, SESSIONS)
    slots = []
    for session_id, (day, room, start) in enumerate(sorted(chosen), start=1):
        minutes = rng.choice(LENGTHS)
        at = datetime(day.year, day.month, day.day, tzinfo=ZONE) + timedelta(minutes=start)
        slots.append(Slot(session_id, room, at, at + timedelta(minutes=minutes)))
    rules = Rules()
    needs = []
    for meeting in meetings(slots, rules):
        booths = [TWO_WAY] if meeting.room_id in TWO_WAY_ROOMS else ["en", "ru"]
        for booth in booths:
            needs.append(Need(meeting, f"Room {meeting.room_id}", booth,
                              rules.team(meeting.minutes, two_way=booth == TWO_WAY),
                              f"Session {meeting.session_ids[0]}"))
    kinds = ["en:A; ru:B"] * 5 + ["ru:A; en:B"] * 5 + ["en:A; ru:C", "ru:A; en:C"]
    pool = []
    for i in range(POOL):
        available = DAYS if rng.random() < 0.85 else (rng.choice(DAYS),)
        pool.append(Interpreter(f"Interpreter {i + 1}", "", parse_languages(rng.choice(kinds)),
                                i < STAFF, available, float(rng.choice([350, 400, 450])),
                                id=i + 1))
    return Problem(needs, pool, ZONE, rules)


UN = ("en", "fr", "es", "ru", "zh", "ar")
SIX_ROOMS = (7, 8, 9, 10)
SIX_SESSIONS = 9
SIX_POOL = 60
SIX_STAFF = 24
SIX_LIMIT = 30.0
# What each booth's interpreters hold besides their A: the booth's retour (B) into
# English or French where the booth works both ways (Chinese, Arabic, Russian), and
# passive languages (C) to take from the floor or by relay.
SIX_KINDS = {
    "en": ["en:A; fr:C; es:C", "en:A; ru:C; fr:C"],
    "fr": ["fr:A; en:C; es:C", "fr:A; en:C; ru:C"],
    "es": ["es:A; en:C; fr:C"],
    "ru": ["ru:A; en:B; fr:C", "ru:A; en:B"],
    "zh": ["zh:A; en:B"],
    "ar": ["ar:A; en:B; fr:C", "ar:A; fr:B"],
}


SIX_GAP = 0.01


def problem_six(seed: int = SEED) -> Problem:
    """The reference programme and four more rooms of six-language sessions, with a
    pool of 60 across the six UN languages (and the reference pool's en/ru pairs)."""
    base = problem(seed)
    rng = random.Random(seed + 6)
    places = [(day, room, slot) for day in DAYS for room in SIX_ROOMS for slot in SLOTS]
    slots = []
    for offset, (day, room, start) in enumerate(sorted(rng.sample(places, SIX_SESSIONS))):
        minutes = rng.choice(LENGTHS)
        at = datetime(day.year, day.month, day.day, tzinfo=ZONE) + timedelta(minutes=start)
        slots.append(Slot(SESSIONS + 1 + offset, room, at, at + timedelta(minutes=minutes)))
    rules = base.rules
    needs = list(base.needs)
    for meeting in meetings(slots, rules):
        for booth in UN:
            needs.append(Need(meeting, f"Room {meeting.room_id}", booth,
                              rules.team(meeting.minutes), f"Session {meeting.session_ids[0]}"))
    pool = []
    for i in range(SIX_POOL):
        booth = UN[i % len(UN)]
        available = DAYS if rng.random() < 0.85 else (rng.choice(DAYS),)
        pool.append(Interpreter(f"Interpreter {i + 1}", "",
                                parse_languages(rng.choice(SIX_KINDS[booth])),
                                i < SIX_STAFF, available,
                                float(rng.choice([350, 400, 450])), id=i + 1))
    return Problem(needs, pool, ZONE, rules)


def spread(asked: Problem, by_person: dict[int, list[Meeting]]) -> int:
    """The largest minus the smallest daily booth time among those who work a day, on
    the worst day."""
    loads: dict[date, list[float]] = defaultdict(list)
    for meetings_ in by_person.values():
        per_day: dict[date, float] = defaultdict(float)
        for meeting in meetings_:
            per_day[asked.day_of(meeting.starts_at)] += meeting.booth_minutes
        for day, minutes in per_day.items():
            loads[day].append(minutes)
    return round(max((max(v) - min(v) for v in loads.values()), default=0))


def greedy(asked: Problem) -> tuple[dict[int, list[Meeting]], int, int]:
    """Each seat, in time order, to the least-loaded interpreter who may take it (staff
    first). Returns the schedules, the seats left empty and the freelance days."""
    by_person: dict[int, list[Meeting]] = defaultdict(list)
    empty = 0
    for need in sorted(asked.needs, key=lambda n: (n.meeting.starts_at, n.meeting.room_id)):
        day = asked.day_of(need.meeting.starts_at)
        team: list[Interpreter] = []
        for _ in range(need.team):
            candidates = sorted(
                (p for p in asked.pool if p not in team
                 and p.free_for(need.meeting.starts_at, need.meeting.ends_at, asked.zone)
                 and can_staff(p.languages, need.booth)
                 and not check_schedule([*by_person[p.id or 0], need.meeting],
                                        day_of=asked.day_of, rules=asked.rules)),
                key=lambda p: (not p.staff, sum(m.booth_minutes for m in by_person[p.id or 0]
                                                if asked.day_of(m.starts_at) == day)))
            # The booth's language as A for one member: take one first if none yet.
            if need.booth != TWO_WAY and not any(m.languages.get(need.booth) == "A"
                                                 for m in team):
                candidates.sort(key=lambda p: p.languages.get(need.booth) != "A")
            if not candidates:
                break
            team.append(candidates[0])
        if len(team) < need.team or booth_shortfall([p.languages for p in team], need.booth):
            empty += need.team
            continue
        for person in team:
            by_person[person.id or 0].append(need.meeting)
    staff = {p.id for p in asked.pool if p.staff}
    days = {(i, asked.day_of(m.starts_at)) for i, ms in by_person.items() for m in ms
            if i not in staff}
    return by_person, empty, len(days)


def _schedules(roster: Roster) -> dict[int, list[Meeting]]:
    return {i: [s.need.meeting for s in seatings]
            for i, seatings in roster.by_interpreter().items()}


def run() -> list[Result]:
    asked = problem()
    began = time.perf_counter()
    floor_schedules, floor_empty, floor_days = greedy(asked)
    greedy_seconds = time.perf_counter() - began
    roster = solve(asked, time_limit=LIMIT)
    proven = len(roster.stage_proven) >= 2 and all(roster.stage_proven[:2])
    to_proof = sum(roster.stage_seconds[:2])
    staff = {p.id for p in asked.pool if p.staff}
    schedules = _schedules(roster)
    days = len({(i, asked.day_of(m.starts_at)) for i, ms in schedules.items() for m in ms
                if i not in staff})
    empty = sum(s.need.team - len(s.interpreters) for s in roster.seatings if not s.staffed)
    ours, floor = spread(asked, schedules), spread(asked, floor_schedules)
    seats = sum(n.team for n in asked.needs)
    return [*_six_languages(), _after_withdrawal(asked, roster), *[
        Result(NAME, f"{SESSIONS} sessions, {seats} seats, {POOL} interpreters: "
                     f"staffing + fewest freelance days to proof", round(to_proof, 3), "s",
               round(greedy_seconds, 4), round(to_proof / greedy_seconds, 1)
               if greedy_seconds else None, "proven, <= 10 s", proven and to_proof <= LIMIT),
        Result(NAME, f"empty seats {empty} (greedy {floor_empty}); freelance days {days} "
                     f"(greedy {floor_days})", days, "days", floor_days,
               round(days / floor_days, 3) if floor_days else None,
               "<= greedy's, no more empty seats",
               days <= floor_days and empty <= floor_empty),
        Result(NAME, "spread of daily booth time (worst day)", ours, "min", floor,
               round(ours / floor, 3) if floor else None, "<= greedy's and <= 60 min",
               ours <= floor and ours <= 60),
    ]]


def _six_languages() -> list[Result]:
    asked = problem_six()
    roster = solve(asked, time_limit=SIX_LIMIT)
    proven = len(roster.stage_proven) >= 2 and all(roster.stage_proven[:2])
    to_proof = sum(roster.stage_seconds[:2])
    # Issue 30: proven, or its optimality gap reported at most 1 %.
    gaps = roster.stage_gaps[:2]
    close = len(gaps) == 2 and max(gaps) <= SIX_GAP
    booths = sum(1 for n in asked.needs if n.meeting.room_id in SIX_ROOMS)
    empty = sum(1 for s in roster.seatings if not s.staffed)
    said = ", ".join(f"{g:.2%}" for g in gaps) or "none"
    return [Result(NAME, f"six languages: {booths} more booths, {SIX_POOL} interpreters, "
                         f"{roster.status} ({empty} booths unstaffed; gaps of the first two "
                         f"objectives {said})", round(to_proof, 2),
                   "s", None, None, f"first two objectives proven or within "
                   f"{SIX_GAP:.0%} of their bound, <= {SIX_LIMIT:g} s",
                   (proven or close) and to_proof <= SIX_LIMIT)]


def _after_withdrawal(asked: Problem, roster: Roster) -> Result:
    """The busiest interpreter withdraws; the rest of the roster is the one to keep."""
    from dataclasses import replace

    busiest = max(roster.by_interpreter().items(), key=lambda item: len(item[1]))[0]
    previous = {s.need.key: frozenset(p for p in s.interpreters if p != busiest)
                for s in roster.seatings if s.interpreters}
    again = replace(asked, pool=[p for p in asked.pool if p.id != busiest],
                    previous=previous)
    began = time.perf_counter()
    redone = solve(again, time_limit=LIMIT)
    seconds = time.perf_counter() - began
    proven = len(redone.stage_proven) >= 2 and all(redone.stage_proven[:2])
    to_proof = sum(redone.stage_seconds[:2])
    return Result(NAME, f"re-roster after a withdrawal ({redone.status}, {seconds:.1f} s "
                        "in all)", round(to_proof, 2), "s", None, None,
                  "first two objectives proven, <= 3 s", proven and to_proof <= 3.0)
