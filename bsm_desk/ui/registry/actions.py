"""What staff do on the Delegates screen: add, edit, import, find duplicates, and change
several people at once, with Undo for the last change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from bsm_desk.domain.errors import UserError
from bsm_desk.domain.people import Delegate
from bsm_desk.services import operators, registry
from bsm_desk.services.operators import Acting
from bsm_desk.services.registry import Changes
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.errors import show_error
from bsm_desk.ui.shell.i18n import follow_language
from bsm_desk.ui.shell.icons import icon

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtCore import SignalInstance
    from sqlite_utils import Database

    from bsm_desk import config
    from bsm_desk.services.event import Overview
    from bsm_desk.ui.widgets.people_model import DelegatesModel


class RegistryHost(Protocol):
    """What the Delegates screen's verbs need of it."""

    settings: config.Settings
    db: Database | None
    db_path: Path | None
    model: DelegatesModel | None
    reprint_requested: SignalInstance

    @property
    def overview(self) -> Overview | None: ...

    def selected_ids(self) -> list[int]: ...

    def reload(self, select: int | None = None) -> None: ...

    def reopen(self) -> None: ...

    def status_message(self, text: str) -> None: ...


class DelegateActions(QObject):
    """The Delegates screen's verbs, for ``host`` (what they read and refresh) with
    ``widget`` as the parent of their actions and dialogs."""

    def __init__(self, host: RegistryHost, widget: QWidget) -> None:
        super().__init__(widget)
        self.host = host
        self.widget = widget
        self._undo: tuple[str, Changes] | None = None

        def action(icon_name: str | None, slot: Callable[[], object],
                   shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None
                   ) -> QAction:
            act = QAction(icon(icon_name) if icon_name else icon("delegates"), "", widget)
            act.triggered.connect(lambda _=False: slot())
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            widget.addAction(act)
            return act

        self.add = action("add", self.add_delegate, "Ctrl+Shift+N")
        self.edit = action("edit", self.edit_delegate, "Ctrl+E")
        self.import_ = action("import", self.import_list, "Ctrl+I")
        self.duplicates = action("duplicates", self.find_duplicates)
        self.delegations = action(None, self.edit_delegations)
        self.category = action(None, self.change_category)
        self.credentials = action("check", self.mark_credentials)
        self.cancel = action("cancel", self.cancel_registration)
        self.undo = action("undo", self.undo_last, QKeySequence.StandardKey.Undo)
        self.selection_actions = (self.edit, self.category, self.credentials, self.cancel)
        self.update_enabled()
        follow_language(self)

    # -- helpers --------------------------------------------------------------------------
    def _who(self) -> Acting:
        """Who acts now (the operator signed in, else this desk), for a service call."""
        return operators.acting_at(self._db(), self.host.settings)

    def update_enabled(self) -> None:
        chosen = len(self.host.selected_ids())
        ready = self.host.model is not None
        for act in (self.add, self.import_, self.duplicates, self.delegations):
            act.setEnabled(ready)
        self.edit.setEnabled(chosen == 1)
        for act in (self.category, self.credentials, self.cancel):
            act.setEnabled(chosen >= 1)
        self.undo.setEnabled(self._undo is not None)

    def _changed(self, label: str, before: Changes) -> None:
        if before:
            self._undo = (label, before)
        self.host.reload()
        self.update_enabled()
        self.retranslate_ui()
        self.host.status_message(self.tr("{what}: %n delegate(s) changed. Ctrl+Z undoes it.",
                                           "", len(before)).format(what=label))

    def _error(self, exc: Exception) -> None:
        show_error(self.widget, self.tr("Delegates"), exc)

    # -- one person ----------------------------------------------------------------------
    def add_delegate(self) -> None:
        self._open_dialog(None)

    def edit_delegate(self) -> None:
        ids = self.host.selected_ids()
        if len(ids) == 1:
            self._open_dialog(ids[0])

    def _open_dialog(self, delegate_id: int | None) -> None:
        from bsm_desk.services.registry.queries import find as get_delegate
        from bsm_desk.ui.registry.delegate_dialog import DelegateDialog

        db, overview = self.host.db, self.host.overview
        if db is None or overview is None:
            return
        original = get_delegate(db, delegate_id) if delegate_id is not None else None
        dialog = DelegateDialog(db, overview, original, parent=self.widget, who=self._who())
        if dialog.exec() and dialog.saved_id is not None:
            self.host.reload(select=dialog.saved_id)
            self._offer_reprint(original, dialog.saved_id)

    def _offer_reprint(self, original: Delegate | None, delegate_id: int) -> None:
        from bsm_desk.services import badges
        from bsm_desk.services.registry.queries import find as get_delegate

        db = self.host.db
        saved = get_delegate(db, delegate_id) if db is not None else None
        if db is None or original is None or saved is None \
                or not badges.printed_name_changed(db, original, saved):
            return
        answer = QMessageBox.question(
            self.widget, self.tr("Reprint the badge?"),
            self.tr("{name} already has a printed badge with the old name. Print a new badge "
                    "now? The old one will scan as REVOKED.").format(
                name=saved.name(i18n.language())))
        if answer == QMessageBox.StandardButton.Yes:
            self.host.reprint_requested.emit(delegate_id)

    # -- many people ---------------------------------------------------------------------
    def change_category(self) -> None:
        overview = self.host.overview
        ids = self.host.selected_ids()
        if overview is None or not ids:
            return
        lang = i18n.language()
        names = [c.name(lang) for c in overview.categories]
        name, ok = QInputDialog.getItem(
            self.widget, self.tr("Change category"),
            self.tr("New category for %n delegate(s):", "", len(ids)), names, 0, False)
        if ok:
            chosen = overview.categories[names.index(name)]
            assert chosen.id is not None
            self._bulk(self.tr("Category changed"),
                       lambda: registry.set_category(self._db(), ids, chosen.id or 0,
                                                     who=self._who()))

    def mark_credentials(self) -> None:
        ids = self.host.selected_ids()
        if ids:
            self._bulk(self.tr("Credentials received"),
                       lambda: registry.mark_credentials(self._db(), ids, date.today(),
                                                         who=self._who()))

    def cancel_registration(self) -> None:
        ids = self.host.selected_ids()
        if not ids:
            return
        answer = QMessageBox.question(
            self.widget, self.tr("Cancel registration"),
            self.tr("Cancel the registration of %n delegate(s)? Ctrl+Z undoes it.", "",
                    len(ids)))
        if answer == QMessageBox.StandardButton.Yes:
            self._bulk(self.tr("Registration cancelled"),
                       lambda: registry.cancel(self._db(), ids, who=self._who()))

    def undo_last(self) -> None:
        if self._undo is None:
            return
        label, before = self._undo
        try:
            again = registry.restore(self._db(), before, who=self._who())
        except UserError as exc:
            self._error(exc)
            return
        self._undo = None
        self.host.reload()
        self.update_enabled()
        self.host.status_message(self.tr("Undone: {what} (%n delegate(s)).", "",
                                           len(again)).format(what=label))

    def _bulk(self, label: str, work: Callable[[], Changes]) -> None:
        try:
            before = work()
        except UserError as exc:
            self._error(exc)
            return
        self._changed(label, before)

    def _db(self):  # type: ignore[no-untyped-def]
        assert self.host.db is not None
        return self.host.db

    # -- import and duplicates -----------------------------------------------------------
    def import_list(self) -> None:
        from bsm_desk.ui.registry.import_wizard import ImportWizard

        if self.host.db is None:
            return
        wizard = ImportWizard(self.host.db_path, parent=self.widget, who=self._who())
        if wizard.exec() and wizard.imported:
            self.host.reopen()

    def find_duplicates(self) -> None:
        from bsm_desk.ui.registry.duplicates_dialog import DuplicatesDialog

        if self.host.db is None:
            return
        dialog = DuplicatesDialog(self.host.db, parent=self.widget, who=self._who())
        dialog.exec()
        if dialog.changed:
            self.host.reload()

    def edit_delegations(self) -> None:
        from bsm_desk.ui.registry.delegations_dialog import DelegationsDialog

        if self.host.db is None:
            return
        dialog = DelegationsDialog(self.host.db, parent=self.widget, who=self._who())
        dialog.exec()
        if dialog.saved:
            self.host.reopen()  # new names and order in the filters and the list
            self.host.status_message(self.tr("Delegations saved: {count}.").format(
                count=dialog.saved))

    # -- language ------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.add.setText(self.tr("&Add delegate…"))
        self.edit.setText(self.tr("&Edit…"))
        self.import_.setText(self.tr("&Import a list…"))
        self.duplicates.setText(self.tr("Find &duplicates…"))
        self.delegations.setText(self.tr("De&legations…"))
        self.delegations.setToolTip(self.tr("Each delegation's type (a Member State, an "
                                            "organization…) and its names in both languages"))
        self.category.setText(self.tr("Change &category…"))
        self.credentials.setText(self.tr("Mark credentials &received"))
        self.cancel.setText(self.tr("Ca&ncel registration…"))
        label = self._undo[0] if self._undo else ""
        self.undo.setText(self.tr("&Undo {what}").format(what=label.lower()) if label
                          else self.tr("&Undo"))
        for act in (self.credentials, self.cancel, self.undo, self.edit, self.add):
            act.setToolTip(act.text().replace("&", "").rstrip("…"))
