"""A real print system for the tests: Debian's CUPS (``cupsd``), started in a temporary
folder on a Unix socket of its own, with one queue that sends each job to a network
printer — an AppSocket/JetDirect listener on 127.0.0.1 in this process, which keeps
every job it receives as a file. Nothing touches the machine's own CUPS.

Where CUPS is not installed, ``print_system()`` raises CupsMissing: the fixture skips,
saying so, on a developer's machine, and fails in CI (``.ci/run`` installs it).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

QUEUE = "BadgePrinter"


class CupsMissing(Exception):
    """Debian's cups package is not installed."""


@dataclass
class PrintSystem:
    folder: Path
    socket: Path
    queue: str
    jobs: Path  # one file per job the printer received
    _received: list[Path] = field(default_factory=list)

    @property
    def env(self) -> dict[str, str]:
        """What a program needs to print here (libcups reads CUPS_SERVER)."""
        return {**os.environ, "CUPS_SERVER": str(self.socket), "LC_ALL": "C.UTF-8"}

    def run(self, *command: str) -> str:
        done = subprocess.run(list(command), capture_output=True, text=True, timeout=60,
                              env=self.env, check=True)
        return done.stdout

    def received(self) -> list[Path]:
        return list(self._received)

    def wait_for_jobs(self, count: int, limit_s: float = 120) -> list[Path]:
        """The first ``count`` jobs the printer received (a generous limit guards a
        hang; it is no measure of speed)."""
        deadline = time.monotonic() + limit_s
        while len(self._received) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.received()[:count]


def _config(folder: Path) -> tuple[Path, Path]:
    for sub in ("etc", "spool/tmp", "cache", "log", "run"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    (folder / "spool").chmod(0o777)
    (folder / "spool" / "tmp").chmod(0o1777)
    sock = folder / "run" / "cups.sock"
    daemon = folder / "etc" / "cupsd.conf"
    daemon.write_text(f"""Listen {sock}
LogLevel warn
DefaultAuthType None
WebInterface No
Browsing Off
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
    Allow all
  </Limit>
</Policy>
""", encoding="utf-8")
    files = folder / "etc" / "cups-files.conf"
    files.write_text(f"""ServerRoot {folder / 'etc'}
RequestRoot {folder / 'spool'}
CacheDir {folder / 'cache'}
StateDir {folder / 'run'}
TempDir {folder / 'spool' / 'tmp'}
ErrorLog {folder / 'log' / 'error_log'}
AccessLog {folder / 'log' / 'access_log'}
PageLog {folder / 'log' / 'page_log'}
{_group()}""", encoding="utf-8")
    return daemon, files


def _group() -> str:
    """The group CUPS's filters and backends run in: Debian's lp, where there is one."""
    import grp

    try:
        grp.getgrnam("lp")
    except KeyError:
        return ""
    return "Group lp\n"


def _printer(jobs: Path, received: list[Path]) -> tuple[socket.socket, int]:
    """A network printer on 127.0.0.1: each connection is a job, kept as a file."""
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)

    def serve() -> None:
        number = 0
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return  # closed: the fixture is done
            number += 1
            target = jobs / f"job-{number:03d}.bin"
            with conn, open(target.with_suffix(".part"), "wb") as out:
                while chunk := conn.recv(65536):
                    out.write(chunk)
            target.with_suffix(".part").replace(target)
            received.append(target)

    threading.Thread(target=serve, daemon=True).start()
    return listener, int(listener.getsockname()[1])


@contextmanager
def print_system() -> Iterator[PrintSystem]:
    cupsd, lpadmin = shutil.which("cupsd") or "/usr/sbin/cupsd", \
        shutil.which("lpadmin") or "/usr/sbin/lpadmin"
    if not (Path(cupsd).exists() and Path(lpadmin).exists()):
        raise CupsMissing("CUPS is not installed here (apt-get install cups)")
    folder = Path(tempfile.mkdtemp(prefix="bsm-cups-"))
    folder.chmod(0o755)  # CUPS's backends run as lp and must reach the spooled job
    jobs = folder / "jobs"
    jobs.mkdir()
    daemon_conf, files_conf = _config(folder)
    server = subprocess.Popen([cupsd, "-f", "-c", str(daemon_conf), "-s", str(files_conf)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    received: list[Path] = []
    listener, port = _printer(jobs, received)
    system = PrintSystem(folder, folder / "run" / "cups.sock", QUEUE, jobs, received)
    try:
        for _ in range(1200):  # until it answers (or died)
            if system.socket.exists() or server.poll() is not None:
                break
            time.sleep(0.05)
        if not system.socket.exists():
            raise RuntimeError("cupsd did not start: " + (
                folder / "log" / "error_log").read_text(errors="replace")[-2000:]
                if (folder / "log" / "error_log").exists() else "cupsd did not start")
        # A raw queue: what the app sends (Qt's PDF) reaches the printer as it is.
        subprocess.run([lpadmin, "-p", QUEUE, "-E", "-v", f"socket://127.0.0.1:{port}",
                        "-m", "raw"], env=system.env, capture_output=True, timeout=60,
                       check=True)
        yield system
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
        listener.close()
        shutil.rmtree(folder, ignore_errors=True)
