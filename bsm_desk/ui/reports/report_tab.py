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
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCharts import QBarSet as BarSet
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
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
from bsm_desk.services.conference.pdf import L_NOT_SPLIT
from bsm_desk.services.event.files import connect
from bsm_desk.ui.reports.views import FigureTable
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.errors import show_error, translate_error
from bsm_desk.ui.shell.icons import icon
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
        self.note.setProperty("role", "subtitle")
        self.pdf_button = QPushButton(icon("pdf"), "")
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.xlsx_button = QPushButton(icon("import"), "")
        self.xlsx_button.clicked.connect(lambda: self.save("xlsx"))
        bar = QHBoxLayout()
        bar.addWidget(self.note, 1)
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

        self._job = start(read, on_progress=lambda *_: None, on_done=done, on_failed=failed)

    def clear(self) -> None:
        self.path, self.report = None, None
        self.figures.setRowCount(0)
        self.speaking.setRowCount(0)

    def show_report(self, report: Report) -> None:
        self.report = report
        t = _report_tr
        rows = []
        for label, figure in ((words.L_REGISTERED, report.registered),
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
        t = _report_tr
        lines = list(reversed([*report.days, *report.sessions]))
        women, men, whole = BarSet(t(words.L_WOMEN)), BarSet(t(words.L_MEN)), BarSet(
            t(L_NOT_SPLIT).format(small=SMALL))
        for bar_set, colour in ((women, words.WOMEN), (men, words.MEN), (whole, "#9e9e9e")):
            bar_set.setColor(QColor(colour))
        for line in lines:
            split = line.present
            women.append(float(split.women or 0))
            men.append(float(split.men or 0))
            whole.append(float(split.total if split.women is None else 0))
        series = QHorizontalStackedBarSeries()
        for bar_set in (women, men, whole):
            series.append(bar_set)
        chart = QChart()
        chart.setTitle(t(words.L_PRESENT))
        chart.addSeries(series)
        labels = QBarCategoryAxis()
        labels.append([line.label[:44] for line in lines])
        labels.setTruncateLabels(False)  # the window has the room: say which session
        chart.addAxis(labels, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(labels)
        values = QValueAxis()
        values.setLabelFormat("%d")
        values.setRange(0, max([line.present.total for line in lines] + [1]) * 1.05)
        values.applyNiceNumbers()
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(values)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
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
