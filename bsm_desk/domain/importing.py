"""Reading a delegation's list the way people actually write it.

Pure rules: which header names which field (English or Russian, any case or
spacing, even "Family name / Фамилия"), what a gender, e-mail or date cell may
contain, and the messages for a bad row. Reading files and writing the database
is services.importer's job.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP
from bsm_desk.domain.model import Gender

# Field -> header spellings. Compared after normalize_header().
HEADERS: dict[str, tuple[str, ...]] = {
    "family_name": ("family name", "surname", "last name", "family", "lastname",
                    "фамилия", "фамилия латиницей", "фамилия кириллицей"),
    "given_name": ("given name", "first name", "given names", "forename", "firstname",
                   "name", "имя", "имя латиницей", "имя кириллицей", "имя и отчество"),
    "patronymic": ("patronymic", "middle name", "отчество", "отчество кириллицей"),
    "full_name": ("full name", "name and surname", "participant", "фио", "ф и о",
                  "фамилия имя отчество", "фамилия и имя", "участник", "your name",
                  "full name as in passport", "ваше имя", "фио участника"),
    "gender": ("gender", "sex", "m f", "пол"),
    "delegation": ("delegation", "country", "organization", "organisation", "member state",
                   "делегация", "страна", "организация", "государство"),
    "category": ("category", "participant category", "type", "категория", "тип участника"),
    # "Title" in a UN-style list is the honorific (H.E. Mr.); elsewhere it is a job title:
    # each cell is read for what it holds (see is_honorific).
    "title": ("title",),
    "function_en": ("function", "position", "job title", "designation", "post",
                    "должность", "функция", "позиция"),
    "email": ("email", "e mail", "mail", "email address", "эл почта", "электронная почта",
              "почта", "e mail адрес", "email адрес", "адрес электронной почты"),
    "phone": ("phone", "telephone", "mobile", "tel", "phone number", "телефон", "тел",
              "мобильный", "мобильный телефон"),
    "passport_no": ("passport", "passport number", "passport no", "паспорт", "номер паспорта",
                    "паспорт номер"),
    # Only an explicit identity; a running number ("No.", "#", "№ п/п") is not one.
    "external_id": ("external id", "id", "participant id", "registration id", "reg id",
                    "delegate id", "ref", "reference", "код участника", "идентификатор",
                    "id участника", "регистрационный номер", "рег номер"),
    "row_number": ("no", "number", "№", "#", "n", "nr", "№ п п", "п п", "s no", "sr no",
                   "sl no", "номер", "num", "nn", "№№"),
    "nationality": ("nationality", "citizenship", "гражданство", "национальность"),
    "honorific": ("honorific", "salutation", "mr ms", "prefix", "обращение"),
    "birth_date": ("date of birth", "birth date", "dob", "born", "дата рождения"),
}
NAME_FIELDS = ("family_name", "given_name", "full_name", "patronymic")
# Fields a header may name that are read but not stored as such.
NOT_STORED = ("row_number",)
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
NAME_CONFLICT = QT_TRANSLATE_NOOP(
    "ImportError", "This row matches {name} (#{id}, same {key}) but both names differ: "
    "“{family} {given}”. Nothing is imported; correct the {key} or the names.")
NAMESAKE = QT_TRANSLATE_NOOP(
    "ImportError", "{name} (#{id}) of this delegation is already registered with another "
    "{key}: the same person, or a namesake? Nothing is imported; give this row the "
    "registered {key} if it is the same person; a namesake is added by hand (Delegates → "
    "Add), then found by this {key}.")
NAMESAKES = QT_TRANSLATE_NOOP(
    "ImportError", "{count} people of this delegation are registered as “{family} "
    "{given}” (#{ids}): which one is this row? Nothing is imported; give it an e-mail, "
    "passport number or external id that tells them apart.")
NAME_CHANGED = QT_TRANSLATE_NOOP(
    "ImportError", "The name of #{id} changes from “{old}” to “{new}”.")
TOO_LONG = QT_TRANSLATE_NOOP(
    "ImportError", "This cell has {length} characters; at most {limit} are allowed.")
OTHER_SCRIPT = QT_TRANSLATE_NOOP(
    "ImportError", "The name “{value}” is not in Latin or Cyrillic letters, which badges "
    "print and the search finds: give the name as written in Latin letters in the passport.")
CONTROL_REMOVED = QT_TRANSLATE_NOOP(
    "ImportError", "Invisible control characters were removed from this cell: “{value}”.")
EMOJI_REMOVED = QT_TRANSLATE_NOOP(
    "ImportError", "Emoji were removed from the name: “{value}”.")
FULL_NAME_SPLIT = QT_TRANSLATE_NOOP(
    "ImportError", "Full name read as family name “{family}”, given name “{given}”. Check "
    "it.")
RUNNING_NUMBER = QT_TRANSLATE_NOOP(
    "ImportError", "The column “{column}” numbers the rows 1, 2, 3…: it is not used to "
    "recognise people registered before.")
IGNORED_COLUMN = QT_TRANSLATE_NOOP(
    "ImportError", "Column not imported: “{column}”.")
GENERATED_LATIN = QT_TRANSLATE_NOOP(
    "ImportError", "Latin name made from the Cyrillic: “{value}”. Check it against the passport.")

_PUNCTUATION = re.compile(r"[^\w№]+")


def normalize_header(text: object) -> str:
    return _normalized(str(text or ""))


@lru_cache(maxsize=4096)
def _normalized(text: str) -> str:
    """(A list names its delegations and categories thousands of times over.)"""
    return " ".join(_PUNCTUATION.sub(" ", text).casefold().replace("ё", "е").split())


_LOOKUP = {normalize_header(alias): name for name, aliases in HEADERS.items()
           for alias in aliases}


_QUALIFIER = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def field_for_header(header: object) -> str | None:
    """The field a header names; "Family name / Фамилия" is read part by part, and
    qualifiers in brackets are ignored: "Family name (Cyrillic)", "Пол (М/Ж)"."""
    text = str(header or "")
    if text.strip() in ("#", "No.", "No", "N°", "№"):
        return "row_number"
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
# What registration forms offer besides the two: all mean "not stated".
_NOT_STATED = {"prefernottosay", "prefernottoanswer", "other", "n/a", "notspecified",
               "notstated", "неуказано", "неуказан", "другое", "другой",
               "предпочитаюнеуказывать", "нехочууказывать", "-", "—"}
_GENDER_LOOKUP = {v: g for g, values in _GENDERS.items() for v in values} | {
    v: Gender.NOT_STATED for v in _NOT_STATED}


def parse_gender(value: object) -> Gender | None:
    """M/F in English or Russian ("Prefer not to say", "Other", "Не указано": not
    stated); empty means not stated; None when unreadable."""
    if not str(value or "").strip():
        return Gender.NOT_STATED
    text = "".join(str(value).casefold().split())
    if text in _NOT_STATED:
        return Gender.NOT_STATED
    return _GENDER_LOOKUP.get(normalize_header(value).replace(" ", ""))


# The words an honorific is made of (after normalize_header): "H.E. Mr.", "Ms", "Dr.",
# "Excellency", "г-н", "г-жа", "Его Превосходительство".
_HONORIFIC_WORDS = frozenset(
    "h e he mr mrs ms miss mx dr prof amb his her excellency sir madam mme m hon rev "
    "г н жа господин госпожа его ее превосходительство д р проф посол".split())


def is_honorific(text: str) -> bool:
    """True when a "Title" cell holds an honorific, not a job title."""
    words = normalize_header(text).split()
    return bool(words) and all(w in _HONORIFIC_WORDS for w in words)


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
    """A cell as text: numbers without a spurious '.0', control characters dropped,
    Unicode composed (NFC), whitespace tidied."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    return clean_text(str(value))[0]


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e"
                      r"\u2066-\u2069\ufeff\ufffe\uffff]")
# Pictographs and the joiners, selectors and skin tones that build emoji sequences.
_EMOJI = re.compile(r"[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0e\ufe0f\u200d"
                    r"\u20e3\U000e0020-\U000e007f]")


def clean_text(text: str, *, emoji: bool = False) -> tuple[str, list[str]]:
    """``text`` fit to store, and what was taken out ("control", "emoji").

    Control characters (NUL, ESC, BEL, bidi overrides…) break spreadsheet writers and
    hide in names; with ``emoji`` pictographs go too (a badge has no font for them).
    """
    if text.isprintable() and "  " not in text and text == text.strip() and (
            text.isascii() or unicodedata.is_normalized("NFC", text)
            and not (emoji and _EMOJI.search(text))):
        # Most cells (e-mails, numbers, names in any script): nothing to compose, take
        # out or tidy. Printable text holds no control character and no white space but
        # the space. (Held to the whole way by a property test.)
        return text, []
    return _cleaned(text, emoji)


def _cleaned(text: str, emoji: bool) -> tuple[str, list[str]]:
    removed: list[str] = []
    composed = unicodedata.normalize("NFC", text)
    # Tabs and line breaks are white space; the rest of C0/C1 is noise.
    cleaned = _CONTROL.sub("", composed.replace("\t", " ").replace("\r", " ")
                           .replace("\n", " "))
    if cleaned != composed.replace("\t", " ").replace("\r", " ").replace("\n", " "):
        removed.append("control")
    if emoji:
        without = _EMOJI.sub("", cleaned)
        if without != cleaned:
            removed.append("emoji")
            cleaned = without
    return " ".join(cleaned.split()), removed


def readable_capitals(text: str) -> str:
    """'RAHMONOV' -> 'Rahmonov', 'AL-HASHIMI' -> 'Al-Hashimi': a family name written in
    capitals (as UN lists do) is stored as a name; badges print it in capitals anyway.
    Mixed case ('McDonald', 'van der Berg') is left as written."""
    if text != text.upper() or sum(c.isalpha() for c in text) < 2:
        return text
    return re.sub(r"[^\W\d_]+", lambda m: m[0].capitalize(), text)


def split_full_name(text: str) -> tuple[str, str]:
    """A "Full name" cell as (family, given), by the convention of its script.

    Cyrillic lists write the family name first ('Иванов Иван Иванович'); Latin forms
    write it last ('Jamshed Rahmonov'), unless it is marked: in capitals
    ('RAHMONOV Jamshed', 'Jamshed RAHMONOV') or before a comma ('Rahmonov, Jamshed').
    """
    if "," in text:
        family, _, given = text.partition(",")
        return " ".join(family.split()), " ".join(given.split())
    parts = text.split()
    if not parts:
        return "", ""
    if len(parts) == 1:
        return parts[0], ""
    if _CYRILLIC.search(text):
        return parts[0], " ".join(parts[1:])

    def capitals(word: str) -> bool:
        return sum(c.isalpha() for c in word) >= 2 and word == word.upper()

    if capitals(parts[0]) and not capitals(parts[-1]):
        return parts[0], " ".join(parts[1:])
    marked = [i for i, w in enumerate(parts) if capitals(w)]
    if marked and not capitals(parts[0]):
        first = marked[0]
        return " ".join(parts[first:]), " ".join(parts[:first])
    return parts[-1], " ".join(parts[:-1])


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def other_letters(text: str) -> bool:
    """Letters neither Latin nor Cyrillic (Arabic, Chinese, Greek…): the badge fonts and
    the name search cover Latin and Cyrillic, so such a name is asked for in Latin."""
    if text.isascii():
        return False
    return any(ch.isalpha() for ch in _OUTSIDE_LATIN_CYRILLIC.findall(text))


_OUTSIDE_LATIN_CYRILLIC = re.compile(r"[^\u0000-\u024f\u1e00-\u1eff\u0400-\u052f]")


# At most this many characters per field: a name longer than a badge line (or a
# stray paragraph pasted into a cell) is a row error, not a broken PDF later.
FIELD_LIMITS = {"family_name": 100, "given_name": 100, "family_name_cyr": 100,
                "given_name_cyr": 100, "email": 254, "phone": 40, "passport_no": 40,
                "external_id": 64, "honorific": 40, "function_en": 250, "function_ru": 250,
                "nationality": 100, "delegation": 200, "category": 100}
DEFAULT_LIMIT = 250


@dataclass(frozen=True)
class RowProblem:
    """One thing wrong (or worth checking) in one cell, as the user sees the file."""

    row: int  # as numbered in Excel or a text editor
    column: str  # the header as written in the file
    template: str
    fields: dict[str, Any] = field(default_factory=dict)
    context: str = "ImportError"  # where the template is registered for translation
    # Fields whose values are words of ours (registered in the same context), said in
    # the user's language too: "the same person as row 6 (same: имя и делегация)".
    words: tuple[str, ...] = ()

    def message(self, translate: Any = None) -> str:
        text = translate(self.context, self.template) if translate else self.template
        fields = self.fields
        if translate and self.words:
            fields = {**fields, **{name: translate(self.context, str(fields[name]))
                                   for name in self.words if name in fields}}
        try:
            return str(text).format(**fields)
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
