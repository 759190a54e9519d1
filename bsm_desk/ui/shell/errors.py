"""Showing errors to the user in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from bsm_desk.domain.errors import UserError


def translate_error(exc: BaseException) -> str:
    if isinstance(exc, UserError):
        return exc.message(QCoreApplication.translate)
    if isinstance(exc, OSError):
        return QCoreApplication.translate("Errors", "The file could not be read or written: "
                                          "{reason}").format(reason=exc.strerror or exc)
    return QCoreApplication.translate("Errors", "Unexpected error: {reason}").format(reason=exc)
