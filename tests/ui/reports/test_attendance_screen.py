from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog

from bsm_desk.services.demo import build_demo
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.main_window import MainWindow
from tests.conftest import DESK

ATTENDANCE_ROW = 4


@pytest.fixture(scope="module")
def attended(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("att-ui") / "demo.sqlite"
    build_demo(path, desk_id=DESK, attendance=True)
    return path


def show(window: MainWindow, path: Path, qtbot):
    window.open_database(path)
    window.show()
    window.navigation.setCurrentRow(ATTENDANCE_ROW)
    screen = window.attendance_screen
    qtbot.waitUntil(lambda: screen.data is not None, timeout=60_000)
    return screen


def test_the_dashboard_shows_days_sessions_chart_and_no_shows(window, attended, qtbot):
    screen = show(window, attended, qtbot)
    assert screen.timer.isActive()
    assert "2022-10-18:" in screen.days.text() and "women" in screen.days.text()
    sessions = screen.sessions
    assert sessions.rowCount() == 2 + len(screen.data.sessions)
    assert sessions.item(0, 0).text() == "2022-10-18"
    present = sessions.item(0, 2).data(0)
    assert present == len(screen.data.day_first[screen.data.days[0]])
    assert screen.chart.bars >= 8  # arrivals from 08:00 on, per quarter hour
    no_shows = len(screen.data.no_shows())
    assert screen.no_shows.rowCount() == no_shows
    assert screen.tabs.tabText(4) == f"No-shows ({no_shows})"
    screen.no_show_filter.setText("zzzz-nobody")
    assert screen.no_shows.rowCount() == 0
    window.navigation.setCurrentRow(0)
    assert not screen.timer.isActive()  # no reading while nobody looks


def test_exports_from_the_dashboard(window, attended, qtbot, tmp_path,
                                    monkeypatch: pytest.MonkeyPatch):
    screen = show(window, attended, qtbot)
    target = tmp_path / "att.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), "Excel workbook (*.xlsx)"))
    screen.export_workbook()
    qtbot.waitUntil(target.exists, timeout=60_000)
    assert load_workbook(target).sheetnames[0] == "Summary"
    pdf = tmp_path / "lop.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), "PDF"))
    screen.export_participants()
    qtbot.waitUntil(pdf.exists, timeout=60_000)
    assert pdf.read_bytes().startswith(b"%PDF")
    shows = tmp_path / "no-shows.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(shows), "CSV"))
    screen.export_no_shows()
    lines = shows.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 1 + len(screen.data.no_shows())


def test_the_dashboard_in_russian(window, attended, qtbot):
    screen = show(window, attended, qtbot)
    i18n.manager().set_language("ru")
    assert screen.title.text() == "Посещаемость"
    assert screen.tabs.tabText(0) == "Дни и заседания"
    assert "женщин" in screen.days.text()
