"""What the Check-in screen does beyond taking scans: undo this desk's last check-in here
(the reason asked and recorded), the checkpoint's rules, and the camera as a second
scanner. Each goes through the services as whoever is signed in at this desk."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QWidget

from bsm_desk.services.operators import acting_at
from bsm_desk.ui.shell.errors import show_error

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from sqlite_utils import Database

    from bsm_desk import config
    from bsm_desk.services.checkin import Desk
    from bsm_desk.ui.checkin.camera import CameraScanner
    from bsm_desk.ui.checkin.scans import ScanQueue
    from bsm_desk.ui.checkin.verdict_panel import VerdictPanel


class CheckinHost(Protocol):
    """What the Check-in screen's verbs need of it."""

    settings: config.Settings
    db: Database | None
    desk: Desk | None
    panel: VerdictPanel
    scans: ScanQueue
    message: SignalInstance
    changed: SignalInstance

    def acting_desk(self) -> Desk | None: ...

    def checkpoint_label(self) -> str: ...

    def checkpoint_changed(self) -> None: ...

    def refresh_side(self) -> None: ...

    def focus_input(self) -> None: ...


class CheckinActions(QObject):
    """The Check-in screen's verbs, for ``host`` with ``widget`` as the parent of their
    dialogs and of the camera."""

    def __init__(self, host: CheckinHost, widget: QWidget) -> None:
        super().__init__(widget)
        self.host, self.widget = host, widget
        self._scanner: CameraScanner | None = None

    def undo_last(self) -> None:
        host = self.host
        desk = host.acting_desk()
        if desk is None:
            return
        reason, ok = QInputDialog.getText(
            self.widget, self.tr("Undo the last check-in"),
            self.tr("Why is this desk's last check-in here taken back?"))
        if ok and reason.strip():
            try:
                undone = desk.undo_last(reason)
            except Exception as exc:  # noqa: BLE001 - e.g. nothing to undo
                show_error(self.widget, self.tr("Check-in"), exc)
            else:
                host.message.emit(self.tr("Check-in of {name} undone.").format(
                    name=undone.name or f"#{undone.delegate_id}"))
                host.panel.clear()
                host.refresh_side()
                host.changed.emit()
        host.focus_input()

    def edit_rules(self) -> None:
        from bsm_desk.ui.checkin.checkpoint_dialog import CheckpointDialog

        host = self.host
        if host.db is None or host.desk is None:
            return
        dialog = CheckpointDialog(host.db, host.desk.checkpoint,
                                  list(host.desk.categories.values()),
                                  host.checkpoint_label(),
                                  who=acting_at(host.db, host.settings), parent=self.widget)
        if dialog.exec():
            host.checkpoint_changed()

    # -- the camera ---------------------------------------------------------------------
    @property
    def scanner(self) -> CameraScanner:
        """The camera reader, made on first use (QtMultimedia is slow to load); what it
        reads joins the scans."""
        if self._scanner is None:
            from bsm_desk.ui.checkin.camera import CameraScanner

            self._scanner = CameraScanner(self.widget)
            self._scanner.code_found.connect(lambda code: self.host.scans.add(code, "camera"))
        return self._scanner

    def camera(self, on: bool) -> bool:
        """Start (the camera chosen in the settings, else the first) or stop reading;
        False when it could not be opened (said)."""
        from bsm_desk.ui.checkin import camera

        if not on:
            if self._scanner is not None:
                self._scanner.stop()
            return True
        found = camera.cameras()
        chosen = self.host.settings.camera if self.host.settings.camera in dict(found) \
            else (found[0][0] if found else "")
        if chosen and self.scanner.start(chosen):
            return True
        self.host.message.emit(self.tr("The camera could not be opened."))
        return False
