"""Where a desk keeps the event's key, outside the event file: the OS keyring (Keychain,
Credential Locker, Secret Service), else — a machine without one, a kiosk, CI — a file of
this user's own (mode 600) in the desk's configuration folder.

The event's key opens its sealed personal data, and from it come the pepper of the
operators' verifiers and the key that marks the audit log (store/privacy.py derives
them). A copy of the event file (a backup, a file sent by mail, the hub's copy) holds the
key only wrapped by the event's passphrase: without the passphrase, or this desk's store,
nobody can test a guessed PIN or re-mark a rewritten log.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from bsm_desk import paths

if TYPE_CHECKING:
    from sqlite_utils import Database

SERVICE = "bsm-desk-data"  # the keyring's service name (as earlier versions wrote it)


def name_of(db: Database) -> str:
    """The event's name in the store: its code and the moment it was made."""
    try:
        row = db.execute("SELECT code, created_at FROM event WHERE id = 1").fetchone()
    except Exception:  # noqa: BLE001 - not an event file
        return ""
    return f"{row[0]}:{row[1]}" if row else ""


def _file(name: str) -> Path:
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:32]
    return paths.config_dir() / "keys" / f"{digest}.key"


def _keyring_get(name: str) -> str | None:
    try:
        import keyring

        found = keyring.get_password(SERVICE, name)
    except Exception:  # noqa: BLE001 - no keyring backend here: the file it is
        return None
    return str(found) if found else None


def _keyring_set(name: str, value: str) -> bool:
    try:
        import keyring

        keyring.set_password(SERVICE, name, value)
        return True
    except Exception:  # noqa: BLE001 - no usable backend
        return False


def _decoded(text: str | None) -> bytes | None:
    if not text:
        return None
    try:
        found = bytes.fromhex(text.strip())
    except ValueError:
        return None
    return found if len(found) == 32 else None


def get(db: Database) -> bytes | None:
    """The event's key as this desk keeps it, or None (a damaged entry is None too: the
    caller checks that a key found fits the event before using it)."""
    name = name_of(db)
    if not name:
        return None
    found = _decoded(_keyring_get(name))
    if found is not None:
        return found
    try:
        return _decoded(_file(name).read_text(encoding="ascii")[:200])
    except (OSError, UnicodeDecodeError):
        return None


def put(db: Database, key: bytes) -> bool:
    """Keep the event's key on this desk: the keyring, else this user's own file. False
    if neither could be written (the desk then asks for the passphrase at each start)."""
    name = name_of(db)
    if not name or len(key) != 32:
        return False
    if _keyring_set(name, key.hex()):
        return True
    target = _file(name)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            os.chmod(target.parent, 0o700)
        fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".key-")
        with os.fdopen(fd, "w", encoding="ascii") as out:
            out.write(key.hex())
        os.chmod(temporary, 0o600)
        os.replace(temporary, target)
    except OSError:
        return False
    return True


def drop(db: Database) -> None:
    """Forget the event's key on this desk (both places)."""
    name = name_of(db)
    if not name:
        return
    try:
        import keyring

        keyring.delete_password(SERVICE, name)
    except Exception:  # noqa: BLE001 - none kept there, or no backend
        pass
    _file(name).unlink(missing_ok=True)
