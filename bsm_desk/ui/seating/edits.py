"""The Seating screen's changes: seat the session (again, by a new lot, from a named
Member State, as another session), move a delegation by hand and undo it, lock it, its
need of an accessible place, the podium and places, the room's layout. Each is one step
through the services; a refusal is said in the status line. The screen mixes this in;
its words are in the SeatingScreen context, with the screen's."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QInputDialog, QWidget

from bsm_desk.domain.seating import Block, alphabetical
from bsm_desk.services import seating
from bsm_desk.services.operators import acting_at
from bsm_desk.ui.seating.layout_dialog import LayoutDialog
from bsm_desk.ui.seating.podium_dialog import PodiumDialog
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.errors import translate_error

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QComboBox, QLabel, QPushButton
    from sqlite_utils import Database

    from bsm_desk import config
    from bsm_desk.domain.seating import Seated
    from bsm_desk.services.event import Overview
    from bsm_desk.ui.seating.plan_view import PlanView


class SeatingEdits:
    """Mixed into SeatingScreen (``self`` is the screen)."""

    def _screen(self) -> QWidget:
        return cast(QWidget, self)

    if TYPE_CHECKING:  # what the screen brings
        db: Database | None
        settings: config.Settings
        plan: seating.SeatingPlan | None
        undo_steps: list[tuple[int, dict[int, tuple[int, bool]]]]
        _overview: Overview | None
        session: QComboBox
        order: QComboBox
        note: QLabel
        undo_button: QPushButton
        view: PlanView
        message: SignalInstance
        changed: SignalInstance

        def session_id(self) -> int | None: ...

        def refresh(self) -> None: ...

        def picked(self) -> Seated | None: ...

    def _act(self, action: Callable[[Any], object]) -> bool:
        """Run ``action`` (a callable taking who=); a refusal in a line, the plan again."""
        if self.db is None:
            return False
        try:
            action(acting_at(self.db, self.settings))
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
            lot = secrets.randbelow(1_000_000_000)
        if self._act(
            lambda who: seating.make_plan(
                db, session_id, who=who, lang=lang, lot=lot, draw_from=draw_from
            )
        ):
            self.undo_steps = []
            self.message.emit(self.note.text())

    def new_lot(self) -> None:
        self.seat(lot=secrets.randbelow(1_000_000_000))

    def start_from(self) -> None:
        db, session_id = self.db, self.session_id()
        if db is None or session_id is None:
            return
        lang = str(self.order.currentData())
        session = next(
            (s for s in (self._overview.sessions if self._overview else []) if s.id == session_id),
            None,
        )
        if session is None:
            return
        states = alphabetical(
            (d for d in seating.who_sits(db, session) if d.block is Block.MEMBER_STATES), lang
        )
        if not states:
            return
        names = [d.name(lang) for d in states]
        chosen, ok = QInputDialog.getItem(
            self._screen(),
            QCoreApplication.translate("SeatingScreen", "Start from"),
            QCoreApplication.translate("SeatingScreen", "The first Member State in the order:"),
            names,
            0,
            False,
        )
        if ok and chosen:
            self.seat(draw_from=str(states[names.index(chosen)].id))

    def same_as(self, source: int | None = None) -> None:
        """Seat this session as another seated one is (its draw, podium, places)."""
        db, session_id = self.db, self.session_id()
        if db is None or session_id is None:
            return
        if source is None:
            choices = [
                (self.session.itemText(i), self.session.itemData(i))
                for i in range(self.session.count())
                if self.session.itemData(i) != session_id
            ]
            seated = [(text, sid) for text, sid in choices if seating.current(db, sid) is not None]
            if not seated:
                self.message.emit(
                    QCoreApplication.translate("SeatingScreen", "No other session is seated yet.")
                )
                return
            chosen, ok = QInputDialog.getItem(
                self._screen(),
                QCoreApplication.translate("SeatingScreen", "Same as another session"),
                QCoreApplication.translate("SeatingScreen", "Seat it as this session is seated:"),
                [text for text, _sid in seated],
                0,
                False,
            )
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

    def move_to_place(self, place: int | None = None) -> None:
        """The picked delegation to a place given by its number (the drag, by keyboard)."""
        plan, picked = self.plan, self.picked()
        if plan is None or picked is None or not plan.places:
            return
        if place is None:
            first = plan.places_of(picked.id)
            chosen, ok = QInputDialog.getInt(
                self._screen(),
                QCoreApplication.translate("SeatingScreen", "Move to a place"),
                QCoreApplication.translate("SeatingScreen", "{name}: to place number").format(
                    name=picked.name(i18n.language())
                ),
                first[0].number if first else 1,
                1,
                max(p.number for p in plan.places),
            )
            if not ok:
                return
            place = chosen
        self.move_delegation(picked.id, place)

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
        session = next(
            (s for s in (self._overview.sessions if self._overview else []) if s.id == session_id),
            None,
        )
        if db is None or session_id is None or session is None:
            return
        plan = self.plan
        dialog = PodiumDialog(
            seating.who_sits(db, session),
            plan.podium if plan else (),
            seating.places_per_block(db, session_id),
            self._screen(),
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        podium, per_block = dialog.podium(), dialog.places()
        lang = str(self.order.currentData())
        self._act(
            lambda who: seating.make_plan(
                db, session_id, who=who, lang=lang, podium=podium, places_per=per_block
            )
        )

    def edit_layout(self) -> None:
        db, session_id = self.db, self.session_id()
        if db is None or session_id is None:
            return
        try:
            room, layout = seating.session_layout(db, session_id)
        except Exception as exc:  # noqa: BLE001 - a session without a room
            self.message.emit(translate_error(exc))
            return
        dialog = LayoutDialog(room.name(i18n.language()), layout, self._screen())
        if dialog.exec() != QDialog.DialogCode.Accepted or room.id is None:
            return
        room_id, chosen = room.id, dialog.layout_value
        self._act(lambda who: seating.set_layout(db, room_id, chosen, who=who))
