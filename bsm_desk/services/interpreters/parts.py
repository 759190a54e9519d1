"""The parts of a programme that can be rostered apart: booths that no interpreter, no
rule and no relay ties together.

Every objective of the roster but one is a sum over booths, seats or an interpreter's
days, and every rule binds one interpreter's day (one booth at a time, working periods,
booth time) — except the week's periods and a meeting that runs into the next day. So
once the booths are grouped by who may sit in them on which day, the best roster of the
whole is the best roster of each group, found apart: a smaller model each, and a proof
for each that the solver reaches far sooner (the six-language programme: the English
and Russian booths of a day, the Arabic booths of that day, ... instead of all at once).
What ties two booths into one part:

- an interpreter who may sit in both on the same day;
- an interpreter who may sit in both on two days of one week, when their periods in
  that week could reach the week's limit (days × periods a day > periods a week);
- an interpreter who may sit in both and whose meetings overlap across midnight;
- one meeting with a relay to find (its booths share the relay's seat).

The spread of booth time among those who work a day is the one objective that is not
such a sum: it is a sum over days, of what ties the parts of one day. ``solver.py``
takes it last, for the parts of each day together, keeping each part's answer to the
objectives before it.

Parts solved together are still solved exactly (the whole model is all of them at once),
so the booths nobody may sit in make one part, and past :data:`MAX_PARTS` the smallest
parts are bundled into one: each CP-SAT solve has a cost of its own (about 9 ms for a
part's stages), which a programme of a thousand unstaffable booths would pay a thousand
times.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from bsm_desk.services.interpreters.solver_model import RosterModel

MAX_PARTS = 24


class Groups:
    """Union-find over indexes (of needs, or of parts)."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, n: int) -> int:
        while self.parent[n] != n:
            self.parent[n] = self.parent[self.parent[n]]
            n = self.parent[n]
        return n

    def join(self, members: list[int]) -> None:
        if not members:
            return
        root = self.find(members[0])
        for n in members[1:]:
            other = self.find(n)
            if other != root:
                self.parent[other] = root


def parts(built: RosterModel) -> list[list[int]]:
    """The needs of ``built`` (its indexes) in groups that can be solved apart, each in
    order, the groups in order of their first need."""
    problem, rules = built.p, built.rules
    groups = Groups(len(problem.needs))
    day_of = [problem.day_of(need.meeting.starts_at) for need in problem.needs]
    mine: dict[int, list[int]] = defaultdict(list)  # person → needs they may sit in
    for n, i in built.x:
        mine[i].append(n)
    for ns in mine.values():
        by_day: dict[date, list[int]] = defaultdict(list)
        for n in ns:
            by_day[day_of[n]].append(n)
        for same_day in by_day.values():
            groups.join(same_day)
        by_week: dict[tuple[int, int], list[date]] = defaultdict(list)
        for day in by_day:
            by_week[day.isocalendar()[:2]].append(day)
        for days in by_week.values():
            if len(days) > 1 and len(days) * rules.max_periods_day > rules.max_periods_week:
                groups.join([n for day in days for n in by_day[day]])
        if len(by_day) > 1:
            _join_across_midnight(built, ns, day_of, groups)
    for ns in built.needs_of:
        if problem.relay.get(problem.needs[ns[0]].meeting.session_ids):
            groups.join(ns)
    found: dict[int, list[int]] = defaultdict(list)
    for n in range(len(problem.needs)):
        found[groups.find(n)].append(n)
    return _bundled(list(found.values()), Counter(n for n, _ in built.x))


def _bundled(groups: list[list[int]], seats: Counter[int]) -> list[list[int]]:
    """The groups with those of no seat to decide made one, and at most MAX_PARTS in
    all (the smallest, by seats to decide, made one); each in order, in order."""
    def size(group: list[int]) -> int:
        return sum(seats[n] for n in group)

    busy = [group for group in groups if size(group)]
    idle = [n for group in groups if not size(group) for n in group]
    if len(busy) + bool(idle) > MAX_PARTS:
        busy.sort(key=size, reverse=True)
        idle += [n for group in busy[MAX_PARTS - 1:] for n in group]
        busy = busy[:MAX_PARTS - 1]
    return sorted(sorted(group) for group in [*busy, *([idle] if idle else [])])


def _join_across_midnight(built: RosterModel, ns: list[int], day_of: list[date],
                          groups: Groups) -> None:
    """One interpreter's needs on different days whose meetings overlap."""
    meetings = [built.p.needs[n].meeting for n in ns]
    order = sorted(range(len(ns)), key=lambda k: meetings[k].starts_at)
    for a, k in enumerate(order):
        for j in order[a + 1:]:
            if meetings[j].starts_at >= meetings[k].ends_at:
                break
            if day_of[ns[j]] != day_of[ns[k]]:
                groups.join([ns[k], ns[j]])
