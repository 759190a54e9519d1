"""The roster's grid (a day's booths, one row each, a column per seat) and the pool beside
it, between which names are dragged. A drop is only reported: the screen changes the
roster through the services and draws the grid again."""

from __future__ import annotations

import json
from collections.abc import Sequence

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem

MIME = "application/x-bsm-desk-interpreter"
SEAT0 = 4  # the first seat's column: time, room, sessions, booth come before
PERSON = Qt.ItemDataRole.UserRole
BREACH = QColor("#ffcdd2")  # a seat whose interpreter breaks a rule
EMPTY = QColor("#fff3cd")  # a seat the team still needs
SHORT = QColor("#ffe0b2")  # a booth whose team lacks something
UNUSED = QColor("#eceff1")  # beyond the booth's team


def payload(person: int, seat: tuple[int, int] | None = None) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME, json.dumps({"person": person, "seat": seat}).encode())
    return mime


def read_payload(mime: QMimeData) -> tuple[int, tuple[int, int] | None] | None:
    """The interpreter dragged and the seat it came from (None: from the pool); None for
    anything else (a drop from another program, a damaged payload)."""
    if not mime.hasFormat(MIME):
        return None
    try:
        data = json.loads(bytes(mime.data(MIME).data()).decode())
        person = int(data["person"])
        seat = data.get("seat")
        return person, (int(seat[0]), int(seat[1])) if seat is not None else None
    except (ValueError, KeyError, TypeError, IndexError, UnicodeDecodeError):
        return None


class _Dragging(QTableWidget):
    def __init__(self, rows: int, columns: int) -> None:
        super().__init__(rows, columns)
        self.setDragEnabled(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt's name
        return [MIME]


class PoolTable(_Dragging):
    """The interpreters, each row dragged as its person."""

    def __init__(self) -> None:
        super().__init__(0, 6)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)

    def mimeData(self, items: Sequence[QTableWidgetItem]) -> QMimeData:  # noqa: N802
        person = next((i.data(PERSON) for i in items if i.data(PERSON) is not None), None)
        return payload(int(person)) if person is not None else QMimeData()

    def person(self) -> int | None:
        item = self.item(self.currentRow(), 0)
        value = item.data(PERSON) if item is not None else None
        return int(value) if value is not None else None


class RosterGrid(_Dragging):
    """A day's booths; a seat's item holds its interpreter (PERSON) or nothing."""

    dropped = Signal(int, object, int, int)  # person, from seat (row, column) or None, to

    def __init__(self) -> None:
        super().__init__(0, SEAT0 + 2)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setWordWrap(False)

    def mimeData(self, items: Sequence[QTableWidgetItem]) -> QMimeData:  # noqa: N802
        for item in items:
            if item.data(PERSON) is not None:
                return payload(int(item.data(PERSON)), (item.row(), item.column()))
        return QMimeData()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        index = self.indexAt(event.position().toPoint())
        if event.mimeData().hasFormat(MIME) and self.is_seat(index.row(), index.column()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        index = self.indexAt(event.position().toPoint())
        event.setDropAction(Qt.DropAction.IgnoreAction)  # the table never moves its cells
        event.accept()
        self.drop(event.mimeData(), index.row(), index.column())

    def drop(self, mime: QMimeData, row: int, column: int) -> bool:
        """Report a drop of ``mime`` on a seat; False if it is not one, or not ours."""
        found = read_payload(mime)
        if found is None or not self.is_seat(row, column):
            return False
        person, seat = found
        if seat == (row, column):
            return False
        self.dropped.emit(person, seat, row, column)
        return True

    def is_seat(self, row: int, column: int) -> bool:
        item = self.item(row, column) if row >= 0 and column >= SEAT0 else None
        return item is not None and bool(item.flags() & Qt.ItemFlag.ItemIsDropEnabled)
