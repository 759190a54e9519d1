"""Start-up: process start to the main window painted, on a 100,000-delegate demo.

Floor: a bare PySide6 QMainWindow started and painted the same way, in the same run.
Runs alternate between the two so that machine noise hits both alike. Goal: ratio <= 3.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

from benchmarks.common import Result, demo_db, ratio_result

NAME = "startup"

BARE = """
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
class Once(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
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
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=120)
    return time.perf_counter() - start


def run(repeat: int = 7) -> list[Result]:
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
    return [ratio_result(NAME, "process start to window painted", value, "ms", floor, 3.0)]
