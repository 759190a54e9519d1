"""One way to say that something failed, on every screen.

A refusal or a fault the program knows (a UserError from the services, a file that could
not be read or written, SQLite's own error, memory) is said in words, in the interface's
language: in a box (:func:`show_error`) or where the screen shows it (a dialog's line,
the status bar: :func:`translate_error`). Anything else is a bug: its report (what
happened, with the traceback) is written to the log file and shown in one dialog
(:class:`ErrorReport`) whose text can be copied and sent — whichever of the two helpers
met it.
"""

from __future__ import annotations

import sqlite3
import traceback
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bsm_desk import __version__, paths
from bsm_desk.domain.errors import UserError

EXPECTED = (UserError, OSError, sqlite3.Error, MemoryError)


def expected(exc: BaseException) -> bool:
    """A failure the program knows how to say (not a bug)."""
    return isinstance(exc, EXPECTED)


def translate_error(exc: BaseException) -> str:
    """The failure in words, in the interface's language. An unexpected one is also
    reported (log file and the report dialog, once the event loop is free)."""
    if isinstance(exc, UserError):
        return exc.message(QCoreApplication.translate)
    if isinstance(exc, OSError):
        return QCoreApplication.translate(
            "Errors", "The file could not be read or written: {reason}").format(
            reason=exc.strerror or exc)
    if isinstance(exc, sqlite3.Error):
        return QCoreApplication.translate(
            "Errors", "The event file could not be used: {reason}").format(reason=exc)
    if isinstance(exc, MemoryError):
        return QCoreApplication.translate(
            "Errors", "Not enough memory for this. Nothing was written.")
    report = _report(exc)
    QTimer.singleShot(0, lambda: ErrorReport(report).open())
    return QCoreApplication.translate(
        "Errors", "Unexpected error: {reason}. Its report is open, and kept in the log "
                  "file.").format(reason=exc)


def show_error(parent: QWidget | None, title: str, exc: BaseException) -> None:
    """The one box for a failure: a known one in words; a bug as its report."""
    if expected(exc):
        QMessageBox.warning(parent, title, translate_error(exc))
        return
    ErrorReport(_report(exc), parent).exec()


def _report(exc: BaseException) -> str:
    """What happened, for whoever looks after BSM Desk; appended to the log file."""
    text = (f"BSM Desk {__version__}, {datetime.now(UTC).isoformat(timespec='seconds')}\n"
            + "".join(traceback.format_exception(exc)))
    try:
        with paths.log_file().open("a", encoding="utf-8") as log:
            log.write("\n" + text)
    except OSError:
        pass  # a full or read-only disk: the dialog still shows it
    return text


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
