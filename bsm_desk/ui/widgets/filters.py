"""The delegation and category pickers that filter a list of delegates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel

from bsm_desk.services.event import Overview
from bsm_desk.ui.widgets.people_model import DelegatesModel

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QTableView


def fill_choices(delegation: QComboBox, category: QComboBox, overview: Overview | None,
                 lang: str, all_delegations: str, all_categories: str) -> None:
    """Refill both pickers in ``lang``, keeping what was chosen, without emitting."""
    keep = (delegation.currentData(), category.currentData())
    for combo in (delegation, category):
        combo.blockSignals(True)
        combo.clear()
    delegation.addItem(all_delegations, None)
    category.addItem(all_categories, None)
    if overview is not None:
        for d in sorted(overview.delegations, key=lambda d: d.name(lang).casefold()):
            delegation.addItem(d.name(lang), d.id)
        for c in overview.categories:
            category.addItem(c.name(lang), c.id)
    for combo, value in zip((delegation, category), keep, strict=True):
        combo.setCurrentIndex(max(combo.findData(value), 0))
        combo.blockSignals(False)


def select_only_row(table: QTableView, row: int) -> None:
    """Make ``row`` the selection and the current row, whatever keys are held: a table's
    own ``selectRow`` acts as a click does, so with Shift down (an operator picking rows
    when another desk's change reloads the list) it selected a range from an old anchor,
    or nothing at all."""
    selection, model = table.selectionModel(), table.model()
    if selection is None or model is None or not 0 <= row < model.rowCount():
        return
    flags = QItemSelectionModel.SelectionFlag
    selection.setCurrentIndex(model.index(row, 0), flags.ClearAndSelect | flags.Rows)


def reselect(table: QTableView, model: DelegatesModel, ids: list[int]) -> None:
    """Select these delegates again (after the list was rebuilt, in another language)."""
    selection = table.selectionModel()
    if selection is None:
        return
    flags = QItemSelectionModel.SelectionFlag
    for row in model.rows_of(ids):
        selection.select(model.index(row, 0), flags.Select | flags.Rows)
    rows = model.rows_of(ids[:1])
    if rows:
        table.scrollTo(model.index(rows[0], 0))
