"""The signed text inside a badge's QR code, and checking it offline.

A code reads ``B1-BSM22-417-2-K7Q3M2XW4HDPZ5RA``: the format tag, the event code,
the delegate id, the badge version and a MAC. The MAC is HMAC-SHA256 over
everything before it, keyed with the event's secret, truncated to 80 bits and
written in RFC 4648 base32 (16 letters and digits, no padding).

Every character is in the QR alphanumeric set (digits, capitals, ``-``), so a
code for up to a million delegates fits a version 2 symbol at ECC level M.
The separator is ``-`` and letters are capitals because a barcode scanner types
like a keyboard: ``-`` and the digits sit on the same keys in the English and
the Russian layout, and the letters a scanner types into a Russian layout come
back to Latin through :func:`normalize` (pressed keys, not characters, are what
the scanner sends).

Whether a genuine version is still the current one is the store's business: the
code knows its own version, the database knows the latest.
"""

from __future__ import annotations

import base64
import enum
import hashlib
import hmac
import re
from dataclasses import dataclass

FORMAT = "B1"
MAC_BITS = 80
_MAC_BYTES = MAC_BITS // 8
_MAC_CHARS = 16  # base32 of 10 bytes, no padding
_EVENT_CODE = re.compile(r"[A-Z0-9]{1,12}")
_CODE = re.compile(
    rf"{FORMAT}-(?P<event>[A-Z0-9]{{1,12}})-(?P<id>[1-9][0-9]{{0,9}})"
    rf"-(?P<version>[1-9][0-9]{{0,3}})-(?P<mac>[A-Z2-7]{{{_MAC_CHARS}}})"
)

# What a scanner configured for a US keyboard types when the desk's layout is Russian
# (ЙЦУКЕН): each Cyrillic letter is put back on the Latin letter of the same key.
_RU_KEYS = "йцукенгшщзфывапролдячсмить"
_US_KEYS = "qwertyuiopasdfghjklzxcvbnm"
_LAYOUT = str.maketrans(_RU_KEYS + _RU_KEYS.upper(), _US_KEYS + _US_KEYS.upper())


class Outcome(enum.StrEnum):
    VALID = "valid"
    FORGED = "forged"  # malformed, or the MAC does not match
    WRONG_EVENT = "wrong_event"  # well formed, but for another event


@dataclass(frozen=True, slots=True)
class Checked:
    outcome: Outcome
    delegate_id: int | None = None
    version: int | None = None
    event_code: str | None = None  # the event the code names, for a WRONG_EVENT message

    @property
    def valid(self) -> bool:
        return self.outcome is Outcome.VALID


def valid_event_code(code: str) -> bool:
    return bool(_EVENT_CODE.fullmatch(code))


def _mac(secret: bytes, body: str) -> str:
    digest = hmac.new(secret, body.encode("ascii"), hashlib.sha256).digest()[:_MAC_BYTES]
    return base64.b32encode(digest).decode("ascii")


def make(event_code: str, secret: bytes, delegate_id: int, version: int) -> str:
    """The code for one badge."""
    if not valid_event_code(event_code):
        raise ValueError(f"event code {event_code!r} is not 1-12 capitals and digits")
    if not secret:
        raise ValueError("an event secret is needed to sign badges")
    if delegate_id < 1 or not 1 <= version <= 9999:
        raise ValueError("delegate id and version must be positive")
    body = f"{FORMAT}-{event_code}-{delegate_id}-{version}"
    return f"{body}-{_mac(secret, body)}"


def normalize(scanned: str) -> str:
    """The code as the badge carries it, from what a scanner or a person typed."""
    return scanned.strip().translate(_LAYOUT).upper()


def verify(scanned: str, event_code: str, secret: bytes) -> Checked:
    """Check a scanned code against this event: pure, offline, constant-time MAC compare."""
    match = _CODE.fullmatch(normalize(scanned))
    if match is None:
        return Checked(Outcome.FORGED)
    if match["event"] != event_code:
        return Checked(Outcome.WRONG_EVENT, event_code=match["event"])
    body = normalize(scanned)[: match.start("mac") - 1]
    if not hmac.compare_digest(_mac(secret, body), match["mac"]):
        return Checked(Outcome.FORGED)
    return Checked(Outcome.VALID, int(match["id"]), int(match["version"]), match["event"])
