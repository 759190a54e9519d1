"""Importing a delegation list step by step: file, columns, check, import."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.domain.importing import HEADERS, IGNORED_COLUMN, RowProblem, cell_text, find_header
from bsm_desk.services.event.files import connect
from bsm_desk.services.operators import Acting
from bsm_desk.services.registry.importer import LISTED, ImportReport, import_rows, plan
from bsm_desk.services.registry.tables import ListFile, Row, first_rows, open_list, sheet_names
from bsm_desk.ui.shell.errors import translate_error
from bsm_desk.ui.shell.i18n import follow_language
from bsm_desk.ui.shell.workers import Progress, start

PREVIEW_ROWS = 8
FIELD_LABELS = {
    "family_name": QT_TRANSLATE_NOOP("ImportWizard", "Family name"),
    "given_name": QT_TRANSLATE_NOOP("ImportWizard", "Given name"),
    "patronymic": QT_TRANSLATE_NOOP("ImportWizard", "Patronymic"),
    "full_name": QT_TRANSLATE_NOOP("ImportWizard", "Full name (split, to check)"),
    "gender": QT_TRANSLATE_NOOP("ImportWizard", "Gender"),
    "delegation": QT_TRANSLATE_NOOP("ImportWizard", "Delegation or country"),
    "category": QT_TRANSLATE_NOOP("ImportWizard", "Category"),
    "title": QT_TRANSLATE_NOOP("ImportWizard", "Title (honorific or function)"),
    "function_en": QT_TRANSLATE_NOOP("ImportWizard", "Function"),
    "email": QT_TRANSLATE_NOOP("ImportWizard", "E-mail"),
    "phone": QT_TRANSLATE_NOOP("ImportWizard", "Phone"),
    "passport_no": QT_TRANSLATE_NOOP("ImportWizard", "Passport"),
    "external_id": QT_TRANSLATE_NOOP("ImportWizard", "Participant id"),
    "row_number": QT_TRANSLATE_NOOP("ImportWizard", "Row number (not imported)"),
    "nationality": QT_TRANSLATE_NOOP("ImportWizard", "Nationality"),
    "honorific": QT_TRANSLATE_NOOP("ImportWizard", "Honorific"),
    "birth_date": QT_TRANSLATE_NOOP("ImportWizard", "Date of birth"),
}
assert set(FIELD_LABELS) == set(HEADERS)


translate = QCoreApplication.translate  # the name lupdate looks for


class FilePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.path = QLineEdit()
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        self.sheet = QComboBox()
        self.sheet_label = QLabel()
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.path.textChanged.connect(self._path_changed)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.sheet_label)
        layout.addWidget(self.sheet)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.table: ListFile | None = None  # read again, as a stream, to check and import
        self.preview: list[Row] = []  # its first rows: the header is among them

    def _browse(self) -> None:
        title = translate("ImportWizard", "Choose a delegation list")
        kinds = translate("ImportWizard", "Lists") + " (*.xlsx *.csv *.txt)"
        path, _ = QFileDialog.getOpenFileName(self, title, "", kinds)
        if path:
            self.path.setText(path)

    def _path_changed(self, text: str) -> None:
        self.sheet.clear()
        path = Path(text.strip())
        is_xlsx = path.suffix.lower() in (".xlsx", ".xlsm") and path.is_file()
        if is_xlsx:
            try:  # through the importer's guarded reader (a zip bomb is refused unread)
                self.sheet.addItems(sheet_names(path))
            except Exception:  # noqa: BLE001 - said in words when the file is read
                pass
        self.sheet.setVisible(is_xlsx and self.sheet.count() > 1)
        self.sheet_label.setVisible(self.sheet.isVisible())
        self.error.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return Path(self.path.text().strip()).is_file()

    def validatePage(self) -> bool:
        try:
            table = open_list(self.path.text().strip(), self.sheet.currentText() or None)
            self.preview = first_rows(table, 20 + PREVIEW_ROWS + 1)
            self.table = table
        except UserError as exc:
            self.error.setText(translate_error(exc))
            return False
        return True


class ColumnsPage(QWizardPage):
    def __init__(self, files: FilePage) -> None:
        super().__init__()
        self.files = files
        self.grid = QTableWidget()
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.grid, 1)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:
        rows = [cells for _, cells in self.files.preview]
        header_at, found = find_header(rows)
        header_at = max(header_at, 0)
        headers = rows[header_at] if rows else []
        width = max((len(r) for r in rows[header_at:header_at + PREVIEW_ROWS + 1]), default=0)
        self.grid.clear()
        self.grid.setColumnCount(width)
        self.grid.setRowCount(1 + min(PREVIEW_ROWS, max(len(rows) - header_at - 1, 0)))
        self.grid.setHorizontalHeaderLabels([cell_text(headers[c]) if c < len(headers) else ""
                                             for c in range(width)])
        self.combos = []
        for column in range(width):
            combo = QComboBox()
            combo.addItem(translate("ImportWizard", "— not imported —"), "")
            for name, label in FIELD_LABELS.items():
                combo.addItem(translate("ImportWizard", label), name)
            combo.setCurrentIndex(max(combo.findData(found.get(column, "")), 0))
            combo.currentIndexChanged.connect(lambda _: self.completeChanged.emit())
            self.grid.setCellWidget(0, column, combo)
            self.combos.append(combo)
        for r, cells in enumerate(rows[header_at + 1:header_at + 1 + PREVIEW_ROWS], start=1):
            for c in range(width):
                self.grid.setItem(r, c, QTableWidgetItem(cell_text(cells[c]) if c < len(cells)
                                                         else ""))
        self.grid.resizeColumnsToContents()
        self.completeChanged.emit()

    def mapping(self) -> dict[int, str]:
        return {c: combo.currentData() for c, combo in enumerate(self.combos)
                if combo.currentData()}

    def isComplete(self) -> bool:
        return bool(set(self.mapping().values()) & {"family_name", "full_name"})


class _WorkPage(QWizardPage):
    """A page that runs a job with a progress bar and shows what came of it."""

    def __init__(self) -> None:
        super().__init__()
        self.progress = QProgressBar()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problems = QTableWidget(0, 3)
        self.problems.horizontalHeader().setStretchLastSection(True)
        self.problems.verticalHeader().setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        self.report: ImportReport | None = None
        self.busy = False

    def _headers(self) -> None:
        self.problems.setHorizontalHeaderLabels([translate("ImportWizard", "Row"),
                                                 translate("ImportWizard", "Column"),
                                                 translate("ImportWizard", "Problem")])

    def run(self, fn: Any) -> None:
        self.busy = True
        self.report = None
        self.progress.setRange(0, 0)
        self.summary.setText(translate("ImportWizard", "Working…"))
        self.problems.setRowCount(0)
        self._headers()  # named while the work runs, not "1 2 3"
        self.completeChanged.emit()
        start(fn, on_progress=self._progress, on_done=self._done, on_failed=self._failed,
              owner=self)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _done(self, report: ImportReport) -> None:
        self.busy = False
        self.report = report
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.show_report(report)
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.progress.setRange(0, 1)
        self.summary.setText(translate_error(exc))
        self.completeChanged.emit()

    def show_report(self, report: ImportReport) -> None:
        ignored = [RowProblem(0, column, IGNORED_COLUMN, {"column": column})
                   for column in report.ignored_columns]
        problems = [(p, True) for p in report.errors] + [
            (p, False) for p in report.warnings + ignored]
        self._headers()
        self.problems.setRowCount(len(problems))
        for r, (problem, is_error) in enumerate(problems):
            for c, text in enumerate((str(problem.row or "—"), problem.column,
                                      problem.message(QCoreApplication.translate))):
                item = QTableWidgetItem(text)
                item.setForeground(QColor("#c62828" if is_error else "#b26a00"))
                self.problems.setItem(r, c, item)
        self.problems.resizeColumnsToContents()


class CheckPage(_WorkPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wizard_ = wizard

    def initializePage(self) -> None:
        table, mapping, path = (self.wizard_.files.table, self.wizard_.columns.mapping(),
                                self.wizard_.db_path)

        def job(progress: Progress) -> ImportReport:
            with closing(connect(path)) as db:
                assert table is not None
                return plan(db, table, mapping=mapping, progress=progress)

        self.run(job)

    def show_report(self, report: ImportReport) -> None:
        super().show_report(report)
        if report.errors:
            text = translate(
                "ImportWizard", "{count} problem(s) must be corrected in the file before "
                "anything is imported. Nothing has been written.").format(
                count=report.error_count)
            if report.error_count > LISTED:
                text += " " + translate("ImportWizard", "The first {listed} are listed.") \
                    .format(listed=LISTED)
            self.summary.setText(text)
        else:
            self.summary.setText(translate(
                "ImportWizard", "Ready: {added} to add, {updated} to update, {unchanged} "
                "unchanged. New delegations: {new}.").format(
                added=report.added, updated=report.updated, unchanged=report.unchanged,
                new=", ".join(report.created_delegations) or "—"))

    def isComplete(self) -> bool:
        return not self.busy and self.report is not None and not self.report.errors


class DonePage(_WorkPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wizard_ = wizard

    def initializePage(self) -> None:
        table, mapping = self.wizard_.files.table, self.wizard_.columns.mapping()
        path, who = self.wizard_.db_path, self.wizard_.who

        def job(progress: Progress) -> ImportReport:
            assert table is not None
            # Checked again as it is written: another desk may have changed the event
            # since the check (its likely duplicates are found in the same step).
            with closing(connect(path)) as db:
                return import_rows(db, table, who=who, mapping=mapping, progress=progress)

        self.run(job)

    def show_report(self, report: ImportReport) -> None:
        self.wizard_.imported = report.imported
        if not report.imported:  # the event changed since the check: nothing written
            super().show_report(report)
            self.summary.setText(translate(
                "ImportWizard", "Nothing was imported: since the check, {count} problem(s) "
                "came up (another desk may have changed the event); they are listed "
                "below.").format(count=report.error_count))
            return
        text = translate(
            "ImportWizard",
            "Imported: {added} added, {updated} updated, {unchanged} unchanged.").format(
            added=report.added, updated=report.updated, unchanged=report.unchanged)
        if report.duplicates:
            text += " " + translate(
                "ImportWizard", "{count} likely duplicate(s) to review: Find duplicates.").format(
                count=len(report.duplicates))
        self.summary.setText(text)
        self.problems.setVisible(False)

    def isComplete(self) -> bool:
        return not self.busy


class ImportWizard(QWizard):
    def __init__(self, db_path: Path | None, *, who: Acting,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert db_path is not None
        self.db_path = db_path
        self.who = who
        self.imported = False
        self.files = FilePage()
        self.columns = ColumnsPage(self.files)
        self.check = CheckPage(self)
        self.done_page = DonePage(self)
        for page in (self.files, self.columns, self.check, self.done_page):
            self.addPage(page)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.resize(900, 600)
        follow_language(self)


    def retranslate_ui(self) -> None:
        self.setWindowTitle(translate("ImportWizard", "Import a delegation list"))
        self.files.setTitle(translate("ImportWizard", "Choose the file"))
        self.files.setSubTitle(translate(
            "ImportWizard", "An Excel workbook (.xlsx) or a text export (.csv, .txt) "
            "in any common encoding."))
        self.files.browse.setText(translate("ImportWizard", "&Browse…"))
        self.files.sheet_label.setText(translate("ImportWizard", "Sheet:"))
        self.columns.setTitle(translate("ImportWizard", "Check the columns"))
        self.columns.setSubTitle(translate(
            "ImportWizard", "Columns were matched by their headers. Correct any that are "
            "wrong; a family name column is needed."))
        self.check.setTitle(translate("ImportWizard", "Check the rows"))
        self.check.setSubTitle(translate(
            "ImportWizard", "Every row is checked before anything is written."))
        self.done_page.setTitle(translate("ImportWizard", "Import"))
        self.setButtonText(QWizard.WizardButton.CommitButton, translate("ImportWizard", "&Import"))
        self.check.setCommitPage(True)
