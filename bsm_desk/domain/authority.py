"""Signed authority: who may be an operator, with which role, the event's settings and
the sealed data's key travel between desks only with a signature a desk can check.

Every operator has an Ed25519 key pair, made when the operator is created (from
``cryptography``): the public key travels in the operator's row, the private key too but
sealed under the operator's own password (scrypt, AES-GCM), so an operator can sign at
any desk once signed in, and a copy of the row is no key. A change of an authority row
is signed, in the transaction that makes it, by the operator signed in; the signature
covers the event, the table, the row's key, the row's fingerprint and the time of the
change, so it cannot be moved to another row, another event or another time.

A desk takes in such a change from the hub only when the signature verifies with the
key of an administrator this desk already holds, or, for an operator's own password,
with that operator's own key. Nothing a desk's hub login can write then creates,
promotes or re-enables an operator anywhere.

Pure: no I/O, no database.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from collections.abc import Mapping, Sequence
from typing import Any

# Tables whose changes carry authority: they must be signed.
TABLES = frozenset({"operator", "data_key", "event"})
# The fields of their own row an operator may change with their own key: the password
# (its verifier and the signing key sealed under it), and when.
OWN_FIELDS = frozenset({"secret", "sign_secret", "updated_at"})
# The event's identity and its badges' key: never changed by a row from the hub.
FIXED_EVENT_FIELDS = ("code", "secret")
SEALED_PREFIX = "ek1:"
SCRYPT_N = 2 ** 14  # about 50 ms per sign-in: the password is argon2id-checked already
_AAD = b"bsm-desk operator signing key"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes | None:
    if not isinstance(text, str) or len(text) > 4_000:
        return None
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None


def new_key_pair() -> tuple[bytes, str]:
    """(private key, raw 32 bytes; public key, base64)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = Ed25519PrivateKey.generate()
    return private.private_bytes_raw(), _b64(private.public_key().public_bytes_raw())


def public_of(private: bytes) -> str:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return _b64(Ed25519PrivateKey.from_private_bytes(private).public_key().public_bytes_raw())


def _kek(password: str, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=SCRYPT_N, r=8, p=1).derive(
        password.encode("utf-8", "replace"))


def seal_key(private: bytes, password: str) -> str:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    sealed = AESGCM(_kek(password, salt)).encrypt(nonce, private, _AAD)
    return SEALED_PREFIX + _b64(salt + nonce + sealed)


def unseal_key(sealed: str, password: str) -> bytes | None:
    """The private key, or None (another password, a damaged or missing value)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not isinstance(sealed, str) or not sealed.startswith(SEALED_PREFIX):
        return None
    raw = _unb64(sealed[len(SEALED_PREFIX):])
    if raw is None or len(raw) < 16 + 12 + 16:
        return None
    try:
        return bytes(AESGCM(_kek(password, raw[:16])).decrypt(raw[16:28], raw[28:], _AAD))
    except InvalidTag:
        return None


def message(event_code: str, table: str, key: Sequence[Any], row_hash: str, at: str) -> bytes:
    """What a signature covers."""
    return json.dumps(["bsm-desk authority 1", event_code, table, list(key), row_hash, at],
                      ensure_ascii=False, separators=(",", ":")).encode()


def sign(private: bytes, signed: bytes) -> str:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return _b64(Ed25519PrivateKey.from_private_bytes(private).sign(signed))


def verifies(public: Any, signed: bytes, signature: Any) -> bool:
    """True only for a well-formed key and signature that match; False for anything
    else (never raises)."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    key, sig = _unb64(public), _unb64(signature)
    if key is None or sig is None or len(key) != 32 or len(sig) != 64:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(key).verify(sig, signed)
    except (InvalidSignature, ValueError):
        return False
    return True


def own_change(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> bool:
    """Whether ``after`` differs from ``before`` (an operator's row) only in the fields
    an operator may change alone."""
    if before is None or after is None or set(before) != set(after):
        return False
    return all(before[k] == after[k] for k in before if k not in OWN_FIELDS)
