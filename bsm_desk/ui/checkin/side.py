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
SHADE = Qt.ItemDataRole.UserRole  # the colour an item was last given, as text


def _write_over(item: QTableWidgetItem | QListWidgetItem, text: str,
                colour: str | None) -> None:
    """An item given ``text`` and ``colour`` (None: its own), only what differs from
    what it shows."""
    if item.text() != text:
        item.setText(text)
    if colour is not None and item.data(SHADE) != colour:
        item.setData(SHADE, colour)
        item.setForeground(QBrush(QColor(colour)))


def _write(table: QTableWidget, row: int, column: int, text: str, colour: str | None,
           align: Qt.AlignmentFlag | None = None) -> None:
    """One cell of ``table`` written over (made the first time)."""
    item = table.item(row, column)
    if item is None:
        item = QTableWidgetItem()
        if align is not None:
            item.setTextAlignment(align)
        table.setItem(row, column, item)
    _write_over(item, text, colour)


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
        """Shown after every scan: the rows that changed are written over (a scan changes
        one count and shifts the last scans by one), nothing made anew."""
        self._last = (counters, recent)
        lang = i18n.language()
        done = sum(c[1] for c in counters)
        expected = sum(c[2] for c in counters)
        self.total.setText(self.tr("Checked in: {done} of {expected}").format(
            done=i18n.number(done), expected=i18n.number(expected)))
        self.figures.setRowCount(len(counters))
        for row, (category, count, wanted) in enumerate(counters):
            _write(self.figures, row, 0, category.name(lang), category.colour)
            _write(self.figures, row, 1, f"{i18n.number(count)} / {i18n.number(wanted)}",
                   None, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        lines = [self._line(entry, lang) for entry in recent]
        while self.recent.count() > len(lines):
            self.recent.takeItem(self.recent.count() - 1)
        for row, (text, colour) in enumerate(lines):
            item = self.recent.item(row)
            if item is None:
                item = QListWidgetItem()
                self.recent.addItem(item)
            _write_over(item, text, colour)

    def _line(self, entry: Row, lang: str) -> tuple[str, str]:
        """One of the last scans: its text and colour."""
        at = entry.at.astimezone(self.zone).strftime("%H:%M:%S")
        if entry.verdict == "UNDO":
            return self.tr("{at}  undone: {name} ({reason})").format(
                at=at, name=entry.name or f"#{entry.delegate_id}",
                reason=entry.reason), "#6b7280"
        try:
            english, russian, shade = look(Kind(entry.verdict), entry.accepted)
        except ValueError:  # a verdict this version does not know
            english = russian = entry.verdict
            shade = ACCEPTED.name() if entry.accepted else REFUSED.name()
        label = russian if lang == "ru" else english
        who = entry.name or (f"#{entry.delegate_id}" if entry.delegate_id
                             else entry.code[:24])
        return f"{at}  {label} — {who}", shade

    def retranslate_ui(self) -> None:
        self.figures.setHorizontalHeaderLabels([self.tr("Category"), self.tr("In / expected")])
        self.recent_label.setText(self.tr("Last scans here"))
        self.undo.setText(self.tr("Undo the last check-in (Ctrl+Z)"))
        self.show_figures(*self._last)

