"""The conference report as a PDF: a cover, the key figures, then participation,
delegations, speaking time and the rapporteur's list, with vector charts (reportlab's
graphics) in the report's palette — the same figures as the workbook, from the same
:class:`~bsm_desk.services.conference.report.Report`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.services.conference import report as words
from bsm_desk.services.conference.report import (
    KIND_NAMES,
    L_DAY_OR_SESSION,
    L_DELEGATION,
    L_EXPECTED,
    L_FIGURE,
    L_FUNCTION,
    L_GENERATED,
    L_GROUP,
    L_GROUPS,
    L_HEADS,
    L_HEADS_PRESENT,
    L_MEN,
    L_MINUTES,
    L_MINUTES_MEN,
    L_MINUTES_WOMEN,
    L_NOTE,
    L_PARTICIPATION,
    L_PRESENT,
    L_REGISTERED,
    L_SESSION,
    L_SPEAKER,
    L_SPEAKERS,
    L_SPEAKING,
    L_STATEMENT_COUNT,
    L_STATEMENTS,
    L_SUMMARY,
    L_TITLE,
    L_TOTAL,
    L_WOMEN,
    L_WOMEN_SHARE,
    LINES,
    MEN,
    REPORT_KIND,
    SMALL,
    WOMEN,
    Flow,
    Report,
    Speaking,
    language_name,
)
from bsm_desk.services.output.files import written
from bsm_desk.services.output.text import (
    BOLD,
    REGULAR,
    cut_to,
    paragraph_text,
    register_fonts,
)

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

L_NOT_SPLIT = QT_TRANSLATE_NOOP("Report", "not split (fewer than {small})")
L_EMPTY_SEATS = QT_TRANSLATE_NOOP("Report", "Seats left empty")
GREY = "#9e9e9e"  # a figure too small to split
EMPTY = "#d7dde5"  # seats left empty
DASH = "–"


def write_pdf(report: Report, out: str | Path,
              translate: Callable[[str], str] | None = None) -> Path:
    out = Path(out)
    if out.suffix.lower() != ".pdf":
        raise UserError(REPORT_KIND, file=out.name)
    t = translate or (lambda text: text)
    register_fonts()
    title = ParagraphStyle("title", fontName=BOLD, fontSize=24, leading=30, spaceAfter=10)
    heading = ParagraphStyle("h", fontName=BOLD, fontSize=14, leading=18, spaceBefore=10,
                             spaceAfter=6, keepWithNext=True,
                             textColor=colors.HexColor("#1f3a5f"))
    body = ParagraphStyle("b", fontName=REGULAR, fontSize=9, leading=11.5)
    small = ParagraphStyle("s", parent=body, fontSize=8, leading=10,
                           textColor=colors.HexColor("#555555"))

    def p(text: object, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(paragraph_text(str(text)), style)

    def shown(value: object) -> str:
        return DASH if value is None else str(value)

    def busiest(peak: tuple[datetime, int] | None) -> str:
        return f"{peak[0]:%H:%M} ({peak[1]})" if peak else ""

    story: list[object] = [
        Spacer(1, 50 * mm), p(t(L_TITLE), title), p(report.title, heading),
        p(report.venue), p(f"{report.dates[0].isoformat()} – {report.dates[1].isoformat()}"),
        PageBreak(), p(t(L_SUMMARY), heading)]
    rows = [[t(L_FIGURE), t(L_TOTAL), t(L_WOMEN), t(L_MEN), t(L_WOMEN_SHARE)]]
    for label, figure in ((L_REGISTERED, report.registered),
                          (words.L_ACCREDITED, report.accredited), (L_PRESENT, report.present),
                          (L_HEADS, report.heads), (L_HEADS_PRESENT, report.heads_present),
                          (L_SPEAKERS, report.speaking_total.speakers)):
        rows.append([t(label), str(figure.total), shown(figure.women), shown(figure.men),
                     shown(figure.women_share)])
    total = report.speaking_total
    rows.append([t(words.L_NO_SHOWS), str(report.no_shows), "", "", ""])
    rows.append([t(L_MINUTES), str(total.minutes), shown(total.minutes_women),
                 shown(total.minutes_men), shown(report.minutes_women_share)])
    story += [_table(rows, [70 * mm, 22 * mm, 22 * mm, 22 * mm, 25 * mm], body),
              Spacer(1, 3 * mm), p(t(L_NOTE).format(small=SMALL), small)]

    story.append(p(t(L_PARTICIPATION), heading))
    lines = [*report.days, *report.sessions]
    rows = [[t(L_DAY_OR_SESSION), t(L_EXPECTED), t(L_PRESENT), t(L_WOMEN), t(L_MEN),
             t(L_WOMEN_SHARE), t(words.L_SEATS), t(words.L_BUSIEST)]]
    rows += [[p(line.label), str(line.expected.total), str(line.present.total),
              shown(line.present.women), shown(line.present.men),
              shown(line.present.women_share), str(line.seats or ""), busiest(line.peak)]
             for line in lines]
    story += [_table(rows, [56 * mm, 15 * mm, 15 * mm, 15 * mm, 15 * mm, 15 * mm, 15 * mm,
                            24 * mm], body),
              Spacer(1, 4 * mm),
              _chart([line.label for line in lines],
                     [(line.present.women, line.present.men, line.present.total)
                      for line in lines], t)]

    story += _through_the_day(report, t, small)

    story.append(p(t(L_GROUPS), heading))
    rows = [[t(L_GROUP), t(L_REGISTERED), t(L_PRESENT), t(L_WOMEN), t(L_MEN),
             t(L_WOMEN_SHARE)]]
    rows += [[p(g.label), str(g.expected.total), str(g.present.total), shown(g.present.women),
              shown(g.present.men), shown(g.present.women_share)]
             for g in report.groups]
    story.append(_table(rows, [70 * mm, 20 * mm, 20 * mm, 20 * mm, 20 * mm, 20 * mm], body))
    for first, lines in ((words.L_REGION, report.regions), (words.L_LEVEL, report.levels),
                         (words.L_CATEGORY, report.categories)):
        if not lines:
            continue
        rows = [[t(first), t(L_REGISTERED), t(L_PRESENT), t(L_WOMEN), t(L_MEN),
                 t(L_WOMEN_SHARE)]]
        rows += [[p(r.label), str(r.expected.total), str(r.present.total),
                  shown(r.present.women), shown(r.present.men), shown(r.present.women_share)]
                 for r in lines]
        story += [Spacer(1, 3 * mm),
                  _table(rows, [70 * mm, 20 * mm, 20 * mm, 20 * mm, 20 * mm, 20 * mm], body)]
    if report.levels:  # participation by level, women and men: stacked bars
        story.append(_chart([line.label for line in report.levels],
                            [(line.present.women, line.present.men, line.present.total)
                             for line in report.levels], t))

    story.append(p(t(L_SPEAKING), heading))
    rows = [[t(L_SESSION), t(L_STATEMENT_COUNT), t(L_SPEAKERS), t(L_MINUTES),
             t(L_MINUTES_WOMEN), t(L_MINUTES_MEN)]]
    rows += [[p(s.label), str(s.statements), str(s.speakers.total), str(s.minutes),
              shown(s.minutes_women), shown(s.minutes_men)]
             for s in [*report.speaking, report.speaking_total]]
    for part, more in ((L_GROUP, report.speaking_by_group),
                       (words.L_LEVEL, report.speaking_by_level)):
        if more:
            rows.append([p(t(part), small), "", "", "", "", ""])
            rows += [[p(s.label), str(s.statements), str(s.speakers.total), str(s.minutes),
                      shown(s.minutes_women), shown(s.minutes_men)] for s in more]
    story += [_table(rows, [70 * mm, 20 * mm, 18 * mm, 18 * mm, 22 * mm, 22 * mm], body),
              Spacer(1, 4 * mm), _speaking_chart(report.speaking, t)]

    story += _interpretation(report, t, heading, body, report.lang)

    story.append(p(t(L_STATEMENTS), heading))
    rows = [[t(L_SPEAKER), t(L_FUNCTION), t(L_DELEGATION), t(L_MINUTES)]]
    current = None
    for st in report.statements:
        if st.session != current:
            current = st.session
            rows.append([p(st.session, small), "", "", ""])
        kind = "" if st.kind.value == "statement" else f" ({t(KIND_NAMES[st.kind])})"
        rows.append([p(st.name + kind), p(st.function), p(st.delegation), str(st.minutes)])
    story.append(_table(rows, [55 * mm, 55 * mm, 45 * mm, 18 * mm], body, numbers_from=3))

    def decorate(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(colors.HexColor("#555555"))
        # The page number keeps its own place at the right.
        canvas.drawString(18 * mm, 10 * mm, cut_to(f"{t(L_TITLE)} · {report.title}", REGULAR,
                                                   7.5, A4[0] - 36 * mm - 12 * mm))
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, str(doc.page))
        canvas.restoreState()

    with written(out) as partial:
        doc = SimpleDocTemplate(str(partial), pagesize=A4, leftMargin=18 * mm,
                                rightMargin=18 * mm, topMargin=18 * mm,
                                bottomMargin=18 * mm, title=t(L_TITLE), author="BSM Desk",
                                subject=f"{t(L_GENERATED)}: {report.title}")
        doc.build(story, onLaterPages=decorate)
    return out


def _through_the_day(report: Report, t: Callable[[str], str], small: ParagraphStyle
                     ) -> list[object]:
    """Arrivals at the entrance and at each room's doors per quarter hour, each day; the
    side events against their rooms' seats."""

    def p(text: object) -> Paragraph:
        return Paragraph(paragraph_text(str(text)), small)

    story: list[object] = []
    for day, quarters in report.arrivals.items():
        if quarters:
            busiest = max(quarters, key=lambda q: q[1])
            story += [p(t(words.L_ARRIVALS_ON).format(day=day.isoformat())),
                      _arrivals(quarters),
                      p(t(words.L_PEAK).format(time=f"{busiest[0]:%H:%M}",
                                               count=busiest[1]))]

    for day, flows in report.rooms.items():
        if flows:
            story += [p(t(words.L_ROOMS_ON).format(day=day.isoformat())),
                      _flows(flows)]
    if report.side_events:
        story += [p(t(words.L_SIDE_EVENTS)),
                  _bars([line.label for line in report.side_events],
                        [[float(line.present.total) for line in report.side_events],
                         [float(max(line.seats - line.present.total, 0))
                          for line in report.side_events]],
                        [MEN, EMPTY], [t(L_PRESENT), t(L_EMPTY_SEATS)])]
    return story


def _interpretation(report: Report, t: Callable[[str], str], heading: ParagraphStyle,
                    body: ParagraphStyle, lang: str) -> list[object]:
    """Booth time per booth, the totals, and what each interpreter worked."""

    def p(text: object, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(paragraph_text(str(text)), style)

    story: list[object] = []
    work = report.interpretation
    story.append(p(t(words.L_INTERPRETATION), heading))
    rows = [[t(words.L_BOOTH), t(words.L_BOOTH_HOURS)]]
    rows += [[t(words.BOOTH_WORDS.get(booth, booth)), f"{minutes / 60:.2f}"]
             for booth, minutes in sorted(work.booth_minutes.items())]
    rows += [[t(words.L_FREELANCE_DAYS), str(work.freelance_days)],
             [t(words.L_FEES), f"{work.fees:g}"], [t(words.L_RELAY), str(work.relay)]]
    rows += [[t(words.L_RELAY_FROM).format(language=language_name(code, lang)), str(n)]
             for code, n in work.relay_languages.items()]
    story += [_table(rows, [90 * mm, 40 * mm], body), Spacer(1, 3 * mm)]
    if work.people:
        rows = [[t(words.L_INTERPRETER), t(words.L_STAFF), t(words.L_HOURS), t(words.L_DAYS),
                 t(words.L_FEE)]]
        rows += [[p(w.name), t(words.L_YES if w.staff else words.L_NO),
                  f"{w.booth_minutes / 60:.2f}", str(w.days), f"{w.fee:g}"]
                 for w in work.people]
        story.append(_table(rows, [70 * mm, 20 * mm, 30 * mm, 20 * mm, 25 * mm], body,
                            numbers_from=2))
    return story


def _table(rows: Sequence[Sequence[object]], widths: list[float], body: ParagraphStyle, *,
           numbers_from: int = 1) -> Table:
    """A table with its header row in bold, wrapped; figures from column ``numbers_from``
    on, aligned right."""
    head = ParagraphStyle("th", parent=body, fontName=BOLD, fontSize=8.5, leading=10,
                          alignment=0)
    rows = [[Paragraph(paragraph_text(str(text)), head) for text in rows[0]], *rows[1:]]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR), ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("FONTNAME", (0, 0), (-1, 0), BOLD), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (numbers_from, 1), (-1, -1), "RIGHT"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.HexColor("#1f3a5f")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f3f5f8")]),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _bars(labels: Sequence[str], series: list[list[float]], fills: list[str],
          names: list[str]) -> Drawing:
    """Stacked horizontal bars, a row per label, with a legend below."""
    row = 11
    height = max(60, row * len(labels)) + 40
    drawing = Drawing(170 * mm, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 62 * mm, 30
    chart.width, chart.height = 100 * mm, height - 40
    chart.data = [list(reversed(values)) for values in series]
    chart.categoryAxis.categoryNames = [label[:48] for label in reversed(labels)]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.bars.strokeWidth = 0
    for index, fill in enumerate(fills):
        chart.bars[index].fillColor = colors.HexColor(fill)
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 62 * mm, 12
    legend.fontName, legend.fontSize = REGULAR, 7
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.colorNamePairs = [(colors.HexColor(f), n) for f, n in zip(fills, names,
                                                                     strict=True)]
    drawing.add(legend)
    return drawing


def _arrivals(quarters: Sequence[tuple[datetime, int]]) -> Drawing:
    """Arrivals at the entrance per quarter hour: a bar each, the hours named."""
    drawing = Drawing(170 * mm, 58 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 12 * mm, 12 * mm, 150 * mm, 40 * mm
    chart.data = [[float(n) for _at, n in quarters]]
    chart.categoryAxis.categoryNames = [at.strftime("%H:%M") if at.minute == 0 else ""
                                        for at, _n in quarters]
    for axis in (chart.categoryAxis.labels, chart.valueAxis.labels):
        axis.fontName, axis.fontSize = REGULAR, 6.5
    chart.valueAxis.valueMin = 0
    chart.bars.strokeWidth = 0
    chart.bars[0].fillColor = colors.HexColor(MEN)
    drawing.add(chart)
    return drawing


def _flows(flows: Sequence[Flow]) -> Drawing:
    """Check-ins at each room's doors per quarter hour: a line per room, a legend."""
    drawing = Drawing(170 * mm, 64 * mm + 5 * mm * ((len(flows) + 2) // 3))
    chart = LinePlot()
    chart.x, chart.y = 12 * mm, drawing.height - 52 * mm
    chart.width, chart.height = 150 * mm, 46 * mm
    start = flows[0].quarters[0][0]
    chart.data = [[((at - start).total_seconds() / 3600, float(n)) for at, n in f.quarters]
                  for f in flows]
    hours = [((at - start).total_seconds() / 3600, at) for at, _n in flows[0].quarters]
    chart.xValueAxis.valueMin, chart.xValueAxis.valueMax = 0, max(hours[-1][0], 0.25)
    chart.xValueAxis.valueSteps = [h for h, at in hours if at.minute == 0] or [0]
    chart.xValueAxis.labelTextFormat = lambda h: (start + timedelta(hours=h)).strftime("%H:%M")
    chart.yValueAxis.valueMin = 0
    for axis in (chart.xValueAxis.labels, chart.yValueAxis.labels):
        axis.fontName, axis.fontSize = REGULAR, 6.5
    for index, _flow in enumerate(flows):
        chart.lines[index].strokeColor = colors.HexColor(LINES[index % len(LINES)])
        chart.lines[index].strokeWidth = 1.2
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 12 * mm, drawing.height - 58 * mm
    legend.fontName, legend.fontSize = REGULAR, 7
    legend.alignment = "right"
    legend.columnMaximum = (len(flows) + 2) // 3
    legend.colorNamePairs = [(colors.HexColor(LINES[i % len(LINES)]), f.room[:40])
                             for i, f in enumerate(flows)]
    drawing.add(legend)
    return drawing


def _chart(labels: list[str], figures: list[tuple[int | None, int | None, int]],
           t: Callable[[str], str]) -> Drawing:
    """Women and men present; a row too small to split shows its total in grey."""
    women = [float(w) if w is not None else 0.0 for w, _m, _n in figures]
    men = [float(m) if m is not None else 0.0 for _w, m, _n in figures]
    whole = [float(n) if w is None else 0.0 for w, _m, n in figures]
    return _bars(labels, [women, men, whole], [WOMEN, MEN, GREY],
                 [t(L_WOMEN), t(L_MEN), t(L_NOT_SPLIT).format(small=SMALL)])


def _speaking_chart(speaking: list[Speaking], t: Callable[[str], str]) -> Drawing:
    """Minutes spoken by women and men per session; too few to split: the total, grey."""
    women = [s.minutes_women or 0.0 for s in speaking]
    men = [s.minutes_men or 0.0 for s in speaking]
    whole = [s.minutes if s.minutes_women is None else 0.0 for s in speaking]
    return _bars([s.label for s in speaking] or [""], [women or [0.0], men or [0.0],
                                                      whole or [0.0]],
                 [WOMEN, MEN, GREY],
                 [t(L_MINUTES_WOMEN), t(L_MINUTES_MEN), t(L_NOT_SPLIT).format(small=SMALL)])


__all__ = ["write_pdf"]
