"""The conference as plain values.

Times are aware datetimes in UTC; the venue's zone (``Event.time_zone``) is
applied only when showing them. Dates of days are the venue's calendar dates.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo


class SessionKind(enum.StrEnum):
    PLENARY = "plenary"
    THEMATIC = "thematic"
    CLOSED = "closed"
    SIDE_EVENT = "side_event"


class ProtocolRank(enum.StrEnum):
    """A person's level of representation for precedence (the list of speakers orders by
    it), highest first: the order of the members is the order of precedence."""

    HEAD_OF_STATE = "head_of_state"
    VICE_PRESIDENT = "vice_president"  # and crown princes
    HEAD_OF_GOVERNMENT = "head_of_government"
    DEPUTY_PRIME_MINISTER = "deputy_prime_minister"
    MINISTER = "minister"
    DEPUTY_MINISTER = "deputy_minister"  # and state secretaries
    HEAD_OF_AGENCY = "head_of_agency"  # a national agency, service or state committee
    SENIOR_OFFICIAL = "senior_official"  # heads of organisations; SG, USG, ASG, SRSG
    AMBASSADOR = "ambassador"  # and permanent representatives
    CHARGE_D_AFFAIRES = "charge_d_affaires"
    HEAD_OF_DELEGATION = "head_of_delegation"  # any lower rank leading a delegation
    MINISTER_COUNSELLOR = "minister_counsellor"
    COUNSELLOR = "counsellor"
    FIRST_SECRETARY = "first_secretary"
    SECOND_SECRETARY = "second_secretary"
    THIRD_SECRETARY = "third_secretary"
    ATTACHE = "attache"
    EXPERT = "expert"  # experts, advisers, assistants
    MEMBER = "member"


class DelegationType(enum.StrEnum):
    MEMBER_STATE = "member_state"
    INTERNATIONAL_ORGANIZATION = "international_organization"
    CIVIL_SOCIETY = "civil_society"
    OTHER = "other"


class Gender(enum.StrEnum):
    FEMALE = "F"
    MALE = "M"
    NOT_STATED = "X"


class DelegateStatus(enum.StrEnum):
    REGISTERED = "registered"
    ACCREDITED = "accredited"
    CANCELLED = "cancelled"


class BadgeLayout(enum.StrEnum):
    CR80 = "cr80"  # card, 85.6 x 54 mm
    A6 = "a6"  # badge, 105 x 148 mm
    A4_4UP = "a4-4up"  # four A6 on an A4 sheet, with cut marks


class ReissueReason(enum.StrEnum):
    """Why a delegate gets a new badge (the old one is revoked)."""

    LOST = "lost"
    DAMAGED = "damaged"
    NAME = "name"  # the name was corrected


class Access(enum.StrEnum):
    """Which doors a category's badge opens by default."""

    ALL = "all"  # every session, closed ones included
    OPEN = "open"  # every session but the closed ones
    STAFF = "staff"  # service areas and every session, to work there


LANGUAGE_NAMES = {"en": ("English", "Английский"), "ru": ("Russian", "Русский")}


@dataclass(frozen=True, slots=True)
class Event:
    title_en: str
    title_ru: str
    venue_en: str
    venue_ru: str
    time_zone: str
    start_date: date
    end_date: date
    languages: tuple[str, ...] = ("en", "ru")
    code: str = "EVENT"
    secret: bytes = field(default=b"", repr=False)  # signs badges: never in a log or report
    changeover_min: int = 15  # kept free in a room between two events
    id: int = 1

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    def title(self, lang: str) -> str:
        return pick(lang, self.title_en, self.title_ru)

    def venue(self, lang: str) -> str:
        return pick(lang, self.venue_en, self.venue_ru)

    def dates(self) -> list[date]:
        days = (self.end_date - self.start_date).days + 1
        return [self.start_date + timedelta(days=i) for i in range(max(days, 0))]


@dataclass(frozen=True, slots=True)
class Day:
    date: date
    opens: str = "08:00"  # venue opening hours, local "HH:MM"
    closes: str = "20:00"
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Room:
    name_en: str
    name_ru: str
    floor: str = ""
    capacity: int = 0
    booths: int = 0
    equipment: tuple[str, ...] = ()
    id: int | None = None

    def name(self, lang: str) -> str:
        return pick(lang, self.name_en, self.name_ru)


@dataclass(frozen=True, slots=True)
class Category:
    code: str
    name_en: str
    name_ru: str
    colour: str = "#607d8b"
    access: Access = Access.OPEN
    id: int | None = None

    def name(self, lang: str) -> str:
        return pick(lang, self.name_en, self.name_ru)


@dataclass(frozen=True, slots=True)
class Session:
    kind: SessionKind
    title_en: str
    title_ru: str
    starts_at: datetime
    ends_at: datetime
    room_id: int | None = None
    languages: tuple[str, ...] = ("en", "ru")
    interpretation: bool = True
    expected: int = 0
    organizer: str = ""
    access: tuple[int, ...] = ()  # category ids allowed in; empty means by category default
    id: int | None = None

    def title(self, lang: str) -> str:
        return pick(lang, self.title_en, self.title_ru)

    def local_day(self, zone: ZoneInfo) -> date:
        return self.starts_at.astimezone(zone).date()


@dataclass(frozen=True, slots=True)
class Delegation:
    name_en: str
    name_ru: str
    type: DelegationType
    iso_code: str | None = None
    order_key: str = ""
    size_limit: int | None = None
    id: int | None = None

    def name(self, lang: str) -> str:
        return pick(lang, self.name_en, self.name_ru)


def pick(lang: str, english: str, russian: str) -> str:
    """The text in ``lang``, falling back to the other language when it is missing."""
    if lang == "ru":
        return russian or english
    return english or russian


def may_enter(session: Session, category: Category) -> bool:
    """Whether a badge of ``category`` opens the door of ``session``."""
    if session.access:
        return category.id in session.access
    if session.kind is SessionKind.CLOSED:
        return category.access in (Access.ALL, Access.STAFF)
    return True
