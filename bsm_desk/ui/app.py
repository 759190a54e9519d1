"""Starting the desktop application."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bsm_desk import APP_NAME, __version__, config
from bsm_desk.ui import i18n, theme
from bsm_desk.ui.icons import app_icon
from bsm_desk.ui.main_window import MainWindow, quit_when_painted


def application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("bsm-desk")
    app.setWindowIcon(app_icon())
    theme.apply(app)
    return app


def run(db: Path | None = None, demo: bool = False) -> int:
    app = application()
    settings = config.load()
    i18n.manager().set_language(config.ui_language(settings))
    window = MainWindow(settings)
    if not window.start(db=db, demo=demo):
        return 0
    if os.environ.get("BSM_DESK_QUIT_WHEN_SHOWN"):
        quit_when_painted(window)
    window.show()
    return app.exec()
