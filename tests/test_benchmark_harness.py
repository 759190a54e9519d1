"""The benchmarks' harness: every goal in one table, missed ones first, and a non-zero
exit when one is missed (CI and scripts read it)."""

from __future__ import annotations

import types

import pytest

from benchmarks import __main__ as harness
from benchmarks.common import Result


def _fake(results: list[Result]) -> types.ModuleType:
    module = types.ModuleType("benchmarks.fake")
    module.run = lambda: results  # type: ignore[attr-defined]
    return module


def test_the_table_lists_every_goal_missed_first() -> None:
    met = Result("startup", "window painted", 200.0, "ms", 100.0, 2.0, "ratio <= 2", True)
    missed = Result("import", "10,000 rows", 3.4, "s", 1.0, 3.4, "ratio <= 1.5", False)
    table = harness.summary([met, missed]).splitlines()
    assert table[1] == "2 goals: 1 met, 1 missed"
    assert table[2].lstrip().startswith("MISSED") and "import" in table[2]
    assert table[3].lstrip().startswith("met") and "ratio <= 2" in table[3]


@pytest.mark.parametrize("met, code", [(True, 0), (False, 1)])
def test_the_exit_code_says_whether_every_goal_was_met(monkeypatch, capsys, met: bool,
                                                       code: int) -> None:
    result = Result("startup", "window painted", 1.0, "ms", None, None, "<= 2 ms", met)
    monkeypatch.setattr(harness, "BENCHMARKS", ("startup",))
    monkeypatch.setattr(harness.importlib, "import_module", lambda _name: _fake([result]))
    assert harness.main(["startup"]) == code
    assert "1 goals" in capsys.readouterr().out
