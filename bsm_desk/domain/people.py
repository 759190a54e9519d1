"""The people of an event: a delegate's record, how a list of them is asked for, their
badge's state and the history of their record (the event's facts — its days, rooms,
sessions, categories and delegations — are in model.py, which the first screen needs
without these)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from bsm_desk.domain.model import DelegateStatus, Gender, ProtocolRank


@dataclass(frozen=True, slots=True)
class Delegate:
    family_name: str  # Latin, as in the passport
    given_name: str
    delegation_id: int
    category_id: int
    family_name_cyr: str = ""
    given_name_cyr: str = ""
    gender: Gender = Gender.NOT_STATED
    honorific: str = ""
    function_en: str = ""
    function_ru: str = ""
    email: str = ""
    phone: str = ""
    passport_no: str = ""
    nationality: str = ""
    status: DelegateStatus = DelegateStatus.REGISTERED
    credentials_received: date | None = None
    external_id: str = ""
    birth_date: date | None = None
    latin_generated: bool = False  # Latin made from the Cyrillic: to check with the passport
    protocol_rank: ProtocolRank = ProtocolRank.MEMBER
    rank_by_hand: bool = False  # set by a registrar: a new function proposes no other
    merged_into: int | None = None
    photo: bytes | None = field(default=None, repr=False)
    id: int | None = None
    # Personal fields this desk cannot read (the event's key is not here): shown as
    # locked, and kept as they are stored whatever else is saved.
    sealed: frozenset[str] = field(default=frozenset(), compare=False, repr=False)

    @property
    def latin_name(self) -> str:
        return f"{self.family_name.upper()} {self.given_name}".strip()

    @property
    def cyrillic_name(self) -> str:
        return f"{self.family_name_cyr} {self.given_name_cyr}".strip()

    def name(self, lang: str) -> str:
        """The name to show: Cyrillic in a Russian interface when there is one."""
        return self.cyrillic_name if lang == "ru" and self.cyrillic_name else self.latin_name


# Fields a person's record is compared and edited by (not the id, photo or merge link).
DELEGATE_FIELDS = (
    "external_id", "family_name", "given_name", "family_name_cyr", "given_name_cyr",
    "gender", "honorific", "function_en", "function_ru", "delegation_id", "category_id",
    "email", "phone", "passport_no", "nationality", "status", "credentials_received",
    "birth_date", "latin_generated", "protocol_rank", "rank_by_hand",
)


_HONORIFICS_RU = {"mr.": "г-н", "mr": "г-н", "ms.": "г-жа", "ms": "г-жа", "mrs.": "г-жа",
                  "h.e.": "Е. П.", "dr.": "д-р", "prof.": "проф.", "amb.": "посол"}


def honorific(text: str, lang: str) -> str:
    """'H.E. Mr.' as a Russian reader expects it: 'Е. П. г-н'. Other words are kept."""
    if lang != "ru":
        return text
    return " ".join(_HONORIFICS_RU.get(word.casefold(), word) for word in text.split())


@dataclass(frozen=True, slots=True)
class DelegateQuery:
    """Which delegates a list shows, and in which order."""

    delegation_id: int | None = None
    category_id: int | None = None
    status: DelegateStatus | None = None
    search: str = ""  # any spelling, any script; see domain.names.fold
    sort: str = "name"  # "relevance" orders a search by how well it matches
    active_only: bool = False  # the cancelled left out (the Badges list)
    unprinted_only: bool = False  # only those whose current badge was never printed
    descending: bool = False
    lang: str = "en"


@dataclass(frozen=True, slots=True)
class BadgeState:
    version: int  # the version the doors accept
    printed_at: datetime | None  # the last print of that version, if any


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    uuid: str
    delegate_id: int
    at: datetime
    desk_id: str
    operator: str
    action: str  # created, updated, imported, merged, merged_into, ...
    changes: dict[str, Any]  # field -> [old, new]
