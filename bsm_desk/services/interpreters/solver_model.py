"""The roster as a CP-SAT model: a boolean per booth and interpreter who may sit in it,
the hard rules per interpreter (one booth at a time, working periods a day and a week,
booth time in a period and a day, locked seats), a booth staffed when its team covers
its languages, relays, and the objectives ``solver.py`` solves in order."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from datetime import date, timedelta

from ortools.sat.python import cp_model

from bsm_desk.domain.interpreters import (
    TWO_WAY,
    Class,
    Interpreter,
    Meeting,
    can_relay,
    can_staff,
    can_work_into,
)
from bsm_desk.services.interpreters.needs import Need
from bsm_desk.services.interpreters.problem import Problem, Text
from bsm_desk.services.interpreters.reasons import LOCK_UNFIT, booth_name
from bsm_desk.services.interpreters.reasons import whole_minutes as _minutes

W_SAME = 1  # an interpreter staying in a booth for the room's next meeting


class RosterModel:
    """The CP-SAT model of one roster."""

    def __init__(self, problem: Problem, people: Sequence[Interpreter],
                 weight: int | None = None) -> None:
        """``weight``: of a staffed booth or relay against one seat in the first
        objective (default: one more than all the seats, so that a booth always counts
        more than seats; a part of a programme takes the whole programme's)."""
        self.p, self.people = problem, people
        self.rules = problem.rules
        self.weight = weight or sum(need.team for need in problem.needs) + 1
        self.model = cp_model.CpModel()
        self.meetings: list[Meeting] = []
        self.needs_of: list[list[int]] = []  # meeting index → need indexes
        self.meeting_index: dict[tuple[int, ...], int] = {}  # by its session ids
        index = self.meeting_index
        for n, need in enumerate(problem.needs):
            m = index.setdefault(need.meeting.session_ids, len(self.meetings))
            if m == len(self.meetings):
                self.meetings.append(need.meeting)
                self.needs_of.append([])
            self.needs_of[m].append(n)
        self.meeting_of = {n: m for m, ns in enumerate(self.needs_of) for n in ns}
        self.x: dict[tuple[int, int], cp_model.IntVar] = {}  # (need, person)
        self.full: list[cp_model.IntVar] = []
        self.relays: list[tuple[int, str, cp_model.IntVar | None]] = []
        self.works: dict[tuple[int, int], cp_model.IntVar] = {}  # (person, meeting)
        self.on_day: dict[tuple[int, date], cp_model.IntVar] = {}  # freelance days
        self.begins: dict[tuple[int, int], cp_model.IntVar] = {}  # (person, meeting)
        self.loads: dict[tuple[int, date], cp_model.LinearExpr] = {}
        self.lock_problems: list[Text] = []

    # eligibility and seats
    def eligible(self, need: Need, person: Interpreter) -> bool:
        minutes = _minutes(need.meeting)
        return (can_staff(person.languages, need.booth)
                and person.free_for(need.meeting.starts_at, need.meeting.ends_at, self.p.zone)
                and minutes <= self.rules.max_period_min and minutes <= self.rules.max_day_min)

    def build(self) -> None:
        for n, need in enumerate(self.p.needs):
            for i, person in enumerate(self.people):
                if self.eligible(need, person):
                    self.x[n, i] = self.model.new_bool_var(f"x{n}_{i}")
        self._locks()
        for n, need in enumerate(self.p.needs):
            self._booth(n, need)
        for i in range(len(self.people)):
            self._person(i)
        self._relays()

    def _locks(self) -> None:
        ids = {p.id: i for i, p in enumerate(self.people) if p.id is not None}
        for n, need in enumerate(self.p.needs):
            for person_id in self.p.locked.get(need.key, frozenset()):
                i = ids.get(person_id)
                if i is None:
                    continue  # no longer in the pool
                if (n, i) in self.x:
                    self.model.add(self.x[n, i] == 1)
                else:
                    self.lock_problems.append(Text(LOCK_UNFIT, {
                        "name": self.people[i].name, "booth": Text(booth_name(need.booth)),
                        "session": need.title}))

    def _booth(self, n: int, need: Need) -> None:
        seats = [(i, v) for (k, i), v in self.x.items() if k == n]
        full = self.model.new_bool_var(f"full{n}")
        self.full.append(full)
        total = sum(v for _, v in seats)
        self.model.add(total <= need.team)
        self.model.add(total == need.team).only_enforce_if(full)
        if need.booth == TWO_WAY:
            for target in ("en", "ru"):
                self.model.add(sum(v for i, v in seats if can_work_into(
                    self.people[i].languages, target)) >= 1).only_enforce_if(full)
        else:
            self.model.add(sum(v for i, v in seats if self.people[i].languages.get(
                need.booth) is Class.A) >= 1).only_enforce_if(full)

    def _person(self, i: int) -> None:
        """One interpreter's working time: one booth at a time, periods, limits."""
        model, rules = self.model, self.rules
        mine: list[tuple[int, cp_model.IntVar]] = []
        for m, ns in enumerate(self.needs_of):
            seats = [self.x[n, i] for n in ns if (n, i) in self.x]
            if not seats:
                continue
            if len(seats) == 1:
                w = seats[0]
            else:
                w = model.new_bool_var(f"w{i}_{m}")
                model.add(w == sum(seats))
            self.works[i, m] = w
            mine.append((m, w))
        by_day: dict[date, list[tuple[int, cp_model.IntVar]]] = defaultdict(list)
        for m, w in mine:
            by_day[self.p.day_of(self.meetings[m].starts_at)].append((m, w))
        for day in by_day:
            self.on_day[i, day] = model.new_bool_var(f"day{i}_{day}")
        for at in sorted({self.meetings[m].starts_at for m, _ in mine}):
            # Intervals overlap iff one holds the other's start: at most one booth at a
            # time, and only on a day worked (a stronger bound for the fewest days).
            active = [(m, w) for m, w in mine
                      if self.meetings[m].starts_at <= at < self.meetings[m].ends_at]
            days = {self.p.day_of(self.meetings[m].starts_at) for m, _ in active}
            limit = self.on_day[i, days.pop()] if len(days) == 1 else 1
            model.add(sum(w for _, w in active) <= limit)
        period_starts: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
        for day, day_mine in by_day.items():
            day_mine.sort(key=lambda item: self.meetings[item[0]].starts_at)
            begins = self._periods(i, day_mine)
            load = cp_model.LinearExpr.weighted_sum(
                [w for _, w in day_mine], [_minutes(self.meetings[m]) for m, _ in day_mine])
            on = self.on_day[i, day]
            # The day's limits, tied to working that day.
            model.add(load <= rules.max_day_min * on)
            model.add(sum(begins.values()) <= rules.max_periods_day * on)
            self.loads[i, day] = load
            iso = day.isocalendar()
            period_starts[iso[0], iso[1]].extend(begins.values())
        for week in period_starts.values():
            model.add(sum(week) <= rules.max_periods_week)

    def _periods(self, i: int, day_mine: list[tuple[int, cp_model.IntVar]]
                 ) -> dict[int, cp_model.IntVar]:
        """Which of the day's meetings start a working period, and the booth time of
        each period bounded. ``day_mine`` is in time order."""
        model, rules, meetings = self.model, self.rules, self.meetings
        rest = timedelta(minutes=rules.min_rest_min)
        begins: dict[int, cp_model.IntVar] = {}
        for m, w in day_mine:
            here = meetings[m]
            before = [v for k, v in day_mine if meetings[k].ends_at <= here.starts_at
                      and here.starts_at - meetings[k].ends_at < rest]
            if not before:
                begins[m] = w
                continue
            start = model.new_bool_var(f"begin{i}_{m}")
            model.add_implication(start, w)
            for v in before:
                model.add_implication(start, v.negated())
            model.add(start >= w - sum(before))
            begins[m] = start
            self.begins[i, m] = start
        for a, (ma, _) in enumerate(day_mine):
            first = meetings[ma]
            for mb, wb in day_mine[a + 1:]:
                last = meetings[mb]
                if last.starts_at < first.ends_at:
                    continue  # overlapping: never both
                inside = [(k, v) for k, v in day_mine if meetings[k].starts_at >= first.starts_at
                          and meetings[k].ends_at <= last.ends_at]
                if sum(_minutes(meetings[k]) for k, _ in inside) <= rules.max_period_min:
                    continue
                later = [begins[k].negated() for k, _ in inside
                         if k != ma and meetings[k].starts_at > first.starts_at]
                model.add(sum(_minutes(meetings[k]) * v for k, v in inside)
                          <= rules.max_period_min).only_enforce_if([begins[ma], wb, *later])
        return begins

    def _relays(self) -> None:
        for m, meeting in enumerate(self.meetings):
            for language in sorted(self.p.relay.get(meeting.session_ids, frozenset())):
                seats = [v for (n, i), v in self.x.items() if self.meeting_of[n] == m
                         and can_relay(self.people[i].languages, language)]
                if not seats:
                    self.relays.append((m, language, None))
                    continue
                ok = self.model.new_bool_var(f"relay{m}_{language}")
                self.model.add(sum(seats) >= 1).only_enforce_if(ok)
                self.relays.append((m, language, ok))

    # objectives; ``only``: those of some of the needs (a part of the programme)
    def _seats(self, only: Collection[int] | None) -> list[tuple[int, int]]:
        return [key for key in self.x if only is None or key[0] in only]

    def _days(self, only: Collection[int] | None) -> list[tuple[int, date]]:
        """The interpreters' days on which they may work in these needs."""
        if only is None:
            return list(self.on_day)
        return sorted({(i, self.p.day_of(self.p.needs[n].meeting.starts_at))
                       for n, i in self._seats(only)})

    def staffing(self, only: Collection[int] | None = None) -> cp_model.LinearExprT:
        full = [f for n, f in enumerate(self.full) if only is None or n in only]
        relays = [ok for m, _, ok in self.relays if ok is not None
                  and (only is None or self.needs_of[m][0] in only)]
        return self.weight * (sum(full) + sum(relays)) + sum(
            self.x[key] for key in self._seats(only))

    def freelance_days(self, virtual: set[int],
                       only: Collection[int] | None = None) -> cp_model.LinearExprT:
        return sum(self.on_day[i, day] for i, day in self._days(only)
                   if not self.people[i].staff and i not in virtual)

    def fees(self, virtual: set[int], only: Collection[int] | None = None
             ) -> cp_model.LinearExprT:
        return sum(round(self.people[i].fee) * self.on_day[i, day]
                   for i, day in self._days(only)
                   if not self.people[i].staff and i not in virtual)

    def extra(self, virtual: set[int], only: Collection[int] | None = None
              ) -> cp_model.LinearExprT:
        return sum(self.on_day[i, day] for i, day in self._days(only) if i in virtual)

    def kept(self, only: Collection[int] | None = None) -> cp_model.LinearExprT:
        """Seats of the roster as it stands that stay."""
        ids = {person.id: i for i, person in enumerate(self.people)}
        return sum(self.x[n, ids[person_id]] for n, need in enumerate(self.p.needs)
                   if only is None or n in only
                   for person_id in self.p.previous.get(need.key, frozenset())
                   if (n, ids.get(person_id, -1)) in self.x)

    def spread(self) -> cp_model.LinearExprT:
        """Per day, the most booth time anyone works minus the least among those who
        work (summed over the days)."""
        model, max_day = self.model, self.rules.max_day_min
        terms: list[cp_model.LinearExprT] = []
        for day in sorted({d for _, d in self.loads}):
            high = model.new_int_var(0, max_day, f"high{day}")
            low = model.new_int_var(0, max_day, f"low{day}")
            model.add(low <= high)
            for (i, d), load in self.loads.items():
                if d == day:
                    model.add(high >= load)
                    model.add(low <= load + max_day * (1 - self.on_day[i, d]))
            terms.append(high - low)
        return sum(terms)

    def avoided(self, only: Collection[int] | None = None) -> cp_model.LinearExprT:
        """Seats in rooms or sessions their interpreter asked to avoid."""
        needs, people = self.p.needs, self.people
        return sum(self.x[n, i] for n, i in self._seats(only)
                   if needs[n].meeting.room_id in people[i].avoid_rooms
                   or set(needs[n].meeting.session_ids) & set(people[i].avoid_sessions))

    def same_team(self) -> cp_model.LinearExprT:
        return sum(self._same_team())

    def _same_team(self) -> list[cp_model.LinearExprT]:
        """The same interpreter in a room's booth for its next meeting that day."""
        terms: list[cp_model.LinearExprT] = []
        by_booth: dict[tuple[int, date, str], list[int]] = defaultdict(list)
        for n, need in enumerate(self.p.needs):
            by_booth[need.meeting.room_id, self.p.day_of(need.meeting.starts_at),
                     need.booth].append(n)
        for ns in by_booth.values():
            ns.sort(key=lambda n: self.p.needs[n].meeting.starts_at)
            for a, b in zip(ns, ns[1:], strict=False):
                for i in range(len(self.people)):
                    if (a, i) in self.x and (b, i) in self.x:
                        same = self.model.new_bool_var(f"same{a}_{b}_{i}")
                        self.model.add_implication(same, self.x[a, i])
                        self.model.add_implication(same, self.x[b, i])
                        terms.append(W_SAME * same)
        return terms

    def order_extras(self, virtual: Mapping[int, str]) -> None:
        """Candidates to hire are interchangeable: the second of a day and booth works
        only if the first does (fewer symmetric answers to search)."""
        groups: dict[tuple[date, str], list[int]] = defaultdict(list)
        for i, booth in virtual.items():
            groups[self.people[i].available[0], booth].append(i)
        for members in groups.values():
            for a, b in zip(members, members[1:], strict=False):
                first, second = self.on_day.get((a, self.people[a].available[0])), \
                    self.on_day.get((b, self.people[b].available[0]))
                if first is not None and second is not None:
                    self.model.add_implication(second, first)

    def hint(self) -> None:
        ids = {person.id: i for i, person in enumerate(self.people)}
        for n, need in enumerate(self.p.needs):
            for person_id in self.p.previous.get(need.key, frozenset()):
                if (n, ids.get(person_id, -1)) in self.x:
                    self.model.add_hint(self.x[n, ids[person_id]], 1)
