"""The Programme screen: each day as a timetable to edit, and what is wrong with it.

Every change is saved at once and the conflicts are computed again from the whole
programme (a room double-booked, too many people for the room, interpretation without
booths, a person in two places, outside the opening hours), marked on the blocks and
listed beside them.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bsm_desk import config
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP
from bsm_desk.domain.model import Session
from bsm_desk.domain.programme import Conflict, ConflictKind
from bsm_desk.services import programme as programme_service
from bsm_desk.services.event import Overview
from bsm_desk.services.operators import Acting, acting_at
from bsm_desk.services.programme import Programme
from bsm_desk.services.registry import queries as registry_queries
from bsm_desk.ui.programme.side_event_actions import SideEventActions
from bsm_desk.ui.programme.timetable_editor import TimetableEditor
from bsm_desk.ui.programme.undo import ProgrammeUndo
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.errors import show_error
from bsm_desk.ui.shell.icons import icon
from bsm_desk.ui.shell.theme import give_role
from bsm_desk.ui.widgets.kind_legend import KindLegend
from bsm_desk.ui.widgets.people_picker import delegate_finder, named

if TYPE_CHECKING:
    from sqlite_utils import Database

CONFLICT_TEXT = {
    ConflictKind.DOUBLE_BOOKED: QT_TRANSLATE_NOOP("ProgrammeScreen",
                                                  "Room {room} is booked twice."),
    ConflictKind.OVER_CAPACITY: QT_TRANSLATE_NOOP("ProgrammeScreen",
                                                  "More people expected than {room} seats."),
    ConflictKind.NO_BOOTHS: QT_TRANSLATE_NOOP(
        "ProgrammeScreen", "Interpretation needed, but {room} has no booths."),
    ConflictKind.PERSON_TWICE: QT_TRANSLATE_NOOP("ProgrammeScreen",
                                                 "A panellist is in two sessions at once."),
    ConflictKind.OUTSIDE_HOURS: QT_TRANSLATE_NOOP("ProgrammeScreen",
                                                  "Outside the venue's opening hours."),
}


class ProgrammeScreen(QWidget):
    changed = Signal()
    message = Signal(str)  # for the status bar

    def __init__(self, settings: config.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.db: Database | None = None
        self.path: Path | None = None
        self.programme: Programme | None = None
        # Side events proposed by the allocator, shown dashed while they are reviewed.
        self.proposed: list[tuple[int, datetime, datetime, str]] = []
        self.side_events = SideEventActions(self, self)
        self.title = QLabel()
        give_role(self.title, "title")
        self.day = QComboBox()
        self.day.currentIndexChanged.connect(self._draw)
        self.add_button = QPushButton(icon("add"), "")
        self.add_button.clicked.connect(self._add_here)
        self.rooms_button = QPushButton(icon("settings"), "")
        self.rooms_button.clicked.connect(self.edit_rooms)
        self.requests_button = QPushButton(icon("edit"), "")
        self.requests_button.clicked.connect(self.side_events.edit_requests)
        self.allocate_button = QPushButton(icon("programme"), "")
        self.allocate_button.clicked.connect(self.side_events.allocate)
        self.editor = TimetableEditor()
        self.editor.moved.connect(self._moved)
        self.editor.edit_requested.connect(self.edit_session)
        self.editor.create_requested.connect(self.create_session)
        self.editor.delete_requested.connect(self.delete_session)
        self.undo = ProgrammeUndo(self._who)
        self.undo_button = QPushButton(icon("undo"), "")
        self.undo_button.clicked.connect(self.undo_last)
        self.undo_action = QAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(lambda _=False: self.undo_last())
        self.addAction(self.undo_action)
        self.problems_label = QLabel()
        give_role(self.problems_label, "subtitle")
        self.problems = QListWidget()
        self.problems.setMaximumWidth(360)
        self.problems.itemDoubleClicked.connect(
            lambda item: self.edit_session(item.data(Qt.ItemDataRole.UserRole)))
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.day)
        top.addStretch(1)
        top.addWidget(self.undo_button)
        top.addWidget(self.add_button)
        # The venue's and the side events' work on a row of its own: the labels are long
        # in Russian, and a laptop screen is 1280 pixels wide.
        venue = QHBoxLayout()
        venue.addWidget(self.rooms_button)
        venue.addWidget(self.requests_button)
        venue.addWidget(self.allocate_button)
        venue.addStretch(1)
        side = QVBoxLayout()
        side.addWidget(self.problems_label)
        side.addWidget(self.problems, 1)
        grid = QVBoxLayout()
        grid.addWidget(self.editor, 1)
        grid.addWidget(KindLegend())
        body = QHBoxLayout()
        body.addLayout(grid, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addLayout(top)
        layout.addLayout(venue)
        layout.addLayout(body, 1)
        i18n.follow_language(self)

    # -- data ------------------------------------------------------------------------
    def load(self, db: Database, overview: Overview, path: Path | None = None) -> None:
        self.db, self.programme, self.path = db, None, path
        self.undo.clear()
        self._update_undo()
        if self.isVisible():  # else when first shown
            self.reload()

    def set_overview(self, overview: Overview) -> None:
        if self.isVisible():
            self.reload()

    def follow(self, changes: object) -> None:
        """Someone changed the programme: the timetable as it is now, on the same day."""
        self.reload()

    def unload(self) -> None:
        self.db, self.programme = None, None
        self.undo.clear()
        self.editor.scene().clear()
        self.problems.clear()

    def reload(self) -> None:
        if self.db is None:
            return
        self.programme = programme_service.load(self.db)
        keep = self.day.currentData()
        self.day.blockSignals(True)
        self.day.clear()
        for day in self.programme.days:
            self.day.addItem(day.date.strftime("%d.%m.%Y"), day.date)
        self.day.setCurrentIndex(max(self._day_index(keep), 0))
        self.day.blockSignals(False)
        self._draw()

    def _draw(self) -> None:
        programme = self.programme
        if programme is None or self.day.currentData() is None:
            return
        day = next(d for d in programme.days if d.date == self.day.currentData())
        self.editor.show_day(day.date, programme.rooms, programme.sessions,
                             programme.event.zone, time.fromisoformat(day.opens),
                             time.fromisoformat(day.closes), i18n.language())
        self._show_conflicts(programme.conflicts)
        if self.proposed:
            self.editor.show_proposals(self.proposed)

    def _day_index(self, wanted: date | None) -> int:
        # Not QComboBox.findData: it does not find a Python date (compared as an object).
        return next((i for i in range(self.day.count()) if self.day.itemData(i) == wanted), -1)

    def show_time(self, at: datetime) -> None:
        """Turn to the day of ``at`` and scroll the timetable to that time."""
        if self.programme is None:
            return
        index = self._day_index(at.astimezone(self.programme.event.zone).date())
        if index >= 0 and index != self.day.currentIndex():
            self.day.setCurrentIndex(index)  # draws the day (and the proposals) again
        self.editor.ensureVisible(0, self.editor.y_of(at), 1, 80)

    def _show_conflicts(self, found: list[Conflict]) -> None:
        assert self.programme is not None
        lang = i18n.language()
        rooms = {r.id: r for r in self.programme.rooms}
        sessions = {s.id: s for s in self.programme.sessions}
        marks: dict[int, list[str]] = {}
        self.problems.clear()
        for conflict in found:
            room = rooms.get(conflict.room_id)
            text = self.tr(CONFLICT_TEXT[conflict.kind]).format(
                room=room.name(lang) if room else "")
            for session_id in conflict.sessions:
                marks.setdefault(session_id, []).append(text)
            first = sessions.get(conflict.sessions[0])
            label = f"{text} — {first.title(lang)[:60]}" if first else text
            self.problems.addItem(label)
            self.problems.item(self.problems.count() - 1).setData(
                Qt.ItemDataRole.UserRole, conflict.sessions[0])
        self.editor.mark_conflicts(marks)
        self.problems_label.setText(self.tr("Conflicts: {count}").format(count=len(found)))

    # -- editing -----------------------------------------------------------------------
    def _save(self, session: Session, panellists: list[int] | None = None) -> None:
        assert self.db is not None
        before = self._session(session.id) if session.id is not None else None
        people = set(self.programme.people.get(session.id or 0, set())) \
            if self.programme else set()
        try:
            saved = programme_service.save_session(
                self.db, session, who=acting_at(self.db, self.settings),
                panellists=panellists)
        except Exception as exc:  # noqa: BLE001 - shown; the programme stays as it was
            show_error(self, self.tr("Programme"), exc)
        else:
            if before is not None:
                self.undo.changed(before, people)
            else:
                self.undo.added(session, saved)
        self._after_change()

    def delete_session(self, session_id: int) -> None:
        """Take a session out of the programme (Ctrl+Z puts it back)."""
        if self.db is None:
            return
        try:
            removed = programme_service.delete_session(
                self.db, session_id, who=acting_at(self.db, self.settings))
        except Exception as exc:  # noqa: BLE001 - shown; nothing was deleted
            show_error(self, self.tr("Programme"), exc)
            return
        self.undo.deleted(removed)
        self.message.emit(self.tr("Deleted “{title}”. Ctrl+Z puts it back.").format(
            title=removed.session.title(i18n.language())))
        self._after_change()

    def _who(self) -> Acting:
        assert self.db is not None
        return acting_at(self.db, self.settings)

    def undo_last(self) -> None:
        if self.db is None or self.undo.last() is None:
            return
        try:
            step = self.undo.undo(self.db)
        except Exception as exc:  # noqa: BLE001 - shown; the step stays to try again
            show_error(self, self.tr("Programme"), exc)
            return
        if step is not None:
            self.message.emit(self.tr("Undone: {title}").format(title=step.title))
        self._after_change()

    def allocated(self, created: list[int]) -> None:
        """Side events just placed by the allocator: one step to undo."""
        if created:
            self.undo.allocated(created, self.tr("%n side event(s) placed", "", len(created)))
        self._after_change()

    def _after_change(self) -> None:
        self.reload()
        self._update_undo()
        self.changed.emit()

    def _update_undo(self) -> None:
        step = self.undo.last()
        self.undo_button.setEnabled(step is not None)
        self.undo_action.setEnabled(step is not None)
        self.undo_button.setToolTip(self.tr("Undo: {title} (Ctrl+Z)")
                                    .format(title=step.title) if step else
                                    self.tr("Nothing to undo"))

    def _moved(self, session_id: int, room_id: int, start: datetime, end: datetime) -> None:
        from dataclasses import replace

        session = self._session(session_id)
        if session is not None:
            self._save(replace(session, room_id=room_id, starts_at=start, ends_at=end))

    def _session(self, session_id: int) -> Session | None:
        if self.programme is None:
            return None
        return next((s for s in self.programme.sessions if s.id == session_id), None)

    def edit_session(self, session_id: int) -> None:
        session = self._session(session_id)
        if session is not None:
            self._dialog(session)

    def create_session(self, room_id: int, start: datetime) -> None:
        """A new session here, of the kind this room usually holds."""
        sessions = self.programme.sessions if self.programme else []
        kind = programme_service.likely_kind(sessions, room_id)
        self._dialog(Session(kind, "", "", start, start + timedelta(minutes=60),
                             room_id=room_id))

    def _add_here(self) -> None:
        if self.programme is None:
            return
        if not self.programme.rooms:  # sessions need a room: the rooms first
            self.edit_rooms()
            return
        day = self.day.currentData()
        start = datetime.combine(day, time(13, 30), self.programme.event.zone)
        self.create_session(self.programme.rooms[0].id or 0, start)

    def _dialog(self, session: Session) -> None:
        from bsm_desk.ui.programme.session_dialog import SessionDialog

        if self.programme is None or self.db is None:
            return
        current = self.programme.people.get(session.id or 0, set())
        dialog = SessionDialog(session, self.programme.rooms,
                               registry_queries.categories(self.db),
                               self.programme.event.zone, self,
                               find_people=delegate_finder(self.db),
                               panellists=named(self.db, current))
        if dialog.exec():
            self._save(dialog.result_session(), dialog.panellists())

    def edit_rooms(self) -> None:
        from bsm_desk.ui.programme.rooms_dialog import RoomsDialog

        if self.programme is None or self.db is None:
            return
        dialog = RoomsDialog(self.programme.rooms, self.programme.days, self,
                             changeover=self.programme.event.changeover_min)
        if dialog.exec():
            try:
                programme_service.save_rooms(self.db, dialog.result_rooms(),
                                             dialog.result_hours(),
                                             who=acting_at(self.db, self.settings),
                                             changeover=dialog.changeover.value())
            except Exception as exc:  # noqa: BLE001 - shown; nothing was saved
                show_error(self, self.tr("Programme"), exc)
            self.reload()
            self.changed.emit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()


    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Programme"))
        self.undo_button.setText(self.tr("Undo"))
        self._update_undo()
        self.add_button.setText(self.tr("New session…"))
        self.add_button.setToolTip(self.tr("Or double-click free space in the timetable"))
        self.rooms_button.setText(self.tr("Rooms and hours…"))
        self.requests_button.setText(self.tr("Side-event requests…"))
        self.requests_button.setToolTip(self.tr("Add, correct or import the requests that "
                                                "organizers sent"))
        self.allocate_button.setText(self.tr("Allocate side events…"))
        self.allocate_button.setToolTip(self.tr("Rooms and times for the side-event requests "
                                                "waiting for a room"))
        if self.programme is not None:
            self._draw()

