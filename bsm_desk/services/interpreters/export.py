"""The roster as it stands, for the booths and for each interpreter: a PDF or a workbook
(per day and booth, then a personal schedule each, with totals), in English or Russian;
or a folder with one iCalendar file per interpreter."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from babel.dates import format_date

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.domain.interpreters import Interpreter
from bsm_desk.services.interpreters import rostering
from bsm_desk.services.interpreters.needs import Need
from bsm_desk.services.interpreters.problem import Problem, Seating
from bsm_desk.services.interpreters.solver import Roster
from bsm_desk.services.output import cells
from bsm_desk.services.output.files import CANNOT_WRITE, save_workbook, written
from bsm_desk.services.output.text import (
    BOLD,
    REGULAR,
    column_widths,
    paragraph_text,
    register_fonts,
)
from bsm_desk.store import sessions as session_store

if TYPE_CHECKING:
    from sqlite_utils import Database

UNKNOWN_KIND = QT_TRANSLATE_NOOP("UserError", "{file}: write the roster as .pdf or .xlsx, or "
                                              "give a folder for the calendars.")

T = TypeVar("T")

# (English, Russian)
TITLE = ("Interpreters' roster", "График устных переводчиков")
SCHEDULES = ("Personal schedules", "Личные графики")
PER_BOOTH = ("By booth", "По кабинам")
PER_BOOTH_HEADERS = (("Day", "День"), ("Time", "Время"), ("Sessions", "Заседания"),
                     ("Interpreters", "Переводчики"))
HEADERS = (("Time", "Время"), ("Room", "Зал"), ("Sessions", "Заседания"),
           ("Booth", "Кабина"), ("Team", "Состав"), ("Interpreters", "Переводчики"))
PERSONAL = (("Day", "День"), ("Time", "Время"), ("Room", "Зал"), ("Booth", "Кабина"),
            ("Sessions", "Заседания"))
TOTALS = (("Interpreter", "Переводчик"), ("Staff", "Штатный"), ("Booth time, h", "В кабине, ч"),
          ("Periods", "Периодов"), ("Days", "Дней"), ("Fee", "Гонорар"))
BOOTHS = {"en": ("English", "Английская"), "ru": ("Russian", "Русская"),
          "en-ru": ("Two-way EN–RU", "Двусторонняя EN–RU")}
YES_NO = (("no", "нет"), ("yes", "да"))
UNSTAFFED = ("not fully staffed", "не укомплектована")


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "ru" else pair[0]


def _name(person: Interpreter, lang: str) -> str:
    return (person.name_cyr or person.name) if lang == "ru" else person.name


@dataclass(frozen=True)
class Line:
    """One booth of one meeting, as it stands."""

    need: Need
    day: date
    time: str
    sessions: str
    people: tuple[Interpreter, ...]


def _lines(db: Database, lang: str) -> tuple[Problem, list[Line]]:
    asked = rostering.problem(db, lang=lang)
    titles = {s.id: s.title(lang) for s in session_store.list_sessions(db)}
    people = {p.id: p for p in asked.pool}
    found = []
    for need in asked.needs:
        start = need.meeting.starts_at.astimezone(asked.zone)
        end = need.meeting.ends_at.astimezone(asked.zone)
        ids = sorted(asked.previous.get(need.key, frozenset()))
        found.append(Line(need, start.date(), f"{start:%H:%M}–{end:%H:%M}",
                          " / ".join(titles.get(i, "") for i in need.meeting.session_ids),
                          tuple(people[i] for i in ids if i in people)))
    return asked, found


def _totals(asked: Problem, lines: list[Line]) -> dict[int, rostering.Totals]:
    seatings = [Seating(line.need, tuple(p.id or 0 for p in line.people))
                for line in lines]
    stood = Roster("feasible", seatings, [], [], 0.0)
    return rostering.totals(asked, stood)


@dataclass(frozen=True)
class Worked:
    """What one interpreter worked, as the roster stands."""

    name: str
    staff: bool
    booth_minutes: int
    days: int
    fee: float  # freelance days times the daily fee (0 for staff)


@dataclass(frozen=True)
class Interpretation:
    """The roster as it stands, in figures: interpreter-minutes in each booth (by its
    language; "two-way" for a booth working both ways), what each interpreter worked,
    and the meetings that needed relay (and, per language, how many relayed into it)."""

    booth_minutes: Mapping[str, int]
    people: list[Worked]
    relay: int
    relay_languages: Mapping[str, int] = field(default_factory=dict)

    @property
    def freelance_days(self) -> int:
        return sum(w.days for w in self.people if not w.staff)

    @property
    def fees(self) -> float:
        return sum(w.fee for w in self.people)


def interpretation(db: Database, lang: str = "en", *, day: date | None = None
                   ) -> Interpretation:
    """``day``: that day's booths only."""
    asked, lines = _lines(db, lang)
    lines = [line for line in lines if day is None or line.day == day]
    per_booth: dict[str, int] = defaultdict(int)
    for line in lines:
        per_booth[line.need.booth] += round(line.need.meeting.booth_minutes) * len(line.people)
    people = {p.id: p for p in asked.pool}
    worked = [Worked(_name(people[i], lang), people[i].staff, t.booth_minutes, t.days, t.fee)
              for i, t in _totals(asked, lines).items() if i in people and t.booth_minutes]
    worked.sort(key=lambda w: w.name.casefold())
    relayed = [languages for ids, languages in asked.relay.items()
               if day is None or any(line.day == day and line.need.meeting.session_ids == ids
                                     for line in lines)]
    per_language = Counter(language for languages in relayed for language in languages)
    return Interpretation(dict(per_booth), worked, len(relayed),
                          dict(sorted(per_language.items())))


def write(db: Database, out: str | Path, *, lang: str = "en") -> list[Path]:
    """FILE.pdf, FILE.xlsx, or a folder (one .ics per interpreter); the files written."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx") and (suffix or out.is_file()):
        raise UserError(UNKNOWN_KIND, file=out.name)
    asked, lines = _lines(db, lang)
    if suffix == ".xlsx":
        return [_xlsx(asked, lines, out, lang)]
    if suffix == ".pdf":
        return [_pdf(asked, lines, out, lang)]
    return _ics(asked, lines, out, lang)


def _day(day: date, lang: str) -> str:
    return format_date(day, "EEEE d MMMM y", locale=lang)


def _booth_row(line: Line, lang: str) -> list[object]:
    names = ", ".join(_name(p, lang) for p in line.people)
    if len(line.people) < line.need.team:
        names = f"{names} ({_pick(UNSTAFFED, lang)})" if names else _pick(UNSTAFFED, lang)
    return [line.time, line.need.room, line.sessions, _pick(BOOTHS[line.need.booth], lang),
            line.need.team, names]


def _personal(asked: Problem, lines: list[Line]) -> dict[int, list[Line]]:
    mine: dict[int, list[Line]] = defaultdict(list)
    for line in lines:
        for person in line.people:
            mine[person.id or 0].append(line)
    return mine


def _by_name(per_person: Mapping[int, T], people: Mapping[int | None, Interpreter],
             lang: str) -> list[tuple[int, T]]:
    """Alphabetical by the name as printed in ``lang``."""
    return sorted(per_person.items(), key=lambda t: _name(people[t[0]], lang).casefold())


def _xlsx(asked: Problem, lines: list[Line], out: Path, lang: str) -> Path:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    used: set[str] = set()
    by_day: dict[date, list[Line]] = defaultdict(list)
    for line in lines:
        by_day[line.day].append(line)
    for day, day_lines in sorted(by_day.items()):
        sheet = book.create_sheet(cells.sheet_title(format_date(day, "d MMM", locale=lang), used))
        sheet.append([_day(day, lang)])
        sheet.append([_pick(h, lang) for h in HEADERS])
        for line in day_lines:
            sheet.append([cells.xlsx(v, sheet) for v in _booth_row(line, lang)])
    totals = _totals(asked, lines)
    sheet = book.create_sheet(cells.sheet_title(_pick(TOTALS[0], lang), used))
    sheet.append([_pick(h, lang) for h in TOTALS])
    people = {p.id: p for p in asked.pool}
    for person_id, total in _by_name(totals, people, lang):
        person = people[person_id]
        sheet.append([cells.xlsx(_name(person, lang), sheet),
                      _pick(YES_NO[person.staff], lang), round(total.booth_minutes / 60, 2),
                      total.periods, total.days, total.fee])
    for person_id, mine in _by_name(_personal(asked, lines), people, lang):
        person = people[person_id]
        sheet = book.create_sheet(cells.sheet_title(_name(person, lang), used))
        sheet.append([cells.xlsx(_name(person, lang), sheet)])
        sheet.append([_pick(h, lang) for h in PERSONAL])
        for line in mine:
            sheet.append([cells.xlsx(v, sheet) for v in (
                format_date(line.day, "d MMM", locale=lang), line.time, line.need.room,
                _pick(BOOTHS[line.need.booth], lang), line.sessions)])
    if not lines:
        book.create_sheet(_pick(TITLE, lang)).append([_pick(h, lang) for h in HEADERS])
    save_workbook(book, out)
    return out


def _pdf(asked: Problem, lines: list[Line], out: Path, lang: str) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        KeepTogether,
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    register_fonts()
    cell = ParagraphStyle("c", fontName=REGULAR, fontSize=9, leading=11)
    head = ParagraphStyle("h", fontName=BOLD, fontSize=13, leading=16, spaceAfter=4)
    title = ParagraphStyle("t", fontName=BOLD, fontSize=17, leading=21, spaceAfter=6)
    style = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.grey),
                        ("LINEBELOW", (0, 1), (-1, -1), 0.2, colors.lightgrey)])

    def table(header: tuple[tuple[str, str], ...], rows: list[list[object]],
              widths: list[float]) -> Table:
        data = [[Paragraph(f"<b>{paragraph_text(_pick(h, lang))}</b>", cell) for h in header]]
        data += [[Paragraph(paragraph_text(str(v)), cell) for v in row] for row in rows]
        made = Table(data, colWidths=column_widths(
            [_pick(h, lang) for h in header], [w * mm for w in widths], sum(widths) * mm),
            repeatRows=1)
        made.setStyle(style)
        return made

    story: list[object] = [Paragraph(paragraph_text(_pick(TITLE, lang)), title)]
    by_day: dict[date, list[Line]] = defaultdict(list)
    for line in lines:
        by_day[line.day].append(line)
    for number, (day, day_lines) in enumerate(sorted(by_day.items())):
        story += [*([PageBreak()] if number else []),
                  Paragraph(paragraph_text(_day(day, lang)), head),
                  table(HEADERS, [_booth_row(line, lang) for line in day_lines],
                        [24, 40, 88, 32, 18, 70]), Spacer(1, 5 * mm)]
    by_booth: dict[tuple[str, str], list[Line]] = defaultdict(list)
    for line in lines:
        by_booth[line.need.room, line.need.booth].append(line)
    if by_booth:
        story += [PageBreak(), Paragraph(paragraph_text(_pick(PER_BOOTH, lang)), title)]
    for (room, booth), booth_lines in sorted(by_booth.items()):
        rows: list[list[object]] = [
            [format_date(line.day, "d MMM", locale=lang), line.time, line.sessions,
             _booth_row(line, lang)[-1]] for line in booth_lines]
        story.append(KeepTogether([
            Paragraph(paragraph_text(f"{room} · {_pick(BOOTHS[booth], lang)}"), head),
            table(PER_BOOTH_HEADERS, rows, [22, 24, 130, 96]), Spacer(1, 4 * mm)]))
    people = {p.id: p for p in asked.pool}
    totals = _totals(asked, lines)
    story += [PageBreak(), Paragraph(paragraph_text(_pick(SCHEDULES, lang)), title),
              table(TOTALS, [[_name(people[i], lang), _pick(YES_NO[people[i].staff], lang),
                              f"{t.booth_minutes / 60:.2f}", t.periods, t.days, f"{t.fee:g}"]
                             for i, t in _by_name(totals, people, lang)],
                    [80, 24, 32, 24, 20, 30]), Spacer(1, 6 * mm)]
    for person_id, mine in _by_name(_personal(asked, lines), people, lang):
        rows = [
            [format_date(line.day, "d MMM", locale=lang), line.time, line.need.room,
             _pick(BOOTHS[line.need.booth], lang), line.sessions] for line in mine]
        story.append(KeepTogether([
            Paragraph(paragraph_text(_name(people[person_id], lang)), head),
            table(PERSONAL, rows, [22, 24, 44, 36, 146]), Spacer(1, 4 * mm)]))
    with written(out) as partial:
        SimpleDocTemplate(str(partial), pagesize=landscape(A4), leftMargin=12 * mm,
                          rightMargin=12 * mm, topMargin=14 * mm, bottomMargin=14 * mm,
                          title=_pick(TITLE, lang), author="BSM Desk").build(story)
    return out


def _ics(asked: Problem, lines: list[Line], folder: Path, lang: str) -> list[Path]:
    from icalendar import Calendar
    from icalendar import Event as CalendarEvent

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(CANNOT_WRITE, path=str(folder), reason=exc.strerror or str(exc)) \
            from exc
    people = {p.id: p for p in asked.pool}
    files = []
    for person_id, mine in sorted(_personal(asked, lines).items()):
        person = people[person_id]
        calendar = Calendar()
        calendar.add("prodid", "-//BSM Desk//Roster//EN")
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", f"{_pick(TITLE, lang)} · {_name(person, lang)}")
        for line in mine:
            item = CalendarEvent()
            ids = "-".join(map(str, line.need.meeting.session_ids))
            item.add("uid", f"booth-{ids}-{line.need.booth}-{person_id}@bsm-desk")
            item.add("summary", f"{_pick(BOOTHS[line.need.booth], lang)} · {line.sessions}")
            item.add("location", line.need.room)
            item.add("dtstart", line.need.meeting.starts_at.astimezone(asked.zone))
            item.add("dtend", line.need.meeting.ends_at.astimezone(asked.zone))
            item.add("dtstamp", line.need.meeting.starts_at)
            calendar.add_component(item)
        calendar.add_missing_timezones()
        slug = re.sub(r"[^a-z0-9]+", "-", person.name.casefold()).strip("-")
        path = folder / f"{person_id}-{slug or 'interpreter'}.ics"
        with written(path) as target:
            target.write_bytes(calendar.to_ical())
        files.append(path)
    return files
