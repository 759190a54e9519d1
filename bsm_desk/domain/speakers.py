"""The list of speakers' rules, without a database: who speaks in which order, who may
be inscribed, how long each may speak, and how long someone has spoken.

The order of a UN-style list: a point of order goes first (after the current speaker and
earlier points of order, first come first served); then the statements — Member States,
then observer States, then international organizations, then civil society and others,
within each by protocol rank, then by time of inscription; then the rights of reply, in
the order asked. The secretariat may move an entry by hand: moves are applied, in the
order they were made, to that natural order.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP
from bsm_desk.domain.model import DelegationType, ProtocolRank


class EntryKind(enum.StrEnum):
    STATEMENT = "statement"
    POINT_OF_ORDER = "point_of_order"
    REPLY = "reply"  # a right of reply


class EntryStatus(enum.StrEnum):
    WAITING = "waiting"
    SPEAKING = "speaking"
    DONE = "done"
    WITHDRAWN = "withdrawn"


class Standing(enum.IntEnum):
    """Where a delegation's statements come in the list, first to last."""

    MEMBER_STATE = 0
    OBSERVER_STATE = 1
    ORGANIZATION = 2
    OTHERS = 3  # civil society and anyone else


def standing(kind: DelegationType, observer: bool = False) -> Standing:
    """A delegation's standing; ``observer`` marks a State attending as an observer."""
    if kind is DelegationType.MEMBER_STATE:
        return Standing.OBSERVER_STATE if observer else Standing.MEMBER_STATE
    if kind is DelegationType.INTERNATIONAL_ORGANIZATION:
        return Standing.ORGANIZATION
    return Standing.OTHERS


RANK_ORDER = {rank: index for index, rank in enumerate(ProtocolRank)}  # highest first


def rank_order(officials_after: ProtocolRank | None = None) -> dict[ProtocolRank, int]:
    """The levels' order, with heads of organisations and senior UN officials moved to
    just after ``officials_after`` (where the event's protocol puts them; None: where
    the table has them, between heads of national agencies and ambassadors)."""
    if officials_after is None or officials_after is ProtocolRank.SENIOR_OFFICIAL:
        return RANK_ORDER
    levels: list[ProtocolRank] = [r for r in ProtocolRank
                                  if r is not ProtocolRank.SENIOR_OFFICIAL]
    levels.insert(levels.index(officials_after) + 1, ProtocolRank.SENIOR_OFFICIAL)
    return {rank: index for index, rank in enumerate(levels)}


@dataclass(frozen=True)
class Entry:
    id: int
    delegate_id: int
    delegation_id: int
    standing: Standing
    rank: ProtocolRank
    kind: EntryKind
    inscribed_at: datetime
    status: EntryStatus = EntryStatus.WAITING


@dataclass(frozen=True)
class Move:
    """The secretariat put ``entry_id`` at ``position`` (1 = next after the speaker)."""

    entry_id: int
    position: int


class Order(enum.StrEnum):
    """How a session's statements are ordered: by level of representation, then time
    of inscription (the General Assembly's way, the default), or by inscription alone
    (expert sessions)."""

    PROTOCOL = "protocol"
    INSCRIPTION = "inscription"


def _natural_key(entry: Entry, order: Order = Order.PROTOCOL,
                 ranks: dict[ProtocolRank, int] = RANK_ORDER
                 ) -> tuple[int, int, int, datetime, int]:
    if entry.kind is EntryKind.POINT_OF_ORDER:
        return (0, 0, 0, entry.inscribed_at, entry.id)
    if entry.kind is EntryKind.REPLY:
        return (2, 0, 0, entry.inscribed_at, entry.id)
    if order is Order.INSCRIPTION:
        return (1, 0, 0, entry.inscribed_at, entry.id)
    return (1, int(entry.standing), ranks[entry.rank], entry.inscribed_at, entry.id)


def speaking_order(entries: Iterable[Entry], moves: Sequence[Move] = (),
                   order: Order = Order.PROTOCOL,
                   officials_after: ProtocolRank | None = None) -> list[Entry]:
    """The entries still to speak (waiting), in the order they will be called. Points of
    order stay ahead of every statement, even where a move would put one behind."""
    ranks = rank_order(officials_after)
    waiting = sorted((e for e in entries if e.status is EntryStatus.WAITING),
                     key=lambda e: _natural_key(e, order, ranks))
    for move in moves:
        found = next((e for e in waiting if e.id == move.entry_id), None)
        if found is None:  # spoke or withdrew since
            continue
        waiting.remove(found)
        waiting.insert(max(0, min(len(waiting), move.position - 1)), found)
    points = [e for e in waiting if e.kind is EntryKind.POINT_OF_ORDER]
    return points + [e for e in waiting if e.kind is not EntryKind.POINT_OF_ORDER]


# --- who may be inscribed -------------------------------------------------------------

NOT_CHECKED_IN = QT_TRANSLATE_NOOP(
    "Speakers", "{name} has not been checked in today (at the entrance or at this "
    "session's door).")
SECOND_STATEMENT = QT_TRANSLATE_NOOP(
    "Speakers", "{delegation} already has a statement on this list.")
LIST_CLOSED = QT_TRANSLATE_NOOP(
    "Speakers", "The list of speakers was closed at {closed}: no new statements (points "
    "of order and rights of reply are still taken).")
TOO_MANY_REPLIES = QT_TRANSLATE_NOOP(
    "Speakers", "{delegation} has used its two rights of reply in this session.")

MAX_REPLIES = 2


@dataclass(frozen=True)
class Refusal:
    template: str  # one of the messages above, with its fields below
    fields: dict[str, str]


def refusal(kind: EntryKind, *, checked_in: bool, closed_at: str | None,
            statements: int, replies: int, name: str, delegation: str) -> Refusal | None:
    """Why this inscription is refused (the chair may override it, with a reason), or
    None. ``statements`` and ``replies`` are the delegation's live entries on this list."""
    if not checked_in:
        return Refusal(NOT_CHECKED_IN, {"name": name})
    if kind is EntryKind.STATEMENT:
        if closed_at is not None:
            return Refusal(LIST_CLOSED, {"closed": closed_at})
        if statements:
            return Refusal(SECOND_STATEMENT, {"delegation": delegation})
    if kind is EntryKind.REPLY and replies >= MAX_REPLIES:
        return Refusal(TOO_MANY_REPLIES, {"delegation": delegation})
    return None


# --- time -------------------------------------------------------------------------

REPLY_LIMITS_S = (600, 300)  # a delegation's first right of reply, then its second
POINT_OF_ORDER_LIMIT_S = 120
STATEMENT_LIMIT_S = 300  # the default at thematic sessions; 0 means no limit


def time_limit(kind: EntryKind, *, statement_limit_s: int = STATEMENT_LIMIT_S,
               reply_number: int = 1, point_of_order_limit_s: int = POINT_OF_ORDER_LIMIT_S,
               reply_limits_s: Sequence[int] = REPLY_LIMITS_S) -> int:
    """Seconds this entry may speak (0: no limit); ``reply_number`` counts the
    delegation's rights of reply in the session, from 1."""
    if kind is EntryKind.POINT_OF_ORDER:
        return point_of_order_limit_s
    if kind is EntryKind.REPLY:
        return reply_limits_s[min(max(reply_number, 1), len(reply_limits_s)) - 1]
    return statement_limit_s


class Clock(enum.StrEnum):
    """How a countdown looks."""

    RUNNING = "running"
    ENDING = "ending"  # the last 30 seconds: amber
    OVER = "over"  # past the limit: red, counting up
    NONE = "none"  # no limit: the time spoken, counting up


ENDING_S = 30


def countdown(limit_s: int, spoken_s: float) -> tuple[Clock, float]:
    """The countdown's state and the seconds it shows (left, or over, or spoken)."""
    if limit_s <= 0:
        return Clock.NONE, spoken_s
    left = limit_s - spoken_s
    if left < 0:
        return Clock.OVER, -left
    return (Clock.ENDING if left <= ENDING_S else Clock.RUNNING), left


class Mark(enum.StrEnum):
    """What happened to a statement, as recorded (append-only)."""

    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    END = "end"


def spoken_seconds(marks: Sequence[tuple[Mark, datetime]], now: datetime) -> float:
    """The time spoken from the recorded marks: running from each start or resume to the
    next pause or end (or to ``now``, while still speaking). It is read from the record,
    so a desk that restarts mid-statement shows the right time at once."""
    total = 0.0
    running_since: datetime | None = None
    for mark, at in sorted(marks, key=lambda m: m[1]):
        if mark in (Mark.START, Mark.RESUME) and running_since is None:
            running_since = at
        elif mark in (Mark.PAUSE, Mark.END) and running_since is not None:
            total += (at - running_since).total_seconds()
            running_since = None
    if running_since is not None:
        total += max(0.0, (now - running_since).total_seconds())
    return total
