"""File → Operators… (an administrator's; the first operator made here turns sign-in on):
add an operator, change a role, set a new password or PIN, disable or enable."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bsm_desk.domain.errors import UserError
from bsm_desk.domain.operators import ROLE_WORDS, Role
from bsm_desk.services import operators
from bsm_desk.services.operators import acting_at
from bsm_desk.services.operators.acting import Desk
from bsm_desk.ui.shell.errors import show_error, translate_error

if TYPE_CHECKING:
    from sqlite_utils import Database


def _role_name(role: Role) -> str:
    from PySide6.QtWidgets import QApplication

    return QApplication.translate("Operators", ROLE_WORDS[role])


class OperatorDialog(QDialog):
    """A new operator, or a new password: name, role, password or PIN twice."""

    def __init__(self, parent: QWidget | None, *, name: str = "", role: Role | None = None,
                 password_only: bool = False, first: bool = False,
                 passphrase: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New password or PIN") if password_only
                            else self.tr("New operator"))
        self.name = QLineEdit(name)
        self.name.setReadOnly(password_only)
        self.role = QComboBox()
        for each in Role:
            self.role.addItem(_role_name(each), each.value)
        self.role.setCurrentIndex(list(Role).index(role or (Role.ADMINISTRATOR if first
                                                            else Role.DESK)))
        self.role.setEnabled(not password_only and not first)
        self.secret = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.again = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b71c1c")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Role:"), self.role)
        form.addRow(self.tr("Password or PIN:"), self.secret)
        form.addRow(self.tr("Once more:"), self.again)
        # The first administrator also sets the event's passphrase (unless the event was
        # protected already): it seals personal data and keys everyone's password.
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.passphrase_again = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        if first and passphrase:
            form.addRow(self.tr("Event's passphrase:"), self.passphrase)
            form.addRow(self.tr("Passphrase once more:"), self.passphrase_again)
        layout = QVBoxLayout(self)
        if first:
            note = QLabel(self.tr("The first operator is an administrator: once made, this "
                                  "event asks everyone to sign in.") + (" " + self.tr(
                "The event's passphrase (at least 10 characters) seals passport numbers, "
                "phones and dates of birth from now on; this computer keeps its key. "
                "Another desk needs the passphrase once, or an enrolment code.")
                if passphrase else ""))
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.action: Callable[[], object] | None = None

    def chosen_role(self) -> Role:
        return Role(self.role.currentData())

    def _check(self) -> None:
        if self.secret.text() != self.again.text():
            self.problem.setText(self.tr("The two passwords differ."))
            return
        if self.passphrase.text() != self.passphrase_again.text():
            self.problem.setText(self.tr("The two passphrases differ."))
            return
        if self.action is not None:
            try:
                self.action()
            except UserError as exc:
                self.problem.setText(translate_error(exc))
                return
        self.accept()


class OperatorsDialog(QDialog):
    def __init__(self, db: Database, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.desk = db, desk
        self.setWindowTitle(self.tr("Operators"))
        self.resize(620, 380)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"),
                                              self.tr("State")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.add_button = QPushButton(self.tr("Add…"))
        self.role_button = QPushButton(self.tr("Change role…"))
        self.password_button = QPushButton(self.tr("New password…"))
        self.disable_button = QPushButton(self.tr("Disable / enable"))
        self.add_button.clicked.connect(self.add)
        self.role_button.clicked.connect(self.change_role)
        self.password_button.clicked.connect(self.new_password)
        self.disable_button.clicked.connect(self.toggle)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.role_button, self.password_button,
                       self.disable_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        people = operators.operators(self.db)
        self.people = people
        self.table.setRowCount(len(people))
        for row, person in enumerate(people):
            state = self.tr("disabled") if person.disabled else self.tr("active")
            for column, text in enumerate((person.name, _role_name(person.role), state)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.intro.setText(self.tr(
            "No operators yet: anyone at this laptop may do anything. Add the first "
            "(an administrator) to make everyone sign in.") if not people else self.tr(
            "Roles: desk (check in, search, print on arrival) · registrar (also edit and "
            "import delegates, badges, speakers' lists) · supervisor (also revoke, merge, "
            "programme, roster, personal exports, history) · administrator (also "
            "operators)."))
        for button in (self.role_button, self.password_button, self.disable_button):
            button.setEnabled(bool(people))

    def _selected(self) -> operators.Operator | None:
        row = self.table.currentRow()
        return self.people[row] if 0 <= row < len(self.people) else None

    def add(self) -> None:
        from bsm_desk.services.operators import privacy

        first = not self.people
        dialog = OperatorDialog(self, first=first,
                                passphrase=first and not privacy.protected(self.db))
        dialog.action = lambda: operators.add_operator(
            self.db, dialog.name.text(), dialog.chosen_role(), dialog.secret.text(),
            who=acting_at(self.db, self.desk), passphrase=dialog.passphrase.text() or None)
        if dialog.exec():
            if len(self.people) == 0:  # the first: they are the one signed in now
                operators.sign_in(self.db, dialog.name.text(), dialog.secret.text(),
                                  desk_id=self.desk.desk_id, desk_name=self.desk.desk_name)
            self.reload()

    def change_role(self) -> None:
        person = self._selected()
        if person is None:
            return
        dialog = OperatorDialog(self, name=person.name, role=person.role)
        dialog.secret.setEnabled(False)
        dialog.again.setEnabled(False)
        dialog.action = lambda: operators.set_role(self.db, person.name, dialog.chosen_role(),
                                                   who=acting_at(self.db, self.desk))
        if dialog.exec():
            self.reload()

    def new_password(self) -> None:
        person = self._selected()
        if person is None:
            return
        dialog = OperatorDialog(self, name=person.name, role=person.role, password_only=True)
        dialog.action = lambda: operators.set_secret(self.db, person.name,
                                                     dialog.secret.text(),
                                                     who=acting_at(self.db, self.desk))
        dialog.exec()

    def toggle(self) -> None:
        person = self._selected()
        if person is None:
            return
        try:
            operators.set_disabled(self.db, person.name, not person.disabled,
                                   who=acting_at(self.db, self.desk))
        except UserError as exc:
            show_error(self, self.tr("Operators"), exc)
        self.reload()
