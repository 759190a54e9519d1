"""libpq's own password file (~/.pgpass; %APPDATA%\\postgresql\\pgpass.conf on Windows;
PGPASSFILE where set), for a machine with no OS keyring: a desk's hub password is kept
there, readable by this user only, and never in the event file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import psycopg
from psycopg import conninfo


def path() -> Path:
    if os.environ.get("PGPASSFILE"):
        return Path(os.environ["PGPASSFILE"])
    if os.name == "nt":  # pragma: no cover - Windows only
        return Path(os.environ.get("APPDATA", "~")).expanduser() / "postgresql" / \
            "pgpass.conf"
    return Path("~/.pgpass").expanduser()


def _field(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def keep(url: str, password: str) -> bool:
    """Write (or replace) the line for ``url``'s host, port, database and user; False if
    the URL names no user or the file cannot be written."""
    try:
        params = conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return False
    user, database = str(params.get("user") or ""), str(params.get("dbname") or "*")
    if not user or "\n" in password or "\r" in password:
        return False
    host = str(params.get("host") or "localhost")
    key = ":".join(_field(v) for v in (host, str(params.get("port") or "*"), database, user))
    target = path()
    try:
        lines = target.read_text(encoding="utf-8").splitlines() if target.exists() else []
    except (OSError, UnicodeDecodeError):
        return False
    kept = [line for line in lines if not line.startswith(key + ":")]
    kept.append(f"{key}:{_field(password)}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".pgpass-")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write("\n".join(kept) + "\n")
        os.chmod(temporary, 0o600)
        os.replace(temporary, target)
    except OSError:
        return False
    return True
