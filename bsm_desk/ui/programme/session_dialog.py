"""Adding or editing one session of the programme."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, Qt, QTimeZone
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bsm_desk.domain.model import Category, Room, Session, SessionKind, may_enter
from bsm_desk.domain.session_kinds import KIND_STYLE
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.widgets.languages import LanguageChoice
from bsm_desk.ui.widgets.people_picker import Finder, PeoplePicker

KIND_NAMES = {kind: (style.name_en, style.name_ru) for kind, style in KIND_STYLE.items()}


class SessionDialog(QDialog):
    def __init__(self, session: Session, rooms: list[Room], categories: list[Category],
                 zone: ZoneInfo, parent: QWidget | None = None, *,
                 find_people: Finder | None = None,
                 panellists: list[tuple[int, str]] | None = None) -> None:
        super().__init__(parent)
        self.session, self.zone, self.categories = session, zone, categories
        lang = i18n.language()
        self.setWindowTitle(self.tr("Session") if session.id else self.tr("New session"))
        self.title_en = QLineEdit(session.title_en)
        self.title_ru = QLineEdit(session.title_ru)
        self.kind = QComboBox()
        for kind, names in KIND_NAMES.items():
            self.kind.addItem(names[1] if lang == "ru" else names[0], kind.value)
        self.kind.setCurrentIndex(self.kind.findData(session.kind.value))
        self.room = QComboBox()
        for room in rooms:
            self.room.addItem(f"{room.name(lang)} ({room.capacity})", room.id)
        self.room.setCurrentIndex(max(self.room.findData(session.room_id), 0))
        self.starts = self._when(session.starts_at)
        self.ends = self._when(session.ends_at)
        self.language_choice = LanguageChoice(session.languages, session.interpretation)
        self.english = self.language_choice.english
        self.russian = self.language_choice.russian
        self.interpretation = self.language_choice.interpretation
        self.expected = QSpinBox()
        self.expected.setRange(0, 100_000)
        self.expected.setValue(session.expected)
        self.organizer = QLineEdit(session.organizer)
        self.access = QListWidget()
        for category in categories:
            item = QListWidgetItem(category.name(lang))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if may_enter(session, category)
                               else Qt.CheckState.Unchecked)
            self.access.addItem(item)
        self.people = PeoplePicker(find_people, panellists)
        form = QFormLayout()
        form.addRow(self.tr("Title (English):"), self.title_en)
        form.addRow(self.tr("Title (Russian):"), self.title_ru)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Room:"), self.room)
        form.addRow(self.tr("Starts:"), self.starts)
        form.addRow(self.tr("Ends:"), self.ends)
        form.addRow(self.tr("Languages:"), self.language_choice)
        form.addRow(self.tr("Expected attendance:"), self.expected)
        form.addRow(self.tr("Organizer:"), self.organizer)
        form.addRow(self.tr("Who may enter:"), self.access)
        form.addRow(self.tr("Panellists and speakers (double-click to remove):"), self.people)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def panellists(self) -> list[int]:
        return self.people.ids()

    def _when(self, at: datetime) -> QDateTimeEdit:
        local = at.astimezone(self.zone)
        edit = QDateTimeEdit(QDateTime(local.year, local.month, local.day, local.hour,
                                       local.minute, 0, 0, QTimeZone(QTimeZone.Initialization.UTC)))
        edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        return edit

    def _read(self, edit: QDateTimeEdit) -> datetime:
        value = edit.dateTime()
        d, t = value.date(), value.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=self.zone)

    def result_session(self) -> Session:
        allowed = tuple(c.id or 0 for i, c in enumerate(self.categories)
                        if self.access.item(i).checkState() == Qt.CheckState.Checked)
        kind = SessionKind(self.kind.currentData())
        # Everyone checked means the default rule, except where the default is narrower.
        everyone = len(allowed) == len(self.categories) and kind is not SessionKind.CLOSED
        starts = self._read(self.starts)
        ends = self._read(self.ends)
        if ends <= starts:
            ends = starts + timedelta(minutes=30)
        return replace(
            self.session, title_en=self.title_en.text().strip(),
            title_ru=self.title_ru.text().strip(), kind=kind,
            room_id=self.room.currentData(), starts_at=starts, ends_at=ends,
            languages=self.language_choice.languages(),
            interpretation=self.interpretation.isChecked(), expected=self.expected.value(),
            organizer=self.organizer.text().strip(), access=() if everyone else allowed)
