"""At the window's start, what the first screen does not need waits for its first paint
(issue 30): the overview is shown from a bare connection, and the store (sqlite-utils),
the other screens, the file's watch and check follow once the window has painted — or at
once when something needs them sooner. An event that asks something of the user first
(operators to sign in) is opened whole before anything is shown."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from bsm_desk import config
from bsm_desk.domain.model import DelegateStatus
from bsm_desk.services import demo
from bsm_desk.services.event import glance
from bsm_desk.store import audit, connect
from bsm_desk.ui.operators.sign_in import SignInDialog
from bsm_desk.ui.shell.main_window import MainWindow


def test_the_overview_is_shown_first_and_the_rest_follows_the_paint(
        window: MainWindow, demo_copy: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert window.start(db=demo_copy)
    # Shown from the bare connection: the figures are there, the store is not yet.
    assert window.overview_screen.figures["delegates"].value.text() == "700"
    assert window.db is None and window.db_path == demo_copy.resolve()
    assert not window.backup_action.isEnabled()
    window.show()
    qtbot.waitUntil(lambda: window.db is not None)
    assert window.backup_action.isEnabled()
    assert config.load().last_db == str(demo_copy.resolve())
    # The same connection became the store's: one file handle, and it writes.
    assert window.db.execute("SELECT count(*) FROM delegate").fetchone()[0] == 700
    window.navigation.setCurrentRow(1)
    assert window.delegates_screen.model.rowCount() == 700


def test_the_windows_connection_keeps_the_lists_pages_in_memory(
        window: MainWindow, demo_copy: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Opened after the paint or at once, the window's connection keeps more of the file
    than SQLite's 2 MB (a search of thousands at 100,000 reads their rows from memory);
    a connection of the command line or a worker keeps the default."""
    from bsm_desk.services.event.files import WINDOW_PAGE_CACHE_KIB

    assert window.start(db=demo_copy)
    window.show()
    qtbot.waitUntil(lambda: window.db is not None)
    assert window.db.execute("PRAGMA cache_size").fetchone()[0] == -WINDOW_PAGE_CACHE_KIB
    window.close_database()
    assert window.open_database(demo_copy)
    assert window.db.execute("PRAGMA cache_size").fetchone()[0] == -WINDOW_PAGE_CACHE_KIB
    with closing(connect(demo_copy).conn) as other:
        assert other.execute("PRAGMA cache_size").fetchone()[0] == -2000


def test_a_screen_asked_for_before_the_paint_finishes_opening_first(
        window: MainWindow, demo_copy: Path) -> None:
    assert window.start(db=demo_copy)
    assert window.db is None
    window.navigation.setCurrentRow(1)  # before any paint: the event is opened whole first
    assert window.db is not None
    assert window.delegates_screen.model is not None  # made with the event, not without


def test_closing_before_the_paint_closes_the_bare_connection(window: MainWindow,
                                                            demo_copy: Path) -> None:
    assert window.start(db=demo_copy)
    pending = window.opening.pending
    assert pending is not None
    window.close_database()
    assert window.opening.pending is None and window.db is None
    with pytest.raises(sqlite3.ProgrammingError):  # closed, not left open
        pending.execute("SELECT 1")


def test_another_event_opened_before_the_paint_replaces_the_first(
        window: MainWindow, demo_copy: Path, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "other.sqlite"
    demo.build_demo(other, delegates=30, desk_id="test")
    assert window.start(db=demo_copy)
    first = window.opening.pending
    assert window.open_database(other)  # opened whole, at once
    assert window.db is not None and window.db_path == other.resolve()
    with pytest.raises(sqlite3.ProgrammingError):
        first.execute("SELECT 1")  # type: ignore[union-attr]
    window.show()
    qtbot.waitExposed(window)
    window.repaint()  # the first paint: what the first start queued for it finds it moot
    QApplication.processEvents()
    assert window.db_path == other.resolve()
    assert window.overview_screen.figures["delegates"].value.text() == "30"


def test_an_event_with_operators_asks_for_sign_in_before_anything_is_shown(
        tmp_path: Path, app, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "staffed.sqlite"
    demo.build_demo(path, delegates=40, desk_id="test", operators=True)
    asked: list[str] = []
    monkeypatch.setattr(SignInDialog, "exec", lambda dialog: asked.append("asked") or 0)
    window = MainWindow(config.load())
    qtbot.addWidget(window)
    try:
        assert window.start(db=path)
        assert asked == ["asked"]  # before the window was ever shown
        assert window.db is not None and window.opening.pending is None
        assert window.guard.locked
    finally:
        window.close_database()
        audit.SIGNED.clear()


def test_the_first_look_is_shown_and_the_file_opened_after_the_paint(
        window: MainWindow, demo_copy: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    ahead = glance.look_ahead(demo_copy)
    assert window.start(db=demo_copy, ahead=ahead)
    assert window.overview_screen.figures["delegates"].value.text() == "700"
    assert window.db is None and window.opening.pending == demo_copy.resolve()  # not open yet
    cancelled = window.overview.by_status[DelegateStatus.CANCELLED]
    # Another desk writes between the look and the paint: the opening reads it again.
    with closing(connect(demo_copy)) as other:
        other.execute("UPDATE delegate SET status = 'cancelled' WHERE id = (SELECT min(id)"
                      " FROM delegate WHERE status != 'cancelled')")
    window.show()
    qtbot.waitUntil(lambda: window.db is not None)
    assert window.overview.by_status[DelegateStatus.CANCELLED] == cancelled + 1
    assert config.load().last_db == str(demo_copy.resolve())


def test_a_file_gone_after_the_first_look_is_said_so_after_the_paint(
        window: MainWindow, demo_copy: Path, qtbot,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    ahead = glance.look_ahead(demo_copy)
    assert ahead is not None and ahead.take(demo_copy) is not None
    demo_copy.unlink()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    assert window.start(db=demo_copy, ahead=ahead)  # the look is shown first
    window.show()
    qtbot.waitUntil(lambda: bool(shown))
    assert "not found" in shown[0].lower() or "does not exist" in shown[0].lower()
    assert window.db is None and window.db_path is None and window.opening.pending is None
    assert window.windowTitle() == "BSM Desk"  # no event open, said as such
