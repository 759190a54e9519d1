"""Regenerate the README's and the guide's screenshots: every screen of the main window,
in English and in Russian, on the demo conference as people open it (the roster and the
opening session's list of speakers filled), as if both days had happened; then the
projector and the booths.

    xvfb-run -a python packaging/screenshot.py [--out docs/screenshots] [--size 1280x800]
    python packaging/guide_pages.py      # the guide takes its pictures from them

Builds its demo in a temporary BSM_DESK_HOME; nothing of the user's is touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--size", default="1280x800")  # a common laptop screen
    args = parser.parse_args()
    os.environ["BSM_DESK_HOME"] = tempfile.mkdtemp(prefix="bsm-shot-")

    from bsm_desk import config, paths
    from bsm_desk.services.demo import build_demo
    from bsm_desk.ui.shell import i18n
    from bsm_desk.ui.shell.app import application
    from bsm_desk.ui.shell.main_window import MainWindow
    from bsm_desk.ui.shell.screen_registry import NAMES

    app = application()
    settings = config.load()
    settings.desk_name = "Registration desk 1"
    settings.sounds = False
    event = paths.data_dir() / "demo-attended.sqlite"
    build_demo(event, desk_id=settings.desk_id, force=True, attendance=True, showcase=True)
    window = MainWindow(settings)
    window.open_database(event)
    width, height = (int(x) for x in args.size.split("x"))
    window.resize(width, height)
    window.show()
    args.out.mkdir(parents=True, exist_ok=True)
    prepare: dict[str, Callable[[Any], None]] = {
        "badges": _badges, "checkin": _checkin, "attendance": _attendance,
        "speakers": _speakers}
    for lang in ("en", "ru"):
        i18n.manager().set_language(lang)
        for index, name in enumerate(NAMES):
            window.navigation.setCurrentRow(index)
            _settle()
            if name in prepare:
                prepare[name](window)
                _settle()
            target = args.out / f"{name}-{lang}.png"
            window.grab().save(str(target))
            print(target)
    screen = window.screens.get("speakers")
    screen.open_booths()
    screen.open_projector()
    _settle(20)
    for name, shown in (("booths", screen.booths), ("projector", screen.projector)):
        target = args.out / f"{name}.png"
        shown.grab().save(str(target))
        print(target)
        shown.close()
    window.close()
    app.quit()
    return 0


def _settle(rounds: int = 8) -> None:
    from PySide6.QtCore import QCoreApplication

    for _ in range(rounds):
        QCoreApplication.processEvents()


def _badges(window: Any) -> None:
    """A Tajik name with its Cyrillic spelling, as a desk would pick it."""
    screen = window.screens.get("badges")
    screen.search.setText("Qurbonzoda")
    screen._take_first()


_scanned: list[bool] = []


def _checkin(window: Any) -> None:
    """A few arrivals at the first day's entrance, the last one a second scan (once)."""
    from bsm_desk.services import badges

    screen = window.screens.get("checkin")
    if _scanned:
        return
    _scanned.append(True)
    ids = badges.select(window.db, delegation="Tajikistan")[-5:]
    codes = [code for _, code in badges.codes(window.db, ids)]
    for code in codes + codes[:1]:
        screen.enqueue(code, "scan")
        _settle(3)


def _attendance(window: Any) -> None:
    screen = window.screens.get("attendance")
    screen.data = None
    screen.refresh()
    while screen.data is None:
        _settle(1)
    screen.tabs.setCurrentIndex(0)


def _speakers(window: Any) -> None:
    """The opening session: the list in protocol order, the first statement under way."""
    screen = window.screens.get("speakers")
    opening = min((s for s in window.overview.sessions if s.kind.value == "plenary"),
                  key=lambda s: s.starts_at)
    screen.session.setCurrentIndex(screen.session.findData(opening.id))
    screen.refresh()


if __name__ == "__main__":
    sys.exit(main())
