"""The History screen (a supervisor's): the audit trail, newest first, with filters by
operator, time and words; what each entry changed, field by field; and a check of the
whole chain (``audit verify``) on demand."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bsm_desk import config
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP
from bsm_desk.domain.operators import Permission, Refused
from bsm_desk.services import operators
from bsm_desk.services.event import Overview
from bsm_desk.services.operators import trail, trail_words
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.errors import translate_error
from bsm_desk.ui.shell.icons import icon

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent
    from sqlite_utils import Database

PAGE = 500  # entries fetched at a time
ACTION_WORDS = {
    "insert": QT_TRANSLATE_NOOP("HistoryScreen", "added"),
    "update": QT_TRANSLATE_NOOP("HistoryScreen", "changed"),
    "delete": QT_TRANSLATE_NOOP("HistoryScreen", "removed"),
    "baseline": QT_TRANSLATE_NOOP("HistoryScreen", "as first logged"),
    "sign_in": QT_TRANSLATE_NOOP("HistoryScreen", "signed in"),
    "sign_out": QT_TRANSLATE_NOOP("HistoryScreen", "signed out"),
    "sign_in_failed": QT_TRANSLATE_NOOP("HistoryScreen", "sign-in failed"),
    "sign_in_locked": QT_TRANSLATE_NOOP("HistoryScreen", "sign-in while locked"),
    "reveal": QT_TRANSLATE_NOOP("HistoryScreen", "personal data shown"),
    "personal_data_sealed": QT_TRANSLATE_NOOP("HistoryScreen", "personal data sealed"),
    "purged": QT_TRANSLATE_NOOP("HistoryScreen", "personal data purged"),
    "hub_add_desk": QT_TRANSLATE_NOOP("HistoryScreen", "desk enrolled on the hub"),
    "hub_remove_desk": QT_TRANSLATE_NOOP("HistoryScreen", "desk removed from the hub"),
}
COLUMNS = 6


class HistoryScreen(QWidget):
    message = Signal(str)
    changed = Signal()  # never: reading the history changes nothing

    def __init__(self, settings: config.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.db: Database | None = None
        self.overview: Overview | None = None
        self.rows: list[dict[str, Any]] = []

        self.who = QComboBox()
        self.who.setMinimumContentsLength(18)
        self.since_on = QCheckBox()
        self.since = QDateEdit()
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("dd.MM.yyyy")
        self.since.setEnabled(False)
        self.since_on.toggled.connect(self.since.setEnabled)
        self.words = QLineEdit()
        self.words.setClearButtonEnabled(True)
        self.apply_button = QPushButton(icon("filter"), "")
        self.verify_button = QPushButton(icon("check"), "")
        self.more_button = QPushButton()
        for signal in (self.who.currentIndexChanged, self.since_on.toggled,
                       self.since.dateChanged, self.words.returnPressed):
            signal.connect(self.reload)
        self.apply_button.clicked.connect(self.reload)
        self.verify_button.clicked.connect(self.verify)
        self.more_button.clicked.connect(self.load_more)

        self.table = QTableWidget(0, COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            COLUMNS - 1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._show_detail)
        self.detail = QPlainTextEdit(readOnly=True)
        self.refusal = QLabel()
        self.refusal.setWordWrap(True)
        self.refusal.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.refusal.hide()

        filters = QHBoxLayout()
        self.who_label, self.since_label, self.words_label = QLabel(), QLabel(), QLabel()
        for widget in (self.who_label, self.who, self.since_label, self.since_on, self.since,
                       self.words_label, self.words, self.apply_button):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.verify_button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        layout.addWidget(self.title)
        layout.addLayout(filters)
        layout.addWidget(self.refusal, 1)
        layout.addWidget(split, 1)
        bottom = QHBoxLayout()
        self.count = QLabel()
        bottom.addWidget(self.count)
        bottom.addStretch(1)
        bottom.addWidget(self.more_button)
        layout.addLayout(bottom)
        self.split = split
        self.retranslate_ui()
        i18n.follow_language(self)

    # -- the Screen protocol -------------------------------------------------------------
    def load(self, db: Database, overview: Overview, path: Path | None = None) -> None:
        self.db, self.overview = db, overview
        if self.isVisible():
            self.reload()

    def set_overview(self, overview: Overview) -> None:
        self.overview = overview

    def follow(self, changes: object) -> None:
        """New entries in the trail: read it again from the newest."""
        if self.db is not None:
            self.reload()

    def unload(self) -> None:
        self.db, self.overview, self.rows = None, None, []
        self.table.setRowCount(0)
        self.detail.clear()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    # -- reading ---------------------------------------------------------------------------
    def _filters(self) -> dict[str, Any]:
        since = None
        if self.since_on.isChecked():
            day = self.since.date().toPython()
            zone = self.overview.event.zone if self.overview else UTC
            since = datetime.combine(day, time(0), zone).astimezone(UTC).strftime(  # type: ignore[arg-type]
                "%Y-%m-%dT%H:%M:%S")
        who = self.who.currentData()
        return {"operator": who or None, "since": since}

    def reload(self) -> None:
        self.rows = []
        self.table.setRowCount(0)
        self.detail.clear()
        self._fill_operators()
        self.load_more()

    def _fill_operators(self) -> None:
        if self.db is None:
            return
        keep = self.who.currentData()
        self.who.blockSignals(True)
        self.who.clear()
        self.who.addItem(self.tr("Everyone"), "")
        try:
            for name in trail.operators_seen(self.db):
                self.who.addItem(name, name)
        finally:
            index = self.who.findData(keep) if keep else 0
            self.who.setCurrentIndex(max(index, 0))
            self.who.blockSignals(False)

    def load_more(self) -> None:
        if self.db is None:
            return
        before = self.rows[-1]["id"] if self.rows else None
        try:
            found = trail.show(self.db, who=operators.acting_at(self.db, self.settings),
                               limit=PAGE, newest_first=True, before_id=before,
                               **self._filters())
        except Refused as exc:
            self._refused(exc)
            return
        self.refusal.hide()
        self.split.show()
        words = self.words.text().strip().casefold()
        if words:
            found = [r for r in found if words in json.dumps(r, ensure_ascii=False).casefold()]
        start = len(self.rows)
        self.rows.extend(found)
        self._render(start)
        self.more_button.setEnabled(len(found) == PAGE)

    def _render(self, start: int = 0) -> None:
        """Rows from ``start`` on, in the window's language (again, after a switch)."""
        if self.db is None:
            return
        zone = self.overview.event.zone if self.overview else UTC
        shown = self.rows[start:]
        words = trail_words.describe_all(self.db, shown, i18n.language())
        self.table.setRowCount(len(self.rows))
        for n, (row, (template, fields)) in enumerate(zip(shown, words, strict=True), start):
            action = ACTION_WORDS.get(row["action"])
            what = _say(template, fields) if row["table"] else _action_detail(row)
            for column, text in enumerate((_local(row["at"], zone), row["operator"] or "—",
                                           self._role(row["role"]),
                                           QApplication.translate("HistoryScreen", action)
                                           if action else row["action"],
                                           row["desk_id"][:8], what)):
                self.table.setItem(n, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self._count()

    def _count(self) -> None:
        self.count.setText(self.tr("%Ln entries shown", "", len(self.rows)))

    def _refused(self, exc: Refused) -> None:
        self.split.hide()
        self.refusal.setText(translate_error(exc))
        self.refusal.show()
        self.count.clear()
        self.more_button.setEnabled(False)

    def _role(self, role: str) -> str:
        from bsm_desk.domain.operators import ROLE_WORDS, Role

        try:
            return QApplication.translate("Operators", ROLE_WORDS[Role(role)])
        except ValueError:
            return role

    def _show_detail(self) -> None:
        selected = self.table.currentRow()
        if not 0 <= selected < len(self.rows):
            self.detail.clear()
            return
        row = self.rows[selected]
        lines = [f"{field}: {_short(old)} → {_short(new)}"
                 for field, old, new in trail.changed_fields(row["before"], row["after"])]
        self.detail.setPlainText("\n".join(lines) or (row["after"] or ""))

    def verify(self) -> None:
        if self.db is None:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            verdict = trail.verify(self.db)
        finally:
            QApplication.restoreOverrideCursor()
        if verdict.ok:
            QMessageBox.information(self, self.tr("History"), self.tr(
                "The audit trail holds: {count} entries, unbroken, and every table agrees "
                "with it.").format(count=verdict.entries))
        else:
            QMessageBox.warning(self, self.tr("History"), "\n".join(
                verdict.messages(QApplication.translate)[:20]))

    def allowed(self) -> bool:
        return self.db is not None and operators.allows(self.db, Permission.HISTORY)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("History: every change, who made it and when"))
        self.who_label.setText(self.tr("Operator:"))
        self.since_label.setText(self.tr("Since:"))
        self.words_label.setText(self.tr("Containing:"))
        self.words.setPlaceholderText(self.tr("a name, a table, an action…"))
        self.apply_button.setText(self.tr("Show"))
        self.verify_button.setText(self.tr("Verify the chain"))
        self.more_button.setText(self.tr("Older entries"))
        self.table.setHorizontalHeaderLabels([
            self.tr("When"), self.tr("Operator"), self.tr("Role"), self.tr("Action"),
            self.tr("Desk"), self.tr("What")])
        if self.who.count():
            self.who.setItemText(0, self.tr("Everyone"))
        if self.rows:
            self._render()  # the actions and what they touched, in the new language
        else:
            self.table.resizeColumnsToContents()
        if not self.since.date().isValid() or self.since.date() == QDate(2000, 1, 1):
            self.since.setDate(QDate.currentDate())


def _local(at: str, zone: Any) -> str:
    try:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return at
    return moment.astimezone(zone).strftime("%d.%m %H:%M:%S")


def _say(template: str, fields: dict[str, Any]) -> str:
    """A template of services.operators.trail_words, translated and filled."""
    filled = {key: _say(*value) if isinstance(value, tuple) else value
              for key, value in fields.items()}
    text = QApplication.translate("Trail", template)
    try:
        return text.format(**filled)
    except (KeyError, IndexError, ValueError):  # a translation that lost a field
        return template.format(**filled)


def _short(value: Any) -> str:
    text = "—" if value is None else str(value)
    return text if len(text) <= 80 else text[:77] + "…"


def _action_detail(row: dict[str, Any]) -> str:
    try:
        detail = json.loads(row["after"] or "{}")
    except ValueError:
        return ""
    if not isinstance(detail, dict):
        return ""
    return ", ".join(f"{k}: {v}" for k, v in detail.items() if k != "role")[:120]
