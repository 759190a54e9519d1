"""The Badges screen: find a delegate, see the badge as it will print, print it.

The list is the registry without the cancelled; "Not printed yet" narrows it to the
people still waiting for a badge (print on arrival). The preview is the real PDF of
the selected badge, rendered by PDFium, so what is seen is what prints.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bsm_desk import config
from bsm_desk.domain.model import BadgeLayout as Layout
from bsm_desk.domain.model import ReissueReason
from bsm_desk.domain.names import slug
from bsm_desk.domain.operators import Permission
from bsm_desk.domain.people import DelegateQuery
from bsm_desk.services.event import Overview
from bsm_desk.services.registry import queries as registry_queries
from bsm_desk.ui.badges.actions import BadgeActions
from bsm_desk.ui.badges.model import BadgesModel
from bsm_desk.ui.badges.preview import BadgePreview
from bsm_desk.ui.badges.service import badge_service
from bsm_desk.ui.shell import errors, i18n
from bsm_desk.ui.shell.icons import icon
from bsm_desk.ui.shell.theme import give_role, unshaped
from bsm_desk.ui.widgets.filters import fill_choices, reselect, select_only_row
from bsm_desk.ui.widgets.people_model import FIRST

if TYPE_CHECKING:
    from sqlite_utils import Database


class BadgesScreen(QWidget):
    changed = Signal()
    message = Signal(str)

    def __init__(self, settings: config.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.badge_actions: BadgeActions  # made below, once the widgets it acts on exist
        self.settings = settings
        self.db: Database | None = None
        self.db_path: Path | None = None
        self.model: BadgesModel | None = None
        self._overview: Overview | None = None
        self._loaded = False
        self._waiting: int | None = None  # badges not printed yet, while nothing changes
        self.title = QLabel()
        give_role(self.title, "title")
        self.count = QLabel()
        give_role(self.count, "subtitle")

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(180)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.search.returnPressed.connect(self._take_first)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        self.delegation = QComboBox()
        self.delegation.setMinimumContentsLength(14)
        self.delegation.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.category = QComboBox()
        self.category.setMinimumContentsLength(12)
        self.category.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.unprinted = QCheckBox()
        for combo in (self.delegation, self.category):
            combo.currentIndexChanged.connect(self._apply_filter)
        self.unprinted.toggled.connect(self._apply_filter)

        self.table = QTableView()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setWordWrap(False)
        unshaped(self.table)
        self.table.doubleClicked.connect(lambda _: self.badge_actions.print_selected())

        self._preview_timer = QTimer(self, singleShot=True, interval=0)
        self._preview_timer.timeout.connect(self.update_preview)

        self.badge_actions = BadgeActions(self, self)
        self.badge_preview = BadgePreview(self.badge_actions.reason_text)
        self.badge_preview.layout_changed.connect(self.update_preview)
        # The tests and the window know these by the screen's names.
        self.preview, self.info = self.badge_preview.preview, self.badge_preview.info
        self.layout_box = self.badge_preview.layout_box
        side = QVBoxLayout()
        side.addWidget(self.badge_preview)
        self.buttons: list[QToolButton] = []
        acts = self.badge_actions

        def buttons(*actions: QAction) -> QHBoxLayout:
            line = QHBoxLayout()
            for action in actions:
                button = QToolButton()
                button.setDefaultAction(action)
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
                line.addWidget(button)
                self.buttons.append(button)
            line.addStretch(1)
            return line

        # The selected badge's verbs beside its preview; the whole list's above the list.
        for row in ((acts.print_one, acts.reprint), (acts.pdf_one,),
                    (acts.photo, acts.remove_photo)):
            side.addLayout(buttons(*row))
        side.addStretch(1)

        filters = QHBoxLayout()
        for widget in (self.search, self.delegation, self.category, self.unprinted):
            filters.addWidget(widget)
        filters.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(filters)
        left.addLayout(buttons(acts.print_all, acts.pdf_all))
        left.addWidget(self.table, 1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addSpacing(12)
        body.addLayout(side)
        page = QVBoxLayout(self)
        page.setContentsMargins(18, 14, 18, 14)
        page.addWidget(self.title)
        page.addWidget(self.count)
        page.addLayout(body, 1)
        i18n.follow_language(self)

    # -- data ------------------------------------------------------------------------
    def load(self, db: Database, overview: Overview, path: Path | None = None) -> None:
        self._waiting = None
        self.unload()
        self.db, self.db_path, self._overview = db, path, overview
        self.model = BadgesModel(db, self)
        self.model.zone = overview.event.zone
        self.model.modelReset.connect(self._update_count)
        self._loaded = False
        self._fill_filters()
        if self.isVisible():
            self._first_show()

    def set_access(self, allows: Callable[[Permission], bool],
                   why_not: Callable[[Permission], str]) -> None:
        """A desk prints a badge on arrival; batches, reprints and photos are a
        registrar's: not offered to a role that may not (the services refuse it anyway)."""
        acts = self.badge_actions
        for act, permission in ((acts.reprint, Permission.PRINT_BADGES),
                                (acts.print_all, Permission.PRINT_BADGES),
                                (acts.pdf_all, Permission.PRINT_BADGES),
                                (acts.photo, Permission.EDIT_DELEGATES),
                                (acts.remove_photo, Permission.EDIT_DELEGATES)):
            act.setVisible(allows(permission))

    def set_overview(self, overview: Overview) -> None:
        self._waiting = None
        self._overview = overview
        keep = self.selected_id()
        self._fill_filters()
        if self._loaded and self.model is not None:
            self.model.set_query(self.model.query)
            if keep is not None:
                self.select(keep)

    def follow(self, changes: object) -> None:
        """Someone wrote to the file: states, names and the preview as they are now,
        the same person chosen and the list where it was."""
        self._waiting = None
        if not self._loaded or self.model is None:
            return
        keep = self.selected_id()
        scroll = self.table.verticalScrollBar().value()
        self.model.set_query(self.model.query)
        if keep is not None:
            self.select(keep)
        self.table.verticalScrollBar().setValue(scroll)
        self._update_count()
        self.update_preview()
        self.badge_actions.update_enabled()

    def unload(self) -> None:
        self.table.setModel(None)
        if self.model is not None:
            self.model.deleteLater()
        self.model, self.db, self._overview = None, None, None
        self.badge_preview.clear()

    def _first_show(self) -> None:
        if self.model is None or self._loaded:
            return
        self._loaded = True
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.model.set_query(DelegateQuery(lang=i18n.language()))
        self.table.setModel(self.model)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._fit_columns()
        self.badge_actions.update_enabled()
        self._update_count()
        self.update_preview()  # nobody chosen yet: the preview says what to do

    def _fit_columns(self) -> None:
        """Each column as wide as its longest text among the first rows (a long delegation
        name or the badge state is not cut), within reason; the list scrolls sideways
        when they do not all fit."""
        header = self.table.horizontalHeader()
        # The first rows measured (those ordered at once): enough, and quick at 100,000.
        header.setResizeContentsPrecision(FIRST)
        self.table.resizeColumnsToContents()
        for column in range(header.count() - 1):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column) + 12, 230))

    def showEvent(self, event: QShowEvent) -> None:
        self._first_show()
        super().showEvent(event)

    def badge_layout(self) -> Layout:
        return self.badge_preview.badge_layout()

    def selected_id(self) -> int | None:
        if self.model is None or self.table.selectionModel() is None:
            return None
        rows = self.table.selectionModel().selectedRows()
        return self.model.delegate_id(rows[0].row()) if rows else None

    def list_ids(self) -> list[int]:
        return list(self.model.ids()) if self.model is not None else []

    def listed(self) -> int:
        """How many the list shows (without ordering them all)."""
        return self.model.rowCount() if self.model is not None else 0

    def file_name(self, delegate_id: int | None) -> str:
        """What to call a PDF of one badge, or of the list as filtered:
        ``badge-rahmonov-jamshed-a6.pdf``, ``badges-tajikistan-not-printed-a6.pdf``."""
        layout = self.badge_layout().value
        if delegate_id is not None and self.db is not None:
            person = registry_queries.find(self.db, delegate_id)
            if person is not None:
                return f"{slug('badge', person.family_name, person.given_name, layout)}.pdf"
        parts = ["badges"]
        ov = self._overview
        # In English whatever the interface language: the same file name on every desk.
        if self.delegation.currentData() is not None and ov is not None:
            parts += [d.name("en") for d in ov.delegations if d.id == self.delegation.currentData()]
        if self.category.currentData() is not None and ov is not None:
            parts += [c.name("en") for c in ov.categories if c.id == self.category.currentData()]
        if self.unprinted.isChecked():
            parts.append("not printed")
        return f"{slug(*parts, layout)}.pdf"

    def select(self, delegate_id: int) -> bool:
        row = self.model.row_of(delegate_id) if self.model is not None else None
        if row is None or self.model is None:
            return False
        select_only_row(self.table, row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def badges_changed(self, ids: list[int]) -> None:
        """Badges were printed or reissued: fresh states, preview and figures."""
        self._waiting = None
        if self.model is not None:
            if self.model.query.unprinted_only:
                self.model.set_query(self.model.query)
            else:
                self.model.forget(ids)
        self._update_count()
        self.update_preview()
        self.badge_actions.update_enabled()
        self.changed.emit()

    def reprint(self, delegate_id: int, reason: ReissueReason) -> None:
        """Asked from elsewhere (a corrected name): show the delegate and reprint."""
        if self.unprinted.isChecked():
            self.unprinted.setChecked(False)
        self.search.clear()
        self._apply_filter()
        self.select(delegate_id)
        self.badge_actions.reissue_and_print(delegate_id, reason)

    def show_error(self, exc: BaseException) -> None:
        errors.show_error(self, self.tr("Badges"), exc)

    # -- preview -----------------------------------------------------------------------
    def _selection_changed(self) -> None:
        self.badge_actions.update_enabled()
        self._preview_timer.start()

    def update_preview(self) -> None:
        self.badge_preview.show_badge(self.db, self.selected_id(),
                                      self._overview.event.zone if self._overview else None)

    # -- filters -----------------------------------------------------------------------
    def _fill_filters(self) -> None:
        fill_choices(self.delegation, self.category, self._overview, i18n.language(),
                     self.tr("All delegations"), self.tr("All categories"))

    def _apply_filter(self) -> None:
        self._search_timer.stop()
        if self.model is None or not self._loaded:
            return
        text = self.search.text().strip()
        query = self.model.query
        sort = "relevance" if text else ("name" if query.sort == "relevance" else query.sort)
        self.model.set_query(replace(query, delegation_id=self.delegation.currentData(),
                                     category_id=self.category.currentData(), search=text,
                                     sort=sort, unprinted_only=self.unprinted.isChecked()))
        self.badge_actions.update_enabled()
        self._preview_timer.start()

    def _take_first(self) -> None:
        """Enter in the search field: the best match is selected, ready for Ctrl+P."""
        self._apply_filter()
        if self.model is not None and self.model.rowCount():
            self.select(self.model.delegate_id(0))

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _update_count(self) -> None:
        if self.model is None or self.db is None:
            self.count.clear()
            return
        if self._waiting is None:  # counted again only when badges change, not per keystroke
            self._waiting = len(badge_service().unprinted(self.db))
        self.count.setText(self.tr("In the list: {shown} · badges not printed yet: {waiting}")
                           .format(shown=i18n.number(self.model.rowCount()),
                                   waiting=i18n.number(self._waiting)))

    # -- language --------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Badges"))
        self.search.setPlaceholderText(self.tr("Find a name (Ctrl+F), Enter to pick"))
        self.unprinted.setText(self.tr("&Not printed yet"))
        self.unprinted.setToolTip(self.tr("Print on arrival: only delegates whose current "
                                          "badge has not been printed"))
        self.badge_preview.retranslate_ui()
        self.badge_actions.retranslate_ui()
        self._fill_filters()
        if self.model is not None and self._loaded:
            chosen = [i for i in [self.selected_id()] if i is not None]
            self.model.set_language(i18n.language())
            reselect(self.table, self.model, chosen)  # the same people, in the new language
            self._fit_columns()
        if self.selected_id() is None:
            self.update_preview()  # its empty state in the new language
        self._update_count()
        self.update_preview()
