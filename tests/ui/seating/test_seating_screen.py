"""The Seating screen: the plan drawn to scale with who is in the room now, a delegation
dragged to another place (locked, exchanged, undone), seated again and by a new lot, the
room's layout edited, the chart and the nameplates saved, in English and Russian."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from bsm_desk.domain.seating import Layout, Shape
from bsm_desk.services import seating
from bsm_desk.services.demo import build_demo
from bsm_desk.services.event.files import connect
from bsm_desk.ui.seating.layout_dialog import LayoutDialog
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.main_window import MainWindow
from tests.conftest import DESK


@pytest.fixture(scope="module")
def happened(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seating-ui") / "demo.sqlite"
    build_demo(path, desk_id=DESK, attendance=True, showcase=True)
    return path


@pytest.fixture
def demo(happened: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "demo.sqlite"
    copy.write_bytes(happened.read_bytes())
    return copy


def _screen(window: MainWindow, path: Path):  # type: ignore[no-untyped-def]
    window.open_database(path)
    window.show()
    window.navigation.setCurrentRow(window.screen_row("seating"))
    screen = window.screens.get("seating")
    screen.session.setCurrentIndex(screen.session.findData(1))
    return screen


def test_the_plan_with_who_is_in_the_room(window, demo: Path) -> None:
    screen = _screen(window, demo)
    with closing(connect(demo)) as db:
        plan = seating.plan_of(db, 1)
        present = seating.in_the_room(db, 1)
    assert screen.plan is not None and screen.plan.seats == plan.seats
    assert len(screen.view.items_by_place) == len(plan.places)
    assert screen.list.count() == len(plan.seated())
    assert "drawn by lot (seed 2022)" in screen.note.text()
    here = len({d.id for d in plan.seated()} & present)
    assert present and f"{here} in the room now" in screen.counts.text()
    assert window.screen_actions[window.screen_row("seating")].shortcut().toString() == \
        "Ctrl+7"


def test_a_delegation_dragged_to_other_places_and_back(window, demo: Path, qtbot) -> None:
    screen = _screen(window, demo)
    plan = screen.plan
    first, second = [d for d in plan.seated() if d.id not in plan.podium][:2]
    mine = [p.number for p in plan.places_of(first.id)]
    theirs = [p.number for p in plan.places_of(second.id)]
    view = screen.view

    def at(number: int) -> QPoint:
        box = view.items_by_place[number]
        return view.mapFromScene(box.sceneBoundingRect().center())

    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=at(mine[0]))
    assert screen.picked() == first
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=at(theirs[0]))
    moved = screen.plan
    assert [p.number for p in moved.places_of(first.id)] == theirs
    assert [p.number for p in moved.places_of(second.id)] == mine
    assert all(moved.seats[n][1] for n in theirs), "a move by hand is locked"
    screen.undo_last()
    assert screen.plan.seats == plan.seats
    assert not screen.undo_button.isEnabled()


def test_seated_again_and_by_a_new_lot(window, demo: Path) -> None:
    screen = _screen(window, demo)
    before = screen.plan
    screen.seat()
    assert screen.plan.seats == before.seats and screen.plan.seed == 2022
    screen.new_lot()
    assert screen.plan.seed != 2022
    screen.order.setCurrentIndex(screen.order.findData("ru"))
    screen.seat(draw_from="Япония")
    assert screen.plan.lang == "ru" and screen.plan.drawn.name_en == "Japan"
    assert "Japan" in screen.note.text()  # the window is in English: the note too


def test_the_layout_editor(app, qtbot) -> None:
    dialog = LayoutDialog("Meeting Room B", Layout(Shape.THEATRE, 5, 6, podium=2))
    qtbot.addWidget(dialog)
    assert "30 places on the floor, 2 at the podium" in dialog.capacity.text()
    dialog.shape.setCurrentIndex(dialog.shape.findData("u_shape"))
    dialog.rows.setValue(1)
    dialog.per_row.setValue(12)
    assert dialog.layout_value == Layout(Shape.U_SHAPE, 1, 12, podium=2)
    assert "24 places on the floor" in dialog.capacity.text()
    dialog._toggle(3, Qt.KeyboardModifier.NoModifier)
    dialog._toggle(4, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.layout_value.accessible == {3} and dialog.layout_value.removed == {4}
    assert "23 places" in dialog.capacity.text()
    dialog._toggle(4, Qt.KeyboardModifier.ShiftModifier)  # brought back
    assert not dialog.layout_value.removed
    dialog.per_row.setValue(1)  # a U of one place cannot be
    from PySide6.QtWidgets import QDialogButtonBox

    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_the_chart_and_nameplates_saved(window, demo: Path, tmp_path: Path, qtbot) -> None:
    screen = _screen(window, demo)
    saved: list[str] = []
    screen.message.connect(saved.append)
    screen.save("pdf", tmp_path / "chart.pdf")
    qtbot.waitUntil(lambda: any("chart.pdf" in s for s in saved), timeout=60_000)
    screen.nameplates(tmp_path / "plates.pdf", "both", False)
    assert (tmp_path / "plates.pdf").read_bytes().startswith(b"%PDF")
    assert any("nameplates" in s for s in saved)
    screen.place_cards(tmp_path / "cards.pdf")
    qtbot.waitUntil(lambda: any("place cards" in s for s in saved), timeout=60_000)
    assert (tmp_path / "cards.pdf").read_bytes().startswith(b"%PDF")


def test_in_russian(window, demo: Path) -> None:
    screen = _screen(window, demo)
    i18n.manager().set_language("ru")
    try:
        assert screen.again_button.text() == "Рассадить заново"
        assert "по жребию (зерно 2022)" in screen.note.text()
        assert "Таджикистан" in screen.list.item(0).text()
    finally:
        i18n.manager().set_language("en")


def test_a_session_seated_as_another(window, demo: Path) -> None:
    screen = _screen(window, demo)
    opening = screen.plan
    closing_session = screen.session.findData(11)
    screen.session.setCurrentIndex(closing_session)
    screen.same_as(1)
    assert screen.plan.session.id == 11 and screen.plan.seed == opening.seed
    for number, (delegation, _locked) in opening.seats.items():
        if delegation in screen.plan.delegations:
            assert screen.plan.seats[number][0] == delegation


def test_the_podium_and_places_chosen(window, demo: Path, qtbot) -> None:
    from PySide6.QtCore import Qt as QtNames

    from bsm_desk.domain.seating import Block
    from bsm_desk.ui.seating.podium_dialog import PodiumDialog

    screen = _screen(window, demo)
    plan = screen.plan
    with closing(connect(demo)) as db:
        sitting = seating.who_sits(db, plan.session)
    dialog = PodiumDialog(sitting, plan.podium, {Block.MEMBER_STATES: 2})
    qtbot.addWidget(dialog)
    assert dialog.podium() == list(plan.podium), "the podium's delegations first, ticked"
    dialog.list.item(1).setCheckState(QtNames.CheckState.Unchecked)
    dialog.spins[Block.MEMBER_STATES].setValue(1)
    assert dialog.podium() == [plan.podium[0], *plan.podium[2:]]
    assert dialog.places()[Block.MEMBER_STATES] == 1
    db = screen.db
    screen._act(lambda who: seating.make_plan(db, 1, who=who, podium=dialog.podium(),
                                              places_per=dialog.places()))
    again = screen.plan
    assert list(again.podium) == dialog.podium()
    states = [d for d in again.seated() if d.block is Block.MEMBER_STATES
              and d.id not in again.podium]
    assert all(len(again.places_of(d.id)) == 1 for d in states)


def test_a_delegation_moved_by_keyboard(window, demo: Path) -> None:
    """Ctrl+M: the picked delegation to a place given by its number."""
    screen = _screen(window, demo)
    plan = screen.plan
    last = [p.number for p in plan.places if not p.podium][-2:]
    japan = next(d for d in plan.seated() if d.name_en == "Japan")
    screen._picked(japan.id)
    screen.move_to_place(last[0])
    assert [p.number for p in screen.plan.places_of(japan.id)] == last
    screen.move_to_place(99999)  # no such place: said, nothing moved
    assert [p.number for p in screen.plan.places_of(japan.id)] == last
