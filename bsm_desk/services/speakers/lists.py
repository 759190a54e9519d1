"""The list of speakers of a session: inscribing, running it, and reading it back.

Every change is an append-only record (an inscription, or an event: start, pause,
resume, end, withdraw, move, close, reopen), written with its desk and operator in one
transaction; the list as shown — who spoke, who speaks, who is next — is derived from
them each time (domain.speakers holds the rules). So a desk that crashes mid-statement
reopens with the speaker still speaking and the right time spoken.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from bsm_desk.domain.checkin import Checkpoint
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.domain.model import DelegateStatus, ProtocolRank, Session, SessionKind
from bsm_desk.domain.speakers import (
    STATEMENT_LIMIT_S,
    Entry,
    EntryKind,
    EntryStatus,
    Mark,
    Move,
    Order,
    refusal,
    speaking_order,
    spoken_seconds,
    standing,
    time_limit,
)
from bsm_desk.services.operators import Acting, Permission, requires
from bsm_desk.store import atomic, journal
from bsm_desk.store import checkins as checkin_store
from bsm_desk.store import delegates as delegate_store
from bsm_desk.store import event as event_store
from bsm_desk.store import sessions as session_store
from bsm_desk.store import speakers as store

if TYPE_CHECKING:
    from sqlite_utils import Database

NO_SESSION = QT_TRANSLATE_NOOP("UserError", "There is no session #{id}.")
NO_DELEGATE = QT_TRANSLATE_NOOP("UserError", "There is no delegate #{id}.")
NO_ENTRY = QT_TRANSLATE_NOOP("UserError", "There is no waiting entry #{id} on this list.")
NOBODY_SPEAKS = QT_TRANSLATE_NOOP("UserError", "Nobody is speaking.")
BAD_ORDER = QT_TRANSLATE_NOOP("UserError", "“{order}” is not an order of speakers: protocol "
                                           "(by level, then inscription) or inscription.")
BAD_LEVEL = QT_TRANSLATE_NOOP("UserError", "“{level}” is not a level of representation.")
NOBODY_WAITS = QT_TRANSLATE_NOOP("UserError", "Nobody is waiting to speak.")
NOT_WITHDRAWN = QT_TRANSLATE_NOOP("UserError", "Entry #{id} has not been withdrawn.")
NEED_REASON = QT_TRANSLATE_NOOP("UserError", "Say why the entry is moved (--reason).")
NO_EVENT = QT_TRANSLATE_NOOP("UserError", "This database has no event.")
BAD_LIMIT = QT_TRANSLATE_NOOP(
    "UserError", "A statement's limit is from 0 (none) to {minutes} minutes.")
CANCELLED = QT_TRANSLATE_NOOP("UserError", "{name}'s registration is cancelled: they cannot "
                                           "be inscribed.")


class Refused(UserError):
    """An inscription the rules refuse; the chair may override it with a reason."""


@dataclass(frozen=True)
class Listed:
    """One entry as the list shows it."""

    id: int
    position: int  # in the whole list: who spoke, who speaks, then who waits, from 1
    delegate_id: int
    name: str
    delegation: str
    kind: EntryKind
    protocol_rank: str
    language: str
    status: EntryStatus
    inscribed_at: datetime
    started_at: datetime | None
    ended_at: datetime | None
    spoken_seconds: float
    limit_s: int
    override_reason: str = ""
    has_text: bool = False  # a written text was handed in for the interpreters
    cancelled: bool = False  # the registration was cancelled: skipped, shown struck out

    def as_dict(self, zone: tzinfo | None = None) -> dict[str, Any]:
        """For scripts; every time in ``zone`` (the venue's) when given."""
        def iso(at: datetime | None) -> str | None:
            return (at.astimezone(zone) if zone else at).isoformat() if at else None

        return {"id": self.id, "position": self.position, "delegate_id": self.delegate_id,
                "name": self.name, "delegation": self.delegation, "kind": self.kind.value,
                "protocol_rank": self.protocol_rank, "language": self.language,
                "status": self.status.value, "inscribed_at": iso(self.inscribed_at),
                "started_at": iso(self.started_at), "ended_at": iso(self.ended_at),
                "spoken_seconds": round(self.spoken_seconds, 1), "limit_seconds": self.limit_s,
                "has_text": self.has_text, "cancelled": self.cancelled}


@dataclass(frozen=True)
class SpeakerList:
    session: Session
    entries: list[Listed]
    closed_at: datetime | None
    order: Order = Order.PROTOCOL  # how its statements are ordered
    officials_after: ProtocolRank | None = None  # senior officials' place, if moved

    @property
    def current(self) -> Listed | None:
        return next((e for e in self.entries if e.status is EntryStatus.SPEAKING), None)

    def waiting(self) -> list[Listed]:
        """Who is still to speak, in order (a cancelled registration is skipped)."""
        return [e for e in self.entries if e.status is EntryStatus.WAITING
                and not e.cancelled]


MAX_LIMIT_S = 60 * 60


def default_statement_limit(session: Session) -> int:
    """Five minutes at thematic sessions by default; no limit elsewhere."""
    return STATEMENT_LIMIT_S if session.kind is SessionKind.THEMATIC else 0


def statement_limit(db: Database, session: Session) -> int:
    """The session's own limit if the chair set one, else the default (0: none)."""
    own = store.statement_limit(db, session.id or 0)
    return default_statement_limit(session) if own is None else own


@requires(Permission.EDIT_SPEAKERS)
def set_statement_limit(db: Database, session_id: int, seconds: int | None, *,
                        who: Acting) -> None:
    """Set the session's limit for statements (0: none; None: back to the default). It
    applies at once, to the statement under way too: the chair's word."""
    if seconds is not None and not 0 <= seconds <= MAX_LIMIT_S:
        raise UserError(BAD_LIMIT, minutes=MAX_LIMIT_S // 60)
    with atomic(db):
        _session(db, session_id)
        store.set_statement_limit(db, session_id, seconds)


def _session(db: Database, session_id: int) -> Session:
    found = next((s for s in session_store.list_sessions(db) if s.id == session_id), None)
    if found is None:
        raise UserError(NO_SESSION, id=session_id)
    return found


def speaker_list(db: Database, session_id: int, *, lang: str = "en",
                 now: datetime | None = None) -> SpeakerList:
    session = _session(db, session_id)
    now = now or datetime.now(UTC)
    stored = store.entries(db, session_id, lang)
    marks: dict[int, list[tuple[Mark, datetime]]] = {e.id: [] for e in stored}
    withdrawn: set[int] = set()
    moves: list[Move] = []
    closed_at: datetime | None = None
    order_rule = Order.PROTOCOL
    officials_after: ProtocolRank | None = None
    for event in store.events(db, session_id):
        if event.what in Mark.__members__.values() and event.entry_id in marks:
            marks[event.entry_id].append((Mark(event.what), event.at))
        elif event.what == "withdraw" and event.entry_id is not None:
            withdrawn.add(event.entry_id)
        elif event.what == "reinstate" and event.entry_id is not None:
            withdrawn.discard(event.entry_id)
        elif event.what == "move" and event.entry_id is not None and event.position:
            moves.append(Move(event.entry_id, event.position))
        elif event.what == "close":
            closed_at = event.at
        elif event.what == "reopen":
            closed_at = None
        elif event.what == "order" and event.reason in Order.__members__.values():
            order_rule = Order(event.reason)
        elif event.what == "officials":
            officials_after = ProtocolRank(event.reason) if event.reason in \
                ProtocolRank.__members__.values() else None

    def status(entry_id: int) -> EntryStatus:
        done = {m for m, _ in marks[entry_id]}
        if entry_id in withdrawn:
            return EntryStatus.WITHDRAWN
        if Mark.END in done:
            return EntryStatus.DONE
        return EntryStatus.SPEAKING if Mark.START in done else EntryStatus.WAITING

    domain = {e.id: Entry(e.id, e.delegate_id, e.delegation_id,
                          standing(e.delegation_type, e.observer), e.rank, e.kind,
                          e.inscribed_at, status(e.id)) for e in stored}
    spoke = sorted((e for e in domain.values()
                    if e.status in (EntryStatus.DONE, EntryStatus.SPEAKING)),
                   key=lambda e: (e.status is EntryStatus.SPEAKING,
                                  min((at for m, at in marks[e.id] if m is Mark.START),
                                      default=e.inscribed_at)))
    cancelled = {e.id for e in stored if e.cancelled}
    order = spoke + speaking_order([e for e in domain.values() if e.id not in cancelled],
                                   moves, order_rule, officials_after) + [
        e for e in domain.values() if e.status is EntryStatus.WITHDRAWN
        or (e.id in cancelled and e.status is EntryStatus.WAITING)]
    replies: dict[int, int] = {}
    listed = []
    by_id = {e.id: e for e in stored}
    limit_s = statement_limit(db, session)
    texts = store.with_text(db, session_id)
    for position, entry in enumerate(order, start=1):
        row = by_id[entry.id]
        reply_number = 1
        if row.kind is EntryKind.REPLY:
            replies[row.delegation_id] = replies.get(row.delegation_id, 0) + 1
            reply_number = replies[row.delegation_id]
        starts = [at for m, at in marks[entry.id] if m is Mark.START]
        ends = [at for m, at in marks[entry.id] if m is Mark.END]
        listed.append(Listed(
            row.id, position, row.delegate_id, row.name, row.delegation, row.kind,
            row.rank.value, row.language, entry.status, row.inscribed_at,
            starts[0] if starts else None, ends[-1] if ends else None,
            spoken_seconds(marks[entry.id], now),
            time_limit(row.kind, statement_limit_s=limit_s,
                       reply_number=reply_number), row.override_reason,
            row.id in texts, row.cancelled))
    return SpeakerList(session, listed, closed_at, order_rule, officials_after)


def _checked_in(db: Database, session: Session, delegate_id: int, zone: Any) -> bool:
    points = (Checkpoint.entrance_id(session.local_day(zone)), Checkpoint.session_id(
        session.id or 0))
    return any(checkin_store.first_standing(db, point, delegate_id) for point in points)


@requires(Permission.EDIT_SPEAKERS)
def inscribe(db: Database, session_id: int, delegate_id: int, *,
             kind: EntryKind = EntryKind.STATEMENT, language: str = "en",
             override: str = "", who: Acting, lang: str = "en",
             now: datetime | None = None) -> Listed:
    """Put a delegate on the list for their delegation. Refused (:class:`Refused`) when
    the rules say no, unless ``override`` gives the chair's reason, which is recorded."""
    now = now or datetime.now(UTC)
    event = event_store.required(db, NO_EVENT)
    with atomic(db):  # the checks and the inscription see the same list
        session = _session(db, session_id)
        person = delegate_store.get_delegate(db, delegate_id)
        if person is None or person.merged_into is not None:
            raise UserError(NO_DELEGATE, id=delegate_id)
        if person.status is DelegateStatus.CANCELLED:  # no override: nobody is there
            raise UserError(CANCELLED, name=person.latin_name)
        current = speaker_list(db, session_id, lang=lang, now=now)
        live = [e for e in current.entries if e.status is not EntryStatus.WITHDRAWN]
        theirs = [e for e in live if _delegation_of(db, e.delegate_id) == person.delegation_id]
        closed = current.closed_at.astimezone(event.zone).strftime("%H:%M") \
            if current.closed_at else None
        problem = refusal(
            kind, checked_in=_checked_in(db, session, delegate_id, event.zone),
            closed_at=closed,
            statements=sum(e.kind is EntryKind.STATEMENT for e in theirs),
            replies=sum(e.kind is EntryKind.REPLY for e in theirs),
            name=person.latin_name, delegation=_delegation_name(db, person.delegation_id))
        if problem is not None and not override.strip():
            raise Refused(problem.template, **problem.fields)
        entry_id = store.add_entry(db, session_id=session_id, delegate_id=delegate_id,
                                   kind=kind, language=language, at=now,
                                   override_reason=override.strip() if problem else "",
                                   desk_id=who.desk_id, operator=who.name)
        journal.record(db, desk_id=who.desk_id, operator=who.name, action="speakers.inscribed",
                       subject=str(session_id),
                       detail={"entry": entry_id, "delegate": delegate_id, "kind": kind.value,
                               "override": override.strip() if problem else ""})
    return _entry(db, session_id, entry_id, lang, now)


def _delegation_of(db: Database, delegate_id: int) -> int:
    row = db.execute("SELECT delegation_id FROM delegate WHERE id = ?", [delegate_id]).fetchone()
    return int(row[0]) if row else 0


def _delegation_name(db: Database, delegation_id: int) -> str:
    row = db.execute("SELECT name_en, name_ru FROM delegation WHERE id = ?",
                     [delegation_id]).fetchone()
    return str(row[0] or row[1]) if row else ""


def _entry(db: Database, session_id: int, entry_id: int, lang: str,
           now: datetime) -> Listed:
    return next(e for e in speaker_list(db, session_id, lang=lang, now=now).entries
                if e.id == entry_id)


def _record(db: Database, session_id: int, what: str, *, who: Acting, now: datetime,
            entry_id: int | None = None, position: int | None = None, reason: str = "") -> None:
    store.add_event(db, session_id=session_id, what=what, at=now, desk_id=who.desk_id,
                    operator=who.name, entry_id=entry_id, position=position, reason=reason)


@requires(Permission.EDIT_SPEAKERS)
def close(db: Database, session_id: int, *, who: Acting, now: datetime | None = None) -> None:
    """No new statements from now on (points of order and replies are still taken)."""
    with atomic(db):
        _session(db, session_id)
        _record(db, session_id, "close", now=now or datetime.now(UTC), who=who)


@requires(Permission.EDIT_SPEAKERS)
def set_order(db: Database, session_id: int, order: Order | str, *, who: Acting,
              now: datetime | None = None) -> None:
    """How the session's statements are ordered from now on: by level of representation
    then inscription (``protocol``, the default) or by inscription alone. Recorded, and
    moves made by hand stay where they were put."""
    try:
        rule = Order(order)
    except ValueError as exc:
        raise UserError(BAD_ORDER, order=str(order)[:40]) from exc
    with atomic(db):
        _session(db, session_id)
        _record(db, session_id, "order", now=now or datetime.now(UTC), reason=rule.value, who=who)


@requires(Permission.EDIT_SPEAKERS)
def set_officials_place(db: Database, session_id: int, after: ProtocolRank | str | None, *,
                        who: Acting, now: datetime | None = None) -> None:
    """Where heads of organisations and senior UN officials speak among the levels: just
    after ``after`` (say ``head_of_government``, as a Secretary-General at an opening),
    or, with None, where the table has them. Recorded as a step of the list."""
    try:
        level = ProtocolRank(after) if after is not None else None
    except ValueError as exc:
        raise UserError(BAD_LEVEL, level=str(after)[:40]) from exc
    with atomic(db):
        _session(db, session_id)
        _record(db, session_id, "officials", now=now or datetime.now(UTC),
                reason=level.value if level else "", who=who)


@requires(Permission.EDIT_SPEAKERS)
def reopen(db: Database, session_id: int, *, who: Acting, now: datetime | None = None) -> None:
    with atomic(db):
        _session(db, session_id)
        _record(db, session_id, "reopen", now=now or datetime.now(UTC), who=who)


@requires(Permission.EDIT_SPEAKERS)
def end(db: Database, session_id: int, *, who: Acting, lang: str = "en",
        now: datetime | None = None) -> Listed:
    """The current speaker ends; returns them."""
    now = now or datetime.now(UTC)
    with atomic(db):
        current = speaker_list(db, session_id, lang=lang, now=now).current
        if current is None:
            raise UserError(NOBODY_SPEAKS)
        _record(db, session_id, Mark.END.value, now=now, entry_id=current.id, who=who)
    return _entry(db, session_id, current.id, lang, now)


@requires(Permission.EDIT_SPEAKERS)
def next_speaker(db: Database, session_id: int, *, who: Acting, lang: str = "en",
                 now: datetime | None = None) -> Listed:
    """End the current statement (if any) and start the next one; returns it."""
    now = now or datetime.now(UTC)
    with atomic(db):
        listed = speaker_list(db, session_id, lang=lang, now=now)
        if listed.current is not None:
            _record(db, session_id, Mark.END.value, now=now, entry_id=listed.current.id, who=who)
        waiting = listed.waiting()
        if not waiting:
            raise UserError(NOBODY_WAITS)
        _record(db, session_id, Mark.START.value, now=now, entry_id=waiting[0].id, who=who)
    return _entry(db, session_id, waiting[0].id, lang, now)


@requires(Permission.EDIT_SPEAKERS)
def pause(db: Database, session_id: int, *, resume: bool = False, who: Acting,
          now: datetime | None = None) -> None:
    """Pause the current speaker's time (or, with ``resume``, let it run again)."""
    now = now or datetime.now(UTC)
    with atomic(db):
        current = speaker_list(db, session_id, now=now).current
        if current is None:
            raise UserError(NOBODY_SPEAKS)
        _record(db, session_id, (Mark.RESUME if resume else Mark.PAUSE).value, now=now,
                entry_id=current.id, who=who)


@requires(Permission.EDIT_SPEAKERS)
def move(db: Database, session_id: int, entry_id: int, position: int, reason: str, *,
         who: Acting, now: datetime | None = None) -> None:
    """Put a waiting entry at ``position`` among those waiting (1: next), with a reason."""
    if not reason.strip():
        raise UserError(NEED_REASON)
    with atomic(db):
        _waiting(db, session_id, entry_id)
        _record(db, session_id, "move", now=now or datetime.now(UTC), entry_id=entry_id,
                position=max(1, position), reason=reason.strip(), who=who)


@requires(Permission.EDIT_SPEAKERS)
def withdraw(db: Database, session_id: int, entry_id: int, *, who: Acting,
             now: datetime | None = None) -> None:
    with atomic(db):
        _waiting(db, session_id, entry_id)
        _record(db, session_id, "withdraw", now=now or datetime.now(UTC), entry_id=entry_id,
                who=who)


@requires(Permission.EDIT_SPEAKERS)
def reinstate(db: Database, session_id: int, entry_id: int, *, who: Acting,
              now: datetime | None = None) -> None:
    """Put a withdrawn entry back on the list (the withdrawal stays on the record): how a
    withdrawal by mistake is undone."""
    with atomic(db):
        found = next((e for e in speaker_list(db, session_id).entries if e.id == entry_id),
                     None)
        if found is None or found.status is not EntryStatus.WITHDRAWN:
            raise UserError(NOT_WITHDRAWN, id=entry_id)
        _record(db, session_id, "reinstate", now=now or datetime.now(UTC), entry_id=entry_id,
                who=who)


def _waiting(db: Database, session_id: int, entry_id: int) -> Listed:
    found = next((e for e in speaker_list(db, session_id).waiting() if e.id == entry_id), None)
    if found is None:
        raise UserError(NO_ENTRY, id=entry_id)
    return found


__all__ = ["Listed", "Refused", "SpeakerList", "close", "end", "inscribe", "move",
           "next_speaker", "pause", "reinstate", "reopen", "set_statement_limit",
           "speaker_list", "statement_limit", "withdraw"]

