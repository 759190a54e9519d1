"""Reading a delegation's list the way people actually write it.

Pure rules: which header names which field (English or Russian, any case or
spacing, even "Family name / Фамилия"), what a gender, e-mail or date cell may
contain, and the messages for a bad row. Reading files and writing the database
is services.importer's job.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP
from bsm_desk.domain.model import Gender

# Field -> header spellings. Compared after normalize_header().
HEADERS: dict[str, tuple[str, ...]] = {
    "family_name": ("family name", "surname", "last name", "family", "lastname",
                    "фамилия", "фамилия латиницей", "фамилия кириллицей"),
    "given_name": ("given name", "first name", "given names", "forename", "firstname",
                   "name", "имя", "имя латиницей", "имя кириллицей", "имя и отчество"),
    "full_name": ("full name", "name and surname", "participant", "фио", "ф и о",
                  "фамилия имя отчество", "фамилия и имя", "участник"),
    "gender": ("gender", "sex", "m f", "пол"),
    "delegation": ("delegation", "country", "organization", "organisation", "member state",
                   "делегация", "страна", "организация", "государство"),
    "category": ("category", "participant category", "type", "категория", "тип участника"),
    "function_en": ("function", "title", "position", "job title", "designation",
                    "должность", "функция", "позиция"),
    "email": ("email", "e mail", "mail", "email address", "эл почта", "электронная почта",
              "почта", "e mail адрес", "email адрес"),
    "phone": ("phone", "telephone", "mobile", "tel", "phone number", "телефон", "тел",
              "мобильный", "мобильный телефон"),
    "passport_no": ("passport", "passport number", "passport no", "паспорт", "номер паспорта",
                    "паспорт номер"),
    "external_id": ("external id", "id", "no", "number", "ref", "reference", "№", "номер",
                    "n", "nr", "№ п п", "п п"),
    "nationality": ("nationality", "citizenship", "гражданство", "национальность"),
    "honorific": ("honorific", "salutation", "mr ms", "обращение"),
    "birth_date": ("date of birth", "birth date", "dob", "born", "дата рождения"),
}
NAME_FIELDS = ("family_name", "given_name", "full_name")
COUNTRY_HEADERS = ("country", "страна", "государство", "member state")


MISSING_FAMILY = QT_TRANSLATE_NOOP("ImportError", "Missing family name.")
MISSING_DELEGATION = QT_TRANSLATE_NOOP("ImportError", "Missing delegation or country.")
SPILLED = QT_TRANSLATE_NOOP("ImportError", "This row has {cells} cells and the header row "
                                           "{headers}: a cell that holds the separator (such "
                                           "as ; or a comma) must be put in double quotes, "
                                           "or the cells after it move one column along.")
BAD_GENDER = QT_TRANSLATE_NOOP(
    "ImportError", "Unknown gender “{value}”: use M or F (М or Ж), or leave it empty.")
BAD_EMAIL = QT_TRANSLATE_NOOP("ImportError", "Invalid e-mail address “{value}”.")
BAD_DATE = QT_TRANSLATE_NOOP(
    "ImportError", "Invalid date “{value}”: use YYYY-MM-DD or DD.MM.YYYY.")
UNKNOWN_CATEGORY = QT_TRANSLATE_NOOP(
    "ImportError", "Unknown category “{value}”. Known: {known}.")
MIXED_SCRIPT = QT_TRANSLATE_NOOP(
    "ImportError", "The name “{value}” mixes Latin and Cyrillic letters.")
DUPLICATE_ROW = QT_TRANSLATE_NOOP(
    "ImportError", "Same person as row {other} (same {key}).")
GENERATED_LATIN = QT_TRANSLATE_NOOP(
    "ImportError", "Latin name made from the Cyrillic: “{value}”. Check it against the passport.")

_PUNCTUATION = re.compile(r"[^\w№]+")


def normalize_header(text: object) -> str:
    return " ".join(_PUNCTUATION.sub(" ", str(text or "")).casefold()
                    .replace("ё", "е").split())


_LOOKUP = {normalize_header(alias): name for name, aliases in HEADERS.items()
           for alias in aliases}


_QUALIFIER = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def field_for_header(header: object) -> str | None:
    """The field a header names; "Family name / Фамилия" is read part by part, and
    qualifiers in brackets are ignored: "Family name (Cyrillic)", "Пол (М/Ж)"."""
    text = str(header or "")
    bare = _QUALIFIER.sub(" ", text)
    for candidate in (text, bare, *re.split(r"[/|\n]", bare)):
        found = _LOOKUP.get(normalize_header(candidate))
        if found:
            return found
    return None


def find_header(rows: Sequence[Sequence[Any]], within: int = 20) -> tuple[int, dict[int, str]]:
    """(index of the header row, column -> field), looking below any title rows.

    The header is the first row that names a family name (or full name) and at least one
    more field. Returns (-1, {}) when there is none.
    """
    for index, row in enumerate(rows[:within]):
        mapping: dict[int, str] = {}
        for column, cell in enumerate(row):
            name = field_for_header(cell)
            # Names may come twice (Latin and Cyrillic columns); other fields once.
            if name and (name in NAME_FIELDS or name not in mapping.values()):
                mapping[column] = name
        names = set(mapping.values())
        if names & {"family_name", "full_name"} and len(names) >= 2:
            return index, mapping
    return -1, {}


_GENDERS = {
    Gender.MALE: {"m", "male", "man", "mr", "м", "муж", "мужской", "мужчина", "мж", "h"},
    Gender.FEMALE: {"f", "female", "woman", "w", "ms", "mrs", "ж", "жен", "женский",
                    "женщина"},
}
_GENDER_LOOKUP = {v: g for g, values in _GENDERS.items() for v in values}


def parse_gender(value: object) -> Gender | None:
    """M/F in English or Russian; empty means not stated; None when unreadable."""
    if not str(value or "").strip():
        return Gender.NOT_STATED
    return _GENDER_LOOKUP.get(normalize_header(value).replace(" ", ""))


_EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>.]{2,}$")


def valid_email(text: str) -> bool:
    return bool(_EMAIL.match(text))


_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%y", "%Y/%m/%d")


def parse_date(value: object) -> date | None:
    """A date from a real Excel date or from text; None when unreadable."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def cell_text(value: object) -> str:
    """A cell as text: numbers without a spurious '.0', whitespace tidied."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    return " ".join(str(value).split())


def split_full_name(text: str) -> tuple[str, str]:
    """'Иванов Иван Иванович' -> ('Иванов', 'Иван Иванович'); 'RAHMONOV Jamshed' alike."""
    parts = text.split()
    if not parts:
        return "", ""
    return parts[0], " ".join(parts[1:])


@dataclass(frozen=True)
class RowProblem:
    """One thing wrong (or worth checking) in one cell, as the user sees the file."""

    row: int  # as numbered in Excel or a text editor
    column: str  # the header as written in the file
    template: str
    fields: dict[str, Any] = field(default_factory=dict)

    def message(self, translate: Any = None) -> str:
        text = translate("ImportError", self.template) if translate else self.template
        try:
            return str(text).format(**self.fields)
        except (KeyError, IndexError, ValueError):
            return self.template.format(**self.fields)


def spilled(number: int, headers: Sequence[Any], cells: Sequence[Any],
            problems: Sequence[RowProblem]) -> RowProblem | None:
    """Why a text row went wrong, when it has more cells than the header row: a cell held
    the separator without quotes. Said only beside the row's other problems (a spreadsheet
    may well have notes in columns without a header)."""
    if len(cells) <= len(headers) or not any(p.row == number for p in problems):
        return None
    return RowProblem(number, "", SPILLED, {"cells": len(cells), "headers": len(headers)})
