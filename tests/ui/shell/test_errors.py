"""One way to say that something failed: a known failure in words (in the interface's
language), a bug as its report — copyable, and kept in the log file."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from bsm_desk import paths
from bsm_desk.domain import errors as domain_errors
from bsm_desk.domain.errors import UserError
from bsm_desk.ui.shell import errors, i18n
from bsm_desk.ui.shell.error_report import ErrorReport


@pytest.mark.parametrize("exc", [UserError(domain_errors.DB_NOT_FOUND, path="x.sqlite"),
                                 OSError(28, "No space left on device"),
                                 sqlite3.OperationalError("database is locked"),
                                 MemoryError()])
def test_a_known_failure_is_said_in_words(app, monkeypatch, exc) -> None:  # type: ignore[no-untyped-def]
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))
    errors.show_error(None, "Test", exc)
    assert said and "Traceback" not in said[0] and "Unexpected" not in said[0]


def test_a_refusal_is_said_in_russian(app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    i18n.manager().set_language("ru")
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))
    try:
        errors.show_error(None, "Test", OSError(28, "No space left on device"))
    finally:
        i18n.manager().set_language("en")
    assert said and any("а" <= ch <= "я" for ch in said[0].lower())


def test_a_bug_opens_its_report_to_copy_and_keeps_it_in_the_log(app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[ErrorReport] = []
    monkeypatch.setattr(ErrorReport, "exec", lambda dialog: shown.append(dialog))
    try:
        raise KeyError("a bug")
    except KeyError as exc:
        errors.show_error(None, "Test", exc)
    assert len(shown) == 1
    report = shown[0].text.toPlainText()
    assert "KeyError" in report and "Traceback" in report and "a bug" in report
    assert "KeyError: 'a bug'" in paths.log_file().read_text(encoding="utf-8")
    button = next(b for b in shown[0].findChildren(QPushButton) if "Copy" in b.text())
    button.click()
    assert QApplication.clipboard().text() == report


def test_a_bug_met_inline_still_opens_its_report(app, monkeypatch, qtbot) -> None:  # type: ignore[no-untyped-def]
    opened: list[str] = []
    monkeypatch.setattr(ErrorReport, "open",
                        lambda dialog: opened.append(dialog.text.toPlainText()))
    i18n.manager().set_language("en")
    text = errors.translate_error(ValueError("odd"))
    assert "odd" in text and "log file" in text
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    assert "ValueError: odd" in opened[0]
