"""Delegations: each one's type (a Member State, an organization, civil society, other)
and its names in English and Russian, as lists and badges show them. An imported list
names a delegation in one language only, and a "Delegation" column does not say what it
is: this is where a registrar puts both right (bsm-desk delegations edit does the same).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP
from bsm_desk.domain.model import Delegation, DelegationType
from bsm_desk.services import registry
from bsm_desk.services.operators import Acting
from bsm_desk.ui.shell.errors import translate_error
from bsm_desk.ui.widgets.filters import select_only_row

if TYPE_CHECKING:
    from sqlite_utils import Database

TYPE_WORDS = {
    DelegationType.MEMBER_STATE: QT_TRANSLATE_NOOP("DelegationsDialog", "Member State"),
    DelegationType.INTERNATIONAL_ORGANIZATION: QT_TRANSLATE_NOOP(
        "DelegationsDialog", "International organization"),
    DelegationType.CIVIL_SOCIETY: QT_TRANSLATE_NOOP("DelegationsDialog", "Civil society"),
    DelegationType.OTHER: QT_TRANSLATE_NOOP("DelegationsDialog", "Other"),
}
NAME_EN, NAME_RU, KIND, ISO = range(4)


class DelegationsDialog(QDialog):
    def __init__(self, db: Database, *, who: Acting,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.who = db, who
        self.saved = 0
        self.delegations = registry.delegations(db)
        self.note = QLabel(self.tr(
            "The type decides where a delegation stands in the List of Participants and on "
            "the list of speakers; both names are printed on badges and lists."))
        self.note.setWordWrap(True)
        self.table = QTableWidget(len(self.delegations), 4)
        self.table.setHorizontalHeaderLabels([self.tr("Name in English"),
                                              self.tr("Name in Russian"), self.tr("Type"),
                                              self.tr("ISO code")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME_EN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(NAME_RU, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(KIND, QHeaderView.ResizeMode.ResizeToContents)
        for row, delegation in enumerate(self.delegations):
            self.table.setItem(row, NAME_EN, QTableWidgetItem(delegation.name_en))
            self.table.setItem(row, NAME_RU, QTableWidgetItem(delegation.name_ru))
            self.table.setItem(row, ISO, QTableWidgetItem(delegation.iso_code or ""))
            kind = QComboBox()
            for value, words in TYPE_WORDS.items():
                kind.addItem(self.tr(words), value.value)
            kind.setCurrentIndex(kind.findData(delegation.type.value))
            self.table.setCellWidget(row, KIND, kind)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("Delegations"))
        self.resize(900, 560)

    def edited(self, row: int) -> Delegation:
        """Row ``row`` as it stands in the table."""
        kind = self.table.cellWidget(row, KIND)
        assert isinstance(kind, QComboBox)
        def text(column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item is not None else ""

        return replace(self.delegations[row], name_en=text(NAME_EN), name_ru=text(NAME_RU),
                       iso_code=text(ISO) or None, type=DelegationType(kind.currentData()))

    def save(self) -> None:
        """Every changed delegation saved; the first one refused is shown and chosen,
        the dialog stays open (those before it are saved)."""
        for row, before in enumerate(self.delegations):
            after = self.edited(row)
            if after == before:
                continue
            try:
                self.delegations[row] = registry.save_delegation(
                    self.db, after, who=self.who)
            except Exception as exc:  # noqa: BLE001 - the refusal, in words; nothing lost
                select_only_row(self.table, row)
                QMessageBox.warning(self, self.tr("Delegations"),
                                    f"{after.name_en or after.name_ru}: {translate_error(exc)}")
                return
            self.saved += 1
        self.accept()
