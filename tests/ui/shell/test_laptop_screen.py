"""Every screen fits a 1280 x 720 laptop screen in both languages: no button falls off
the window's edge."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLineEdit

from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.main_window import MainWindow
from bsm_desk.ui.shell.screen_registry import NAMES

WIDTH, HEIGHT = 1280, 720


def outside(window: MainWindow) -> list[str]:
    frame = QRect(QPoint(0, 0), window.size())
    lost = []
    screen = window.stack.currentWidget()
    for widget in screen.findChildren(QAbstractButton) + screen.findChildren(QComboBox) + \
            screen.findChildren(QLineEdit):
        if not widget.isVisibleTo(window) or widget.window() is not window:
            continue
        place = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        if not frame.contains(place):
            lost.append(f"{type(widget).__name__} {widget.objectName() or ''}"
                        f"'{getattr(widget, 'text', lambda: '')()}' at {place.getRect()}")
    return lost


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_screen_fits_a_laptop(window: MainWindow, demo_copy: Path, lang: str) -> None:
    i18n.manager().set_language(lang)
    window.open_database(demo_copy)
    window.resize(WIDTH, HEIGHT)
    window.show()
    problems = {}
    for index, name in enumerate(NAMES):
        window.navigation.setCurrentRow(index)
        QApplication.processEvents()
        window.resize(WIDTH, HEIGHT)
        QApplication.processEvents()
        size = window.size()
        if size.width() > WIDTH or size.height() > HEIGHT:
            problems[name] = [f"the window grew to {size.width()} x {size.height()}"]
        elif lost := outside(window):
            problems[name] = lost
    assert problems == {}


def test_a_window_started_in_russian_shows_whole_screen_names(app, qtbot) -> None:
    from bsm_desk import config

    i18n.manager().set_language("ru")
    try:
        window = MainWindow(config.load())  # made in Russian, not switched to it later
        qtbot.addWidget(window)
        window.show()
        metrics = window.navigation.fontMetrics()  # the style sheet's, once shown
        names = [window.navigation.item(row).text() for row in range(window.navigation.count())]
        # Each name, with the icon, the item's padding and margins (90 pixels), in full.
        widest = max(metrics.horizontalAdvance(name) for name in names)
        assert window.navigation.width() >= widest + 90, names
    finally:
        i18n.manager().set_language("en")


def test_the_first_window_fits_the_screen_it_opens_on() -> None:
    """A 1366 x 768 laptop (768 less a taskbar) keeps the status bar on screen; a large
    screen gets the usual 1280 x 800."""
    from PySide6.QtCore import QSize

    from bsm_desk.ui.shell.state import first_size

    small = first_size(QSize(1366, 728))
    assert small.width() == 1280 and small.height() <= 728 - 30
    assert first_size(QSize(2560, 1400)) == QSize(1280, 800)
    tiny = first_size(QSize(1024, 600))
    assert tiny.width() <= 1024 and tiny.height() <= 600
