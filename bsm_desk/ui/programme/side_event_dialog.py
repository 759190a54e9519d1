"""One side-event request typed in by hand: what the organizer asks for, with the
preferred start times in the order they were given (best first)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP
from bsm_desk.domain.model import Day
from bsm_desk.domain.programme import Request
from bsm_desk.ui.widgets.languages import LanguageChoice
from bsm_desk.ui.widgets.people_picker import Finder, PeoplePicker

EQUIPMENT_NAMES = {
    "projector": QT_TRANSLATE_NOOP("SideEventDialog", "projector"),
    "microphones": QT_TRANSLATE_NOOP("SideEventDialog", "microphones"),
    "streaming": QT_TRANSLATE_NOOP("SideEventDialog", "streaming"),
}
SLOT_FORMAT = "%d.%m.%Y %H:%M"


class SideEventDialog(QDialog):
    def __init__(self, request: Request, days: list[Day], zone: ZoneInfo,
                 equipment: list[str], parent: QWidget | None = None, *,
                 find_people: Finder | None = None,
                 panellists: list[tuple[int, str]] | None = None) -> None:
        super().__init__(parent)
        self.request, self.zone = request, zone
        self.setWindowTitle(self.tr("Side-event request") if request.id
                            else self.tr("New side-event request"))
        self.title_en = QLineEdit(request.title_en)
        self.title_ru = QLineEdit(request.title_ru)
        self.organizer = QLineEdit(request.organizer)
        self.contact = QLineEdit(request.contact)
        self.contact.setPlaceholderText(self.tr("e-mail or telephone"))
        self.expected = QSpinBox()
        self.expected.setRange(0, 10_000)
        self.expected.setValue(request.expected)
        self.duration = QSpinBox()
        self.duration.setRange(10, 12 * 60)
        self.duration.setSingleStep(10)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setValue(request.duration_min)
        self.language_choice = LanguageChoice(request.languages, request.interpretation)
        self.english = self.language_choice.english
        self.russian = self.language_choice.russian
        self.interpretation = self.language_choice.interpretation
        self.avoid_plenary = QCheckBox(self.tr("Not during a plenary"))
        self.avoid_plenary.setChecked(request.avoid_plenary)
        self.equipment: dict[str, QCheckBox] = {}
        kit = QGridLayout()
        for index, name in enumerate(dict.fromkeys([*equipment, *request.equipment])):
            box = QCheckBox(self.tr(EQUIPMENT_NAMES.get(name, name)) if name in EQUIPMENT_NAMES
                            else name)
            box.setChecked(name in request.equipment)
            self.equipment[name] = box
            kit.addWidget(box, index // 3, index % 3)
        self.slots = QListWidget()
        self.slots.setMaximumHeight(110)
        self.when = QDateTimeEdit()
        self.when.setDisplayFormat("dd.MM.yyyy HH:mm")
        if days:
            self.when.setDateRange(_qdate(days[0].date), _qdate(days[-1].date))
            utc = QTimeZone(QTimeZone.Initialization.UTC)
            self.when.setDateTime(QDateTime(_qdate(days[0].date), QTime(13, 30), utc))
        self.add_slot = QPushButton(self.tr("Add time"))
        self.add_slot.clicked.connect(lambda: self._add_slot(self._read_when()))
        self.up = QPushButton(self.tr("Earlier in the list"))
        self.up.clicked.connect(self._move_up)
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.clicked.connect(lambda: self.slots.takeItem(self.slots.currentRow()))
        for at in request.slots:
            self._add_slot(at)
        slot_row = QHBoxLayout()
        slot_row.addWidget(self.when, 1)
        slot_row.addWidget(self.add_slot)
        slot_buttons = QHBoxLayout()
        slot_buttons.addWidget(self.up)
        slot_buttons.addWidget(self.remove)
        slot_buttons.addStretch(1)
        slot_box = QVBoxLayout()
        slot_box.addWidget(self.slots)
        slot_box.addLayout(slot_row)
        slot_box.addLayout(slot_buttons)
        self.people = PeoplePicker(find_people, panellists)
        form = QFormLayout()
        form.addRow(self.tr("Title (English):"), self.title_en)
        form.addRow(self.tr("Title (Russian):"), self.title_ru)
        form.addRow(self.tr("Organizer:"), self.organizer)
        form.addRow(self.tr("Contact:"), self.contact)
        form.addRow(self.tr("Expected participants:"), self.expected)
        form.addRow(self.tr("Duration:"), self.duration)
        form.addRow(self.tr("Languages:"), self.language_choice)
        form.addRow(self.tr("Equipment:"), kit)
        form.addRow("", self.avoid_plenary)
        form.addRow(self.tr("Preferred start times, best first:"), slot_box)
        form.addRow(self.tr("Panellists (double-click to remove):"), self.people)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(600)

    # -- preferred times ----------------------------------------------------------------
    def _read_when(self) -> datetime:
        value = self.when.dateTime()
        d, t = value.date(), value.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=self.zone)

    def _add_slot(self, at: datetime) -> None:
        if at in self.preferred():
            return
        item = QListWidgetItem()
        item.setData(Qt.ItemDataRole.UserRole, at)
        self.slots.addItem(item)
        self._number()

    def _move_up(self) -> None:
        row = self.slots.currentRow()
        if row > 0:
            self.slots.insertItem(row - 1, self.slots.takeItem(row))
            self.slots.setCurrentRow(row - 1)
            self._number()

    def _number(self) -> None:
        for row in range(self.slots.count()):
            item = self.slots.item(row)
            at: datetime = item.data(Qt.ItemDataRole.UserRole)
            item.setText(f"{row + 1}. {at.astimezone(self.zone).strftime(SLOT_FORMAT)}")

    def preferred(self) -> list[datetime]:
        return [self.slots.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.slots.count())]

    # -- result -------------------------------------------------------------------------
    def accept(self) -> None:
        if not (self.title_en.text().strip() or self.title_ru.text().strip()):
            QMessageBox.warning(self, self.windowTitle(),
                                self.tr("Give the side event a title in English or Russian."))
            self.title_en.setFocus()
            return
        super().accept()

    def result_request(self) -> Request:
        languages = self.language_choice.languages()
        return replace(
            self.request, title_en=self.title_en.text().strip(),
            title_ru=self.title_ru.text().strip(), organizer=self.organizer.text().strip(),
            contact=self.contact.text().strip(), expected=self.expected.value(),
            duration_min=self.duration.value(), languages=languages or ("en",),
            interpretation=self.interpretation.isChecked(),
            equipment=tuple(name for name, box in self.equipment.items() if box.isChecked()),
            avoid_plenary=self.avoid_plenary.isChecked(), slots=tuple(self.preferred()),
            panellists=tuple(self.people.ids()))


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def default_request(days: list[Day], zone: ZoneInfo) -> Request:
    """A new request: an hour, wished at 13:30 on the first day (the lunch break)."""
    slots = (datetime.combine(days[0].date, time(13, 30), zone),) if days else ()
    return Request("", 60, slots=slots)

