"""Nothing on the way to the window's first paint that the first screen does not need:
the hub's driver, the solver, the spreadsheet and PDF writers, the camera, the command
line's own commands are loaded when first used, not at every start (issue 30)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# What a start on an event without a hub must not have imported by its first paint.
NOT_AT_START = ("psycopg", "ortools", "openpyxl", "reportlab", "PySide6.QtMultimedia",
                "babel", "rapidfuzz", "segno", "qrcode", "zxingcpp", "keyring", "numpy",
                "pandas", "sqlite_utils", "click", "pluggy", "dateutil",
                "bsm_desk.store.migrations", "bsm_desk.services.operators",
                "bsm_desk.services.event.making", "bsm_desk.services.event.backups",
                "bsm_desk.ui.shell.workers", "bsm_desk.ui.shell.error_report",
                "bsm_desk.store.audit", "bsm_desk.store.delegates")
# The command line's parts a window start needs (the rest are its commands).
CLI_AT_START = {"bsm_desk.cli", "bsm_desk.cli.run", "bsm_desk.cli.common",
                "bsm_desk.cli.parser"}

# The modules loaded when the window says it has painted (what follows the paint, the
# rest of opening the event, is not start-up).
PROBE = """
import runpy, sys
out = sys.argv.pop(1)
class AtThePaint:
    def __init__(self, stream):
        self.stream = stream
    def write(self, text):
        if text.startswith("painted "):
            open(out, "w").write("\\n".join(sorted(sys.modules)))
        return self.stream.write(text)
    def __getattr__(self, name):
        return getattr(self.stream, name)
sys.stdout = AtThePaint(sys.stdout)
runpy.run_module("bsm_desk", run_name="__main__")
"""


def test_the_first_paint_loads_only_what_the_first_screen_needs(demo_copy: Path,
                                                                 tmp_path: Path) -> None:
    out = tmp_path / "modules.txt"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BSM_DESK_QUIT_WHEN_SHOWN="1")
    done = subprocess.run([sys.executable, "-c", PROBE, str(out), "--db", str(demo_copy)],
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "painted " in done.stdout  # it did reach the first paint
    loaded = set(out.read_text().split())
    assert "bsm_desk.ui.shell.main_window" in loaded  # the probe saw the window start
    early = sorted(name for name in loaded
                   if any(name == n or name.startswith(n + ".") for n in NOT_AT_START))
    assert early == []
    commands = sorted(name for name in loaded
                      if name.startswith("bsm_desk.cli") and name not in CLI_AT_START)
    assert commands == []


# sqlite-utils as the store loads it (once an event is opened whole): without pandas and
# numpy (OR-Tools installs them: 300 ms), its date parser set aside as a module that has
# not run (10 ms), and its plugins never looked for.
LOADED = """
import sys
from bsm_desk._imports import load_sqlite_utils
load_sqlite_utils()
import sqlite_utils.plugins
lazy = type(sys.modules["dateutil.parser"]).__name__ == "_LazyModule"
print("sqlite_utils" in sys.modules, "pandas" in sys.modules, "numpy" in sys.modules, lazy,
      sqlite_utils.plugins._plugins_loaded)
"""


def test_sqlite_utils_is_loaded_without_pandas_and_with_its_date_parser_for_later() -> None:
    done = subprocess.run([sys.executable, "-c", LOADED], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["True", "False", "False", "True", "True"]


def test_the_date_parser_left_for_later_still_parses_when_used() -> None:
    from bsm_desk._imports import load_sqlite_utils

    load_sqlite_utils()
    from sqlite_utils import recipes

    assert recipes.parsedate("18 October 2022 10:00") == "2022-10-18"
    assert recipes.parsedatetime("2022-10-18 10:00") == "2022-10-18T10:00:00"
