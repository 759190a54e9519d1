"""Personal data kept sealed: passport numbers, phone numbers and dates of birth are
stored encrypted (AES-GCM) once an event is protected, with a data key that never sits
in the event file.

The file keeps only the data key *wrapped*: encrypted with a key derived (scrypt) from
the event's passphrase, with its salt. A desk that knows the passphrase (or finds the
data key in its OS keyring) unwraps it for this process (:data:`KEYS`, per event file,
never written). A desk without it still checks people in and prints badges — names are
not secret — and shows the sealed fields as locked; whatever it saves leaves them as
they were (``Delegate.sealed``).
"""

from __future__ import annotations

import base64
import os
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError

if TYPE_CHECKING:
    from sqlite_utils import Database

    from bsm_desk.store.reading import Reads

PROTECTED = ("phone", "passport_no", "birth_date")  # of a delegate


def AESGCM(key: bytes) -> Any:  # noqa: N802 - the cipher's own name, imported when used
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM as Cipher

    return Cipher(key)


def _invalid_tag() -> type[Exception]:
    from cryptography.exceptions import InvalidTag

    return InvalidTag
PREFIX = "enc1:"  # a sealed value: PREFIX + base64(nonce + ciphertext and tag)
CHECK = b"bsm-desk data key"
SCRYPT_N = 2 ** 15  # about 0.1 s and 32 MiB per try: a guessed passphrase costs that
KEYS: dict[str, bytes] = {}  # event file -> its data key, for this process only


NO_KEY = QT_TRANSLATE_NOOP("UserError", "This event's personal data is sealed and this desk "
                                        "does not hold its key: unlock it with the event's "
                                        "passphrase to write passport numbers, phones or "
                                        "dates of birth.")
WRONG_PASSPHRASE = QT_TRANSLATE_NOOP("UserError", "That is not this event's passphrase: the "
                                                  "personal data stays locked.")


class NoKey(UserError):
    """The event is protected and this desk does not hold its key."""

    def __init__(self) -> None:
        super().__init__(NO_KEY)


class WrongPassphrase(UserError):
    def __init__(self) -> None:
        super().__init__(WRONG_PASSPHRASE)


def _path(db: Database) -> str:
    from bsm_desk.store import audit  # the keys' business, not a first look's

    return audit.actor(db).path


def protected(db: Reads) -> bool:
    try:
        return bool(db.execute("SELECT EXISTS (SELECT 1 FROM data_key)").fetchone()[0])
    except Exception:  # noqa: BLE001 - a file from before protection existed
        return False


def key(db: Database) -> bytes | None:
    return KEYS.get(_path(db))


def unlocked(db: Database) -> bool:
    return not protected(db) or key(db) is not None


def _kek(passphrase: str, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=SCRYPT_N, r=8, p=1).derive(passphrase.encode())


def wrap(data_key: bytes, passphrase: str) -> tuple[bytes, bytes]:
    """(salt, wrapped key) for the file."""
    salt = os.urandom(16)
    nonce = os.urandom(12)
    return salt, nonce + AESGCM(_kek(passphrase, salt)).encrypt(nonce, data_key, CHECK)


def unwrap(db: Database, passphrase: str) -> bytes:
    row = db.execute("SELECT salt, wrapped FROM data_key WHERE id = 1").fetchone()
    if row is None:
        raise NoKey()
    salt, wrapped = bytes(row[0]), bytes(row[1])
    try:
        return bytes(AESGCM(_kek(passphrase, salt)).decrypt(wrapped[:12], wrapped[12:],
                                                             CHECK))
    except _invalid_tag() as exc:
        raise WrongPassphrase() from exc


def fits(db: Database, data_key: bytes) -> bool:
    """Whether this data key is the event's (one kept in a keyring, say)."""
    row = db.execute("SELECT probe FROM data_key WHERE id = 1").fetchone()
    if row is None:
        return False
    probe = bytes(row[0])
    try:
        return bool(AESGCM(data_key).decrypt(probe[:12], probe[12:], CHECK) == CHECK)
    except (_invalid_tag(), ValueError):
        return False


def derived(data_key: bytes, purpose: str) -> bytes:
    """A key for one purpose made from the event's key (HKDF-SHA256): the pepper of the
    operators' verifiers, the key that marks the audit log."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=f"bsm-desk {purpose}".encode()).derive(data_key)


def keep(db: Database, data_key: bytes) -> None:
    """The event's key held by this process: its personal data opens, its operators'
    verifiers can be checked and its audit log is marked from now on."""
    from bsm_desk.store import audit

    path = _path(db)
    KEYS[path] = data_key
    audit.MARK_KEYS[path] = derived(data_key, "audit marks")


def forget(db: Database) -> None:
    from bsm_desk.store import audit

    path = _path(db)
    KEYS.pop(path, None)
    audit.MARK_KEYS.pop(path, None)


def pepper(db: Database) -> bytes | None:
    """The secret the operators' verifiers are keyed with, or None (the key is not held
    here)."""
    data_key = key(db)
    return derived(data_key, "operator verifiers") if data_key is not None else None


def set_up(db: Database, data_key: bytes, passphrase: str) -> None:
    """Store the wrapped key (the caller then seals every protected value)."""
    salt, wrapped = wrap(data_key, passphrase)
    nonce = os.urandom(12)
    probe = nonce + AESGCM(data_key).encrypt(nonce, CHECK, CHECK)
    db.execute("INSERT OR REPLACE INTO data_key (id, salt, wrapped, probe, created_at)"
               " VALUES (1, ?, ?, ?, ?)", [salt, wrapped, probe, datetime.now(UTC).isoformat()])


def is_sealed(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(PREFIX)


def seal_with(data_key: bytes, column: str, value: str | None) -> str | None:
    if value is None or value == "":
        return value
    nonce = os.urandom(12)
    sealed = AESGCM(data_key).encrypt(nonce, value.encode(), column.encode())
    return PREFIX + base64.b64encode(nonce + sealed).decode("ascii")


def open_with(data_key: bytes, column: str, stored: str) -> str:
    raw = base64.b64decode(stored[len(PREFIX):])
    return str(AESGCM(data_key).decrypt(raw[:12], raw[12:], column.encode()).decode())


class Sealer:
    """Seals and opens one connection's protected values (looked up once per use, as a
    bulk import seals 300,000 of them)."""

    def __init__(self, db: Database) -> None:
        self.on = protected(db)
        self.data_key = key(db) if self.on else None

    def seal(self, column: str, value: str | None) -> str | None:
        if not self.on or value is None or value == "" or is_sealed(value):
            return value
        if self.data_key is None:
            raise NoKey()
        return seal_with(self.data_key, column, value)

    def open(self, column: str, stored: Any) -> tuple[Any, bool]:
        """(the value, whether it stays sealed: no key here)."""
        if not is_sealed(stored):
            return stored, False
        if self.data_key is None:
            return None, True
        try:
            return open_with(self.data_key, column, stored), False
        except (_invalid_tag(), ValueError):
            return None, True


def seal_changes(changes: dict[str, Any], seal: Any) -> dict[str, Any]:
    """A history entry's changes with the protected fields' before and after sealed by
    ``seal(column, value)`` (the same dict when there is nothing to seal)."""
    if not any(name in changes for name in PROTECTED):
        return changes
    found = dict(changes)
    for name in PROTECTED:
        pair = found.get(name)
        if isinstance(pair, (list, tuple)) and len(pair) == 2:
            found[name] = [seal(name, None if v is None else str(v)) for v in pair]
    return found
