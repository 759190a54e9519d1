"""Attendance: who came, per day and per session, from the check-in events.

A delegate attended a session when an accepted check-in at its door stands (no undo
points at it); attended a day when checked in at that day's entrance or at any of
that day's sessions. "Expected" are the active registrations (not cancelled, not
merged) that may enter. Figures are split by gender (UNSCR 1325, SDG 5) and by
category. :func:`collect` reads everything in a few queries; the workbook, the
dashboard and the CLI all start from it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple
from zoneinfo import ZoneInfo

from bsm_desk.domain.checkin import ENTRANCE, Checkpoint
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP
from bsm_desk.domain.model import (
    Category,
    Delegation,
    Event,
    Session,
    may_enter,
)
from bsm_desk.store import categories as category_store
from bsm_desk.store import checkins as checkin_store
from bsm_desk.store import delegations as delegation_store
from bsm_desk.store import event as event_store
from bsm_desk.store import sessions as session_store
from bsm_desk.store.reading import collector_paused

if TYPE_CHECKING:
    from sqlite_utils import Database

# Labels of the report, translated at writing time in the report's language.


Progress = Callable[[int, int], None]
Translate = Callable[[str], str]

NO_EVENT = QT_TRANSLATE_NOOP("UserError", "This database has no event to report on.")
GENDERS = ("F", "M", "X")


class Person(NamedTuple):
    """A registered person as the reports need them (a tuple: a hundred thousand are
    made for one workbook, several times faster than a frozen dataclass)."""

    id: int
    family_name: str
    given_name: str
    family_name_cyr: str
    given_name_cyr: str
    gender: str
    delegation_id: int
    category_id: int
    function_en: str
    function_ru: str
    honorific: str
    status: str


@dataclass
class Attendance:
    event: Event
    days: list[date]
    sessions: list[Session]
    people: list[Person]
    delegations: dict[int, Delegation]
    categories: dict[int, Category]
    day_first: dict[date, dict[int, datetime]] = field(default_factory=dict)
    session_first: dict[int, dict[int, datetime]] = field(default_factory=dict)
    arrivals: list[datetime] = field(default_factory=list)  # entrance check-ins, all days,
    # in no order

    def admitted(self, session: Session) -> list[Person]:
        """The registered people whose category may enter ``session``."""
        allowed = {k for k, c in self.categories.items() if may_enter(session, c)}
        return [p for p in self.people if p.category_id in allowed]

    def expected_session(self, session: Session) -> int:
        """The session's own expected attendance where the programme gives one (a side
        event of 40 expects 40, not the whole conference); else everyone it admits."""
        return session.expected if session.expected > 0 else len(self.admitted(session))

    def present_any_day(self) -> set[int]:
        return set().union(*(set(d) for d in self.day_first.values())) if self.day_first \
            else set()

    def no_shows(self) -> list[Person]:
        """Whoever was expected (registered or accredited, not cancelled) and has not been
        checked in on any day: an imported list that nobody accredited still has its
        no-shows."""
        present = self.present_any_day()
        return [p for p in self.people if p.id not in present]


def collect(db: Database) -> Attendance:
    with collector_paused():  # a hundred thousand people and their check-ins, kept
        return _collect(db)


def _collect(db: Database) -> Attendance:
    event = event_store.required(db, NO_EVENT)
    people = [Person(*row) for row in db.execute(
        "SELECT id, family_name, given_name, family_name_cyr, given_name_cyr, gender,"
        " delegation_id, category_id, function_en, function_ru, honorific, status"
        " FROM delegate WHERE status != 'cancelled' AND merged_into IS NULL"
        " ORDER BY family_name COLLATE NOCASE, given_name COLLATE NOCASE, id").fetchall()]
    sessions = session_store.list_sessions(db)
    result = Attendance(
        event, event.dates(), sessions, people,
        {g.id or 0: g for g in delegation_store.list_delegations(db)},
        {c.id or 0: c for c in category_store.list_categories(db)})
    active = {p.id for p in people}
    by_point: dict[str, dict[int, datetime]] = defaultdict(dict)
    firsts_everywhere = checkin_store.first_standing_everywhere(db)
    for point, delegate_id, first in firsts_everywhere:
        if delegate_id in active:
            by_point[point][delegate_id] = first
    zone = event.zone
    for day in result.days:
        result.day_first[day] = dict(by_point.get(Checkpoint.entrance_id(day), {}))
    for session in sessions:
        assert session.id is not None
        seen = by_point.get(Checkpoint.session_id(session.id), {})
        result.session_first[session.id] = seen
        firsts = result.day_first.setdefault(session.local_day(zone), {})
        for delegate_id, at in seen.items():
            if delegate_id not in firsts or at < firsts[delegate_id]:
                firsts[delegate_id] = at
    # Arrivals count everyone who came through an entrance, cancelled since or not.
    # (In no order: they are counted per quarter hour.)
    entrance = f"{ENTRANCE}-"
    result.arrivals = [first for point, _, first in firsts_everywhere
                       if point.startswith(entrance)]
    return result


# --- figures ------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Line:
    """One row of the summary: a day or a session."""

    label: str
    expected: int
    present: int
    by_gender: dict[str, int]
    by_category: dict[int, int]
    kind: str  # "day" or a session kind


def _line(label: str, kind: str, expected: int, present: Iterable[int],
          people: dict[int, Person]) -> Line:
    here = [people[i] for i in present if i in people]
    return Line(label, kind=kind, expected=expected, present=len(here),
                by_gender=Counter(p.gender for p in here),
                by_category=Counter(p.category_id for p in here))


def summary(att: Attendance, lang: str) -> list[Line]:
    people = {p.id: p for p in att.people}
    # A day expects everyone registered (and not cancelled): the Overview's "accredited"
    # counts only those whose accreditation is confirmed, and says so.
    lines = [_line(day.isoformat(), "day", len(att.people), att.day_first.get(day, {}),
                   people) for day in att.days]
    zone = att.event.zone
    for session in att.sessions:
        assert session.id is not None
        start = session.starts_at.astimezone(zone)
        lines.append(_line(f"{start:%Y-%m-%d %H:%M} {session.title(lang)}", session.kind.value,
                           att.expected_session(session), att.session_first[session.id],
                           people))
    return lines


def arrivals_per_quarter(att: Attendance, day: date) -> list[tuple[datetime, int]]:
    """Entrance arrivals on ``day`` per 15 minutes, in the venue's time, gaps as zero."""
    return per_quarter(att.arrivals, att.event.zone, day)


_EPOCH = datetime(1970, 1, 1)


def quarters(times: Iterable[datetime], zone: ZoneInfo) -> Counter[datetime]:
    """How many of ``times`` fall in each quarter hour, the quarters as local times in
    ``zone``. Each moment's offset from UTC is looked up once per hour of the day it is
    in, not converted one by one: a million check-ins take a fraction of a second. (In
    the hour a clock goes back, the two quarters of one wall-clock time count as one.)"""
    offsets: dict[int, float] = {}
    counted: Counter[tuple[int, float]] = Counter()
    for at in times:
        stamp = at.timestamp()
        hour = int(stamp // 3600)
        offset = offsets.get(hour)
        if offset is None:
            moment = datetime.fromtimestamp(hour * 3600, UTC).astimezone(zone)
            offset = offsets[hour] = (moment.utcoffset() or timedelta()).total_seconds()
        counted[(int((stamp + offset) // 900), offset)] += 1
    out: Counter[datetime] = Counter()
    for (index, offset), n in counted.items():  # the quarter's start, at its own offset
        out[datetime.fromtimestamp(index * 900 - offset, UTC).astimezone(zone)] += n
    return out


def per_quarter(times: Iterable[datetime] | Counter[datetime], zone: ZoneInfo, day: date,
                *, span: tuple[datetime, datetime] | None = None
                ) -> list[tuple[datetime, int]]:
    """How many of ``times`` (or of a :func:`quarters` count) fall in each quarter hour
    of ``day`` in ``zone``, from the first to the last (or over ``span``, quarters in that
    zone), gaps as zero."""
    counted = times if isinstance(times, Counter) else quarters(times, zone)
    slots = {at: n for at, n in counted.items() if at.date() == day}
    if span is None:
        if not slots:
            return []
        span = (min(slots), max(slots))
    start, end = span
    out = []
    while start <= end:
        out.append((start, slots.get(start, 0)))
        start += timedelta(minutes=15)
    return out


def by_delegation(att: Attendance, lang: str) -> list[list[Any]]:
    """Delegation, expected, present per day, and the gender split of those who came."""
    members: dict[int, list[Person]] = defaultdict(list)
    for p in att.people:
        members[p.delegation_id].append(p)
    present = att.present_any_day()
    rows = []
    for delegation_id, group in sorted(
            members.items(), key=lambda x: att.delegations[x[0]].name(lang).casefold()):
        came = [p for p in group if p.id in present]
        genders = Counter(p.gender for p in came)
        rows.append([att.delegations[delegation_id].name(lang), len(group)]
                    + [sum(1 for p in group if p.id in att.day_first.get(d, {}))
                       for d in att.days]
                    + [genders.get(g, 0) for g in GENDERS])
    return rows
