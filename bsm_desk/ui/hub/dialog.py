"""File → Hub…: connect the open event to a PostgreSQL hub on the LAN (publishing it for
the other desks), or make a new desk's event file from one; with a connection test. The
password goes to the OS keyring, never to the event file or the settings."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bsm_desk import config
from bsm_desk.services.operators import acting_at
from bsm_desk.ui.shell.errors import translate_error
from bsm_desk.ui.shell.theme import give_role
from bsm_desk.ui.shell.workers import Progress, run_with_progress

if TYPE_CHECKING:
    from sqlite_utils import Database


def with_password(url: str, password: str) -> str:
    from psycopg import conninfo

    if not password:
        return url
    params = conninfo.conninfo_to_dict(url)
    params["password"] = password
    return conninfo.make_conninfo(**{k: str(v) for k, v in params.items()})


class HubDialog(QDialog):
    joined = Signal(str)  # the new event file's path, to open

    def __init__(self, settings: config.Settings, db: Database | None, db_path: Path | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings, self.db, self.db_path = settings, db, db_path
        self.setWindowTitle(self.tr("Hub on the LAN"))
        from bsm_desk.services import hub

        current = hub.status(db, desk_id=settings.desk_id, probe=False) if db else {}
        self.url = QLineEdit(current.get("url", ""))
        self.url.setPlaceholderText("postgresql://desk1@192.168.1.10/bsm_desk")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("kept by the system's keyring, or ~/.pgpass"))
        self.code = QLineEdit()
        self.code.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.code.setPlaceholderText(self.tr("BSMHUB1-… from the administrator (type, paste or "
                                             "scan it)"))
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        from bsm_desk.ui.hub.link import skew_words

        clock = skew_words(current.get("clock_skew_s"))  # said here too, with the hub
        if clock:
            self.outcome.setText("⚠ " + clock[:1].upper() + clock[1:] + ".")
        self.test_button = QPushButton(self.tr("Test the connection"))
        self.test_button.clicked.connect(self.test)
        self.connect_button = QPushButton(self.tr("Connect this event to the hub"))
        self.connect_button.setEnabled(db is not None)
        self.connect_button.clicked.connect(self.connect_event)
        self.join_button = QPushButton(self.tr("New event file from the hub…"))
        self.join_button.clicked.connect(self.join)
        form = QFormLayout()
        form.addRow(self.tr("Address:"), self.url)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Enrolment code:"), self.code)
        self.authority = QLineEdit()
        self.authority.setPlaceholderText(self.tr("hub-ca.crt from bsm-desk hub tls (a hub on "
                                                  "the network)"))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose_authority)
        authority_row = QHBoxLayout()
        authority_row.addWidget(self.authority, 1)
        authority_row.addWidget(choose)
        form.addRow(self.tr("Certificate authority:"), authority_row)
        row = QHBoxLayout()
        for button in (self.test_button, self.connect_button, self.join_button):
            row.addWidget(button)
        has_hub = bool(current.get("url"))
        self.enrol_button = QPushButton(self.tr("Enrol a desk…"))
        self.enrol_button.setToolTip(self.tr("A hub login of its own for a new desk, and the "
                                             "one-time code it joins with"))
        self.remove_button = QPushButton(self.tr("Remove a desk…"))
        self.remove_button.setToolTip(self.tr("For a lost laptop: its login stops working "
                                              "and whatever it sends is refused"))
        self.adopt_button = QPushButton(self.tr("Adopt this hub…"))
        self.adopt_button.setToolTip(self.tr("The hub was made again: send it everything "
                                             "this desk holds (with a new enrolment code, "
                                             "if the administrator gave one)"))
        self.adopt_button.clicked.connect(self.adopt)
        desks_row = QHBoxLayout()
        for button in (self.enrol_button, self.remove_button, self.adopt_button):
            button.setEnabled(has_hub and db_path is not None)
            desks_row.addWidget(button)
        desks_row.addStretch(1)
        self.desks: Any = None
        if db_path is not None:
            from bsm_desk.ui.hub.desks import DeskActions

            self.desks = DeskActions(self, settings, db_path, self._say)
            self.enrol_button.clicked.connect(lambda: self.desks.enrol())
            self.remove_button.clicked.connect(lambda: self.desks.remove())
        hint = QLabel(self.tr(
            "Every desk keeps its own event file and goes on working when the LAN drops; "
            "what it records reaches the others when the hub can be reached again. The "
            "first desk connects its event; the others make theirs from the hub."))
        hint.setWordWrap(True)
        give_role(hint, "subtitle")
        self.review = QListWidget()
        self.review.setWordWrap(True)
        if db is not None:
            from PySide6.QtCore import QCoreApplication

            for entry in hub.review(db, QCoreApplication.translate):
                self.review.addItem(f"{entry['at'][:16].replace('T', ' ')} · "
                                    f"{entry['reason']}")
        self.review_label = QLabel(self.tr("For review ({count}): what this desk could not "
                                           "take in, or took in twice").format(
            count=self.review.count()))
        self.review.setVisible(self.review.count() > 0)
        self.review_label.setVisible(self.review.count() > 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addLayout(desks_row)
        layout.addWidget(self.outcome)
        layout.addWidget(hint)
        layout.addWidget(self.review_label)
        layout.addWidget(self.review, 1)
        layout.addWidget(buttons)
        self.setMinimumWidth(620)

    def adopt(self, confirmed: bool = False) -> None:
        """The hub at this desk's address was made again: take it as the event's hub."""
        from PySide6.QtWidgets import QMessageBox

        if self.db_path is None:
            return
        if not confirmed and QMessageBox.question(self, self.tr("Adopt this hub"), self.tr(
                "Take the hub now at this address as the event's hub? This desk sends it "
                "everything it holds and takes everything from it.")) != \
                QMessageBox.StandardButton.Yes:
            return
        from bsm_desk.services import hub
        from bsm_desk.services.event.files import connect

        path, desk, code = self.db_path, self.settings, self.code.text().strip()
        self.code.clear()

        def job(_progress: Progress) -> Any:
            from contextlib import closing

            with closing(connect(path)) as db:
                return hub.adopt(db, who=acting_at(db, desk), code=code or None)

        run_with_progress(self, self.tr("Sending everything to the hub…"), job,
                          on_done=lambda report: self._say(self.tr(
                              "Adopted: {pushed} sent, {pulled} received.").format(
                              **report.as_dict()), True),
                          on_failed=lambda exc: self._say(translate_error(exc), False))

    def _choose_authority(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("The hub's certificate "
                                                              "authority"), str(Path.home()),
                                                self.tr("Certificates (*.crt *.pem)"))
        if chosen:
            self.authority.setText(chosen)

    def _address(self) -> str:
        return with_password(self.url.text().strip(), self.password.text())

    def _say(self, text: str, ok: bool) -> None:
        self.outcome.setText(("✓ " if ok else "⛔ ") + text)
        self.outcome.setStyleSheet("" if ok else "color: #c62828;")

    def test(self) -> None:
        from bsm_desk.services import hub

        address = self._address()

        def job(_progress: Progress) -> str:
            code = hub.probe(address)
            if code is None:
                return self.tr("Reached; not a hub yet: connect an event to make it one.")
            return self.tr("Reached the hub of {code}.").format(code=code or "—")

        run_with_progress(self, self.tr("Reaching the hub…"), job,
                          on_done=lambda text: self._say(str(text), True),
                          on_failed=lambda exc: self._say(translate_error(exc), False))

    def connect_event(self) -> None:
        from bsm_desk.services import hub
        from bsm_desk.services.event.files import connect, db_file

        if self.db is None:
            return
        path, address, desk = db_file(self.db), self._address(), self.settings
        authority_file = self.authority.text().strip()
        self.password.clear()

        def job(_progress: Progress) -> Any:
            from contextlib import closing

            from bsm_desk.services.hub import tls

            authority = tls.read_authority(authority_file) if authority_file else None
            with closing(connect(path)) as db:
                return hub.init_hub(db, address, who=acting_at(db, desk),
                                     desk_name=desk.desk_name, authority=authority)

        run_with_progress(self, self.tr("Publishing the event to the hub…"), job,
                          on_done=lambda report: self._say(self.tr(
                              "Connected: {pushed} check-ins sent, {pulled} received.").format(
                              **report.as_dict()), True),
                          on_failed=lambda exc: self._say(translate_error(exc), False))

    def join(self) -> None:
        from bsm_desk.services import hub

        start = str(self.db_path.parent if self.db_path else Path.home())
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("The new desk's event file"),
                                                str(Path(start) / "event-desk.sqlite"),
                                                self.tr("Event files (*.sqlite)"))
        if not chosen:
            return
        address, desk, code = self._address(), self.settings, self.code.text().strip()
        self.password.clear()
        self.code.clear()

        def job(_progress: Progress) -> str:
            if code:  # the administrator's enrolment code: this desk's own login

                hub.join_with_code(code, chosen, desk_id=desk.desk_id,
                                         desk_name=desk.desk_name)
            else:
                hub.join(address, chosen, desk_id=desk.desk_id, desk_name=desk.desk_name)
            return chosen

        def done(path: object) -> None:
            self._say(self.tr("Made {path} from the hub.").format(path=path), True)
            self.joined.emit(str(path))
            self.accept()

        run_with_progress(self, self.tr("Making the event file from the hub…"), job,
                          on_done=done,
                          on_failed=lambda exc: self._say(translate_error(exc), False))
