"""Choosing registered delegates (panellists, speakers): type a name, Enter, pick.

A single match is added at once; several are listed to double-click. Double-click a
chosen person (or select and press Delete) to take them off.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from bsm_desk.services.registry.queries import delegates as get_delegates
from bsm_desk.services.registry.search import search
from bsm_desk.ui.shell import i18n

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent
    from sqlite_utils import Database

Finder = Callable[[str], list[tuple[int, str]]]


class _ChosenList(QListWidget):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.currentItem():
            self.takeItem(self.currentRow())
            return
        super().keyPressEvent(event)


class PeoplePicker(QWidget):
    def __init__(self, find_people: Finder | None, chosen: list[tuple[int, str]] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.find_people = find_people
        self.chosen = _ChosenList()
        self.chosen.setMaximumHeight(90)
        self.chosen.itemDoubleClicked.connect(
            lambda item: self.chosen.takeItem(self.chosen.row(item)))
        self.name_field = QLineEdit()
        self.name_field.setPlaceholderText(
            self.tr("Type a name and press Enter to add a panellist"))
        self.name_field.returnPressed.connect(self._find)
        self.found = QListWidget()
        self.found.setMaximumHeight(90)
        self.found.itemDoubleClicked.connect(
            lambda item: self.add(item.data(Qt.ItemDataRole.UserRole), item.text()))
        for delegate_id, name in chosen or []:
            self.add(delegate_id, name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chosen)
        layout.addWidget(self.name_field)
        layout.addWidget(self.found)
        self.name_field.setEnabled(find_people is not None)

    def _find(self) -> None:
        self.found.clear()
        if self.find_people is None:
            return
        for delegate_id, name in self.find_people(self.name_field.text()):
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, delegate_id)
            self.found.addItem(item)
        if self.found.count() == 1:
            self.add(self.found.item(0).data(Qt.ItemDataRole.UserRole),
                     self.found.item(0).text())

    def add(self, delegate_id: int, name: str) -> None:
        if delegate_id in self.ids():
            return
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, delegate_id)
        self.chosen.addItem(item)

    def ids(self) -> list[int]:
        return [self.chosen.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.chosen.count())]


def delegate_finder(db: Database) -> Finder:
    """Search the registry (Latin or Cyrillic, fuzzy) for the picker."""
    def find(text: str) -> list[tuple[int, str]]:
        lang = i18n.language()
        return [(hit.id, f"{hit.family_name.upper()} {hit.given_name} — {hit.delegation}")
                for hit in search(db, text, limit=8, lang=lang)]
    return find


def named(db: Database, ids: Iterable[int]) -> list[tuple[int, str]]:
    """Chosen delegates as the picker lists them."""
    return [(d.id or 0, d.latin_name) for d in get_delegates(db, sorted(set(ids)))]
