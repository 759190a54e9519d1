"""Likely duplicates side by side: merge keeping either record, or say they differ."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bsm_desk.domain.errors import UserError
from bsm_desk.domain.people import Delegate
from bsm_desk.domain.validation import mask_passport
from bsm_desk.services.operators import Acting
from bsm_desk.services.registry import duplicates
from bsm_desk.services.registry import queries as registry_queries
from bsm_desk.services.registry.duplicates import Pair
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.errors import translate_error
from bsm_desk.ui.widgets.people_model import GENDERS, STATUSES, model_text

if TYPE_CHECKING:
    from sqlite_utils import Database

SHOWN = ("family_name", "given_name", "family_name_cyr", "given_name_cyr", "gender",
         "delegation_id", "category_id", "function_en", "email", "phone", "passport_no",
         "birth_date", "status")


class DuplicatesDialog(QDialog):
    def __init__(self, db: Database, *, who: Acting,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.who = db, who
        self.changed = False
        self.pairs: list[Pair] = []
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._show_pair)
        self.compare = QTableWidget(len(SHOWN), 2)
        self.compare.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.compare.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.reason = QLabel()
        self.keep_left = QPushButton()
        self.keep_right = QPushButton()
        self.different = QPushButton()
        self.keep_left.clicked.connect(lambda: self._merge(0))
        self.keep_right.clicked.connect(lambda: self._merge(1))
        self.different.clicked.connect(self._dismiss)
        self.empty = QLabel()
        buttons = QHBoxLayout()
        for button in (self.keep_left, self.keep_right, self.different):
            buttons.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        right = QVBoxLayout()
        right.addWidget(self.reason)
        right.addWidget(self.compare, 1)
        right.addLayout(buttons)
        body = QHBoxLayout()
        body.addWidget(self.list, 2)
        body.addLayout(right, 5)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addLayout(body, 1)
        layout.addWidget(close)
        self.resize(1100, 620)
        lang = i18n.language()
        self._delegations = {d.id: d.name(lang) for d in registry_queries.delegations(db)}
        self._categories = {c.id: c.name(lang) for c in registry_queries.categories(db)}
        i18n.follow_language(self)
        self.refresh()

    def refresh(self) -> None:
        self.pairs = duplicates.find_duplicates(self.db)
        self.list.clear()
        for pair in self.pairs:
            self.list.addItem(f"{pair.first.latin_name}  ↔  {pair.second.latin_name}")
        has_pairs = bool(self.pairs)
        for widget in (self.keep_left, self.keep_right, self.different):
            widget.setEnabled(has_pairs)
        self.empty.setText(self.tr("%n likely duplicate pair(s).", "", len(self.pairs))
                           if has_pairs else self.tr("No likely duplicates."))
        if has_pairs:
            self.list.setCurrentRow(0)
        else:
            self.compare.clearContents()
            self.reason.clear()

    def current(self) -> Pair | None:
        row = self.list.currentRow()
        return self.pairs[row] if 0 <= row < len(self.pairs) else None

    def _value(self, d: Delegate, name: str) -> str:
        value = getattr(d, name)
        if name == "gender":
            return model_text(GENDERS[value.value])
        if name == "status":
            return model_text(STATUSES[value.value])
        if name == "delegation_id":
            return self._delegations.get(value, "")
        if name == "category_id":
            return self._categories.get(value, "")
        if name == "passport_no":
            return mask_passport(value)
        return "" if value is None else str(value)

    def _show_pair(self, row: int) -> None:
        pair = self.current()
        if pair is None:
            return
        self.reason.setText(self.tr("Why: {reason} (names {score}% alike)").format(
            reason=QCoreApplication.translate("Duplicates", pair.reason), score=pair.score))
        self.compare.setHorizontalHeaderLabels([f"#{pair.ids[0]}", f"#{pair.ids[1]}"])
        for r, name in enumerate(SHOWN):
            left, right = self._value(pair.first, name), self._value(pair.second, name)
            for c, text in enumerate((left, right)):
                item = QTableWidgetItem(text)
                if left != right:  # where the two records differ
                    item.setBackground(self.palette().alternateBase())
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.compare.setItem(r, c, item)

    def _merge(self, keep_side: int) -> None:
        pair = self.current()
        if pair is None:
            return
        keep, drop = pair.ids if keep_side == 0 else pair.ids[::-1]
        try:
            duplicates.merge(self.db, keep, drop, who=self.who)
        except UserError as exc:
            self.reason.setText(translate_error(exc))
            return
        self.changed = True
        self.refresh()

    def _dismiss(self) -> None:
        pair = self.current()
        if pair is None:
            return
        duplicates.dismiss(self.db, *pair.ids, who=self.who)
        self.refresh()


    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Likely duplicates"))
        self.keep_left.setText(self.tr("Merge, keep the &left record"))
        self.keep_right.setText(self.tr("Merge, keep the &right record"))
        self.different.setText(self.tr("&Not the same person"))
        labels = {
            "family_name": self.tr("Family name"), "given_name": self.tr("Given name"),
            "family_name_cyr": self.tr("Family name (Cyrillic)"),
            "given_name_cyr": self.tr("Given name (Cyrillic)"), "gender": self.tr("Gender"),
            "delegation_id": self.tr("Delegation"), "category_id": self.tr("Category"),
            "function_en": self.tr("Function"), "email": self.tr("E-mail"),
            "phone": self.tr("Phone"), "passport_no": self.tr("Passport"),
            "birth_date": self.tr("Date of birth"), "status": self.tr("Status"),
        }
        self.compare.setVerticalHeaderLabels([labels[name] for name in SHOWN])
