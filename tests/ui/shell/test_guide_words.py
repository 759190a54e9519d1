"""The guide calls every button, menu and screen by the name the window gives it, in
both languages: each name it quotes (marked <b class="ui"> in packaging/guide_pages.py)
is looked up in the window itself, in that language."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from bsm_desk import paths
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.main_window import MainWindow
from tests.ui.shell.test_cli_parity import window_actions

QUOTED = re.compile(r'<b class="ui">(.*?)</b>', re.S)


def plain(text: str) -> str:
    """A label as people read it: no accelerator, no trailing ellipsis, no shortcut or
    aside in brackets, one space between words, any case."""
    text = html.unescape(text).replace("&", "")
    text = re.sub(r"\s*\([^)]*\)", "", text)
    text = " ".join(text.split()).rstrip("…").rstrip(":").strip()
    return text.casefold()


def labels(window: MainWindow) -> set[str]:
    """Every label of the window, and each screen's as "Screen → Button" too."""
    from bsm_desk.ui.shell.screen_registry import NAMES

    titles = {name: plain(window.navigation.item(row).text())
              for row, name in enumerate(NAMES)}
    found = set(titles.values())
    for where, text in window_actions(window):
        found.add(plain(text))
        if where in titles:
            found.add(f"{titles[where]} → {plain(text)}")
    from PySide6.QtWidgets import QTabWidget

    for screen in window.screens.all():  # the screens' own titles, and their tabs'
        title = getattr(screen, "title", None)
        if title is not None and hasattr(title, "text"):
            found.add(plain(title.text()))
        for tabs in screen.findChildren(QTabWidget):
            found |= {plain(tabs.tabText(i)) for i in range(tabs.count())}
    found |= dialog_labels(window)
    return found


def dialog_labels(window: MainWindow) -> set[str]:
    """The buttons and field names of the dialogs the guide walks through (the Hub
    dialog's), as the window shows them in its language."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from bsm_desk.ui.hub.dialog import HubDialog

    dialog = HubDialog(window.settings, window.db, window.db_path, window)
    try:
        return {plain(w.text()) for w in dialog.findChildren(QAbstractButton)} | \
            {plain(w.text()) for w in dialog.findChildren(QLabel) if len(w.text()) < 60}
    finally:
        dialog.deleteLater()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_name_the_guide_quotes_is_in_the_window(window: MainWindow, demo_copy: Path,
                                                      lang: str) -> None:
    i18n.manager().set_language(lang)
    window.open_database(demo_copy)
    window.show()
    known = labels(window)
    quoted = {}
    for page in sorted((paths.resource("guide") / lang).glob("*.html")):
        for name in QUOTED.findall(page.read_text(encoding="utf-8")):
            quoted[plain(name)] = page.name
    assert len(quoted) >= 15
    missing = {name: page for name, page in quoted.items() if name not in known}
    assert missing == {}, f"the guide ({lang}) quotes names the window does not show: {missing}"
