"""Delegations recognized by name: the States (domain/states.py, named in English and
Russian by the Unicode CLDR through babel, the UN's own names where they differ) and the
organizations of the region, whatever name, short name, acronym or script a list uses
("Монголия", "Eswatini", "UK", "Республика Таджикистан", "ОДКБ"). A delegation a list
names that the event does not have yet is made with its type and both names."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from bsm_desk.domain.delegation_names import ALIASES
from bsm_desk.domain.importing import normalize_header
from bsm_desk.domain.model import DelegationType
from bsm_desk.domain.states import MEMBER_STATES, OBSERVER_STATES, ORGANIZATIONS, UN_NAMES


@dataclass(frozen=True)
class Known:
    key: str  # the ISO 3166 code of a State, the acronym of an organization
    type: DelegationType
    name_en: str
    name_ru: str
    iso_code: str | None


@cache
def _territories() -> tuple[dict[str, str], dict[str, str]]:
    from babel import Locale

    return dict(Locale.parse("en").territories), dict(Locale.parse("ru").territories)


@cache
def known(key: str) -> Known | None:
    """A State by its ISO code, an organization by its key."""
    if key in ORGANIZATIONS:
        en, ru = ORGANIZATIONS[key]
        return Known(key, DelegationType.INTERNATIONAL_ORGANIZATION, en, ru, None)
    if key not in MEMBER_STATES and key not in OBSERVER_STATES:
        return None
    english, russian = _territories()
    en, ru = UN_NAMES.get(key, (english.get(key, key), russian.get(key, key)))
    kind = DelegationType.MEMBER_STATE if key in MEMBER_STATES else DelegationType.OTHER
    return Known(key, kind, en, ru, key)


@cache
def _index() -> dict[str, str]:
    english, russian = _territories()
    found: dict[str, str] = {}
    for key in (*MEMBER_STATES, *OBSERVER_STATES, *ORGANIZATIONS):
        names = [*UN_NAMES.get(key, ()), *ORGANIZATIONS.get(key, ()), *ALIASES.get(key, ())]
        if key not in ORGANIZATIONS:
            names += [english.get(key, ""), russian.get(key, "")]
        else:
            names.append(key)
        for name in names:
            if name:
                found.setdefault(normalize_header(name), key)
    return found


# The words a State's formal name puts before its short one ("People's Republic of
# Bangladesh", "Королевство Нидерландов"): tried off when the name itself is not known.
_FORMAL = tuple(normalize_header(w) for w in (
    "the", "republic of", "the republic of", "kingdom of", "the kingdom of", "state of",
    "islamic republic of", "federal republic of", "people's republic of",
    "democratic republic of", "federal democratic republic of", "united republic of",
    "sultanate of", "principality of", "grand duchy of", "commonwealth of",
    "республика", "королевство", "государство", "исламская республика",
    "федеративная республика", "народная республика", "демократическая республика",
    "султанат", "княжество", "великое герцогство", "содружество"))


def recognize(name: str) -> Known | None:
    """The State or organization a list's name for a delegation means, if it is one."""
    text = normalize_header(name)
    key = _index().get(text)
    for prefix in sorted(_FORMAL, key=len, reverse=True):
        if key is None and text.startswith(prefix + " "):
            key = _index().get(text[len(prefix) + 1:])
    return known(key) if key else None
