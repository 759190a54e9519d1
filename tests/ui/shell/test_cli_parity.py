"""The command line does what the window does: every action the window offers (menus,
each screen's buttons and actions) is named here with the command that does the same,
or with why it belongs to the window alone (a device at the desk, a view, the window's
own undo). A new action without its line fails the first test; a line naming a command
or option the parser lacks fails the second."""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton

from bsm_desk.cli.parser import build_parser
from bsm_desk.ui.shell.main_window import MainWindow
from bsm_desk.ui.shell.screen_registry import NAMES

WINDOW = "window:"  # what follows says why there is no command for it
UNDO = WINDOW + " undoes the window's own last step (a command has nothing to undo)"
VIEW = WINDOW + " a view of the window"

PARITY: dict[tuple[str, str], str] = {
    # File, View, Help
    ("menu", "File → New event…"): "event new",
    ("menu", "File → Open…"): WINDOW + " every command takes --db",
    ("menu", "File → Open the demo conference"): "demo",
    ("menu", "File → Save a backup copy…"): "backup --out",
    ("menu", "File → Restore a backup…"): "restore",
    ("menu", "File → Desk settings…"): "settings set",
    ("menu", "File → Hub on the LAN…"): "hub init",
    ("menu", "File → Sign in or switch operator…"): "info --sign-in",
    ("menu", "File → Lock the screen"): WINDOW + " locks the screen in front of a desk",
    ("menu", "File → Operators…"): "operators add",
    ("menu", "File → Quit"): WINDOW + " closes the window",
    **{("menu", f"View → {title}"): VIEW for title in (
        "Event overview", "Delegates", "Badges", "Check-in", "Attendance", "Programme",
        "Seating", "Speakers", "Roster", "History")},
    ("menu", "View → Projector (speakers and countdown)"):
        WINDOW + " a second screen in the room (speakers --session ID list for scripts)",
    ("menu", "View → Booths (for the interpreters)"):
        WINDOW + " a screen in the booths (speakers --session ID list for scripts)",
    ("menu", "View → Language → English"): "--lang",
    ("menu", "View → Language → Русский"): "--lang",
    ("menu", "Help → User guide"): WINDOW + " the guide opens in the window (--help here)",
    ("menu", "Help → About BSM Desk"): "--version",
    # Delegates
    ("delegates", "Add delegate"): "delegates add",
    ("delegates", "Add delegate…"): "delegates add",
    ("delegates", "Edit"): "delegates edit",
    ("delegates", "Edit…"): "delegates edit",
    ("delegates", "Cancel registration"): "delegates cancel",
    ("delegates", "Cancel registration…"): "delegates cancel",
    ("delegates", "Change category…"): "delegates category",
    ("delegates", "Find duplicates"): "duplicates --merge",
    ("delegates", "Find duplicates…"): "duplicates --dismiss",
    ("delegates", "Delegations"): "delegations edit",
    ("delegates", "Delegations…"): "delegations edit",
    ("delegates", "Import a list"): "import",
    ("delegates", "Import a list…"): "import",
    ("delegates", "Mark credentials received"): "accredit",
    ("delegates", "Undo"): UNDO,
    # Badges
    ("badges", "Not printed yet"): "badges --only-unprinted",
    ("badges", "Photo"): "delegates photo",
    ("badges", "Photo…"): "delegates photo",
    ("badges", "Remove the photo"): "delegates photo --remove",
    ("badges", "Print badge"): "badges --out",
    ("badges", "Print the whole list"): "badges --out",
    ("badges", "Print the whole list…"): "badges --out",
    ("badges", "Reprint"): "reprint",
    ("badges", "Reprint…"): "reprint",
    ("badges", "Save as PDF"): "badges --out",
    ("badges", "Save as PDF…"): "badges --out",
    ("badges", "Save the whole list as PDF"): "badges --out",
    ("badges", "Save the whole list as PDF…"): "badges --out",
    # Seating
    ("seating", "Seat again"): "seating plan",
    ("seating", "New draw by lot"): "seating plan --lot",
    ("seating", "Start from…"): "seating plan --draw-from",
    ("seating", "Room layout…"): "seating layout",
    ("seating", "Same as…"): "seating plan --reuse",
    ("seating", "Podium and places…"): "seating plan --podium",
    ("seating", "Undo"): UNDO,
    ("seating", "Lock / free"): "seating lock",
    ("seating", "Needs an accessible place"): "seating need --accessible",
    ("seating", "Chart (PDF)…"): "seating export",
    ("seating", "Plan (Excel)…"): "seating export",
    ("seating", "Nameplates…"): "seating nameplates",
    ("seating", "Place cards…"): "seating placecards",
    # Check-in
    ("checkin", "Print the badge now"): "badges --ids",
    ("checkin", "Undo the last check-in (Ctrl+Z)"): "checkin --undo-last",
    ("checkin", "Camera"): WINDOW + " the desk's camera reads badges into the window",
    ("checkin", "Rules…"): "checkpoints --readmit",
    ("checkin", "Sound on"): WINDOW + " the desk's loudspeaker",
    # Attendance
    ("attendance", "Attendance workbook…"): "export attendance",
    ("attendance", "Export…"): "export attendance",
    ("attendance", "List of Participants…"): "export participants",
    ("attendance", "Conference report (PDF)…"): "export report",
    ("attendance", "Conference report (Excel)…"): "export report",
    # Programme
    ("programme", "Allocate side events…"): "rooms allocate",
    ("programme", "New session…"): "sessions add",
    ("programme", "Rooms and hours…"): "rooms hours",
    ("programme", "Side-event requests…"): "side-events list",
    ("programme", "Undo"): UNDO,
    # Speakers
    ("speakers", "Booths…"): WINDOW + " a screen in the booths",
    ("speakers", "Projector…"): WINDOW + " a second screen in the room",
    ("speakers", "Close the list"): "speakers close",
    ("speakers", "End (F8)"): "speakers end",
    ("speakers", "Hand in the text…"): "speakers text",
    ("speakers", "Next (F5)"): "speakers next",
    ("speakers", "Pause/Resume (F6)"): "speakers pause",
    ("speakers", "Withdraw (Del)"): "speakers withdraw",
    ("speakers", "Undo"): UNDO,
    # Roster
    ("roster", "Add interpreter…"): "interpreters import",
    ("roster", "Empty the seat"): "interpreters seat",
    ("roster", "Export"): "export roster",
    ("roster", "Import…"): "interpreters import",
    ("roster", "Lock / unlock"): "interpreters seat --lock",
    ("roster", "Recruit…"): "interpreters recruit",
    ("roster", "Rules…"): "interpreters rules",
    ("roster", "Seat the chosen interpreter (Enter)"): "interpreters seat",
    ("roster", "Solve"): "interpreters roster --apply",
    ("roster", "Withdraw…"): "interpreters withdraw",
    ("roster", "Calendars, one per interpreter…"): "export roster",
    ("roster", "Roster and schedules, Excel…"): "export roster",
    ("roster", "Roster and schedules, PDF…"): "export roster",
    ("roster", "Undo"): UNDO,
    # History
    ("history", "Older entries"): "audit show",
    ("history", "Show"): "audit show",
    ("history", "Verify the chain"): "audit verify",
}


def window_actions(window: MainWindow) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for name in NAMES:
        window.navigation.setCurrentRow(NAMES.index(name))
        screen = window.screens.get(name)
        for action in screen.findChildren(QAction):
            if action.text() and not action.isSeparator():
                found.add((name, action.text().replace("&", "")))
        for button in screen.findChildren(QAbstractButton):
            if button.text():
                found.add((name, button.text().replace("&", "")))

    def walk(menu: object, prefix: str) -> None:
        for action in menu.actions():  # type: ignore[attr-defined]
            if action.menu():
                walk(action.menu(), prefix + action.text().replace("&", "") + " → ")
            elif action.text() and not action.isSeparator():
                found.add(("menu", prefix + action.text().replace("&", "")))

    for action in window.menuBar().actions():
        if action.menu():
            walk(action.menu(), action.text().replace("&", "") + " → ")
    return found


def test_every_window_action_has_its_command(window: MainWindow, demo_copy: Path) -> None:
    window.open_database(demo_copy)
    window.show()
    missing = sorted(window_actions(window) - set(PARITY))
    assert missing == [], f"window actions with no command (or reason) in PARITY: {missing}"


def _reaches(parser: argparse.ArgumentParser, words: list[str]) -> bool:
    """Whether ``words`` (commands, then options) name a path through the parser."""
    for index, word in enumerate(words):
        if word.startswith("-"):
            options = {o for a in parser._actions for o in a.option_strings}
            return all(w in options for w in words[index:] if w.startswith("-"))
        sub = next((a for a in parser._actions
                    if isinstance(a, argparse._SubParsersAction)), None)
        if sub is None or word not in sub.choices:
            return False
        parser = sub.choices[word]
    return True


def test_every_command_named_exists() -> None:
    parser = build_parser()
    for key, command in PARITY.items():
        if command.startswith(WINDOW):
            assert len(command) > len(WINDOW) + 5, key  # a reason, in words
            continue
        assert _reaches(parser, command.split()), (key, command)


def test_most_of_the_window_is_scriptable() -> None:
    """A reason is for what belongs to a window; everything that changes data has a
    command."""
    kept_for_the_window = [k for k, v in PARITY.items() if v.startswith(WINDOW)]
    assert len(kept_for_the_window) < len(PARITY) / 2
