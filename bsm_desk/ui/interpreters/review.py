"""The solver's proposal reviewed before it replaces the roster: how it was found, each
booth whose team changes (before → after), and what stays unstaffed, and why."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bsm_desk.services.interpreters import board as roster_board
from bsm_desk.services.interpreters.problem import Problem
from bsm_desk.services.interpreters.reasons import booth_name
from bsm_desk.services.interpreters.solver import Roster


def _roster_tr(text: str) -> str:
    return QCoreApplication.translate("Roster", text)


class ReviewDialog(QDialog):
    def __init__(self, asked: Problem, roster: Roster, changes: list[roster_board.Change],
                 name: Callable[[int], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Roster: the solver's proposal"))
        status = {"optimal": self.tr("proven optimal"),
                  "feasible": self.tr("the best found in the time limit"),
                  "infeasible": self.tr("no roster keeps the locked seats")}[roster.status]
        summary = QLabel(self.tr(
            "{staffed} of {total} booths staffed ({status}, {seconds:.1f} s). {changes} "
            "booths change; the others stay as they are. Accept to make it the roster "
            "(Ctrl+Z undoes it).").format(
            staffed=len(roster.seatings) - len(roster.unstaffed), total=len(roster.seatings),
            status=status, seconds=roster.seconds, changes=len(changes)))
        summary.setWordWrap(True)
        self.changes = QListWidget()
        for change in changes:
            need = change.need
            start = need.meeting.starts_at.astimezone(asked.zone)
            end = need.meeting.ends_at.astimezone(asked.zone)
            before = ", ".join(name(i) for i in change.before) or "—"
            after = ", ".join(name(i) for i in change.after) or "—"
            self.changes.addItem(f"{start:%d.%m %H:%M}–{end:%H:%M} · {need.room} · "
                                 f"{_roster_tr(booth_name(need.booth))}: {before} → {after}")
        self.problems = QListWidget()
        for text in [*(b.render(_roster_tr) for b in roster.breaches),
                     *(s.reason.render(_roster_tr) for s in roster.unstaffed if s.reason),
                     *(r.render(_roster_tr) for _m, _l, r in roster.relay_missing)]:
            item = QListWidgetItem(text)
            item.setForeground(Qt.GlobalColor.darkRed)
            self.problems.addItem(item)
        self.problems.setVisible(self.problems.count() > 0)
        self.problems.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.accept_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.accept_button.setText(self.tr("Accept the proposal"))
        self.accept_button.setEnabled(roster.status != "infeasible" and not roster.cancelled)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("Keep the roster as it stands"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(QLabel(self.tr("Changes:")))
        layout.addWidget(self.changes, 2)
        if self.problems.count():
            layout.addWidget(QLabel(self.tr("Not staffed:")))
            layout.addWidget(self.problems, 1)
        layout.addWidget(buttons)
        self.resize(900, 520)
