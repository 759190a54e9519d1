"""The Hub dialog's desks: enrol a new desk (its own hub login; the one-time code shown as
text and as a QR for the new desk's scanner or camera) and remove one (a lost laptop).
The services do the work (services/hub/enrolment.py); this shows it."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bsm_desk import config
from bsm_desk.services import operators
from bsm_desk.ui.shell.errors import translate_error
from bsm_desk.ui.shell.workers import Progress, run_with_progress


def qr_pixmap(text: str, scale: int = 5) -> QPixmap:
    import io

    import segno

    buffer = io.BytesIO()
    segno.make_qr(text, error="m").save(buffer, kind="png", scale=scale, border=3)
    found = QPixmap()
    found.loadFromData(buffer.getvalue(), "PNG")
    return found


class EnrolmentCodeDialog(QDialog):
    """The code a new desk joins with: shown once, to be typed, pasted or scanned."""

    def __init__(self, name: str, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enrolment code for {name}").format(name=name))
        said = QLabel(self.tr(
            "At the desk {name}: File → Hub on the LAN…, paste or scan this code into "
            "Enrolment code, then New event file from the hub…. The code is shown once "
            "and works like a password: keep it to that desk.").format(name=name))
        said.setWordWrap(True)
        self.qr = QLabel()
        self.qr.setPixmap(qr_pixmap(code))
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setAccessibleName(self.tr("The code as a QR"))
        self.text = QPlainTextEdit(code)
        self.text.setReadOnly(True)
        self.text.setFont(QFont("monospace"))
        self.text.setMaximumHeight(90)
        copy = QPushButton(self.tr("Copy the code"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(code))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (said, self.qr, self.text, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(520)


class DeskActions(QObject):
    """What the Hub dialog's "Enrol a desk…" and "Remove a desk…" do."""

    def __init__(self, parent: QWidget, settings: config.Settings, path: Path,
                 say: Any) -> None:
        super().__init__(parent)
        self.window, self.settings, self.path, self.say = parent, settings, path, say
        self.shown: EnrolmentCodeDialog | None = None

    def enrol(self, name: str | None = None) -> None:
        from bsm_desk.services.event.files import connect
        from bsm_desk.services.hub import enrolment

        if name is None:
            name, ok = QInputDialog.getText(self.window, self.tr("Enrol a desk"),
                                            self.tr("The new desk's name (such as Door B):"))
            if not ok or not name.strip():
                return
        path, desk = self.path, self.settings

        def job(_progress: Progress) -> Any:
            with closing(connect(path)) as db:
                return enrolment.add_desk(db, name, who=operators.acting_at(db, desk))

        def done(made: Any) -> None:
            self.say(self.tr("Desk {name} enrolled: give it the code.").format(
                name=made.name), True)
            self.shown = EnrolmentCodeDialog(made.name, made.code, self.window)
            self.shown.open()

        run_with_progress(self.window, self.tr("Making the desk's login on the hub…"), job,
                          on_done=done, on_failed=lambda exc: self.say(translate_error(exc),
                                                                        False))

    def remove(self, name: str | None = None) -> None:
        from bsm_desk.services.event.files import connect
        from bsm_desk.services.hub import enrolment

        path, desk = self.path, self.settings
        if name is None:
            try:
                with closing(connect(path)) as db:
                    names = [d["name"] for d in enrolment.desks(db,
                                                                who=operators.acting_at(db, desk))
                             if d["name"] and not d["removed_at"]]
            except Exception as exc:  # noqa: BLE001 - said in words, like every failure
                self.say(translate_error(exc), False)
                return
            if not names:
                self.say(self.tr("The hub has no enrolled desk to remove."), False)
                return
            name, ok = QInputDialog.getItem(self.window, self.tr("Remove a desk"),
                                            self.tr("The desk to remove from the hub:"),
                                            names, 0, False)
            if not ok:
                return
            asked = QMessageBox.question(self.window, self.tr("Remove a desk"), self.tr(
                "{name} will no longer reach the hub, and whatever it still sends will be "
                "refused. Its own event file keeps what it recorded. Remove it?").format(
                name=name))
            if asked != QMessageBox.StandardButton.Yes:
                return
        chosen = name

        def job(_progress: Progress) -> Any:
            with closing(connect(path)) as db:
                return enrolment.remove_desk(db, chosen, who=operators.acting_at(db, desk))

        run_with_progress(self.window, self.tr("Removing the desk from the hub…"), job,
                          on_done=lambda _login: self.say(self.tr(
                              "{name} can no longer reach the hub.").format(name=chosen),
                              True),
                          on_failed=lambda exc: self.say(translate_error(exc), False))
