"""The Roster screen's changes by hand: seat a name dragged from the pool, swap two seats,
lock, empty, undo. Each is one step written through the services (a seat given by hand
is locked: the solver must respect it) and kept for Undo as the seats it replaced.
The screen mixes this in; its words are in the RosterScreen context, with the screen's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from bsm_desk.domain.interpreters import Seat
from bsm_desk.services.interpreters import board as roster_board
from bsm_desk.services.operators import acting_at
from bsm_desk.ui.interpreters.grid import PERSON, SEAT0
from bsm_desk.ui.shell.errors import show_error

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from sqlite_utils import Database

    from bsm_desk import config
    from bsm_desk.services.interpreters.needs import Need
    from bsm_desk.ui.interpreters.grid import PoolTable, RosterGrid

UNDO_DEPTH = 30


class HandEdits:
    """Mixed into RosterScreen (``self`` is the screen)."""

    if TYPE_CHECKING:  # what the screen brings
        db: Database | None
        settings: config.Settings
        board: roster_board.Board | None
        rows: list[Need]
        grid: RosterGrid
        pool: PoolTable
        undo_steps: list[tuple[str, list[Seat]]]
        message: SignalInstance

        def name(self, person_id: int) -> str: ...

        def refresh(self) -> None: ...

    def _widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self

    def _selected_seats(self) -> list[tuple[int, int]]:
        """The seats chosen, or the current one (the keyboard's cell after the grid was
        read again, which keeps the current cell but not the selection)."""
        chosen = {(i.row(), i.column()) for i in self.grid.selectedItems()
                  if i.column() >= SEAT0 and i.data(PERSON) is not None}
        if not chosen:
            current = self.grid.item(self.grid.currentRow(), self.grid.currentColumn())
            if current is not None and current.column() >= SEAT0 and \
                    current.data(PERSON) is not None:
                chosen = {(current.row(), current.column())}
        return sorted(chosen)

    def _team(self, row: int) -> roster_board.Team:
        assert self.board is not None
        return list(self.board.teams.get(self.rows[row].key, []))

    def _write(self, teams: dict[int, roster_board.Team], what: str) -> None:
        """Write the changed booths (row → team) as one step, with undo."""
        if self.db is None:
            return
        before = roster_board.snapshot(self.db)
        try:
            roster_board.set_teams(self.db, {self.rows[row].key: team
                                          for row, team in teams.items()},
                                who=acting_at(self.db, self.settings))
        except Exception as exc:  # noqa: BLE001 - shown, nothing written
            title = QCoreApplication.translate("RosterScreen", "Roster")
            show_error(self._widget(), title, exc)
            return
        self.undo_steps = [*self.undo_steps, (what, list(before))][-UNDO_DEPTH:]
        self.message.emit(what)
        self.refresh()

    def place(self, person: int, source: object, row: int, column: int) -> None:
        """``person`` dropped on seat (row, column): from the pool (source None) they take
        the seat; from another seat, the two swap. A seat given by hand is locked (the
        solver keeps it; Ctrl+L unlocks)."""
        if not 0 <= row < len(self.rows) or column < SEAT0:
            return
        target = self._team(row)
        index = column - SEAT0
        there = target[index] if index < len(target) else None
        teams: dict[int, roster_board.Team] = {}
        if isinstance(source, tuple):
            src_row, src_column = source
            if not 0 <= src_row < len(self.rows) or src_column < SEAT0:
                return
            origin = target if src_row == row else self._team(src_row)
            src_index = src_column - SEAT0
            if src_index >= len(origin) or origin[src_index][0] != person:
                return
            moving = (person, True)
            if there is None:
                origin.pop(src_index)
                target.append(moving)
            else:
                origin[src_index] = (there[0], True)
                target[index] = moving
            teams[src_row] = origin
        else:
            if any(p == person for p, _ in target):
                return
            moving = (person, True)
            if there is None:
                target.append(moving)
            else:
                target[index] = moving
        teams[row] = target
        done = QCoreApplication.translate("RosterScreen", "{name} seated")
        self._write(teams, done.format(name=self.name(person)))

    def assign_selected(self) -> None:
        """The pool's chosen interpreter to the grid's current seat (Enter)."""
        person = self.pool.person()
        row, column = self.grid.currentRow(), self.grid.currentColumn()
        if person is None or not self.grid.is_seat(row, column):
            self.message.emit(QCoreApplication.translate("RosterScreen",
                                                         "Choose a seat in the grid and a name "
                                                         "in the pool."))
            return
        self.place(person, None, row, column)

    def lock_selected(self) -> None:
        seats = self._selected_seats()
        if not seats:
            return
        teams: dict[int, roster_board.Team] = {}
        lock = not all(item.data(PERSON + 1) for r, c in seats
                       if (item := self.grid.item(r, c)) is not None)
        for row, column in seats:
            team = teams.setdefault(row, self._team(row))
            index = column - SEAT0
            if index < len(team):
                team[index] = (team[index][0], lock)
        self._write(teams, QCoreApplication.translate("RosterScreen", "Locked") if lock
                    else QCoreApplication.translate("RosterScreen", "Unlocked"))

    def remove_selected(self) -> None:
        seats = self._selected_seats()
        if not seats:
            return
        teams: dict[int, roster_board.Team] = {}
        for row, column in sorted(seats, reverse=True):
            team = teams.setdefault(row, self._team(row))
            index = column - SEAT0
            if index < len(team):
                team.pop(index)
        self._write(teams, QCoreApplication.translate("RosterScreen", "Seats emptied"))

    def undo_last(self) -> None:
        if self.db is None or not self.undo_steps:
            return
        what, seats = self.undo_steps[-1]
        try:
            roster_board.restore(self.db, seats, who=acting_at(self.db, self.settings))
        except Exception as exc:  # noqa: BLE001
            title = QCoreApplication.translate("RosterScreen", "Roster")
            show_error(self._widget(), title, exc)
            return
        self.undo_steps = self.undo_steps[:-1]
        self.message.emit(QCoreApplication.translate("RosterScreen", "Undone: {what}").format(
            what=what))
        self.refresh()

    def push_undo(self, what: str, seats: list[Seat]) -> None:
        self.undo_steps = [*self.undo_steps, (what, seats)][-UNDO_DEPTH:]

