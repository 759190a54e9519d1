"""What the hub must not hold in a usable form: operators' password verifiers and their
signing keys sealed under those passwords. Anyone with one desk's hub login could read
them there and guess the passwords offline (a four-digit PIN falls in minutes).

The desks of an event share a key the hub never sees (the *desks' key*): made by ``hub
init``, carried to each desk in its enrolment code, kept in the desk's own file (never in
the copy published to the hub). Those two fields are sealed with it (AES-GCM, bound to
the table, the row and the field) in every row change a desk sends and in the copy of
the event file new desks join from; a desk opens them as it takes them in. A desk made
with ``hub join --url`` (no code) does not hold the key: its operators cannot sign in
there, and it says why.
"""

from __future__ import annotations

import base64
import binascii
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP
from bsm_desk.store import atomic
from bsm_desk.store import hub_desk_state as state

if TYPE_CHECKING:
    from sqlite_utils import Database

PREFIX = "hk1:"
FIELDS: dict[str, tuple[str, ...]] = {"operator": ("secret", "sign_secret")}
NO_KEY = QT_TRANSLATE_NOOP("Sync", "A change of {what} from desk {desk} ({at}) holds a "
                                   "password this desk cannot open: it was made from the hub "
                                   "without an enrolment code. Join it again with one.")


def key_of(db: Database) -> bytes | None:
    found = state.get(db, state.HUB_KEY)
    if not found:
        return None
    try:
        key = bytes.fromhex(found)
    except ValueError:
        return None
    return key if len(key) == 32 else None


def ensure_key(db: Database) -> bytes:
    """The desks' key, made now if this desk has none (the one that runs hub init)."""
    found = key_of(db)
    if found is None:
        found = os.urandom(32)
        with atomic(db):
            state.put(db, state.HUB_KEY, found.hex())
    return found


def keep_key(db: Database, key: bytes) -> None:
    with atomic(db):
        state.put(db, state.HUB_KEY, key.hex())


def encoded(key: bytes) -> str:
    return base64.urlsafe_b64encode(key).decode().rstrip("=")


def decoded(text: Any) -> bytes | None:
    if not isinstance(text, str) or len(text) > 64:
        return None
    try:
        key = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        return None
    return key if len(key) == 32 else None


def _aad(table: str, row_id: Any, field: str) -> bytes:
    return f"bsm-desk transit|{table}|{row_id}|{field}".encode()


def seal(key: bytes, table: str, row_id: Any, field: str, value: str) -> str:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    sealed = AESGCM(key).encrypt(nonce, value.encode(), _aad(table, row_id, field))
    return PREFIX + base64.b64encode(nonce + sealed).decode("ascii")


def open_(key: bytes, table: str, row_id: Any, field: str, text: str) -> str:
    """The value; ValueError when it cannot be opened with this key."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        raw = base64.b64decode(text[len(PREFIX):], validate=True)
        return AESGCM(key).decrypt(raw[:12], raw[12:], _aad(table, row_id, field)).decode()
    except (binascii.Error, ValueError, InvalidTag, UnicodeDecodeError) as exc:
        raise ValueError("not sealed with this desks' key") from exc


def is_sealed(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(PREFIX)


def outgoing(key: bytes | None, change: dict[str, Any]) -> dict[str, Any]:
    """A row change as it goes to the hub: its secret fields sealed."""
    fields = FIELDS.get(str(change.get("table")))
    row = change.get("row")
    if key is None or not fields or not isinstance(row, dict):
        return change
    sealed = dict(row)
    for field in fields:
        value = sealed.get(field)
        if isinstance(value, str) and value and not is_sealed(value):
            sealed[field] = seal(key, change["table"], sealed.get("id"), field, value)
    return {**change, "row": sealed}


def incoming(key: bytes | None, change: dict[str, Any]) -> dict[str, Any]:
    """A row change as it came from the hub, its secret fields opened; ValueError when
    this desk cannot (no key, another key, a damaged value)."""
    fields = FIELDS.get(str(change.get("table")))
    row = change.get("row")
    if not fields or not isinstance(row, dict):
        return change
    opened = dict(row)
    for field in fields:
        value = opened.get(field)
        if isinstance(value, str) and is_sealed(value):
            if key is None:
                raise ValueError("no key")
            opened[field] = open_(key, str(change["table"]), opened.get("id"), field, value)
    return {**change, "row": opened}


def seal_copy(path: Path, key: bytes) -> None:
    """The copy of the event file for the hub: operators' secrets sealed, the desks' key
    removed, and the file rewritten so that no page keeps what was there."""
    from contextlib import closing

    from bsm_desk.store import connect

    with closing(connect(path)) as db:
        with atomic(db):
            _each_secret(db, lambda table, row_id, field, value:
                         value if is_sealed(value) else seal(key, table, row_id, field, value))
            state.clear(db, state.HUB_KEY)
        db.execute("VACUUM")


def open_copy(db: Database, key: bytes) -> None:
    """A desk made from the hub's copy opens its operators' secrets (in its own file)."""
    with atomic(db):
        _each_secret(db, lambda table, row_id, field, value:
                     open_(key, table, row_id, field, value) if is_sealed(value) else value)


def _each_secret(db: Database, change: Any) -> None:
    for table, fields in FIELDS.items():
        for row in db.execute(f"SELECT id, {', '.join(fields)} FROM {table}").fetchall():
            new = [change(table, row[0], field, value) if isinstance(value, str) and value
                   else value for field, value in zip(fields, row[1:], strict=True)]
            if new != list(row[1:]):
                sets = ", ".join(f"{f} = ?" for f in fields)
                db.execute(f"UPDATE {table} SET {sets} WHERE id = ?", [*new, row[0]])
