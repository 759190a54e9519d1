"""What the Roster screen does beyond the grid: Solve in the background and review its
proposal, Recruit, Export, Withdraw an interpreter, and the pool (add, edit, import).
Long work runs off the GUI thread on its own connection."""

from __future__ import annotations

from contextlib import closing
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from babel.dates import format_date
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QMenu,
    QMessageBox,
    QPushButton,
    QWidget,
)

from bsm_desk.services.interpreters import board as roster_board
from bsm_desk.services.interpreters import rostering
from bsm_desk.services.interpreters.problem import Key, Problem
from bsm_desk.services.interpreters.reasons import booth_name
from bsm_desk.services.interpreters.rostering import Extra
from bsm_desk.services.interpreters.solver import Roster
from bsm_desk.services.operators import acting_at
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.errors import show_error
from bsm_desk.ui.shell.icons import icon

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QSpinBox
    from sqlite_utils import Database

    from bsm_desk import config
    from bsm_desk.domain.interpreters import Interpreter
    from bsm_desk.services.event import Overview
    from bsm_desk.services.interpreters import board as roster_board
    from bsm_desk.services.interpreters import rostering
    from bsm_desk.ui.interpreters.grid import PoolTable


class RosterHost(Protocol):
    """What the Roster screen's verbs need of it."""

    settings: config.Settings
    db: Database | None
    path: Path | None
    board: roster_board.Board | None
    seconds: QSpinBox
    pool: PoolTable
    message: SignalInstance

    @property
    def overview(self) -> Overview | None: ...

    def refresh(self) -> None: ...

    def name(self, person_id: int) -> str: ...

    def person(self, person_id: int) -> Interpreter | None: ...

    def push_undo(self, what: str, seats: list[Any]) -> None: ...


class RosterActions(QObject):
    """The Roster screen's verbs, for ``host`` (what they read and refresh) with
    ``widget`` as the parent of their buttons and dialogs."""

    def __init__(self, host: RosterHost, widget: QWidget) -> None:
        super().__init__(widget)
        self.host, self.widget = host, widget
        self.withdraw_button = QPushButton()
        self.withdraw_button.clicked.connect(self.withdraw)
        self.recruit_button = QPushButton()
        self.recruit_button.clicked.connect(self.recruit)
        self.export_button = QPushButton(icon("pdf"), "")
        self.export_menu = QMenu(self.export_button)
        self.export_pdf = QAction(self.export_menu)
        self.export_pdf.triggered.connect(lambda: self.export("pdf"))
        self.export_xlsx = QAction(self.export_menu)
        self.export_xlsx.triggered.connect(lambda: self.export("xlsx"))
        self.export_ics = QAction(self.export_menu)
        self.export_ics.triggered.connect(lambda: self.export("ics"))
        for action in (self.export_pdf, self.export_xlsx, self.export_ics):
            self.export_menu.addAction(action)
        self.export_button.setMenu(self.export_menu)
        self.add_button = QPushButton(icon("add"), "")
        self.add_button.clicked.connect(lambda: self.edit_interpreter(new=True))
        self.import_button = QPushButton(icon("import"), "")
        self.import_button.clicked.connect(self.import_pool)
        self.rules_button = QPushButton(icon("settings"), "")
        self.rules_button.clicked.connect(self.edit_rules)
        self.cancel: Any = None  # the running solve's Cancel

    def buttons(self) -> list[QPushButton]:
        """The roster's: beside the grid's own."""
        return [self.recruit_button, self.rules_button, self.export_button]

    def pool_buttons(self) -> list[QPushButton]:
        """The pool's: above it."""
        return [self.add_button, self.import_button, self.withdraw_button]

    def edit_rules(self) -> None:
        from bsm_desk.ui.interpreters.rules_dialog import RulesDialog

        screen = self.host
        if screen.db is None:
            return
        if RulesDialog(screen.db, screen.settings, self.widget).exec():
            screen.message.emit(self.tr("Rules saved: solve again to apply them."))
            screen.refresh()

    # -- solving ------------------------------------------------------------------------
    def solve(self) -> None:
        from bsm_desk.services.event.files import connect, db_file
        from bsm_desk.services.interpreters import board as roster_board
        from bsm_desk.services.interpreters import rostering
        from bsm_desk.services.solving import Cancel
        from bsm_desk.ui.shell.workers import Progress, run_with_progress

        screen = self.host
        if screen.db is None:
            return
        path, lang, seconds = db_file(screen.db), i18n.language(), screen.seconds.value()
        cancel = self.cancel = Cancel()

        def job(progress: Progress) -> tuple[Any, Any, Any]:
            with closing(connect(path)) as db:
                asked = rostering.problem(db, lang=lang)
                before = roster_board.teams(db, asked.needs)
            progress(0, 1)
            roster = rostering.solve(asked, time_limit=seconds, cancel=cancel,
                                     on_stage=lambda k, n: progress(k, n))
            progress(1, 1)
            return asked, before, roster

        run_with_progress(
            self.widget,
            self.tr("Finding the roster (at most {seconds} s)…").format(seconds=seconds),
            job, on_done=self._review, on_failed=self._failed, on_cancel=cancel)

    def _failed(self, exc: BaseException) -> None:
        show_error(self.widget, self.tr("Roster"), exc)

    def _review(self, result: object) -> None:
        from bsm_desk.ui.interpreters.review import ReviewDialog

        screen = self.host
        assert isinstance(result, tuple)
        asked: Problem = result[0]
        before: dict[Key, roster_board.Team] = result[1]
        roster: Roster = result[2]
        if screen.db is None:
            return
        changes = roster_board.diff(before, roster)
        dialog = ReviewDialog(asked, roster, changes, screen.name, self.widget)
        if not dialog.exec():
            screen.message.emit(self.tr("The roster as it stands is kept."))
            return
        seats = roster_board.snapshot(screen.db)
        try:
            rostering.apply(screen.db, roster, who=acting_at(screen.db, screen.settings))
        except Exception as exc:  # noqa: BLE001 - shown; the roster as it stood stays
            self._failed(exc)
            return
        what = self.tr("The solver's roster ({count} changes)").format(count=len(changes))
        screen.push_undo(what, list(seats))
        screen.message.emit(what)
        screen.refresh()

    # -- recruitment --------------------------------------------------------------------
    def recruit(self) -> None:
        from bsm_desk.services.event.files import connect, db_file
        from bsm_desk.services.interpreters import rostering
        from bsm_desk.ui.shell.workers import Progress, run_with_progress

        screen = self.host
        if screen.db is None:
            return
        path, lang, seconds = db_file(screen.db), i18n.language(), screen.seconds.value()

        def job(progress: Progress) -> Any:
            with closing(connect(path)) as db:
                return rostering.recruitment(db, time_limit=seconds, lang=lang)

        run_with_progress(self.widget, self.tr("Working out whom to recruit…"), job,
                          on_done=self._recruited, on_failed=self._failed)

    def _recruited(self, result: object) -> None:
        assert isinstance(result, tuple)
        extras: list[Extra] = result[0]
        answer: Roster = result[1]
        lang = i18n.language()
        if not extras:
            text = self.tr("No one more is needed: the pool can staff every booth.")
        else:
            lines = [self.tr("{day}, {booth}: {extra} to hire ({languages}){cost}").format(
                day=format_date(e.day, "d MMM", locale=lang),
                booth=QCoreApplication.translate("Roster", booth_name(e.booth)),
                extra=e.extra, languages="; ".join(f"{k}:{v}" for k, v in e.languages.items()),
                cost="" if e.cost is None else self.tr(", about {cost:g}").format(cost=e.cost))
                for e in extras]
            text = "\n".join(lines)
        never = [s.reason.render(lambda t: QCoreApplication.translate("Roster", t))
                 for s in answer.unstaffed if s.reason]
        if never:
            text += "\n\n" + self.tr("Not even with more people:") + "\n" + "\n".join(never)
        QMessageBox.information(self.widget, self.tr("Recruitment"), text)

    # -- output -------------------------------------------------------------------------
    def export(self, kind: str) -> None:
        from bsm_desk.services.interpreters import export as roster_export

        screen = self.host
        if screen.db is None:
            return
        start = str(screen.path.parent if screen.path else Path.home())
        lang = i18n.language()
        if kind == "ics":
            chosen = QFileDialog.getExistingDirectory(
                self.widget, self.tr("A folder for the calendars, one per interpreter"), start)
        else:
            filters = {"pdf": "PDF (*.pdf)", "xlsx": self.tr("Excel workbook (*.xlsx)")}
            chosen, _ = QFileDialog.getSaveFileName(
                self.widget, self.tr("Save the roster"), str(Path(start) / f"roster-{lang}.{kind}"),
                filters[kind])
        if not chosen:
            return
        target = Path(chosen)
        if kind != "ics" and target.suffix.lower() != f".{kind}":
            target = target.with_name(target.name + f".{kind}")
        try:
            written = roster_export.write(screen.db, target, lang=lang)
        except Exception as exc:  # noqa: BLE001 - a full disk, a locked file: said, kept
            self._failed(exc)
            return
        screen.message.emit(self.tr("Written: {count} file(s) in {folder}").format(
            count=len(written), folder=str(written[0].parent) if written else str(target)))

    # -- the pool -----------------------------------------------------------------------
    def withdraw(self) -> None:
        from bsm_desk.services.interpreters import rostering

        screen = self.host
        person = screen.pool.person()
        if screen.db is None or screen.board is None:
            return
        if person is None:
            screen.message.emit(self.tr("Choose an interpreter in the pool first."))
            return
        lang = i18n.language()
        days = sorted({screen.board.asked.day_of(n.meeting.starts_at)
                       for n in screen.board.asked.needs})
        choices = [self.tr("The whole event")] + [format_date(d, "EEE d MMM", locale=lang)
                                              for d in days]
        chosen, ok = QInputDialog.getItem(
            self.widget, self.tr("Withdraw an interpreter"),
            self.tr("{name} is unavailable from:").format(name=screen.name(person)), choices, 0,
            False)
        if not ok:
            return
        from_day: date | None = None if chosen == choices[0] else days[choices.index(chosen) - 1]
        try:
            given_up = rostering.withdraw(screen.db, [person], from_day=from_day,
                                          who=acting_at(screen.db, screen.settings))
        except Exception as exc:  # noqa: BLE001
            self._failed(exc)
            return
        screen.message.emit(self.tr("{name} withdrawn; seats given up: {count}. Solve to fill "
                                "them: the rest of the roster is kept.").format(
            name=screen.name(person), count=given_up))
        screen.refresh()

    def edit_interpreter(self, new: bool = False) -> None:
        from bsm_desk.ui.interpreters.interpreter_dialog import InterpreterDialog

        screen = self.host
        if screen.db is None or screen.overview is None:
            return
        person = None if new else screen.person(screen.pool.person() or 0)
        if not new and person is None:
            return
        dialog = InterpreterDialog(screen.db, screen.overview, screen.settings, person, self.widget)
        if dialog.exec():
            screen.refresh()

    def import_pool(self) -> None:
        from bsm_desk.services import interpreters

        screen = self.host
        if screen.db is None:
            return
        chosen, _ = QFileDialog.getOpenFileName(
            self.widget, self.tr("Import interpreters"),
            str(screen.path.parent if screen.path else Path.home()),
            self.tr("Lists (*.xlsx *.csv)"))
        if not chosen:
            return
        try:
            report = interpreters.import_file(screen.db, chosen,
                                              who=acting_at(screen.db, screen.settings))
        except Exception as exc:  # noqa: BLE001 - a broken file: said, nothing written
            self._failed(exc)
            return
        if report.errors:
            lines = [self.tr("Row {row}, {column}: {message}").format(
                row=p.row, column=p.column or "—", message=p.message(
                    QCoreApplication.translate)) for p in report.errors[:15]]
            more = len(report.errors) - len(lines)
            QMessageBox.warning(self.widget, self.tr("Import interpreters"), self.tr(
                "Nothing was imported: fix these rows and import again.") + "\n\n"
                + "\n".join(lines) + (f"\n… (+{more})" if more > 0 else ""))
            return
        screen.message.emit(self.tr("Interpreters imported: {added} added, {updated} updated, "
                                "{unchanged} unchanged.").format(
            added=report.added, updated=report.updated, unchanged=report.unchanged))
        screen.refresh()

    def retranslate_ui(self) -> None:
        self.withdraw_button.setText(self.tr("Withdraw…"))
        self.withdraw_button.setToolTip(self.tr("The chosen interpreter falls ill or leaves"))
        self.recruit_button.setText(self.tr("Recruit…"))
        self.recruit_button.setToolTip(self.tr("The fewest interpreters to hire per day and booth"))
        self.export_button.setText(self.tr("Export"))
        self.export_pdf.setText(self.tr("Roster and schedules, PDF…"))
        self.export_xlsx.setText(self.tr("Roster and schedules, Excel…"))
        self.export_ics.setText(self.tr("Calendars, one per interpreter…"))
        self.add_button.setText(self.tr("Add interpreter…"))
        self.import_button.setText(self.tr("Import…"))
        self.rules_button.setText(self.tr("Rules…"))
        self.rules_button.setToolTip(self.tr("Team sizes, rest and working-time limits"))
