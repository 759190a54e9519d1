"""Beside the verdict: who is in (by category, against who is expected) and the last scans."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bsm_desk.domain.checkin import CheckinRow as Row
from bsm_desk.domain.checkin import Kind
from bsm_desk.domain.model import Category
from bsm_desk.ui.checkin.verdict_panel import look
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.icons import icon
from bsm_desk.ui.shell.theme import give_role

ACCEPTED = QColor("#1b7f3b")
REFUSED = QColor("#c62828")


class CheckinSide(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone: tzinfo | None = None
        self.total = QLabel()
        give_role(self.total, "subtitle")
        self.figures = QTableWidget(0, 2)
        self.figures.verticalHeader().setVisible(False)
        self.figures.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.figures.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        self.figures.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.figures.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.recent_label = QLabel()
        give_role(self.recent_label, "subtitle")
        self.recent = QListWidget()
        self.undo = QPushButton()
        self.undo.setIcon(icon("undo"))
        for widget in (self.figures, self.recent, self.undo):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.total)
        layout.addWidget(self.figures, 2)
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent, 3)
        layout.addWidget(self.undo)
        self._last: tuple[list[tuple[Category, int, int]], list[Row]] = ([], [])
        i18n.follow_language(self)

    def clear(self) -> None:
        self.show_figures([], [])

    def show_figures(self, counters: list[tuple[Category, int, int]], recent: list[Row]) -> None:
        self._last = (counters, recent)
        lang = i18n.language()
        done = sum(c[1] for c in counters)
        expected = sum(c[2] for c in counters)
        self.total.setText(self.tr("Checked in: {done} of {expected}").format(
            done=i18n.number(done), expected=i18n.number(expected)))
        self.figures.setRowCount(len(counters))
        for row, (category, count, wanted) in enumerate(counters):
            name = QTableWidgetItem(category.name(lang))
            name.setForeground(QBrush(QColor(category.colour)))
            self.figures.setItem(row, 0, name)
            figure = QTableWidgetItem(f"{i18n.number(count)} / {i18n.number(wanted)}")
            figure.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.figures.setItem(row, 1, figure)
        self.recent.clear()
        for entry in recent:
            at = entry.at.astimezone(self.zone).strftime("%H:%M:%S")
            if entry.verdict == "UNDO":
                text = self.tr("{at}  undone: {name} ({reason})").format(
                    at=at, name=entry.name or f"#{entry.delegate_id}", reason=entry.reason)
                colour = QColor("#6b7280")
            else:
                try:
                    english, russian, shade = look(Kind(entry.verdict), entry.accepted)
                except ValueError:  # a verdict this version does not know
                    english = russian = entry.verdict
                    shade = ACCEPTED.name() if entry.accepted else REFUSED.name()
                label = russian if lang == "ru" else english
                who = entry.name or (f"#{entry.delegate_id}" if entry.delegate_id
                                     else entry.code[:24])
                text = f"{at}  {label} — {who}"
                colour = QColor(shade)
            item = QListWidgetItem(text)
            item.setForeground(QBrush(colour))
            self.recent.addItem(item)


    def retranslate_ui(self) -> None:
        self.figures.setHorizontalHeaderLabels([self.tr("Category"), self.tr("In / expected")])
        self.recent_label.setText(self.tr("Last scans here"))
        self.undo.setText(self.tr("Undo the last check-in (Ctrl+Z)"))
        self.show_figures(*self._last)

