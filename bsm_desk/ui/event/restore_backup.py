"""File > Restore a backup…: the event's automatic backups, newest first, each with its
time (venue time) and what it holds, to put one back in place of the event file."""

from __future__ import annotations

from datetime import tzinfo
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bsm_desk.domain.errors import UserError
from bsm_desk.services.event import backups
from bsm_desk.ui.event.file_menu import DB_FILTER
from bsm_desk.ui.shell.i18n import follow_language
from bsm_desk.ui.widgets.filters import select_only_row


class RestoreBackupDialog(QDialog):
    """Choose a backup; ``chosen`` is its path after the dialog was accepted."""

    def __init__(self, event_file: Path, into: str | None, zone: tzinfo | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.event_file = event_file
        self.zone = zone
        self.chosen: Path | None = None
        self.found = backups.listing(event_file, into=into)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(len(self.found), 4)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch)
        self.table.itemDoubleClicked.connect(lambda _item: self.accept())
        self.table.itemSelectionChanged.connect(self._enable)
        self._fill()
        self.other = QPushButton()
        self.other.clicked.connect(self._other_file)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.other, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(720, 420)
        if self.found:
            select_only_row(self.table, 0)
        follow_language(self)
        self._enable()

    def _fill(self) -> None:
        for row, backup in enumerate(self.found):
            at = backup.at.astimezone(self.zone) if self.zone else backup.at.astimezone()
            try:
                held = backups.contents(backup.path)
                counts = [str(held.delegates), str(held.checkins)]
            except UserError:
                counts = ["—", "—"]  # said again, with the reason, if it is chosen
            for column, text in enumerate([at.strftime("%Y-%m-%d %H:%M:%S"), *counts,
                                           backup.path.name]):
                item = QTableWidgetItem(text)
                if column in (1, 2):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()

    def _enable(self) -> None:
        self.restore_button.setEnabled(bool(self.table.selectedItems()))

    def _other_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Restore from a file"),
                                              str(self.event_file.parent),
                                              self.tr("Event databases") + f" ({DB_FILTER})")
        if path:
            self.chosen = Path(path)
            super().accept()

    def accept(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        self.chosen = self.found[rows[0].row()].path
        super().accept()


    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Restore a backup"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Taken at (venue time)"), self.tr("Delegates"), self.tr("Check-ins"),
            self.tr("File")])
        self.table.resizeColumnsToContents()
        self.intro.setText(
            self.tr("The backup you choose takes the place of {name}. The current file is "
                    "kept aside, not overwritten. Close this event on the other desks "
                    "first.").format(name=self.event_file.name) if self.found else
            self.tr("There are no automatic backups of {name} yet. You can restore from a "
                    "file you saved.").format(name=self.event_file.name))
        self.restore_button.setText(self.tr("&Restore"))
        self.other.setText(self.tr("From another &file…"))
