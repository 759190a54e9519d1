"""The conference report as a workbook: the figures as tables, each beside a native
Excel chart that reads them (a secretariat can restyle it), and the rapporteur's list;
from the same :class:`~bsm_desk.services.conference.report.Report` as the PDF."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from bsm_desk.domain.errors import UserError
from bsm_desk.services.conference.pdf import EMPTY
from bsm_desk.services.conference.report import (
    BOOTH_WORDS,
    KIND_NAMES,
    L_ACCREDITED,
    L_ARRIVALS,
    L_ARRIVALS_ON,
    L_BOOTH,
    L_BOOTH_HOURS,
    L_BUSIEST,
    L_CATEGORY,
    L_DAY_OR_SESSION,
    L_DAYS,
    L_DELEGATION,
    L_EXPECTED,
    L_FEE,
    L_FEES,
    L_FIGURE,
    L_FREELANCE_DAYS,
    L_FUNCTION,
    L_GENERATED,
    L_GROUP,
    L_GROUPS,
    L_HEADS,
    L_HEADS_PRESENT,
    L_HOURS,
    L_INTERPRETATION,
    L_INTERPRETER,
    L_KIND,
    L_LANGUAGE,
    L_LEVEL,
    L_MEN,
    L_MINUTES,
    L_MINUTES_MEN,
    L_MINUTES_WOMEN,
    L_NO,
    L_NO_SHOWS,
    L_NOTE,
    L_PARTICIPATION,
    L_PRESENT,
    L_REGION,
    L_REGISTERED,
    L_RELAY,
    L_RELAY_FROM,
    L_ROOMS,
    L_ROOMS_ON,
    L_SEATS,
    L_SESSION,
    L_SIDE_EVENTS,
    L_SPEAKER,
    L_SPEAKERS,
    L_SPEAKING,
    L_STAFF,
    L_STARTED,
    L_STATEMENT_COUNT,
    L_STATEMENTS,
    L_SUMMARY,
    L_TIME,
    L_TOTAL,
    L_WOMEN,
    L_WOMEN_SHARE,
    L_YES,
    LINES,
    MEN,
    REPORT_KIND,
    SMALL,
    WOMEN,
    Report,
    language_name,
)
from bsm_desk.services.output import cells
from bsm_desk.services.output.files import save_workbook

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

Translate = Callable[[str], str]
DASH = "–"


def _shown(value: object) -> object:
    return DASH if value is None else value


def _sheet(book: Workbook, title: str, headers: list[str]) -> Worksheet:
    ws = book.create_sheet(cells.sheet_title(title))
    ws.append([cells.clean(h) for h in headers])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    return ws


def write_workbook(report: Report, out: str | Path,
                   translate: Translate | None = None) -> Path:
    """The report's figures as tables with their charts, and the rapporteur's list."""
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise UserError(REPORT_KIND, file=out.name)
    t = translate or (lambda text: text)
    book = Workbook()
    book.remove(book.active)
    for write in (_summary, _participation, _groups, _speaking, _arrivals, _interpretation,
                  _statements):
        write(book, report, t)
    return save_workbook(book, out)


def _summary(book: Workbook, report: Report, t: Translate) -> None:
    """The key figures, the event, and the note on what is not split."""
    summary = _sheet(book, t(L_SUMMARY), [t(L_FIGURE), t(L_TOTAL), t(L_WOMEN), t(L_MEN),
                                   t(L_WOMEN_SHARE)])
    for label, figure in ((L_REGISTERED, report.registered),
                          (L_ACCREDITED, report.accredited), (L_PRESENT, report.present),
                          (L_HEADS, report.heads), (L_HEADS_PRESENT, report.heads_present),
                          (L_SPEAKERS, report.speaking_total.speakers)):
        summary.append([t(label), figure.total, _shown(figure.women), _shown(figure.men),
                        _shown(figure.women_share)])
    summary.append([t(L_NO_SHOWS), report.no_shows])
    summary.append([t(L_MINUTES), report.speaking_total.minutes,
                    _shown(report.speaking_total.minutes_women),
                    _shown(report.speaking_total.minutes_men),
                    _shown(report.minutes_women_share)])
    summary.append([])
    summary.append([cells.clean(report.title)])
    summary.append([cells.clean(report.venue)])
    summary.append([f"{report.dates[0].isoformat()} – {report.dates[1].isoformat()}"])
    summary.append([t(L_GENERATED), datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")])
    summary.append([t(L_NOTE).format(small=SMALL)])
    summary.column_dimensions["A"].width = 40


def _participation(book: Workbook, report: Report, t: Translate) -> None:
    """Presence by day and session, women and men, with their chart."""
    participation = _sheet(book, t(L_PARTICIPATION), [t(L_DAY_OR_SESSION), t(L_EXPECTED),
                                               t(L_PRESENT), t(L_WOMEN), t(L_MEN),
                                               t(L_WOMEN_SHARE), t(L_SEATS),
                                               t(L_BUSIEST), t(L_ARRIVALS)])
    for line in [*report.days, *report.sessions]:
        participation.append([cells.xlsx(line.label, participation), line.expected.total,
                              line.present.total, _shown(line.present.women),
                              _shown(line.present.men), _shown(line.present.women_share),
                              line.seats or None,
                              line.peak[0].strftime("%H:%M") if line.peak else None,
                              line.peak[1] if line.peak else None])
    participation.column_dimensions["A"].width = 52
    _chart(participation, t(L_PRESENT), rows=len(report.days) + len(report.sessions),
           columns=(4, 5), anchor="K2")
    if report.side_events:  # present and seats left, by side event
        top = participation.max_row + 2
        participation.cell(row=top, column=1, value=cells.clean(t(L_SIDE_EVENTS)))
        participation.cell(row=top, column=2, value=cells.clean(t(L_PRESENT)))
        participation.cell(row=top, column=3, value=cells.clean(t(L_SEATS)))
        for offset, line in enumerate(report.side_events, start=1):
            participation.cell(row=top + offset, column=1,
                               value=cells.xlsx(line.label, participation))
            participation.cell(row=top + offset, column=2, value=line.present.total)
            participation.cell(row=top + offset, column=3, value=line.seats or None)
        chart = BarChart()
        chart.type = "bar"
        chart.title = t(L_SIDE_EVENTS)
        chart.height, chart.width = max(7.0, len(report.side_events) * 1.6), 30.0
        chart.add_data(Reference(participation, min_col=2, max_col=3, min_row=top,
                                 max_row=top + len(report.side_events)),
                       titles_from_data=True)
        chart.set_categories(Reference(participation, min_col=1, min_row=top + 1,
                                       max_row=top + len(report.side_events)))
        for series, colour in zip(chart.series, (MEN, EMPTY), strict=False):
            series.graphicalProperties.solidFill = colour.lstrip("#")
        participation.add_chart(chart, f"E{top}")


def _groups(book: Workbook, report: Report, t: Translate) -> None:
    """Delegations by kind, then Member States by regional group, then everyone by level
    of representation: each its own table, one under another."""
    groups = _sheet(book, t(L_GROUPS), [t(L_GROUP), t(L_REGISTERED), t(L_PRESENT),
                                        t(L_WOMEN), t(L_MEN), t(L_WOMEN_SHARE)])
    for first, lines in ((None, report.groups), (L_REGION, report.regions),
                         (L_LEVEL, report.levels), (L_CATEGORY, report.categories)):
        if first is not None:
            groups.append([])
            groups.append([cells.clean(h) for h in (t(first), t(L_REGISTERED),
                                                     t(L_PRESENT), t(L_WOMEN), t(L_MEN),
                                                     t(L_WOMEN_SHARE))])
        for line in lines:
            groups.append([line.label, line.expected.total, line.present.total,
                           _shown(line.present.women), _shown(line.present.men),
                           _shown(line.present.women_share)])
    groups.column_dimensions["A"].width = 40


def _speaking(book: Workbook, report: Report, t: Translate) -> None:
    """Statements and speaking time per session, with their chart."""
    speaking = _sheet(book, t(L_SPEAKING), [t(L_SESSION), t(L_STATEMENT_COUNT), t(L_SPEAKERS),
                                     t(L_WOMEN), t(L_MEN), t(L_MINUTES), t(L_MINUTES_WOMEN),
                                     t(L_MINUTES_MEN)])
    for s in [*report.speaking, report.speaking_total]:
        speaking.append([cells.xlsx(s.label, speaking), s.statements, s.speakers.total,
                         _shown(s.speakers.women), _shown(s.speakers.men), s.minutes,
                         _shown(s.minutes_women), _shown(s.minutes_men)])
    speaking.column_dimensions["A"].width = 52
    _chart(speaking, t(L_SPEAKING), rows=len(report.speaking), columns=(7, 8), anchor="J2")
    for heading, lines in ((L_GROUP, report.speaking_by_group),
                           (L_LEVEL, report.speaking_by_level)):
        if not lines:
            continue
        speaking.append([])
        speaking.append([cells.clean(t(heading))])
        for line in lines:
            speaking.append([cells.xlsx(line.label, speaking), line.statements,
                             line.speakers.total, _shown(line.speakers.women),
                             _shown(line.speakers.men), line.minutes,
                             _shown(line.minutes_women), _shown(line.minutes_men)])


def _arrivals(book: Workbook, report: Report, t: Translate) -> None:
    """Arrivals at the entrance per quarter hour, a chart per day."""
    arrivals = _sheet(book, t(L_ARRIVALS), [t(L_TIME), t(L_ARRIVALS)])
    at_row = 2
    for day, quarters in report.arrivals.items():
        if not quarters:
            continue
        for offset, (at, count) in enumerate(quarters):  # each day from its own row
            arrivals.cell(row=at_row + offset, column=1, value=f"{day.isoformat()} {at:%H:%M}")
            arrivals.cell(row=at_row + offset, column=2, value=count)
        chart = BarChart()
        chart.title = t(L_ARRIVALS_ON).format(day=day.isoformat())
        chart.legend = None
        chart.height, chart.width = 8.0, 24.0
        chart.add_data(Reference(arrivals, min_col=2, min_row=at_row,
                                 max_row=at_row + len(quarters) - 1))
        chart.set_categories(Reference(arrivals, min_col=1, min_row=at_row,
                                       max_row=at_row + len(quarters) - 1))
        chart.series[0].graphicalProperties.solidFill = MEN.lstrip("#")
        arrivals.add_chart(chart, f"D{at_row}")
        at_row += max(len(quarters), 18)  # room for the chart before the next day
    arrivals.column_dimensions["A"].width = 18
    _rooms(book, report, t)


def _rooms(book: Workbook, report: Report, t: Translate) -> None:
    """Check-ins at each room's doors per quarter hour: a column per room, a line chart
    per day."""
    if not any(report.rooms.values()):
        return
    rooms = book.create_sheet(cells.sheet_title(t(L_ROOMS)))
    at_row = 1
    for day, flows in report.rooms.items():
        if not flows:
            continue
        rooms.cell(row=at_row, column=1, value=cells.clean(t(L_TIME)))
        for column, flow in enumerate(flows, start=2):
            rooms.cell(row=at_row, column=column, value=cells.xlsx(flow.room, rooms))
        for offset, (at, _n) in enumerate(flows[0].quarters, start=1):
            rooms.cell(row=at_row + offset, column=1, value=f"{day.isoformat()} {at:%H:%M}")
            for column, flow in enumerate(flows, start=2):
                rooms.cell(row=at_row + offset, column=column, value=flow.quarters[offset - 1][1])
        last = at_row + len(flows[0].quarters)
        chart = LineChart()
        chart.title = t(L_ROOMS_ON).format(day=day.isoformat())
        chart.height, chart.width = 9.0, 24.0
        chart.add_data(Reference(rooms, min_col=2, max_col=1 + len(flows), min_row=at_row,
                                 max_row=last), titles_from_data=True)
        chart.set_categories(Reference(rooms, min_col=1, min_row=at_row + 1, max_row=last))
        for index, series in enumerate(chart.series):
            series.graphicalProperties.line.solidFill = LINES[index % len(LINES)].lstrip("#")
            series.smooth = False
        rooms.add_chart(chart, f"{get_column_letter(len(flows) + 3)}{at_row}")
        at_row = max(last, at_row + 20) + 2  # room for the chart before the next day
    rooms.column_dimensions["A"].width = 18
    most = max((len(flows) for flows in report.rooms.values()), default=0)
    for column in range(2, most + 2):  # a room's name over its column, readable
        rooms.column_dimensions[get_column_letter(column)].width = 22


def _interpretation(book: Workbook, report: Report, t: Translate) -> None:
    """Booth time per booth, the totals, and each interpreter."""
    booths = _sheet(book, t(L_INTERPRETATION), [t(L_BOOTH), t(L_BOOTH_HOURS)])
    work = report.interpretation
    for booth, minutes in sorted(work.booth_minutes.items()):
        booths.append([t(BOOTH_WORDS.get(booth, booth)), round(minutes / 60, 2)])
    booths.append([])
    booths.append([t(L_FREELANCE_DAYS), work.freelance_days])
    booths.append([t(L_FEES), work.fees])
    booths.append([t(L_RELAY), work.relay])
    for code, meetings in work.relay_languages.items():
        booths.append([t(L_RELAY_FROM).format(language=language_name(code, report.lang)),
                       meetings])
    booths.append([])
    booths.append([cells.clean(h) for h in (t(L_INTERPRETER), t(L_STAFF), t(L_HOURS),
                                             t(L_DAYS), t(L_FEE))])
    for person in work.people:
        booths.append(cells.xlsx_row([person.name, t(L_YES if person.staff else L_NO),
                                      round(person.booth_minutes / 60, 2), person.days,
                                      person.fee], booths))
    booths.column_dimensions["A"].width = 36


def _statements(book: Workbook, report: Report, t: Translate) -> None:
    """The rapporteur's list."""
    listed = _sheet(book, t(L_STATEMENTS), [t(L_SESSION), t(L_SPEAKER), t(L_FUNCTION),
                                     t(L_DELEGATION), t(L_KIND), t(L_LANGUAGE), t(L_STARTED),
                                     t(L_MINUTES)])
    for st in report.statements:
        started = st.started.strftime("%H:%M") if st.started else ""
        listed.append(cells.xlsx_row([st.session, st.name, st.function, st.delegation,
                                      t(KIND_NAMES[st.kind]), st.language, started,
                                      st.minutes], listed))
    for column, width in zip("ABCD", (44, 30, 36, 30), strict=True):
        listed.column_dimensions[column].width = width


def _chart(ws: Worksheet, title: str, *, rows: int, columns: tuple[int, int],
           anchor: str) -> None:
    """A stacked bar chart of two columns (women, then men) by the rows' labels."""
    if rows < 1:
        return
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = title
    chart.height, chart.width = max(9.0, rows * 0.9), 30.0  # room for long titles
    data = Reference(ws, min_col=columns[0], max_col=columns[1], min_row=1, max_row=rows + 1)
    labels = Reference(ws, min_col=1, min_row=2, max_row=rows + 1)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(labels)
    for series, colour in zip(chart.series, (WOMEN, MEN), strict=False):
        series.graphicalProperties.solidFill = colour.lstrip("#")
        series.graphicalProperties.line.solidFill = colour.lstrip("#")
    ws.add_chart(chart, anchor)
