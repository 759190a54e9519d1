"""Looking after the open event file: automatic backups, the full integrity check in
the background, restoring a backup, and what to do when a file turns out damaged.

The main window hands over only what this needs (callables to close and open an
event, and to show a message), not itself.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from bsm_desk import config
from bsm_desk.domain.errors import DatabaseDamaged, UserError
from bsm_desk.services.event.files import IntegrityCheck
from bsm_desk.ui.event.backup_keeper import BackupKeeper
from bsm_desk.ui.shell.errors import show_error, translate_error

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from bsm_desk.ui.shell.workers import Progress

translate = QCoreApplication.translate  # the name lupdate looks for


# The window opens an event without making its first paint wait for a check: SQLite's
# quick check runs in the background at once (a damaged file is said within moments),
# the full check a little later, so that the first screens and scans do not share the
# processor with it.
CHECK_DELAY_MS = 3000


class EventFileCare(QObject):
    def __init__(self, settings: config.Settings, parent: QWidget, *,
                 close_event: Callable[[], None], open_event: Callable[[Path], bool],
                 show_message: Callable[[str], None]) -> None:
        super().__init__(parent)
        self.settings = settings
        self.window = parent
        self.close_event = close_event
        self.open_event = open_event
        self.show_message = show_message
        self.keeper = BackupKeeper(settings, self)
        self.keeper.made.connect(lambda path: self.show_message(
            translate("EventFileCare", "Automatic backup: {path}").format(path=path)))
        self.keeper.failed.connect(lambda exc: self.show_message(
            translate("EventFileCare", "The automatic backup failed: {reason}").format(
                reason=translate_error(exc))))
        self.path: Path | None = None
        self._checking: IntegrityCheck | None = None  # the full check, while it runs

    # -- the open event -------------------------------------------------------------
    def opened(self, path: Path) -> None:
        self.path = path
        self.keeper.watch(path)
        QTimer.singleShot(0, self, lambda: self._check_in_background(path, quick=True))

    def closing(self) -> None:
        self.keeper.final()
        self.keeper.watch(None)
        self.path = None
        if self._checking is not None:  # the window need not wait for it to end
            self._checking.interrupt()

    def _check_in_background(self, path: Path, *, quick: bool = False) -> None:
        if self.path != path:
            return

        from bsm_desk.ui.shell.workers import start

        check = self._checking = IntegrityCheck(path, quick=quick)

        def job(_: Progress) -> list[str]:
            return check.run()

        def done(problems: list[str]) -> None:
            if self._checking is check:
                self._checking = None
            if problems and self.path == path:
                self.offer_restore(path, " ".join("; ".join(problems).split())[:300])
            elif quick:  # sound at a glance: the full check in a while
                QTimer.singleShot(CHECK_DELAY_MS, self,
                                  lambda: self._check_in_background(path))

        def failed(_exc: BaseException) -> None:
            if self._checking is check:  # a file that cannot be read says so where used
                self._checking = None

        start(job, on_progress=lambda _d, _t: None, on_done=done, on_failed=failed,
              owner=self)

    # -- damage and restoring -------------------------------------------------------
    def damaged(self, exc: DatabaseDamaged, path: Path) -> bool:
        """Opening ``path`` found it damaged: offer its latest backup. True if an event
        (the restored one) is now open."""
        return self.offer_restore(path, exc.fields.get("reason", ""))

    def offer_restore(self, path: Path, reason: str) -> bool:
        from PySide6.QtWidgets import QMessageBox  # its type made only when it is needed

        from bsm_desk.services.event import backups

        latest = backups.latest(path, into=self.settings.backup_folder or None)
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(translate("EventFileCare", "The event file is damaged"))
        box.setText(translate("EventFileCare", "{name} is damaged: desks must stop writing "
                                               "to it.").format(name=path.name))
        box.setInformativeText(
            translate("EventFileCare", "SQLite reports: {reason}").format(reason=reason)
            + "\n\n" + (translate("EventFileCare", "The latest automatic backup is "
                                                   "{name}.").format(name=latest.name)
                        if latest else translate("EventFileCare", "No automatic backup of "
                                                                  "it was found.")))
        restore_latest = (box.addButton(translate("EventFileCare", "Restore the latest backup"),
                                        QMessageBox.ButtonRole.AcceptRole) if latest else None)
        choose = box.addButton(translate("EventFileCare", "Choose a backup…"),
                               QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if restore_latest is not None and box.clickedButton() is restore_latest:
            assert latest is not None
            return self.restore(path, latest)
        if box.clickedButton() is choose:
            return self.choose_and_restore(path, None, confirm=False)
        return False

    def choose_and_restore(self, path: Path, zone: tzinfo | None, *,
                           confirm: bool = True) -> bool:
        from PySide6.QtWidgets import QMessageBox

        from bsm_desk.ui.event.restore_backup import RestoreBackupDialog

        dialog = RestoreBackupDialog(path, self.settings.backup_folder or None, zone,
                                     self.window)
        if not dialog.exec() or dialog.chosen is None:
            return False
        if confirm and QMessageBox.question(
                self.window, translate("EventFileCare", "Restore a backup"),
                translate("EventFileCare", "Replace {name} with the backup {backup}? The "
                                           "current file is kept aside.").format(
                    name=path.name, backup=dialog.chosen.name)) \
                != QMessageBox.StandardButton.Yes:
            return False
        return self.restore(path, dialog.chosen)

    def restore(self, path: Path, backup: Path) -> bool:
        from bsm_desk.services.event import backups

        self.keeper.watch(None)  # no last backup of the file being replaced
        self.close_event()
        try:
            aside = backups.restore(path, backup)
        except UserError as exc:
            show_error(self.window, translate("EventFileCare", "Restore a backup"), exc)
            self.open_event(path)
            return False
        if not self.open_event(path):
            return False
        self.show_message(
            translate("EventFileCare", "Restored from {backup}; the replaced file is kept as "
                                       "{aside}.").format(backup=backup.name,
                                                          aside=aside.name if aside else "—"))
        return True
