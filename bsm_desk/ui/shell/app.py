"""Starting the desktop application."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from bsm_desk import APP_NAME, __version__, config
from bsm_desk.ui.shell import i18n, theme
from bsm_desk.ui.shell.errors import show_error
from bsm_desk.ui.shell.icons import app_icon
from bsm_desk.ui.shell.main_window import MainWindow

if TYPE_CHECKING:
    from bsm_desk.services.event.glance import LookAhead


def application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    # Qt splits a fill of more than 96 lines (a table's rows, a scroll bar) among its
    # GUI threads, each woken for a few dozen lines: on a desk's two cores the wake-ups
    # cost more than the fill, a third of the search's repaint (docs/benchmarks.md).
    # Our windows paint small areas, so the fills stay on the GUI thread.
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
    # Fusion from the start, as an argument: setStyle from Python hands Qt's style back
    # to Python, which makes PySide6 build QStyle's enums before the first paint (5 ms).
    app = QApplication([*sys.argv[:1], "-style", "Fusion"])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("bsm-desk")
    app.setWindowIcon(app_icon())
    theme.apply(app, style=False)
    return app


def _report_unexpected(kind: type[BaseException], value: BaseException, tb: object) -> None:
    """A bug must not vanish into a terminal nobody watches: log it and tell the user."""
    import traceback

    traceback.print_exception(kind, value, tb)  # type: ignore[arg-type,call-overload]
    if QApplication.instance() is not None:
        show_error(None, "BSM Desk", value)


def run(db: Path | None = None, demo: bool = False, verbose: bool = False,
        ahead: LookAhead | None = None, settings: config.Settings | None = None) -> int:
    """The window, on ``db`` (or the last event); ``settings``: the desk's, as the
    command line already read them (read here otherwise)."""
    from bsm_desk.ui.shell import console

    console.install(verbose)
    app = application()
    sys.excepthook = _report_unexpected
    if settings is None:
        settings = config.load()
    i18n.manager().set_language(config.ui_language(settings))
    window = MainWindow(settings)
    if not window.start(db=db, demo=demo, ahead=ahead):
        return 0
    if os.environ.get("BSM_DESK_QUIT_WHEN_SHOWN"):
        quit_when_painted(window)
    window.show()
    if os.environ.get("BSM_DESK_VISIT_SCREENS"):
        QTimer.singleShot(0, lambda: visit_screens(window))
    code = app.exec()
    # A background read still running (the dashboard's, say) ends before Python does.
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(3000)
    return code


def visit_screens(window: MainWindow) -> None:
    """For checking a packaged build: show every screen once, then leave (exit code 0,
    or 3 with the error on stderr if a screen cannot be made, e.g. a module the packager
    left out)."""
    import traceback

    from bsm_desk.ui.shell.screen_registry import NAMES

    try:
        for name in NAMES:
            window.navigation.setCurrentRow(NAMES.index(name))
            QApplication.processEvents()
            print(f"screen shown: {name}", flush=True)
    except Exception:  # noqa: BLE001 - reported, and the exit code says so
        traceback.print_exc()
        QApplication.exit(3)
        return
    QApplication.quit()


def quit_when_painted(window: MainWindow) -> None:
    """For the start-up benchmark: say when the window has painted once (the wall clock,
    on stdout), then leave."""
    import time

    from bsm_desk.ui.shell.event_opening import on_first_paint

    def painted() -> None:
        print(f"painted {time.time():.6f}", flush=True)
        QTimer.singleShot(0, QApplication.quit)

    window._quit_filter = on_first_paint(window, painted)  # type: ignore[attr-defined]
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        QTimer.singleShot(0, window.repaint)
