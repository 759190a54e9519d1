"""The report of a failure the program did not expect (errors.py says which are): what
it was, kept in the log file, in a dialog whose text can be copied and sent."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bsm_desk import paths


class ErrorReport(QDialog):
    """Something went wrong that the program did not expect: what it was, to copy."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Something went wrong that BSM Desk did not expect. What was saved before is "
            "kept. Please copy the report below and send it to whoever looks after BSM "
            "Desk; it is also kept in the log file:\n{log}").format(log=paths.log_file()))
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(intro.textInteractionFlags()
                                      | intro.textInteractionFlags().TextSelectableByMouse)
        layout.addWidget(intro)
        self.text = QPlainTextEdit(report)
        self.text.setReadOnly(True)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("Copy the report"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(report))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
