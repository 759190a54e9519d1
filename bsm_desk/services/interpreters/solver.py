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
solved and its answer read. Whatever cannot be staffed is explained from the result, in
plain words.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
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
from bsm_desk.services.solving import Cancel, Stage, solve_in_order

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
    built.hint()
    stages = [Stage(built.staffing(), share=0.4)]
    if virtual:
        built.order_extras(virtual)
        stages.append(Stage(built.extra(set(virtual)), maximize=False, share=0.2))
    stages += [Stage(built.freelance_days(set(virtual)), maximize=False, share=0.3),
               Stage(built.fees(set(virtual)), maximize=False, share=0.1)]
    if problem.previous:
        stages.append(Stage(built.kept(), share=0.1))
    stages += [Stage(built.avoided(), maximize=False, share=0.1),
               Stage(built.spread(), maximize=False, share=0.3), Stage(built.same_team())]
    left = time_limit if deterministic else max(0.2, time_limit - (time.perf_counter() - began))
    outcome = solve_in_order(built.model, stages, left, cancel=cancel,
                             on_stage=(lambda k: on_stage(k, len(stages))) if on_stage else None,
                             on_solution=on_solution, num_workers=WORKERS,
                             deterministic=deterministic, bounds_first=True)
    if not outcome.found:
        status = "infeasible" if outcome.status == cp_model.INFEASIBLE else "feasible"
        return Roster(status, _nobody(problem), [], [], time.perf_counter() - began,
                      cancelled=outcome.cancelled)
    solver = outcome.solver
    chosen = [tuple(i for i in range(len(people))
                    if (n, i) in built.x and solver.value(built.x[n, i]))
              for n in range(len(problem.needs))]
    seatings = _explained(problem, people, chosen)
    missing = [(built.meetings[m], language, relay_reason(problem, built.meetings[m], language))
               for m, language, ok in built.relays if ok is None or not solver.value(ok)]
    extra: dict[tuple[date, str], int] = defaultdict(int)
    for (i, day), on in built.on_day.items():
        if i in virtual and solver.value(on):
            extra[day, virtual[i]] += 1
    return Roster("optimal" if outcome.status == cp_model.OPTIMAL else "feasible",
                  seatings, missing, [], time.perf_counter() - began,
                  tuple(outcome.seconds), tuple(outcome.proven), outcome.cancelled,
                  dict(extra), tuple(outcome.gaps))


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

