"""The side-event requests dialog: typed in by hand, corrected, deleted and put back,
imported from a spreadsheet, and handed to the allocator."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, Qt, QTime, QTimeZone
from PySide6.QtWidgets import QMessageBox

from bsm_desk.store import side_events as side_event_store
from bsm_desk.ui.programme.side_event_dialog import SideEventDialog
from bsm_desk.ui.programme.side_events_dialog import SideEventsDialog
from bsm_desk.ui.shell.main_window import MainWindow
from tests.acting import who_at
from tests.ui.programme.test_programme_screen import show


def rows(dialog: SideEventsDialog) -> list[list[str]]:
    return [[dialog.table.item(r, c).text() for c in range(dialog.table.columnCount())]
            for r in range(dialog.table.rowCount())]


def select(dialog: SideEventsDialog, title: str) -> None:
    row = next(i for i, cells in enumerate(rows(dialog)) if cells[0] == title)
    dialog.table.selectRow(row)


def test_type_a_request_in_correct_it_delete_it_and_undo(
        window: MainWindow, demo_copy: Path, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    screen = show(window, demo_copy)
    db = window.db
    zone = screen.programme.event.zone
    day_two = screen.programme.days[1].date
    dialog = SideEventsDialog(db, window.settings, parent=window)
    qtbot.addWidget(dialog)
    waiting_before = len(side_event_store.list_requests(db))
    assert dialog.table.rowCount() == waiting_before

    def fill(form: SideEventDialog) -> bool:
        qtbot.keyClicks(form.title_en, "Mountain border patrolling")
        form.title_ru.setText("Патрулирование горных границ")  # QTest types Latin only
        qtbot.keyClicks(form.organizer, "OSCE")
        form.expected.setValue(35)
        form.duration.setValue(90)
        form.interpretation.setChecked(True)
        form.russian.setChecked(True)
        form.equipment["projector"].setChecked(True)
        # The form starts with 13:30 on the first day; add 18:00 on the second day and
        # make it the first choice.
        form.when.setDateTime(QDateTime(day_two.year, day_two.month, day_two.day, 0, 0, 0, 0,
                                        QTimeZone.UTC))
        form.when.setTime(QTime(18, 0))
        qtbot.mouseClick(form.add_slot, Qt.MouseButton.LeftButton)
        form.slots.setCurrentRow(1)
        qtbot.mouseClick(form.up, Qt.MouseButton.LeftButton)
        assert form.slots.item(0).text().startswith("1. ") and "18:00" in form.slots.item(0).text()
        form.people.name_field.setText("Rahmonov")
        form.people.name_field.returnPressed.emit()
        if not form.people.ids():
            item = form.people.found.item(0)
            form.people.add(item.data(Qt.ItemDataRole.UserRole), item.text())
        return True

    monkeypatch.setattr(SideEventDialog, "exec", fill)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    added = side_event_store.list_requests(db)[-1]
    assert added.title_en == "Mountain border patrolling" and added.organizer == "OSCE"
    assert (added.expected, added.duration_min, added.interpretation) == (35, 90, True)
    assert added.equipment == ("projector",) and len(added.panellists) == 1
    assert [s.astimezone(zone) for s in added.slots] == [
        datetime.combine(day_two, time(18, 0), zone),
        datetime.combine(screen.programme.days[0].date, time(13, 30), zone)]
    assert rows(dialog)[-1][0] == "Mountain border patrolling"
    assert rows(dialog)[-1][5] == "Waiting for a room"
    assert dialog.table.currentRow() == dialog.table.rowCount() - 1  # the new one selected

    # Correct it: the form opens with what was saved.
    def correct(form: SideEventDialog) -> bool:
        assert form.title_ru.text() == "Патрулирование горных границ"
        assert form.preferred() == list(added.slots)
        assert form.people.ids() == list(added.panellists)
        form.title_en.setText("Mountain border patrolling in winter")
        return True

    monkeypatch.setattr(SideEventDialog, "exec", correct)
    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    assert side_event_store.list_requests(db)[-1].title_en == \
        "Mountain border patrolling in winter"

    # Delete it (asked first), then put it back.
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    select(dialog, "Mountain border patrolling in winter")
    assert not dialog.undo_button.isEnabled()
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == waiting_before
    assert dialog.undo_button.isEnabled()
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    back = side_event_store.list_requests(db)[-1]
    assert back.title_en == "Mountain border patrolling in winter"
    assert back.slots == added.slots and back.panellists == added.panellists
    assert not dialog.undo_button.isEnabled()


def test_a_form_without_a_title_stays_open(window: MainWindow, demo_copy: Path, qtbot,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from bsm_desk.ui.programme.side_event_dialog import default_request

    screen = show(window, demo_copy)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    form = SideEventDialog(default_request(screen.programme.days, screen.programme.event.zone),
                         screen.programme.days, screen.programme.event.zone, ["projector"])
    qtbot.addWidget(form)
    form.show()
    form.accept()
    assert form.isVisible() and warned and "title" in warned[0]
    form.title_ru.setText("Сайд-ивент")
    form.accept()
    assert not form.isVisible()


def test_import_shows_every_problem_then_imports(window: MainWindow, demo_copy: Path, qtbot,
                                                 tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    show(window, demo_copy)
    db = window.db
    before = side_event_store.list_requests(db)
    dialog = SideEventsDialog(db, window.settings, parent=window)
    qtbot.addWidget(dialog)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "exec",
                        lambda box: shown.append((box.text(), box.detailedText())))
    bad = tmp_path / "bad.csv"
    bad.write_text("title,duration,preferred slots\nFine,60,2022-10-18 13:30\n"
                   "No time,sixty,2022-10-18 13:30\n", encoding="utf-8")
    dialog.import_path(bad)
    assert "Nothing was imported" in shown[0][0]
    assert "Row 3, duration" in shown[0][1] and "sixty" in shown[0][1]
    assert side_event_store.list_requests(db) == before
    infos: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: infos.append(text))
    good = tmp_path / "good.csv"
    good.write_text("Название;Продолжительность;Предпочтительное время\n"
                    "Сайд-ивент МОМ;60;2022-10-19 13:30\n", encoding="utf-8")
    dialog.import_path(good)
    assert infos == ["1 request(s) imported from good.csv."]
    assert dialog.table.rowCount() == len(before) + 1
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a workbook")
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: errors.append(text))
    dialog.import_path(broken)
    assert errors and dialog.table.rowCount() == len(before) + 1


def test_placed_requests_are_shown_and_allocate_hands_over(
        window: MainWindow, demo_copy: Path, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    from bsm_desk.services.programme import allocation
    from bsm_desk.ui.programme.side_event_actions import SideEventActions

    screen = show(window, demo_copy)
    db = window.db
    proposal = allocation.allocate(db, time_limit=2)
    first = next(p for p in proposal.placements if p.placed)
    allocation.apply(db, proposal, who=who_at(db, window.settings.desk_id), only={first.request.id})
    opened: list[SideEventsDialog] = []
    allocated: list[bool] = []

    def run(dialog: SideEventsDialog) -> int:
        opened.append(dialog)
        select(dialog, first.request.title_en)
        assert not dialog.edit_button.isEnabled() and not dialog.delete_button.isEnabled()
        status = rows(dialog)[dialog.table.currentRow()][5]
        assert status.startswith("In the programme:") and first.room.name_en in status
        assert dialog.allocate_button.isEnabled()  # others still wait
        qtbot.mouseClick(dialog.allocate_button, Qt.MouseButton.LeftButton)
        return 1

    monkeypatch.setattr(SideEventsDialog, "exec", run)
    monkeypatch.setattr(SideEventActions, "allocate", lambda self: allocated.append(True))
    qtbot.mouseClick(screen.requests_button, Qt.MouseButton.LeftButton)
    assert opened and allocated == [True]


def test_in_russian(window: MainWindow, demo_copy: Path, qtbot) -> None:
    from bsm_desk.ui.programme.side_event_dialog import default_request
    from bsm_desk.ui.shell import i18n

    screen = show(window, demo_copy)
    i18n.manager().set_language("ru")
    assert screen.requests_button.text() == "Заявки на параллельные мероприятия…"
    dialog = SideEventsDialog(window.db, window.settings, parent=window)
    qtbot.addWidget(dialog)
    assert dialog.table.horizontalHeaderItem(0).text() == "Название"
    first = rows(dialog)[0][0]  # the Russian title where there is one, a real one
    assert first.endswith("(1)") and any("а" <= ch <= "я" for ch in first.lower())
    assert rows(dialog)[0][5] == "Ждёт зала"
    assert dialog.summary.text() == "Ждут зала: 8, в программе: 0."
    form = SideEventDialog(default_request(screen.programme.days, screen.programme.event.zone),
                         screen.programme.days, screen.programme.event.zone, ["projector"])
    qtbot.addWidget(form)
    assert form.equipment["projector"].text() == "проектор"
    assert form.interpretation.text() == "Нужен синхронный перевод"
    assert form.preferred()[0].isoformat() == "2022-10-18T13:30:00+05:00"
