"""The window with a locked, damaged or restored event file: scans wait and are kept,
damage is said at once with the latest backup offered, backups are made and restored."""

from __future__ import annotations

import shutil
import threading
from contextlib import closing
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from bsm_desk.domain.checkin import Kind
from bsm_desk.services import badges
from bsm_desk.store import backups, connect
from bsm_desk.ui.event.backup_keeper import BackupKeeper
from bsm_desk.ui.event.restore_backup import RestoreBackupDialog
from bsm_desk.ui.shell.main_window import MainWindow
from tests.conftest import damage_an_index, hold_write_lock
from tests.ui.checkin.test_checkin_screen import code_of, show_checkin


def test_scans_wait_for_a_locked_file_and_are_all_recorded(window: MainWindow,
                                                           demo_copy: Path, qtbot) -> None:
    screen = show_checkin(window, demo_copy)
    ids = badges.select(window.db, delegation="Tajikistan")[:3]
    codes = [code_of(window.db, i) for i in ids]
    held, release = threading.Event(), threading.Event()
    locker = threading.Thread(target=hold_write_lock, args=(demo_copy, release, held))
    locker.start()
    held.wait(30)
    try:
        for code in codes:
            qtbot.keyClicks(screen.input, code)
            qtbot.keyClick(screen.input, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: screen.panel.headline.text() == "Waiting for the database…",
                        timeout=30_000)
        assert "Esc cancels" in screen.panel.detail.text()
        assert screen.scans  # nothing recorded while the file is locked
    finally:
        release.set()
    qtbot.waitUntil(lambda: not screen.scans, timeout=30_000)
    locker.join()
    assert screen.panel.kind is Kind.OK
    rows = window.db.execute("SELECT delegate_id FROM checkin WHERE verdict = 'OK' "
                             "ORDER BY rowid").fetchall()
    assert [r[0] for r in rows] == ids


def test_esc_cancels_the_waiting_scans(window: MainWindow, demo_copy: Path, qtbot) -> None:
    screen = show_checkin(window, demo_copy)
    code = code_of(window.db, badges.select(window.db)[0])
    held, release = threading.Event(), threading.Event()
    locker = threading.Thread(target=hold_write_lock, args=(demo_copy, release, held))
    locker.start()
    held.wait(30)
    try:
        qtbot.keyClicks(screen.input, code)
        qtbot.keyClick(screen.input, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: screen.scans.retry.isActive(), timeout=30_000)
        qtbot.keyClick(screen.input, Qt.Key.Key_Escape)
        assert not screen.scans
    finally:
        release.set()
    locker.join()
    qtbot.wait(500)
    assert window.db.execute("SELECT count(*) FROM checkin").fetchone()[0] == 0


def test_a_damaged_file_offers_its_latest_backup_and_restores_it(
        window: MainWindow, demo_copy: Path, qtbot, monkeypatch) -> None:
    with closing(connect(demo_copy)) as db:
        backups.take(db.conn, demo_copy)
        people = db.execute("SELECT count(*) FROM delegate").fetchone()[0]
    damage_an_index(demo_copy)
    shown: list[str] = []

    def answer(box: QMessageBox) -> int:
        shown.append(box.text() + " " + box.informativeText())
        restore = next(b for b in box.buttons() if b.text() == "Restore the latest backup")
        box.clickedButton = lambda: restore  # type: ignore[method-assign]
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    assert window.open_database(demo_copy)  # opened at once, checked in the background
    qtbot.waitUntil(lambda: bool(shown), timeout=60_000)
    assert "is damaged" in shown[0] and "latest automatic backup" in shown[0]
    assert window.db.execute("SELECT count(*) FROM delegate").fetchone()[0] == people
    assert list(demo_copy.parent.glob("demo.replaced-*.sqlite"))  # kept aside


def test_a_file_damaged_where_the_overview_reads_offers_its_backup(
        window: MainWindow, demo_copy: Path, monkeypatch) -> None:
    """Opened without waiting for the check, a file whose damage is met by the first
    read (here the overview's, failing as SQLite fails on a malformed page): the same
    offer, the file closed, and no traceback."""
    import sqlite3

    from bsm_desk.services import event as event_service

    with closing(connect(demo_copy)) as db:
        backups.take(db.conn, demo_copy)

    def malformed(*_args: object) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(event_service, "overview", malformed)
    shown: list[str] = []

    def answer(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0  # closed: nothing restored

    monkeypatch.setattr(QMessageBox, "exec", answer)
    assert not window.open_database(demo_copy)
    assert window.db is None and "is damaged" in shown[0]


def test_the_keeper_backs_up_only_after_a_change(demo_copy: Path, qtbot, app) -> None:
    from bsm_desk import config

    keeper = BackupKeeper(config.load(), interval_ms=50)
    reader = connect(demo_copy)  # opening makes an empty log, closing removes it
    keeper.watch(demo_copy)
    reader.execute("SELECT count(*) FROM delegate").fetchone()
    reader.close()
    assert keeper.final() is None
    keeper.watch(demo_copy)
    keeper.tick()
    qtbot.wait(100)
    assert backups.listing(demo_copy) == []  # nothing changed since it was opened
    with closing(connect(demo_copy)) as db:
        db.execute("UPDATE delegate SET phone = '+992 1' WHERE id = 1")
    made: list[str] = []
    keeper.made.connect(made.append)
    keeper.tick()
    qtbot.waitUntil(lambda: bool(made), timeout=60_000)
    assert len(backups.listing(demo_copy)) == 1
    assert keeper.final() is None  # nothing new since
    with closing(connect(demo_copy)) as db:
        db.execute("UPDATE delegate SET phone = '+992 2' WHERE id = 1")
    assert keeper.final() is not None
    keeper.watch(None)


def test_the_restore_dialog_lists_backups_with_their_contents(demo_copy: Path, qtbot,
                                                              app) -> None:
    with closing(connect(demo_copy)) as db:
        backups.take(db.conn, demo_copy)
        db.execute("UPDATE delegate SET phone = '+992 3' WHERE id = 2")  # then again
        backups.take(db.conn, demo_copy)
    shutil.copy(demo_copy, demo_copy.with_name("unrelated.sqlite"))
    dialog = RestoreBackupDialog(demo_copy, None, None)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(0, 1).text() == "700"
    dialog.accept()
    assert dialog.chosen == backups.listing(demo_copy)[0].path
