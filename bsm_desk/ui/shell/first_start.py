"""Shown when there is no event database yet: demo, new event, or open a file."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from bsm_desk.ui.shell.i18n import follow_language
from bsm_desk.ui.shell.icons import app_icon, icon
from bsm_desk.ui.shell.theme import give_role


class FirstStartDialog(QDialog):
    DEMO, NEW, OPEN = 1, 2, 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = 0
        self.setWindowIcon(app_icon())
        self.heading = QLabel()
        give_role(self.heading, "title")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.demo = self._button("demo", self.DEMO)
        self.new = self._button("new", self.NEW)
        self.open_file = self._button("open", self.OPEN)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        layout.addSpacing(6)
        for button in (self.demo, self.new, self.open_file):
            layout.addWidget(button)
        self.setMinimumWidth(520)
        follow_language(self)

    def _button(self, icon_name: str, choice: int) -> QPushButton:
        button = QPushButton(icon(icon_name), "")
        give_role(button, "choice")
        button.setIconSize(QSize(28, 28))
        button.setMinimumHeight(56)
        button.clicked.connect(lambda: self._choose(choice))
        return button

    def _choose(self, choice: int) -> None:
        self.choice = choice
        self.accept()


    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Welcome to BSM Desk"))
        self.heading.setText(self.tr("Welcome to BSM Desk"))
        self.text.setText(self.tr("There is no event on this computer yet. "
                                  "What would you like to do?"))
        self.demo.setText(self.tr("Open the demo conference\n"
                                  "Dushanbe, 18–19 October 2022, with 700 participants"))
        self.new.setText(self.tr("Create a new event\nTitle, dates, venue and languages"))
        self.open_file.setText(self.tr("Open an existing event file\n"
                                  "A .sqlite file from another desk or a backup"))
