"""Names that match what was typed at a desk (Latin or Cyrillic), for the fallback when a
badge will not scan: pick with the arrow keys and Enter, or a click."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from bsm_desk.services.registry.search import search

if TYPE_CHECKING:
    from sqlite_utils import Database


class NameResults(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the typing stays in the scan field
        self.setMaximumHeight(180)
        self.setVisible(False)

    def fill(self, db: Database, text: str, lang: str) -> None:
        """The best matches, the first one chosen; hidden when there are none."""
        self.clear()
        for hit in search(db, text, limit=8, lang=lang):
            cyrillic = f"{hit.family_name_cyr} {hit.given_name_cyr}".strip()
            label = f"{hit.family_name.upper()} {hit.given_name}"
            label += f" · {cyrillic}" if cyrillic else ""
            item = QListWidgetItem(f"{label} — {hit.delegation}")
            item.setData(Qt.ItemDataRole.UserRole, hit.id)
            self.addItem(item)
        if self.count():
            self.setCurrentRow(0)
        self.setVisible(self.count() > 0)

    def step(self, by: int) -> None:
        self.setCurrentRow(max(0, min(self.count() - 1, self.currentRow() + by)))

    def chosen(self) -> int | None:
        item = self.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))
