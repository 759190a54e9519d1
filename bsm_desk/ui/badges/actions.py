"""What the Badges screen does: print, reprint, save as PDF, one badge or a whole list.

Every path ends in the same two service calls: ``badges.prepare`` (or
``write_pdf``) for the PDF and ``badges.log_prints`` once the printer has taken
it. Batches run in a worker with progress and Cancel; a cancelled print job is
aborted and logs nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from bsm_desk.domain.model import BadgeLayout as Layout
from bsm_desk.domain.model import ReissueReason
from bsm_desk.services import operators
from bsm_desk.services.event.files import connect
from bsm_desk.services.operators import Acting
from bsm_desk.ui.badges import printing
from bsm_desk.ui.badges.service import badge_service
from bsm_desk.ui.shell.icons import icon
from bsm_desk.ui.shell.workers import Progress, run_with_progress

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from sqlite_utils import Database

    from bsm_desk import config

REASONS = (ReissueReason.LOST, ReissueReason.DAMAGED, ReissueReason.NAME)


class BadgesHost(Protocol):
    """What the Badges screen's verbs need of it."""

    settings: config.Settings
    db: Database | None
    db_path: Path | None
    message: SignalInstance

    def badge_layout(self) -> Layout: ...

    def selected_id(self) -> int | None: ...

    def list_ids(self) -> list[int]: ...

    def listed(self) -> int: ...

    def file_name(self, delegate_id: int | None) -> str: ...

    def badges_changed(self, ids: list[int]) -> None: ...

    def show_error(self, exc: BaseException) -> None: ...


class BadgeActions(QObject):
    """The Badges screen's verbs, for ``host`` (the chosen badges and their layout) with
    ``widget`` as the parent of their actions and dialogs."""

    def __init__(self, host: BadgesHost, widget: QWidget) -> None:
        super().__init__(widget)
        self.host = host
        self.widget = widget
        self.print_one = self._action("print", self.print_selected, QKeySequence.StandardKey.Print)
        self.reprint = self._action("reprint", self.reprint_selected, QKeySequence("Ctrl+R"))
        self.pdf_one = self._action("pdf", self.save_selected, QKeySequence("Ctrl+Shift+E"))
        self.print_all = self._action("print", self.print_list, QKeySequence("Ctrl+Shift+P"))
        self.pdf_all = self._action("pdf", self.save_list)
        self.photo = self._action("photo", self.choose_photo)
        self.remove_photo = self._action("cancel", self.clear_photo)

    def _action(self, icon_name: str, slot: Callable[[], None],
                shortcut: Any = None) -> QAction:
        action = QAction(icon(icon_name), "", self.widget)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        self.widget.addAction(action)
        return action

    def retranslate_ui(self) -> None:
        self.print_one.setText(self.tr("&Print badge"))
        self.print_one.setToolTip(self.tr("Print the selected delegate's badge (Ctrl+P)"))
        self.reprint.setText(self.tr("&Reprint…"))
        self.reprint.setToolTip(self.tr("A new badge for a lost, damaged or misspelt one; "
                                        "the old badge stops opening doors (Ctrl+R)"))
        self.pdf_one.setText(self.tr("Save as PDF…"))
        self.print_all.setText(self.tr("Print the whole list…"))
        self.print_all.setToolTip(self.tr("Print a badge for everyone in the list below "
                                          "(Ctrl+Shift+P)"))
        self.pdf_all.setText(self.tr("Save the whole list as PDF…"))
        self.photo.setText(self.tr("P&hoto…"))
        self.photo.setToolTip(self.tr("Put a photo (JPEG or PNG) on the selected badge"))
        self.remove_photo.setText(self.tr("Remove the photo"))

    def update_enabled(self) -> None:
        one = self.host.selected_id() is not None
        many = bool(self.host.listed())  # counted: the list's ids are read when printed
        for action in (self.print_one, self.reprint, self.pdf_one, self.photo):
            action.setEnabled(one)
        db, chosen = self.host.db, self.host.selected_id()
        self.remove_photo.setEnabled(
            db is not None and chosen is not None and badge_service().has_photo(db, chosen))
        for action in (self.print_all, self.pdf_all):
            action.setEnabled(many)

    def _who(self, db: Database) -> Acting:
        """Who acts now (the operator signed in, else this desk)."""
        return operators.acting_at(db, self.host.settings)

    # -- one badge ---------------------------------------------------------------------
    def print_selected(self) -> None:
        delegate_id = self.host.selected_id()
        if delegate_id is not None:
            self.print_ids([delegate_id])

    def save_selected(self) -> None:
        delegate_id = self.host.selected_id()
        if delegate_id is not None:
            self.save_ids([delegate_id], self.host.file_name(delegate_id))

    def reprint_selected(self) -> None:
        delegate_id = self.host.selected_id()
        if delegate_id is None:
            return
        labels = [self.reason_text(r) for r in REASONS]
        label, ok = QInputDialog.getItem(
            self.widget, self.tr("Reprint the badge"),
            self.tr("Why is a new badge needed? The old badge will scan as REVOKED."),
            labels, 0, False)
        if ok:
            self.reissue_and_print(delegate_id, REASONS[labels.index(label)])

    def reissue_and_print(self, delegate_id: int, reason: ReissueReason) -> None:
        db = self.host.db
        if db is None:
            return
        try:
            version = badge_service().reissue(db, delegate_id, reason, who=self._who(db))
        except Exception as exc:  # noqa: BLE001 - shown to the user, nothing changed
            self.host.show_error(exc)
            return
        self.host.badges_changed([delegate_id])
        self.host.message.emit(self.tr("Badge version {version} issued; the old badge is "
                                         "revoked.").format(version=version))
        self.print_ids([delegate_id])

    def choose_photo(self) -> None:
        delegate_id, db = self.host.selected_id(), self.host.db
        if delegate_id is None or db is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self.widget, self.tr("Choose a photo for the badge"), str(Path.home()),
            self.tr("Photos (*.jpg *.jpeg *.png)"))
        if not path:
            return
        try:
            image = Path(path).read_bytes()
            badge_service().set_photo(db, delegate_id, image, name=Path(path).name,
                                      who=self._who(db))
        except Exception as exc:  # noqa: BLE001 - shown to the user, nothing changed
            self.host.show_error(exc)
            return
        self.host.badges_changed([delegate_id])

    def clear_photo(self) -> None:
        delegate_id, db = self.host.selected_id(), self.host.db
        if delegate_id is None or db is None:
            return
        badge_service().set_photo(db, delegate_id, None, who=self._who(db))
        self.host.badges_changed([delegate_id])

    def reason_text(self, reason: ReissueReason) -> str:
        return {ReissueReason.LOST: self.tr("Lost"), ReissueReason.DAMAGED: self.tr("Damaged"),
                ReissueReason.NAME: self.tr("Name corrected")}[reason]

    # -- the list ----------------------------------------------------------------------
    def print_list(self) -> None:
        ids = self.host.list_ids()
        if ids and QMessageBox.question(
                self.widget, self.tr("Print badges"),
                self.tr("Print badges for everyone in the list ({count})?").format(
                    count=len(ids)),
        ) == QMessageBox.StandardButton.Yes:
            self.print_ids(ids)

    def save_list(self) -> None:
        ids = self.host.list_ids()
        if ids:
            self.save_ids(ids, self.host.file_name(None))

    # -- printing and saving -----------------------------------------------------------
    def print_ids(self, ids: list[int]) -> None:
        layout = self.host.badge_layout()
        if not printing.has_printers():
            QMessageBox.information(
                self.widget, self.tr("No printer"),
                self.tr("No printer is installed on this computer. The badges will be saved "
                        "as a PDF file, to print from any computer."))
            self.save_ids(ids, self.host.file_name(ids[0] if len(ids) == 1 else None))
            return
        printer = printing.printer_for(layout)
        printer.setDocName(self.tr("Badges"))
        dialog = QPrintDialog(printer, self.widget)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        printing.remember(printer, layout)
        try:
            printing.check_ready(printer)
        except Exception as exc:  # noqa: BLE001 - said at the desk; nothing is logged
            self.host.show_error(exc)
            return
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and \
                printer.outputFileName():
            # "Print to file": our vector PDF is better than a raster of it.
            self._write(ids, Path(printer.outputFileName()), layout)
            return
        self._run(self.tr("Printing badges…"), ids,
                  lambda db, progress: _print_job(db, ids, layout, printer, progress,
                                                  self._who(db)),
                  self.tr("Badges printed: {count}."))

    def save_ids(self, ids: list[int], name: str) -> None:
        start = self.host.db_path.parent if self.host.db_path else Path.home()
        path, _ = QFileDialog.getSaveFileName(self.widget, self.tr("Save badges as PDF"),
                                              str(start / name), self.tr("PDF files (*.pdf)"))
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self._write(ids, Path(path), self.host.badge_layout())

    def _write(self, ids: list[int], path: Path, layout: Layout) -> None:
        self._run(self.tr("Writing badges…"), ids,
                  lambda db, progress: badge_service().write_pdf(
                      db, ids, path, layout, progress=progress, who=self._who(db)).badges,
                  self.tr("Badges saved to {path}: {count}.").replace("{path}", str(path)))

    def _run(self, label: str, ids: list[int], work: Callable[[Any, Progress], int],
             done_text: str) -> None:
        """Run ``work`` with its own database connection, behind progress and Cancel."""
        path = self.host.db_path
        if path is None:
            return

        def job(progress: Progress) -> int:
            with closing(connect(path)) as db:
                return work(db, progress)

        def done(count: int) -> None:
            self.host.badges_changed(ids)
            self.host.message.emit(done_text.replace("{count}", str(count)))

        run_with_progress(self.widget, label, job, on_done=done,
                          on_failed=self.host.show_error)


def _print_job(db: Any, ids: list[int], layout: Layout, printer: QPrinter,
               progress: Progress, who: Acting) -> int:
    """Render, then paint onto the printer; log the badges once every page is sent."""
    prepared = badge_service().prepare(db, ids, layout,
                              progress=lambda done, total: progress(done * 50 // total, 100))
    printing.paint_pdf(printer, prepared.pdf,
                       progress=lambda done, total: progress(50 + done * 50 // total, 100))
    badge_service().log_prints(db, prepared.printed, layout, who=who)
    return len(prepared.printed)

