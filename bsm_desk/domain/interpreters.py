"""The interpreters' rules, without a database: the languages an interpreter works with,
the team a booth needs, the meetings a booth works, and the limits of one interpreter's
day — the profession's rules (AIIC, UN), each with a default the event may change.

A *meeting* is what a booth works without leaving: the sessions in one room whose breaks
are shorter than ``Rules.merge_gap_min``. A *working period* is what one interpreter
works without a proper rest: their meetings of one day with less than
``Rules.min_rest_min`` between them. The checker here is the roster's referee: the
solver's model is built elsewhere, and its answers are checked by this code.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError

NO_LANGUAGES = QT_TRANSLATE_NOOP(
    "UserError", "No languages given: write them as en:A; ru:B; fr:C.")
BAD_LANGUAGE = QT_TRANSLATE_NOOP(
    "UserError", "\u201c{part}\u201d is not a language with its class (A, B or C), as in en:A.")
UNKNOWN_LANGUAGE = QT_TRANSLATE_NOOP(
    "UserError", "\u201c{code}\u201d is not a language code (ISO 639, as en, ru, tg, fr).")
TWICE_LANGUAGE = QT_TRANSLATE_NOOP(
    "UserError", "{language} is given twice, as {first} and as {second}.")

TWO_WAY = "en-ru"  # the booth code of a room with one booth working both ways (retour)


class Class(enum.StrEnum):
    """AIIC language classes."""

    A = "A"  # mother tongue (or its equal): interprets into it
    B = "B"  # active: interprets into it, though not the mother tongue
    C = "C"  # passive: understands it fully, interprets from it only


# Names people write instead of codes, in English and Russian.
_LANGUAGE_NAMES = {
    "english": "en", "английский": "en", "англ": "en", "eng": "en",
    "russian": "ru", "русский": "ru", "рус": "ru", "rus": "ru",
    "tajik": "tg", "таджикский": "tg", "french": "fr", "французский": "fr",
    "chinese": "zh", "китайский": "zh", "arabic": "ar", "арабский": "ar",
    "spanish": "es", "испанский": "es", "german": "de", "немецкий": "de",
    "persian": "fa", "farsi": "fa", "персидский": "fa", "uzbek": "uz", "узбекский": "uz",
    "kyrgyz": "ky", "киргизский": "ky", "kazakh": "kk", "казахский": "kk",
}
# A, B and C typed on a Russian keyboard are Cyrillic letters that look the same.
_CLASS_LOOKALIKES = str.maketrans({"А": "A", "В": "B", "С": "C", "а": "A", "в": "B",
                                   "с": "C"})
_PART = re.compile(r"^\s*([^\W\d_]{2,12})\s*[:\-=\s]\s*([A-Ca-cАВСавс])\s*$")


def parse_languages(text: str, known: Callable[[str], bool] | None = None
                    ) -> dict[str, Class]:
    """``"en:A; ru:B; fr:C"`` (or "English A, русский B", or A/B/C typed in Cyrillic)
    → {"en": A, "ru": B, "fr": C}. Raises UserError naming the part it cannot read;
    ``known`` (for what people type in) says whether a code is a language at all."""
    text = unicodedata.normalize("NFC", text or "")
    parts = [p for p in re.split(r"[;,\n/|]+", text) if p.strip()]
    if not parts:
        raise UserError(NO_LANGUAGES)
    found: dict[str, Class] = {}
    for part in parts:
        match = _PART.match(part)
        if match is None:
            raise UserError(BAD_LANGUAGE, part=part.strip()[:40])
        name, letter = match.group(1).casefold(), match.group(2).translate(_CLASS_LOOKALIKES)
        code = _LANGUAGE_NAMES.get(name, name)
        if not (len(code) in (2, 3) and code.isascii() and code.isalpha()):
            raise UserError(BAD_LANGUAGE, part=part.strip()[:40])
        if known is not None and not known(code):
            raise UserError(UNKNOWN_LANGUAGE, code=code)
        language_class = Class(letter.upper())
        if code in found and found[code] is not language_class:
            raise UserError(TWICE_LANGUAGE, language=code, first=found[code].value,
                            second=language_class.value)
        found[code] = language_class
    return found


def format_languages(languages: Mapping[str, Class]) -> str:
    """The form parse_languages reads: A first, then B, then C."""
    order = sorted(languages.items(), key=lambda item: (item[1].value, item[0]))
    return "; ".join(f"{code}:{language_class.value}" for code, language_class in order)


@dataclass(frozen=True)
class Rules:
    """The defaults are AIIC's; an event may set its own."""

    # Team per booth by the meeting's length: (up to minutes, interpreters); longer: last.
    team_table: tuple[tuple[int, int], ...] = ((40, 1), (240, 2), (360, 3))
    team_longer: int = 4
    two_way_extra: int = 1  # a two-way booth, for any meeting over the first row
    merge_gap_min: int = 30  # shorter breaks do not end a meeting
    min_rest_min: int = 90  # between an interpreter's working periods
    max_periods_day: int = 2
    max_period_min: int = 210  # booth time in one working period (3 h 30)
    max_day_min: int = 420  # booth time in a day (7 h)
    max_periods_week: int = 7

    def team(self, minutes: float, *, two_way: bool = False) -> int:
        """Interpreters a booth needs for a meeting of ``minutes``."""
        size = next((team for limit, team in self.team_table if minutes <= limit),
                    self.team_longer)
        if two_way and minutes > self.team_table[0][0]:
            size += self.two_way_extra
        return size


# The rules a user may set, in the order of the table shown: (field, unit).
RULE_FIELDS = (("team_table", "min:team"), ("team_longer", "interpreters"),
               ("two_way_extra", "interpreters"), ("merge_gap_min", "min"),
               ("min_rest_min", "min"), ("max_periods_day", "periods"),
               ("max_period_min", "min"), ("max_day_min", "min"),
               ("max_periods_week", "periods"))
BAD_RULE = QT_TRANSLATE_NOOP("UserError", "\u201c{value}\u201d is not a value for {rule}.")
UNKNOWN_RULE = QT_TRANSLATE_NOOP("UserError", "There is no rule {rule}; the rules are: "
                                              "{rules}.")
BAD_TEAM_TABLE = QT_TRANSLATE_NOOP(
    "UserError", "\u201c{value}\u201d is not a team table: write minutes:team pairs with "
    "both growing, as in 40:1, 240:2, 360:3.")
LIMIT = 24 * 60  # no rule is longer than a day, nor a team larger than this


def format_rule(rules: Rules, name: str) -> str:
    value = getattr(rules, name)
    if name == "team_table":
        return ", ".join(f"{limit}:{team}" for limit, team in value)
    return str(value)


def with_rule(rules: Rules, name: str, text: str) -> Rules:
    """``rules`` with one rule set from what a user typed; UserError if it cannot be."""
    from dataclasses import replace

    names = [n for n, _ in RULE_FIELDS]
    if name not in names:
        raise UserError(UNKNOWN_RULE, rule=name[:40], rules=", ".join(names))
    text = text.strip()
    if name == "team_table":
        return replace(rules, team_table=_team_table(text))
    # isascii: str.isdigit() also says yes to "²" and other digits int() cannot read.
    if not (text.isascii() and text.isdigit()) or not 0 <= int(text) <= LIMIT or (
            int(text) == 0 and name not in ("two_way_extra", "merge_gap_min", "min_rest_min")):
        raise UserError(BAD_RULE, value=text[:40], rule=name)
    return replace(rules, **{name: int(text)})  # type: ignore[arg-type]


def _team_table(text: str) -> tuple[tuple[int, int], ...]:
    pairs = []
    for part in (p for p in re.split(r"[,;]", text) if p.strip()):
        match = re.fullmatch(r"\s*(\d{1,4})\s*:\s*(\d{1,2})\s*", part)
        if match is None:
            raise UserError(BAD_TEAM_TABLE, value=text[:60])
        pairs.append((int(match.group(1)), int(match.group(2))))
    growing = all(a[0] < b[0] and a[1] < b[1] for a, b in zip(pairs, pairs[1:], strict=False))
    if not pairs or not growing or pairs[0][1] < 1 or pairs[-1][0] > LIMIT:
        raise UserError(BAD_TEAM_TABLE, value=text[:60])
    return tuple(pairs)


@dataclass(frozen=True)
class Slot:
    """One session's time in a room (the input of ``meetings``)."""

    session_id: int
    room_id: int
    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True)
class Meeting:
    session_ids: tuple[int, ...]
    room_id: int
    starts_at: datetime
    ends_at: datetime
    booth_minutes: float  # the sessions' own time, breaks left out

    @property
    def minutes(self) -> float:
        return (self.ends_at - self.starts_at).total_seconds() / 60


def meetings(slots: Iterable[Slot], rules: Rules = Rules()) -> list[Meeting]:
    """The sessions of each room joined where their breaks are shorter than the rule's."""
    by_room: dict[int, list[Slot]] = {}
    for slot in slots:
        by_room.setdefault(slot.room_id, []).append(slot)
    gap = timedelta(minutes=rules.merge_gap_min)
    found: list[Meeting] = []
    for room_id, room_slots in by_room.items():
        group: list[Slot] = []
        for slot in sorted(room_slots, key=lambda s: (s.starts_at, s.ends_at)):
            if group and slot.starts_at - max(s.ends_at for s in group) >= gap:
                found.append(_meeting(room_id, group))
                group = []
            group.append(slot)
        if group:
            found.append(_meeting(room_id, group))
    return sorted(found, key=lambda m: (m.starts_at, m.room_id))


def _meeting(room_id: int, group: Sequence[Slot]) -> Meeting:
    start, end = min(s.starts_at for s in group), max(s.ends_at for s in group)
    # Booth time: the union of the sessions' times (overlapping sessions count once).
    covered, minutes = start, 0.0
    for slot in sorted(group, key=lambda s: s.starts_at):
        begin = max(slot.starts_at, covered)
        if slot.ends_at > begin:
            minutes += (slot.ends_at - begin).total_seconds() / 60
            covered = slot.ends_at
    return Meeting(tuple(s.session_id for s in group), room_id, start, end, minutes)


def can_work_into(languages: Mapping[str, Class], target: str) -> bool:
    return languages.get(target) in (Class.A, Class.B)


def source_of(booth: str) -> str:
    """The language a booth into ``booth`` listens to: the other of English and Russian."""
    return "ru" if booth == "en" else "en"


def can_staff(languages: Mapping[str, Class], booth: str) -> bool:
    """Whether one interpreter may sit in this booth: into its language as A or B, from
    the other at least as C; in a two-way booth, that in one direction or the other."""
    if booth == TWO_WAY:
        return any(can_work_into(languages, target) and source_of(target) in languages
                   for target in ("en", "ru"))
    return can_work_into(languages, booth) and source_of(booth) in languages


def booth_shortfall(team: Sequence[Mapping[str, Class]], booth: str) -> str | None:
    """What is wrong with this team for this booth, or None. ``booth`` is the target
    language ("en", "ru") or TWO_WAY."""
    if booth == TWO_WAY:
        if not all(can_staff(m, TWO_WAY) for m in team):
            return "a member cannot work between English and Russian"
        if not any(can_work_into(m, "en") for m in team) or not any(
                can_work_into(m, "ru") for m in team):
            return "English and Russian are not both covered as A or B"
        return None
    if not all(can_work_into(m, booth) for m in team):
        return f"a member does not have {booth} as A or B"
    if not all(source_of(booth) in m for m in team):
        return f"a member does not understand {source_of(booth)}"
    if team and not any(m.get(booth) is Class.A for m in team):
        return f"nobody has {booth} as A"
    return None


def can_relay(languages: Mapping[str, Class], source: str) -> bool:
    """Understands ``source`` well enough to interpret from it (C or better)."""
    return source in languages


class Breach(enum.StrEnum):
    OVERLAP = "overlap"  # in two rooms at once
    PERIODS = "periods"  # more working periods in a day than allowed
    PERIOD_LONG = "period_long"  # too much booth time in one working period
    DAY_LONG = "day_long"  # too much booth time in a day
    WEEK = "week"  # more working periods in the week than allowed
    UNAVAILABLE = "unavailable"  # outside the days the interpreter is available


@dataclass(frozen=True)
class Found:
    breach: Breach
    day: date | None
    session_ids: tuple[int, ...]
    detail: str  # in English, for logs and tests; screens word it themselves


def working_periods(day_meetings: Sequence[Meeting], rules: Rules) -> list[list[Meeting]]:
    """One interpreter's meetings of one day grouped into working periods."""
    rest = timedelta(minutes=rules.min_rest_min)
    periods: list[list[Meeting]] = []
    for meeting in sorted(day_meetings, key=lambda m: m.starts_at):
        if periods and meeting.starts_at - max(m.ends_at for m in periods[-1]) < rest:
            periods[-1].append(meeting)
        else:
            periods.append([meeting])
    return periods


def check_schedule(assigned: Sequence[Meeting], *, day_of: Callable[[datetime], date],
                   available: Iterable[date] | None = None,
                   within: Callable[[Meeting], bool] | None = None,
                   rules: Rules = Rules()) -> list[Found]:
    """Every rule one interpreter's assignments break. ``day_of`` gives a time's day at
    the venue; ``available`` the days they can work (None: every day); ``within``
    whether a meeting is inside the hours they can work (None: any hours)."""
    found: list[Found] = []
    for meeting in assigned:
        if within is not None and not within(meeting):
            found.append(Found(Breach.UNAVAILABLE, day_of(meeting.starts_at),
                               meeting.session_ids, "outside the hours they can work"))
    ordered = sorted(assigned, key=lambda m: m.starts_at)
    for before, after in zip(ordered, ordered[1:], strict=False):
        if after.starts_at < before.ends_at:
            found.append(Found(Breach.OVERLAP, day_of(after.starts_at),
                               before.session_ids + after.session_ids,
                               f"rooms {before.room_id} and {after.room_id} at once"))
    allowed = set(available) if available is not None else None
    by_day: dict[date, list[Meeting]] = {}
    for meeting in ordered:
        by_day.setdefault(day_of(meeting.starts_at), []).append(meeting)
    periods_by_week: dict[tuple[int, int], int] = {}
    for day, day_meetings in sorted(by_day.items()):
        ids = tuple(i for m in day_meetings for i in m.session_ids)
        if allowed is not None and day not in allowed:
            found.append(Found(Breach.UNAVAILABLE, day, ids, "not available that day"))
        periods = working_periods(day_meetings, rules)
        iso_week = (day.isocalendar()[0], day.isocalendar()[1])
        periods_by_week[iso_week] = periods_by_week.get(iso_week, 0) + len(periods)
        if len(periods) > rules.max_periods_day:
            found.append(Found(Breach.PERIODS, day, ids,
                               f"{len(periods)} working periods (at most "
                               f"{rules.max_periods_day})"))
        for period in periods:
            minutes = sum(m.booth_minutes for m in period)
            if minutes > rules.max_period_min:
                found.append(Found(Breach.PERIOD_LONG, day,
                                   tuple(i for m in period for i in m.session_ids),
                                   f"{minutes:.0f} min in one period (at most "
                                   f"{rules.max_period_min})"))
        total = sum(m.booth_minutes for m in day_meetings)
        if total > rules.max_day_min:
            found.append(Found(Breach.DAY_LONG, day, ids,
                               f"{total:.0f} min in the day (at most {rules.max_day_min})"))
    for (year, week), count in sorted(periods_by_week.items()):
        if count > rules.max_periods_week:
            found.append(Found(Breach.WEEK, None, (),
                               f"{count} working periods in week {week} of {year} (at "
                               f"most {rules.max_periods_week})"))
    return found


@dataclass(frozen=True)
class Interpreter:
    name: str
    name_cyr: str
    languages: dict[str, Class]
    staff: bool
    available: tuple[date, ...]  # empty: every day of the event
    fee: float = 0.0
    email: str = ""
    id: int | None = None
    withdrawn_from: date | None = None  # unavailable from this day on
    phone: str = ""
    avoid_rooms: tuple[int, ...] = ()  # preferences: rather not work here
    avoid_sessions: tuple[int, ...] = ()
    hours: tuple[time, time] | None = None  # each day, only between these (venue time)

    def works_on(self, day: date) -> bool:
        """Available that day: one of their days (none given: any), and not withdrawn."""
        if self.withdrawn_from is not None and day >= self.withdrawn_from:
            return False
        return not self.available or day in self.available

    def free_for(self, starts_at: datetime, ends_at: datetime, zone: tzinfo) -> bool:
        """Available for a meeting: on its day and, if they gave hours, within them."""
        start, end = starts_at.astimezone(zone), ends_at.astimezone(zone)
        if not self.works_on(start.date()):
            return False
        if self.hours is None:
            return True
        return start.date() == end.date() and self.hours[0] <= start.time() \
            and end.time() <= self.hours[1]


@dataclass(frozen=True)
class Seat:
    session_id: int
    booth: str
    interpreter_id: int
    locked: bool


def parse_hours(text: str) -> tuple[time, time] | None:
    """"09:00-13:00" (or "9-13", "09:00–13:00"); "" → None; ValueError if unreadable or
    the end is not after the start."""
    text = text.strip()
    if not text:
        return None
    parts = re.split(r"\s*[-–—]\s*", text)
    if len(parts) != 2:
        raise ValueError(text)
    begin, end = (clock(p) for p in parts)
    if end <= begin:
        raise ValueError(text)
    return begin, end


def clock(text: str) -> time:
    match = re.fullmatch(r"(\d{1,2})(?:[:.](\d{2}))?", text.strip())
    if match is None:
        raise ValueError(text)
    return time(int(match.group(1)), int(match.group(2) or 0))
