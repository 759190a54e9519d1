"""The Speakers screen: inscribe by a Cyrillic name, refusals and the chair's override,
Next and Pause from the keyboard, the countdown's colours, the Russian UI."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent, QShortcut
from PySide6.QtWidgets import QInputDialog

from bsm_desk.domain.checkin import Checkpoint
from bsm_desk.services import speakers
from bsm_desk.services.checkin import Desk
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.main_window import MainWindow
from bsm_desk.ui.shell.screen_registry import NAMES
from bsm_desk.ui.speakers import actions as actions_module
from bsm_desk.ui.speakers import displays, undo
from tests.acting import who_at
from tests.conftest import DESK


def show_speakers(window: MainWindow, path: Path):
    window.open_database(path)
    window.show()
    window.navigation.setCurrentRow(NAMES.index("speakers"))
    screen = window.speakers_screen
    thematic = next(i for i in range(screen.session.count())
                    if "Thematic" in screen.session.itemText(i))
    screen.session.setCurrentIndex(thematic)
    return screen


def a_head(db) -> tuple[int, str]:
    row = db.execute(
        "SELECT d.id, d.family_name_cyr FROM delegate d JOIN category c ON c.id = d.category_id"
        " WHERE c.code = 'hod' AND d.status != 'cancelled' AND d.family_name_cyr != ''"
        " ORDER BY d.id LIMIT 1").fetchone()
    return row[0], row[1]


def type_name(screen, text: str) -> None:
    screen.name.setText(text)
    screen.name.textEdited.emit(text)  # what typing does (keyClicks knows no Cyrillic)


def test_inscribe_by_a_cyrillic_name_with_the_chair_overriding(window, demo_copy, qtbot,
                                                              monkeypatch) -> None:
    screen = show_speakers(window, demo_copy)
    delegate_id, cyrillic = a_head(window.db)
    asked: list[str] = []

    def chair(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(args[2])
        return "arrived late, seen by the chair", True

    monkeypatch.setattr(QInputDialog, "getText", chair)
    type_name(screen, cyrillic)
    assert screen.results.isVisible()
    chosen = screen.results.chosen()  # the best match for the typed name
    qtbot.keyClick(screen.name, Qt.Key.Key_Return)
    assert "not been checked in" in asked[0]  # refused, then overridden
    assert screen.table.rowCount() == 1
    entry = screen.listed.entries[0]
    assert entry.delegate_id == chosen
    assert window.db.execute("SELECT family_name_cyr FROM delegate WHERE id = ?",
                             [chosen]).fetchone()[0] == cyrillic
    assert entry.override_reason == "arrived late, seen by the chair"


def test_next_pause_and_the_countdown_colours(window, demo_copy, qtbot) -> None:
    screen = show_speakers(window, demo_copy)
    delegate_id, _ = a_head(window.db)
    Desk.open(window.db, Checkpoint.entrance_id(datetime(2022, 10, 18).date()),
              who=who_at(window.db, DESK)).admit(delegate_id)
    session = screen.session_id()
    # Inscribed "yesterday" by the demo's calendar: the list is the session's.
    speakers.inscribe(window.db, session, delegate_id, who=who_at(window.db, DESK),
                      override="checked in on the first day only")
    screen.refresh()
    keys = {shortcut.key().toString(): shortcut for shortcut in screen.findChildren(QShortcut)}
    assert set(keys) == {"F5", "F6", "F8", "Ctrl+Z", "Del"}
    keys["F5"].activated.emit()  # the platform's key dispatch needs an active window
    assert screen.listed.current is not None
    assert screen.clock.property("state") == "running" and screen.clock.text() == "5:00"
    screen.clock.read_as = (275.0, screen.clock.read_as[1], True)  # 25 s left
    screen.clock.tick()
    assert screen.clock.property("state") == "ending"
    screen.clock.read_as = (310.0, screen.clock.read_as[1], True)
    screen.clock.tick()
    assert screen.clock.property("state") == "over" and screen.clock.text().startswith("+0:1")
    keys["F6"].activated.emit()  # pause
    assert not screen.clock.read_as[2]
    keys["F8"].activated.emit()
    assert screen.listed.current is None and screen.current.text() == "Nobody is speaking."


def test_the_screen_in_russian(window, demo_copy) -> None:
    screen = show_speakers(window, demo_copy)
    i18n.manager().set_language("ru")
    try:
        assert screen.title.text() == "Ораторы"
        assert screen.next_button.text().startswith("Следующий")
        assert screen.kind.itemText(0) == "Выступление"
    finally:
        i18n.manager().set_language("en")


def test_the_countdown_stands_still_while_paused_and_runs_on_between_reads(
        window, demo_copy, monkeypatch) -> None:
    """Between two reads of the record the clock advances by the monotonic clock."""
    import bsm_desk.ui.speakers.countdown as module

    screen = show_speakers(window, demo_copy)
    monkeypatch.setattr(module.time, "monotonic", lambda: 1000.0)
    screen.clock.read_as = (12.0, 990.0, False)
    assert screen.clock.spoken_now() == 12.0  # paused: as read
    screen.clock.read_as = (12.0, 990.0, True)
    assert screen.clock.spoken_now() == 22.0  # speaking: ten seconds on


def test_the_projector_and_the_booths_follow_the_chair(window, demo_copy, qtbot) -> None:
    screen = show_speakers(window, demo_copy)
    delegate_id, cyrillic = a_head(window.db)
    session = screen.session_id()
    speakers.inscribe(window.db, session, delegate_id, language="other",
                      who=who_at(window.db, DESK),
                      override="test")
    screen.open_projector()
    screen.open_booths()
    qtbot.addWidget(screen.projector)
    qtbot.addWidget(screen.booths)
    assert screen.projector.isFullScreen()
    assert "Next · Далее" in screen.projector.next_up.text()
    assert "RELAY" in screen.booths.next_up.text()
    screen.verbs.next_speaker()  # the chair calls the speaker: both windows follow at once
    assert cyrillic in screen.projector.name.text()
    assert screen.projector.clock.text() == screen.clock.text() != ""
    assert screen.projector.clock.property("state") == "running"
    assert "Now · Сейчас" in screen.booths.current.text() and "RELAY" in \
        screen.booths.current.text()
    screen.verbs.end()
    assert screen.projector.name.text() == "" and screen.projector.clock.text() == ""


def test_the_booths_see_and_open_a_statements_text(window, demo_copy, qtbot, tmp_path,
                                                   monkeypatch) -> None:
    screen = show_speakers(window, demo_copy)
    delegate_id, _ = a_head(window.db)
    session = screen.session_id()
    entry = speakers.inscribe(window.db, session, delegate_id, who=who_at(window.db, DESK),
                              override="test")
    statement = tmp_path / "Выступление.txt"
    statement.write_text("Уважаемый председатель!", encoding="utf-8")
    speakers.hand_in_text(window.db, session, entry.id, statement, who=who_at(window.db, DESK))
    screen.open_booths()
    qtbot.addWidget(screen.booths)
    screen.refresh()
    assert "TEXT · ТЕКСТ" in screen.booths.next_up.text()
    assert not screen.booths.open_button.isEnabled()  # nobody speaks yet
    opened: list[str] = []
    monkeypatch.setattr(displays.QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    screen.verbs.next_speaker()
    assert screen.booths.open_button.isEnabled()
    written = screen.booths.open_text()
    assert written is not None and written.read_bytes() == statement.read_bytes()
    assert opened == [str(written)] and written.name == statement.name


def test_the_chair_hands_in_a_text_and_a_wrong_file_is_refused(window, demo_copy, tmp_path,
                                                               monkeypatch) -> None:
    screen = show_speakers(window, demo_copy)
    delegate_id, _ = a_head(window.db)
    speakers.inscribe(window.db, screen.session_id(), delegate_id, who=who_at(window.db, DESK),
                      override="test")
    screen.refresh()
    warnings: list[str] = []
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text: warnings.append(text))
    renamed = tmp_path / "statement.pdf"
    renamed.write_bytes(b"\x89PNG\r\n\x1a\n")
    assert not screen.verbs.hand_in_text(renamed)  # nothing selected yet
    screen.table.setCurrentCell(0, 0)
    assert not screen.verbs.hand_in_text(renamed) and "statement.pdf" in warnings[0]
    good = tmp_path / "statement.txt"
    good.write_text("Mr Chair", encoding="utf-8")
    assert screen.verbs.hand_in_text(good)
    assert screen.table.item(0, 1).text().endswith("✎")


def test_the_chairs_limit_applies_to_the_clock_at_once(window, demo_copy) -> None:
    screen = show_speakers(window, demo_copy)
    delegate_id, _ = a_head(window.db)
    session = screen.session_id()
    speakers.inscribe(window.db, session, delegate_id, who=who_at(window.db, DESK), override="test")
    screen.refresh()
    screen.verbs.next_speaker()
    screen.limit.setValue(2.5)
    screen.limit.editingFinished.emit()
    assert screen.listed.current.limit_s == 150
    assert screen.clock.text() == "2:30"
    screen.limit.setValue(0)
    screen.limit.editingFinished.emit()
    assert screen.limit.text() == "no limit" and screen.clock.text().startswith("0:")


def test_view_menu_opens_the_projector_and_the_booths(window, demo_copy, qtbot) -> None:
    window.open_database(demo_copy)
    window.show()
    assert window.projector_action.isEnabled()
    window.booths_action.trigger()
    screen = window.screens.get("speakers")
    qtbot.addWidget(screen.booths)
    assert window.stack.currentWidget() is screen and screen.booths.isVisible()
    window.projector_action.trigger()
    qtbot.addWidget(screen.projector)
    assert screen.projector.isFullScreen()


def heads_of_three_delegations(db) -> list[int]:
    rows = db.execute(
        "SELECT MIN(d.id) FROM delegate d JOIN category c ON c.id = d.category_id"
        " WHERE c.code = 'hod' AND d.status != 'cancelled' GROUP BY d.delegation_id"
        " ORDER BY 1 LIMIT 3").fetchall()
    return [r[0] for r in rows]


def drop(table, source_row: int, target_row: int) -> None:
    """What a drag of ``source_row`` onto ``target_row`` delivers to the table."""
    table.setCurrentCell(source_row, 0)
    centre = QPointF(table.visualRect(table.model().index(target_row, 1)).center())
    event = QDropEvent(centre, Qt.DropAction.MoveAction, QMimeData(),
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    table.dropEvent(event)


def test_withdraw_move_by_dragging_and_undo(window, demo_copy, monkeypatch) -> None:
    screen = show_speakers(window, demo_copy)
    ids = heads_of_three_delegations(window.db)
    for delegate_id in ids:
        screen.verbs.inscribe(delegate_id, override="test")
    order = [e.id for e in screen.listed.waiting()]
    assert len(order) == 3 and screen.undo_button.isEnabled()
    # Withdrawn by mistake, put back with Ctrl+Z.
    screen.table.setCurrentCell(1, 0)
    screen.verbs.withdraw_selected()
    assert [e.id for e in screen.listed.waiting()] == [order[0], order[2]]
    keys = {shortcut.key().toString(): shortcut for shortcut in screen.findChildren(QShortcut)}
    keys["Ctrl+Z"].activated.emit()  # the platform's key dispatch needs an active window
    assert [e.id for e in screen.listed.waiting()] == order
    # Dragged to the top: the reason is asked and recorded; a cancelled dialog moves nothing.
    answers = iter([("", False), ("the minister must leave", True)])
    monkeypatch.setattr(actions_module.QInputDialog, "getText",
                        lambda *_args, **_kw: next(answers))
    drop(screen.table, 2, 0)
    assert [e.id for e in screen.listed.waiting()] == order
    drop(screen.table, 2, 0)
    assert [e.id for e in screen.listed.waiting()] == [order[2], order[0], order[1]]
    reasons = [r[0] for r in window.db.execute(
        "SELECT reason FROM speaker_event WHERE what = 'move' ORDER BY id")]
    assert reasons == ["the minister must leave"]
    screen.verbs.undo_last()
    assert [e.id for e in screen.listed.waiting()] == order
    # The last inscription undone is withdrawn; one that has spoken meanwhile cannot be.
    screen.verbs.undo_last()
    last_inscribed = max(order)
    assert [e.id for e in screen.listed.waiting()] == [i for i in order if i != last_inscribed]
    screen.verbs.next_speaker()
    screen.undo.push(undo.Step(undo.INSCRIBED, screen.session_id(), order[0], "x"))
    messages: list[str] = []
    screen.message.connect(messages.append)
    screen.verbs.undo_last()
    assert messages and "#" in messages[-1] and screen.listed.current.id == order[0]


def test_a_clash_from_two_desks_is_shown_to_the_chair(window, demo_copy) -> None:
    """Two desks inscribed one delegation while apart (listed when they met): the chair
    sees it under the list of that session, and only there."""
    from bsm_desk.services.hub import rows
    from bsm_desk.store import atomic
    from bsm_desk.store import hub_desk_state as state

    screen = show_speakers(window, demo_copy)
    session_id = screen.session_id()
    assert not screen.clash.isVisibleTo(screen)
    with atomic(window.db):
        state.add_review(window.db, "clash-1", "speakers", rows.SPEAKERS_CLASH, {
            "desk": "Door B", "name": "NAZAROV Rustam", "session": "Thematic session",
            "session_id": session_id, "rule": "{delegation} already has a statement on"
            " this list.", "rule_fields": {"delegation": "Tajikistan"}})
    screen.refresh()
    assert screen.clash.isVisibleTo(screen)
    assert "Tajikistan already has a statement" in screen.clash.text()
    assert "the chair decides" in screen.clash.text()
    other = next(i for i in range(screen.session.count())
                 if screen.session.itemData(i) != session_id)
    screen.session.setCurrentIndex(other)
    screen.refresh()
    assert not screen.clash.isVisibleTo(screen)


def test_the_order_of_statements_is_chosen_on_the_screen(window, demo_copy) -> None:
    screen = show_speakers(window, demo_copy)
    session = screen.session_id()
    assert screen.order.currentData() == "protocol"
    screen.order.setCurrentIndex(screen.order.findData("inscription"))
    screen.order.activated.emit(screen.order.currentIndex())
    assert speakers.speaker_list(window.db, session).order.value == "inscription"
    i18n.manager().set_language("ru")
    try:
        assert screen.order.itemText(1) == "по времени записи"
    finally:
        i18n.manager().set_language("en")
