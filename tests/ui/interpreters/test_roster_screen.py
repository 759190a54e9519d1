"""The Roster screen: a name dragged into a second room at the same time shows the breach
at once, with its rule; Undo takes it back; a locked seat survives Solve, whose proposal
is reviewed as a list of changes; the Russian UI."""

from __future__ import annotations

from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent

from bsm_desk.domain.model import Session, SessionKind
from bsm_desk.services.interpreters import rostering
from bsm_desk.store import connect
from bsm_desk.store import sessions as session_store
from bsm_desk.ui.interpreters import review
from bsm_desk.ui.interpreters.grid import BREACH, PERSON, SEAT0, payload
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.screen_registry import NAMES
from tests.acting import who_at

DUSHANBE = ZoneInfo("Asia/Dushanbe")


@pytest.fixture
def rostered(demo_copy: Path) -> Path:
    """The demo with its roster applied, and a side event in the conference room at the
    plenary's time on day one (so that a second room runs at once)."""
    with closing(connect(demo_copy)) as db:
        at = datetime(2022, 10, 18, 10, 0, tzinfo=DUSHANBE)
        session_store.add_session(db, Session(
            SessionKind.SIDE_EVENT, "Morning briefing", "Утренний брифинг", at,
            at + timedelta(hours=1), room_id=2, languages=("en", "ru"), interpretation=True))
        db.conn.commit()
        # The same roster on every run: the tests below name seats and who sits in them.
        rostering.apply(db, rostering.make_roster(db, time_limit=10, deterministic=True),
                        who=who_at(db, "t"))
    return demo_copy


def show_roster(window, path: Path):  # type: ignore[no-untyped-def]
    window.open_database(path)
    window.show()
    window.navigation.setCurrentRow(NAMES.index("roster"))
    return window.screens.get("roster")


def row_of(screen, start: str, room: str, booth: str) -> int:  # type: ignore[no-untyped-def]
    for row in range(screen.grid.rowCount()):
        cells = [screen.grid.item(row, c).text() for c in range(SEAT0)]
        if cells[0].startswith(start) and cells[1].startswith(room) and booth in cells[3]:
            return row
    raise AssertionError(f"no row {start} {room} {booth}")


def drop_on(grid, mime, row: int, column: int) -> None:  # type: ignore[no-untyped-def]
    """What a drag onto a seat delivers to the grid."""
    centre = QPointF(grid.visualRect(grid.model().index(row, column)).center())
    event = QDropEvent(centre, Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    grid.dropEvent(event)


def test_a_second_room_at_once_shows_the_breach_and_undo_takes_it_back(window, rostered):
    screen = show_roster(window, rostered)
    plenary = row_of(screen, "10:00", "Plenary", "English")
    briefing = row_of(screen, "10:00", "Conference", "English")
    person = screen.grid.item(plenary, SEAT0).data(PERSON)
    name = screen.grid.item(plenary, SEAT0).text()
    before = screen.grid.item(briefing, SEAT0).data(PERSON)
    assert person is not None and before != person
    drop_on(screen.grid, payload(person), briefing, SEAT0)  # from the pool
    seat = screen.grid.item(briefing, SEAT0)
    assert seat.data(PERSON) == person
    assert seat.background().color() == BREACH
    assert "in two booths at once" in seat.toolTip()
    plenary_seat = screen.grid.item(plenary, SEAT0)
    assert plenary_seat.background().color() == BREACH
    problems = [screen.problems.item(i).text() for i in range(screen.problems.count())]
    assert any(name in p and "in two booths at once" in p for p in problems)
    assert "rule breaches: 1" in screen.summary.text() or "rule breaches: 2" in \
        screen.summary.text()
    screen.undo_last()
    assert screen.grid.item(briefing, SEAT0).data(PERSON) == before
    assert screen.grid.item(briefing, SEAT0).background().color() != BREACH


def test_swapping_two_seats_by_dragging_one_onto_the_other(window, rostered) -> None:
    screen = show_roster(window, rostered)
    english = row_of(screen, "13:30", "Conference", "English")
    russian = row_of(screen, "13:30", "Conference", "Russian")
    a = screen.grid.item(english, SEAT0).data(PERSON)
    b = screen.grid.item(russian, SEAT0).data(PERSON)
    screen.grid.setCurrentCell(english, SEAT0)
    drop_on(screen.grid, payload(a, (english, SEAT0)), russian, SEAT0)
    assert screen.grid.item(english, SEAT0).data(PERSON) == b
    assert screen.grid.item(russian, SEAT0).data(PERSON) == a
    # A drop from another program, or on a cell that is not a seat, changes nothing.
    from PySide6.QtCore import QMimeData

    other = QMimeData()
    other.setText("Sarah Mitchell")
    assert not screen.grid.drop(other, russian, SEAT0)
    assert not screen.grid.drop(payload(a), russian, 1)


def test_a_locked_seat_survives_solve(window, rostered, monkeypatch, qtbot) -> None:
    screen = show_roster(window, rostered)
    row = row_of(screen, "15:00", "Plenary", "Russian")
    pool_brown = next(r for r in range(screen.pool.rowCount())
                      if screen.pool.item(r, 0).text() == "Michael Brown")
    brown = screen.pool.item(pool_brown, 0).data(PERSON)
    screen.pool.setCurrentCell(pool_brown, 0)
    screen.grid.setCurrentCell(row, SEAT0 + 1)
    screen.assign_selected()  # Enter in the pool: a seat given by hand is locked
    assert screen.grid.item(row, SEAT0 + 1).data(PERSON + 1) is True
    screen.grid.setCurrentCell(row, SEAT0 + 1)
    screen.lock_selected()  # Ctrl+L unlocks...
    assert screen.grid.item(row, SEAT0 + 1).data(PERSON + 1) is False
    screen.grid.setCurrentCell(row, SEAT0 + 1)
    screen.lock_selected()  # ...and locks again
    assert screen.grid.item(row, SEAT0 + 1).data(PERSON + 1) is True
    shown: list[review.ReviewDialog] = []

    def accept(dialog: review.ReviewDialog) -> int:
        shown.append(dialog)
        return 1

    monkeypatch.setattr(review.ReviewDialog, "exec", accept)
    screen.seconds.setValue(5)
    screen.verbs.solve()
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    changes = [shown[0].changes.item(i).text() for i in range(shown[0].changes.count())]
    assert all("→" in line for line in changes)
    qtbot.waitUntil(lambda: "changes" in window.statusBar().currentMessage()
                    or screen.undo_steps[-1][0].startswith("The solver"), timeout=60_000)
    row = row_of(screen, "15:00", "Plenary", "Russian")
    seats = [screen.grid.item(row, c) for c in range(SEAT0, SEAT0 + 2)]
    kept = next(s for s in seats if s.data(PERSON) == brown)
    assert kept.data(PERSON + 1) is True
    assert "no rule is broken" in screen.problems.item(0).text()


def test_the_roster_in_russian(window, rostered) -> None:
    screen = show_roster(window, rostered)
    i18n.manager().set_language("ru")
    headers = [screen.grid.horizontalHeaderItem(c).text()
               for c in range(screen.grid.columnCount())]
    assert "Кабина" in headers and "Место 1" in headers
    assert screen.solve_button.text() == "Составить"
    row = row_of(screen, "10:00", "Пленарный", "Английская")
    briefing = row_of(screen, "10:00", "Конференц", "Английская")
    person = screen.grid.item(row, SEAT0).data(PERSON)
    said: list[str] = []
    screen.message.connect(said.append)
    drop_on(screen.grid, payload(person), briefing, SEAT0)
    assert "в двух кабинах одновременно" in screen.grid.item(briefing, SEAT0).toolTip()
    assert said and "место назначено" in said[-1]  # the hand edits speak Russian too
    screen.undo_last()
    assert said[-1].startswith("Отменено")
    assert "нарушений правил" in screen.summary.text()


def test_an_interpreter_added_in_the_dialog_with_errors_said_first(window, rostered) -> None:
    from bsm_desk.store import interpreters as store
    from bsm_desk.ui.interpreters.interpreter_dialog import InterpreterDialog

    screen = show_roster(window, rostered)
    dialog = InterpreterDialog(screen.db, screen.overview, screen.settings, None, screen)
    dialog.name.setText("Zarina Nazarova")
    dialog.name_cyr.setText("Зарина Назарова")
    dialog.languages.setText("tg:A; ru:В; en:С")  # B and C typed on a Russian keyboard
    dialog.email.setText("not an address")
    dialog.save()
    assert "not an e-mail address" in dialog.error.text() and not dialog.result()
    dialog.email.setText("z.nazarova@interpreters.example")
    dialog.days.item(0).setCheckState(Qt.CheckState.Unchecked)
    dialog.save()
    assert dialog.result()
    added = next(p for p in store.all_interpreters(screen.db) if p.name == "Zarina Nazarova")
    assert added.languages["ru"].value == "B" and added.available == (
        screen.overview.days[1].date,)
    # The same person twice is refused, in Russian too.
    i18n.manager().set_language("ru")
    again = InterpreterDialog(screen.db, screen.overview, screen.settings, None, screen)
    again.name.setText("zarina nazarova")
    again.languages.setText("tg:A; ru:B")
    again.save()
    assert "уже есть в пуле" in again.error.text()


def test_the_rules_table(window, rostered) -> None:
    from bsm_desk.store import interpreters as store
    from bsm_desk.ui.interpreters.rules_dialog import VALUE, RulesDialog

    screen = show_roster(window, rostered)
    i18n.manager().set_language("ru")
    dialog = RulesDialog(screen.db, screen.settings, screen)
    rows = {dialog.table.item(r, VALUE).data(Qt.ItemDataRole.UserRole): r
            for r in range(dialog.table.rowCount())}
    assert "Работа в кабине за день" in dialog.table.item(rows["max_day_min"], 0).text()
    dialog.table.item(rows["max_day_min"], VALUE).setText("много")
    dialog.save()
    assert "не значение" in dialog.error.text() and not dialog.result()
    dialog.table.item(rows["max_day_min"], VALUE).setText("360")
    dialog.save()
    assert dialog.result() and store.rules(screen.db).max_day_min == 360
    again = RulesDialog(screen.db, screen.settings, screen)
    again.restore_defaults()
    again.save()
    assert store.rules(screen.db).max_day_min == 420
