from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from bsm_desk.domain import badge_code
from bsm_desk.domain.checkin import Kind
from bsm_desk.domain.model import ReissueReason
from bsm_desk.services import badges, registry
from bsm_desk.services.badges.pdf import Layout
from bsm_desk.store.event import get_event
from bsm_desk.ui.badges import printing
from bsm_desk.ui.checkin.checkpoint_dialog import CheckpointDialog
from bsm_desk.ui.checkin.screen import CheckinScreen
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.main_window import MainWindow
from tests.acting import who_at
from tests.conftest import DESK

CHECKIN_ROW = 3


def show_checkin(window: MainWindow, path: Path) -> CheckinScreen:
    window.open_database(path)
    window.show()
    window.navigation.setCurrentRow(CHECKIN_ROW)
    return window.checkin_screen


def scan(qtbot, screen: CheckinScreen, code: str) -> None:
    qtbot.keyClicks(screen.input, code)
    qtbot.keyClick(screen.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not screen.scans, timeout=60_000)


def code_of(db, delegate_id: int) -> str:
    return dict(badges.codes(db, [delegate_id]))[delegate_id]


def choose(screen: CheckinScreen, checkpoint_id: str) -> None:
    screen.point.setCurrentIndex(screen.point.findData(checkpoint_id))


def test_a_scan_shows_its_verdict_and_sounds(window: MainWindow, demo_copy: Path,
                                             qtbot) -> None:
    screen = show_checkin(window, demo_copy)
    assert screen.input.hasFocus() or not window.isActiveWindow()
    first = badges.select(window.db, delegation="Tajikistan")[0]
    scan(qtbot, screen, code_of(window.db, first))
    panel = screen.panel
    assert panel.kind is Kind.OK
    assert (panel.headline.text(), panel.headline_ru.text()) == ("Welcome", "Проход разрешён")
    assert panel.name.text() and panel.name_cyrillic.text()
    assert panel.property("colour") == "#1b7f3b"
    assert screen.sounds.played[-1] is Kind.OK
    assert screen.side.total.text().startswith("Checked in: 1 of")
    scan(qtbot, screen, code_of(window.db, first))
    assert panel.kind is Kind.ALREADY and "Checked in here at" in panel.detail.text()
    assert screen.input.text() == ""


def test_every_refusal_reaches_the_screen(window: MainWindow, demo_copy: Path,
                                          qtbot) -> None:
    screen = show_checkin(window, demo_copy)
    db = window.db
    lost, gone = badges.select(db)[:2]
    old = code_of(db, lost)
    badges.reissue(db, lost, ReissueReason.LOST, who=who_at(db, DESK))
    registry.cancel(db, [gone], who=who_at(db, DESK))
    event = get_event(db)
    cases = [
        (old, Kind.REVOKED, "replaced"),
        (badge_code.make(event.code, event.secret, gone, 1), Kind.CANCELLED, "cancelled"),
        (badge_code.make(event.code, event.secret, 99999, 1), Kind.UNKNOWN, "nobody"),
        (old[:-1] + ("A" if old[-1] != "A" else "B"), Kind.FORGED, "damaged"),
        ("http://example.org/?q=1", Kind.FORGED, "damaged"),
        (badge_code.make("OSCE23", b"x", 5, 1), Kind.WRONG_EVENT, "OSCE23"),
    ]
    for code, kind, words in cases:
        scan(qtbot, screen, code)
        assert screen.panel.kind is kind, code
        assert words in screen.panel.detail.text()
        assert screen.sounds.played[-1] is kind
    door = next(screen.point.itemData(i) for i in range(screen.point.count())
                if "Heads of Delegation" in screen.point.itemText(i))
    choose(screen, door)
    scan(qtbot, screen, code_of(db, badges.select(db, category="media")[0]))
    assert screen.panel.kind is Kind.NOT_ALLOWED
    assert window.settings.checkpoint == door  # the desk's choice is remembered


def test_a_burst_of_scans_keeps_every_one_in_order(window: MainWindow, demo_copy: Path,
                                                   qtbot) -> None:
    screen = show_checkin(window, demo_copy)
    ids = badges.select(window.db, delegation="Kazakhstan")[:8]
    for delegate_id in ids:  # typed faster than verdicts are shown: nothing in between
        screen.input.insert(code_of(window.db, delegate_id))
        qtbot.keyClick(screen.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not screen.scans, timeout=60_000)
    assert screen.sounds.played[-8:] == [Kind.OK] * 8
    rows = screen.desk.recent()
    assert [r.delegate_id for r in reversed(rows[:8])] == ids


def test_search_by_name_then_print_and_undo(window: MainWindow, demo_copy: Path, qtbot,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    screen = show_checkin(window, demo_copy)
    screen.input.insert("Қурбонзода Искандар")
    screen._search()
    assert screen.results.isVisible() and screen.results.count() >= 1
    qtbot.keyClick(screen.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.panel.kind is not None, timeout=60_000)
    assert screen.panel.kind is Kind.OK and "QURBONZODA Iskandar" in screen.panel.name.text()
    assert screen.print_button.isVisible()  # no badge printed yet: offer it
    asked: list[list[int]] = []
    monkeypatch.setattr(window.badges_screen.badge_actions, "print_ids", asked.append)
    screen.print_button.click()
    assert asked == [[screen.panel.verdict.delegate_id]]  # the Badges screen prints it
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("wrong person", True))
    qtbot.keyClick(screen.input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert screen.desk.recent()[0].verdict == "UNDO"
    assert screen.desk.recent()[0].reason == "wrong person"
    assert screen.side.total.text().startswith("Checked in: 0 of")


def test_the_camera_path_reads_a_rendered_badge(window: MainWindow, demo_copy: Path,
                                                qtbot) -> None:
    screen = show_checkin(window, demo_copy)
    someone = badges.select(window.db, delegation="Tajikistan")[2]
    pdf = badges.pdf_bytes(window.db, [someone], Layout.A6)
    image = printing.page_image(pdf, 0, 150)
    screen.verbs.scanner.feed(image)
    qtbot.waitUntil(lambda: screen.panel.kind is not None, timeout=60_000)
    assert screen.panel.kind is Kind.OK
    assert screen.panel.verdict.delegate_id == someone
    assert screen.panel.verdict.method == "camera"
    screen.verbs.scanner.feed(image)  # the same badge still in front of the camera
    qtbot.wait(300)
    assert len([r for r in screen.desk.recent() if r.delegate_id == someone]) == 1


def test_checkpoint_rules_are_edited_and_stored(window: MainWindow, demo_copy: Path,
                                                qtbot) -> None:
    screen = show_checkin(window, demo_copy)
    door = next(screen.point.itemData(i) for i in range(screen.point.count())
                if "Heads of Delegation" in screen.point.itemText(i))
    choose(screen, door)
    media = next(c for c in screen.desk.categories.values() if c.code == "media")
    dialog = CheckpointDialog(window.db, screen.desk.checkpoint,
                              list(screen.desk.categories.values()), "HoD",
                              who=who_at(window.db, DESK, "t"), parent=screen)
    assert not dialog.boxes[media.id].isChecked() and not dialog.readmit.isChecked()
    dialog.boxes[media.id].setChecked(True)
    dialog.readmit.setChecked(True)
    dialog.save()
    screen.checkpoint_changed()
    assert screen.desk.checkpoint.readmit
    assert media.id in screen.desk.checkpoint.session.access
    scan(qtbot, screen, code_of(window.db, badges.select(window.db, category="media")[0]))
    assert screen.panel.kind is Kind.OK
    # The window notices the rule just saved (it follows its file): the same door is read
    # again, and the verdict on screen stays.
    from bsm_desk.services.event.changes import Changes

    screen.follow(Changes(frozenset({"session_access", "checkpoint_rule"}), False))
    assert screen.panel.kind is Kind.OK and screen.desk.checkpoint.id == door


def test_details_as_bilingual_as_the_headlines(window: MainWindow, demo_copy: Path,
                                               qtbot) -> None:
    screen = show_checkin(window, demo_copy)
    i18n.manager().set_language("ru")
    scan(qtbot, screen, "B1-BSM22-1-1-AAAAAAAAAAAAAAAA")
    assert screen.panel.headline.text() == "Invalid code"
    assert screen.panel.headline_ru.text() == "Недействительный код"
    assert screen.panel.detail.text() == ("The code is damaged or not a badge of this event."
                                          "\nКод повреждён или это не бейдж этого мероприятия.")
    assert screen.title.text() == "Проход"


def test_sound_choice_in_desk_settings_and_no_camera_choice_without_a_camera(
        window: MainWindow, demo_copy: Path) -> None:
    from bsm_desk.ui.checkin import camera
    from bsm_desk.ui.shell.settings import SettingsDialog

    screen = show_checkin(window, demo_copy)
    dialog = SettingsDialog(window.settings, window)
    assert dialog.sounds.isChecked()
    assert dialog.camera.isHidden() == (not camera.cameras())
    assert screen.camera_button.isHidden() == (not camera.cameras())
    dialog.sounds.setChecked(False)
    dialog.accept()
    screen.settings_changed()
    assert screen.sounds.muted and screen.mute.isChecked()
    assert screen.mute.text() == "Sound off"


def test_one_verdict_one_colour_and_details_in_both_languages(window: MainWindow,
                                                             demo_copy: Path, qtbot) -> None:
    screen = show_checkin(window, demo_copy)
    choose(screen, "entrance-2022-10-18")  # re-entry welcome here
    first = badges.select(window.db, delegation="Tajikistan")[0]
    code = code_of(window.db, first)
    scan(qtbot, screen, code)
    scan(qtbot, screen, code)
    panel = screen.panel
    assert (panel.headline.text(), panel.headline_ru.text()) == ("Welcome back",
                                                                 "С возвращением")
    newest = screen.side.recent.item(0)
    assert newest.foreground().color().name() == panel.property("colour") == "#1b7f3b"
    detail = panel.detail.text()
    assert "Checked in here at" in detail and "Отмечен здесь" in detail
    choose(screen, closed_door(window))
    scan(qtbot, screen, code)
    scan(qtbot, screen, code)
    assert panel.property("colour") == "#c45100"
    assert screen.side.recent.item(0).foreground().color().name() == "#c45100"


def closed_door(window: MainWindow) -> str:
    from bsm_desk.services.checkin import checkpoints

    return next(c.id for c in checkpoints(window.db) if c.session is not None
                and not c.readmit and c.session.kind.value != "closed")


def test_a_checkpoint_of_another_day_is_noted(window: MainWindow, demo_copy: Path) -> None:
    """The demo is in October 2022: its entrance is not today's, and the screen says so
    (in the desk's language) while still taking scans there."""
    from bsm_desk.ui.shell import i18n

    screen = show_checkin(window, demo_copy)
    assert screen.day_note.isVisibleTo(window)
    assert "18.10.2022" in screen.day_note.text()
    i18n.manager().set_language("ru")
    assert "сегодня на месте проведения" in screen.day_note.text()


def test_the_verdict_is_painted_in_its_colour_with_white_text(window: MainWindow,
                                                               demo_copy: Path, qtbot) -> None:
    """The panel paints its own background (no style sheet to run through at each
    scan): what is on screen is the verdict's colour, the text on it white."""
    from PySide6.QtGui import QColor, QPalette

    screen = show_checkin(window, demo_copy)
    first = badges.select(window.db, delegation="Tajikistan")[0]
    panel = screen.panel
    code = code_of(window.db, first)
    scan(qtbot, screen, code)  # welcome
    seen = [_painted(panel)]
    choose(screen, closed_door(window))
    scan(qtbot, screen, code)
    scan(qtbot, screen, code)  # a second entry where there is no re-entry
    seen.append(_painted(panel))
    assert seen == ["#1b7f3b", "#c45100"]
    for label in (panel.headline, panel.name, panel.detail):
        assert label.palette().color(QPalette.ColorRole.WindowText) == QColor("white")
    assert panel.styleSheet() == ""


def _painted(panel) -> str:
    """The colour on screen at the panel's lower right corner (below the photo), which
    must be the verdict's."""
    shown = panel.grab().toImage()
    colour = shown.pixelColor(panel.width() - 40, panel.height() - 20).name()
    assert colour == panel.property("colour")
    return colour


def test_the_last_scans_are_written_over_in_place(window: MainWindow, demo_copy: Path,
                                                  qtbot) -> None:
    """After each scan the figures and the last scans show what the file says, newest
    first, each in its verdict's colour; rows that are no longer there go."""
    from PySide6.QtGui import QColor

    screen = show_checkin(window, demo_copy)
    people = badges.select(window.db, delegation="Tajikistan")[:3]
    for person in people:
        scan(qtbot, screen, code_of(window.db, person))
    scan(qtbot, screen, code_of(window.db, people[0]))
    side = screen.side
    recent = screen.desk.recent()
    assert side.recent.count() == len(recent) == 4
    assert [side.recent.item(k).text() for k in range(4)] == [
        side._line(entry, "en")[0] for entry in recent]
    assert "Welcome back" in side.recent.item(0).text()
    assert "Welcome —" in side.recent.item(1).text()
    counters = screen.desk.counters()
    assert side.figures.rowCount() == len(counters)
    for row, (category, count, wanted) in enumerate(counters):
        assert side.figures.item(row, 0).text() == category.name("en")
        assert side.figures.item(row, 0).foreground().color() == QColor(category.colour)
        assert side.figures.item(row, 1).text() == (
            f"{i18n.number(count)} / {i18n.number(wanted)}")
    side.show_figures(counters[:1], recent[:1])  # fewer rows than shown
    assert side.recent.count() == 1 and side.figures.rowCount() == 1
    assert side.recent.item(0).text() == side._line(recent[0], "en")[0]
    side.clear()
    assert side.recent.count() == 0 and side.figures.rowCount() == 0


@pytest.mark.parametrize("colour, sheet", [
    ("#00695c", "background: #00695c;"),
    ("teal", "background: #008080;"),  # a colour Qt knows by name, written as a colour
    ("red; } QLabel { background: url(/etc/passwd); } QLabel {", None),
    ("#12345g", None),
    ("x" * 100_000, None),
])
def test_a_category_colour_from_the_file_is_only_ever_a_colour(
        window: MainWindow, demo_copy: Path, qtbot, colour: str, sheet: str | None) -> None:
    """The category's colour is read from the event file into the chip's style sheet:
    whatever the file holds, only a colour written by Qt reaches it, or no chip colour."""
    from dataclasses import replace

    screen = show_checkin(window, demo_copy)
    scan(qtbot, screen, code_of(window.db, badges.select(window.db, delegation="Tajikistan")[0]))
    panel = screen.panel
    panel.show_verdict(replace(panel.verdict, colour=colour))
    shown = panel.category.styleSheet()
    if sheet is None:
        assert shown == ""
    else:
        assert sheet in shown
    assert "url" not in shown and "QLabel" not in shown
    assert panel.category.isVisible()  # the category's name is still shown
