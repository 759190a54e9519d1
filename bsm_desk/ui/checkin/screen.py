"""The Check-in screen: where a desk or a session door spends the day.

A barcode scanner is a keyboard that types the code and Enter, so the input field
keeps the focus; each Enter queues what was typed and the queue is worked off in
order, one verdict each. A name typed instead of a code searches the registry.
The verdict is shown only after the check-in is committed (``Desk.scan``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bsm_desk import config
from bsm_desk.domain.checkin import looks_like_a_name
from bsm_desk.services import checkin
from bsm_desk.services.checkin import Desk, Verdict
from bsm_desk.services.event import Overview
from bsm_desk.services.event.changes import Changes
from bsm_desk.services.operators import acting_at
from bsm_desk.ui.checkin.actions import CheckinActions
from bsm_desk.ui.checkin.scans import LOCK_WAIT_MS, ScanQueue
from bsm_desk.ui.checkin.side import CheckinSide
from bsm_desk.ui.checkin.sounds import Sounds
from bsm_desk.ui.checkin.verdict_panel import VerdictPanel
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.errors import show_error
from bsm_desk.ui.shell.icons import icon
from bsm_desk.ui.shell.theme import give_role
from bsm_desk.ui.widgets.name_results import NameResults

if TYPE_CHECKING:
    from sqlite_utils import Database


class CheckinScreen(QWidget):
    changed = Signal()
    message = Signal(str)
    print_badge_requested = Signal(int)

    def __init__(self, settings: config.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.db: Database | None = None
        self.db_path: Path | None = None
        self.desk: Desk | None = None
        self._overview: Overview | None = None
        self.scans = ScanQueue(self, self)
        self.verbs = CheckinActions(self, self)
        self.sounds = Sounds(self)
        self.sounds.muted = not settings.sounds
        self._cameras_checked = False

        self.title = QLabel()
        give_role(self.title, "title")
        self.point = QComboBox()
        self.point.setMinimumContentsLength(40)
        self.point.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.point.currentIndexChanged.connect(self.checkpoint_changed)
        self.rules = QToolButton()
        self.rules.setIcon(icon("settings"))
        self.rules.clicked.connect(self.verbs.edit_rules)
        self.mute = QToolButton()
        self.mute.setCheckable(True)
        self.mute.setChecked(self.sounds.muted)
        self.mute.toggled.connect(self._mute)
        self.camera_button = QToolButton()
        self.camera_button.setCheckable(True)
        self.camera_button.setIcon(icon("photo"))
        self.camera_button.toggled.connect(self._camera)
        self.camera_button.setVisible(False)  # until a camera is found (on first show)
        for button in (self.rules, self.mute, self.camera_button):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.point.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(self._search)
        self.input = QLineEdit()
        font = QFont(self.input.font())
        font.setPointSize(18)
        self.input.setFont(font)
        self.input.returnPressed.connect(lambda: self.enqueue(self.input.text(), "scan"))
        self.input.textEdited.connect(lambda _: self._search_timer.start())
        self.input.installEventFilter(self)
        self._idle_timer = QTimer(self, interval=20_000)  # quiet moments: see Desk.idle
        self._idle_timer.timeout.connect(self._idle)
        self._idle_timer.start()
        self.results = NameResults()
        self.results.itemClicked.connect(
            lambda item: self.admit(item.data(Qt.ItemDataRole.UserRole)))
        self.panel = VerdictPanel()
        self.print_button = QPushButton()
        self.print_button.setIcon(icon("print"))
        self.print_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.print_button.setVisible(False)
        self.print_button.clicked.connect(self._print_badge)
        self.side = CheckinSide()
        self.side.undo.clicked.connect(self.verbs.undo_last)
        # Said while the checkpoint chosen is another day's than today at the venue.
        self.day_note = QLabel()
        self.day_note.setWordWrap(True)
        self.day_note.setStyleSheet("QLabel { color: #8a4b00; font-weight: bold; }")
        self.day_note.hide()

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(16)
        top.addWidget(self.point, 1)
        for button in (self.rules, self.camera_button, self.mute):
            top.addWidget(button)
        left = QVBoxLayout()
        left.addWidget(self.input)
        left.addWidget(self.results)
        left.addWidget(self.panel, 1)
        left.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addSpacing(12)
        body.addWidget(self.side, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addLayout(top)
        layout.addWidget(self.day_note)
        layout.addLayout(body, 1)
        i18n.follow_language(self)

    # -- the event -------------------------------------------------------------------
    def load(self, db: Database, overview: Overview, path: Path | None = None) -> None:
        self.unload()
        self.db, self.db_path, self._overview = db, path, overview
        self.panel.zone = overview.event.zone
        self.side.zone = overview.event.zone
        if self.isVisible():  # else when first shown: start-up does not pay for it
            self._fill_checkpoints()

    def set_overview(self, overview: Overview) -> None:
        self._overview = overview
        self.refresh_side()

    def follow(self, changes: Changes) -> None:
        """Someone wrote to the file: a new or moved session is a checkpoint to choose
        (the one chosen stays), scans by others count in the figures. Never while scans
        wait for the file: their verdicts come first."""
        if self.db is None or self.scans:
            return
        if changes.touches(frozenset({"session", "day", "session_access"})):
            self._fill_checkpoints()
        elif self.desk is not None:
            if changes.by_others:
                self.desk.refresh()
            self.refresh_side()

    def unload(self) -> None:
        self.camera_button.setChecked(False)
        self.db, self.desk, self._overview = None, None, None
        self.scans.clear()
        self.panel.clear()
        self.side.clear()

    def _fill_checkpoints(self) -> None:
        if self.db is None:
            return
        keep = self.point.currentData() or self.settings.checkpoint
        self.point.blockSignals(True)
        self.point.clear()
        lang = i18n.language()
        zone = self._overview.event.zone if self._overview else None
        for point in checkin.checkpoints(self.db):
            if point.session is None:
                label = self.tr("Entrance, {day}").format(day=point.day.strftime("%d.%m.%Y"))
            else:
                start = point.session.starts_at.astimezone(zone)
                label = f"{start:%d.%m %H:%M} · {point.session.title(lang)}"
            self.point.addItem(label, point.id)
        index = self.point.findData(keep)
        if index < 0:
            index = self.point.findData(checkin.default_checkpoint(self.db).id)
        self.point.setCurrentIndex(max(index, 0))
        self.point.blockSignals(False)
        self.checkpoint_changed()

    def checkpoint_label(self) -> str:
        return self.point.currentText()

    def checkpoint_changed(self) -> None:
        if self.db is None or self.point.currentData() is None:
            return
        before = self.desk.checkpoint.id if self.desk is not None else None
        try:
            self.desk = Desk.open(self.db, self.point.currentData(),
                                  who=acting_at(self.db, self.settings))
            self.desk.lock_wait_ms = LOCK_WAIT_MS
        except Exception as exc:  # noqa: BLE001 - shown, the desk stays closed
            self.desk = None
            show_error(self, self.tr("Check-in"), exc)
            return
        if self.settings.checkpoint != self.desk.checkpoint.id:
            self.settings.checkpoint = self.desk.checkpoint.id
            config.save(self.settings)
        if before != self.desk.checkpoint.id:  # the same door read again (the file
            self.panel.clear()  # changed): the verdict just shown stays
        self.refresh_side()
        self._show_day_note()
        self.focus_input()

    def _show_day_note(self) -> None:
        today = checkin.not_today(self.desk.checkpoint, self.desk.event.zone) \
            if self.desk is not None else None
        self.day_note.setVisible(today is not None)
        if today is not None and self.desk is not None:
            self.day_note.setText(self.tr(
                "This checkpoint is for {day}; today at the venue is {today}. Scans are "
                "recorded here all the same: choose today's if that is where you are.")
                .format(day=self.desk.checkpoint.day.strftime("%d.%m.%Y"),
                        today=today.strftime("%d.%m.%Y")))

    # -- scans -----------------------------------------------------------------------
    def enqueue(self, text: str, method: str) -> None:
        """Take what a scanner (or the camera) sent; verdicts come in the same order."""
        if method == "scan":
            self.input.clear()
        self.scans.add(text, method)

    def cancel_waiting(self) -> int:
        return self.scans.cancel()

    def _checked(self, work: object) -> None:
        try:
            verdict = work()  # type: ignore[operator]
        except Exception as exc:  # noqa: BLE001 - a locked or full database, say so
            show_error(self, self.tr("Check-in"), exc)
            return
        if verdict is None:
            return
        self.show_verdict(verdict)

    def show_verdict(self, verdict: Verdict) -> None:
        self.results.setVisible(False)
        self.panel.show_verdict(verdict)
        self.sounds.play(verdict.kind)
        self.print_button.setVisible(verdict.accepted and verdict.delegate_id is not None
                                     and not verdict.badge_printed)
        self.refresh_side()
        self.changed.emit()

    # -- search fallback -------------------------------------------------------------
    def _search(self) -> None:
        text = self.input.text().strip()
        if self.db is None or len(text) < 2 or not looks_like_a_name(text):
            self.results.setVisible(False)
            return
        self.results.fill(self.db, text, i18n.language())

    def name_entered(self, text: str) -> None:
        self.input.setText(text)
        self._search()
        chosen = self.results.chosen()
        if chosen is None:
            self.message.emit(self.tr("Nobody found for “{text}”.").format(text=text))
            return
        self.admit(chosen)

    def acting_desk(self) -> Desk | None:
        """The desk, told who acts now: an operator may switch (or be locked out) while
        the desk stays open at its checkpoint."""
        if self.desk is not None and self.db is not None:
            self.desk.who = acting_at(self.db, self.settings)
        return self.desk

    def admit(self, delegate_id: int) -> None:
        self.input.clear()
        self.results.setVisible(False)
        if self.desk is not None:
            self._checked(lambda: self.acting_desk().admit(delegate_id))  # type: ignore[union-attr]
        self.focus_input()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.input and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.isVisible():
                self.results.step(1 if event.key() == Qt.Key.Key_Down else -1)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.cancel_waiting()
                self.input.clear()
                self.results.setVisible(False)
                return True
            if event.matches(QKeySequence.StandardKey.Undo) and not self.input.text():
                self.verbs.undo_last()
                return True
        return super().eventFilter(watched, event)

    # -- undo, printing, settings ------------------------------------------------------
    def _print_badge(self) -> None:
        verdict = self.panel.verdict
        if verdict is not None and verdict.delegate_id is not None:
            self.print_badge_requested.emit(verdict.delegate_id)

    def _mute(self, muted: bool) -> None:
        self.sounds.muted = muted
        self.settings.sounds = not muted
        config.save(self.settings)
        self._mute_text()
        self.focus_input()

    def _mute_text(self) -> None:
        self.mute.setText(self.tr("Sound off") if self.mute.isChecked() else self.tr("Sound on"))

    def _camera(self, on: bool) -> None:
        if not self.verbs.camera(on):
            self.camera_button.setChecked(False)
        self.focus_input()

    def _idle(self) -> None:
        if self.desk is not None and not self.scans and not self.input.text():
            try:
                self.desk.idle()
            except Exception:  # noqa: BLE001 - a busy database: next time
                pass

    def settings_changed(self) -> None:
        """Desk settings were saved: sounds, camera and the desk's name as operator."""
        self.mute.setChecked(not self.settings.sounds)
        if self.camera_button.isChecked():
            self.camera_button.setChecked(False)
            self.camera_button.setChecked(True)

    def refresh_side(self) -> None:
        if self.desk is not None:
            self.side.show_figures(self.desk.counters(), self.desk.recent())

    def focus_input(self) -> None:
        if self.isVisible():
            self.input.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._cameras_checked:
            from bsm_desk.ui.checkin import camera

            self._cameras_checked = True
            self.camera_button.setVisible(bool(camera.cameras()))
        if self.desk is None and self.db is not None:
            self._fill_checkpoints()
        elif self.desk is not None:
            self.desk.refresh()  # other desks may have checked people in here meanwhile
        self.refresh_side()
        QTimer.singleShot(0, self.focus_input)

    # -- language --------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Check-in"))
        self.input.setPlaceholderText(self.tr("Scan a badge, or type a name and press Enter"))
        self.rules.setText(self.tr("Rules…"))
        self.rules.setToolTip(self.tr("Re-entry and who may enter this checkpoint"))
        self._mute_text()
        self.camera_button.setText(self.tr("Camera"))
        self.print_button.setText(self.tr("Print the badge now"))
        self.side.retranslate_ui()
        if self.desk is not None:
            self._fill_checkpoints()
            self.refresh_side()

