"""The History screen says what each entry did in words, in the window's language, also
after the language is switched while it is open."""

from __future__ import annotations

import subprocess
import sys
from contextlib import closing
from pathlib import Path

from bsm_desk.services import badges
from bsm_desk.store import connect
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.main_window import MainWindow
from bsm_desk.ui.shell.screen_registry import NAMES


def test_entries_in_words_and_in_the_new_language(window: MainWindow, demo_copy: Path) -> None:
    with closing(connect(demo_copy)) as db:
        person = badges.select(db, delegation="Tajikistan")[0]
        code = dict(badges.codes(db, [person]))[person]
        family = db.execute("SELECT family_name FROM delegate WHERE id = ?",
                            [person]).fetchone()[0]
    subprocess.run([sys.executable, "-m", "bsm_desk", "checkin", "--db", str(demo_copy),
                    "--checkpoint", "entrance-2022-10-18", code], check=True,
                   capture_output=True, timeout=300)
    window.open_database(demo_copy)
    window.show()
    window.navigation.setCurrentRow(NAMES.index("history"))
    screen = window.screens.get("history")
    newest = screen.table.item(0, 5).text()
    assert newest.startswith(f"check-in of {family.upper()}") and "the entrance" in newest
    assert "request_slot [" not in " ".join(screen.table.item(r, 5).text()
                                            for r in range(screen.table.rowCount()))
    i18n.manager().set_language("ru")
    assert screen.who.itemText(0) == "Все"
    assert screen.table.item(0, 3).text() == "добавлено"
    assert screen.table.item(0, 5).text().startswith(f"проход {family.upper()}")
    assert screen.count.text().startswith("Показано")
    header = screen.table.horizontalHeader()
    action = screen.table.horizontalHeaderItem(3).text()
    assert header.sectionSize(3) >= header.fontMetrics().horizontalAdvance(action)
