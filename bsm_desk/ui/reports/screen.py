"""The Attendance screen: who is here, live, and the reports organizers hand in.

The figures are read in the thread pool with their own connection every few seconds
while the screen is shown, so desks can scan on while it refreshes; a refresh that
is still running is not started twice.
"""

from __future__ import annotations

from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QHideEvent, QShowEvent
    from sqlite_utils import Database

    from bsm_desk.services.reports.attendance import Attendance

from bsm_desk import config
from bsm_desk.domain.names import slug
from bsm_desk.services.event import Overview
from bsm_desk.services.event.files import connect
from bsm_desk.ui.reports.report_tab import ReportTab
from bsm_desk.ui.reports.views import ArrivalsChart, FigureTable
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.errors import show_error, translate_error
from bsm_desk.ui.shell.icons import icon
from bsm_desk.ui.shell.theme import give_role
from bsm_desk.ui.shell.workers import Job, Progress, run_with_progress, start

REFRESH_MS = 10_000


def _translate(context: str, text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(context, text)


class AttendanceScreen(QWidget):
    message = Signal(str)
    changed = Signal()  # never: reports change nothing

    def __init__(self, settings: config.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.db: Database | None = None
        self.db_path: Path | None = None
        self.data: Attendance | None = None
        self._job: Job | None = None
        self.title = QLabel()
        give_role(self.title, "title")
        self.updated = QLabel()
        give_role(self.updated, "subtitle")
        self.days = QLabel()
        self.days.setWordWrap(True)
        self.export_button = QPushButton(icon("import"), "")
        self.export_button.clicked.connect(self.export_workbook)
        self.list_button = QPushButton(icon("delegates"), "")
        self.list_button.clicked.connect(self.export_participants)
        self.tabs = QTabWidget()
        self.tabs.currentChanged.connect(lambda _index: self._tab_shown())
        self.sessions = FigureTable()
        self.categories = FigureTable()
        self.delegations = FigureTable()
        self.delegations.setSortingEnabled(True)
        self.chart = ArrivalsChart()
        self.chart_day = QComboBox()
        self.chart_day.currentIndexChanged.connect(self._draw_chart)
        chart_page = QWidget()
        chart_layout = QVBoxLayout(chart_page)
        chart_layout.addWidget(self.chart_day, 0, Qt.AlignmentFlag.AlignLeft)
        chart_layout.addWidget(self.chart, 1)
        self.no_shows = FigureTable()
        self.no_shows.setSortingEnabled(True)
        self.no_show_filter = QLineEdit()
        self.no_show_filter.setClearButtonEnabled(True)
        self.no_show_filter.textChanged.connect(self._fill_no_shows)
        self.no_show_export = QPushButton(icon("import"), "")
        self.no_show_export.clicked.connect(self.export_no_shows)
        no_show_page = QWidget()
        no_show_layout = QVBoxLayout(no_show_page)
        bar = QHBoxLayout()
        bar.addWidget(self.no_show_filter, 1)
        bar.addWidget(self.no_show_export)
        no_show_layout.addLayout(bar)
        no_show_layout.addWidget(self.no_shows, 1)
        self.report = ReportTab()
        self.report.message.connect(self.message)
        self._pages = [self.sessions, self.categories, self.delegations, chart_page,
                       no_show_page, self.report]
        for page in self._pages:
            self.tabs.addTab(page, "")
        heading = QHBoxLayout()
        heading.addWidget(self.title)
        heading.addStretch(1)
        heading.addWidget(self.export_button)
        heading.addWidget(self.list_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addLayout(heading)
        layout.addWidget(self.updated)
        layout.addWidget(self.days)
        layout.addWidget(self.tabs, 1)
        self.timer = QTimer(self, interval=REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        i18n.follow_language(self)

    # -- data ------------------------------------------------------------------------
    def load(self, db: Database, overview: Overview, path: Path | None = None) -> None:
        self.db, self.db_path, self.data = db, path, None
        if self.isVisible():
            self.refresh()

    def set_overview(self, overview: Overview) -> None:
        if self.isVisible():
            self.refresh()

    def unload(self) -> None:
        self.db, self.data = None, None
        self.timer.stop()
        self.report.clear()

    def follow(self, changes: object) -> None:
        """Scans or registrations came in: the figures again (in the background)."""
        self.refresh()

    def refresh(self) -> None:
        """Read the figures again in the background (skipped while one read is running)."""
        if self.db_path is None or self._job is not None:
            return
        path = self.db_path

        def read(progress: Progress) -> Attendance:
            from bsm_desk.services.reports import attendance

            with closing(connect(path)) as db:
                return attendance.collect(db)

        def done(data: Attendance) -> None:
            self._job = None
            self.show_data(data)

        def failed(exc: BaseException) -> None:
            self._job = None
            self.updated.setText(translate_error(exc))

        self._job = start(read, on_progress=lambda *_: None, on_done=done, on_failed=failed,
                          owner=self)
        if self.tabs.currentWidget() is self.report:  # built only while it is looked at
            self.report.refresh(path)

    def show_data(self, data: Attendance) -> None:
        from bsm_desk.services.reports import attendance

        self.data = data
        lang = i18n.language()
        from datetime import UTC, datetime

        # One clock: the venue's, as everywhere else on screen.
        now = datetime.now(UTC).astimezone(data.event.zone)
        self.updated.setText(self.tr("Updated at {time} (venue time); refreshed every "
                                     "{seconds} s.").format(time=now.strftime("%H:%M:%S"),
                                                            seconds=REFRESH_MS // 1000))
        lines = attendance.summary(data, lang)
        day_lines = [line for line in lines if line.kind == "day"]
        self.days.setText("   ".join(
            self.tr("{day}: {present} of {expected} registered ({share} %), women {women}, "
                    "men {men}")
            .format(day=line.label, present=i18n.number(line.present),
                    expected=i18n.number(line.expected),
                    share=round(100 * line.present / line.expected) if line.expected else 0,
                    women=i18n.number(line.by_gender.get("F", 0)),
                    men=i18n.number(line.by_gender.get("M", 0)))
            for line in day_lines))
        gender = [self.tr("Women"), self.tr("Men"), self.tr("Not stated")]
        self.sessions.fill(
            [self.tr("Day or session"), self.tr("Expected"), self.tr("Present"), "%"] + gender,
            [[line.label, line.expected, line.present,
              round(100 * line.present / line.expected) if line.expected else 0]
             + [line.by_gender.get(g, 0) for g in attendance.GENDERS] for line in lines])
        categories = list(data.categories.values())
        self.categories.fill(
            [self.tr("Category")] + [line.label for line in day_lines],
            [[c.name(lang)] + [line.by_category.get(c.id or 0, 0) for line in day_lines]
             for c in categories])
        self.delegations.fill(
            [self.tr("Delegation"), self.tr("Expected")]
            + [self.tr("Present on {day}").format(day=d.isoformat()) for d in data.days]
            + gender, attendance.by_delegation(data, lang))
        keep = self.chart_day.currentIndex()
        self.chart_day.blockSignals(True)
        self.chart_day.clear()
        for day in data.days:
            self.chart_day.addItem(day.strftime("%d.%m.%Y"), day)
        self.chart_day.setCurrentIndex(max(keep, 0))
        self.chart_day.blockSignals(False)
        self._draw_chart()
        self._fill_no_shows()

    def _draw_chart(self) -> None:
        from bsm_desk.services.reports import attendance

        if self.data is None or self.chart_day.currentData() is None:
            return
        day = self.chart_day.currentData()
        self.chart.show_quarters(attendance.arrivals_per_quarter(self.data, day),
                                 self.tr("Arrivals at the entrance per 15 minutes"))

    def _shown_no_shows(self) -> list[Any]:
        if self.data is None:
            return []
        from bsm_desk.domain.names import fold

        wanted = fold(self.no_show_filter.text())
        lang = i18n.language()
        people = self.data.no_shows()
        if not wanted:
            return people
        return [p for p in people if wanted in fold(
            f"{p.family_name} {p.given_name} {p.family_name_cyr} {p.given_name_cyr} "
            f"{self.data.delegations[p.delegation_id].name(lang)}")]

    def _fill_no_shows(self) -> None:
        if self.data is None:
            return
        lang = i18n.language()
        data = self.data
        self.no_shows.fill(
            [self.tr("Name"), self.tr("Name in Cyrillic"), self.tr("Delegation"),
             self.tr("Category")],
            [[f"{p.family_name.upper()} {p.given_name}",
              f"{p.family_name_cyr} {p.given_name_cyr}".strip(),
              data.delegations[p.delegation_id].name(lang),
              data.categories[p.category_id].name(lang)] for p in self._shown_no_shows()])
        self.tabs.setTabText(4, self.tr("No-shows ({count})").format(
            count=self.no_shows.rowCount()))

    # -- exports -----------------------------------------------------------------------
    def _file_name(self, what: str, suffix: str, lang: str = "") -> str:
        """``attendance-bsm22.xlsx``, ``participants-bsm22-ru.pdf``: what, which event."""
        code = self.data.event.code if self.data is not None else ""
        return f"{slug(what, code, lang)}.{suffix}"

    def _save_as(self, title: str, name: str, filters: str) -> Path | None:
        start_dir = self.db_path.parent if self.db_path else Path.home()
        path, chosen = QFileDialog.getSaveFileName(self, title, str(start_dir / name), filters)
        if not path:
            return None
        result = Path(path)
        if not result.suffix:
            result = result.with_suffix(".csv" if "csv" in chosen else
                                        ".pdf" if "pdf" in chosen else ".xlsx")
        return result

    def _export(self, label: str, out: Path, write: Any) -> None:
        path, lang = self.db_path, i18n.language()
        if path is None:
            return

        def job(progress: Progress) -> Path:
            with closing(connect(path)) as db:
                return Path(write(db, out, lang, progress))

        run_with_progress(self, label, job,
                          on_done=lambda p: self.message.emit(
                              self.tr("Saved: {path}").format(path=p)),
                          on_failed=lambda exc: show_error(self, self.tr("Attendance"), exc))

    def export_workbook(self) -> None:
        out = self._save_as(self.tr("Save the attendance workbook"),
                            self._file_name("attendance", "xlsx"),
                            self.tr("Excel workbook (*.xlsx);;CSV, participants (*.csv)"))
        if out is None:
            return

        def write(db: Database, target: Path, lang: str, progress: Progress) -> Path:
            from bsm_desk.services.reports import attendance, attendance_files

            data = attendance.collect(db)
            if target.suffix.lower() == ".csv":
                return attendance_files.write_csv(data, target, lang, _translate)
            return attendance_files.write_workbook(data, target, lang, _translate, progress)

        self._export(self.tr("Writing the attendance workbook…"), out, write)

    def export_participants(self) -> None:
        out = self._save_as(self.tr("Save the List of Participants"),
                            self._file_name("participants", "pdf", i18n.language()),
                            self.tr("PDF (*.pdf);;Excel workbook (*.xlsx)"))
        from bsm_desk.services.reports import participants

        if out is not None:
            self._export(self.tr("Writing the List of Participants…"), out,
                         lambda db, target, lang, _progress: participants.export(
                             db, target, lang, _translate))

    def export_no_shows(self) -> None:
        if self.data is None:
            return
        out = self._save_as(self.tr("Save the no-shows"),
                            self._file_name("no-shows", "csv"), "CSV (*.csv)")
        if out is None:
            return
        from bsm_desk.services.reports import attendance_files

        try:
            attendance_files.write_people_csv(self.data, self._shown_no_shows(), out,
                                        i18n.language(), _translate)
        except Exception as exc:  # noqa: BLE001 - shown, nothing written
            show_error(self, self.tr("Attendance"), exc)
            return
        self.message.emit(self.tr("Saved: {path}").format(path=out))

    # -- showing and language ----------------------------------------------------------
    def _tab_shown(self) -> None:
        if self.tabs.currentWidget() is self.report and self.db_path is not None:
            self.report.refresh(self.db_path)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
        self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(event)


    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Attendance"))
        self.export_button.setText(self.tr("Attendance workbook…"))
        self.list_button.setText(self.tr("List of Participants…"))
        for index, text in enumerate((self.tr("Days and sessions"), self.tr("By category"),
                                      self.tr("By delegation"), self.tr("Arrivals"),
                                      self.tr("No-shows"), self.tr("Report"))):
            self.tabs.setTabText(index, text)
        self.no_show_filter.setPlaceholderText(self.tr("Filter by name or delegation"))
        self.no_show_export.setText(self.tr("Export…"))
        if self.data is not None:
            self.show_data(self.data)
