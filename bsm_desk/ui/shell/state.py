"""Where the GUI keeps what only it cares about: window geometry, printer set-up."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from bsm_desk import paths


def window_settings() -> QSettings:
    """An ini file beside settings.json (QSettings, so Qt types store as they are)."""
    return QSettings(str(paths.config_dir() / "window.ini"), QSettings.Format.IniFormat)
