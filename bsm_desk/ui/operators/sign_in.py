"""Signing in at a desk: the dialog (a name from the event's operators, a password or
PIN), and the passphrase dialog that unlocks the event's sealed personal data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bsm_desk.domain.errors import UserError
from bsm_desk.services import operators
from bsm_desk.services.operators import privacy
from bsm_desk.ui.shell.errors import show_error, translate_error

if TYPE_CHECKING:
    from sqlite_utils import Database


class SignInDialog(QDialog):
    """One dialog to sign in or to switch operator; a wrong password is said in it."""

    def __init__(self, db: Database, desk_id: str, parent: QWidget | None = None, *,
                 locked_by: str = "") -> None:
        super().__init__(parent)
        self.db, self.desk_id = db, desk_id
        self.setWindowTitle(self.tr("Sign in"))
        self.setModal(True)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        if locked_by:
            self.intro.setText(self.tr("The screen was locked ({name} was signed in). Sign "
                                       "in to go on, or as another operator to switch.")
                               .format(name=locked_by))
        else:
            self.intro.setText(self.tr("This event has operators: sign in with your name and "
                                       "password or PIN."))
        from bsm_desk.services.operators import privacy

        # A desk that does not hold the event's key cannot check any password (they are
        # keyed with it): an administrator unlocks it once with the event's passphrase.
        self.unlock = QPushButton(self.tr("Unlock this desk…"))
        self.unlock.clicked.connect(self.unlock_desk)
        self.needs_key = privacy.protected(db) and not privacy.unlocked(db)
        if self.needs_key:
            self.intro.setText(self.intro.text() + " " + self.tr(
                "This desk does not hold the event's key yet: an administrator unlocks it "
                "once with the event's passphrase (Unlock this desk…)."))
        self.unlock.setVisible(self.needs_key)
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for person in operators.operators(db):
            if not person.disabled:
                self.name.addItem(person.name, person.name)
        if locked_by:
            self.name.setCurrentText(locked_by)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b71c1c")
        form = QFormLayout()
        form.addRow(self.tr("Operator:"), self.name)
        form.addRow(self.tr("Password or PIN:"), self.secret)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.unlock)
        layout.addWidget(buttons)
        self.secret.setFocus(Qt.FocusReason.OtherFocusReason)
        self.signed: operators.Acting | None = None

    def unlock_desk(self) -> None:
        if PassphraseDialog(self.db, self, desk_id=self.desk_id).exec():
            self.unlock.hide()
            self.problem.setText(self.tr("This desk now keeps the event's key: sign in."))
            self.secret.setFocus()

    def try_sign_in(self) -> None:
        try:
            self.signed = operators.sign_in(self.db, self.name.currentText(),
                                            self.secret.text(), desk_id=self.desk_id)
        except UserError as exc:
            self.problem.setText(translate_error(exc))
            self.secret.clear()
            self.secret.setFocus()
            return
        self.accept()


class PassphraseDialog(QDialog):
    """The event's passphrase, to read its sealed personal data on this desk."""

    def __init__(self, db: Database, parent: QWidget | None = None, *,
                 desk_id: str = "") -> None:
        super().__init__(parent)
        self.db, self.desk_id = db, desk_id
        self.setWindowTitle(self.tr("Unlock personal data"))
        intro = QLabel(self.tr("Passport numbers, phones and dates of birth are sealed, and "
                               "operators' passwords are keyed with the event's key. Enter "
                               "the event's passphrase to open them on this desk."))
        intro.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Keep the key on this computer (outside the event "
                                          "file)"))
        self.remember.setChecked(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b71c1c")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_unlock)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        form = QFormLayout()
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def try_unlock(self) -> None:
        try:
            privacy.unlock(self.db, self.passphrase.text(),
                           remember=self.remember.isChecked())
        except UserError as exc:
            self.problem.setText(translate_error(exc))
            self.passphrase.clear()
            return
        self._seal_the_hub()
        self.accept()

    def _seal_the_hub(self) -> None:
        """At the desk that published the event to a hub, the passphrase just given is
        what seals the hub's copy and its record of delegates (the sync worker, a process
        of its own, does not hold the key): one exchange now, in the background."""
        from bsm_desk.services import hub

        parent = self.parentWidget()
        if not hub.hub_copy_to_seal(self.db) or parent is None or not self.desk_id:
            return
        from bsm_desk.services.event.files import db_file
        from bsm_desk.ui.shell.workers import run_with_progress

        path, desk_id = db_file(self.db), self.desk_id

        def job(_progress: object) -> object:
            return hub.seal_hub_copy(path, desk_id=desk_id)

        run_with_progress(parent, self.tr("Sealing the hub's copy of the event…"), job,
                          on_done=lambda _report: None,
                          on_failed=lambda exc: show_error(parent, self.tr("Hub"), exc))
