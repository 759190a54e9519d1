"""Regenerate the README's screenshots of the main window on the demo conference.

    xvfb-run -a python packaging/screenshot.py [--out docs]

Builds a fresh demo in a temporary BSM_DESK_HOME, opens the window in English
and in Russian, and saves what a user sees.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("docs"))
    parser.add_argument("--size", default="1280x720")  # a small laptop screen
    args = parser.parse_args()
    os.environ["BSM_DESK_HOME"] = tempfile.mkdtemp(prefix="bsm-shot-")

    from PySide6.QtCore import QCoreApplication

    from bsm_desk import config, paths
    from bsm_desk.services.demo import build_demo
    from bsm_desk.ui.shell import i18n
    from bsm_desk.ui.shell.app import application
    from bsm_desk.ui.shell.main_window import MainWindow

    app = application()
    settings = config.load()
    settings.desk_name = "Registration desk 1"
    build_demo(paths.demo_db(), desk_id=settings.desk_id, force=True)
    window = MainWindow(settings)
    window.open_database(paths.demo_db())
    width, height = (int(x) for x in args.size.split("x"))
    window.resize(width, height)
    window.show()
    args.out.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "ru"):
        i18n.manager().set_language(lang)
        for index, name in enumerate(("overview", "delegates", "badges", "checkin")):
            window.navigation.setCurrentRow(index)
            for _ in range(5):
                QCoreApplication.processEvents()
            if name == "badges":
                # A Tajik name with its Cyrillic spelling, as a desk would pick it.
                window.badges_screen.search.setText("Qurbonzoda")
                window.badges_screen._take_first()
                for _ in range(5):
                    QCoreApplication.processEvents()
            if name == "checkin":
                # A few arrivals at the entrance, the last one a second scan.
                from bsm_desk.services import badges

                screen = window.checkin_screen
                screen.sounds.muted = True
                ids = badges.select(window.db, delegation="Tajikistan")[:5]
                codes = [code for _, code in badges.codes(window.db, ids)]
                for code in codes + codes[:1]:
                    screen.enqueue(code, "scan")
                    for _ in range(3):
                        QCoreApplication.processEvents()
            target = args.out / f"{name}-{lang}.png"
            window.grab().save(str(target))
            print(target)
    # The programme of the first day.
    window.navigation.setCurrentRow(5)
    for lang in ("en", "ru"):
        i18n.manager().set_language(lang)
        for _ in range(5):
            QCoreApplication.processEvents()
        target = args.out / f"programme-{lang}.png"
        window.grab().save(str(target))
        print(target)
    speakers_shots(window, args.out)
    roster_shots(window, args.out)
    # The dashboard on a demo as if both days had happened.
    attended = paths.data_dir() / "demo-attended.sqlite"
    build_demo(attended, desk_id=settings.desk_id, force=True, attendance=True)
    window.open_database(attended)
    window.navigation.setCurrentRow(4)
    screen = window.attendance_screen
    for lang in ("en", "ru"):
        i18n.manager().set_language(lang)
        screen.data = None
        screen.refresh()
        while screen.data is None:
            QCoreApplication.processEvents()
        screen.tabs.setCurrentIndex(0)
        for _ in range(5):
            QCoreApplication.processEvents()
        target = args.out / f"attendance-{lang}.png"
        window.grab().save(str(target))
        print(target)
    window.close()
    app.quit()
    return 0


def speakers_shots(window, out: Path) -> None:
    """The Speakers screen at the first thematic session, with five heads of delegation
    inscribed (one written text handed in), the first speaking; the booths and the
    projector as they follow it."""
    from PySide6.QtCore import QCoreApplication

    from bsm_desk.domain.model import SessionKind
    from bsm_desk.services import speakers
    from bsm_desk.store import sessions as session_store
    from bsm_desk.ui.shell import i18n
    from bsm_desk.ui.shell.screen_registry import NAMES

    db = window.db
    session = next(s.id for s in session_store.list_sessions(db)
                   if s.kind is SessionKind.THEMATIC)
    heads = [r[0] for r in db.execute(
        "SELECT MIN(d.id) FROM delegate d JOIN category c ON c.id = d.category_id"
        " WHERE c.code = 'hod' AND d.status != 'cancelled' GROUP BY d.delegation_id"
        " ORDER BY 1 LIMIT 5")]
    entries = [speakers.inscribe(db, session, delegate_id, override="screenshot",
                                 language=("ru", "en", "other", "en", "ru")[n],
                                 desk_id="shot").id
               for n, delegate_id in enumerate(heads)]
    text = Path(tempfile.mkdtemp()) / "Statement.txt"
    text.write_text("Mr Chair, distinguished delegates…", encoding="utf-8")
    speakers.hand_in_text(db, session, entries[1], text, desk_id="shot")
    speakers.next_speaker(db, session, desk_id="shot")
    screen = window.screens.get("speakers")
    window.navigation.setCurrentRow(NAMES.index("speakers"))
    screen.session.setCurrentIndex(screen.session.findData(session))
    for lang in ("en", "ru"):
        i18n.manager().set_language(lang)
        screen.refresh()
        for _ in range(5):
            QCoreApplication.processEvents()
        target = out / f"speakers-{lang}.png"
        window.grab().save(str(target))
        print(target)
    screen.open_booths()
    screen.open_projector()
    for _ in range(10):
        QCoreApplication.processEvents()
    for name, shown in (("booths", screen.booths), ("projector", screen.projector)):
        target = out / f"{name}.png"
        shown.grab().save(str(target))
        print(target)
        shown.close()


def roster_shots(window, out: Path) -> None:
    """The Roster screen on the first day, with the solver's roster and one seat locked."""
    from PySide6.QtCore import QCoreApplication

    from bsm_desk.services.interpreters import rostering
    from bsm_desk.ui.shell import i18n
    from bsm_desk.ui.shell.screen_registry import NAMES

    db = window.db
    rostering.apply(db, rostering.make_roster(db, time_limit=10), desk_id="shot")
    screen = window.screens.get("roster")
    window.navigation.setCurrentRow(NAMES.index("roster"))
    screen.refresh()
    screen.grid.setCurrentCell(0, 4)
    screen.lock_selected()
    for lang in ("en", "ru"):
        i18n.manager().set_language(lang)
        for _ in range(5):
            QCoreApplication.processEvents()
        target = out / f"roster-{lang}.png"
        window.grab().save(str(target))
        print(target)


if __name__ == "__main__":
    sys.exit(main())
