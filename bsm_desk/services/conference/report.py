"""The conference report: who came and who spoke, women and men, as a secretariat puts
it in its report (issue 31). Figures only, computed from the event file's own record:
the registry, the first check-in of each person at each door, and the record of every
statement.

Privacy by default: a split by gender of a group of fewer than SMALL people is not
shown (nor is its other half, which the total would give away); the rapporteur's list
names the speakers, who spoke in public, with their function and delegation only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from babel import Locale, UnknownLocaleError

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.domain.interpreters import TWO_WAY
from bsm_desk.domain.model import DelegationType, ProtocolRank, Room, Session, SessionKind, pick
from bsm_desk.domain.protocol import rank_name
from bsm_desk.domain.speakers import EntryKind, EntryStatus
from bsm_desk.services.conference.regions import GROUPS as REGIONS
from bsm_desk.services.conference.regions import UNKNOWN as UNKNOWN_REGION
from bsm_desk.services.conference.regions import region_of
from bsm_desk.services.interpreters.export import Interpretation, interpretation
from bsm_desk.services.reports.attendance import (
    Attendance,
    arrivals_per_quarter,
    collect,
    per_quarter,
    quarters,
)
from bsm_desk.services.reports.participants import HEAD, PROTOCOL, Group, group_of
from bsm_desk.services.speakers.lists import Listed, speaker_list
from bsm_desk.store import rooms as room_store

if TYPE_CHECKING:
    from sqlite_utils import Database

SMALL = 5  # a split by gender of fewer people than this is not shown
WOMEN, MEN = "#b5475d", "#2f6690"  # the report's palette: the same in every output
LINES = ("#2f6690", "#b5475d", "#3a7d44", "#c47f17", "#6a4c93", "#1b998b", "#7f7f7f",
         "#a23b72")  # a line per room, the first two the report's own

REPORT_KIND = QT_TRANSLATE_NOOP("UserError", "{file}: the conference report is written as "
                                              ".pdf or .xlsx (or both, into a folder).")
NOT_A_DAY = QT_TRANSLATE_NOOP("UserError", "{day} is not a day of the event ({start} – "
                                           "{end}).")

L_TITLE = QT_TRANSLATE_NOOP("Report", "Conference report")
L_SUMMARY = QT_TRANSLATE_NOOP("Report", "Summary")
L_PARTICIPATION = QT_TRANSLATE_NOOP("Report", "Participation")
L_GROUPS = QT_TRANSLATE_NOOP("Report", "Delegations")
L_SPEAKING = QT_TRANSLATE_NOOP("Report", "Speaking time")
L_STATEMENTS = QT_TRANSLATE_NOOP("Report", "Statements")
L_FIGURE = QT_TRANSLATE_NOOP("Report", "Figure")
L_TOTAL = QT_TRANSLATE_NOOP("Report", "Total")
L_WOMEN = QT_TRANSLATE_NOOP("Report", "Women")
L_MEN = QT_TRANSLATE_NOOP("Report", "Men")
L_WOMEN_SHARE = QT_TRANSLATE_NOOP("Report", "Women, %")
L_REGISTERED = QT_TRANSLATE_NOOP("Report", "Registered")
L_ACCREDITED = QT_TRANSLATE_NOOP("Report", "Accredited")
L_CATEGORY = QT_TRANSLATE_NOOP("Report", "Category")
L_PRESENT = QT_TRANSLATE_NOOP("Report", "Present")
L_EXPECTED = QT_TRANSLATE_NOOP("Report", "Expected")
L_HEADS = QT_TRANSLATE_NOOP("Report", "Heads of delegation")
L_HEADS_PRESENT = QT_TRANSLATE_NOOP("Report", "Heads of delegation present")
L_DAY_OR_SESSION = QT_TRANSLATE_NOOP("Report", "Day or session")
L_GROUP = QT_TRANSLATE_NOOP("Report", "Delegation type")
L_REGION = QT_TRANSLATE_NOOP("Report", "Member States by regional group")
L_LEVEL = QT_TRANSLATE_NOOP("Report", "Level of representation")
L_SESSION = QT_TRANSLATE_NOOP("Report", "Session")
L_STATEMENT_COUNT = QT_TRANSLATE_NOOP("Report", "Statements")
L_SPEAKERS = QT_TRANSLATE_NOOP("Report", "Speakers")
L_MINUTES = QT_TRANSLATE_NOOP("Report", "Minutes")
L_MINUTES_WOMEN = QT_TRANSLATE_NOOP("Report", "Minutes, women")
L_MINUTES_MEN = QT_TRANSLATE_NOOP("Report", "Minutes, men")
L_SPEAKER = QT_TRANSLATE_NOOP("Report", "Speaker")
L_FUNCTION = QT_TRANSLATE_NOOP("Report", "Function")
L_DELEGATION = QT_TRANSLATE_NOOP("Report", "Delegation")
L_KIND = QT_TRANSLATE_NOOP("Report", "Kind")
L_LANGUAGE = QT_TRANSLATE_NOOP("Report", "Language")
L_STARTED = QT_TRANSLATE_NOOP("Report", "Started")
L_NOTE = QT_TRANSLATE_NOOP("Report", "“–”: fewer than {small} people, not split by gender so "
                                     "that nobody is identified.")
L_DAY = QT_TRANSLATE_NOOP("Report", "Day {day}")
L_INTERPRETATION = QT_TRANSLATE_NOOP("Report", "Interpretation")
L_BOOTH = QT_TRANSLATE_NOOP("Report", "Booth")
L_BOOTH_HOURS = QT_TRANSLATE_NOOP("Report", "Interpreter-hours in the booth")
L_INTERPRETER = QT_TRANSLATE_NOOP("Report", "Interpreter")
L_STAFF = QT_TRANSLATE_NOOP("Report", "Staff")
L_HOURS = QT_TRANSLATE_NOOP("Report", "Hours in the booth")
L_DAYS = QT_TRANSLATE_NOOP("Report", "Days")
L_FEE = QT_TRANSLATE_NOOP("Report", "Fee")
L_FREELANCE_DAYS = QT_TRANSLATE_NOOP("Report", "Freelance days")
L_FEES = QT_TRANSLATE_NOOP("Report", "Fees")
L_RELAY = QT_TRANSLATE_NOOP("Report", "Meetings with relay")
L_YES = QT_TRANSLATE_NOOP("Report", "yes")
L_NO = QT_TRANSLATE_NOOP("Report", "no")
BOOTH_WORDS = {"en": QT_TRANSLATE_NOOP("Report", "English"),
               "ru": QT_TRANSLATE_NOOP("Report", "Russian"),
               "fr": QT_TRANSLATE_NOOP("Report", "French"),
               "es": QT_TRANSLATE_NOOP("Report", "Spanish"),
               "zh": QT_TRANSLATE_NOOP("Report", "Chinese"),
               "ar": QT_TRANSLATE_NOOP("Report", "Arabic"),
               TWO_WAY: QT_TRANSLATE_NOOP("Report", "two-way (English–Russian)")}
L_GENERATED = QT_TRANSLATE_NOOP("Report", "Generated")
L_NO_SHOWS = QT_TRANSLATE_NOOP("Report", "No-shows")
L_SEATS = QT_TRANSLATE_NOOP("Report", "Seats")
L_ARRIVALS = QT_TRANSLATE_NOOP("Report", "Arrivals")
L_ARRIVALS_ON = QT_TRANSLATE_NOOP("Report", "Arrivals at the entrance per 15 minutes, {day}")
L_TIME = QT_TRANSLATE_NOOP("Report", "Time")
L_PEAK = QT_TRANSLATE_NOOP("Report", "Busiest quarter hour: {time}, {count} arrivals")
L_BUSIEST = QT_TRANSLATE_NOOP("Report", "Busiest quarter at the door")
L_ROOMS_ON = QT_TRANSLATE_NOOP("Report", "Check-ins at each room's doors per 15 minutes, "
                                         "{day}")
L_ROOMS = QT_TRANSLATE_NOOP("Report", "Rooms")
L_NO_ROOM = QT_TRANSLATE_NOOP("Report", "(no room)")
L_SIDE_EVENTS = QT_TRANSLATE_NOOP("Report", "Side events: present and seats")
L_RELAY_FROM = QT_TRANSLATE_NOOP("Report", "Meetings with relay from {language}")
# The parts of a List of Participants (reports/participants.py), as this report says them.
DELEGATION_KINDS = {
    Group.MEMBER_STATES: QT_TRANSLATE_NOOP("Report", "Member States"),
    Group.OBSERVERS: QT_TRANSLATE_NOOP("Report", "Observer States"),
    Group.UN_SYSTEM: QT_TRANSLATE_NOOP("Report", "United Nations system"),
    Group.ORGANIZATIONS: QT_TRANSLATE_NOOP("Report", "Intergovernmental and other "
                                                     "organizations"),
    Group.CIVIL_SOCIETY: QT_TRANSLATE_NOOP("Report", "Civil society"),
    Group.OTHERS: QT_TRANSLATE_NOOP("Report", "Others"),
}
KIND_NAMES = {EntryKind.STATEMENT: QT_TRANSLATE_NOOP("Report", "Statement"),
              EntryKind.POINT_OF_ORDER: QT_TRANSLATE_NOOP("Report", "Point of order"),
              EntryKind.REPLY: QT_TRANSLATE_NOOP("Report", "Right of reply")}


@dataclass(frozen=True)
class Split:
    """How many, and of them women and men (None for both: too few to show)."""

    total: int
    women: int | None
    men: int | None

    @property
    def women_share(self) -> float | None:
        if self.women is None or self.men is None or not self.women + self.men:
            return None
        return round(100 * self.women / (self.women + self.men), 1)


def split(genders: Iterable[str]) -> Split:
    """``genders``: "F", "M" or "X" (not stated) for each person of a group."""
    counted = Counter(genders)
    total, women, men = sum(counted.values()), counted.get("F", 0), counted.get("M", 0)
    # A handful of women (or men) in a group would each be known as one: not shown. Those
    # who did not state a gender are in the total only, and tell nothing of anyone's.
    if total < SMALL or 0 < women < SMALL or 0 < men < SMALL:
        return Split(total, None, None)
    return Split(total, women, men)


@dataclass(frozen=True)
class Line:
    """A day, a session or a kind of delegation: expected (or registered) and present;
    a session's room's seats (0: no room, or none said)."""

    label: str
    expected: Split
    present: Split
    seats: int = 0
    peak: tuple[datetime, int] | None = None  # a session's busiest quarter at its door


@dataclass(frozen=True)
class Flow:
    """Check-ins at one room's doors (all its sessions of a day) per quarter hour; every
    room of a day over the same quarters, so that they chart together."""

    room: str
    quarters: list[tuple[datetime, int]]


@dataclass(frozen=True)
class Statement:
    """One line of the rapporteur's list."""

    session: str
    name: str
    function: str
    delegation: str
    kind: EntryKind
    language: str
    started: datetime | None
    minutes: float


@dataclass(frozen=True)
class Speaking:
    """A session's statements and speaking time, by gender (None: too few to show)."""

    label: str
    statements: int
    speakers: Split
    minutes: float
    minutes_women: float | None
    minutes_men: float | None


@dataclass(frozen=True)
class Report:
    title: str
    venue: str
    dates: tuple[date, date]
    registered: Split
    present: Split
    no_shows: int  # registered, not cancelled, and never checked in
    heads: Split
    heads_present: Split
    days: list[Line]
    sessions: list[Line]
    groups: list[Line]
    regions: list[Line]  # Member States by United Nations regional group
    levels: list[Line]  # participants by level of representation, highest first
    arrivals: dict[date, list[tuple[datetime, int]]]  # at the entrance, per 15 minutes
    rooms: dict[date, list[Flow]]  # at each room's doors, per 15 minutes
    side_events: list[Line]  # the side events' lines of ``sessions``, against seats
    speaking: list[Speaking]
    speaking_by_group: list[Speaking]  # by kind of delegation
    speaking_by_level: list[Speaking]  # by the speakers' protocol level
    speaking_total: Speaking
    statements: list[Statement]
    interpretation: Interpretation
    lang: str = "en"  # the language its words and names are in
    accredited: Split = Split(0, None, None)  # credentials received (status accredited)
    categories: list[Line] = field(default_factory=list)  # by registration category

    @property
    def minutes_women_share(self) -> float | None:
        """Women's share of the minutes spoken (None: too few speakers to say)."""
        total = self.speaking_total
        if total.minutes_women is None or total.minutes_men is None:
            return None
        spoken = total.minutes_women + total.minutes_men
        return round(100 * total.minutes_women / spoken, 1) if spoken else None


def build(db: Database, lang: str = "en", *, day: date | None = None,
          translate: Callable[[str], str] | None = None) -> Report:
    """Every figure of the report, for the whole event or one ``day`` of it."""
    t = translate or (lambda text: text)
    att = collect(db)
    event = att.event
    zone = event.zone
    if day is not None and not event.start_date <= day <= event.end_date:
        raise UserError(NOT_A_DAY, day=day.isoformat(), start=event.start_date.isoformat(),
                        end=event.end_date.isoformat())
    days = [d for d in att.days if day is None or d == day]
    sessions = [s for s in att.sessions if day is None or s.local_day(zone) == day]
    gender = {p.id: p.gender for p in att.people}
    heads = {p.id for p in att.people
             if att.categories[p.category_id].code == HEAD}
    came = set().union(*(att.day_first.get(d, {}) for d in days)) & set(gender)

    def genders(ids: Iterable[int]) -> list[str]:
        return [gender[i] for i in ids if i in gender]

    day_lines = [Line(t(L_DAY).format(day=d.isoformat()), split(gender.values()),
                      split(genders(att.day_first.get(d, {})))) for d in days]
    rooms = {r.id: r for r in room_store.list_rooms(db)}
    session_lines, side_lines = [], []
    counted: dict[int, Counter[datetime]] = {}  # each session's door, per quarter hour
    for s in sessions:
        start = s.starts_at.astimezone(zone)
        # A side event expects its own number (as the programme says), not everyone.
        expected = Split(s.expected, None, None) if s.expected > 0 else \
            split(genders(p.id for p in att.admitted(s)))
        seen = att.session_first.get(s.id or 0, {})
        room = rooms.get(s.room_id) if s.room_id else None
        counted[s.id or 0] = quarters(seen.values(), zone)
        at_door = per_quarter(counted[s.id or 0], zone, s.local_day(zone))
        line = Line(f"{start:%d.%m %H:%M} {s.title(lang)}", expected,
                    split(genders(seen)), room.capacity if room else 0,
                    max(at_door, key=lambda q: q[1]) if at_door else None)
        session_lines.append(line)
        if s.kind is SessionKind.SIDE_EVENT:
            side_lines.append(line)
    flows = {d: _flows(att, [s for s in sessions if s.local_day(zone) == d], counted, rooms,
                       lang, t(L_NO_ROOM)) for d in days}
    by_group: dict[object, list[int]] = {}
    for p in att.people:
        by_group.setdefault(group_of(att.delegations[p.delegation_id]), []).append(p.id)
    group_lines = [Line(t(DELEGATION_KINDS[g]), split(genders(by_group[g])),
                        split(genders(i for i in by_group[g] if i in came)))
                   for g in PROTOCOL if g in by_group]
    by_category: dict[int, list[int]] = {}
    for p in att.people:
        by_category.setdefault(p.category_id, []).append(p.id)
    by_region: dict[str, list[int]] = {}
    for p in att.people:
        delegation = att.delegations[p.delegation_id]
        if delegation.type is DelegationType.MEMBER_STATE:
            by_region.setdefault(region_of(delegation.iso_code), []).append(p.id)
    region_lines = [Line(t(name), split(genders(by_region[key])),
                         split(genders(i for i in by_region[key] if i in came)))
                    for key, name in [*REGIONS.items(), ("", UNKNOWN_REGION)]
                    if key in by_region]
    # Every record, cancelled and merged ones too (a speaker may have been): read once.
    records = {row[0]: row[1:] for row in db.execute(
        "SELECT id, gender, function_en, function_ru, delegation_id, protocol_rank"
        " FROM delegate").fetchall()}
    rank_of = {i: r[4] for i, r in records.items()}
    by_level_people: dict[ProtocolRank, list[int]] = {}
    for p in att.people:
        by_level_people.setdefault(_rank(rank_of.get(p.id)), []).append(p.id)
    level_lines = [Line(rank_name(rank, lang), split(genders(by_level_people[rank])),
                        split(genders(i for i in by_level_people[rank] if i in came)))
                   for rank in ProtocolRank if rank in by_level_people]
    functions = {i: pick(lang, r[1], r[2]) for i, r in records.items()}
    everyone = {i: r[0] for i, r in records.items()}
    statements, speaking, all_spoken = [], [], []
    for s in sessions:
        start = s.starts_at.astimezone(zone)
        label = f"{start:%d.%m %H:%M} {s.title(lang)}"
        spoken = [e for e in speaker_list(db, s.id or 0, lang=lang).entries
                  if e.status in (EntryStatus.DONE, EntryStatus.SPEAKING)
                  and e.spoken_seconds > 0]
        statements += [Statement(label, e.name, functions.get(e.delegate_id, ""),
                                 e.delegation, e.kind, e.language,
                                 e.started_at.astimezone(zone) if e.started_at else None,
                                 round(e.spoken_seconds / 60, 1)) for e in spoken]
        if spoken:
            speaking.append(_speaking(label, spoken, everyone))
        all_spoken += spoken
    delegation_of = {i: r[3] for i, r in records.items()}
    spoken_by_group: dict[object, list[Listed]] = {}
    by_level: dict[ProtocolRank, list[Listed]] = {}
    for e in all_spoken:
        own = att.delegations.get(delegation_of.get(e.delegate_id, 0))
        if own is not None:
            spoken_by_group.setdefault(group_of(own), []).append(e)
        by_level.setdefault(_rank(e.protocol_rank), []).append(e)
    return Report(
        event.title(lang), event.venue(lang), (event.start_date, event.end_date),
        registered=split(gender.values()), present=split(genders(came)),
        no_shows=len(gender) - len(came),
        heads=split(genders(heads)), heads_present=split(genders(heads & came)),
        days=day_lines, sessions=session_lines, groups=group_lines, regions=region_lines,
        levels=level_lines,
        arrivals={d: arrivals_per_quarter(att, d) for d in days}, rooms=flows,
        side_events=side_lines,
        speaking=speaking,
        speaking_by_group=[_speaking(t(DELEGATION_KINDS[g]), spoken_by_group[g], everyone)
                           for g in PROTOCOL if g in spoken_by_group],
        speaking_by_level=[_speaking(rank_name(rank, lang), by_level[rank], everyone)
                           for rank in ProtocolRank if rank in by_level],
        speaking_total=_speaking(t(L_TOTAL), all_spoken, everyone), statements=statements,
        interpretation=interpretation(db, lang, day=day), lang=lang,
        accredited=split(p.gender for p in att.people if p.status == "accredited"),
        categories=[Line(c.name(lang), split(genders(by_category[k])),
                         split(genders(i for i in by_category[k] if i in came)))
                    for k, c in sorted(att.categories.items()) if k in by_category])


def language_name(code: str, lang: str) -> str:
    """A language's name in the report's language (babel's CLDR names), else its code."""
    try:
        return str(Locale.parse(lang).languages.get(code, code))
    except (ValueError, UnknownLocaleError):
        return code


def _flows(att: Attendance, sessions: list[Session], counted: dict[int, Counter[datetime]],
           rooms: dict[int | None, Room], lang: str, no_room: str) -> list[Flow]:
    """Each room's door check-ins of the day per quarter hour (``counted``: each
    session's), over the day's common span; rooms in the order of their first session."""
    zone = att.event.zone
    by_room: dict[int | None, Counter[datetime]] = {}
    for s in sessions:
        key = s.room_id if s.room_id in rooms else None
        by_room.setdefault(key, Counter()).update(counted.get(s.id or 0, Counter()))
    day = sessions[0].local_day(zone) if sessions else None
    every = [at for times in by_room.values() for at in times if at.date() == day]
    if day is None or not every:
        return []
    span = (min(every), max(every))
    return [Flow(rooms[key].name(lang) if key is not None else no_room,
                 per_quarter(times, zone, day, span=span))
            for key, times in by_room.items() if sum(times.values())]


def _rank(value: object) -> ProtocolRank:
    """A level of representation as the file keeps it; anything else a member's."""
    return ProtocolRank(str(value)) if value in ProtocolRank._value2member_map_ \
        else ProtocolRank.MEMBER


def _speaking(label: str, spoken: list[Listed], everyone: dict[int, str]) -> Speaking:
    people = {e.delegate_id for e in spoken}
    speakers = split(everyone.get(i, "X") for i in people)
    minutes = round(sum(e.spoken_seconds for e in spoken) / 60, 1)
    if speakers.women is None:
        return Speaking(label, len(spoken), speakers, minutes, None, None)
    by: dict[str, float] = {"F": 0.0, "M": 0.0, "X": 0.0}
    for e in spoken:
        key = everyone.get(e.delegate_id, "X")
        by[key] = by.get(key, 0.0) + e.spoken_seconds
    return Speaking(label, len(spoken), speakers, minutes, round(by["F"] / 60, 1),
                    round(by["M"] / 60, 1))
