"""Every verdict sound plays through a real sound server: PulseAudio (Debian's package)
started here with a null sink, as a desk's laptop would have a sound card. Skipped where
PulseAudio is not installed, except in CI (.ci/run installs it)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bsm_desk import paths
from bsm_desk.domain.checkin import Kind
from tests.conftest import not_here

PLAYER = r"""
import json, os, sys
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtMultimedia import QSoundEffect
from PySide6.QtWidgets import QApplication
app = QApplication([])
results, effects = {}, []
def load(path):
    effect = QSoundEffect()
    effects.append(effect)
    name = os.path.basename(path)
    def changed():
        results.setdefault(name, []).append(effect.status().name)
        if effect.status() == QSoundEffect.Status.Ready:
            effect.play()
    effect.statusChanged.connect(changed)
    effect.playingChanged.connect(
        lambda: effect.isPlaying() and results.setdefault(name, []).append("playing"))
    effect.setSource(QUrl.fromLocalFile(path))
for path in sys.argv[1:]:
    load(path)
def done():
    if all("playing" in results.get(os.path.basename(p), []) for p in sys.argv[1:]) or \
            any("Error" in r for r in results.values()):
        print(json.dumps(results), flush=True)
        app.quit()
timer = QTimer(interval=50)
timer.timeout.connect(done)
timer.start()
app.exec()
"""


@pytest.fixture
def sound_server() -> Iterator[str]:
    binary = shutil.which("pulseaudio")
    if binary is None:
        not_here("PulseAudio is not installed here (apt-get install pulseaudio)")
    folder = Path(tempfile.mkdtemp(prefix="bsm-pulse-"))
    folder.chmod(0o777)
    socket = folder / "native"
    system = ["--system"] if os.geteuid() == 0 else []
    server = subprocess.Popen(
        [binary, *system, "--daemonize=no", "--exit-idle-time=-1", "-n",
         "--load=module-null-sink sink_name=desk", "--disable-shm",
         f"--load=module-native-protocol-unix auth-anonymous=1 socket={socket}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(600):  # until its socket is there (or it died)
            if socket.exists() or server.poll() is not None:
                break
            time.sleep(0.05)
        assert socket.exists(), "PulseAudio did not start"
        yield f"unix:{socket}"
    finally:
        server.terminate()
        server.wait(30)
        shutil.rmtree(folder, ignore_errors=True)


def test_every_verdict_sound_plays(sound_server: str, tmp_path: Path) -> None:
    files = [str(paths.resource("sounds", f"{kind.value.lower()}.wav")) for kind in Kind]
    env = dict(os.environ, PULSE_SERVER=sound_server, QT_QPA_PLATFORM="offscreen",
               HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", PLAYER, *files], capture_output=True,
                          text=True, timeout=240, env=env)
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout.strip().splitlines()[-1])
    for path in files:
        name = Path(path).name
        assert "playing" in results.get(name, []), (name, results, done.stderr[-2000:])
