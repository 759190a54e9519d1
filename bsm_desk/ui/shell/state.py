"""Where the GUI keeps what only it cares about: window geometry, printer set-up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize

from bsm_desk import paths

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

FIRST_SIZE = QSize(1280, 800)


def window_settings() -> QSettings:
    """An ini file beside settings.json (QSettings, so Qt types store as they are)."""
    return QSettings(str(paths.config_dir() / "window.ini"), QSettings.Format.IniFormat)


def first_size(available: QSize) -> QSize:
    """The window's size the first time: 1280 x 800, or the screen's room less the
    frame's when the screen is smaller (a 1366 x 768 laptop keeps its status bar)."""
    frame = 40  # the title bar and borders a window manager adds, about
    return QSize(min(FIRST_SIZE.width(), available.width()),
                 min(FIRST_SIZE.height(), max(400, available.height() - frame)))


def restore_window(window: QMainWindow) -> None:
    """The window's size, place and docks as it was last closed (the first time: as
    first_size says)."""
    stored = window_settings()
    geometry = stored.value("geometry")
    if geometry is None or not window.restoreGeometry(geometry):  # type: ignore[arg-type]
        window.resize(first_size(window.screen().availableGeometry().size()))
    state = stored.value("state")
    if state is not None:
        window.restoreState(state)  # type: ignore[arg-type]


def keep_window(window: QMainWindow) -> None:
    """The window's size, place and docks, kept for the next start."""
    stored = window_settings()
    stored.setValue("geometry", window.saveGeometry())
    stored.setValue("state", window.saveState())
    stored.sync()
