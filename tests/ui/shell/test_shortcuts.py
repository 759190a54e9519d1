"""No two actions live at the same time share a shortcut: Qt would run neither
("Ambiguous shortcut overload") and the key would silently do nothing. Checked on every
screen, with the window's own actions (menus, screen switching) always live."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from bsm_desk.ui.shell.main_window import MainWindow
from bsm_desk.ui.shell.screen_registry import NAMES


def _owner(action: QAction) -> QWidget | None:
    parent = action.parent()
    while parent is not None and not isinstance(parent, QWidget):
        parent = parent.parent()
    return parent


def live_shortcuts(window: MainWindow) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for action in window.findChildren(QAction):
        owner = _owner(action)
        live = owner is window or (owner is not None and owner.isVisibleTo(window))
        if not live or not action.isEnabled():
            continue
        for key in action.shortcuts():
            if not key.isEmpty():
                found[key.toString()].append(action.text() or action.toolTip() or "?")
    return found


def test_no_shortcut_is_given_twice_on_any_screen(window: MainWindow,
                                                   demo_copy: Path) -> None:
    window.open_database(demo_copy)
    window.show()
    for row, name in enumerate(NAMES):
        window.navigation.setCurrentRow(row)
        twice = {key: texts for key, texts in live_shortcuts(window).items()
                 if len(texts) > 1}
        assert twice == {}, (name, twice)


def test_the_badges_screen_prints_the_list_with_its_key(window: MainWindow,
                                                        demo_copy: Path) -> None:
    window.open_database(demo_copy)
    window.show()
    window.navigation.setCurrentRow(NAMES.index("badges"))
    keys = live_shortcuts(window)
    assert keys["Ctrl+Shift+P"] == ["Print the whole list…"]
