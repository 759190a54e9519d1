"""The conference report on the Attendance screen: built when its tab is looked at, the
same figures as the service gives, a chart in the report's palette, saved as PDF and
workbook, in English and Russian."""

from __future__ import annotations

from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bsm_desk.services import conference
from bsm_desk.services.demo import build_demo
from bsm_desk.services.event.files import connect
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.main_window import MainWindow
from tests.conftest import DESK


@pytest.fixture(scope="module")
def happened(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report-ui") / "demo.sqlite"
    build_demo(path, desk_id=DESK, attendance=True, showcase=True)
    return path


def _report_tab(window: MainWindow, path: Path, qtbot):  # type: ignore[no-untyped-def]
    window.open_database(path)
    window.show()
    window.navigation.setCurrentRow(window.screen_row("attendance"))
    screen = window.attendance_screen
    screen.tabs.setCurrentWidget(screen.report)
    qtbot.waitUntil(lambda: screen.report.report is not None, timeout=60_000)
    return screen.report


def test_the_tab_shows_the_services_figures(window, happened, qtbot) -> None:
    tab = _report_tab(window, happened, qtbot)
    with closing(connect(happened)) as db:
        expected = conference.build(db)
    assert tab.figures.item(0, 1).data(0) == expected.registered.total
    assert tab.figures.item(1, 1).data(0) == expected.accredited.total
    assert tab.figures.item(2, 1).data(0) == expected.present.total
    assert tab.figures.item(2, 2).data(0) == expected.present.women
    assert tab.speaking.rowCount() == len(expected.speaking) + 1  # and the total
    series = tab.chart.chart().series()
    assert len(series) == 1 and [s.label() for s in series[0].barSets()][:2] == \
        ["Women", "Men"]
    assert series[0].barSets()[0].color().name() == conference.report.WOMEN


def test_the_tab_in_russian_and_saving_both(window, happened, qtbot, tmp_path) -> None:
    tab = _report_tab(window, happened, qtbot)
    i18n.manager().set_language("ru")
    try:
        assert tab.pdf_button.text().startswith("Отчёт о конференции")
        qtbot.waitUntil(lambda: tab.figures.horizontalHeaderItem(2).text() == "Женщины",
                        timeout=60_000)
        saved: list[str] = []
        tab.message.connect(saved.append)
        tab.save("xlsx", tmp_path / "отчёт.xlsx")
        tab.save("pdf", tmp_path / "отчёт.pdf")
        qtbot.waitUntil(lambda: len(saved) == 2, timeout=60_000)
        assert load_workbook(tmp_path / "отчёт.xlsx").sheetnames[0] == "Сводка"
        assert (tmp_path / "отчёт.pdf").read_bytes().startswith(b"%PDF")
    finally:
        i18n.manager().set_language("en")


def test_the_charts_to_choose_from(window, happened, qtbot) -> None:
    """Present by day and session; each day's rooms, a line per room in the report's
    palette; the side events against their seats; speaking time by gender."""
    tab = _report_tab(window, happened, qtbot)
    report = tab.report
    keys = [tab.choice.itemData(i) for i in range(tab.choice.count())]
    days = [d.isoformat() for d, flows in report.rooms.items() if flows]
    assert keys == ["present", *days, "side", "speaking"]
    tab.choice.setCurrentIndex(keys.index(days[0]))
    lines = tab.chart.chart().series()
    flows = report.rooms[date.fromisoformat(days[0])]
    assert [s.name() for s in lines] == [f.room for f in flows]
    assert lines[0].color().name() == conference.report.LINES[0]
    assert [int(p.y()) for p in lines[0].points()] == [n for _at, n in flows[0].quarters]
    tab.choice.setCurrentIndex(keys.index("side"))
    bars = tab.chart.chart().series()[0].barSets()
    assert [int(v) for v in reversed([bars[0].at(i) for i in range(bars[0].count())])] == \
        [line.present.total for line in report.side_events]
    tab.choice.setCurrentIndex(keys.index("speaking"))
    assert tab.chart.chart().title() == "Speaking time"
    tab.refresh(happened)  # built again: the chart looked at stays
    qtbot.waitUntil(lambda: tab._job is None, timeout=60_000)
    assert tab.choice.currentData() == "speaking"


def test_a_tab_closed_while_its_report_is_read_is_left_alone(happened, qtbot) -> None:
    from bsm_desk.ui.reports.report_tab import ReportTab
    from bsm_desk.ui.shell import workers

    tab = ReportTab()
    tab.refresh(happened)
    job = tab._job
    tab.deleteLater()
    qtbot.waitUntil(lambda: job not in workers._RUNNING, timeout=60_000)
    # No "Internal C++ object already deleted" from the job's done: nothing raised.
