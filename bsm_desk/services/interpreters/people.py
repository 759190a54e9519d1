"""The interpreters: importing the pool from a spreadsheet (English or Russian headers,
all rows or none, each problem named by its row) and reading it back.

The roster that puts them in booths builds on this and on domain/interpreters.py.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.domain.importing import RowProblem, cell_text
from bsm_desk.domain.interpreters import NO_LANGUAGES, Interpreter, parse_hours, parse_languages
from bsm_desk.domain.names import fold
from bsm_desk.services.interpreters.needs import Need, needs, relay_languages
from bsm_desk.services.operators import Acting, Permission, requires
from bsm_desk.services.registry.tables import read_table
from bsm_desk.store import atomic, journal
from bsm_desk.store import event as event_store
from bsm_desk.store import interpreters as store

if TYPE_CHECKING:
    from sqlite_utils import Database

NO_HEADER = QT_TRANSLATE_NOOP(
    "UserError", "{path}: no header row with “Name” and “Languages” (or “Имя” and “Языки”) "
    "was found in the first 20 rows.")
NO_EVENT = QT_TRANSLATE_NOOP("UserError", "This database has no event.")
NO_ROWS = QT_TRANSLATE_NOOP("UserError", "{path} has a header row but no interpreters under it.")
NEED_NAME = QT_TRANSLATE_NOOP("ImportError", "The name is empty.")
TOO_LONG = QT_TRANSLATE_NOOP("ImportError", "Longer than {limit} characters.")
BAD_STAFF = QT_TRANSLATE_NOOP("ImportError", "“{value}” is not yes or no (да or нет).")
BAD_DAY = QT_TRANSLATE_NOOP("ImportError", "“{value}” is not a day written as YYYY-MM-DD.")
DAY_OUTSIDE = QT_TRANSLATE_NOOP(
    "ImportError", "{day} is not a day of the event ({start} to {end}).")
BAD_FEE = QT_TRANSLATE_NOOP("ImportError", "“{value}” is not a fee (a number, 0 or more).")
BAD_EMAIL = QT_TRANSLATE_NOOP("ImportError", "“{value}” is not an e-mail address.")
BAD_HOURS = QT_TRANSLATE_NOOP("ImportError", "“{value}” is not a span of hours, as in "
                                             "09:00-13:00.")
TWICE_IN_FILE = QT_TRANSLATE_NOOP("ImportError", "The same interpreter as in row {row}.")

# Each field's headers, compared case-folded and without surrounding spaces.
HEADERS = {
    "name": ("name", "имя"),
    "name_cyr": ("name in cyrillic", "имя кириллицей"),
    "languages": ("languages", "языки"),
    "staff": ("staff", "штатный"),
    "available": ("available days", "дни"),
    "fee": ("fee", "гонорар"),
    "email": ("email", "e-mail", "эл. почта", "электронная почта"),
    "hours": ("available hours", "hours", "часы"),  # optional: "09:00-13:00" each day
}
NAME_LIMIT = 100
_YES = {"yes", "y", "true", "1", "да", "д", "staff", "штатный"}
_NO = {"no", "n", "false", "0", "нет", "н", "", "freelance", "внештатный"}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@functools.cache
def _language_codes() -> frozenset[str]:
    from babel import Locale

    return frozenset(str(code) for code in Locale("en").languages if "_" not in str(code))


def known_language(code: str) -> bool:
    """An ISO 639 language code, as CLDR (through babel) knows them: "xx" is none."""
    return code.casefold() in _language_codes()


@dataclass
class InterpretersReport:
    file: str
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowProblem] = field(default_factory=list)
    dry_run: bool = False
    imported: bool = False
    ignored_columns: list[str] = field(default_factory=list)

    def as_dict(self, translate: Any = None) -> dict[str, Any]:
        return {"file": self.file, "rows": self.rows, "added": self.added,
                "updated": self.updated, "unchanged": self.unchanged,
                "errors": [{"row": p.row, "column": p.column, "message": p.message(translate)}
                           for p in self.errors],
                "dry_run": self.dry_run, "imported": self.imported,
                "ignored_columns": self.ignored_columns}


def as_dict(person: Interpreter) -> dict[str, Any]:
    """The JSON of ``bsm-desk interpreters list``."""
    return {"id": person.id, "name": person.name, "name_cyr": person.name_cyr,
            "languages": {code: c.value for code, c in person.languages.items()},
            "staff": person.staff, "available": [d.isoformat() for d in person.available],
            "fee": person.fee, "email": person.email}


def interpreters(db: Database) -> list[Interpreter]:
    return store.all_interpreters(db)


def _header(rows: list[tuple[int, list[Any]]]) -> tuple[int, dict[str, int], list[str]] | None:
    for index, (_number, cells) in enumerate(rows[:20]):
        names = [cell_text(c).casefold() for c in cells]
        columns = {key: names.index(h) for key, options in HEADERS.items()
                   for h in options if h in names}
        if "name" in columns and "languages" in columns:
            known = set(columns.values())
            ignored = [cell_text(c) for i, c in enumerate(cells) if i not in known and cell_text(c)]
            return index, columns, ignored
    return None


def _read_row(number: int, cells: list[Any], columns: dict[str, int], headers: list[Any],
              days: tuple[date, date]) -> tuple[Interpreter | None, list[RowProblem]]:
    def cell(key: str) -> tuple[str, str]:
        index = columns.get(key)
        if index is None:
            return "", ""
        value = cell_text(cells[index]) if index < len(cells) else ""
        return value, cell_text(headers[index])

    problems: list[RowProblem] = []
    name, name_col = cell("name")
    name_cyr, cyr_col = cell("name_cyr")
    for value, column in ((name, name_col), (name_cyr, cyr_col)):
        if len(value) > NAME_LIMIT:
            problems.append(RowProblem(number, column, TOO_LONG, {"limit": NAME_LIMIT}))
    if not name:
        problems.append(RowProblem(number, name_col, NEED_NAME))
    text, languages_col = cell("languages")
    languages = {}
    try:
        languages = parse_languages(text, known=known_language)
    except UserError as exc:
        problems.append(RowProblem(number, languages_col, exc.template, exc.fields,
                                   context="UserError"))
    staff_text, staff_col = cell("staff")
    staff = staff_text.casefold() in _YES
    if staff_text.casefold() not in _YES | _NO:
        problems.append(RowProblem(number, staff_col, BAD_STAFF, {"value": staff_text[:40]}))
    available = _days(number, *cell("available"), days, problems)
    fee = _fee(number, *cell("fee"), problems)
    email, email_col = cell("email")
    if email and not _EMAIL.match(email):
        problems.append(RowProblem(number, email_col, BAD_EMAIL, {"value": email[:60]}))
    hours_text, hours_col = cell("hours")
    hours = None
    try:
        hours = parse_hours(hours_text)
    except ValueError:
        problems.append(RowProblem(number, hours_col, BAD_HOURS, {"value": hours_text[:40]}))
    if problems:
        return None, problems
    return Interpreter(name, name_cyr, languages, staff, tuple(sorted(set(available))), fee,
                       email, hours=hours), []


def _days(number: int, text: str, column: str, days: tuple[date, date],
          problems: list[RowProblem]) -> list[date]:
    available: list[date] = []
    for part in (p.strip() for p in re.split(r"[;,]", text) if p.strip()):
        try:
            day = date.fromisoformat(part[:10]) if len(part) in (10, 19) else None
        except ValueError:
            day = None
        if day is None:
            problems.append(RowProblem(number, column, BAD_DAY, {"value": part[:40]}))
        elif not days[0] <= day <= days[1]:
            problems.append(RowProblem(number, column, DAY_OUTSIDE, {
                "day": day.isoformat(), "start": days[0].isoformat(),
                "end": days[1].isoformat()}))
        else:
            available.append(day)
    return available


def _fee(number: int, text: str, column: str, problems: list[RowProblem]) -> float:
    if not text:
        return 0.0
    try:
        fee = float(text.replace(" ", "").replace("\u00a0", "").replace(",", "."))
    except ValueError:
        fee = -1.0
    if not (fee >= 0 and fee < 1e9):  # also NaN and infinity
        problems.append(RowProblem(number, column, BAD_FEE, {"value": text[:40]}))
        return 0.0
    return fee


@requires(Permission.ROSTER)
def import_file(db: Database, path: str | Path, *, who: Acting,
                dry_run: bool = False) -> InterpretersReport:
    """Import the pool; every row is checked first and nothing is written if any is
    wrong. A person already known (by e-mail, else by name) is updated."""
    table = read_table(path)
    report = InterpretersReport(str(path), dry_run=dry_run)
    found = _header(table.rows)
    if found is None:
        raise UserError(NO_HEADER, path=str(path))
    index, columns, report.ignored_columns = found
    headers = table.rows[index][1]
    event = event_store.required(db, NO_EVENT)
    days = (event.start_date, event.end_date)
    planned: list[tuple[int, Interpreter]] = []
    seen: dict[str, int] = {}
    for number, cells in table.rows[index + 1:]:
        if not any(cell_text(c) for c in cells):
            continue
        report.rows += 1
        person, problems = _read_row(number, cells, columns, headers, days)
        report.errors.extend(problems)
        if person is None:
            continue
        keys = _keys(person)
        twice = next((seen[k] for k in keys if k in seen), None)
        if twice is not None:
            report.errors.append(RowProblem(number, "", TWICE_IN_FILE, {"row": twice}))
            continue
        seen.update(dict.fromkeys(keys, number))
        planned.append((number, person))
    if report.rows == 0:
        raise UserError(NO_ROWS, path=str(path))
    if report.errors:
        return report
    try:
        _write(db, planned, report, path, with_hours="hours" in columns, who=who)
    except _DryRun:
        return report
    report.imported = True
    return report


def _keys(person: Interpreter) -> list[str]:
    """What identifies an interpreter in a list: the e-mail, and the name folded (any
    script, any spelling) in Latin and in Cyrillic."""
    keys = [f"email:{person.email.casefold()}"] if person.email else []
    return keys + [f"name:{fold(n)}" for n in (person.name, person.name_cyr) if fold(n)]


def _write(db: Database, planned: list[tuple[int, Interpreter]], report: InterpretersReport,
           path: str | Path, *, who: Acting, with_hours: bool) -> None:
    with atomic(db):
        known: dict[str, Interpreter] = {}
        for p in store.all_interpreters(db):
            for key in _keys(p):
                known.setdefault(key, p)
        for _number, person in planned:
            # By e-mail first, then by name in either script and any spelling.
            existing = next((known[k] for k in _keys(person) if k in known), None)
            if existing is None:
                report.added += 1
                made = replace(person, id=store.save(db, person))
                for key in _keys(made):
                    known.setdefault(key, made)
                continue
            # What the file does not carry (a withdrawal, phone, preferences) is kept.
            person = replace(person, id=existing.id, withdrawn_from=existing.withdrawn_from,
                             phone=existing.phone, avoid_rooms=existing.avoid_rooms,
                             avoid_sessions=existing.avoid_sessions,
                             hours=person.hours if with_hours else existing.hours)
            if person == existing:
                report.unchanged += 1
            else:
                report.updated += 1
                store.save(db, person)
        if report.dry_run:
            raise _DryRun
        journal.record(db, desk_id=who.desk_id, operator=who.name, action="interpreters.import",
                       subject=Path(path).name, detail={
                           "added": report.added, "updated": report.updated})


NO_DAY = QT_TRANSLATE_NOOP("UserError", "Tick at least one day the interpreter can work.")
SAME_PERSON = QT_TRANSLATE_NOOP("UserError", "{name} is already in the pool (the same "
                                             "name or e-mail).")
NAME_EMPTY = QT_TRANSLATE_NOOP("UserError", "The interpreter's name is empty.")
NAME_TOO_LONG = QT_TRANSLATE_NOOP("UserError", "The name is longer than {limit} characters.")
FEE_WRONG = QT_TRANSLATE_NOOP("UserError", "The fee must be a number, 0 or more.")
EMAIL_WRONG = QT_TRANSLATE_NOOP("UserError", "\u201c{value}\u201d is not an e-mail address.")
DAY_NOT_OF_EVENT = QT_TRANSLATE_NOOP("UserError",
                                     "{day} is not a day of the event ({start} to {end}).")


@requires(Permission.ROSTER)
def save_interpreter(db: Database, person: Interpreter, *, who: Acting) -> int:
    """Add (no id) or change one interpreter, entered in a dialog; checked as an imported
    row is. Returns the id."""
    event = event_store.required(db, NO_EVENT)
    name, name_cyr = cell_text(person.name), cell_text(person.name_cyr)
    email, phone = cell_text(person.email), cell_text(person.phone)[:40]
    if not name:
        raise UserError(NAME_EMPTY)
    if len(name) > NAME_LIMIT or len(name_cyr) > NAME_LIMIT:
        raise UserError(NAME_TOO_LONG, limit=NAME_LIMIT)
    if not (person.fee >= 0 and person.fee < 1e9):
        raise UserError(FEE_WRONG)
    if email and not _EMAIL.match(email):
        raise UserError(EMAIL_WRONG, value=email[:60])
    if not person.languages:
        raise UserError(NO_LANGUAGES)
    for day in person.available:
        if not event.start_date <= day <= event.end_date:
            raise UserError(DAY_NOT_OF_EVENT, day=day.isoformat(),
                            start=event.start_date.isoformat(), end=event.end_date.isoformat())
    for other in store.all_interpreters(db):
        if other.id != person.id and (other.name.casefold() == name.casefold() or (
                email and other.email.casefold() == email.casefold())):
            raise UserError(SAME_PERSON, name=other.name)
    cleaned = replace(person, name=name, name_cyr=name_cyr, email=email, phone=phone)
    with atomic(db):
        person_id = store.save(db, cleaned)
        journal.record(db, desk_id=who.desk_id, operator=who.name,
                       action="interpreters.added" if person.id is None
                       else "interpreters.changed", subject=str(person_id))
    return person_id


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


__all__ = ["InterpretersReport", "Need", "as_dict", "import_file", "interpreters", "needs",
           "relay_languages", "save_interpreter"]
