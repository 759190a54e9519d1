"""Creating a new event: titles in both languages, dates, time zone, venue, languages."""

from __future__ import annotations

import zoneinfo
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from bsm_desk.domain.errors import UserError
from bsm_desk.services.event.making import NewEvent, validate
from bsm_desk.ui.shell.errors import translate_error
from bsm_desk.ui.shell.i18n import follow_language


def _local_zone() -> str:
    try:
        from datetime import datetime

        key = getattr(datetime.now().astimezone().tzinfo, "key", "")
        return key if key in zoneinfo.available_timezones() else "Asia/Dushanbe"
    except Exception:  # any odd system zone setting: fall back to the reference venue
        return "Asia/Dushanbe"


class NewEventDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_en = QLineEdit()
        self.title_ru = QLineEdit()
        self.venue_en = QLineEdit()
        self.venue_ru = QLineEdit()
        today = QDate.currentDate()
        self.start = QDateEdit(today)
        self.end = QDateEdit(today.addDays(1))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.start.dateChanged.connect(self._keep_order)
        self.zone = QComboBox()
        self.zone.setEditable(True)
        self.zone.addItems(sorted(zoneinfo.available_timezones()))
        self.zone.setCurrentText(_local_zone())
        self.english = QCheckBox()
        self.russian = QCheckBox()
        self.english.setChecked(True)
        self.russian.setChecked(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)

        self.form = QFormLayout()
        languages = QHBoxLayout()
        languages.addWidget(self.english)
        languages.addWidget(self.russian)
        languages.addStretch(1)
        self._rows = [
            (self.title_en,), (self.title_ru,), (self.start,), (self.end,), (self.zone,),
            (self.venue_en,), (self.venue_ru,),
        ]
        self._labels = [QLabel() for _ in range(8)]
        for label, widget in zip(self._labels, [w for (w,) in self._rows], strict=False):
            label.setBuddy(widget)
            self.form.addRow(label, widget)
        self.form.addRow(self._labels[7], languages)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        follow_language(self)

    def _keep_order(self, start: QDate) -> None:
        if self.end.date() < start:
            self.end.setDate(start)

    def spec(self) -> NewEvent:
        languages = tuple(code for code, box in (("en", self.english), ("ru", self.russian))
                          if box.isChecked())
        start, end = self.start.date(), self.end.date()
        return NewEvent(
            title_en=self.title_en.text(), title_ru=self.title_ru.text(),
            venue_en=self.venue_en.text(), venue_ru=self.venue_ru.text(),
            start_date=date(start.year(), start.month(), start.day()),
            end_date=date(end.year(), end.month(), end.day()),
            time_zone=self.zone.currentText().strip(), languages=languages,
        )

    def accept(self) -> None:
        try:
            validate(self.spec())
        except UserError as exc:
            self.error.setText(translate_error(exc))
            return
        super().accept()


    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New event"))
        texts = [self.tr("Title (&English):"), self.tr("Title (&Russian):"),
                 self.tr("&Starts on:"), self.tr("&Ends on:"), self.tr("&Time zone:"),
                 self.tr("&Venue (English):"), self.tr("Venue (R&ussian):"),
                 self.tr("Working languages:")]
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.english.setText(self.tr("English"))
        self.russian.setText(self.tr("Russian"))
        self.title_en.setPlaceholderText("High-Level Conference on Border Security")
        self.title_ru.setPlaceholderText("Конференция высокого уровня")
