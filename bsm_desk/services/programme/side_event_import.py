"""Side-event requests from a spreadsheet: every row checked, all imported or none.

Columns are found by their English or Russian headers. Preferred slots are
``YYYY-MM-DD HH:MM`` in the venue's time, several separated by ``;``, best first.
Panellists are registered delegates, named by e-mail or by name (any script).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.domain.importing import RowProblem, normalize_header, spilled
from bsm_desk.domain.names import mostly_cyrillic
from bsm_desk.domain.programme import Request
from bsm_desk.services.operators import Acting, Permission, requires
from bsm_desk.services.registry.search import search_ids
from bsm_desk.services.registry.tables import read_table
from bsm_desk.store import atomic, journal
from bsm_desk.store import event as event_store
from bsm_desk.store import side_events as side_event_store

if TYPE_CHECKING:
    from sqlite_utils import Database

COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("title", "title en", "side event", "название", "тема"),
    "title_ru": ("title ru", "title in russian", "название на русском"),
    "organizer": ("organizer", "organiser", "организатор"),
    "contact": ("contact", "email", "e mail", "контакт", "эл почта"),
    "expected": ("expected participants", "participants", "expected", "участников",
                 "ожидается участников", "число участников"),
    "duration": ("duration", "duration in minutes", "duration min", "minutes",
                 "продолжительность", "длительность", "минут"),
    "slots": ("preferred slots", "preferred slot", "slots", "preferred times",
              "предпочтительное время", "время"),
    "interpretation": ("interpretation", "interpretation needed", "перевод",
                       "синхронный перевод"),
    "equipment": ("equipment", "оборудование"),
    "panellists": ("panellists", "panelists", "speakers", "докладчики", "спикеры"),
    "avoid_plenary": ("avoid plenary", "not during plenary", "не во время пленарного"),
}
_LOOKUP = {normalize_header(alias): name for name, aliases in COLUMNS.items()
           for alias in aliases}
REQUIRED = ("title", "duration")

NO_HEADER = QT_TRANSLATE_NOOP("UserError", "{file}: no header row with at least the title and "
                                           "the duration of each side event.")
NO_EVENT = QT_TRANSLATE_NOOP("UserError", "This database has no event to import side events "
                                          "into.")
MISSING = QT_TRANSLATE_NOOP("ImportError", "The {column} is missing.")
NOT_MINUTES = QT_TRANSLATE_NOOP("ImportError", "“{value}” is not a whole number of minutes.")
NOT_PEOPLE = QT_TRANSLATE_NOOP("ImportError", "“{value}” is not a whole number of people.")
BAD_SLOT = QT_TRANSLATE_NOOP("ImportError", "“{value}” is not a time like 2022-10-18 13:30.")
NOT_AN_EVENT_DAY = QT_TRANSLATE_NOOP("ImportError", "{value} is not a day of the event.")
BAD_YES_NO = QT_TRANSLATE_NOOP("ImportError", "“{value}”: write yes or no (да or нет).")
UNKNOWN_PERSON = QT_TRANSLATE_NOOP("ImportError", "No registered delegate is “{value}”.")
AMBIGUOUS_PERSON = QT_TRANSLATE_NOOP("ImportError", "“{value}” names more than one delegate: "
                                                    "use the e-mail.")

_YES = {"yes", "y", "true", "1", "да", "д", "x", "+"}
_NO = {"no", "n", "false", "0", "нет", "н", "-", ""}


@dataclass
class RequestImport:
    file: str
    rows: int = 0
    added: int = 0
    problems: list[RowProblem] = field(default_factory=list)


@requires(Permission.PROGRAMME)
def import_requests(db: Database, path: str | Path, *, who: Acting,
                    sheet: str | None = None) -> RequestImport:
    event = event_store.required(db, NO_EVENT)
    table = read_table(path, sheet)
    report = RequestImport(Path(path).name)
    header_at, columns = _header(table.rows)
    if header_at is None or any(c not in columns.values() for c in REQUIRED):
        raise UserError(NO_HEADER, file=report.file)
    headers = {index: str(cells[index]) for cells in [table.rows[header_at][1]]
               for index in columns}
    days = set(event.dates())
    requests = []
    for number, cells in table.rows[header_at + 1:]:
        values = {name: cells[i] if i < len(cells) else None for i, name in columns.items()}
        if all(v in (None, "") for v in values.values()):
            continue
        report.rows += 1
        label = {name: headers[i] for i, name in columns.items()}
        requests.append(_request(db, number, values, label, days, event.zone, report))
        hint = spilled(number, table.rows[header_at][1], cells, report.problems)
        if hint is not None:
            report.problems.append(hint)
    if report.problems:
        return report  # all or nothing: the caller shows every problem, nothing is written
    with atomic(db):
        for request in requests:
            if request is not None:
                side_event_store.add_request(db, request)
                report.added += 1
        journal.record(db, desk_id=who.desk_id, operator=who.name, action="side_events.imported",
                       subject=report.file, detail={"requests": report.added})
    return report


def _header(rows: list[tuple[int, list[Any]]]) -> tuple[int | None, dict[int, str]]:
    for index, (_, cells) in enumerate(rows[:10]):
        found = {i: _LOOKUP[normalize_header(c)] for i, c in enumerate(cells)
                 if normalize_header(c) in _LOOKUP}
        if "title" in found.values():
            return index, found
    return None, {}


def _request(db: Database, number: int, values: dict[str, Any], label: dict[str, str],
             days: set[Any], zone: Any, report: RequestImport) -> Request | None:
    def problem(name: str, template: str, **fields: Any) -> None:
        report.problems.append(RowProblem(number, label.get(name, name), template, fields))

    text = {k: str(v).strip() if v is not None else "" for k, v in values.items()}
    if not text.get("title"):
        problem("title", MISSING, column=label.get("title", "title"))
    duration = _whole(text.get("duration", ""))
    if duration is None or duration <= 0:
        problem("duration", NOT_MINUTES, value=text.get("duration", ""))
    expected = _whole(text.get("expected", "") or "0")
    if expected is None or expected < 0:
        problem("expected", NOT_PEOPLE, value=text.get("expected", ""))
    slots = []
    for part in filter(None, (p.strip() for p in text.get("slots", "").split(";"))):
        try:
            at = datetime.strptime(part, "%Y-%m-%d %H:%M").replace(tzinfo=zone)
        except ValueError:
            problem("slots", BAD_SLOT, value=part)
            continue
        if at.date() not in days:
            problem("slots", NOT_AN_EVENT_DAY, value=at.date().isoformat())
        slots.append(at)
    flags = {}
    for name in ("interpretation", "avoid_plenary"):
        value = text.get(name, "").casefold()
        if value not in _YES | _NO:
            problem(name, BAD_YES_NO, value=text.get(name, ""))
        flags[name] = value in _YES
    panellists = []
    for who in filter(None, (p.strip() for p in text.get("panellists", "").replace(
            "\n", ";").split(";"))):
        found = _person(db, who)
        if isinstance(found, int):
            panellists.append(found)
        else:
            problem("panellists", found, value=who)
    equipment = tuple(e.strip().casefold() for e in text.get("equipment", "").replace(
        ";", ",").split(",") if e.strip())
    if not text.get("title") or duration is None or duration <= 0:
        return None
    title_en, title_ru = text["title"], text.get("title_ru", "")
    if not title_ru and mostly_cyrillic(title_en):  # a Russian title in the one column
        title_en, title_ru = "", title_en
    return Request(
        title_en=title_en, title_ru=title_ru,
        organizer=text.get("organizer", ""), contact=text.get("contact", ""),
        expected=expected or 0, duration_min=duration,
        languages=("en", "ru") if flags["interpretation"] else ("en",),
        interpretation=flags["interpretation"], equipment=equipment,
        avoid_plenary=flags["avoid_plenary"], slots=tuple(slots),
        panellists=tuple(panellists))


def _whole(text: str) -> int | None:
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return None
    return int(number) if number == int(number) else None


def _person(db: Database, who: str) -> int | str:
    if "@" in who:
        row = db.execute("SELECT id FROM delegate WHERE email = ? COLLATE NOCASE"
                         " AND merged_into IS NULL", [who]).fetchall()
        return row[0][0] if len(row) == 1 else UNKNOWN_PERSON
    ids, fuzzy = search_ids(db, who, limit=3)
    if not ids or fuzzy:
        return UNKNOWN_PERSON
    return ids[0] if len(ids) == 1 else AMBIGUOUS_PERSON

