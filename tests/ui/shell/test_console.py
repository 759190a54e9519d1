"""The window's console is quiet unless asked: Qt's messages go to the log file, and to
stderr only with --verbose (critical ones always)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import qCritical, qInstallMessageHandler, qWarning

from bsm_desk.ui.shell.console import Console


def test_warnings_go_to_the_log_not_the_console(tmp_path: Path, capfd) -> None:
    log = tmp_path / "log" / "bsm-desk.log"
    log.parent.mkdir()
    quiet = Console(verbose=False, log=log)
    previous = qInstallMessageHandler(quiet.handle)
    try:
        qWarning("PulseAudioService: pa_context_connect() failed")
        qCritical("the disk is on fire")
    finally:
        qInstallMessageHandler(previous)
    err = capfd.readouterr().err
    assert "PulseAudioService" not in err and "the disk is on fire" in err
    kept = log.read_text(encoding="utf-8")
    assert "PulseAudioService" in kept and "critical" in kept


def test_verbose_shows_them(tmp_path: Path, capfd) -> None:
    loud = Console(verbose=True, log=tmp_path / "bsm-desk.log")
    previous = qInstallMessageHandler(loud.handle)
    try:
        qWarning("QSoundEffect: something to know")
    finally:
        qInstallMessageHandler(previous)
    assert "QSoundEffect: something to know" in capfd.readouterr().err


def test_the_window_starts_quietly(demo_file: Path, tmp_path: Path) -> None:
    """The window on every screen, offscreen: nothing on stderr; the log has Qt's words."""
    env = dict(os.environ, BSM_DESK_VISIT_SCREENS="1", QT_QPA_PLATFORM="offscreen",
               BSM_DESK_HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-m", "bsm_desk", "--db", str(demo_file)],
                          capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "screen shown: history" in done.stdout
    assert (tmp_path / "log" / "bsm-desk.log").exists()
