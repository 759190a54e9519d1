"""The window follows its file: what another process commits (the command line here, as
a second desk on the same file or the hub's worker would) reaches the screens that show
it. Each test lets the command finish, then asks the window to look (what its timer does
four times a second), so nothing depends on how fast the machine is; the last one lets
the timer do it."""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from bsm_desk.services import badges
from bsm_desk.store import connect
from bsm_desk.ui.shell.main_window import MainWindow
from bsm_desk.ui.shell.screen_registry import NAMES


def cli(*args: str, stdin: str = "") -> str:
    done = subprocess.run([sys.executable, "-m", "bsm_desk", *args], capture_output=True,
                          text=True, timeout=600, env=dict(os.environ), input=stdin)
    assert done.returncode == 0, done.stderr
    return done.stdout


def gives_the_floor(path: Path, session: int, delegation: str) -> str:
    """From the command line: a head of ``delegation`` comes in, is inscribed and given
    the floor; returns the family name."""
    with closing(connect(path)) as db:
        person = badges.select(db, delegation=delegation)[0]
        family = db.execute("SELECT family_name FROM delegate WHERE id = ?",
                            [person]).fetchone()[0]
        code = dict(badges.codes(db, [person]))[person]
    cli("checkin", "--db", str(path), "--checkpoint", "entrance-2022-10-18", code)
    cli("speakers", "--db", str(path), "--session", str(session), "add", str(person))
    cli("speakers", "--db", str(path), "--session", str(session), "next")
    return str(family)


def show(window: MainWindow, path: Path, screen: str) -> object:
    window.open_database(path)
    window.show()
    window.navigation.setCurrentRow(NAMES.index(screen))
    return window.screens.get(screen)


def test_an_import_from_the_command_line_reaches_the_overview_and_delegates(
        window: MainWindow, demo_copy: Path, tmp_path: Path) -> None:
    screen = show(window, demo_copy, "delegates")
    before = window.overview.delegates
    figure = window.screens.get("overview").figures["delegates"].value
    assert figure.text() == str(before)
    listed = tmp_path / "ministry.csv"
    listed.write_text("Family name,Given name,Delegation\nRAHIMOV,Farrukh,Tajikistan\n"
                      "SULEIMENOVA,Aigerim,Kazakhstan\n", encoding="utf-8")
    cli("import", "--db", str(demo_copy), str(listed))
    assert window.watch.check()
    assert window.overview.delegates == before + 2
    assert figure.text() == str(before + 2)
    assert f"of {before + 2} delegates" in screen.count.text()
    assert screen.search.isEnabled()  # the screen kept working through it


def test_a_check_in_elsewhere_counts_at_this_door(window: MainWindow, demo_copy: Path) -> None:
    screen = show(window, demo_copy, "checkin")
    door = screen.point.currentData()
    with closing(connect(demo_copy)) as db:
        person = badges.select(db)[0]
        code = dict(badges.codes(db, [person]))[person]
    before = screen.side.total.text()
    cli("checkin", "--db", str(demo_copy), "--checkpoint", door, code)
    assert window.watch.check().by_others
    assert screen.side.total.text() != before
    assert screen.point.currentData() == door  # the chosen checkpoint stays
    assert screen.side.recent.count() >= 1


def test_speakers_next_from_the_command_line_shows_who_speaks(window: MainWindow,
                                                               demo_copy: Path) -> None:
    screen = show(window, demo_copy, "speakers")
    session = screen.session_id()
    name = gives_the_floor(demo_copy, session, "Tajikistan")
    window.watch.check()
    assert screen.session_id() == session
    assert name.casefold() in screen.current.text().casefold()
    assert screen.listed is not None and screen.listed.current is not None


def test_a_roster_applied_from_the_command_line_fills_the_board(window: MainWindow,
                                                                 demo_copy: Path) -> None:
    screen = show(window, demo_copy, "roster")
    before = screen.summary.text()
    cli("interpreters", "roster", "--db", str(demo_copy), "--apply")
    window.watch.check()
    assert screen.board is not None
    assert any(team for team in screen.board.teams.values())
    assert screen.summary.text() != before


def test_an_operator_added_elsewhere_asks_for_sign_in(window: MainWindow,
                                                      demo_copy: Path) -> None:
    show(window, demo_copy, "overview")
    assert not window.guard.locked
    cli("operators", "add", "--db", str(demo_copy), "--role", "administrator", "Madina",
        stdin="a long enough password\nthe event's passphrase\n")
    window.watch.check()
    assert window.guard.locked and not window.navigation.isEnabled()
    assert window.guard.label.isVisible()


def test_a_screen_behind_reads_what_changed_when_it_comes_forward(
        window: MainWindow, demo_copy: Path, tmp_path: Path) -> None:
    screen = show(window, demo_copy, "badges")
    window.navigation.setCurrentRow(NAMES.index("overview"))
    listed = tmp_path / "one.csv"
    listed.write_text("Family name,Given name,Delegation\nNAZAROV,Davron,Tajikistan\n",
                      encoding="utf-8")
    cli("import", "--db", str(demo_copy), str(listed))
    window.watch.check()
    assert "badges" in window.screens._stale
    window.navigation.setCurrentRow(NAMES.index("badges"))
    assert "badges" not in window.screens._stale
    screen.search.setText("Nazarov Davron")
    screen._take_first()
    assert screen.selected_id() is not None


def test_the_timer_notices_on_its_own(window: MainWindow, demo_copy: Path, tmp_path: Path,
                                      qtbot) -> None:
    show(window, demo_copy, "overview")
    before = window.overview.delegates
    listed = tmp_path / "one.csv"
    listed.write_text("Family name,Given name,Delegation\nNAZAROV,Davron,Tajikistan\n",
                      encoding="utf-8")
    cli("import", "--db", str(demo_copy), str(listed))
    qtbot.waitUntil(lambda: window.overview.delegates == before + 1, timeout=30_000)


def test_nothing_committed_is_nothing_to_follow(window: MainWindow, demo_copy: Path) -> None:
    show(window, demo_copy, "overview")
    assert not window.watch.check()
    with closing(connect(demo_copy)) as db:
        db.execute("SELECT count(*) FROM delegate").fetchone()  # a read changes nothing
    assert not window.watch.check()


def test_the_overview_says_how_to_accredit_until_nobody_waits(window: MainWindow,
                                                              demo_copy: Path) -> None:
    show(window, demo_copy, "overview")
    overview = window.screens.get("overview")
    assert overview.accredit_hint.isVisibleTo(window)
    assert "Mark credentials received" in overview.accredit_hint.text()
    before = int(overview.figures["accredited"].value.text())
    cli("accredit", "--db", str(demo_copy), "--all-registered")
    window.watch.check()
    assert not overview.accredit_hint.isVisibleTo(window)
    assert int(overview.figures["accredited"].value.text()) > before


def test_the_projector_follows_even_with_another_screen_in_front(window: MainWindow,
                                                                 demo_copy: Path) -> None:
    screen = show(window, demo_copy, "speakers")
    session = screen.session_id()
    screen.open_projector()
    window.navigation.setCurrentRow(NAMES.index("overview"))  # the desk does other work
    family = gives_the_floor(demo_copy, session, "Kazakhstan")
    window.watch.check()
    assert family.casefold() in screen.projector.name.text().casefold()
    screen.projector.close()
