"""Check-in: where a desk stands, and the one verdict each scan gets there.

Everything here is pure: the service reads what the store knows (the delegate, the
current badge version, earlier check-ins at this checkpoint) and asks :func:`decide`.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date, datetime

from bsm_desk.domain.badge_code import Checked, Outcome
from bsm_desk.domain.model import Category, DelegateStatus, Session, may_enter


class Kind(enum.StrEnum):
    OK = "OK"
    ALREADY = "ALREADY"
    NOT_ALLOWED = "NOT_ALLOWED"
    REVOKED = "REVOKED"
    CANCELLED = "CANCELLED"
    UNKNOWN = "UNKNOWN"
    FORGED = "FORGED"
    WRONG_EVENT = "WRONG_EVENT"


ENTRANCE = "entrance"
SESSION = "session"


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """The venue entrance on one day, or the door of one session."""

    id: str  # "entrance-2022-10-18" or "session-7": what desks and scripts name
    kind: str  # ENTRANCE or SESSION
    day: date
    session: Session | None = None
    readmit: bool = True  # a second scan is a welcome re-entry, not a refusal

    @staticmethod
    def entrance_id(day: date) -> str:
        return f"{ENTRANCE}-{day.isoformat()}"

    @staticmethod
    def session_id(session_id: int) -> str:
        return f"{SESSION}-{session_id}"


@dataclass(frozen=True, slots=True)
class Earlier:
    """An accepted check-in at the same checkpoint, for ALREADY's "when and where"."""

    at: datetime
    desk_id: str
    desk_name: str


@dataclass(frozen=True, slots=True)
class Person:
    """What the store knows of the delegate a code names."""

    delegate_id: int
    status: DelegateStatus
    merged: bool
    category: Category
    current_version: int
    replaced_at: datetime | None = None  # when the badge version after the scanned one came


@dataclass(frozen=True, slots=True)
class Decision:
    kind: Kind
    accepted: bool  # let in: the door opens
    delegate_id: int | None = None
    version: int | None = None
    earlier: Earlier | None = None  # ALREADY
    replaced_at: datetime | None = None  # REVOKED
    event_code: str | None = None  # WRONG_EVENT


def decide(checked: Checked, person: Person | None, checkpoint: Checkpoint,
           earlier: Earlier | None) -> Decision:
    """The verdict of one scan, most serious reason first."""
    if checked.outcome is Outcome.FORGED:
        return Decision(Kind.FORGED, False)
    if checked.outcome is Outcome.WRONG_EVENT:
        return Decision(Kind.WRONG_EVENT, False, event_code=checked.event_code)
    delegate_id, version = checked.delegate_id, checked.version
    if person is None or person.merged:
        return Decision(Kind.UNKNOWN, False, delegate_id, version)
    if version is not None and version < person.current_version:
        return Decision(Kind.REVOKED, False, delegate_id, version,
                        replaced_at=person.replaced_at)
    return decide_person(person, checkpoint, earlier, version)


def decide_person(person: Person, checkpoint: Checkpoint, earlier: Earlier | None,
                  version: int | None = None) -> Decision:
    """The verdict for a known delegate (a genuine current badge, or found by name)."""
    delegate_id = person.delegate_id
    version = version or person.current_version
    if person.status is DelegateStatus.CANCELLED:
        return Decision(Kind.CANCELLED, False, delegate_id, version)
    if checkpoint.session is not None and not may_enter(checkpoint.session, person.category):
        return Decision(Kind.NOT_ALLOWED, False, delegate_id, version)
    if earlier is not None:
        return Decision(Kind.ALREADY, checkpoint.readmit, delegate_id, version,
                        earlier=earlier)
    return Decision(Kind.OK, True, delegate_id, version)


# Scanners send codes; people type names. A name has letters, spaces, hyphens and
# apostrophes only; anything with a digit or a symbol is a code (or garbage, FORGED).
_NAME = re.compile(r"[^\W\d_]+(?:[\s'’.-]+[^\W\d_]+)*[\s.]*", re.UNICODE)


def looks_like_a_name(text: str) -> bool:
    return bool(_NAME.fullmatch(text.strip())) and len(text.strip()) <= 80


@dataclass(frozen=True, slots=True)
class CheckinRow:
    uuid: str
    checkpoint: str
    delegate_id: int | None
    badge_version: int | None
    verdict: str
    accepted: bool
    method: str
    code: str
    undoes: str | None
    reason: str
    at: datetime
    desk_id: str
    operator: str
    name: str = ""  # the delegate's Latin name, for lists
