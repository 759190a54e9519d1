"""One interpreter, added or changed by hand: names, languages with their classes, staff
or freelance, the days they can work, fee, contact, and the rooms they would rather not
work in. Checked by the service as an imported row is; nothing is written if wrong."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from babel.dates import format_date
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from bsm_desk import config
from bsm_desk.domain.errors import UserError
from bsm_desk.domain.interpreters import Interpreter, format_languages, parse_hours, parse_languages
from bsm_desk.services import interpreters
from bsm_desk.services.event import Overview
from bsm_desk.services.operators import acting_at
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.errors import translate_error

if TYPE_CHECKING:
    from sqlite_utils import Database

DAY = Qt.ItemDataRole.UserRole


class InterpreterDialog(QDialog):
    def __init__(self, db: Database, overview: Overview, settings: config.Settings,
                 person: Interpreter | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.settings, self.person = db, settings, person
        self.setWindowTitle(self.tr("Interpreter") if person else self.tr("New interpreter"))
        lang = i18n.language()
        self.name = QLineEdit(person.name if person else "")
        self.name_cyr = QLineEdit(person.name_cyr if person else "")
        self.languages = QLineEdit(format_languages(person.languages) if person else "")
        self.languages.setPlaceholderText("en:A; ru:B; fr:C")
        self.staff = QCheckBox(self.tr("Staff (not paid by the day)"))
        self.staff.setChecked(bool(person and person.staff))
        self.fee = QDoubleSpinBox()
        self.fee.setRange(0, 1_000_000)
        self.fee.setDecimals(2)
        self.fee.setValue(person.fee if person else 0)
        self.email = QLineEdit(person.email if person else "")
        self.phone = QLineEdit(person.phone if person else "")
        self.days = QListWidget()
        for day in overview.days:
            item = QListWidgetItem(format_date(day.date, "EEEE d MMMM y", locale=lang))
            item.setData(DAY, day.date)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            every = person is None or not person.available or day.date in person.available
            item.setCheckState(Qt.CheckState.Checked if every else Qt.CheckState.Unchecked)
            self.days.addItem(item)
        self.days.setMaximumHeight(90)
        self.avoid = QListWidget()
        for room in overview.rooms:
            if room.booths:
                item = QListWidgetItem(room.name(lang))
                item.setData(DAY, room.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if person and room.id in
                                   person.avoid_rooms else Qt.CheckState.Unchecked)
                self.avoid.addItem(item)
        zone = overview.event.zone
        for session in overview.sessions:
            if session.interpretation:
                start = session.starts_at.astimezone(zone)
                item = QListWidgetItem(f"{start:%d.%m %H:%M} · {session.title(lang)}")
                item.setData(DAY, -(session.id or 0))  # negative: a session, not a room
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if person and session.id in
                                   person.avoid_sessions else Qt.CheckState.Unchecked)
                self.avoid.addItem(item)
        self.avoid.setMaximumHeight(110)
        self.only_hours = QCheckBox(self.tr("Only between"))
        self.hours_from, self.hours_until = QTimeEdit(QTime(9, 0)), QTimeEdit(QTime(18, 0))
        for edit in (self.hours_from, self.hours_until):
            edit.setDisplayFormat("HH:mm")
        if person and person.hours:
            self.only_hours.setChecked(True)
            self.hours_from.setTime(QTime(person.hours[0].hour, person.hours[0].minute))
            self.hours_until.setTime(QTime(person.hours[1].hour, person.hours[1].minute))
        hours = QHBoxLayout()
        for widget in (self.only_hours, self.hours_from, QLabel("–"), self.hours_until):
            hours.addWidget(widget)
        hours.addStretch(1)
        self.withdrawn = QComboBox()
        self.withdrawn.addItem(self.tr("not withdrawn"), None)
        for day in overview.days:
            self.withdrawn.addItem(format_date(day.date, "EEEE d MMMM y", locale=lang), day.date)
        if person and person.withdrawn_from:
            self.withdrawn.setCurrentIndex(max(0, self.withdrawn.findData(person.withdrawn_from)))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Name in Cyrillic:"), self.name_cyr)
        form.addRow(self.tr("Languages (A mother tongue, B active, C passive):"),
                    self.languages)
        form.addRow("", self.staff)
        form.addRow(self.tr("Daily fee:"), self.fee)
        form.addRow(self.tr("E-mail:"), self.email)
        form.addRow(self.tr("Phone:"), self.phone)
        form.addRow(self.tr("Available on:"), self.days)
        form.addRow(self.tr("Hours each day:"), hours)
        form.addRow(self.tr("Rather not work in:"), self.avoid)
        form.addRow(self.tr("Withdrawn (ill, left) from:"), self.withdrawn)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def _checked(self, widget: QListWidget) -> list[object]:
        return [widget.item(i).data(DAY) for i in range(widget.count())
                if widget.item(i).checkState() == Qt.CheckState.Checked]

    def save(self) -> None:
        try:
            languages = parse_languages(self.languages.text(),
                                        known=interpreters.known_language)
            days = self._checked(self.days)
            # Every day ticked is written as "every day": new days of the event count too.
            available = () if len(days) == self.days.count() else tuple(days)
            if not days:
                raise UserError(interpreters.NO_DAY)
            hours = None
            if self.only_hours.isChecked():
                begin, end = self.hours_from.time(), self.hours_until.time()
                hours = parse_hours(f"{begin.toString('HH:mm')}-{end.toString('HH:mm')}")
            avoided = [int(v) for v in self._checked(self.avoid)]  # type: ignore[call-overload]
            base = self.person or Interpreter("", "", {}, False, ())
            person = replace(base, name=self.name.text(), name_cyr=self.name_cyr.text(),
                             languages=languages, staff=self.staff.isChecked(),
                             available=available,  # type: ignore[arg-type]
                             fee=self.fee.value(), email=self.email.text(),
                             phone=self.phone.text(),
                             withdrawn_from=self.withdrawn.currentData(), hours=hours,
                             avoid_rooms=tuple(r for r in avoided if r > 0),
                             avoid_sessions=tuple(-r for r in avoided if r < 0))
            interpreters.save_interpreter(self.db, person, who=acting_at(self.db, self.settings))
        except ValueError:  # the end of the hours not after their start
            self.error.setText(self.tr("The hours must end after they begin."))
            return
        except Exception as exc:  # noqa: BLE001 - said in the dialog; nothing written
            self.error.setText(translate_error(exc))
            return
        self.accept()

