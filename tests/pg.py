"""A real PostgreSQL server for the tests: Debian's ``postgresql`` package, started with
initdb and pg_ctl in a temporary folder, listening on a Unix socket only (no TCP port).
As root, the server runs as the ``postgres`` user, as PostgreSQL refuses to run as root.

Where the server is not installed, ``server()`` raises PostgresMissing: the tests'
fixture skips, saying so, on a developer's machine, and fails in CI (``CI`` set).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


class PostgresMissing(Exception):
    """Debian's postgresql package is not installed."""


def binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


@dataclass
class Server:
    folder: Path
    bin: Path
    user: str | None  # run as this user (root's case), else as ourselves
    options: str = "-c listen_addresses=''"  # Unix socket only, unless TLS on TCP
    port: int = 5432

    @property
    def socket_dir(self) -> Path:
        return self.folder / "socket"

    def url(self, database: str = "postgres", user: str = "postgres") -> str:
        port = f"&port={self.port}" if self.port != 5432 else ""
        return f"postgresql://{user}@/{database}?host={self.socket_dir}{port}"

    def tcp_url(self, database: str, host: str = "localhost", user: str = "postgres") -> str:
        return f"postgresql://{user}@{host}:{self.port}/{database}"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        return subprocess.run(command, check=check, capture_output=True, text=True,
                              timeout=60)

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-l",
                  str(self.folder / "server.log"), "-w", "-t", "30", "-o",
                  f"-k {self.socket_dir} -p {self.port} {self.options} -c fsync=off", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop",
                  check=False)

    def running(self) -> bool:
        return self._run("pg_ctl", "-D", str(self.folder / "data"), "status",
                         check=False).returncode == 0


@contextmanager
def server(tls: dict[str, Path] | None = None) -> Iterator[Server]:
    """A started server; ``tls`` (``cert``, ``key``): also listening on 127.0.0.1 at a
    free port, taking TLS connections only there (pg_hba: hostssl, no hostnossl)."""
    bin_dir = binaries()
    if bin_dir is None:
        raise PostgresMissing("PostgreSQL is not installed here (apt-get install postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="bsm-pg-"))
    user = None
    if os.geteuid() == 0:
        user = "postgres"
        try:
            entry = pwd.getpwnam(user)
        except KeyError as exc:
            raise PostgresMissing("running as root with no postgres user to run the server "
                                  "as") from exc
        os.chmod(folder, 0o755)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    made = Server(folder, bin_dir, user)
    (folder / "socket").mkdir()
    if user:
        entry = pwd.getpwnam(user)
        os.chown(folder / "socket", entry.pw_uid, entry.pw_gid)
    made._run("initdb", "-D", str(folder / "data"), "-U", "postgres", "-A", "trust",
              "--no-sync", "-E", "UTF8", "--locale=C.UTF-8")
    if tls is not None:
        _listen_with_tls(made, tls)
    made.start()
    try:
        yield made
    finally:
        made.stop()
        shutil.rmtree(folder, ignore_errors=True)


def _listen_with_tls(made: Server, tls: dict[str, Path]) -> None:
    import socket

    data = made.folder / "data"
    for name in ("cert", "key"):
        target = data / f"server.{name}"
        shutil.copyfile(tls[name], target)
        os.chmod(target, 0o600)
        if made.user:
            entry = pwd.getpwnam(made.user)
            os.chown(target, entry.pw_uid, entry.pw_gid)
    (data / "pg_hba.conf").write_text("local all all trust\n"
                                      "hostssl all all 127.0.0.1/32 trust\n"
                                      "hostnossl all all all reject\n")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        made.port = probe.getsockname()[1]
    made.options = ("-c listen_addresses=127.0.0.1 -c ssl=on -c ssl_cert_file=server.cert"
                    " -c ssl_key_file=server.key")
