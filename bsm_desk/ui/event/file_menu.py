"""The File menu's verbs on the event file: the first start's choice (the demo, a new
event, a file), a new event, open one, rebuild the demo, save a backup copy and put one
back. Each says what went wrong in the user's language and keeps the event that was
open."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QStatusBar, QWidget

from bsm_desk import config, paths
from bsm_desk.domain.errors import DB_EXISTS, UserError

if TYPE_CHECKING:
    from sqlite_utils import Database

    from bsm_desk.services.event import Overview
    from bsm_desk.ui.event.file_care import EventFileCare
    from bsm_desk.ui.shell.workers import Progress


class FileHost(Protocol):
    """What the File menu's verbs need of the window."""

    settings: config.Settings
    db: Database | None
    db_path: Path | None
    overview: Overview | None
    care: EventFileCare

    def open_database(self, path: str | Path) -> bool: ...

    def close_database(self) -> None: ...

    def show_error(self, exc: BaseException) -> None: ...

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 - Qt's name


DB_FILTER = "*.sqlite *.db"  # what an event file is called, in the file dialogs


class EventFileActions(QObject):
    """The File menu's verbs, for ``host`` with ``widget`` as the parent of their
    dialogs."""

    def __init__(self, host: FileHost, widget: QWidget) -> None:
        super().__init__(widget)
        self.host, self.widget = host, widget

    def _databases(self) -> str:
        return self.tr("Event databases") + f" ({DB_FILTER})"

    def first_start(self) -> bool:
        """No event yet: the demo, a new event or a file, until one opens or the user
        cancels (False: quit)."""
        from bsm_desk.ui.shell.first_start import FirstStartDialog  # not at every start

        while True:
            dialog = FirstStartDialog(self.widget)
            if not dialog.exec():
                return False
            if dialog.choice == FirstStartDialog.DEMO and self.build_demo_now():
                return True
            if dialog.choice == FirstStartDialog.NEW and self.new_event():
                return True
            if dialog.choice == FirstStartDialog.OPEN and self.open_file():
                return True

    def build_demo_now(self) -> bool:
        """Build the 700-delegate demo in the GUI thread: it takes a fraction of a second."""
        from bsm_desk.services import demo as demo_service

        host = self.host
        target = paths.demo_db()
        if host.db_path == target.resolve():
            host.close_database()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            demo_service.build_demo(target, desk_id=host.settings.desk_id, force=True,
                                    showcase=True)
        except UserError as exc:
            QApplication.restoreOverrideCursor()
            host.show_error(exc)
            return False
        QApplication.restoreOverrideCursor()
        return host.open_database(target)

    def open_demo(self) -> None:
        """File > Open the demo conference: rebuilt fresh, in the background."""
        from bsm_desk.services import demo as demo_service
        from bsm_desk.ui.shell.workers import run_with_progress

        host = self.host
        target = paths.demo_db()
        if host.db_path == target.resolve():
            host.close_database()

        def job(progress: Progress) -> Path:
            return demo_service.build_demo(target, desk_id=host.settings.desk_id, force=True,
                                           progress=progress, showcase=True).path

        run_with_progress(self.widget, self.tr("Building the demo conference…"), job,
                          on_done=host.open_database, on_failed=host.show_error)

    def new_event(self) -> bool:
        from PySide6.QtWidgets import QFileDialog

        from bsm_desk.services.event.making import create_event
        from bsm_desk.ui.event.new_event import NewEventDialog

        host = self.host
        dialog = NewEventDialog(self.widget)
        if not dialog.exec():
            return False
        spec = dialog.spec()
        slug = re.sub(r"[^A-Za-z0-9]+", "-", spec.title_en).strip("-").lower()[:40] or "event"
        suggested = paths.data_dir() / f"{slug}-{spec.start_date.year}.sqlite"
        path, _ = QFileDialog.getSaveFileName(self.widget, self.tr("Save the new event as"),
                                              str(suggested), self._databases())
        if not path:
            return False
        if not Path(path).suffix:
            path += ".sqlite"
        try:
            if Path(path).exists():
                raise UserError(DB_EXISTS, path=path)
            db = create_event(path, spec, desk_id=host.settings.desk_id)
            db.close()
        except UserError as exc:
            host.show_error(exc)
            return False
        return host.open_database(path)

    def open_file(self) -> bool:
        from PySide6.QtWidgets import QFileDialog

        host = self.host
        start = str(host.db_path.parent if host.db_path else paths.data_dir())
        path, _ = QFileDialog.getOpenFileName(self.widget, self.tr("Open an event"), start,
                                              self._databases())
        return bool(path) and host.open_database(path)

    def backup(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from bsm_desk.services.event.making import save_backup
        from bsm_desk.services.operators import acting_at

        host = self.host
        if host.db is None or host.db_path is None:
            return
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        suggested = host.db_path.with_name(f"{host.db_path.stem}-backup-{stamp}.sqlite")
        path, _ = QFileDialog.getSaveFileName(self.widget, self.tr("Save a backup copy"),
                                              str(suggested), self._databases())
        if not path:
            return
        try:
            done = save_backup(host.db, path,
                                             who=acting_at(host.db, host.settings))
        except UserError as exc:
            host.show_error(exc)
            return
        host.statusBar().showMessage(self.tr("Backup saved to {path}").format(path=done), 8000)

    def restore(self) -> None:
        host = self.host
        if host.db_path is None:
            return
        zone = host.overview.event.zone if host.overview and host.overview.event else None
        host.care.choose_and_restore(host.db_path, zone)
