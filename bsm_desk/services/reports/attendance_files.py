"""The attendance workbook (a summary, the participants with their first check-in each
day, a sheet per session, by delegation) and its CSV files, in the report's language,
from :func:`~bsm_desk.services.reports.attendance.collect`."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP
from bsm_desk.domain.model import pick
from bsm_desk.services.output import cells
from bsm_desk.services.output.files import save_workbook, written
from bsm_desk.services.reports.attendance import (
    GENDERS,
    Attendance,
    Person,
    Progress,
    Translate,
    by_delegation,
    summary,
)
from bsm_desk.store.reading import collector_paused

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

# Labels of the report, translated at writing time in the report's language.
L_FAMILY_NAME = QT_TRANSLATE_NOOP("Attendance", "Family name")
L_GIVEN_NAME = QT_TRANSLATE_NOOP("Attendance", "Given name")
L_FAMILY_NAME_CYRILLIC = QT_TRANSLATE_NOOP("Attendance", "Family name (Cyrillic)")
L_GIVEN_NAME_CYRILLIC = QT_TRANSLATE_NOOP("Attendance", "Given name (Cyrillic)")
L_DELEGATION = QT_TRANSLATE_NOOP("Attendance", "Delegation")
L_CATEGORY = QT_TRANSLATE_NOOP("Attendance", "Category")
L_GENDER = QT_TRANSLATE_NOOP("Attendance", "Gender")
L_FUNCTION = QT_TRANSLATE_NOOP("Attendance", "Function")
L_DAY_DAY_FIRST_CHECK_IN = QT_TRANSLATE_NOOP("Attendance", "Day {day}: first check-in")
L_YES = QT_TRANSLATE_NOOP("Attendance", "yes")
L_DAY_OR_SESSION = QT_TRANSLATE_NOOP("Attendance", "Day or session")
L_EXPECTED = QT_TRANSLATE_NOOP("Attendance", "Expected")
L_PRESENT = QT_TRANSLATE_NOOP("Attendance", "Present")
L_SUMMARY = QT_TRANSLATE_NOOP("Attendance", "Summary")
L_GENERATED = QT_TRANSLATE_NOOP("Attendance", "Generated")
L_PARTICIPANTS = QT_TRANSLATE_NOOP("Attendance", "Participants")
L_NAME_IN_CYRILLIC = QT_TRANSLATE_NOOP("Attendance", "Name in Cyrillic")
L_CHECKED_IN_AT = QT_TRANSLATE_NOOP("Attendance", "Checked in at")
L_PRESENT_ON_DAY = QT_TRANSLATE_NOOP("Attendance", "Present on {day}")
L_BY_DELEGATION = QT_TRANSLATE_NOOP("Attendance", "By delegation")

def _tr_context(translate: Callable[[str, str], str] | None) -> Translate:
    return (lambda text: translate("Attendance", text)) if translate else (lambda text: text)


class _Sheet:
    """A write-only sheet with a frozen, filtered header row and set column widths."""

    def __init__(self, wb: Workbook, title: str, headers: Sequence[str], rows: int,
                 widths: Sequence[float], preamble: Sequence[Sequence[Any]] = ()) -> None:
        self.ws: WriteOnlyWorksheet = wb.create_sheet(cells.clean(title)[:31])
        top = len(preamble) + 1  # the header row
        self.ws.freeze_panes = f"A{top + 1}"
        last = get_column_letter(max(len(headers), 1))
        self.ws.auto_filter.ref = f"A{top}:{last}{top + rows}"
        for index, width in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(index)].width = width
        header_cells = []
        for text in headers:
            cell = WriteOnlyCell(self.ws, value=cells.clean(text))
            cell.font = Font(bold=True)
            header_cells.append(cell)
        for line in preamble:
            self.row(list(line))
        self.ws.append(header_cells)

    def row(self, values: list[Any], guarded: int | None = None) -> None:
        """A row of ``values``, made safe in place: all, or the first ``guarded`` (the
        rest being numbers, times and our own words)."""
        self.ws.append(cells.guard(values, self.ws, guarded))


def _wall_clock(att: Attendance) -> Callable[[datetime | None], datetime | None]:
    """A moment as a naive datetime in the venue's zone, what Excel shows as a time (the
    zone looked up once, for a hundred thousand rows)."""
    zone, combine = att.event.zone, datetime.combine

    def local(at: datetime | None) -> datetime | None:
        if at is None:
            return None
        moment = at.astimezone(zone)
        # The same naive time as replace(tzinfo=None), five times faster.
        return combine(moment.date(), moment.time())

    return local


GENDER_LABELS = {"F": QT_TRANSLATE_NOOP("Attendance", "Women"),
                 "M": QT_TRANSLATE_NOOP("Attendance", "Men"),
                 "X": QT_TRANSLATE_NOOP("Attendance", "Not stated")}
GENDER_SHORT = {"F": QT_TRANSLATE_NOOP("Attendance", "F"),
                "M": QT_TRANSLATE_NOOP("Attendance", "M"),
                "X": QT_TRANSLATE_NOOP("Attendance", "Not stated")}


def participant_headers(att: Attendance, lang: str, t: Translate) -> list[str]:
    headers = [t(L_FAMILY_NAME), t(L_GIVEN_NAME), t(L_FAMILY_NAME_CYRILLIC),
               t(L_GIVEN_NAME_CYRILLIC), t(L_DELEGATION), t(L_CATEGORY), t(L_GENDER),
               t(L_FUNCTION)]
    headers += [t(L_DAY_DAY_FIRST_CHECK_IN).format(day=d.isoformat()) for d in att.days]
    zone = att.event.zone
    headers += [f"{s.starts_at.astimezone(zone):%d.%m %H:%M} {s.title(lang)}"
                for s in att.sessions]
    return headers


def _words(att: Attendance, lang: str, t: Translate
           ) -> tuple[dict[int, str], dict[int, str], dict[str, str]]:
    """The delegations', categories' and genders' names in the report's language, looked
    up once for a whole sheet, not once a person."""
    return ({i: g.name(lang) for i, g in att.delegations.items()},
            {i: k.name(lang) for i, k in att.categories.items()},
            {code: t(text) for code, text in GENDER_SHORT.items()})


# The Participants sheet's columns of text (names, delegation, category, gender,
# function): the rest are times and our own marks.
_PARTICIPANT_TEXT = 8


def _tails(att: Attendance, moment: Callable[[datetime | None], Any], mark: str,
           blank: list[Any]) -> dict[int, list[Any]]:
    """The rest of each row of the Participants sheet that is not empty (the days' first
    check-ins, the sessions' marks), by person: made from the check-ins themselves, not
    by asking every day and session about every person."""
    tails: dict[int, list[Any]] = {}
    for column, day in enumerate(att.days):
        for delegate_id, at in att.day_first.get(day, {}).items():
            tail = tails.get(delegate_id)
            if tail is None:
                tail = tails[delegate_id] = blank.copy()
            tail[column] = moment(at)
    for column, s in enumerate(att.sessions, start=len(att.days)):
        for delegate_id in att.session_first[s.id or 0]:
            tail = tails.get(delegate_id)
            if tail is None:
                tail = tails[delegate_id] = blank.copy()
            tail[column] = mark
    return tails


def participant_rows(att: Attendance, lang: str, t: Translate,
                     moment: Callable[[datetime | None], Any] = lambda at: at
                     ) -> Iterable[list[Any]]:
    """Each person's row of the Participants sheet: the text of its first columns (the
    names, delegation, category, gender, function), each day's first check-in as
    ``moment`` makes it (as it is, unless told) and a mark for each session attended."""
    delegations, categories, genders = _words(att, lang, t)  # looked up once, not
    # once a person
    blank = [None] * (len(att.days) + len(att.sessions))
    with collector_paused():  # a list for each person who came: none of them garbage
        tails = _tails(att, moment, t(L_YES), blank)
    for p in att.people:
        values: list[Any] = [
            p.family_name, p.given_name, p.family_name_cyr, p.given_name_cyr,
            delegations[p.delegation_id], categories[p.category_id], genders[p.gender],
            pick(lang, p.function_en, p.function_ru)]
        values += tails.get(p.id, blank)
        yield values


def write_workbook(att: Attendance, out: str | Path, lang: str = "en",
                   translate: Callable[[str, str], str] | None = None,
                   progress: Progress | None = None) -> Path:
    """The attendance workbook; written beside ``out`` and renamed when whole."""
    t = _tr_context(translate)
    out = Path(out)
    wb = Workbook(write_only=True)
    people = {p.id: p for p in att.people}
    total = len(att.people) * 2 + 1
    done = 0

    def step(count: int) -> None:
        nonlocal done
        done += count
        if progress:
            progress(min(done, total), total)

    lines = summary(att, lang)
    categories = list(att.categories.values())
    headers = [t(L_DAY_OR_SESSION), t(L_EXPECTED), t(L_PRESENT)]
    headers += [t(GENDER_LABELS[g]) for g in GENDERS]
    headers += [c.name(lang) for c in categories]
    facts = _Sheet(wb, t(L_SUMMARY), headers, len(lines),
                   [52, 11, 11, 10, 10, 12] + [14] * len(categories), preamble=[
                       [att.event.title(lang)], [att.event.venue(lang)],
                       [f"{att.event.start_date.isoformat()} – "
                        f"{att.event.end_date.isoformat()}"],
                       [t(L_GENERATED), _wall_clock(att)(datetime.now(UTC))], []])
    for line in lines:
        facts.row([line.label, line.expected, line.present]
                  + [line.by_gender.get(g, 0) for g in GENDERS]
                  + [line.by_category.get(c.id or 0, 0) for c in categories])
    step(1)

    headers = participant_headers(att, lang, t)
    sheet = _Sheet(wb, t(L_PARTICIPANTS), headers, len(att.people),
                   [20, 16, 20, 16, 30, 22, 10, 30] + [18] * len(att.days)
                   + [12] * len(att.sessions))
    local = _wall_clock(att)
    # A naive datetime becomes a real Excel date-time (openpyxl gives it a date format).
    for index, values in enumerate(participant_rows(att, lang, t, local)):
        sheet.row(values, guarded=_PARTICIPANT_TEXT)
        if index % 2000 == 1999:
            step(2000)
    step(len(att.people) % 2000)

    delegation_names, category_names, gender_names = _words(att, lang, t)
    for session in att.sessions:
        assert session.id is not None
        seen = sorted(att.session_first[session.id].items(), key=lambda x: x[1])
        title = f"{session.starts_at.astimezone(att.event.zone):%d.%m %H%M} {session.title(lang)}"
        sheet = _Sheet(wb, cells.sheet_title(title), [
            t(L_FAMILY_NAME), t(L_GIVEN_NAME), t(L_NAME_IN_CYRILLIC), t(L_DELEGATION),
            t(L_CATEGORY), t(L_GENDER), t(L_CHECKED_IN_AT)], len(seen),
            [20, 16, 26, 30, 22, 10, 18])
        for delegate_id, at in seen:
            p = people[delegate_id]
            sheet.row([p.family_name, p.given_name,
                       f"{p.family_name_cyr} {p.given_name_cyr}".strip(),
                       delegation_names[p.delegation_id], category_names[p.category_id],
                       gender_names[p.gender], local(at)], guarded=6)  # the text, then when
        step(len(seen) // 10)

    rows = by_delegation(att, lang)
    headers = [t(L_DELEGATION), t(L_EXPECTED)]
    headers += [t(L_PRESENT_ON_DAY).format(day=d.isoformat()) for d in att.days]
    headers += [t(GENDER_LABELS[g]) for g in GENDERS]
    sheet = _Sheet(wb, t(L_BY_DELEGATION), headers, len(rows),
                   [40, 11] + [16] * len(att.days) + [10, 10, 12])
    for row in rows:
        sheet.row(row)
    step(total)
    return _save(wb, out)


def _save(wb: Workbook, out: Path) -> Path:
    save_workbook(wb, out)
    return out


def write_csv(att: Attendance, out: str | Path, lang: str = "en",
              translate: Callable[[str, str], str] | None = None) -> Path:
    """The Participants sheet as CSV, UTF-8 with a BOM so that Excel reads Cyrillic."""
    t = _tr_context(translate)
    out = Path(out)
    with written(out) as partial, open(partial, "w", encoding="utf-8-sig",
                                       newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(participant_headers(att, lang, t))
        for values in participant_rows(att, lang, t, _wall_clock(att)):
            writer.writerow([_csv_value(v) for v in values])
    return out


def write_people_csv(att: Attendance, people: Sequence[Person], out: str | Path,
                     lang: str = "en",
                     translate: Callable[[str, str], str] | None = None) -> Path:
    """A list of people (the no-shows, say) as CSV with a BOM: name, delegation, category."""
    t = _tr_context(translate)
    out = Path(out)
    with written(out) as partial, open(partial, "w", encoding="utf-8-sig",
                                       newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([t(L_FAMILY_NAME), t(L_GIVEN_NAME), t(L_NAME_IN_CYRILLIC),
                         t(L_DELEGATION), t(L_CATEGORY), t(L_GENDER)])
        for p in people:
            writer.writerow([_csv_value(v) for v in (
                p.family_name, p.given_name, f"{p.family_name_cyr} {p.given_name_cyr}".strip(),
                att.delegations[p.delegation_id].name(lang),
                att.categories[p.category_id].name(lang), t(GENDER_SHORT[p.gender]))])
    return out


def _csv_value(value: Any) -> Any:
    """A value for a CSV row; a time is already the venue's (see _wall_clock)."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return cells.csv(value)
