"""The Seating screen (Ctrl+7): a session's room drawn to scale with each delegation at
its places, by protocol — Member States alphabetically from one drawn by lot, the podium,
the other blocks after — and who of them is in the room now (a green dot, from the
door's scans).

Seat again (Ctrl+R) keeps the draw; New draw by lot draws again; Start from… names the
first Member State. Drag a delegation onto another place to move it there (or pick it
in the list and press Ctrl+M for a place's number; locked, so a new plan keeps it;
whoever sat there takes its places); Ctrl+L locks or frees the
picked delegation; Ctrl+Z undoes the last move. The chart, the workbook and the
nameplates are saved from here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from bsm_desk import config
from bsm_desk.domain.seating import Place, Seated, places
from bsm_desk.services import seating
from bsm_desk.services.event import Overview
from bsm_desk.ui.seating.edits import SeatingEdits
from bsm_desk.ui.seating.paper import SeatingPaper, seating_tr
from bsm_desk.ui.seating.plan_view import PlanView
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.errors import translate_error
from bsm_desk.ui.shell.icons import icon
from bsm_desk.ui.shell.theme import give_role

if TYPE_CHECKING:
    from sqlite_utils import Database

DELEGATION = Qt.ItemDataRole.UserRole + 1


class SeatingScreen(SeatingEdits, SeatingPaper, QWidget):
    message = Signal(str)
    changed = Signal()

    def __init__(self, settings: config.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.db: Database | None = None
        self.path: Path | None = None
        self._overview: Overview | None = None
        self.plan: seating.SeatingPlan | None = None
        self.undo_steps: list[tuple[int, dict[int, tuple[int, bool]]]] = []
        self.title = QLabel()
        give_role(self.title, "title")
        self.session = QComboBox()
        # Titles are long: the box keeps to the window, the list shows them whole.
        self.session.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.session.setMinimumContentsLength(40)
        self.session.currentIndexChanged.connect(lambda _i: self.refresh())
        self.order = QComboBox()  # the alphabetical order's language
        self.order.addItem("English", "en")
        self.order.addItem("Русский", "ru")
        self.order_label = QLabel()
        self.order_label.setBuddy(self.order)
        self.again_button = QPushButton(icon("check"), "")
        self.again_button.clicked.connect(lambda: self.seat())
        self.lot_button = QPushButton()
        self.lot_button.clicked.connect(self.new_lot)
        self.start_button = QPushButton()
        self.start_button.clicked.connect(self.start_from)
        self.same_button = QPushButton()
        self.same_button.clicked.connect(self.same_as)
        self.podium_button = QPushButton()
        self.podium_button.clicked.connect(self.edit_podium)
        self.layout_button = QPushButton(icon("edit"), "")
        self.layout_button.clicked.connect(self.edit_layout)
        self.undo_button = QPushButton(icon("undo"), "")
        self.undo_button.clicked.connect(self.undo_last)
        self.lock_button = QPushButton(icon("lock"), "")
        self.lock_button.clicked.connect(self.toggle_lock)
        self.accessible = QCheckBox()
        self.accessible.clicked.connect(self.set_accessible)
        self.chart_button = QPushButton(icon("pdf"), "")
        self.chart_button.clicked.connect(lambda: self.save("pdf"))
        self.xlsx_button = QPushButton(icon("import"), "")
        self.xlsx_button.clicked.connect(lambda: self.save("xlsx"))
        self.plates_button = QPushButton(icon("print"), "")
        self.plates_button.clicked.connect(self.nameplates)
        self.cards_button = QPushButton(icon("print"), "")
        self.cards_button.clicked.connect(self.place_cards)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.counts = QLabel()
        self.view = PlanView()
        self.view.picked.connect(self._picked)
        self.view.moved.connect(self.move_delegation)
        self.list = QListWidget()
        self.list.currentItemChanged.connect(self._listed)
        self.unseated = QListWidget()
        self.unseated.setMaximumHeight(90)
        self.unseated_label = QLabel()
        QShortcut(QKeySequence("Ctrl+R"), self, lambda: self.seat())
        QShortcut(QKeySequence("Ctrl+L"), self, self.toggle_lock)
        QShortcut(QKeySequence("Ctrl+M"), self, self.move_to_place)  # the drag, by keyboard
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_last)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.session, 1)
        top.addWidget(self.order_label)
        top.addWidget(self.order)
        tools = QHBoxLayout()
        for button in (self.again_button, self.lot_button, self.start_button,
                       self.same_button, self.podium_button, self.layout_button,
                       self.undo_button):
            tools.addWidget(button)
        tools.addStretch(1)
        paper = QGridLayout()  # beside the plan, so that the window keeps to a laptop
        for index, button in enumerate((self.chart_button, self.xlsx_button,
                                        self.plates_button, self.cards_button)):
            paper.addWidget(button, index // 2, index % 2)
        side = QWidget()
        side_box = QVBoxLayout(side)
        side_box.setContentsMargins(0, 0, 0, 0)
        side_box.addWidget(self.list, 1)
        picked = QHBoxLayout()
        picked.addWidget(self.lock_button)
        picked.addWidget(self.accessible, 1)
        side_box.addLayout(picked)
        side_box.addWidget(self.unseated_label)
        side_box.addWidget(self.unseated)
        side_box.addLayout(paper)
        split = QSplitter()
        split.addWidget(self.view)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([760, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addLayout(top)
        layout.addLayout(tools)
        layout.addWidget(self.note)
        layout.addWidget(self.counts)
        layout.addWidget(split, 1)
        i18n.follow_language(self)

    # -- the event --------------------------------------------------------------------
    def load(self, db: Database, overview: Overview, path: Path | None = None) -> None:
        self.db, self._overview, self.path = db, overview, path
        self.undo_steps = []
        self._fill_sessions()
        self.refresh()

    def set_overview(self, overview: Overview) -> None:
        self._overview = overview
        self._fill_sessions()

    def follow(self, changes: object) -> None:
        """Someone seated, moved, scanned at the door or changed the programme: the plan
        as it stands, the same delegation picked."""
        self._fill_sessions()
        self.refresh()

    def unload(self) -> None:
        self.db, self._overview, self.plan = None, None, None
        self.undo_steps = []
        self.session.blockSignals(True)
        self.session.clear()
        self.session.blockSignals(False)
        self.list.blockSignals(True)
        self.list.clear()
        self.list.blockSignals(False)
        self.unseated.clear()
        self.view.clear()

    def _fill_sessions(self) -> None:
        keep = self.session.currentData()
        lang = i18n.language()
        self.session.blockSignals(True)
        self.session.clear()
        overview = self._overview
        if overview is not None:
            zone = overview.event.zone
            for s in overview.sessions:
                if s.room_id is None:
                    continue  # nowhere to seat it
                start = s.starts_at.astimezone(zone)
                self.session.addItem(f"{start:%d.%m %H:%M}  {s.title(lang)}", s.id)
        index = self.session.findData(keep)
        self.session.setCurrentIndex(max(index, 0))
        self.session.blockSignals(False)

    def session_id(self) -> int | None:
        value = self.session.currentData()
        return value if isinstance(value, int) else None

    # -- reading ----------------------------------------------------------------------
    def refresh(self) -> None:
        db, session_id = self.db, self.session_id()
        self.plan = None
        if db is None or session_id is None:
            self.view.clear()
            self.list.clear()
            return
        lang = i18n.language()
        try:
            self.plan = seating.current(db, session_id)
            if self.plan is None:
                room, layout = seating.session_layout(db, session_id)
                self._show_empty(places(layout), room.name(lang))
                return
            present = seating.in_the_room(db, session_id)
        except Exception as exc:  # noqa: BLE001 - a locked file, a session without a room
            self.message.emit(translate_error(exc))
            return
        plan = self.plan
        self.order.blockSignals(True)
        self.order.setCurrentIndex(max(self.order.findData(plan.lang), 0))
        self.order.blockSignals(False)
        seated = plan.seated()
        numbers = {d.id: i for i, d in enumerate(seated, start=1)}
        self.view.show_places(plan.places, plan.seats, plan.delegations, numbers, present,
                              lang)
        self.note.setText(seating.draw_note(plan, seating_tr, lang))
        here = len({d.id for d in seated} & present)
        self.counts.setText(self.tr("{room}: {seated} delegations seated in {places} places; "
                                    "{here} in the room now.").format(
            room=plan.room.name(lang), seated=len(seated), places=len(plan.seats), here=here))
        keep = self.view.picked_id
        self.list.blockSignals(True)
        self.list.clear()
        for number, d in enumerate(seated, start=1):
            where = ", ".join(str(p.number) for p in plan.places_of(d.id))
            locked = any(plan.seats[p.number][1] for p in plan.places_of(d.id))
            item = QListWidgetItem(f"{number}. {d.name(lang)} — {where}")
            item.setToolTip(d.name(lang))
            if locked:
                item.setIcon(icon("lock"))
            if d.id in present:
                item.setToolTip(f"{d.name(lang)}\n{self.tr('in the room now')}")
                item.setForeground(Qt.GlobalColor.darkGreen)
            item.setData(DELEGATION, d.id)
            self.list.addItem(item)
            if d.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.unseated.clear()
        for i in plan.unseated:
            if i in plan.delegations:
                self.unseated.addItem(plan.delegations[i].name(lang))
        self.unseated_label.setVisible(bool(plan.unseated))
        self.unseated.setVisible(bool(plan.unseated))
        self._picked(keep)
        self.undo_button.setEnabled(bool(self.undo_steps))

    def _show_empty(self, shown: list[Place], room: str) -> None:
        self.view.show_places(shown, {}, {}, {}, set(), i18n.language())
        self.list.clear()
        self.unseated.clear()
        self.note.setText(self.tr("Not seated yet: Seat again (Ctrl+R) draws the first "
                                  "Member State by lot."))
        self.counts.setText(room)

    def _picked(self, delegation_id: int) -> None:
        plan = self.plan
        delegation = plan.delegations.get(delegation_id) if plan else None
        self.lock_button.setEnabled(delegation is not None)
        self.accessible.setEnabled(delegation is not None)
        self.accessible.setChecked(bool(delegation and delegation.accessible))
        self.view.pick(delegation_id)
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(DELEGATION) == delegation_id and self.list.currentItem() is not item:
                self.list.blockSignals(True)
                self.list.setCurrentItem(item)
                self.list.blockSignals(False)

    def _listed(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is not None:
            self._picked(int(item.data(DELEGATION)))

    def picked(self) -> Seated | None:
        plan = self.plan
        return plan.delegations.get(self.view.picked_id) if plan else None

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Seating"))
        self.order_label.setText(self.tr("Order"))
        self.again_button.setText(self.tr("Seat again"))
        self.again_button.setToolTip(self.tr("Seat the session by protocol, keeping the "
                                             "draw and the locked places (Ctrl+R)"))
        self.lot_button.setText(self.tr("New draw by lot"))
        self.start_button.setText(self.tr("Start from…"))
        self.same_button.setText(self.tr("Same as…"))
        self.same_button.setToolTip(self.tr("Seat this session as another one is seated: "
                                            "the same draw, podium and places"))
        self.podium_button.setText(self.tr("Podium and places…"))
        self.layout_button.setText(self.tr("Room layout…"))
        self.undo_button.setText(self.tr("Undo"))
        self.lock_button.setText(self.tr("Lock / free"))
        self.lock_button.setToolTip(self.tr("A locked delegation keeps its places when the "
                                            "session is seated again (Ctrl+L)"))
        self.accessible.setText(self.tr("Needs an accessible place"))
        self.chart_button.setText(self.tr("Chart (PDF)…"))
        self.xlsx_button.setText(self.tr("Plan (Excel)…"))
        self.plates_button.setText(self.tr("Nameplates…"))
        self.cards_button.setText(self.tr("Place cards…"))
        self.cards_button.setToolTip(self.tr("A named card for each place: for a closed "
                                             "session, whose members sit by name"))
        self.unseated_label.setText(self.tr("Not seated for want of places:"))
        self._fill_sessions()
        self.refresh()
