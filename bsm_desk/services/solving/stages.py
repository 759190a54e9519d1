"""Solving a CP-SAT model for several objectives in order (lexicographically), shared by
the side-event allocator and the interpreters' roster.

Each stage optimises its own objective while keeping every earlier stage's best value
as a bound, and starts from the previous stage's solution (a hint), so the time left
only ever improves on an answer already found. One weighted sum of all objectives was
tried for the allocator: it was slower and traded a first choice for two second ones.
A problem in independent parts (the roster's days) is solved the same way, one model a
part, stage by stage (``solve_parts_in_order``).
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
    # Each stage's objective value and best bound, as CP-SAT last knew them.
    values: list[float] = field(default_factory=list)
    bounds: list[float] = field(default_factory=list)
    # The time counted against the limit: seconds, or deterministic time.
    spent: float = 0.0

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


class _InOrder:
    """One model's stages, solved one call of :meth:`step` at a time."""

    def __init__(self, model: cp_model.CpModel, stages: Sequence[Stage], *,
                 cancel: Cancel | None, on_stage: Callable[[int], None] | None,
                 on_solution: Callable[[int], None] | None, num_workers: int | None,
                 deterministic: bool, bounds_first: bool) -> None:
        self.model, self.stages, self.cancel = model, stages, cancel
        self.on_stage, self.on_solution = on_stage, on_solution
        self.num_workers, self.deterministic = num_workers, deterministic
        self.bounds_first = bounds_first
        self.best: Outcome | None = None
        self.failed: Outcome | None = None  # the first stage found nothing
        self.spent = 0.0
        self.done = False
        self.variables = [model.get_int_var_from_proto_index(i)
                          for i in range(len(model.proto.variables))]

    def step(self, number: int, budget: float) -> float:
        """Stage ``number`` in ``budget``; the time it used. Sets ``done`` when there is
        nothing more to do (the last stage, a stage found nothing, a cancel). A stage
        stepped again (more time for a part that was not proven) starts from its answer
        and keeps it as a bound."""
        cancel, stage, best = self.cancel, self.stages[number], self.best
        if cancel is not None and cancel.requested:  # asked before this stage began
            if best is None:
                self.failed = Outcome(cp_model.CpSolver(), cp_model.UNKNOWN, [], [], True)
            else:
                best.status, best.cancelled = cp_model.FEASIBLE, True
            self.done = True
            return 0.0
        if self.on_stage is not None:
            self.on_stage(number)
        model = self.model
        if stage.maximize:
            model.maximize(stage.objective)
        else:
            model.minimize(stage.objective)
        solver = _solver(budget, self.deterministic, self.num_workers, (
            SEEKERS + (FIRST_SOLUTION if number > 0 else ())) if self.bounds_first else ())
        if cancel is not None:
            cancel.attach(solver)
        watch = _Watch(number, cancel, self.on_solution) \
            if cancel or self.on_solution else None
        status = solver.solve(model, watch)
        used = solver.deterministic_time if self.deterministic else solver.wall_time
        self.spent += used
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            if best is not None and len(best.proven) > number:
                return used  # stepped again and nothing better in time: its answer stands
            if best is None:
                self.failed = Outcome(solver, status, [solver.wall_time], [False],
                                      bool(cancel and cancel.requested))
            else:
                best.status = cp_model.FEASIBLE
            self.done = True
            return used
        proven = status == cp_model.OPTIMAL
        before = best.seconds[number] if best and len(best.seconds) > number else 0.0
        self.best = best = Outcome(solver, cp_model.OPTIMAL if proven and (
            best is None or all(best.proven[:number])) else cp_model.FEASIBLE,
            [*(best.seconds[:number] if best else []), before + solver.wall_time],
            [*(best.proven[:number] if best else []), proven], False,
            [*(best.gaps[:number] if best else []), 0.0 if proven else gap(solver)],
            [*(best.values[:number] if best else []), solver.objective_value],
            [*(best.bounds[:number] if best else []),
             solver.objective_value if proven else solver.best_objective_bound])
        if cancel is not None and cancel.requested:
            best.status, best.cancelled = cp_model.FEASIBLE, True
            self.done = True
            return used
        if number == len(self.stages) - 1:
            self.done = True
            return used
        bound = round(solver.objective_value)
        if not isinstance(stage.objective, int):  # a constant has nothing to keep
            model.add(stage.objective >= bound if stage.maximize
                      else stage.objective <= bound)
        values = [solver.value(v) for v in self.variables]
        model.clear_hints()  # type: ignore[no-untyped-call]
        for variable, value in zip(self.variables, values, strict=True):
            model.add_hint(variable, value)
        return used

    def outcome(self) -> Outcome:
        found = self.failed if self.best is None else self.best
        assert found is not None  # every part is stepped at least once
        if self.best is not None and len(self.best.proven) < len(self.stages):
            self.best.status = cp_model.FEASIBLE  # a later stage found nothing in its time
        found.spent = self.spent
        return found


def _unproven(run: _InOrder, number: int) -> bool:
    """Whether ``run`` found an answer to stage ``number`` without proving it."""
    best = run.best
    cancelled = run.cancel is not None and run.cancel.requested
    return (best is not None and not cancelled and len(best.proven) == number + 1
            and not best.proven[number])


def _budget(stage: Stage, last: bool, time_limit: float, spent: float,
            unused: float) -> float:
    """A stage's time: its share of the limit and what the stages before it did not need
    of theirs (the last stage: all that is left)."""
    left = max(0.1, time_limit - spent)
    return left if last else max(0.1, min(left, stage.share * time_limit + unused))


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
    return solve_parts_in_order([(model, stages)], time_limit, cancel=cancel,
                                on_stage=on_stage, on_solution=on_solution,
                                num_workers=num_workers, deterministic=deterministic,
                                bounds_first=bounds_first)[0]


def solve_parts_in_order(parts: Sequence[tuple[cp_model.CpModel, Sequence[Stage]]],
                         time_limit: float, *, cancel: Cancel | None = None,
                         on_stage: Callable[[int], None] | None = None,
                         on_solution: Callable[[int], None] | None = None,
                         num_workers: int | None = None, deterministic: bool = False,
                         bounds_first: bool = False) -> list[Outcome]:
    """:func:`solve_in_order` for models that are parts of one problem, each with the
    same stages (its own objectives, the same shares), in the parts' order: stage by
    stage, each stage's time shared among the parts in proportion to their variables,
    the smallest first, each with what the parts before it did not need of theirs; what
    the stage has left then goes to the parts it did not prove, once more. So the
    stages' shares hold for the problem as a whole, and a part that is proven at once
    leaves its time to the others. Every part stops at its first stage that finds
    nothing (a part that found nothing at all: ``found`` is false), and all of them at
    a cancel or when a part has no answer (each outcome is then that part's)."""
    runs = [_InOrder(model, stages, cancel=cancel, on_stage=on_stage,
                     on_solution=on_solution, num_workers=num_workers,
                     deterministic=deterministic, bounds_first=bounds_first)
            for model, stages in parts]
    count = len(parts[0][1])
    sizes = [max(1, len(model.proto.variables)) for model, _ in parts]
    spent = unused = 0.0
    for number in range(count):
        budget = _budget(parts[0][1][number], number == count - 1, time_limit, spent, unused)
        left = budget
        going = sorted((k for k, run in enumerate(runs) if not run.done),
                       key=lambda k: sizes[k])
        for again in (False, True):
            if again:  # what is left, to those not proven
                going = [k for k in going if _unproven(runs[k], number)]
            for position, k in enumerate(going):
                share = left * sizes[k] / sum(sizes[j] for j in going[position:])
                if again and share < 0.1:
                    break
                left -= runs[k].step(number, max(0.1, share))
                failed = runs[k].failed
                if failed is not None and failed.status == cp_model.INFEASIBLE:
                    return [failed] * len(runs)  # the problem as a whole has no answer
        used = budget - left
        spent += used
        unused = max(0.0, budget - used)
        if all(run.done for run in runs):
            break
    return [run.outcome() for run in runs]
