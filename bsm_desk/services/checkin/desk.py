"""Check-in at a desk: one service call per scan, the verdict durable before it is shown.

    desk = Desk.open(db, "entrance-2022-10-18", who=operators.acting_at(db, settings))
    verdict = desk.scan("B1-BSM22-417-2-K7Q3...")   # verify, look up, decide, append, commit

A :class:`Desk` keeps what does not change between scans (the event's code and
secret, the checkpoint and its rule), so a scan costs a handful of indexed reads,
one insert and one commit. ``synchronous=FULL`` makes that commit survive a power
cut: a green screen is a check-in that is on disk.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from bsm_desk.domain import badge_code
from bsm_desk.domain.checkin import (
    ENTRANCE,
    SESSION,
    CheckinRow,
    Checkpoint,
    Decision,
    Earlier,
    Kind,
    Person,
    decide,
    decide_person,
)
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.domain.model import Category, DelegateStatus, Event, may_enter
from bsm_desk.services.operators import Acting, Permission, require, requires
from bsm_desk.store import atomic, journal
from bsm_desk.store import categories as category_store
from bsm_desk.store import checkins as store
from bsm_desk.store import event as event_store
from bsm_desk.store import sessions as session_store
from bsm_desk.store.db import patience

if TYPE_CHECKING:
    from sqlite_utils import Database

NO_EVENT = QT_TRANSLATE_NOOP("UserError", "This database has no event to check in to.")
NO_CHECKPOINT = QT_TRANSLATE_NOOP(
    "UserError", "There is no checkpoint {id}. See the list: bsm-desk checkpoints --db PATH")
NO_DELEGATE = QT_TRANSLATE_NOOP("UserError", "There is no delegate #{id}.")
NOTHING_TO_UNDO = QT_TRANSLATE_NOOP(
    "UserError", "This desk has no check-in at this checkpoint to undo.")


# --- checkpoints -------------------------------------------------------------------

def checkpoints(db: Database) -> list[Checkpoint]:
    """The entrance of each day, then the door of each session, in time order."""
    event = _event(db)
    rules = store.readmit_rules(db)
    found = [Checkpoint(Checkpoint.entrance_id(day), ENTRANCE, day,
                        readmit=rules.get(Checkpoint.entrance_id(day), True))
             for day in event.dates()]
    for session in session_store.list_sessions(db):
        assert session.id is not None
        key = Checkpoint.session_id(session.id)
        found.append(Checkpoint(key, SESSION, session.local_day(event.zone), session,
                                readmit=rules.get(key, False)))
    return found


def checkpoint(db: Database, checkpoint_id: str) -> Checkpoint:
    for candidate in checkpoints(db):
        if candidate.id == checkpoint_id:
            return candidate
    raise UserError(NO_CHECKPOINT, id=checkpoint_id)


def not_today(point: Checkpoint, zone: tzinfo, now: datetime | None = None) -> date | None:
    """Today's date at the venue when ``point`` is another day's (a desk left on
    yesterday's entrance, or set to tomorrow's); None when it is today's."""
    today = (now or datetime.now(UTC)).astimezone(zone).date()
    return None if point.day == today else today


def default_checkpoint(db: Database, today: datetime | None = None) -> Checkpoint:
    """Today's entrance during the event, else the first day's."""
    event = _event(db)
    day = (today or datetime.now(UTC)).astimezone(event.zone).date()
    if day not in event.dates():
        day = event.start_date
    return checkpoint(db, Checkpoint.entrance_id(day))


@requires(Permission.PROGRAMME)
def set_readmit(db: Database, checkpoint_id: str, readmit: bool, *, who: Acting) -> None:
    checkpoint(db, checkpoint_id)
    with atomic(db):
        store.set_readmit(db, checkpoint_id, readmit)
        journal.record(db, desk_id=who.desk_id, operator=who.name, action="checkpoint.readmit",
                       subject=checkpoint_id, detail={"readmit": readmit})


@requires(Permission.PROGRAMME)
def set_access(db: Database, session_id: int, category_ids: list[int], *, who: Acting) -> None:
    """The categories that may enter a session (empty: the kind's default rule)."""
    with atomic(db):
        session_store.set_access(db, session_id, category_ids)
        journal.record(db, desk_id=who.desk_id, operator=who.name, action="session.access",
                       subject=str(session_id), detail={"categories": category_ids})


def _event(db: Database) -> Event:
    return event_store.required(db, NO_EVENT)


# --- verdicts ----------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Verdict:
    """A scan's verdict, with what the screen shows of the person."""

    kind: Kind
    accepted: bool
    checkpoint: str
    at: datetime
    uuid: str
    code: str = ""
    method: str = "scan"
    delegate_id: int | None = None
    version: int | None = None
    name_latin: str = ""
    name_cyrillic: str = ""
    delegation_en: str = ""
    delegation_ru: str = ""
    category_en: str = ""
    category_ru: str = ""
    colour: str = ""
    photo: bytes | None = field(default=None, repr=False)
    badge_printed: bool = True
    earlier: Earlier | None = None
    replaced_at: datetime | None = None
    event_code: str | None = None

    @property
    def outcome(self) -> str:
        """The verdict in one word, as the window shows it: a second scan where re-entry
        is welcome is WELCOME_BACK (accepted), where it is not ALREADY (refused)."""
        if self.kind is Kind.ALREADY and self.accepted:
            return "WELCOME_BACK"
        return self.kind.value

    def as_dict(self, zone: tzinfo | None = None) -> dict[str, Any]:
        """For scripts; times in ``zone`` (the venue's) when given, else UTC."""
        def when(at: datetime | None) -> str | None:
            return None if at is None else (at.astimezone(zone) if zone else at).isoformat()

        return {"verdict": self.kind.value, "outcome": self.outcome,
                "accepted": self.accepted,
                "delegate_id": self.delegate_id, "name": self.name_latin,
                "name_cyrillic": self.name_cyrillic, "badge_version": self.version,
                "checkpoint": self.checkpoint, "at": when(self.at),
                "earlier_at": when(self.earlier.at if self.earlier else None),
                "replaced_at": when(self.replaced_at)}


# Everything a verdict needs of one delegate, in one indexed read.
_PERSON_SQL = """
SELECT d.id, d.status, d.merged_into IS NOT NULL, d.category_id, v.version,
       d.family_name, d.given_name, d.family_name_cyr, d.given_name_cyr,
       g.name_en, g.name_ru,
       EXISTS (SELECT 1 FROM badge_print p WHERE p.delegate_id = d.id
               AND p.version = v.version),
       (SELECT image FROM delegate_photo f WHERE f.delegate_id = d.id)
FROM delegate d JOIN delegation g ON g.id = d.delegation_id,
     (SELECT COALESCE(MAX(version), 1) AS version FROM badge_issue
      WHERE delegate_id = :id) v
WHERE d.id = :id
"""


@dataclass
class Desk:
    """A desk standing at one checkpoint."""

    db: Database
    event: Event
    checkpoint: Checkpoint
    categories: dict[int, Category]
    # Who scans: checked at every scan. An operator may switch at an open desk: the window
    # gives the desk who acts now before each scan (operators.acting_at).
    who: Acting
    # Figures kept up to date scan by scan: counting a million check-ins at every scan
    # would cost more than the scan itself. None: to be counted again.
    _standing: dict[int, int] | None = None
    _expected: dict[int, int] | None = None
    # How long a scan waits for another program's lock before DatabaseBusy (None: the
    # connection's busy timeout). The window waits briefly and retries on a timer.
    lock_wait_ms: int | None = None

    @classmethod
    def open(cls, db: Database, checkpoint_id: str, *, who: Acting) -> Desk:
        # Copying the WAL back into the database (a checkpoint) costs a few
        # milliseconds; left to SQLite it lands on whichever commit fills the WAL,
        # so on a scan now and then. The desk checkpoints when it is quiet instead.
        db.execute("PRAGMA wal_autocheckpoint = 0")
        return cls(db, _event(db), checkpoint(db, checkpoint_id),
                   {c.id: c for c in category_store.list_categories(db) if c.id is not None},
                   who)

    def idle(self) -> None:
        """Between scans: move the WAL into the database without blocking anyone."""
        self.db.execute("PRAGMA wal_checkpoint(PASSIVE)")

    # The way of a scan: verify, look up, decide, append, commit. The earlier check-in
    # is read inside the write transaction (BEGIN IMMEDIATE), so two desks at one door
    # cannot both see "not yet" and both admit the same badge.
    def scan(self, code: str, *, method: str = "scan", now: datetime | None = None) -> Verdict:
        """One scan. Raises :class:`DatabaseBusy` when another program holds the lock past
        the busy timeout: nothing was recorded, and the same call (with the same ``now``)
        may be made again."""
        require(self.db, self.who, Permission.CHECK_IN)
        at = now or datetime.now(UTC)
        checked = badge_code.verify(code, self.event.code, self.event.secret)
        with patience(self.db, self.lock_wait_ms), atomic(self.db):
            row = person = earlier = None
            if checked.valid and checked.delegate_id is not None:
                row, person = self._person(checked.delegate_id, checked.version)
                if person is not None:
                    earlier = store.first_standing(self.db, self.checkpoint.id,
                                                   person.delegate_id)
            decision = decide(checked, person, self.checkpoint, earlier)
            entry = self._append(decision, row, code.strip(), method, at)
        return self._verdict(decision, row, entry, code.strip(), method, at)

    def admit(self, delegate_id: int, *, method: str = "search",
              now: datetime | None = None) -> Verdict:
        """Check in a delegate found by name (no badge scanned)."""
        require(self.db, self.who, Permission.CHECK_IN)
        at = now or datetime.now(UTC)
        with patience(self.db, self.lock_wait_ms), atomic(self.db):
            row, person = self._person(delegate_id, None)
            if person is None or person.merged:
                raise UserError(NO_DELEGATE, id=delegate_id)
            earlier = store.first_standing(self.db, self.checkpoint.id, delegate_id)
            decision = decide_person(person, self.checkpoint, earlier)
            entry = self._append(decision, row, "", method, at)
        return self._verdict(decision, row, entry, "", method, at)

    def _person(self, delegate_id: int, version: int | None
                ) -> tuple[tuple[Any, ...] | None, Person | None]:
        row = self.db.execute(_PERSON_SQL, {"id": delegate_id}).fetchone()
        if row is None:
            return None, None
        current = int(row[4])
        replaced_at = None
        if version is not None and version < current:
            found = self.db.execute(
                "SELECT at FROM badge_issue WHERE delegate_id = ? AND version = ?",
                [delegate_id, version + 1]).fetchone()
            replaced_at = datetime.fromisoformat(found[0]) if found else None
        return row, Person(row[0], DelegateStatus(row[1]), bool(row[2]),
                           self.categories[row[3]], current, replaced_at)

    @property
    def desk_id(self) -> str:
        return self.who.desk_id

    def _append(self, decision: Decision, row: tuple[Any, ...] | None, code: str,
                method: str, at: datetime) -> str:
        return store.append(
            self.db, checkpoint=self.checkpoint.id,
            delegate_id=decision.delegate_id if row is not None else None,
            badge_version=decision.version, verdict=decision.kind.value,
            accepted=decision.accepted, at=at, desk_id=self.desk_id,
            operator=self.who.name, method=method, code=code)

    def _verdict(self, decision: Decision, row: tuple[Any, ...] | None, entry: str,
                 code: str, method: str, at: datetime) -> Verdict:
        person: dict[str, Any] = {}
        if row is not None:
            category = self.categories[row[3]]
            if self._standing is not None and decision.kind is Kind.OK:
                self._standing[category.id or 0] = self._standing.get(category.id or 0, 0) + 1
            person = dict(
                name_latin=f"{row[5].upper()} {row[6]}".strip(),
                name_cyrillic=f"{row[7]} {row[8]}".strip(), delegation_en=row[9],
                delegation_ru=row[10], category_en=category.name_en,
                category_ru=category.name_ru, colour=category.colour,
                photo=bytes(row[12]) if row[12] else None, badge_printed=bool(row[11]))
        return Verdict(decision.kind, decision.accepted, self.checkpoint.id, at, entry, code,
                       method, decision.delegate_id, decision.version,
                       earlier=decision.earlier, replaced_at=decision.replaced_at,
                       event_code=decision.event_code, **person)

    # -- undo, figures, the last scans --------------------------------------------------
    def undo_last(self, reason: str, now: datetime | None = None) -> CheckinRow:
        """Take back this desk's last standing check-in here; returns the one undone."""
        require(self.db, self.who, Permission.CHECK_IN)
        last = store.last_standing_by_desk(self.db, self.checkpoint.id, self.desk_id)
        if last is None:
            raise UserError(NOTHING_TO_UNDO)
        with atomic(self.db):
            store.append(self.db, checkpoint=self.checkpoint.id, delegate_id=last.delegate_id,
                         badge_version=last.badge_version, verdict="UNDO", accepted=False,
                         at=now or datetime.now(UTC), desk_id=self.desk_id,
                         operator=self.who.name, method="undo", undoes=last.uuid,
                         reason=reason.strip())
        self._standing = None
        return last

    def refresh(self) -> None:
        """Count again (other desks may have checked people in here too)."""
        self._standing = self._expected = None

    def counters(self) -> list[tuple[Category, int, int]]:
        """(category, checked in, expected) for each category someone is expected in."""
        if self._standing is None:
            self._standing = store.standing_by_category(self.db, self.checkpoint.id)
        if self._expected is None:
            self._expected = {r[0]: r[1] for r in self.db.execute(
                "SELECT category_id, COUNT(*) FROM delegate WHERE status != 'cancelled'"
                " AND merged_into IS NULL GROUP BY category_id").fetchall()}
        done, expected = self._standing, self._expected
        session = self.checkpoint.session
        result = []
        for category_id, category in self.categories.items():
            allowed = session is None or may_enter(session, category)
            wanted = expected.get(category_id, 0) if allowed else 0
            if wanted or done.get(category_id):
                result.append((category, done.get(category_id, 0), wanted))
        return result

    def recent(self, limit: int = 20) -> list[CheckinRow]:
        return store.recent(self.db, self.checkpoint.id, limit)


@requires(Permission.CHECK_IN)
def check_in(db: Database, code: str, checkpoint_id: str, *, who: Acting,
             now: datetime | None = None) -> Verdict:
    """One scan at a checkpoint (the CLI's and scripts' way in)."""
    return Desk.open(db, checkpoint_id, who=who).scan(code, now=now)
