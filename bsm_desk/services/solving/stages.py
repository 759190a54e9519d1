"""Solving a CP-SAT model for several objectives in order (lexicographically), shared by
the side-event allocator and the interpreters' roster.

Each stage optimises its own objective while keeping every earlier stage's best value
as a bound, and starts from the previous stage's solution (a hint), so the time left
only ever improves on an answer already found. One weighted sum of all objectives was
tried for the allocator: it was slower and traded a first choice for two second ones.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ortools.sat.python import cp_model


@dataclass(frozen=True)
class Stage:
    objective: cp_model.LinearExprT
    maximize: bool = True
    # Of the whole time limit, at most, with what the stages before did not need of theirs
    # (the last stage gets the rest).
    share: float = 0.5


@dataclass
class Outcome:
    solver: cp_model.CpSolver
    status: cp_model.CpSolverStatus  # OPTIMAL only when every stage was proven
    # Seconds each stage took, and whether it was proven optimal.
    seconds: list[float] = field(default_factory=list)
    proven: list[bool] = field(default_factory=list)
    cancelled: bool = False
    # How far each stage's answer may be from its optimum: |best bound - value| over
    # |value| (0 when proven), as CP-SAT last knew it.
    gaps: list[float] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return self.status in (cp_model.OPTIMAL, cp_model.FEASIBLE)


class Cancel:
    """Stops a running solve from another thread (a window's Cancel button).

    CP-SAT's ``stop_search`` is a no-op until ``solve`` has begun, so a cancel that lands
    just before a stage starts is also checked at every solution found and before every
    stage (see solve_in_order): it is never lost."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._solver: cp_model.CpSolver | None = None
        self.requested = False

    def attach(self, solver: cp_model.CpSolver) -> None:
        with self._lock:
            self._solver = solver
            if self.requested:
                solver.stop_search()

    def __call__(self) -> None:
        with self._lock:
            self.requested = True
            if self._solver is not None:
                self._solver.stop_search()


class _Watch(cp_model.CpSolverSolutionCallback):
    """Told of every solution a stage finds: reports it, and stops the search once a
    cancel was asked for."""

    def __init__(self, stage: int, cancel: Cancel | None,
                 on_solution: Callable[[int], None] | None) -> None:
        super().__init__()
        self._stage, self._cancel, self._on_solution = stage, cancel, on_solution

    def on_solution_callback(self) -> None:
        if self._on_solution is not None:
            self._on_solution(self._stage)
        if self._cancel is not None and self._cancel.requested:
            self.stop_search()


def gap(solver: cp_model.CpSolver) -> float:
    """The relative distance between a stage's answer and the best bound on it."""
    value, bound = solver.objective_value, solver.best_objective_bound
    return abs(bound - value) / max(1.0, abs(value))


# CP-SAT's subsolvers that search for solutions without a linear relaxation, and those
# that only look for a first solution (see bounds_first).
SEEKERS = ("no_lp", "quick_restart")
FIRST_SOLUTION = ("fj", "fs_random_no_lp")


def workers() -> int:
    return max(2, min(8, os.cpu_count() or 2))


def _solver(budget: float, deterministic: bool, num_workers: int | None,
            left_out: tuple[str, ...]) -> cp_model.CpSolver:
    """A solver for one stage: ``budget`` seconds (or deterministic time), the
    portfolio without the ``left_out`` subsolvers."""
    solver = cp_model.CpSolver()
    if deterministic:
        solver.parameters.num_workers = 1
        solver.parameters.max_deterministic_time = budget
    else:
        solver.parameters.num_workers = num_workers or workers()
        solver.parameters.max_time_in_seconds = budget
        solver.parameters.ignore_subsolvers.extend(left_out)
    return solver


def solve_in_order(model: cp_model.CpModel, stages: Sequence[Stage], time_limit: float, *,
                   cancel: Cancel | None = None,
                   on_stage: Callable[[int], None] | None = None,
                   on_solution: Callable[[int], None] | None = None,
                   num_workers: int | None = None,
                   deterministic: bool = False,
                   bounds_first: bool = False) -> Outcome:
    """Optimise each stage's objective in turn, each in its share of ``time_limit`` and
    whatever the stages before it did not need of theirs. If a later stage finds nothing
    in its time, the previous stage's solution stands (status FEASIBLE). ``num_workers``: the
    solver's portfolio (default: one per core, 2 to 8); more workers than cores still
    pays where a proof needs one particular subsolver. ``on_solution(stage)`` is told of
    each solution found (from the solver's thread). ``deterministic``: one worker and a
    limit in CP-SAT's deterministic time instead of seconds, so the same model gives the
    same answer on any machine (the demo's roster), at some cost in speed.
    ``bounds_first``: the portfolio without the workers that only look for solutions
    fast (:data:`SEEKERS`; after the first stage, which hands its answer on as a hint,
    without the first-solution ones too), so that on a machine of few cores the workers
    whose linear relaxations prove the bounds get more of the time."""
    spent = 0.0
    unused = 0.0  # of the stages' shares so far
    best: Outcome | None = None
    variables = [model.get_int_var_from_proto_index(i)
                 for i in range(len(model.proto.variables))]
    for number, stage in enumerate(stages):
        if cancel is not None and cancel.requested:  # asked before this stage began
            if best is None:
                return Outcome(cp_model.CpSolver(), cp_model.UNKNOWN, [], [], True)
            best.status, best.cancelled = cp_model.FEASIBLE, True
            break
        if on_stage is not None:
            on_stage(number)
        last = number == len(stages) - 1
        left = max(0.1, time_limit - spent)
        # Its share, and what the stages before it did not need of theirs.
        budget = left if last else max(0.1, min(left, stage.share * time_limit + unused))
        if stage.maximize:
            model.maximize(stage.objective)
        else:
            model.minimize(stage.objective)
        solver = _solver(budget, deterministic, num_workers, (
            SEEKERS + (FIRST_SOLUTION if number > 0 else ())) if bounds_first else ())
        if cancel is not None:
            cancel.attach(solver)
        watch = _Watch(number, cancel, on_solution) if cancel or on_solution else None
        status = solver.solve(model, watch)
        used = solver.deterministic_time if deterministic else solver.wall_time
        spent += used
        unused = max(0.0, budget - used)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            if best is None:
                return Outcome(solver, status, [solver.wall_time], [False],
                               bool(cancel and cancel.requested))
            best.status = cp_model.FEASIBLE
            break
        proven = status == cp_model.OPTIMAL
        previous = best
        best = Outcome(solver, cp_model.OPTIMAL if proven and (
            previous is None or previous.status == cp_model.OPTIMAL) else cp_model.FEASIBLE,
            [*(previous.seconds if previous else []), solver.wall_time],
            [*(previous.proven if previous else []), proven], False,
            [*(previous.gaps if previous else []), 0.0 if proven else gap(solver)])
        if cancel is not None and cancel.requested:
            best.status, best.cancelled = cp_model.FEASIBLE, True
            break
        if last:
            break
        bound = round(solver.objective_value)
        if not isinstance(stage.objective, int):  # a constant has nothing to keep
            model.add(stage.objective >= bound if stage.maximize
                      else stage.objective <= bound)
        values = [solver.value(v) for v in variables]
        model.clear_hints()  # type: ignore[no-untyped-call]
        for variable, value in zip(variables, values, strict=True):
            model.add_hint(variable, value)
    assert best is not None
    if len(best.proven) < len(stages):  # a stage found nothing in its time
        best.status = cp_model.FEASIBLE
    return best
