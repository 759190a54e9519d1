"""The venue's rooms and its opening hours, edited in two tables."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from bsm_desk.domain.model import Day, Room


class RoomsDialog(QDialog):
    def __init__(self, rooms: list[Room], days: list[Day],
                 parent: QWidget | None = None, *, changeover: int = 15) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rooms and opening hours"))
        self.rooms, self.days = rooms, days
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            self.tr("Name (English)"), self.tr("Name (Russian)"), self.tr("Floor"),
            self.tr("Seats"), self.tr("Booths"), self.tr("Equipment")])
        equipment = self.table.horizontalHeaderItem(5)
        if equipment is not None:
            equipment.setToolTip(self.tr("Separated by commas: projector, microphones, "
                                         "streaming"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # names, equipment
        for column in (2, 3, 4):  # floor, seats, booths: as wide as their heading
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for room in rooms:
            self._add_row(room)
        add = QPushButton(self.tr("Add a room"))
        add.clicked.connect(lambda: self._add_row(Room("", "")))
        self.hours = QTableWidget(len(days), 2)
        self.hours.setHorizontalHeaderLabels([self.tr("Opens"), self.tr("Closes")])
        self.hours.setVerticalHeaderLabels([d.date.strftime("%d.%m.%Y") for d in days])
        for row, day in enumerate(days):
            for column, value in enumerate((day.opens, day.closes)):
                edit = QTimeEdit(QTime.fromString(value, "HH:mm"))
                edit.setDisplayFormat("HH:mm")
                self.hours.setCellWidget(row, column, edit)
        self.changeover = QSpinBox()
        self.changeover.setRange(0, 240)
        self.changeover.setSingleStep(5)
        self.changeover.setSuffix(self.tr(" min"))
        self.changeover.setValue(changeover)
        self.changeover.setToolTip(self.tr("Kept free in a room between two side events when "
                                           "they are allocated"))
        changeover_row = QHBoxLayout()
        changeover_row.addWidget(QLabel(self.tr("Change-over between events in a room:")))
        changeover_row.addWidget(self.changeover)
        changeover_row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 2)
        layout.addWidget(add)
        layout.addWidget(QLabel(self.tr("Opening hours of the venue")))
        layout.addWidget(self.hours, 1)
        layout.addLayout(changeover_row)
        layout.addWidget(buttons)
        self.resize(980, 560)

    def _add_row(self, room: Room) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in enumerate((room.name_en, room.name_ru, room.floor,
                                        str(room.capacity), str(room.booths),
                                        ", ".join(room.equipment))):
            self.table.setItem(row, column, QTableWidgetItem(value))

    def _number(self, row: int, column: int) -> int:
        item = self.table.item(row, column)
        try:
            return max(0, int((item.text() if item else "0").strip() or 0))
        except ValueError:
            return 0

    def result_rooms(self) -> list[Room]:
        out = []
        for row in range(self.table.rowCount()):
            def text(column: int, r: int = row) -> str:
                item = self.table.item(r, column)
                return item.text().strip() if item else ""

            equipment = tuple(e.strip().casefold() for e in text(5).split(",") if e.strip())
            base = self.rooms[row] if row < len(self.rooms) else Room("", "")
            out.append(replace(base, name_en=text(0), name_ru=text(1), floor=text(2),
                               capacity=self._number(row, 3), booths=self._number(row, 4),
                               equipment=equipment))
        return [r for r in out if r.id is not None or r.name_en or r.name_ru]

    def result_hours(self) -> list[Day]:
        out = []
        for row, day in enumerate(self.days):
            opens = self.hours.cellWidget(row, 0)
            closes = self.hours.cellWidget(row, 1)
            assert isinstance(opens, QTimeEdit) and isinstance(closes, QTimeEdit)
            out.append(replace(day, opens=opens.time().toString("HH:mm"),
                               closes=closes.time().toString("HH:mm")))
        return out

