from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from bsm_desk.ui.programme.session_dialog import SessionDialog
from bsm_desk.ui.shell.main_window import MainWindow

PROGRAMME_ROW = 5


def show(window: MainWindow, path: Path):
    window.open_database(path)
    window.resize(1400, 900)
    window.show()
    window.navigation.setCurrentRow(PROGRAMME_ROW)
    return window.programme_screen


def test_create_a_block_drag_it_onto_a_busy_room_and_see_the_conflict(
        window: MainWindow, demo_copy: Path, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    screen = show(window, demo_copy)
    assert screen.problems.count() == 0  # the demo programme has no conflicts
    zone = screen.programme.event.zone
    room_a = next(r for r in screen.programme.rooms if r.name_en == "Meeting Room A")
    monkeypatch.setattr(SessionDialog, "exec", lambda self: True)
    original = SessionDialog.result_session
    monkeypatch.setattr(SessionDialog, "result_session",
                        lambda self: replace(original(self), title_en="Donor briefing",
                                             expected=20))
    start = datetime.combine(screen.day.currentData(), time(9, 0), zone)
    screen.create_session(room_a.id, start)
    created = next(s for s in screen.programme.sessions if s.title_en == "Donor briefing")
    block = screen.editor.blocks[created.id]
    assert block.session.room_id == room_a.id

    # Drag it with the mouse onto the Plenary Hall at 10:00, where the opening is.
    plenary = next(r for r in screen.programme.rooms if r.name_en == "Plenary Hall")
    view = screen.editor
    begin = view.mapFromScene(block.mapRectToScene(block.rect()).center())
    target_x = view.x_of(plenary.id) + 90
    target_y = view.y_of(datetime.combine(start.date(), time(10, 0), zone)) + \
        (begin.y() - view.mapFromScene(0, block.mapRectToScene(block.rect()).top()).y())
    end = view.mapFromScene(target_x, target_y)
    viewport = view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, begin)
    for step in range(1, 11):
        point = begin + (end - begin) * step / 10
        QTest.mouseMove(viewport, QPoint(int(point.x()), int(point.y())))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       end)
    moved = next(s for s in screen.programme.sessions if s.id == created.id)
    assert moved.room_id == plenary.id
    assert moved.starts_at.astimezone(zone).time() == time(10, 0)
    assert screen.problems.count() >= 1
    assert "booked twice" in screen.problems.item(0).text()
    assert "booked twice" in screen.editor.blocks[created.id].toolTip()


def test_allocate_review_and_accept_some(window: MainWindow, demo_copy: Path, qtbot,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from bsm_desk.services.programme.side_event_samples import sample_requests
    from bsm_desk.store import event as event_store
    from bsm_desk.store import side_events as side_event_store
    from bsm_desk.ui.programme.allocation_dialog import AllocationDialog

    screen = show(window, demo_copy)
    db = window.db
    db.execute("DELETE FROM side_event_request")  # only this test's requests
    for request in sample_requests(3, 4, event_store.list_days(db),
                                   event_store.get_event(db).zone, []):
        side_event_store.add_request(db, request)
    before = len(screen.programme.sessions)
    seen: dict[str, object] = {}

    def review(dialog: AllocationDialog) -> bool:
        seen["ghosts"] = len(screen.editor._ghosts)
        seen["rows"] = dialog.items.count()
        assert "15 minutes free" in dialog.findChild(QLabel).text()
        # Choosing a line turns the timetable to its day, with the proposal still shown.
        zone = screen.programme.event.zone
        days = {dialog.items.item(i).data(Qt.ItemDataRole.UserRole + 1).astimezone(zone).date()
                for i in range(dialog.items.count())}
        for row in range(dialog.items.count()):
            start = dialog.items.item(row).data(Qt.ItemDataRole.UserRole + 1)
            dialog.items.setCurrentRow(row)
            assert screen.day.currentData() == start.astimezone(zone).date()
            assert screen.editor._ghosts  # dashed blocks on the day shown
        seen["days"] = len(days)
        dialog.items.item(0).setCheckState(Qt.CheckState.Unchecked)  # not this one
        return True

    monkeypatch.setattr(AllocationDialog, "exec", review)
    screen.side_events.allocate()
    qtbot.waitUntil(lambda: "rows" in seen, timeout=60_000)
    assert seen["rows"] == 4 and seen["days"] == 2  # these requests wish for both days
    placed = sum(1 for r in side_event_store.list_requests(db) if r.session_id)
    assert placed == 3 and len(screen.programme.sessions) == before + 3
    assert screen.editor._ghosts == []  # the proposal is gone from the timetable
    assert "3 side event(s) placed" in screen.undo_button.toolTip()
    screen.undo_button.click()  # all three out again, their requests waiting
    assert len(screen.programme.sessions) == before
    assert not any(r.session_id for r in side_event_store.list_requests(db))


def test_rooms_and_hours_edited_and_conflicts_follow(window: MainWindow, demo_copy: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from bsm_desk.ui.programme.rooms_dialog import RoomsDialog

    screen = show(window, demo_copy)
    assert screen.problems.count() == 0

    def shrink(dialog: RoomsDialog) -> bool:
        row = next(r for r in range(dialog.table.rowCount())
                   if dialog.table.item(r, 0).text() == "Conference room, 2nd floor")
        dialog.table.item(row, 3).setText("50")  # the documented side event expects more
        dialog._add_row(dialog.rooms[0].__class__("Library", "Библиотека"))
        dialog.table.item(dialog.table.rowCount() - 1, 3).setText("30")
        first = dialog.hours.cellWidget(0, 0)
        first.setTime(first.time().addSecs(3 * 3600))  # open at 11:00 on the first day
        assert dialog.changeover.value() == 15
        dialog.changeover.setValue(30)
        return True

    monkeypatch.setattr(RoomsDialog, "exec", shrink)
    screen.edit_rooms()
    rooms = {r.name_en: r for r in screen.programme.rooms}
    assert rooms["Conference room, 2nd floor"].capacity == 50
    assert rooms["Library"].name_ru == "Библиотека" and rooms["Library"].capacity == 30
    assert screen.programme.days[0].opens == "11:00"
    assert screen.programme.event.changeover_min == 30
    texts = [screen.problems.item(i).text() for i in range(screen.problems.count())]
    assert any("seats" in t for t in texts)  # over capacity
    assert any("opening hours" in t for t in texts)  # the 10:00 opening is now too early


def test_a_panellist_in_two_sessions_at_once_is_a_conflict(
        window: MainWindow, demo_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    screen = show(window, demo_copy)
    first, second = (s for s in screen.programme.sessions
                     if s.title_en.startswith(("The Role", "Behavioural")))
    chosen: dict[str, int] = {}

    def pick(dialog: SessionDialog) -> bool:
        dialog.people.name_field.setText("Rahmonov Jahongir")
        dialog.people.name_field.returnPressed.emit()
        if dialog.people.found.count() > 1:
            item = dialog.people.found.item(0)
            dialog.people.add(item.data(Qt.ItemDataRole.UserRole), item.text())
        chosen["id"] = dialog.panellists()[0]
        return True

    monkeypatch.setattr(SessionDialog, "exec", pick)
    screen.edit_session(first.id)
    screen.edit_session(second.id)  # the same person, at the same hour
    assert screen.programme.people[first.id] == {chosen["id"]}
    texts = [screen.problems.item(i).text() for i in range(screen.problems.count())]
    assert any("two sessions at once" in t for t in texts)


def test_dragging_the_lower_edge_lengthens_a_session(window: MainWindow,
                                                     demo_copy: Path) -> None:
    screen = show(window, demo_copy)
    zone = screen.programme.event.zone
    session = next(s for s in screen.programme.sessions if s.title_en.startswith("The Role"))
    block = screen.editor.blocks[session.id]
    view = screen.editor
    rect = block.mapRectToScene(block.rect())
    grab = view.mapFromScene(rect.center().x(), rect.bottom() - 2)
    drop = view.mapFromScene(rect.center().x(), rect.bottom() - 2 + 30 * 1.1)
    viewport = view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, grab)
    for step in range(1, 6):
        point = grab + (drop - grab) * step / 5
        QTest.mouseMove(viewport, QPoint(int(point.x()), int(point.y())))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       drop)
    longer = next(s for s in screen.programme.sessions if s.id == session.id)
    assert longer.starts_at == session.starts_at
    assert longer.ends_at.astimezone(zone).time() == time(15, 0)  # 14:30 + 30 minutes


def test_the_day_shown_stays_after_an_edit(window: MainWindow, demo_copy: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    screen = show(window, demo_copy)
    screen.day.setCurrentIndex(1)
    second_day = screen.day.currentData()
    session = next(s for s in screen.programme.sessions
                   if s.local_day(screen.programme.event.zone) == second_day)
    monkeypatch.setattr(SessionDialog, "exec", lambda self: True)
    screen.edit_session(session.id)  # saved and the programme read again
    assert screen.day.currentData() == second_day


def test_delete_with_the_key_and_undo_puts_it_back(window: MainWindow, demo_copy: Path,
                                                   qtbot) -> None:
    screen = show(window, demo_copy)
    side = next(s for s in screen.programme.sessions if s.title_en.startswith("The Role"))
    people = screen.programme.people.get(side.id, set())
    count = len(screen.programme.sessions)
    assert not screen.undo_button.isEnabled()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=60_000)
    screen.editor.blocks[side.id].setSelected(True)
    screen.editor.setFocus()
    qtbot.keyClick(screen.editor, Qt.Key.Key_Delete)
    assert len(screen.programme.sessions) == count - 1
    assert all(s.title_en != side.title_en for s in screen.programme.sessions)
    assert "Ctrl+Z puts it back" in window.statusBar().currentMessage()
    assert screen.undo_button.isEnabled() and "The Role" in screen.undo_button.toolTip()
    qtbot.keyClick(screen.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    back = next(s for s in screen.programme.sessions if s.title_en == side.title_en)
    assert replace(back, id=side.id) == side
    assert screen.programme.people.get(back.id, set()) == people
    assert back.id in screen.editor.blocks and not screen.undo_button.isEnabled()


def test_a_drag_by_mistake_is_undone(window: MainWindow, demo_copy: Path, qtbot,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    screen = show(window, demo_copy)
    zone = screen.programme.event.zone
    side = next(s for s in screen.programme.sessions if s.title_en.startswith("The Role"))
    later = datetime.combine(side.starts_at.astimezone(zone).date(), time(17, 0), zone)
    screen.editor.moved.emit(side.id, side.room_id, later, later + (side.ends_at -
                                                                      side.starts_at))
    assert next(s for s in screen.programme.sessions if s.id == side.id).starts_at == later
    # A new session too, then both undone, last first.
    monkeypatch.setattr(SessionDialog, "exec", lambda self: True)
    original = SessionDialog.result_session
    monkeypatch.setattr(SessionDialog, "result_session",
                        lambda self: replace(original(self), title_en="Press briefing"))
    screen.create_session(side.room_id, datetime.combine(later.date(), time(8, 0), zone))
    assert any(s.title_en == "Press briefing" for s in screen.programme.sessions)
    screen.undo_button.click()
    assert all(s.title_en != "Press briefing" for s in screen.programme.sessions)
    screen.undo_button.click()
    assert next(s for s in screen.programme.sessions if s.id == side.id) == side


def test_a_session_people_checked_in_to_stays(window: MainWindow, demo_copy: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from bsm_desk.store import checkins as checkin_store

    screen = show(window, demo_copy)
    session = screen.programme.sessions[0]
    checkin_store.append(window.db, checkpoint=f"session-{session.id}", delegate_id=1,
                         badge_version=1, verdict="ok", accepted=True,
                         at=session.starts_at, desk_id="d")
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: errors.append(text))
    screen.delete_session(session.id)
    assert errors and "checked in" in errors[0]
    assert session in screen.programme.sessions and not screen.undo_button.isEnabled()


def test_a_new_event_without_rooms_asks_for_rooms_first(window: MainWindow, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date

    from PySide6.QtWidgets import QGraphicsSimpleTextItem

    from bsm_desk.domain.model import Room
    from bsm_desk.services.event.making import NewEvent, create_event
    from bsm_desk.ui.programme.rooms_dialog import RoomsDialog

    create_event(tmp_path / "new.sqlite", NewEvent("Test", date(2022, 10, 18),
                                                   date(2022, 10, 19), "Asia/Dushanbe"),
                 desk_id="d").close()
    screen = show(window, tmp_path / "new.sqlite")
    notes = [i.text() for i in screen.editor.scene().items()
             if isinstance(i, QGraphicsSimpleTextItem)]
    assert any(t.startswith("No rooms yet") for t in notes)

    def add_room(dialog: RoomsDialog) -> bool:
        dialog._add_row(Room("", ""))
        row = dialog.table.rowCount() - 1
        for column, text in enumerate(("Main hall", "Главный зал", "1", "300", "2")):
            dialog.table.item(row, column).setText(text)
        return True

    monkeypatch.setattr(RoomsDialog, "exec", add_room)
    screen.add_button.click()  # "New session…" with no rooms: the rooms come first
    assert [r.name_en for r in screen.programme.rooms] == ["Main hall"]
    notes = [i.text() for i in screen.editor.scene().items()
             if isinstance(i, QGraphicsSimpleTextItem)]
    assert not any(t.startswith("No rooms yet") for t in notes)


def test_proposed_blocks_are_labelled_in_the_interface_language(
        window: MainWindow, demo_copy: Path, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    """A request titled only in Russian, and the Russian UI: the dashed block says it."""
    from datetime import datetime

    from PySide6.QtWidgets import QGraphicsSimpleTextItem

    from bsm_desk.domain.programme import Request
    from bsm_desk.store import side_events as side_event_store
    from bsm_desk.ui.programme.allocation_dialog import AllocationDialog
    from bsm_desk.ui.shell import i18n

    screen = show(window, demo_copy)
    i18n.manager().set_language("ru")
    zone = screen.programme.event.zone
    window.db.execute("DELETE FROM side_event_request")
    side_event_store.add_request(window.db, Request(
        "", 60, expected=10, title_ru="Круглый стол МОМ",
        slots=(datetime.combine(screen.day.currentData(), time(19, 0), zone),)))
    labels: list[str] = []

    def review(dialog: AllocationDialog) -> bool:
        labels.extend(i.text() for i in screen.editor.scene().items()
                      if isinstance(i, QGraphicsSimpleTextItem))
        return False

    monkeypatch.setattr(AllocationDialog, "exec", review)
    screen.side_events.allocate()
    qtbot.waitUntil(lambda: bool(labels), timeout=60_000)
    assert "19:00 Круглый стол МОМ" in labels
