"""The staged solver says how far each stage's answer may be from its optimum: nothing
for a stage it proved, and the distance to CP-SAT's best bound for one it did not (the
six-language roster's goal is "proven, or within 1 %")."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from ortools.sat.python import cp_model

from bsm_desk.services.solving.stages import Stage, gap, solve_in_order, solve_parts_in_order


def _knapsacks(model: cp_model.CpModel, items: int = 600) -> cp_model.LinearExprT:
    """Three knapsacks over ``items`` items: not proven in half a unit of work."""
    x = [model.new_bool_var(f"x{i}") for i in range(items)]
    for k in range(3):
        weights = [((i + 1) * (7919 + k * 31)) % 97 + 3 for i in range(items)]
        model.add(sum(w * b for w, b in zip(weights, x, strict=True)) <= 20 * items)
    values = [((i + 1) * 104_729) % 89 + 5 for i in range(items)]
    return sum(v * b for v, b in zip(values, x, strict=True))


def test_a_proven_stage_has_no_gap() -> None:
    model = cp_model.CpModel()
    x = [model.new_bool_var(f"x{i}") for i in range(6)]
    model.add(sum(x) <= 4)
    outcome = solve_in_order(model, [Stage(sum(x)), Stage(x[0], maximize=False)], 10.0,
                             deterministic=True)
    assert outcome.proven == [True, True] and outcome.gaps == [0.0, 0.0]


@pytest.mark.parametrize(("value", "bound", "expected"), [
    (100.0, 101.0, 0.01), (100.0, 100.0, 0.0), (50.0, 40.0, 0.2), (0.0, 3.0, 3.0),
    (-200.0, -198.0, 0.01)])
def test_the_gap_is_the_bound_against_the_value(value: float, bound: float,
                                                expected: float) -> None:
    solver = SimpleNamespace(objective_value=value, best_objective_bound=bound)
    assert gap(solver) == pytest.approx(expected)  # type: ignore[arg-type]


def test_a_stage_stopped_before_its_proof_reports_its_gap() -> None:
    """Three knapsacks over 600 items, given half a unit of CP-SAT's deterministic time
    (the same work on any machine): found, not proven, and its gap is what CP-SAT's own
    bound says."""
    model = cp_model.CpModel()
    outcome = solve_in_order(model, [Stage(_knapsacks(model))], 0.5, deterministic=True)
    assert outcome.found and outcome.proven == [False]
    assert outcome.gaps[0] == pytest.approx(gap(outcome.solver)) and 0 < outcome.gaps[0] < 0.01


def test_a_stage_that_ends_early_passes_its_unused_time_on(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each stage may use its share of the limit and whatever the stages before it left
    of theirs (the six-language roster's second objective was proven at 14 s after a
    first one of 1.6 s); the limit as a whole still holds."""
    budgets = _recording(monkeypatch)
    model = cp_model.CpModel()
    x = [model.new_bool_var(f"x{i}") for i in range(6)]
    model.add(sum(x) <= 4)
    outcome = solve_in_order(model, [Stage(sum(x), share=0.5),
                                     Stage(x[0], maximize=False, share=0.2),
                                     Stage(x[1])], 10.0, deterministic=True)
    assert outcome.proven == [True, True, True]
    first, second, last = budgets
    assert first == pytest.approx(5.0)
    assert 2.0 < second <= 7.0  # its 2 and most of the first's 5
    assert last <= 10.0 and sum(outcome.seconds) <= 10.0


def test_bounds_first_leaves_the_solution_seekers_out(monkeypatch: pytest.MonkeyPatch
                                                      ) -> None:
    """The roster's portfolio: no workers that only seek solutions, and after the first
    stage (which hands its answer on) no first-solution workers either."""
    from bsm_desk.services.solving import stages

    left: list[tuple[str, ...]] = []
    real = stages._solver

    def recording(budget: float, deterministic: bool, workers: int | None,
                  left_out: tuple[str, ...]) -> cp_model.CpSolver:
        left.append(left_out)
        solver = real(budget, deterministic, workers, left_out)
        assert list(solver.parameters.ignore_subsolvers) == list(left_out)
        return solver

    monkeypatch.setattr(stages, "_solver", recording)
    model = cp_model.CpModel()
    x = [model.new_bool_var(f"x{i}") for i in range(6)]
    model.add(sum(x) <= 4)
    outcome = solve_in_order(model, [Stage(sum(x)), Stage(x[0], maximize=False)], 5.0,
                             bounds_first=True, num_workers=4)
    assert outcome.proven == [True, True]
    assert left == [stages.SEEKERS, stages.SEEKERS + stages.FIRST_SOLUTION]


def _easy(model: cp_model.CpModel, size: int) -> cp_model.LinearExprT:
    x = [model.new_bool_var(f"y{i}") for i in range(size)]
    model.add(sum(x) <= 4)
    return sum(x)


def _recording(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    from bsm_desk.services.solving import stages

    budgets: list[float] = []
    real = stages._solver

    def recording(budget: float, *args: object) -> cp_model.CpSolver:
        budgets.append(budget)
        return real(budget, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(stages, "_solver", recording)
    return budgets


def test_parts_share_each_stage_and_the_unproven_get_what_is_left(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Stage by stage, smallest part first, each in proportion to its variables; a part
    the stage did not prove gets the stage's leftover once more, and its answer stands as
    its lists' one entry for that stage."""
    budgets = _recording(monkeypatch)
    hard, easy = cp_model.CpModel(), cp_model.CpModel()
    hard_objective, easy_objective = _knapsacks(hard), _easy(easy, 1800)
    hard_size, easy_size = len(hard.proto.variables), len(easy.proto.variables)
    assert hard_size < easy_size
    first, second = solve_parts_in_order(
        [(easy, [Stage(easy_objective)]), (hard, [Stage(hard_objective)])], 2.0,
        deterministic=True)
    assert len(budgets) == 3
    assert budgets[0] == pytest.approx(2.0 * hard_size / (hard_size + easy_size))  # hard
    assert budgets[1] < 2.0  # the easy part: all the stage has left
    assert budgets[2] == pytest.approx(budgets[1] - first.spent)  # the hard one, again
    assert first.proven == [True] and len(second.proven) == len(second.values) == 1
    assert second.found and second.spent > budgets[0]  # both its steps counted
    assert first.spent + second.spent <= 2.0 + 0.05


def test_a_part_with_no_answer_makes_the_whole_infeasible() -> None:
    good, bad = cp_model.CpModel(), cp_model.CpModel()
    objective = _easy(good, 10)
    y = bad.new_bool_var("y")
    bad.add(y == 1)
    bad.add(y == 0)
    outcomes = solve_parts_in_order([(good, [Stage(objective)]), (bad, [Stage(y)])], 5.0,
                                    deterministic=True)
    assert all(o.status == cp_model.INFEASIBLE for o in outcomes)


def test_a_cancel_stops_every_part() -> None:
    from bsm_desk.services.solving import Cancel

    cancel = Cancel()
    models = [cp_model.CpModel() for _ in range(3)]
    objectives = [_easy(m, 10 * (k + 1)) for k, m in enumerate(models)]
    outcomes = solve_parts_in_order(
        [(m, [Stage(o), Stage(o, maximize=False)]) for m, o in zip(models, objectives,
                                                                   strict=True)],
        10.0, cancel=cancel, on_solution=lambda stage: cancel(), deterministic=True)
    # The first (smallest) part found its answer and was cancelled; the others never ran.
    assert outcomes[0].found and outcomes[0].cancelled and len(outcomes[0].seconds) == 1
    assert not outcomes[1].found and not outcomes[2].found
    assert all(o.cancelled for o in outcomes)


def test_a_part_stepped_again_that_finds_nothing_keeps_its_answer_and_goes_on(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The second go at a stage (the stage's leftover) may end with nothing better in
    its time: the part's answer from its first go stands, and its next stages run."""
    from bsm_desk.services.solving import stages

    real, calls = stages._solver, []

    class Nothing:
        wall_time = deterministic_time = 0.0

        def solve(self, model: cp_model.CpModel, watch: object = None) -> int:
            return cp_model.UNKNOWN

    def solver(budget: float, *args: object) -> object:
        calls.append(budget)
        return Nothing() if len(calls) == 3 else real(budget, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(stages, "_solver", solver)
    hard, easy = cp_model.CpModel(), cp_model.CpModel()
    hard_objective, easy_objective = _knapsacks(hard), _easy(easy, 1800)
    first, second = solve_parts_in_order(
        [(easy, [Stage(easy_objective), Stage(easy_objective, maximize=False)]),
         (hard, [Stage(hard_objective), Stage(hard_objective, maximize=False)])], 4.0,
        deterministic=True)
    assert len(calls) >= 4  # hard, easy, hard again (nothing), then the second stage
    assert second.found and len(second.proven) == 2 and first.proven == [True, True]
