"""The Speakers screen (Ctrl+8): a session's list of speakers, run by the secretariat.

Inscribe by typing a name (Latin or Cyrillic) and Enter; the rules refuse what they
refuse and the chair may override with a reason. Start / Next (F5), Pause or Resume
(F6) and End (F8) run the list; the countdown is read from the record and
advanced by a monotonic clock between reads, so it neither drifts nor jumps.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bsm_desk import config
from bsm_desk.domain.speakers import EntryKind, EntryStatus, Order
from bsm_desk.services import speakers
from bsm_desk.services.event import Overview
from bsm_desk.services.event.changes import OVERVIEW_TABLES, Changes
from bsm_desk.services.speakers import queries as speaker_queries
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.theme import give_role
from bsm_desk.ui.speakers.actions import SpeakerActions
from bsm_desk.ui.speakers.countdown import CountdownClock
from bsm_desk.ui.speakers.displays import BoothsWindow, ProjectorWindow
from bsm_desk.ui.speakers.list_table import SpeakerTable, drop_position
from bsm_desk.ui.speakers.undo import SpeakersUndo
from bsm_desk.ui.widgets.name_results import NameResults

if TYPE_CHECKING:
    from sqlite_utils import Database


class SpeakersScreen(QWidget):
    message = Signal(str)
    changed = Signal()

    def __init__(self, settings: config.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.db: Database | None = None
        self._overview: Overview | None = None
        self.listed: speakers.SpeakerList | None = None
        self.undo = SpeakersUndo()
        self.verbs = SpeakerActions(self, self)
        self.title = QLabel()
        give_role(self.title, "title")
        self.session = QComboBox()
        self.session.setMinimumContentsLength(30)
        self.session.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.session.currentIndexChanged.connect(lambda _i: self.refresh())
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.verbs.close_or_reopen)
        # The room's and the booths' windows, made when first asked for.
        self.projector: ProjectorWindow | None = None
        self.booths: BoothsWindow | None = None
        self.projector_button = QPushButton()
        self.projector_button.clicked.connect(self.open_projector)
        self.booths_button = QPushButton()
        self.booths_button.clicked.connect(self.open_booths)
        self.text_button = QPushButton()
        self.limit_label = QLabel()
        self.limit = QDoubleSpinBox()
        self.limit.setRange(0, speakers.MAX_LIMIT_S / 60)
        self.limit.setDecimals(1)
        self.limit.setSingleStep(0.5)
        self.limit.editingFinished.connect(self._limit_changed)
        self.limit_label.setBuddy(self.limit)
        # The order of statements: by level then inscription, or by inscription alone.
        self.order_label = QLabel()
        self.order = QComboBox()
        # As wide as some twenty characters in any language: the screen fits a laptop
        # whichever language was shown first (a combo keeps its first width).
        self.order.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.order.setMinimumContentsLength(26)
        self.order.addItem("", Order.PROTOCOL.value)
        self.order.addItem("", Order.INSCRIPTION.value)
        self.order.activated.connect(lambda _index: self.verbs.set_order(
            str(self.order.currentData())))
        self.order_label.setBuddy(self.order)
        self.text_button.clicked.connect(lambda: self.verbs.hand_in_text())
        self.name = QLineEdit()
        self.name.setClearButtonEnabled(True)
        self.name.textEdited.connect(self._search)
        self.name.returnPressed.connect(self._inscribe_chosen)
        self.results = NameResults()
        self.results.itemClicked.connect(lambda _item: self._inscribe_chosen())
        self.kind = QComboBox()
        self.language = QComboBox()
        for code in ("en", "ru", "other"):
            self.language.addItem(code, code)
        self.table = SpeakerTable(0, 6)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDropIndicatorShown(True)
        self.table.dropped.connect(self._dropped)
        self.undo_button = QPushButton()
        self.undo_button.clicked.connect(self.verbs.undo_last)
        self.withdraw_button = QPushButton()
        self.withdraw_button.clicked.connect(self.verbs.withdraw_selected)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        # The name takes what is left; the other columns their texts' width, so the
        # status is never cut off.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.current = QLabel()
        self.current.setWordWrap(True)
        font = QFont(self.current.font())
        font.setPointSize(15)
        font.setBold(True)
        self.current.setFont(font)
        self.clock = CountdownClock()
        self.clock.painted.connect(self._clock_painted)
        self.next_up = QLabel()
        self.next_up.setWordWrap(True)
        self.clash = QLabel()  # entries from two desks that break the list's rules
        self.clash.setWordWrap(True)
        self.clash.setStyleSheet("color: #b71c1c")
        self.clash.setVisible(False)
        self.next_button = QPushButton()
        self.pause_button = QPushButton()
        self.end_button = QPushButton()
        self.next_button.clicked.connect(self.verbs.next_speaker)
        self.pause_button.clicked.connect(self.verbs.pause_or_resume)
        self.end_button.clicked.connect(self.verbs.end)
        # Function keys, as on a chair's console: Ctrl+N, P and E already mean New event,
        # Print and Edit in the window. They work while this screen is the one shown.
        for keys, slot in (("F5", self.verbs.next_speaker),
                           ("F6", self.verbs.pause_or_resume), ("F8", self.verbs.end)):
            QShortcut(QKeySequence(keys), self, slot)  # a hidden screen's do not fire
        QShortcut(QKeySequence.StandardKey.Undo, self, self.verbs.undo_last)
        QShortcut(QKeySequence.StandardKey.Delete, self.table,
                  self.verbs.withdraw_selected)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.session, 1)
        top.addWidget(self.close_button)
        top.addWidget(self.projector_button)
        top.addWidget(self.booths_button)
        add = QHBoxLayout()
        add.addWidget(self.name, 1)
        add.addWidget(self.kind)
        add.addWidget(self.language)
        left = QVBoxLayout()
        left.addLayout(add)
        left.addWidget(self.results)
        left.addWidget(self.table, 1)
        below = QHBoxLayout()
        below.addWidget(self.text_button)
        below.addWidget(self.withdraw_button)
        below.addWidget(self.undo_button)
        below.addStretch(1)
        left.addLayout(below)
        rules = QHBoxLayout()  # the chair's rules for this session, on a line of their own
        rules.addWidget(self.order_label)
        rules.addWidget(self.order)
        rules.addStretch(1)
        rules.addWidget(self.limit_label)
        rules.addWidget(self.limit)
        left.addLayout(rules)
        controls = QVBoxLayout()  # one under another: the labels are long in Russian
        for button in (self.next_button, self.pause_button, self.end_button):
            controls.addWidget(button)
        side = QVBoxLayout()
        side.addWidget(self.current)
        side.addWidget(self.clock)
        side.addLayout(controls)
        side.addWidget(self.next_up)
        side.addWidget(self.clash)
        side.addStretch(1)
        panel = QWidget()
        panel.setLayout(side)
        panel.setFixedWidth(340)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addSpacing(12)
        body.addWidget(panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        i18n.follow_language(self)

    # -- the event --------------------------------------------------------------------
    def load(self, db: Database, overview: Overview, path: Path | None = None) -> None:
        self.db, self._overview = db, overview
        self._fill_sessions()

    def set_overview(self, overview: Overview) -> None:
        self._overview = overview
        self._fill_sessions()

    def follow(self, changes: Changes) -> None:
        """Someone (the chair's desk, the command line) moved the list on: the list, the
        clock, the projector and the booths as they are now, on the same session."""
        if not changes.touches(OVERVIEW_TABLES):  # else set_overview has read it all
            self.refresh()

    def unload(self) -> None:
        self.clock.stop()
        self.undo.clear()
        self.db, self._overview, self.listed = None, None, None
        self.session.clear()
        self.table.setRowCount(0)

    def _fill_sessions(self) -> None:
        if self._overview is None:
            return
        keep = self.session.currentData()
        zone = self._overview.event.zone
        now = datetime.now(UTC)
        lang = i18n.language()
        self.session.blockSignals(True)
        self.session.clear()
        running = None
        for s in self._overview.sessions:
            start = s.starts_at.astimezone(zone)
            self.session.addItem(f"{start:%d.%m %H:%M} · {s.title(lang)}", s.id)
            if s.starts_at <= now < s.ends_at:
                running = s.id
        index = self.session.findData(keep if keep is not None else running)
        self.session.setCurrentIndex(max(index, 0))
        self.session.blockSignals(False)
        self.refresh()

    # -- reading the list ----------------------------------------------------------------
    def session_id(self) -> int | None:
        value = self.session.currentData()
        return int(value) if value is not None else None

    def refresh(self) -> None:
        session_id = self.session_id()
        if self.db is None or session_id is None:
            return
        lang = i18n.language()
        self.listed = speakers.speaker_list(self.db, session_id, lang=lang)
        self.table.setRowCount(len(self.listed.entries))
        for row, entry in enumerate(self.listed.entries):
            name = f"{entry.name}  ✎" if entry.has_text else entry.name
            status = self.tr("registration cancelled") if entry.cancelled \
                and entry.status is EntryStatus.WAITING else self._status_name(entry.status)
            values = [str(entry.position), name, entry.delegation,
                      self._kind_name(entry.kind), self._language_name(entry.language),
                      status]
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, entry.id)
                if entry.cancelled:  # skipped when the next speaker is called
                    font = item.font()
                    font.setStrikeOut(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        last = self.undo.last(session_id)
        self.undo_button.setEnabled(last is not None)
        self.undo_button.setText(self.tr("Undo: {name}").format(name=last.name) if last
                                 else self.tr("Undo"))
        self.order.setCurrentIndex(max(self.order.findData(self.listed.order.value), 0))
        self.limit.blockSignals(True)
        self.limit.setValue(speakers.statement_limit(self.db, self.listed.session) / 60)
        self.limit.blockSignals(False)
        current = self.listed.current
        spoken = current.spoken_seconds if current else 0.0
        running = current is not None and self._running(current.id)
        self.current.setText(self._current_text(session_id, current) if current else
                             self.tr("Nobody is speaking."))
        upcoming = self.listed.waiting()[:3]
        self.next_up.setText(self.tr("Next: {names}").format(
            names="; ".join(e.name for e in upcoming)) if upcoming else "")
        self._show_clashes(session_id)
        self.close_button.setText(self.tr("Reopen the list") if self.listed.closed_at
                                  else self.tr("Close the list"))
        self.pause_button.setEnabled(current is not None)
        self.end_button.setEnabled(current is not None)
        self.next_button.setEnabled(bool(upcoming))
        for window in (self.projector, self.booths):
            if window is not None:
                window.show_list(self.listed, self.db)
        self.clock.show_reading(current.limit_s if current else None, spoken, running)

    def _current_text(self, session_id: int, current: speakers.Listed) -> str:
        """The speaker, their delegation, and where it sits (the session's seating plan)."""
        from bsm_desk.services import seating

        text = f"{current.name}\n{current.delegation}"
        if self.db is not None:
            where = seating.where_sits(self.db, session_id, current.delegate_id)
            if where:
                text += "  · " + self.tr("places {places}").format(
                    places=", ".join(str(p) for p in where))
        return text

    def _show_clashes(self, session_id: int) -> None:
        """What two desks inscribed while apart and the list's rules refuse: shown to
        the chair, who decides (both entries are kept, the same on every desk)."""
        from PySide6.QtCore import QCoreApplication

        from bsm_desk.services import hub

        assert self.db is not None
        found = [r["reason"] for r in hub.review(self.db, QCoreApplication.translate)
                 if r["kind"] == "speakers" and r["detail"].get("session_id") == session_id]
        self.clash.setText("\n".join(f"⚠ {reason}" for reason in found[-3:]))
        self.clash.setVisible(bool(found))

    def _running(self, entry_id: int) -> bool:
        assert self.db is not None
        return speaker_queries.running(self.db, entry_id)

    def _clock_painted(self, text: str, colour: str, state: str) -> None:
        if self.projector is not None:
            self.projector.show_clock(text, colour, state)

    # -- the room and the booths -----------------------------------------------------
    def open_projector(self) -> None:
        if self.projector is None:
            self.projector = ProjectorWindow(self)
        self.projector.open_on_the_second_screen()
        self.refresh()

    def open_booths(self) -> None:
        if self.booths is None:
            self.booths = BoothsWindow(self)
        self.booths.show()
        self.refresh()

    # -- verbs ------------------------------------------------------------------------

    def _search(self, text: str) -> None:
        if self.db is None or len(text.strip()) < 2:
            self.results.setVisible(False)
            return
        self.results.fill(self.db, text, i18n.language())

    def _inscribe_chosen(self) -> None:
        chosen = self.results.chosen()
        if chosen is None:
            return
        if self.verbs.inscribe(chosen, EntryKind(self.kind.currentData()),
                                 str(self.language.currentData())):
            self.name.clear()
            self.results.setVisible(False)

    def _dropped(self, source_row: int, target_row: int) -> None:
        if self.listed is None:
            return
        dropped = drop_position(self.listed, source_row, target_row)
        if dropped is None:
            self.message.emit(self.tr("Only a waiting speaker can be moved."))
            return
        moved, position = dropped
        self.verbs.move_entry(moved.id, position)

    def _limit_changed(self) -> None:
        self.verbs.set_limit(round(self.limit.value() * 60))

    def selected_entry(self) -> int | None:
        item = self.table.item(self.table.currentRow(), 0)
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return int(value) if value is not None else None

    # -- words ------------------------------------------------------------------------
    def _kind_name(self, kind: EntryKind) -> str:
        return {EntryKind.STATEMENT: self.tr("Statement"),
                EntryKind.POINT_OF_ORDER: self.tr("Point of order"),
                EntryKind.REPLY: self.tr("Right of reply")}[kind]

    def _language_name(self, code: str) -> str:
        return {"en": self.tr("English"), "ru": self.tr("Russian"),
                "other": self.tr("Other (relay)")}.get(code, code)

    def _status_name(self, status: EntryStatus) -> str:
        return {EntryStatus.WAITING: self.tr("Waiting"), EntryStatus.SPEAKING: self.tr("Speaking"),
                EntryStatus.DONE: self.tr("Spoke"),
                EntryStatus.WITHDRAWN: self.tr("Withdrawn")}[status]

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Speakers"))
        self.name.setPlaceholderText(self.tr("Inscribe: type a name, Latin or Cyrillic, Enter"))
        keep = self.kind.currentData()
        self.kind.clear()
        for kind in EntryKind:
            self.kind.addItem(self._kind_name(kind), kind.value)
        self.kind.setCurrentIndex(max(self.kind.findData(keep), 0))
        self.language.setItemText(0, self.tr("English"))
        self.language.setItemText(1, self.tr("Russian"))
        self.language.setItemText(2, self.tr("Other (relay)"))
        self.table.setHorizontalHeaderLabels([
            "#", self.tr("Speaker"), self.tr("Delegation"), self.tr("Kind"),
            self.tr("Language"), self.tr("Status")])
        self.next_button.setText(self.tr("Next (F5)"))
        self.pause_button.setText(self.tr("Pause/Resume (F6)"))
        self.end_button.setText(self.tr("End (F8)"))
        self.projector_button.setText(self.tr("Projector…"))
        self.projector_button.setToolTip(self.tr("The current speaker and the countdown, full "
                                                 "screen on the second screen"))
        self.limit_label.setText(self.tr("&Limit for a statement:"))
        self.order_label.setText(self.tr("&Order:"))
        self.order.setItemText(0, self.tr("by level, then inscription"))
        self.order.setItemText(1, self.tr("by inscription"))
        self.limit.setSuffix(self.tr(" min"))
        self.limit.setSpecialValueText(self.tr("no limit"))
        self.withdraw_button.setText(self.tr("Withdraw (Del)"))
        self.withdraw_button.setToolTip(self.tr("Take the selected waiting speaker off the "
                                                "list; Ctrl+Z puts them back"))
        self.undo_button.setToolTip(self.tr("Undo the last inscription, withdrawal or move "
                                            "on this list (Ctrl+Z)"))
        self.table.setToolTip(self.tr("Drag a waiting speaker to a new place; the reason is "
                                      "asked and recorded"))
        self.text_button.setText(self.tr("Hand in the text…"))
        self.text_button.setToolTip(self.tr("The written statement of the selected speaker "
                                            "(PDF, Word or text), for the interpreters"))
        self.booths_button.setText(self.tr("Booths…"))
        self.booths_button.setToolTip(self.tr("Current and next speakers with their "
                                              "languages, for the interpreters"))
        if self.db is not None:
            self._fill_sessions()
