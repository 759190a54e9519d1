"""The Seating screen (Ctrl+7): a session's room drawn to scale with each delegation at
its places, by protocol — Member States alphabetically from one drawn by lot, the podium,
the other blocks after — and who of them is in the room now (a green dot, from the
door's scans).

Seat again (Ctrl+R) keeps the draw; New draw by lot draws again; Start from… names the
first Member State. Drag a delegation onto another place to move it there (locked, so
a new plan keeps it; whoever sat there takes its places); Ctrl+L locks or frees the
picked delegation; Ctrl+Z undoes the last move. The chart, the workbook and the
nameplates are saved from here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from bsm_desk import config
from bsm_desk.domain.seating import Block, Place, Seated, alphabetical, places
from bsm_desk.services import seating
from bsm_desk.services.event import Overview
from bsm_desk.services.operators import acting_at
from bsm_desk.ui.seating.layout_dialog import LayoutDialog
from bsm_desk.ui.seating.plan_view import PlanView
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.errors import show_error, translate_error
from bsm_desk.ui.shell.icons import icon
from bsm_desk.ui.shell.workers import run_with_progress

DELEGATION = Qt.ItemDataRole.UserRole + 1


def plan_places(db: Database, session_id: int) -> dict[Block, int]:
    """The places per block the session's plan asks (its own, else the defaults)."""
    from bsm_desk.domain.seating import PLACES

    kept = seating.plan_settings(db, session_id)
    return {**PLACES, **(kept or {})}


def seating_tr(text: str) -> str:
    return QCoreApplication.translate("Seating", text)


class SeatingScreen(QWidget):
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
        self.title.setProperty("role", "title")
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
        self.session.clear()
        self.list.clear()
        self.unseated.clear()
        self.view.scene().clear()

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
            self.view.scene().clear()
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

    # -- changing ---------------------------------------------------------------------
    def _act(self, action: object) -> bool:
        """Run ``action`` (a callable taking who=); a refusal in a line, the plan again."""
        if self.db is None:
            return False
        try:
            action(acting_at(self.db, self.settings))  # type: ignore[operator]
        except Exception as exc:  # noqa: BLE001 - a refusal, a locked file
            self.message.emit(translate_error(exc))
            return False
        self.refresh()
        self.changed.emit()
        return True

    def seat(self, *, lot: int | None = None, draw_from: str | None = None) -> None:
        session_id, db = self.session_id(), self.db
        if session_id is None or db is None:
            return
        lang = str(self.order.currentData())
        if lot is None and draw_from is None and self.plan is None:
            import secrets

            lot = secrets.randbelow(1_000_000_000)
        if self._act(lambda who: seating.make_plan(db, session_id, who=who, lang=lang,
                                                   lot=lot, draw_from=draw_from)):
            self.undo_steps = []
            self.message.emit(self.note.text())

    def new_lot(self) -> None:
        import secrets

        self.seat(lot=secrets.randbelow(1_000_000_000))

    def start_from(self) -> None:
        db, session_id = self.db, self.session_id()
        if db is None or session_id is None:
            return
        lang = str(self.order.currentData())
        session = next((s for s in (self._overview.sessions if self._overview else [])
                        if s.id == session_id), None)
        if session is None:
            return
        states = alphabetical((d for d in seating.who_sits(db, session)
                               if d.block is Block.MEMBER_STATES), lang)
        if not states:
            return
        names = [d.name(lang) for d in states]
        chosen, ok = QInputDialog.getItem(self, self.tr("Start from"),
                                          self.tr("The first Member State in the order:"),
                                          names, 0, False)
        if ok and chosen:
            self.seat(draw_from=str(states[names.index(chosen)].id))

    def same_as(self, source: int | None = None) -> None:
        """Seat this session as another seated one is (its draw, podium, places)."""
        db, session_id = self.db, self.session_id()
        if db is None or session_id is None:
            return
        if source is None:
            choices = [(self.session.itemText(i), self.session.itemData(i))
                       for i in range(self.session.count())
                       if self.session.itemData(i) != session_id]
            seated = [(text, sid) for text, sid in choices
                      if seating.current(db, sid) is not None]
            if not seated:
                self.message.emit(self.tr("No other session is seated yet."))
                return
            chosen, ok = QInputDialog.getItem(self, self.tr("Same as another session"),
                                              self.tr("Seat it as this session is seated:"),
                                              [text for text, _sid in seated], 0, False)
            if not ok:
                return
            source = next(sid for text, sid in seated if text == chosen)
        origin = source
        if self._act(lambda who: seating.reuse(db, session_id, origin, who=who)):
            self.undo_steps = []

    def move_delegation(self, delegation_id: int, place: int) -> None:
        plan, db = self.plan, self.db
        if plan is None or db is None or plan.session.id is None:
            return
        to = seating.places_from(plan, delegation_id, place)
        if not to:
            return
        before = dict(plan.seats)
        session_id = plan.session.id
        if self._act(lambda who: seating.move(db, session_id, delegation_id, to, who=who)):
            self.undo_steps.append((session_id, before))
            self.undo_button.setEnabled(True)

    def undo_last(self) -> None:
        if not self.undo_steps or self.db is None:
            return
        session_id, seats = self.undo_steps.pop()
        db = self.db
        self._act(lambda who: seating.restore_seats(db, session_id, seats, who=who))

    def toggle_lock(self) -> None:
        plan, picked, db = self.plan, self.picked(), self.db
        if plan is None or picked is None or db is None or plan.session.id is None:
            return
        locked = any(plan.seats[p.number][1] for p in plan.places_of(picked.id))
        session_id = plan.session.id
        self._act(lambda who: seating.lock(db, session_id, picked.id, not locked, who=who))

    def set_accessible(self, checked: bool) -> None:
        picked, db = self.picked(), self.db
        if picked is None or db is None:
            return
        self._act(lambda who: seating.set_need(db, picked.id, checked, None, who=who))

    def edit_podium(self) -> None:
        """Choose the podium's delegations and their order, and the places per block;
        then seat the session again with them (the draw kept)."""
        db, session_id = self.db, self.session_id()
        session = next((s for s in (self._overview.sessions if self._overview else [])
                        if s.id == session_id), None)
        if db is None or session_id is None or session is None:
            return
        plan = self.plan
        from bsm_desk.ui.seating.podium_dialog import PodiumDialog

        dialog = PodiumDialog(seating.who_sits(db, session), plan.podium if plan else (),
                              plan_places(db, session_id), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        podium, per_block = dialog.podium(), dialog.places()
        lang = str(self.order.currentData())
        self._act(lambda who: seating.make_plan(db, session_id, who=who, lang=lang,
                                                podium=podium, places_per=per_block))

    def edit_layout(self) -> None:
        db, session_id = self.db, self.session_id()
        if db is None or session_id is None:
            return
        try:
            room, layout = seating.session_layout(db, session_id)
        except Exception as exc:  # noqa: BLE001 - a session without a room
            self.message.emit(translate_error(exc))
            return
        dialog = LayoutDialog(room.name(i18n.language()), layout, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or room.id is None:
            return
        room_id, chosen = room.id, dialog.layout_value
        self._act(lambda who: seating.set_layout(db, room_id, chosen, who=who))

    # -- paper ------------------------------------------------------------------------
    def save(self, kind: str, target: str | Path | None = None) -> None:
        """The chart (pdf) or the plan (xlsx), names in the window's language."""
        plan, lang = self.plan, i18n.language()
        if plan is None:
            self.message.emit(self.tr("Seat the session first (Ctrl+R)."))
            return
        if target is None:
            folder = self.path.parent if self.path else Path.home()
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the seating plan"),
                str(folder / f"seating-{plan.session.id}-{lang}.{kind}"),
                self.tr("PDF (*.pdf)") if kind == "pdf" else self.tr("Excel workbook (*.xlsx)"))
            if not chosen:
                return
            target = chosen
        out = Path(target)
        if not out.suffix:
            out = out.with_suffix(f".{kind}")
        run_with_progress(self, self.tr("Writing the seating plan…"),
                          lambda _p: seating.write(plan, out, seating_tr, lang),
                          on_done=lambda p: self.message.emit(
                              self.tr("Saved: {path}").format(path=p)),
                          on_failed=lambda exc: show_error(self, self.tr("Seating"), exc))

    def nameplates(self, target: str | Path | None = None, lang: str | None = None,
                   changed: bool | None = None) -> None:
        """The nameplates as PDF: asks the language, whether only the changed ones, and
        where, unless given."""
        plan, db = self.plan, self.db
        if plan is None or db is None or plan.session.id is None:
            self.message.emit(self.tr("Seat the session first (Ctrl+R)."))
            return
        if lang is None or changed is None:
            asked = self._ask_plates(plan.lang)
            if asked is None:
                return
            lang, changed = asked
        if target is None:
            folder = self.path.parent if self.path else Path.home()
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the nameplates"),
                str(folder / f"nameplates-{plan.session.id}-{lang}.pdf"),
                self.tr("PDF (*.pdf)"))
            if not chosen:
                return
            target = chosen
        out, session_id = Path(target), plan.session.id
        if not out.suffix:
            out = out.with_suffix(".pdf")
        try:
            path, plates = seating.print_nameplates(db, session_id, out, lang,
                                                    changed=changed,
                                                    who=acting_at(db, self.settings))
        except Exception as exc:  # noqa: BLE001 - nothing changed, a full disk
            show_error(self, self.tr("Nameplates"), exc)
            return
        self.message.emit(self.tr("Saved: {path} ({plates} nameplates)").format(
            path=path, plates=plates))

    def place_cards(self, target: str | Path | None = None) -> None:
        """Personal place cards (a closed session's): names in the window's language."""
        plan, db, lang = self.plan, self.db, i18n.language()
        if plan is None or db is None or plan.session.id is None:
            self.message.emit(self.tr("Seat the session first (Ctrl+R)."))
            return
        if target is None:
            folder = self.path.parent if self.path else Path.home()
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the place cards"),
                str(folder / f"place-cards-{plan.session.id}-{lang}.pdf"),
                self.tr("PDF (*.pdf)"))
            if not chosen:
                return
            target = chosen
        out, session_id = Path(target), plan.session.id
        if not out.suffix:
            out = out.with_suffix(".pdf")

        def job(_progress: object) -> tuple[Path, int]:
            from contextlib import closing

            from bsm_desk.services.event.files import connect

            assert self.path is not None
            with closing(connect(self.path)) as own:  # a connection of the job's own
                cards = seating.place_cards(own, session_id, lang)
            return seating.write_place_cards(cards, out, plan.session.title(lang)), len(cards)

        run_with_progress(self, self.tr("Writing the place cards…"), job,
                          on_done=lambda done: self.message.emit(
                              self.tr("Saved: {path} ({cards} place cards)").format(
                                  path=done[0], cards=done[1])),
                          on_failed=lambda exc: show_error(self, self.tr("Place cards"), exc))

    def _ask_plates(self, lang: str) -> tuple[str, bool] | None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Nameplates"))
        language = QComboBox()
        for code, text in (("en", "English"), ("ru", "Русский"),
                           ("both", self.tr("Both (English and Russian)"))):
            language.addItem(text, code)
        language.setCurrentIndex(max(language.findData(lang), 0))
        only = QCheckBox(self.tr("Only the plates that changed since the last printing"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form = QFormLayout(dialog)
        form.addRow(self.tr("Language"), language)
        form.addRow(only)
        form.addRow(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return str(language.currentData()), only.isChecked()

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
