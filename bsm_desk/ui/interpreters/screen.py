"""The Roster screen (Ctrl+9): per day, the booths of every interpreted meeting with the
interpreters in their seats, and the pool beside them with each one's totals.

Drag a name from the pool onto a seat (or select both and press Enter) to seat them;
drag a seat onto another to swap the two; a seat given by hand is locked, as the solver
must respect it. Every change is written at once and checked
by the domain's rules: a seat that breaks one turns red and says which. Ctrl+L locks
the selected seats (the solver keeps them), Delete empties them, Ctrl+Z undoes the last
change. Solve (Ctrl+R) runs OR-Tools in the background and shows its proposal as a
list of changes to accept or not.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from babel.dates import format_date
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bsm_desk import config
from bsm_desk.domain.interpreters import Interpreter, Seat, can_staff
from bsm_desk.services.event import Overview
from bsm_desk.services.interpreters import board as roster_board
from bsm_desk.services.interpreters.needs import Need
from bsm_desk.services.interpreters.reasons import booth_name
from bsm_desk.ui.interpreters.actions import RosterActions
from bsm_desk.ui.interpreters.edits import HandEdits
from bsm_desk.ui.interpreters.grid import (
    BREACH,
    EMPTY,
    PERSON,
    SEAT0,
    SHORT,
    UNUSED,
    PoolTable,
    RosterGrid,
)
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.errors import translate_error
from bsm_desk.ui.shell.icons import icon
from bsm_desk.ui.shell.theme import give_role

if TYPE_CHECKING:
    from sqlite_utils import Database


def roster_tr(text: str) -> str:
    return QCoreApplication.translate("Roster", text)


def hours_minutes(minutes: float) -> str:
    h, m = divmod(round(minutes), 60)
    return f"{h}:{m:02d}"


class RosterScreen(HandEdits, QWidget):
    message = Signal(str)
    changed = Signal()

    def __init__(self, settings: config.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.db: Database | None = None
        self.path: Path | None = None
        self._overview: Overview | None = None
        self.board: roster_board.Board | None = None
        self.rows: list[Need] = []
        self.undo_steps: list[tuple[str, list[Seat]]] = []
        self.verbs = RosterActions(self, self)
        self.title = QLabel()
        give_role(self.title, "title")
        self.day = QComboBox()
        self.day.currentIndexChanged.connect(lambda _i: self._fill_grid())
        self.summary = QLabel()
        self.solve_button = QPushButton(icon("roster"), "")
        self.solve_button.clicked.connect(self.verbs.solve)
        self.seconds = QSpinBox()
        self.seconds.setRange(1, 600)
        self.seconds.setValue(10)
        self.seconds_label = QLabel()
        self.seconds_label.setBuddy(self.seconds)
        self.lock_button = QPushButton(icon("lock"), "")
        self.lock_button.clicked.connect(self.lock_selected)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_selected)
        self.undo_button = QPushButton(icon("undo"), "")
        self.undo_button.clicked.connect(self.undo_last)
        self.more_buttons = self.verbs.buttons()
        self.grid = RosterGrid()
        self.grid.dropped.connect(self.place)
        self.grid.itemSelectionChanged.connect(self._selection_changed)
        self.pool = PoolTable()
        self.pool.doubleClicked.connect(lambda _i: self.verbs.edit_interpreter())
        self.assign_button = QPushButton()
        self.assign_button.clicked.connect(self.assign_selected)
        self.problems = QListWidget()
        self.problems.setMaximumHeight(80)
        self.problems.itemActivated.connect(self._show_problem)
        QShortcut(QKeySequence("Ctrl+L"), self, self.lock_selected)
        QShortcut(QKeySequence("Ctrl+R"), self, self.verbs.solve)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_last)
        QShortcut(QKeySequence.StandardKey.Delete, self.grid, self.remove_selected)
        for keys in ("Return", "Enter"):
            QShortcut(QKeySequence(keys), self.pool, self.assign_selected)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.day)
        top.addWidget(self.summary, 1)
        top.addWidget(self.seconds_label)
        top.addWidget(self.seconds)
        top.addWidget(self.solve_button)
        tools = QHBoxLayout()
        for button in (self.lock_button, self.remove_button, self.undo_button):
            tools.addWidget(button)
        tools.addStretch(1)
        for button in self.more_buttons:
            tools.addWidget(button)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        pool_tools = QHBoxLayout()
        for button in self.verbs.pool_buttons():
            pool_tools.addWidget(button)
        pool_tools.addStretch(1)
        side_layout.addLayout(pool_tools)
        side_layout.addWidget(self.pool, 1)
        side_layout.addWidget(self.assign_button)
        split = QSplitter()
        split.addWidget(self.grid)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([700, 360])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addLayout(top)
        layout.addLayout(tools)
        layout.addWidget(split, 1)
        layout.addWidget(self.problems)
        i18n.follow_language(self)

    # -- the event --------------------------------------------------------------------
    def load(self, db: Database, overview: Overview, path: Path | None = None) -> None:
        self.db, self._overview, self.path = db, overview, path
        self.undo_steps = []
        self.refresh()

    def set_overview(self, overview: Overview) -> None:
        self._overview = overview
        self.refresh()

    def follow(self, changes: object) -> None:
        """Someone changed the pool, the rules or the roster (a roster applied from the
        command line): the board as it is now, on the same day, the same cells chosen
        and the lists where they were."""
        cells = [(table, table.currentRow(), table.currentColumn(),
                  table.verticalScrollBar().value()) for table in (self.grid, self.pool)]
        self.refresh()
        for table, row, column, scroll in cells:
            if 0 <= row < table.rowCount() and 0 <= column < table.columnCount():
                table.setCurrentCell(row, column)
            table.verticalScrollBar().setValue(scroll)

    def unload(self) -> None:
        self.db, self._overview, self.board, self.rows = None, None, None, []
        self.undo_steps = []
        self.grid.setRowCount(0)
        self.pool.setRowCount(0)
        self.problems.clear()
        self.day.clear()

    @property
    def overview(self) -> Overview | None:
        return self._overview

    # -- reading ----------------------------------------------------------------------
    def refresh(self) -> None:
        if self.db is None:
            return
        try:
            self.board = roster_board.board(self.db, lang=i18n.language())
        except Exception as exc:  # noqa: BLE001 - an event without a programme, a locked file
            self.board = None
            self.message.emit(translate_error(exc))
            return
        keep = self.day.currentData()
        days = sorted({self.board.asked.day_of(n.meeting.starts_at)
                       for n in self.board.asked.needs})
        self.day.blockSignals(True)
        self.day.clear()
        for day in days:
            self.day.addItem(format_date(day, "EEE d MMM y", locale=i18n.language()), day)
        index = self.day.findData(keep)
        self.day.setCurrentIndex(max(index, 0))
        self.day.blockSignals(False)
        self._fill_grid()
        self._fill_pool()
        self._fill_problems()
        self.undo_button.setEnabled(bool(self.undo_steps))

    def chosen_day(self) -> date | None:
        value = self.day.currentData()
        return value if isinstance(value, date) else None

    def name(self, person_id: int) -> str:
        person = self.person(person_id)
        if person is None:
            return f"#{person_id}"
        return (person.name_cyr or person.name) if i18n.language() == "ru" else person.name

    def person(self, person_id: int) -> Interpreter | None:
        if self.board is None:
            return None
        return next((p for p in self.board.asked.pool if p.id == person_id), None)

    def _titles(self, need: Need) -> str:
        lang = i18n.language()
        sessions = {s.id: s for s in (self._overview.sessions if self._overview else [])}
        return " / ".join(sessions[i].title(lang) for i in need.meeting.session_ids
                          if i in sessions)

    def _fill_grid(self) -> None:
        board, day = self.board, self.chosen_day()
        if board is None:
            self.grid.setRowCount(0)
            return
        asked = board.asked
        self.rows = sorted((n for n in asked.needs if asked.day_of(n.meeting.starts_at) == day),
                           key=lambda n: (n.meeting.starts_at, n.meeting.room_id, n.booth))
        seats = max([2, *(n.team for n in asked.needs)])
        self.grid.setColumnCount(SEAT0 + seats)
        self.grid.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Room"), self.tr("Sessions"), self.tr("Booth")]
            + [self.tr("Seat {n}").format(n=n + 1) for n in range(seats)])
        self.grid.setRowCount(len(self.rows))
        for row, need in enumerate(self.rows):
            start = need.meeting.starts_at.astimezone(asked.zone)
            end = need.meeting.ends_at.astimezone(asked.zone)
            named = roster_tr(booth_name(need.booth))
            fixed = [f"{start:%H:%M}–{end:%H:%M}", need.room, self._titles(need),
                     named[:1].upper() + named[1:]]
            for column, text in enumerate(fixed):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                item.setToolTip(text)
                self.grid.setItem(row, column, item)
            shortfall = board.short.get(need.key, [])
            booth = self.grid.item(row, 3)
            if shortfall and booth is not None:
                booth.setBackground(SHORT)
                booth.setToolTip("\n".join(t.render(roster_tr) for t in shortfall))
            self._fill_seats(row, need, seats)
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 130)
        # The session's title is long; its header must show whole, in either language.
        title = self.grid.horizontalHeaderItem(2)
        wanted = header.fontMetrics().horizontalAdvance(title.text() if title else "") + 24
        header.resizeSection(2, max(170, wanted))
        header.setMinimumSectionSize(60)

    def _fill_seats(self, row: int, need: Need, seats: int) -> None:
        assert self.board is not None
        team = self.board.teams.get(need.key, [])
        for index in range(seats):
            column = SEAT0 + index
            item = QTableWidgetItem()
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if index >= need.team:
                item.setBackground(UNUSED)
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                self.grid.setItem(row, column, item)
                continue
            item.setFlags(flags | Qt.ItemFlag.ItemIsDropEnabled | Qt.ItemFlag.ItemIsDragEnabled)
            if index < len(team):
                person, locked = team[index]
                item.setText(self.name(person))
                if locked:
                    item.setIcon(icon("lock"))
                    item.setToolTip(self.tr("Locked: the solver keeps this seat"))
                item.setData(PERSON, person)
                item.setData(PERSON + 1, locked)
                wrong = self._seat_breaches(person, need)
                if wrong:
                    item.setBackground(BREACH)
                    item.setToolTip("\n".join(wrong))
            else:
                item.setText("—")
                item.setBackground(EMPTY)
                item.setToolTip(self.tr("Empty: drag a name here from the pool"))
            self.grid.setItem(row, column, item)

    def _seat_breaches(self, person_id: int, need: Need) -> list[str]:
        """What this seat's interpreter breaks, in words, for its tooltip."""
        assert self.board is not None
        found = [text.render(roster_tr) for text, keys in self.board.broken.get(person_id, [])
                 if need.key in keys]
        person = self.person(person_id)
        if person is not None and not can_staff(person.languages, need.booth):
            found.append(self.tr("cannot work in this booth (languages)"))
        return found

    def _fill_pool(self) -> None:
        board = self.board
        assert board is not None
        self.pool.setHorizontalHeaderLabels(
            [self.tr("Interpreter"), self.tr("Staff"), self.tr("Booth time"),
             self.tr("Periods"), self.tr("Days"), self.tr("Fee")])
        people = sorted(board.asked.pool, key=lambda p: self.name(p.id or 0).casefold())
        self.pool.setRowCount(len(people))
        day = self.chosen_day()
        for row, person in enumerate(people):
            totals = board.totals.get(person.id or 0)
            languages = "; ".join(f"{k}:{v.value}" for k, v in person.languages.items())
            values = [self.name(person.id or 0), "✓" if person.staff else "",
                      hours_minutes(totals.booth_minutes) if totals else "",
                      str(totals.periods) if totals else "", str(totals.days) if totals else "",
                      f"{totals.fee:g}" if totals and totals.fee else ""]
            away = day is not None and not person.works_on(day)
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(PERSON, person.id)
                item.setToolTip(languages)
                if away:
                    item.setForeground(Qt.GlobalColor.gray)
                    item.setToolTip(languages + "\n" + self.tr("Not available this day"))
                self.pool.setItem(row, column, item)
        header = self.pool.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def _fill_problems(self) -> None:
        board = self.board
        assert board is not None
        self.problems.clear()
        asked = board.asked
        needs = {n.key: n for n in asked.needs}
        for person, found in sorted(board.broken.items(), key=lambda t: self.name(t[0])):
            for text, keys in found:
                item = QListWidgetItem(f"⛔ {self.name(person)}: {text.render(roster_tr)}")
                item.setData(PERSON, sorted(keys)[0] if keys else None)
                self.problems.addItem(item)
        short = 0
        for key, texts in board.short.items():
            need = needs[key]
            short += 1
            start = need.meeting.starts_at.astimezone(asked.zone)
            item = QListWidgetItem(
                f"⚠ {start:%d.%m %H:%M} · {need.room} · {roster_tr(booth_name(need.booth))}: "
                + "; ".join(t.render(roster_tr) for t in texts))
            item.setData(PERSON, key)
            self.problems.addItem(item)
        if not self.problems.count():
            self.problems.addItem(self.tr("✓ Every booth is staffed and no rule is broken."))
        total = len(asked.needs)
        self.summary.setText(self.tr("Booths staffed: {staffed} of {total}; rule breaches: "
                                     "{breaches}").format(
            staffed=total - short, total=total,
            breaches=sum(len(v) for v in board.broken.values())))

    def _show_problem(self, item: QListWidgetItem) -> None:
        """Go to the day and row of the booth a problem names."""
        key = item.data(PERSON)
        if self.board is None or key is None:
            return
        key = (tuple(key[0]), key[1])
        need = next((n for n in self.board.asked.needs if n.key == key), None)
        if need is None:
            return
        self.day.setCurrentIndex(self.day.findData(
            self.board.asked.day_of(need.meeting.starts_at)))
        row = next((r for r, n in enumerate(self.rows) if n.key == key), -1)
        if row >= 0:
            self.grid.setCurrentCell(row, SEAT0)

    def _selection_changed(self) -> None:
        self.lock_button.setEnabled(bool(self._selected_seats()))
        self.remove_button.setEnabled(bool(self._selected_seats()))

    # -- words ------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Roster"))
        self.solve_button.setText(self.tr("Solve"))
        self.solve_button.setToolTip(self.tr(
            "Staff every booth under the rules, keeping locked seats (Ctrl+R)"))
        self.seconds_label.setText(self.tr("Seconds:"))
        self.lock_button.setText(self.tr("Lock / unlock"))
        self.lock_button.setToolTip(self.tr("The solver keeps locked seats (Ctrl+L)"))
        self.remove_button.setText(self.tr("Empty the seat"))
        self.remove_button.setToolTip(self.tr("Delete"))
        self.undo_button.setText(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Ctrl+Z"))
        self.assign_button.setText(self.tr("Seat the chosen interpreter (Enter)"))
        self.verbs.retranslate_ui()
        self.refresh()
