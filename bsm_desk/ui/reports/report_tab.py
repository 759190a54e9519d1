"""The conference report on the Attendance screen (its Report tab): the key figures and
speaking time, women and men, as the PDF and the workbook give them, with a chart of
who was present at each session in the report's palette; read again in the background
whenever the screen's figures are, and saved as PDF or workbook from here."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCharts import QBarSet as BarSet
from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from bsm_desk.services.conference import SMALL, Report
from bsm_desk.services.conference import report as words
from bsm_desk.services.conference.pdf import EMPTY, GREY, L_EMPTY_SEATS, L_NOT_SPLIT
from bsm_desk.services.conference.report import Flow
from bsm_desk.services.event.files import connect
from bsm_desk.ui.reports.views import FigureTable
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.errors import show_error, translate_error
from bsm_desk.ui.shell.icons import icon
from bsm_desk.ui.shell.theme import give_role
from bsm_desk.ui.shell.workers import Job, Progress, run_with_progress, start

DASH = "–"


def _report_tr(text: str) -> str:
    return QCoreApplication.translate("Report", text)


def _shown(value: object) -> object:
    return DASH if value is None else value


class ReportTab(QWidget):
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.report: Report | None = None
        self._job: Job | None = None
        self._again = False  # asked again while a build ran (the language changed, say)
        self.figures = FigureTable()
        self.speaking = FigureTable()
        self.chart = QChartView()
        self.chart.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart.setMinimumHeight(380)  # a row per day and session, labels readable
        self.note = QLabel()
        self.note.setWordWrap(True)
        give_role(self.note, "subtitle")
        self.choice = QComboBox()  # which chart: present, a day's rooms, speaking time
        self.choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.choice.currentIndexChanged.connect(lambda _i: self._redraw())
        self.pdf_button = QPushButton(icon("pdf"), "")
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.xlsx_button = QPushButton(icon("import"), "")
        self.xlsx_button.clicked.connect(lambda: self.save("xlsx"))
        bar = QHBoxLayout()
        bar.addWidget(self.choice)
        bar.addStretch(1)
        bar.addWidget(self.pdf_button)
        bar.addWidget(self.xlsx_button)
        tables = QSplitter(Qt.Orientation.Horizontal)  # the figures beside speaking time
        tables.addWidget(self.figures)
        tables.addWidget(self.speaking)
        body = QSplitter(Qt.Orientation.Vertical)  # the chart below, the window's width
        body.addWidget(tables)
        body.addWidget(self.chart)
        tables.setMaximumHeight(230)  # a handful of rows each
        body.setStretchFactor(0, 0)
        body.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(bar)
        layout.addWidget(body, 1)
        i18n.follow_language(self)

    # -- the figures ---------------------------------------------------------------------
    def refresh(self, path: Path | None) -> None:
        """Build the report again from ``path``, in the background (one read at a time)."""
        self.path = path
        if path is None:
            return
        if self._job is not None:
            self._again = True
            return
        lang = i18n.language()

        def read(_progress: Progress) -> Report:
            from bsm_desk.services import conference

            with closing(connect(path)) as db:
                return conference.build(db, lang, translate=_report_tr)

        def done(report: Report) -> None:
            self._job = None
            self.show_report(report)
            if self._again:
                self._again = False
                self.refresh(self.path)

        def failed(exc: BaseException) -> None:
            self._job, self._again = None, False
            self.note.setText(translate_error(exc))

        self._job = start(read, on_progress=lambda *_: None, on_done=done, on_failed=failed,
                          owner=self)

    def clear(self) -> None:
        self.path, self.report = None, None
        self.figures.setRowCount(0)
        self.speaking.setRowCount(0)

    def show_report(self, report: Report) -> None:
        self.report = report
        t = _report_tr
        rows = []
        for label, figure in ((words.L_REGISTERED, report.registered),
                              (words.L_ACCREDITED, report.accredited),
                              (words.L_PRESENT, report.present),
                              (words.L_HEADS, report.heads),
                              (words.L_HEADS_PRESENT, report.heads_present),
                              (words.L_SPEAKERS, report.speaking_total.speakers)):
            rows.append([t(label), figure.total, _shown(figure.women), _shown(figure.men),
                         _shown(figure.women_share)])
        self.figures.fill([t(words.L_FIGURE), t(words.L_TOTAL), t(words.L_WOMEN),
                           t(words.L_MEN), t(words.L_WOMEN_SHARE)], rows)
        self.speaking.fill(
            [t(words.L_SESSION), t(words.L_STATEMENT_COUNT), t(words.L_SPEAKERS),
             t(words.L_MINUTES), t(words.L_MINUTES_WOMEN), t(words.L_MINUTES_MEN)],
            [[s.label, s.statements, s.speakers.total, s.minutes, _shown(s.minutes_women),
              _shown(s.minutes_men)] for s in [*report.speaking, report.speaking_total]])
        self._draw(report)

    def _draw(self, report: Report) -> None:
        """Offer the charts this report has (keeping the one looked at), and draw it."""
        t = _report_tr
        wanted = self.choice.currentData()
        self.choice.blockSignals(True)
        self.choice.clear()
        self.choice.addItem(t(words.L_PRESENT), "present")
        for day, flows in report.rooms.items():
            if flows:
                self.choice.addItem(t(words.L_ROOMS_ON).format(day=day.isoformat()),
                                    day.isoformat())
        if report.side_events:
            self.choice.addItem(t(words.L_SIDE_EVENTS), "side")
        if report.speaking:
            self.choice.addItem(t(words.L_SPEAKING), "speaking")
        found = self.choice.findData(wanted)
        self.choice.setCurrentIndex(max(found, 0))
        self.choice.blockSignals(False)
        self._redraw()

    def _redraw(self) -> None:
        report = self.report
        if report is None:
            return
        t = _report_tr
        key = self.choice.currentData()
        if key == "speaking":
            chart = _gender_bars(t(words.L_SPEAKING), [
                (s.label, s.minutes_women, s.minutes_men, s.minutes) for s in report.speaking],
                t(words.L_MINUTES_WOMEN), t(words.L_MINUTES_MEN))
        elif key == "side":
            chart = _side_events(report, t)
        elif key not in (None, "present"):
            flows = next(f for d, f in report.rooms.items() if d.isoformat() == key)
            chart = _flows(t(words.L_ROOMS_ON).format(day=key), flows)
        else:
            chart = _gender_bars(t(words.L_PRESENT), [
                (line.label, line.present.women, line.present.men, line.present.total)
                for line in [*report.days, *report.sessions]],
                t(words.L_WOMEN), t(words.L_MEN))
        old = self.chart.chart()
        self.chart.setChart(chart)
        if old is not None:
            old.deleteLater()

    # -- saving --------------------------------------------------------------------------
    def save(self, kind: str, target: str | Path | None = None) -> None:
        """Save the report as ``kind`` ("pdf" or "xlsx") in the window's language; asks
        where unless ``target`` is given."""
        path, lang = self.path, i18n.language()
        if path is None:
            return
        if target is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the conference report"),
                str(path.parent / f"conference-report-{lang}.{kind}"),
                self.tr("PDF (*.pdf)") if kind == "pdf" else
                self.tr("Excel workbook (*.xlsx)"))
            if not chosen:
                return
            target = chosen
        out = Path(target)
        if not out.suffix:
            out = out.with_suffix(f".{kind}")

        def job(_progress: Progress) -> Path:
            from bsm_desk.services import conference

            write: Callable[..., Path] = conference.write_pdf \
                if out.suffix.lower() == ".pdf" else conference.write_workbook
            with closing(connect(path)) as db:
                report = conference.build(db, lang, translate=_report_tr)
            return write(report, out, translate=_report_tr)

        run_with_progress(self, self.tr("Writing the conference report…"), job,
                          on_done=lambda p: self.message.emit(
                              self.tr("Saved: {path}").format(path=p)),
                          on_failed=lambda exc: show_error(self, self.tr("Report"), exc))

    def retranslate_ui(self) -> None:
        self.pdf_button.setText(self.tr("Conference report (PDF)…"))
        self.xlsx_button.setText(self.tr("Conference report (Excel)…"))
        self.note.setText(self.tr("Figures only: “–” where fewer than {small} women or men "
                                  "would be shown, so that nobody is identified.")
                          .format(small=SMALL))
        if self.report is not None:  # its words are the report's language: build it again
            self.refresh(self.path)


def _gender_bars(title: str, rows: list[tuple[str, float | None, float | None, float]],
                 women_name: str, men_name: str) -> QChart:
    """Women and men per row, stacked; a row too small to split: its total, grey."""
    rows = list(reversed(rows))  # the first at the top
    women, men, whole = BarSet(women_name), BarSet(men_name), BarSet(
        _report_tr(L_NOT_SPLIT).format(small=SMALL))
    for bar_set, colour in ((women, words.WOMEN), (men, words.MEN), (whole, GREY)):
        bar_set.setColor(QColor(colour))
    for _label, w, m, total in rows:
        women.append(float(w or 0))
        men.append(float(m or 0))
        whole.append(float(total if w is None else 0))
    series = QHorizontalStackedBarSeries()
    for bar_set in (women, men, whole):
        series.append(bar_set)
    return _bar_chart(title, series, [label for label, *_ in rows],
                      max([total for *_, total in rows] + [1]))


def _side_events(report: Report, t: Callable[[str], str]) -> QChart:
    """Each side event: present, and the seats its room left empty."""
    lines = list(reversed(report.side_events))
    present, empty = BarSet(t(words.L_PRESENT)), BarSet(t(L_EMPTY_SEATS))
    present.setColor(QColor(words.MEN))
    empty.setColor(QColor(EMPTY))
    for line in lines:
        present.append(float(line.present.total))
        empty.append(float(max(line.seats - line.present.total, 0)))
    series = QHorizontalStackedBarSeries()
    series.append(present)
    series.append(empty)
    return _bar_chart(t(words.L_SIDE_EVENTS), series, [line.label for line in lines],
                      max([max(line.seats, line.present.total) for line in lines] + [1]))


def _bar_chart(title: str, series: QHorizontalStackedBarSeries, labels: list[str],
               top: float) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.addSeries(series)
    axis = QBarCategoryAxis()
    axis.append([label[:44] for label in labels])
    axis.setTruncateLabels(False)  # the window has the room: say which session
    chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis)
    values = QValueAxis()
    values.setLabelFormat("%d")
    values.setRange(0, top * 1.05)
    values.applyNiceNumbers()
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(values)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def _flows(title: str, flows: list[Flow]) -> QChart:
    """A day's check-ins at each room's doors per quarter hour: a line per room."""
    chart = QChart()
    chart.setTitle(title)
    times = QDateTimeAxis()
    times.setFormat("HH:mm")
    values = QValueAxis()
    values.setLabelFormat("%d")
    chart.addAxis(times, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
    top = 1
    for index, flow in enumerate(flows):
        line = QLineSeries()
        line.setName(flow.room)
        line.setColor(QColor(words.LINES[index % len(words.LINES)]))
        for at, count in flow.quarters:
            # The venue's wall clock, whatever this laptop's zone: drawn as if it were here.
            wall = QDateTime(QDate(at.year, at.month, at.day), QTime(at.hour, at.minute))
            line.append(float(wall.toMSecsSinceEpoch()), float(count))
            top = max(top, count)
        chart.addSeries(line)
        line.attachAxis(times)
        line.attachAxis(values)
    values.setRange(0, top * 1.05)
    values.applyNiceNumbers()
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart
