"""The programme's rules: what makes a timetable wrong, found without touching a database.

A conflict names its kind and the sessions involved, so the timetable can mark the
blocks and the list can say it in words.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from bsm_desk.domain.model import Day, Room, Session, pick


class ConflictKind(enum.StrEnum):
    DOUBLE_BOOKED = "double_booked"  # two sessions in one room at once
    OVER_CAPACITY = "over_capacity"  # more people expected than the room seats
    NO_BOOTHS = "no_booths"  # interpretation needed, the room has no booths
    PERSON_TWICE = "person_twice"  # a panellist or speaker in two sessions at once
    OUTSIDE_HOURS = "outside_hours"  # before the venue opens or after it closes


@dataclass(frozen=True, slots=True)
class Conflict:
    kind: ConflictKind
    sessions: tuple[int, ...]
    room_id: int | None = None
    person_id: int | None = None


def overlaps(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime) -> bool:
    return a_start < b_end and b_start < a_end


def _hhmm(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def opening(day: Day, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """When the venue opens and closes that day, as aware datetimes."""
    return (datetime.combine(day.date, _hhmm(day.opens), zone),
            datetime.combine(day.date, _hhmm(day.closes), zone))


def conflicts(sessions: Sequence[Session], rooms: Mapping[int, Room],
              days: Mapping[date, Day], zone: ZoneInfo,
              people: Mapping[int, set[int]] | None = None) -> list[Conflict]:
    """Every conflict of the programme; ``people`` maps a session id to its panellists."""
    found: list[Conflict] = []
    by_room: dict[int, list[Session]] = defaultdict(list)
    for s in sessions:
        assert s.id is not None
        room = rooms.get(s.room_id) if s.room_id is not None else None
        if room is not None:
            by_room[room.id or 0].append(s)
            if room.capacity and s.expected > room.capacity:
                found.append(Conflict(ConflictKind.OVER_CAPACITY, (s.id,), room.id))
            if s.interpretation and len(s.languages) > 1 and room.booths == 0:
                found.append(Conflict(ConflictKind.NO_BOOTHS, (s.id,), room.id))
        day = days.get(s.local_day(zone))
        if day is None:
            found.append(Conflict(ConflictKind.OUTSIDE_HOURS, (s.id,)))
        else:
            opens, closes = opening(day, zone)
            if s.starts_at < opens or s.ends_at > closes:
                found.append(Conflict(ConflictKind.OUTSIDE_HOURS, (s.id,)))
    for room_id, here in by_room.items():
        found += [Conflict(ConflictKind.DOUBLE_BOOKED, pair, room_id)
                  for pair in _overlapping(here)]
    if people:
        by_person: dict[int, list[Session]] = defaultdict(list)
        by_id = {s.id: s for s in sessions}
        for session_id, persons in people.items():
            for person in persons:
                if session_id in by_id:
                    by_person[person].append(by_id[session_id])
        for person, theirs in by_person.items():
            found += [Conflict(ConflictKind.PERSON_TWICE, pair, person_id=person)
                      for pair in _overlapping(theirs)]
    return found


def _overlapping(sessions: Sequence[Session]) -> list[tuple[int, int]]:
    ordered = sorted(sessions, key=lambda s: s.starts_at)
    pairs = []
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if b.starts_at >= a.ends_at:
                break
            pairs.append((a.id or 0, b.id or 0))
    return pairs


@dataclass(frozen=True, slots=True)
class Request:
    title_en: str
    duration_min: int
    expected: int = 0
    title_ru: str = ""
    organizer: str = ""
    contact: str = ""
    languages: tuple[str, ...] = ("en", "ru")
    interpretation: bool = False
    equipment: tuple[str, ...] = ()
    avoid_plenary: bool = False
    slots: tuple[datetime, ...] = ()  # preferred start times, best first
    panellists: tuple[int, ...] = ()  # delegate ids
    session_id: int | None = None  # once placed
    id: int | None = None

    def title(self, lang: str) -> str:
        return pick(lang, self.title_en, self.title_ru)
