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
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer

from bsm_desk import __version__, paths
from bsm_desk.domain.errors import UserError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from bsm_desk.ui.shell.error_report import ErrorReport

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
    QTimer.singleShot(0, lambda: _report_dialog(report).open())
    return QCoreApplication.translate(
        "Errors", "Unexpected error: {reason}. Its report is open, and kept in the log "
                  "file.").format(reason=exc)


def show_error(parent: QWidget | None, title: str, exc: BaseException) -> None:
    """The one box for a failure: a known one in words; a bug as its report."""
    from PySide6.QtWidgets import QMessageBox  # a box's type is made when first shown

    if expected(exc):
        QMessageBox.warning(parent, title, translate_error(exc))
        return
    _report_dialog(_report(exc), parent).exec()


def _report(exc: BaseException) -> str:
    """What happened, for whoever looks after BSM Desk; appended to the log file."""
    import traceback

    text = (f"BSM Desk {__version__}, {datetime.now(UTC).isoformat(timespec='seconds')}\n"
            + "".join(traceback.format_exception(exc)))
    try:
        with paths.log_file().open("a", encoding="utf-8") as log:
            log.write("\n" + text)
    except OSError:
        pass  # a full or read-only disk: the dialog still shows it
    return text


def _report_dialog(report: str, parent: QWidget | None = None) -> ErrorReport:
    """The report's dialog (error_report.py: its widgets' types are made only for one)."""
    from bsm_desk.ui.shell.error_report import ErrorReport

    return ErrorReport(report, parent)
