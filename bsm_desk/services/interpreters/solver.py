"""The interpreters' roster, found with OR-Tools CP-SAT: who sits in which booth of which
meeting.

One boolean per booth and interpreter who may sit in it (languages, availability, a
meeting no longer than a working period). Hard rules, per interpreter: one booth at a
time; at most ``max_periods_day`` working periods a day and ``max_periods_week`` a
week, a period being their meetings with less than ``min_rest_min`` between them; at
most ``max_period_min`` of booth time in a period and ``max_day_min`` in a day; locked
seats stay. A booth is *staffed* when its whole team sits in it with the booth's
language as A for at least one member (a two-way booth: both directions as A or B).

Objectives, in order (``services.solving``): the most staffed booths and relays, then
the most seats; (for recruitment, the fewest extra interpreters;) the fewest freelance
days; the lowest fees; (after a change, the most seats of the roster as it stands
kept;) the fewest seats in rooms or sessions their interpreter asked to avoid; the
smallest spread of booth time among those who work a day; then the same team across a
room's consecutive meetings.

The period rule is exact, not a sliding window: for each pair of meetings (a, b) of one
interpreter's day, if a starts a period and b is in that same period (no other period
starts between them), the booth time of the meetings between them is bounded.

The model itself (variables, rules, objectives) is in ``solver_model.py``; here it is
solved and its answer read. A programme whose booths fall into parts that nothing ties
together (``parts.py``: most often its days) is solved part by part for every objective
but the last two, then for those the parts of each day together (a model for each set
of days that no part ties to another), each part's answers kept: the same roster the
whole model would find, proven far sooner. Whatever cannot be staffed is explained
from the result, in plain words.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from ortools.sat.python import cp_model

from bsm_desk.domain.interpreters import (
    TWO_WAY,
    Class,
    Interpreter,
    Meeting,
    booth_shortfall,
)
from bsm_desk.services.interpreters.needs import Need
from bsm_desk.services.interpreters.parts import Groups, parts
from bsm_desk.services.interpreters.problem import Problem, Reason, Seating, Text
from bsm_desk.services.interpreters.reasons import (
    HEAD,
    NO_ROSTER,
    booth_name,
    explain,
    lock_breaches,
    relay_reason,
    when,
)
from bsm_desk.services.interpreters.solver_model import RosterModel
from bsm_desk.services.solving import (
    Cancel,
    Outcome,
    Stage,
    solve_in_order,
    solve_parts_in_order,
)

# The full portfolio even on two cores: the proof of the fewest freelance days comes from
# one of the lower-bound subsolvers, which a 2-worker portfolio leaves out (30 s unproven
# against 1 s on the benchmark's programme). Without the workers that only seek solutions
# (solve_in_order's bounds_first), those get more of the cores: the six-language
# programme's first two objectives proven in 3 runs of 4 instead of 1.
WORKERS = 8
@dataclass(frozen=True)
class Roster:
    status: str  # "optimal", "feasible" or "infeasible"
    seatings: list[Seating]
    relay_missing: list[tuple[Meeting, str, Reason]]
    breaches: list[Text]  # why it is infeasible: the locked seats break a rule
    seconds: float
    stage_seconds: tuple[float, ...] = ()
    stage_proven: tuple[bool, ...] = ()
    cancelled: bool = False
    extra: Mapping[tuple[date, str], int] = field(default_factory=dict)  # recruitment
    stage_gaps: tuple[float, ...] = ()  # each stage's distance from its optimum, at most

    @property
    def unstaffed(self) -> list[Seating]:
        return [s for s in self.seatings if not s.staffed]

    def by_interpreter(self) -> dict[int, list[Seating]]:
        found: dict[int, list[Seating]] = defaultdict(list)
        for seating in self.seatings:
            for person in seating.interpreters:
                found[person].append(seating)
        return found

# --- solving and reading the answer ------------------------------------------------------

def solve(problem: Problem, *, time_limit: float = 10.0, cancel: Cancel | None = None,
          on_stage: Callable[[int, int], None] | None = None,
          on_solution: Callable[[int], None] | None = None,
          deterministic: bool = False) -> Roster:
    """The roster for ``problem``; ``on_stage(stage, stages)`` is told as each starts,
    ``on_solution(stage)`` of each better roster found (from the solver's thread);
    ``deterministic``: the same roster on every machine (see solve_in_order)."""
    return _solve(problem, list(problem.pool), {}, time_limit, cancel, on_stage,
                  on_solution, deterministic)


EXTRA_LANGUAGES = {"en": {"en": Class.A, "ru": Class.C}, "ru": {"ru": Class.A, "en": Class.C},
                   TWO_WAY: {"en": Class.A, "ru": Class.B}}


def recruit(problem: Problem, *, time_limit: float = 10.0,
            cancel: Cancel | None = None) -> Roster:
    """The fewest extra interpreters per day and booth that staff every booth the rules
    allow, on top of the pool: the solve again, with candidates to hire (each one day,
    with the booth's language as A) whose number comes before any other cost."""
    people = list(problem.pool)
    virtual: dict[int, str] = {}
    demand: dict[tuple[date, str], int] = defaultdict(int)
    for need in problem.needs:
        demand[problem.day_of(need.meeting.starts_at), need.booth] += need.team
    for (day, booth), count in sorted(demand.items()):
        for k in range(count):
            virtual[len(people)] = booth
            people.append(Interpreter(f"+{k + 1} {booth} {day}", "",
                                      dict(EXTRA_LANGUAGES[booth]), False, (day,)))
    return _solve(problem, people, virtual, time_limit, cancel, None, None, False)


def _solve(problem: Problem, people: list[Interpreter], virtual: Mapping[int, str],
           time_limit: float, cancel: Cancel | None,
           on_stage: Callable[[int, int], None] | None,
           on_solution: Callable[[int], None] | None, deterministic: bool) -> Roster:
    began = time.perf_counter()
    built = RosterModel(problem, people)
    built.build()
    breaches = [*built.lock_problems, *lock_breaches(problem, people)]
    if breaches:
        return Roster("infeasible", _nobody(problem), [], breaches,
                      time.perf_counter() - began)
    groups = parts(built)
    if len(groups) > 1:
        return _Parts(problem, people, virtual, built, groups, began, time_limit,
                      deterministic).solve(cancel, on_stage, on_solution)
    built.hint()
    if virtual:
        built.order_extras(virtual)
    stages = [*_separate(built, virtual), *_joint(built)]
    left = time_limit if deterministic else max(0.2, time_limit - (time.perf_counter() - began))
    outcome = solve_in_order(built.model, stages, left, cancel=cancel,
                             on_stage=(lambda k: on_stage(k, len(stages))) if on_stage else None,
                             on_solution=on_solution, num_workers=WORKERS,
                             deterministic=deterministic, bounds_first=True)
    if not outcome.found:
        status = "infeasible" if outcome.status == cp_model.INFEASIBLE else "feasible"
        return Roster(status, _nobody(problem), [], [], time.perf_counter() - began,
                      cancelled=outcome.cancelled)
    return _read(problem, people, virtual, built, outcome.solver.value,
                 "optimal" if outcome.status == cp_model.OPTIMAL else "feasible",
                 time.perf_counter() - began, outcome.seconds, outcome.proven,
                 outcome.gaps, outcome.cancelled)


def _separate(built: RosterModel, virtual: Mapping[int, str],
              only: Collection[int] | None = None, share: float = 0.4) -> list[Stage]:
    """The objectives that are sums over booths, seats and an interpreter's days, in
    order (of some of the needs: ``only``); ``share``: the staffing's of the time."""
    stages = [Stage(built.staffing(only), share=share)]
    if virtual:
        stages.append(Stage(built.extra(set(virtual), only), maximize=False, share=0.2))
    stages += [Stage(built.freelance_days(set(virtual), only), maximize=False, share=0.3),
               Stage(built.fees(set(virtual), only), maximize=False, share=0.1)]
    if built.p.previous:
        stages.append(Stage(built.kept(only), share=0.1))
    stages.append(Stage(built.avoided(only), maximize=False, share=0.1))
    return stages


def _joint(built: RosterModel, share: float = 0.3) -> list[Stage]:
    """The objectives after them: the spread of a day's booth time (``share`` of the
    time), the same team."""
    return [Stage(built.spread(), maximize=False, share=share), Stage(built.same_team())]


# Of the time, what the parts get for the objectives they are solved apart for; the rest
# is the days', for the spread and the same team. In parts the fewest freelance days are
# proven at once (0.3 s for the six-language programme, against up to 30 s whole), so
# the staffing gets most of the parts' time (with 0.6, 2 runs in 22 stopped at 14 s with
# it 1.2 % from its bound; with 0.85 it has 20 s); and the spread most of what the parts
# leave.
PARTS_SHARE = 0.8
PARTS_STAFFING = 0.85
PARTS_SPREAD = 0.7


def _pairs(whole: RosterModel, built: RosterModel, needs: Sequence[int]
           ) -> Iterator[tuple[cp_model.IntVar | None, cp_model.IntVar]]:
    """Each variable of ``built`` that the roster is read from or hinted with, beside
    the same one of ``whole`` (None where it has none); ``built`` is a model of
    ``whole``'s ``needs``, in order."""
    relays = {(m, language): ok for m, language, ok in whole.relays if ok is not None}
    meeting = [whole.meeting_index[m.session_ids] for m in built.meetings]
    for (n, i), v in built.x.items():
        yield whole.x.get((needs[n], i)), v
    for n, v in enumerate(built.full):
        yield whole.full[needs[n]], v
    for m, language, ok in built.relays:
        if ok is not None:
            yield relays.get((meeting[m], language)), ok
    for (i, m), v in built.works.items():
        yield whole.works.get((i, meeting[m])), v
    for (i, m), v in built.begins.items():
        yield whole.begins.get((i, meeting[m])), v
    for key, v in built.on_day.items():
        yield whole.on_day.get(key), v


def _days(problem: Problem, built: RosterModel, groups: list[list[int]]) -> list[list[int]]:
    """The parts (their indexes in ``groups``) gathered by the days they seat people on:
    the spread of a day's booth time is the one objective that ties the parts of a day,
    so the parts of different days stay apart for it too. A part with no seat to decide
    goes with the first."""
    day_of = [problem.day_of(need.meeting.starts_at) for need in problem.needs]
    seated = {n for n, _ in built.x}
    owner: dict[date, int] = {}
    joined = Groups(len(groups))
    for k, needs in enumerate(groups):
        for day in {day_of[n] for n in needs if n in seated}:
            joined.join([owner.setdefault(day, k), k])
    gathered: dict[int, list[int]] = defaultdict(list)
    for k, needs in enumerate(groups):
        gathered[joined.find(k) if any(n in seated for n in needs) else -1].append(k)
    idle = gathered.pop(-1, [])
    days = sorted(gathered.values())
    if not days:
        return [idle]
    days[0] = sorted(days[0] + idle)
    return days


def _summed(outcomes: Sequence[Outcome], count: int
            ) -> tuple[list[float], list[bool], list[float]]:
    """Each of ``count`` stages' seconds, proof and gap over all the parts that were
    solved apart, for the stages that began."""
    seconds: list[float] = []
    proven: list[bool] = []
    gaps: list[float] = []
    for stage in range(count):
        began = [o for o in outcomes if stage < len(o.seconds)]
        if not began:
            break
        seconds.append(sum(o.seconds[stage] for o in began))
        done = [o for o in began if stage < len(o.values)]
        proven.append(len(done) == len(outcomes) and all(o.proven[stage] for o in done))
        value = sum(o.values[stage] for o in done)
        bound = sum(o.bounds[stage] for o in done)
        gaps.append(abs(bound - value) / max(1.0, abs(value))
                    if len(done) == len(outcomes) else math.inf)
    return seconds, proven, gaps


class _Parts:
    """A programme solved in parts (see ``parts.py``): the separable objectives stage by
    stage, each part in its own model (``solve_parts_in_order``); then the joint ones
    (the spread of a day's booth time, the same team) for the parts of each day
    together, a model for each set of days that parts tie (the whole model when they
    tie them all), every part's answer kept as a bound and given as the hint."""

    def __init__(self, problem: Problem, people: list[Interpreter], virtual: Mapping[int, str],
                 whole: RosterModel, groups: list[list[int]], began: float,
                 time_limit: float, deterministic: bool) -> None:
        self.problem, self.people, self.virtual, self.whole = problem, people, virtual, whole
        self.began, self.time_limit, self.deterministic = began, time_limit, deterministic
        self.parts: list[tuple[list[int], RosterModel]] = []
        self.stages: list[list[Stage]] = []  # each part's separable objectives
        for needs in groups:
            built = self._model(needs)
            built.hint()
            if virtual:
                built.order_extras(virtual)
            self.parts.append((needs, built))
            self.stages.append(_separate(built, virtual, share=PARTS_STAFFING))
        self.outcomes: list[Outcome] = []
        self.days = _days(problem, whole, groups)

    def _model(self, needs: list[int]) -> RosterModel:
        """The model of some of the needs, or the whole one for all of them."""
        if len(needs) == len(self.problem.needs):
            return self.whole
        built = RosterModel(replace(self.problem, needs=[self.problem.needs[n] for n in needs]),
                            self.people, weight=self.whole.weight)
        built.build()
        return built

    def left(self, spent: float) -> float:
        if self.deterministic:
            return self.time_limit - spent
        return self.time_limit - (time.perf_counter() - self.began)

    def solve(self, cancel: Cancel | None, on_stage: Callable[[int, int], None] | None,
              on_solution: Callable[[int], None] | None) -> Roster:
        separate = len(self.stages[0])
        count = separate + 2  # the joint two after them
        report = (lambda k: on_stage(k, count)) if on_stage else None
        self.outcomes = solve_parts_in_order(
            [(built.model, stages) for (_, built), stages in zip(self.parts, self.stages,
                                                                 strict=True)],
            PARTS_SHARE * max(0.2, self.left(0.0)), cancel=cancel, on_stage=report,
            on_solution=on_solution, num_workers=WORKERS, deterministic=self.deterministic,
            bounds_first=True)
        spent = sum(o.spent for o in self.outcomes)
        if any(o.status == cp_model.INFEASIBLE for o in self.outcomes):
            return Roster("infeasible", _nobody(self.problem), [], [],
                          time.perf_counter() - self.began)
        merged: dict[int, tuple[cp_model.IntVar, int]] = {}
        for (needs, built), outcome in zip(self.parts, self.outcomes, strict=True):
            if outcome.found:
                self._carry(merged, needs, built, outcome.solver.value)
        cancelled = any(o.cancelled for o in self.outcomes)
        joint: list[Outcome] = []
        if not cancelled and all(o.found for o in self.outcomes):
            days = [self._day_model(ks, merged) for ks in self.days]
            joint = solve_parts_in_order(
                [(built.model, _joint(built, PARTS_SPREAD)) for _, built in days],
                max(0.2, self.left(spent)), cancel=cancel,
                on_stage=(lambda k: on_stage(separate + k, count)) if on_stage else None,
                on_solution=(lambda k: on_solution(separate + k)) if on_solution else None,
                num_workers=WORKERS, deterministic=self.deterministic, bounds_first=True)
            for (needs, built), outcome in zip(days, joint, strict=True):
                if outcome.found:
                    self._carry(merged, needs, built, outcome.solver.value)
            cancelled = any(o.cancelled for o in joint)
        # A part without an answer (cancelled, or out of time) has its booths empty.
        seconds, proven, gaps = _summed(self.outcomes, separate)
        if joint:
            more = _summed(joint, 2)
            seconds, proven, gaps = seconds + more[0], proven + more[1], gaps + more[2]
        status = "optimal" if len(proven) == count and all(proven) else "feasible"
        return _read(self.problem, self.people, self.virtual, self.whole,
                     lambda v: merged[v.index][1] if v.index in merged else 0, status,
                     time.perf_counter() - self.began, seconds, proven, gaps, cancelled)

    def _carry(self, merged: dict[int, tuple[cp_model.IntVar, int]], needs: list[int],
               built: RosterModel, value: Callable[[cp_model.IntVar], int]) -> None:
        """``built``'s answer as values of the whole model's variables, by index."""
        for target, v in _pairs(self.whole, built, needs):
            if target is not None:
                merged[target.index] = (target, value(v))

    def _day_model(self, ks: list[int], merged: Mapping[int, tuple[cp_model.IntVar, int]]
                   ) -> tuple[list[int], RosterModel]:
        """The model of the parts ``ks`` together (their needs in order), each part's
        answer to each separable objective kept as a bound and all of them the hint."""
        needs = sorted(n for k in ks for n in self.parts[k][0])
        built = self._model(needs)
        local = {n: j for j, n in enumerate(needs)}
        hints = {v.index: (v, merged[target.index][1])  # a variable may be paired twice
                 for target, v in _pairs(self.whole, built, needs)
                 if target is not None and target.index in merged}
        for v, hinted in hints.values():
            built.model.add_hint(v, hinted)
        for k in ks:
            part, own = self.parts[k], self.stages[k]
            outcome = self.outcomes[k]
            theirs = _separate(built, self.virtual, {local[n] for n in part[0]})
            for stage, (mine, kept) in enumerate(zip(own, theirs, strict=True)):
                if isinstance(kept.objective, int):
                    continue  # nothing of it in this part
                got = round(outcome.values[stage] if stage < len(outcome.values)
                            else outcome.solver.value(mine.objective))
                built.model.add(kept.objective >= got if kept.maximize
                                else kept.objective <= got)
        return needs, built


def _read(problem: Problem, people: list[Interpreter], virtual: Mapping[int, str],
          built: RosterModel, value: Callable[[cp_model.IntVar], int], status: str,
          seconds: float, stage_seconds: Sequence[float], stage_proven: Sequence[bool],
          stage_gaps: Sequence[float], cancelled: bool) -> Roster:
    """The roster from the values of ``built``'s variables."""
    chosen = [tuple(i for i in range(len(people))
                    if (n, i) in built.x and value(built.x[n, i]))
              for n in range(len(problem.needs))]
    seatings = _explained(problem, people, chosen)
    missing = [(built.meetings[m], language, relay_reason(problem, built.meetings[m], language))
               for m, language, ok in built.relays if ok is None or not value(ok)]
    extra: dict[tuple[date, str], int] = defaultdict(int)
    for (i, day), on in built.on_day.items():
        if i in virtual and value(on):
            extra[day, virtual[i]] += 1
    return Roster(status, seatings, missing, [], seconds, tuple(stage_seconds),
                  tuple(stage_proven), cancelled, dict(extra), tuple(stage_gaps))


def _nobody(problem: Problem) -> list[Seating]:
    """No roster: every booth unstaffed, for the locked seats' breach."""
    return [Seating(need, (), problem.locked.get(need.key, frozenset()), Reason((
        Text(HEAD, {"session": need.title, "booth": Text(booth_name(need.booth)),
                    "when": when(need.meeting, problem.zone, problem.lang),
                    "needed": need.team, "assigned": 0}), Text(NO_ROSTER))))
        for need in problem.needs]


def staffed(need: Need, team: Sequence[Mapping[str, Class]]) -> bool:
    return len(team) == need.team and booth_shortfall(team, need.booth) is None


def _explained(problem: Problem, people: Sequence[Interpreter],
               chosen: list[tuple[int, ...]]) -> list[Seating]:
    """The seatings with interpreter ids, each unstaffed booth with its reason."""
    assigned: dict[int, list[Meeting]] = defaultdict(list)
    for need, members in zip(problem.needs, chosen, strict=True):
        for i in members:
            assigned[i].append(need.meeting)
    found = []
    for need, members in zip(problem.needs, chosen, strict=True):
        seating = Seating(need, members, problem.locked.get(need.key, frozenset()))
        reason = None if staffed(need, [people[i].languages for i in members]) else \
            explain(problem, people, seating, assigned)
        found.append(Seating(need, tuple(sorted(people[i].id or -1 - i for i in members)),
                             seating.locked, reason))
    return found

