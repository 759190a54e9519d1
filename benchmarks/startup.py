"""Start-up: process start to the main window painted, on a 100,000-delegate demo.

Floor: a bare PySide6 QMainWindow started and painted the same way, in the same run.
Runs alternate between the two so that machine noise hits both alike. Goal: ratio <= 2.

Both say the wall-clock time of their first paint on stdout; the figure is that time
less the time the process was started (what happens after the paint, the window's
teardown included, is not start-up). The package's bytecode is compiled first, as pip
does when it installs the wheel (a machine with PYTHONDONTWRITEBYTECODE would otherwise
compile every module at every start, and measure the compiler).
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time

from benchmarks.common import Result, demo_db, ratio_result

NAME = "startup"

BARE = """
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
class Once(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(f"painted {time.time():.6f}", flush=True)
            window.removeEventFilter(self)
            QTimer.singleShot(0, app.quit)
        return False
once = Once()
window.installEventFilter(once)
window.resize(1280, 800)
window.show()
QTimer.singleShot(0, window.repaint)
app.exec()
"""


def _time(command: list[str], env: dict[str, str]) -> float:
    """Seconds from starting the process to its first paint."""
    start = time.time()
    done = subprocess.run(command, env=env, check=True, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, timeout=120, text=True)
    painted = [line.split()[1] for line in done.stdout.splitlines()
               if line.startswith("painted ")]
    if not painted:
        raise RuntimeError(f"{command[:3]} never said it painted")
    return float(painted[0]) - start


def run(repeat: int = 15) -> list[Result]:
    import bsm_desk

    compileall.compile_dir(os.path.dirname(bsm_desk.__file__), quiet=1)
    db = demo_db(100_000)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BSM_DESK_QUIT_WHEN_SHOWN="1",
               BSM_DESK_HOME=tempfile.mkdtemp(prefix="bsm-bench-"))
    app_cmd = [sys.executable, "-m", "bsm_desk", "--db", str(db)]
    bare_cmd = [sys.executable, "-c", BARE]
    _time(app_cmd, env)  # warm the file cache and compile the translation once
    _time(bare_cmd, env)
    app_times, bare_times = [], []
    for _ in range(repeat):
        app_times.append(_time(app_cmd, env))
        bare_times.append(_time(bare_cmd, env))
    value = statistics.median(app_times) * 1000
    floor = statistics.median(bare_times) * 1000
    return [ratio_result(NAME, "process start to window painted", value, "ms", floor, 2.0)]
