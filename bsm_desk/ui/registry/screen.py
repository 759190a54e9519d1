"""The Delegates screen: everyone registered, filtered by delegation, category and status."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bsm_desk import config
from bsm_desk.domain.model import DelegateStatus
from bsm_desk.domain.operators import Permission
from bsm_desk.domain.people import DelegateQuery, honorific
from bsm_desk.services import registry
from bsm_desk.services.event import Overview
from bsm_desk.ui.registry.actions import DelegateActions
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.icons import icon
from bsm_desk.ui.shell.theme import give_role, unshaped
from bsm_desk.ui.widgets.filters import fill_choices, reselect, select_only_row
from bsm_desk.ui.widgets.people_model import STATUSES, DelegatesModel, model_text

if TYPE_CHECKING:
    from sqlite_utils import Database


class DelegatesScreen(QWidget):
    changed = Signal()  # the registry changed: the window refreshes its figures
    message = Signal(str)  # for the status bar
    reprint_requested = Signal(int)  # a printed badge's name was corrected

    def __init__(self, settings: config.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.delegate_actions: DelegateActions  # made below, once its widgets exist
        self.settings = settings
        self.model: DelegatesModel | None = None
        self.db: Database | None = None
        self.db_path: Path | None = None
        self._loaded = False
        self._overview: Overview | None = None
        self.title = QLabel()
        give_role(self.title, "title")
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._search_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.search.returnPressed.connect(self._apply_filter)
        self.find_shortcut = QShortcut(QKeySequence.StandardKey.Find, self)
        self.find_shortcut.activated.connect(self.focus_search)
        self.count = QLabel()
        give_role(self.count, "subtitle")
        self.delegation_label = QLabel()
        self.delegation = QComboBox()
        self.delegation.setMinimumContentsLength(16)
        self.delegation.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.category_label = QLabel()
        self.category = QComboBox()
        self.status_label = QLabel()
        self.status = QComboBox()
        self.category.setMinimumContentsLength(14)  # long names are cut in the box only
        self.category.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.status.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for label, combo in ((self.delegation_label, self.delegation),
                             (self.category_label, self.category),
                             (self.status_label, self.status)):
            label.setBuddy(combo)
            combo.currentIndexChanged.connect(self._apply_filter)

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        self.table = QTableView()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(lambda _: self.delegate_actions.edit_delegate())
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setWordWrap(False)
        unshaped(self.table)

        filters = QHBoxLayout()
        filters.addWidget(self.search)
        filters.addSpacing(12)
        for label, combo in ((self.delegation_label, self.delegation),
                             (self.category_label, self.category),
                             (self.status_label, self.status)):
            filters.addWidget(label)
            filters.addWidget(combo)
        filters.addStretch(1)
        self.delegate_actions = DelegateActions(self, self)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        acts = self.delegate_actions
        for act in (acts.add, acts.edit, acts.import_, acts.duplicates, acts.delegations):
            self.toolbar.addAction(act)
        self.toolbar.addSeparator()
        for act in (acts.credentials, acts.cancel, acts.undo):
            # Icons only: their names are long in Russian; the tooltip says what they do.
            self.toolbar.addAction(act)
            button = self.toolbar.widgetForAction(act)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        heading = QHBoxLayout()
        heading.addWidget(self.title)
        heading.addStretch(1)
        heading.addWidget(self.toolbar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addLayout(heading)
        layout.addWidget(self.count)
        layout.addLayout(filters)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        i18n.follow_language(self)

    # -- data ------------------------------------------------------------------------
    @property
    def overview(self) -> Overview | None:
        return self._overview

    def load(self, db: Database, overview: Overview, path: Path | None = None) -> None:
        """Take a newly opened event; the list itself is read when the screen is shown."""
        self.unload()
        self._overview = overview
        self.db, self.db_path = db, path
        self.model = DelegatesModel(db, self)
        self.model.modelReset.connect(self._update_count)
        self._loaded = False
        self._fill_filters()
        if self.isVisible():
            self._first_show()

    def _first_show(self) -> None:
        if self.model is None or self._loaded:
            return
        self._loaded = True
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.model.set_query(DelegateQuery(lang=i18n.language()))
        self.table.setModel(self.model)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.delegate_actions.update_enabled())
        for column, width in enumerate((230, 200, 90, 240, 190, 260)):
            self.table.setColumnWidth(column, width)
        self.delegate_actions.update_enabled()

    def showEvent(self, event: QShowEvent) -> None:
        self._first_show()
        super().showEvent(event)

    def unload(self) -> None:
        """Forget the database (it is being closed)."""
        self.table.setModel(None)
        if self.model is not None:
            self.model.deleteLater()
        self.model = None
        self.db = None
        self._overview = None

    def set_access(self, allows: Callable[[Permission], bool],
                   why_not: Callable[[Permission], str]) -> None:
        """What the signed-in operator's role may not do is not offered (the services
        refuse it anyway, in words)."""
        acts = self.delegate_actions
        for act, permission in ((acts.add, Permission.EDIT_DELEGATES),
                                (acts.import_, Permission.IMPORT),
                                (acts.duplicates, Permission.MERGE),
                                (acts.delegations, Permission.EDIT_DELEGATES),
                                (acts.credentials, Permission.EDIT_DELEGATES),
                                (acts.cancel, Permission.EDIT_DELEGATES),
                                (acts.undo, Permission.EDIT_DELEGATES)):
            act.setVisible(allows(permission))

    def set_overview(self, overview: Overview) -> None:
        """New figures and lists (delegations may have been added) after a change."""
        self._overview = overview
        self._fill_filters()
        self._update_count()
        self._show_banner()

    def selected_ids(self) -> list[int]:
        if self.model is None or self.table.selectionModel() is None:
            return []
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.delegate_id(r) for r in rows]

    def follow(self, changes: object) -> None:
        """Someone wrote to the file: the list again, as it is now."""
        self.reload(announce=False)

    def reload(self, select: int | None = None, announce: bool = True) -> None:
        """Read the list again (after an edit), keeping the filters and the position;
        ``announce``: tell the window the registry changed (not when it told us)."""
        if self.model is None or not self._loaded:
            return
        keep = select if select is not None else next(iter(self.selected_ids()), None)
        scroll = self.table.verticalScrollBar().value()
        self.model.set_query(self.model.query)
        self.table.verticalScrollBar().setValue(scroll)
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            select_only_row(self.table, row)
            self.table.scrollTo(self.model.index(row, 0))
            self.table.verticalScrollBar().setValue(scroll)
        if announce:
            self.changed.emit()

    def reopen(self) -> None:
        """After an import the delegations may be new: the window reopens the event."""
        self.changed.emit()
        self.reload()

    def status_message(self, text: str) -> None:
        self.message.emit(text)

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        acts = self.delegate_actions
        for act in (acts.edit, None, acts.category, acts.credentials, acts.cancel, None,
                    acts.undo):
            if act is None:
                menu.addSeparator()
            else:
                menu.addAction(act)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def _show_banner(self) -> None:
        delegation_id = self.delegation.currentData()
        summary = (registry.delegation_summary(self.db, delegation_id)
                   if self.db is not None and delegation_id else None)
        if summary is None:
            self.banner.setVisible(False)
            return
        lang = i18n.language()
        head = summary.head
        text = self.tr("{name}: %n member(s), {women} women.", "", summary.members).format(
            name=summary.delegation.name(lang), women=summary.women)
        text += " " + (self.tr("Head of delegation: {head}.").format(
            head=f"{honorific(head.honorific, lang)} {head.name(lang)}".strip()) if head
            else self.tr("No head of delegation yet."))
        if summary.size_limit:
            text += " " + self.tr("Limit: {limit}.").format(limit=summary.size_limit)
        over = summary.over_limit
        if over:
            text += " " + self.tr("%n over the limit.", "", over)
        colour = "#b26a00" if over or head is None else "palette(text)"
        self.banner.setStyleSheet(f"QLabel {{ color: {colour}; padding: 6px 8px;"
                                  " border: 1px solid palette(midlight); border-radius: 6px;"
                                  " background: palette(base); }")
        self.banner.setText(text)
        self.banner.setVisible(True)

    def _fill_filters(self) -> None:
        fill_choices(self.delegation, self.category, self._overview, i18n.language(),
                     self.tr("All delegations"), self.tr("All categories"))
        keep = self.status.currentData()
        self.status.blockSignals(True)
        self.status.clear()
        self.status.addItem(self.tr("Any status"), None)
        for status in DelegateStatus:
            self.status.addItem(model_text(STATUSES[status.value]), status.value)
        self.status.setCurrentIndex(max(self.status.findData(keep), 0))
        self.status.blockSignals(False)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _apply_filter(self) -> None:
        self._search_timer.stop()
        if self.model is None or not self._loaded:
            return
        status = self.status.currentData()
        text = self.search.text().strip()
        query = self.model.query
        sort, descending = query.sort, query.descending
        header = self.table.horizontalHeader()
        if text and not query.search:  # a new search: best matches first
            sort, descending = "relevance", False
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        elif not text and query.sort == "relevance":
            sort, descending = "name", False
            header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.model.set_query(replace(
            query, delegation_id=self.delegation.currentData(),
            category_id=self.category.currentData(),
            status=DelegateStatus(status) if status else None,
            search=text, sort=sort, descending=descending,
        ))
        self._show_banner()

    def _update_count(self) -> None:
        total = self._overview.delegates if self._overview else 0
        shown = self.model.rowCount() if self.model else 0
        if self.model is not None and self.model.near_misses:
            self.count.setText(self.tr("No exact match for “{text}”; the nearest names:")
                               .format(text=self.search.text().strip()))
            return
        self.count.setText(self.tr("Showing %Ln of {total} delegates", "", shown)
                           .format(total=i18n.number(total)))

    # -- language --------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Delegates"))
        self.delegation_label.setText(self.tr("&Delegation:"))
        self.category_label.setText(self.tr("C&ategory:"))
        self.status_label.setText(self.tr("&Status:"))
        self.search.setPlaceholderText(self.tr("Find a name, in Latin or Cyrillic (Ctrl+F)"))
        if self.model is not None:
            self._fill_filters()
            if self._loaded:
                chosen = self.selected_ids()
                self.model.set_language(i18n.language())
                reselect(self.table, self.model, chosen)  # the same people, in the new language
        self._update_count()
        self._show_banner()
