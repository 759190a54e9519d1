"""The side-event requests of the event: the ones waiting for a room and the ones in the
programme. Add, correct or delete (with undo) the waiting ones, import a spreadsheet of
them, and ask for rooms and times."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bsm_desk import config
from bsm_desk.domain.errors import UserError
from bsm_desk.domain.programme import Request
from bsm_desk.services.operators import acting_at
from bsm_desk.services.programme import queries as programme_queries
from bsm_desk.services.programme import side_events
from bsm_desk.services.programme.side_event_import import import_requests
from bsm_desk.ui.programme.side_event_dialog import SideEventDialog, default_request
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.errors import show_error, translate_error
from bsm_desk.ui.shell.icons import icon
from bsm_desk.ui.widgets.filters import select_only_row
from bsm_desk.ui.widgets.people_picker import delegate_finder, named

if TYPE_CHECKING:
    from sqlite_utils import Database

KNOWN_EQUIPMENT = ("projector", "microphones", "streaming")


class SideEventsDialog(QDialog):
    def __init__(self, db: Database, settings: config.Settings, start_dir: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.settings = db, settings
        self.start_dir = start_dir or Path.home()
        self.allocate_requested = False
        self.requests: list[Request] = []
        self.deleted: list[Request] = []  # for undo, last deleted at the end
        event = programme_queries.event(db)
        assert event is not None
        self.zone = event.zone
        self.setWindowTitle(self.tr("Side-event requests"))
        self.summary = QLabel()
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            self.tr("Title"), self.tr("Organizer"), self.tr("Participants"),
            self.tr("Minutes"), self.tr("First choice"), self.tr("Status")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit())
        self.table.itemSelectionChanged.connect(self._enable)
        self.add_button = QPushButton(icon("add"), self.tr("Add…"))
        self.add_button.setShortcut(QKeySequence.StandardKey.New)
        self.add_button.setToolTip(self.tr("A request typed in by hand (Ctrl+N)"))
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(icon("edit"), self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit)
        self.delete_button = QPushButton(icon("cancel"), self.tr("Delete"))
        self.delete_button.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_button.clicked.connect(self.delete)
        self.undo_button = QPushButton(icon("undo"), self.tr("Undo delete"))
        self.undo_button.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_button.clicked.connect(self.undo)
        self.import_button = QPushButton(icon("import"), self.tr("Import…"))
        self.import_button.setToolTip(self.tr("A spreadsheet (xlsx or csv) with English or "
                                              "Russian headers; all rows or none"))
        self.import_button.clicked.connect(self.import_file)
        self.allocate_button = QPushButton(icon("programme"), self.tr("Allocate…"))
        self.allocate_button.setToolTip(self.tr("Rooms and times for the waiting requests"))
        self.allocate_button.clicked.connect(self._allocate)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.edit)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button,
                       self.undo_button, self.import_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        self.allocate_button.setAutoDefault(False)
        buttons.addStretch(1)
        buttons.addWidget(self.allocate_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(900, 460)
        self.reload()

    # -- the list ----------------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        self.requests = programme_queries.requests(self.db)
        sessions = {s.id: s for s in programme_queries.sessions(self.db)}
        rooms = {r.id: r for r in programme_queries.rooms(self.db)}
        lang = i18n.language()
        self.table.setRowCount(len(self.requests))
        for row, request in enumerate(self.requests):
            title = request.title(lang)
            first = request.slots[0].astimezone(self.zone).strftime("%d.%m %H:%M") \
                if request.slots else "—"
            session = sessions.get(request.session_id)
            if session is None:
                status = self.tr("Waiting for a room")
            else:
                room = rooms.get(session.room_id)
                status = self.tr("In the programme: {when}, {room}").format(
                    when=session.starts_at.astimezone(self.zone).strftime("%d.%m %H:%M"),
                    room=room.name(lang) if room else "—")
            cells = (title, request.organizer, str(request.expected),
                     str(request.duration_min), first, status)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, request.id)
                if column in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if session is not None:
                    item.setForeground(Qt.GlobalColor.darkGreen)
                self.table.setItem(row, column, item)
            if request.id == select:
                select_only_row(self.table, row)
        waiting = sum(1 for r in self.requests if r.session_id is None)
        self.summary.setText(self.tr("{waiting} waiting for a room, {placed} in the "
                                     "programme.").format(
            waiting=waiting, placed=len(self.requests) - waiting))
        self.allocate_button.setEnabled(waiting > 0)
        self._enable()

    def current(self) -> Request | None:
        row = self.table.currentRow()
        if not self.table.selectedItems() or not 0 <= row < len(self.requests):
            return None
        return self.requests[row]

    def _enable(self) -> None:
        request = self.current()
        waiting = request is not None and request.session_id is None
        self.edit_button.setEnabled(waiting)
        self.delete_button.setEnabled(waiting)
        self.undo_button.setEnabled(bool(self.deleted))

    # -- changes -----------------------------------------------------------------------
    def add(self) -> None:
        days = programme_queries.days(self.db)
        self._open(default_request(days, self.zone))

    def edit(self) -> None:
        request = self.current()
        if request is None:
            return
        if request.session_id is not None:
            QMessageBox.information(self, self.windowTitle(),
                                    translate_error(UserError(side_events.PLACED)))
            return
        self._open(request)

    def _open(self, request: Request) -> None:
        days = programme_queries.days(self.db)
        equipment = list(dict.fromkeys(
            [*KNOWN_EQUIPMENT,
             *(e for r in programme_queries.rooms(self.db) for e in r.equipment)]))
        dialog = SideEventDialog(request, days, self.zone, equipment, self,
                               find_people=delegate_finder(self.db),
                               panellists=named(self.db, request.panellists))
        if not dialog.exec():
            return
        try:
            saved = side_events.save_request(self.db, dialog.result_request(),
                                             who=acting_at(self.db, self.settings))
        except Exception as exc:  # noqa: BLE001 - shown; nothing was saved
            show_error(self, self.windowTitle(), exc)
            return
        self.reload(select=saved)

    def delete(self) -> None:
        request = self.current()
        if request is None or request.id is None or request.session_id is not None:
            return
        answer = QMessageBox.question(self, self.windowTitle(), self.tr(
            "Delete the request “{title}”? (Undo delete puts it back.)").format(
            title=request.title(i18n.language())))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            gone = side_events.delete_request(self.db, request.id,
                                              who=acting_at(self.db, self.settings))
        except Exception as exc:  # noqa: BLE001 - shown; nothing was deleted
            show_error(self, self.windowTitle(), exc)
            return
        self.deleted.append(gone)
        self.reload()

    def undo(self) -> None:
        if not self.deleted:
            return
        from dataclasses import replace

        request = self.deleted.pop()
        try:
            saved = side_events.save_request(self.db, replace(request, id=None, session_id=None),
                                             who=acting_at(self.db, self.settings))
        except Exception as exc:  # noqa: BLE001 - shown; kept for another try
            self.deleted.append(request)
            show_error(self, self.windowTitle(), exc)
            return
        self.reload(select=saved)

    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import side-event requests"), str(self.start_dir),
            self.tr("Spreadsheets (*.xlsx *.csv)"))
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> None:
        try:
            report = import_requests(self.db, path, who=acting_at(self.db, self.settings))
        except Exception as exc:  # noqa: BLE001 - shown; nothing was imported
            show_error(self, self.tr("Import side-event requests"), exc)
            return
        if report.problems:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Import side-event requests"),
                              self.tr("Nothing was imported: %n problem(s) in {file}. "
                                      "Correct the file and import it again.", "",
                                      len(report.problems)).format(file=report.file),
                              parent=self)
            box.setDetailedText("\n".join(
                self.tr("Row {row}, {column}: {message}").format(
                    row=p.row, column=p.column, message=p.message(QCoreApplication.translate))
                for p in report.problems))
            box.exec()
            return
        QMessageBox.information(self, self.tr("Import side-event requests"), self.tr(
            "%n request(s) imported from {file}.", "", report.added).format(file=report.file))
        self.reload()

    def _allocate(self) -> None:
        self.allocate_requested = True
        self.accept()
