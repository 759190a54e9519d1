"""The event's interpreters' rules in one table the user can read and change: each rule
in words, its value, its unit and AIIC's default. All are checked before any is kept."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bsm_desk import config
from bsm_desk.services.interpreters import rostering
from bsm_desk.services.operators import acting_at
from bsm_desk.ui.shell.errors import translate_error

if TYPE_CHECKING:
    from sqlite_utils import Database

RULE = Qt.ItemDataRole.UserRole
VALUE = 1  # the column that is edited


class RulesDialog(QDialog):
    def __init__(self, db: Database, settings: config.Settings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.settings = db, settings
        self.setWindowTitle(self.tr("Interpreters' rules"))
        intro = QLabel(self.tr("AIIC's rules are the defaults; change a value for this "
                               "event (double-click it). Solve again to apply them."))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Rule"), self.tr("Value"), self.tr("Unit"), self.tr("Default")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.RestoreDefaults
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.fill(rostering.rules_table(db))
        self.resize(820, 420)

    def fill(self, rows: list[dict[str, str]]) -> None:
        self.table.setRowCount(len(rows))
        for row, rule in enumerate(rows):
            texts = [QCoreApplication.translate("Roster", rule["meaning"]), rule["value"],
                     QCoreApplication.translate("Roster", rostering.UNITS[rule["unit"]]),
                     rule["default"]]
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(RULE, rule["rule"])
                if column != VALUE:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        assert item is not None  # every cell is filled
        return item

    def values(self) -> dict[str, str]:
        return {self._cell(r, VALUE).data(RULE): self._cell(r, VALUE).text()
                for r in range(self.table.rowCount())}

    def restore_defaults(self) -> None:
        for row in range(self.table.rowCount()):
            self._cell(row, VALUE).setText(self._cell(row, 3).text())

    def save(self) -> None:
        try:
            rostering.set_rules(self.db, self.values(), reset=True,
                                who=acting_at(self.db, self.settings))
        except Exception as exc:  # noqa: BLE001 - said in the dialog; nothing kept
            self.error.setText(translate_error(exc))
            return
        self.accept()
