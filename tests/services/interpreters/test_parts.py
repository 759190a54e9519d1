"""A programme is rostered in parts where nothing ties its booths together (one
interpreter's day, the week's limit, a meeting across midnight, a relay), and the
answer is the one the whole model gives: the same staffing, freelance days, fees and
avoided seats, on the demo and on generated programmes."""

from __future__ import annotations

from collections import defaultdict
from contextlib import closing
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from bsm_desk.domain.interpreters import Interpreter, Meeting, Rules, parse_languages
from bsm_desk.services.interpreters import rostering
from bsm_desk.services.interpreters import solver as solver_module
from bsm_desk.services.interpreters.needs import Need
from bsm_desk.services.interpreters.parts import parts
from bsm_desk.services.interpreters.problem import Problem
from bsm_desk.services.interpreters.reasons import whole_minutes
from bsm_desk.services.interpreters.solver import Roster, solve
from bsm_desk.services.interpreters.solver_model import RosterModel
from bsm_desk.store import connect
from tests.services.interpreters.test_solver import DUSHANBE, _generated, referee

DAY = date(2022, 10, 18)


def _meeting(session: int, room: int, day: date, hour: int, minutes: int) -> Meeting:
    at = datetime(day.year, day.month, day.day, hour, tzinfo=DUSHANBE)
    return Meeting((session,), room, at, at + timedelta(minutes=minutes), minutes)


def _need(meeting: Meeting, booth: str) -> Need:
    return Need(meeting, f"Room {meeting.room_id}", booth, 1, f"Session {meeting.session_ids[0]}")


def _person(number: int, languages: str, *days: date) -> Interpreter:
    return Interpreter(f"I{number}", "", parse_languages(languages), False, days, 400.0,
                       id=number)


def _parts(asked: Problem) -> list[list[int]]:
    built = RosterModel(asked, list(asked.pool))
    built.build()
    return parts(built)


ENGLISH, RUSSIAN = "en:A; ru:C", "ru:A; en:C"  # each fit for one booth only


def test_one_interpreters_day_ties_booths_and_days_do_not() -> None:
    morning, evening = _meeting(1, 1, DAY, 9, 60), _meeting(2, 2, DAY, 14, 60)
    tomorrow = _meeting(3, 1, DAY + timedelta(days=1), 9, 60)
    needs = [_need(morning, "en"), _need(evening, "en"), _need(tomorrow, "en"),
             _need(morning, "ru")]
    pool = [_person(1, ENGLISH, DAY, DAY + timedelta(days=1)), _person(2, RUSSIAN, DAY)]
    asked = Problem(needs, pool, DUSHANBE)
    # The English booths of the first day share their interpreter; the next day and the
    # Russian booth (nobody fit for both it and an English one) stand apart.
    assert _parts(asked) == [[0, 1], [2], [3]]


def test_the_weeks_limit_ties_the_days_it_could_bind() -> None:
    days = [DAY, DAY + timedelta(days=1)]
    needs = [_need(_meeting(k + 1, 1, day, 9, 60), "en") for k, day in enumerate(days)]
    pool = [_person(1, ENGLISH, *days)]
    assert _parts(Problem(needs, pool, DUSHANBE)) == [[0], [1]]  # 2 days × 2 ≤ 7 a week
    one_a_week = Problem(needs, pool, DUSHANBE, Rules(max_periods_week=1))
    assert _parts(one_a_week) == [[0, 1]]
    # Two days of different weeks stay apart even then.
    apart = [needs[0], _need(_meeting(3, 1, DAY + timedelta(days=7), 9, 60), "en")]
    assert _parts(Problem(apart, [_person(1, ENGLISH, DAY, DAY + timedelta(days=7))],
                          DUSHANBE, Rules(max_periods_week=1))) == [[0], [1]]


def test_a_meeting_across_midnight_ties_it_to_the_next_day() -> None:
    late = _meeting(1, 1, DAY, 23, 90)  # until 00:30 the next day
    early = _meeting(2, 2, DAY + timedelta(days=1), 0, 30)
    pool = [_person(1, ENGLISH, DAY, DAY + timedelta(days=1))]
    asked = Problem([_need(late, "en"), _need(early, "en")], pool, DUSHANBE,
                    Rules(max_day_min=600, max_period_min=600))
    assert _parts(asked) == [[0, 1]]
    roster = solve(asked, time_limit=5, deterministic=True)
    assert referee(asked, roster) == []  # never in two rooms at once


def test_a_relay_ties_a_meetings_booths() -> None:
    meeting = _meeting(1, 1, DAY, 9, 60)
    needs = [_need(meeting, "en"), _need(meeting, "ru")]
    pool = [_person(1, ENGLISH, DAY), _person(2, RUSSIAN, DAY)]
    assert _parts(Problem(needs, pool, DUSHANBE)) == [[0], [1]]
    relayed = Problem(needs, pool, DUSHANBE, relay={(1,): frozenset({"tg"})})
    assert _parts(relayed) == [[0, 1]]


def _figures(asked: Problem, roster: Roster) -> tuple[int, int, int, float, int]:
    """The separable objectives' values: booths staffed, seats, freelance days, fees,
    seats asked to be avoided."""
    people = {p.id: p for p in asked.pool}
    days = {(i, asked.day_of(s.need.meeting.starts_at)) for s in roster.seatings
            for i in s.interpreters if not people[i].staff}
    avoided = sum(1 for s in roster.seatings for i in s.interpreters
                  if s.need.meeting.room_id in people[i].avoid_rooms)
    return (sum(s.staffed for s in roster.seatings),
            sum(len(s.interpreters) for s in roster.seatings), len(days),
            sum(people[i].fee for i, _ in days), avoided)


def _spread(asked: Problem, roster: Roster) -> int:
    """The roster's spread objective: per day, the most booth time anyone works minus
    the least among those who work, summed over the days."""
    loads: dict[date, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    meetings: dict[tuple[date, int], set[tuple[int, ...]]] = defaultdict(set)
    for seating in roster.seatings:
        meeting = seating.need.meeting
        day = asked.day_of(meeting.starts_at)
        for i in seating.interpreters:
            if meeting.session_ids not in meetings[day, i]:  # a two-booth meeting: once
                meetings[day, i].add(meeting.session_ids)
                loads[day][i] += whole_minutes(meeting)
    return sum(max(day.values()) - min(day.values()) for day in loads.values())


def _whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """The solver as it was before parts: the whole programme as one."""
    def whole(built: RosterModel) -> list[list[int]]:
        return [list(range(len(built.p.needs)))]

    monkeypatch.setattr(solver_module, "parts", whole)


@pytest.mark.parametrize("seed", [1, 5, 12, 13, 17])
def test_in_parts_the_answer_is_the_wholes(seed: int, monkeypatch: pytest.MonkeyPatch
                                           ) -> None:
    asked = _generated(seed)
    asked = replace(asked, pool=[replace(p, avoid_rooms=(1,)) if k % 3 == 0 else p
                                 for k, p in enumerate(asked.pool)])
    if len(_parts(asked)) < 2:
        pytest.fail(f"seed {seed} no longer gives a programme in parts: pick another")
    split = solve(asked, time_limit=30, deterministic=True)
    _whole(monkeypatch)
    whole = solve(asked, time_limit=30, deterministic=True)
    assert split.stage_proven[:4] == whole.stage_proven[:4] == (True,) * 4
    assert _figures(asked, split) == _figures(asked, whole)
    assert referee(asked, split) == []
    # The spread, solved for each day's parts together: the whole model's, where both
    # proved it.
    assert split.stage_proven[4]
    if whole.stage_proven[4]:
        assert _spread(asked, split) == _spread(asked, whole)


def test_the_demo_is_rostered_by_day(demo_copy: Path, monkeypatch: pytest.MonkeyPatch
                                     ) -> None:
    with closing(connect(demo_copy)) as db:
        asked = rostering.problem(db)
    groups = _parts(asked)
    assert len(groups) >= 2
    for group in groups:
        assert len({asked.day_of(asked.needs[n].meeting.starts_at) for n in group}) == 1
    split = solve(asked, time_limit=20, deterministic=True)
    _whole(monkeypatch)
    whole = solve(asked, time_limit=20, deterministic=True)
    assert split.status == whole.status == "optimal"
    assert _figures(asked, split) == _figures(asked, whole)
    assert _spread(asked, split) == _spread(asked, whole)


def test_the_spread_is_solved_for_each_days_parts_together() -> None:
    """The spread of a day's booth time ties the parts of a day, and only those: the
    parts are gathered by the days they seat people on (a part with no seat to decide
    goes with the first), and a part that spans two days joins them."""
    days = [DAY + timedelta(days=k) for k in range(3)]
    needs = [_need(_meeting(k + 1, 1, day, 9, 60), booth)
             for k, day in enumerate(days) for booth in ("en", "ru", "zh")]
    pool = [_person(1, ENGLISH, *days), _person(2, RUSSIAN, *days[:2])]
    asked = Problem(needs, pool, DUSHANBE)
    built = RosterModel(asked, pool)
    built.build()
    groups = parts(built)
    assert groups == [[0], [1], [2, 5, 7, 8], [3], [4], [6]]
    assert solver_module._days(asked, built, groups) == [[0, 1, 2], [3, 4], [5]]
    # The week's limit ties the Russian interpreter's two days: those days are one.
    week = [_person(1, ENGLISH, days[0]), _person(2, RUSSIAN, *days[:2]),
            _person(3, ENGLISH, days[2])]
    tight = Problem(needs, week, DUSHANBE, rules=replace(asked.rules, max_periods_week=1))
    built = RosterModel(tight, week)
    built.build()
    groups = parts(built)
    assert groups == [[0], [1, 4], [2, 3, 5, 7, 8], [6]]
    assert solver_module._days(tight, built, groups) == [[0, 1, 2], [3]]
    # Nobody to seat at all: one part, one set of days.
    built = RosterModel(replace(asked, pool=[]), [])
    built.build()
    assert solver_module._days(asked, built, parts(built)) == [[0]]
    roster = solve(tight, time_limit=5, deterministic=True)
    assert roster.status == "optimal" and referee(tight, roster) == []
    assert len(roster.stage_proven) == 6  # four apart, then the spread and the same team


def test_booths_nobody_may_sit_in_make_one_part_and_parts_are_few(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each CP-SAT solve costs something of its own: the booths with no seat to decide
    are one part, and past MAX_PARTS the smallest parts are solved as one (still
    exactly: parts together are what the whole model is)."""
    from bsm_desk.services.interpreters import parts as parts_module

    days = [DAY + timedelta(days=k) for k in range(3)]
    needs = [_need(_meeting(k + 1, 1, day, 9, 60), booth)
             for k, day in enumerate(days) for booth in ("en", "ru", "zh")]
    assert _parts(Problem(needs, [], DUSHANBE)) == [list(range(9))]  # nobody: one part
    pool = [_person(1, ENGLISH, *days), _person(2, RUSSIAN, *days[:2])]
    asked = Problem(needs, pool, DUSHANBE)
    # Apart: each day's English booth, each of two days' Russian booth; the Chinese
    # booths (nobody) and the third day's Russian booth together.
    assert _parts(asked) == [[0], [1], [2, 5, 7, 8], [3], [4], [6]]
    monkeypatch.setattr(parts_module, "MAX_PARTS", 3)
    assert len(_parts(asked)) == 3
    assert sorted(n for group in _parts(asked) for n in group) == list(range(9))
    roster = solve(asked, time_limit=5, deterministic=True)
    assert roster.status == "optimal" and referee(asked, roster) == []
    assert sum(s.staffed for s in roster.seatings) == 5  # every booth someone may sit in
