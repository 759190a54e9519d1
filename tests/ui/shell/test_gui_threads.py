"""The application starts without Qt's GUI thread pool, whose fill threads cost a desk's
two cores more than they save (docs/benchmarks.md, "Qt's fill threads"), unless the
environment already says what it wants."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = """
import os
from bsm_desk.ui.shell.app import application
application()
print(repr(os.environ.get("QT_NO_GUI_THREADPOOL")))
"""


def _started_with(environment: dict[str, str]) -> str:
    done = subprocess.run([sys.executable, "-c", PROBE], env=environment, check=True,
                          capture_output=True, text=True, timeout=120)
    return done.stdout.strip().splitlines()[-1]


def test_the_application_turns_qt_gui_thread_pool_off() -> None:
    environment = {k: v for k, v in os.environ.items() if k != "QT_NO_GUI_THREADPOOL"}
    environment["QT_QPA_PLATFORM"] = "offscreen"
    assert _started_with(environment) == "'1'"


def test_a_value_the_environment_gives_is_kept() -> None:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_NO_GUI_THREADPOOL="x")
    assert _started_with(environment) == "'x'"
