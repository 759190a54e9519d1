from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from bsm_desk import config
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.app import application
from bsm_desk.ui.shell.main_window import MainWindow


@pytest.fixture
def app(qapp: object) -> object:
    return application()


@pytest.fixture
def window(app: object, qtbot: object) -> Iterator[MainWindow]:
    i18n.manager().set_language("en")
    win = MainWindow(config.load())
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    yield win
    win.close_database()
    i18n.manager().set_language("en")


@pytest.fixture(autouse=True)
def no_key_held(qapp: object) -> None:
    """No key held from a test before: Qt keeps the modifiers of the last key event it
    saw (after a test's Shift+Down, Shift stays down for the next test, and a table's
    selectRow then selects as a Shift-click does)."""
    from PySide6.QtWidgets import QWidget

    QTest.keyClick(QWidget(), Qt.Key.Key_F20)


@pytest.fixture(autouse=True)
def no_unexpected_message_box(monkeypatch: pytest.MonkeyPatch) -> None:
    """A message box no test asked for would wait for a click that never comes and hang
    the run: fail the test instead, with the box's text. Tests that expect a box patch
    these themselves."""
    from PySide6.QtWidgets import QMessageBox

    def refuse(*args: object, **kwargs: object) -> None:
        texts = [a.text() if isinstance(a, QMessageBox) else a for a in args]
        raise AssertionError(f"unexpected message box: {texts}")

    for name in ("critical", "warning", "information", "question", "exec"):
        monkeypatch.setattr(QMessageBox, name, refuse)
    from bsm_desk.ui.shell.error_report import ErrorReport

    def reported(dialog: ErrorReport, *args: object) -> None:  # a bug met on the way
        raise AssertionError(f"unexpected error report: {dialog.text.toPlainText()}")

    for name in ("exec", "open"):
        monkeypatch.setattr(ErrorReport, name, reported)
