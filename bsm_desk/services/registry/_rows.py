"""Reading one row of a delegation list: its cells cleaned and sorted by what they hold,
the names by script, the delegation and category found by what lists call them. The
importer (importer.py) plans and writes; this only reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bsm_desk.domain import importing as rules
from bsm_desk.domain.delegation_names import ALIASES, acronyms
from bsm_desk.domain.importing import RowProblem, cell_text, normalize_header
from bsm_desk.domain.model import Category, Gender
from bsm_desk.domain.names import fold, script
from bsm_desk.domain.people import Delegate
from bsm_desk.domain.protocol import propose_rank
from bsm_desk.domain.translit import scheme_for, to_latin
from bsm_desk.services.registry.states import recognize
from bsm_desk.store import categories as category_store
from bsm_desk.store import delegates as delegate_store
from bsm_desk.store import delegations as delegation_store
from bsm_desk.store.privacy import Sealer

if TYPE_CHECKING:
    from sqlite_utils import Database

HEAD_CATEGORY = "hod"  # the standard categories' code for a head of delegation


class Lookup:
    """Categories, delegations and registered people, found by what a list may call them."""

    def __init__(self, db: Database) -> None:
        self.categories: dict[str, Category] = {}
        for c in category_store.list_categories(db):
            for key in (c.code, c.name_en, c.name_ru):
                if key:
                    self.categories[normalize_header(key)] = c
        self.delegations: dict[str, int] = {}
        self.countries: dict[int, str] = {}  # delegation id -> ISO code, where it has one
        for d in delegation_store.list_delegations(db):
            if d.iso_code and d.id is not None:
                self.countries[d.id] = d.iso_code
            names = (d.name_en, d.name_ru, d.iso_code or "",
                     *acronyms(d.name_en), *acronyms(d.name_ru))
            for key in names:
                if key and d.id is not None:
                    self.delegations.setdefault(normalize_header(key), d.id)
        self._db = db
        # The ids an import wrote so far (one run of them): an import writing as it reads
        # matches its rows against the people registered before it, not against itself.
        self.written = range(0)
        self._members: dict[int, dict[str, list[tuple[int, int, tuple[str, str]]]]] = {}
        self.by_external: dict[str, int] = {}
        self.by_email: dict[str, int] = {}
        self.by_passport: dict[str, int] = {}
        sealer = Sealer(db)
        for r in db.execute("SELECT id, external_id, email, passport_no FROM delegate"
                            " WHERE merged_into IS NULL"):
            r = (r[0], r[1], r[2], sealer.open("passport_no", r[3])[0])
            if r[1]:
                self.by_external.setdefault(r[1], r[0])
            if r[2]:
                self.by_email.setdefault(r[2].casefold(), r[0])
            if r[3]:
                self.by_passport.setdefault(passport_key(r[3]), r[0])

    def match(self, d: Delegate) -> tuple[int, str] | None:
        """The registered person this row is, and by which key (for messages): the
        external id, else the e-mail, else the passport number, else the name in the
        same delegation (folded across scripts and spellings) — "name" when one person
        has it, "names" when several do (the caller asks which)."""
        for key, index, value in (
                ("external_id", self.by_external, d.external_id),
                ("email", self.by_email, d.email.casefold()),
                ("passport_no", self.by_passport, passport_key(d.passport_no))):
            found = index.get(value) if value else None
            if found is not None:
                return found, key
        named = self.by_name(d)
        if len(named) == 1:
            return named[0], "name"
        if named:
            return named[0], "names"
        return None

    def by_name(self, d: Delegate) -> list[int]:
        """The registered people of the row's delegation with its name, in Latin or
        Cyrillic, in any spelling (each delegation read once per import)."""
        if not d.delegation_id:
            return []
        wanted = (name_key(d.family_name, d.given_name),
                  name_key(d.family_name_cyr, d.given_name_cyr))
        if wanted == ("", ""):
            return []
        members = self._members.get(d.delegation_id)
        if members is None:
            members = self._members[d.delegation_id] = self._named(d.delegation_id)
        # Whoever has the same name shares a key with the row (see _same_name): only
        # they are compared, in the delegation's order. (Comparing each row with every
        # member made re-importing 6,000 names of one delegation take 31 s.)
        found = {member for key in wanted if key for member in members.get(key, ())}
        return [person for _, person, keys in sorted(found) if _same_name(keys, wanted)]

    def _named(self, delegation_id: int) -> dict[str, list[tuple[int, int, tuple[str, str]]]]:
        """A delegation's registered people by each of their name keys: (their place in
        the delegation's order, their id, both keys)."""
        named: dict[str, list[tuple[int, int, tuple[str, str]]]] = {}
        rows = delegate_store.names_in_delegation(self._db, delegation_id)
        for place, (person, family, given, family_cyr, given_cyr) in enumerate(rows):
            if person in self.written:
                continue
            keys = (name_key(family, given), name_key(family_cyr, given_cyr))
            for key in dict.fromkeys(keys):
                if key:
                    named.setdefault(key, []).append((place, person, keys))
        return named

    def delegation(self, text: str) -> int | None:
        """By name, ISO code or acronym, else through the common short names
        ("Россия", "РФ", "США", "ОБСЕ")."""
        key = normalize_header(text)
        found = self.delegations.get(key)
        if found is None and key in ALIAS_KEYS:
            found = self.delegations.get(normalize_header(ALIAS_KEYS[key]))
        if found is None:  # "Киргизия" for the event's "Kyrgyzstan": the same State
            known = recognize(text)
            if known is not None:
                found = self.delegations.get(normalize_header(known.iso_code or known.key))
        return found

    def category(self, text: str) -> Category | None:
        """By code or name in either language; "Delegate / Делегат" by either half."""
        for candidate in (text, *text.split("/")):
            found = self.categories.get(normalize_header(candidate))
            if found:
                return found
        return None

    def known_categories(self) -> str:
        seen = dict.fromkeys(c.name_en for c in self.categories.values())
        return ", ".join(seen)


ALIAS_KEYS = {normalize_header(alias): key for key, names in ALIASES.items()
               for alias in (key, *names)}


def _same_name(registered: tuple[str, str], row: tuple[str, str]) -> bool:
    """The same name: in some script both have, and different in none (a Latin name that
    differs is another person, whatever the Cyrillic says). Folding makes Cyrillic and
    Latin comparable, so a row in one script is compared with both of the registered."""
    both = [(a, b) for a, b in zip(registered, row, strict=True) if a and b]
    if both:
        return all(a == b for a, b in both)
    return bool(set(registered) & set(row) - {""})


def name_key(family: str, given: str) -> str:
    """A person's name as matching reads it: family and given names folded (any script,
    any spelling), "" without a family name."""
    folded = fold(family)
    return f"{folded}|{fold(given)}" if folded else ""


def delegation_key(name: str) -> str:
    """One key for the names of one delegation ("Монголия" and "Mongolia" in one list
    are one new delegation)."""
    known = recognize(name)
    if known is not None:
        return known.key
    key = normalize_header(name)
    return ALIAS_KEYS.get(key, key)


def passport_key(text: str) -> str:
    upper = text.upper()
    if upper.isalnum():  # as most are: nothing to take out
        return upper
    return "".join(ch for ch in upper if ch.isalnum())


def header(headers: list[Any], column: int) -> str:
    return cell_text(headers[column]) if column < len(headers) else f"#{column + 1}"


@dataclass
class Cells:
    """One row's cells, cleaned and sorted by what they hold."""

    number: int
    headers: list[Any]
    problems: list[RowProblem] = field(default_factory=list)
    notes: list[RowProblem] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict)
    columns: dict[str, int] = field(default_factory=dict)
    latin: dict[str, str] = field(default_factory=lambda: {"family_name": "",
                                                           "given_name": ""})
    cyrillic: dict[str, str] = field(default_factory=lambda: {"family_name": "",
                                                              "given_name": ""})
    patronymic: str = ""

    def problem(self, column: int, template: str, **fields: Any) -> None:
        self.problems.append(RowProblem(self.number, header(self.headers, column), template,
                                        fields))

    def note(self, column: int, template: str, **fields: Any) -> None:
        self.notes.append(RowProblem(self.number, header(self.headers, column), template,
                                     fields))

    def name_column(self) -> int:
        return self.columns.get("family_name", self.columns.get("full_name", 0))


def read_cells(number: int, cells: list[Any], mapping: dict[int, str],
                headers: list[Any]) -> Cells:
    row = Cells(number, headers)
    for column, name in mapping.items():
        if name in rules.NOT_STORED:
            continue
        value = cells[column] if column < len(cells) else None
        text, removed = (rules.clean_text(value, emoji=name in rules.NAME_FIELDS)
                         if isinstance(value, str) else (cell_text(value), []))
        row.columns.setdefault(name, column)
        if "control" in removed:
            row.note(column, rules.CONTROL_REMOVED, value=text)
        if "emoji" in removed:
            row.note(column, rules.EMOJI_REMOVED, value=text)
        limit = rules.FIELD_LIMITS.get(name, rules.DEFAULT_LIMIT)
        if len(text) > limit:
            row.problem(column, rules.TOO_LONG, length=len(text), limit=limit)
            continue
        if name in rules.NAME_FIELDS:
            _read_name(row, column, name, text)
            continue
        if name == "title":  # "H.E. Mr." is an honorific, "Director" a function
            name = "honorific" if rules.is_honorific(text) else "function_en"
            if row.values.get(name):
                continue
            row.columns.setdefault(name, column)
        row.values[name] = text
        row.raw[name] = value
    return row


def _read_name(row: Cells, column: int, name: str, text: str) -> None:
    if not text:
        return
    if rules.other_letters(text):
        row.problem(column, rules.OTHER_SCRIPT, value=text)
        return
    kind = script(text)
    if kind == "mixed":
        row.problem(column, rules.MIXED_SCRIPT, value=text)
        return
    if name == "patronymic":
        row.patronymic = text
        return
    if name == "full_name":
        parts = rules.split_full_name(text)
        row.note(column, rules.FULL_NAME_SPLIT, family=parts[0], given=parts[1])
    else:
        parts = (text, "") if name == "family_name" else ("", text)
    slot = row.cyrillic if kind == "cyrillic" else row.latin
    for key, part in zip(("family_name", "given_name"), parts, strict=True):
        if part and not slot[key]:
            slot[key] = rules.readable_capitals(part)


def add_patronymic(row: Cells) -> None:
    """The patronymic goes with the given name of its script (the Russian List of
    Participants writes "Иван Иванович")."""
    if not row.patronymic:
        return
    slot = row.cyrillic if script(row.patronymic) == "cyrillic" else row.latin
    if slot["given_name"] and not slot["given_name"].endswith(row.patronymic):
        slot["given_name"] = f"{slot['given_name']} {row.patronymic}"
    elif not slot["given_name"]:
        slot["given_name"] = row.patronymic


def latin_from_cyrillic(row: Cells, country: str = "") -> bool:
    """A Latin name made from the Cyrillic one by the passport table of the delegation's
    country (``country``: its ISO code), else of the letters the name has."""
    if row.latin["family_name"] or not row.cyrillic["family_name"]:
        return False
    given = row.cyrillic["given_name"]
    if row.patronymic and given.endswith(row.patronymic):  # not in a passport's Latin name
        given = given[: -len(row.patronymic)].strip()
    scheme = scheme_for(f"{row.cyrillic['family_name']} {given}", country)
    row.latin = {"family_name": to_latin(row.cyrillic["family_name"], scheme),
                 "given_name": to_latin(given, scheme)}
    row.note(row.name_column(), rules.GENERATED_LATIN,
             value=f"{row.latin['family_name']} {row.latin['given_name']}".strip())
    return True


def delegate_of(row: Cells, lookup: Lookup,
              generated: bool) -> tuple[Delegate, Category | None, str]:
    values, columns = row.values, row.columns
    gender = Gender.NOT_STATED
    if "gender" in values:
        parsed = rules.parse_gender(values["gender"])
        if parsed is None:
            row.problem(columns["gender"], rules.BAD_GENDER, value=values["gender"])
        else:
            gender = parsed
    email = values.get("email", "")
    if email and not rules.valid_email(email):
        row.problem(columns["email"], rules.BAD_EMAIL, value=email)
    birth = None
    if values.get("birth_date"):
        birth = rules.parse_date(row.raw["birth_date"])
        if birth is None:
            row.problem(columns["birth_date"], rules.BAD_DATE, value=values["birth_date"])
    category: Category | None = None
    if values.get("category"):
        category = lookup.category(values["category"])
        if category is None:
            row.problem(columns["category"], rules.UNKNOWN_CATEGORY, value=values["category"],
                        known=lookup.known_categories())
    delegation_id: int | None = None
    new_delegation = ""
    if values.get("delegation"):
        delegation_id = lookup.delegation(values["delegation"])
        if delegation_id is None:
            new_delegation = values["delegation"]
    function = values.get("function_en", "")
    in_russian = script(function) == "cyrillic"
    delegate = Delegate(
        family_name=row.latin["family_name"], given_name=row.latin["given_name"],
        family_name_cyr=row.cyrillic["family_name"], given_name_cyr=row.cyrillic["given_name"],
        delegation_id=delegation_id or 0, category_id=(category.id or 0) if category else 0,
        gender=gender, honorific=values.get("honorific", ""),
        function_en="" if in_russian else function, function_ru=function if in_russian else "",
        email=email, phone=values.get("phone", ""), passport_no=values.get("passport_no", ""),
        nationality=values.get("nationality", ""), external_id=values.get("external_id", ""),
        birth_date=birth, latin_generated=generated,
        protocol_rank=propose_rank(
            "" if in_russian else function, function if in_russian else "",
            leads_delegation=category is not None and category.code == HEAD_CATEGORY),
    )
    return delegate, category, new_delegation


def present_fields(row: Cells, category: Category | None, delegate: Delegate) -> set[str]:
    """The fields this row gives (an update changes only those)."""
    present = {k for k, v in row.values.items() if v}
    if "function_en" in present:
        present -= {"function_en"}
        present |= {"function_ru" if delegate.function_ru else "function_en"}
    if row.latin["family_name"]:
        present |= {"family_name", "given_name", "latin_generated"}
    if row.cyrillic["family_name"]:
        present |= {"family_name_cyr", "given_name_cyr"}
    present |= {"delegation_id"} if row.values.get("delegation") else set()
    present |= {"category_id"} if category else set()
    return present
