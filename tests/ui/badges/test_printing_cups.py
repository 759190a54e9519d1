"""Badges printed through the real print system: the app's own print path (the dialog
accepted for the queue, QPrinter, CUPS) to a network printer CUPS sends each job to
(tests/cups.py). Every QR on the paper is read back; a stopped, refusing or missing
printer is said at the desk and nothing is logged as printed."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from bsm_desk.services import badges
from bsm_desk.store import connect
from tests.conftest import not_here
from tests.cups import CupsMissing, PrintSystem, print_system

DRIVER = r"""
import json, os, sys
from PySide6.QtCore import QCoreApplication, QElapsedTimer
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QMessageBox
from bsm_desk import config
from bsm_desk.ui.shell.app import application
from bsm_desk.ui.shell.main_window import MainWindow

path, queue, how, ids = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
app = application()
said = {"errors": [], "messages": []}
QMessageBox.critical = QMessageBox.warning = staticmethod(
    lambda parent, title, text, *a: said["errors"].append(text))
QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)

def accept(dialog):
    dialog.printer().setPrinterName(queue)
    if how == "vanish":  # unplugged and removed while the dialog was open
        import subprocess
        subprocess.run(["lpadmin", "-x", queue], check=True)
    return QPrintDialog.DialogCode.Accepted

QPrintDialog.exec = accept
window = MainWindow(config.load())
window.open_database(path)
screen = window.screens.get("badges")
screen.message.connect(lambda text: said["messages"].append(text))
if how in ("arrival", "vanish"):
    window.print_badge(ids[0])  # Check-in found someone without a printed badge
else:
    screen.badge_actions.print_ids(ids)
clock = QElapsedTimer()
clock.start()
while not (said["errors"] or said["messages"]) and clock.elapsed() < 240_000:
    QCoreApplication.processEvents()
print(json.dumps(said), flush=True)
"""


@pytest.fixture(scope="module")
def cups() -> Iterator[PrintSystem]:
    try:
        with print_system() as system:
            yield system
    except CupsMissing as exc:
        not_here(str(exc))


def _print(cups: PrintSystem, path: Path, how: str, ids: list[int],
           home: Path) -> dict[str, list[str]]:
    env = {**cups.env, "QT_QPA_PLATFORM": "offscreen", "BSM_DESK_HOME": str(home)}
    done = subprocess.run([sys.executable, "-c", DRIVER, str(path), cups.queue, how,
                           json.dumps(ids)], capture_output=True, text=True, timeout=300,
                          env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _codes_on_paper(job: Path) -> list[str]:
    import pypdfium2 as pdfium
    import zxingcpp

    data = job.read_bytes()
    assert data.startswith(b"%PDF"), data[:20]
    found = []
    document = pdfium.PdfDocument(data)
    try:
        for page in document:
            image = page.render(scale=200 / 72).to_pil()
            found += [result.text for result in zxingcpp.read_barcodes(image)]
    finally:
        document.close()
    return found


def _printed(path: Path) -> int:
    with closing(connect(path)) as db:
        return int(db.execute("SELECT count(*) FROM badge_print").fetchone()[0])


def test_a_badge_on_arrival_and_a_batch_reach_the_printer(cups: PrintSystem, demo_copy: Path,
                                                          tmp_path: Path) -> None:
    with closing(connect(demo_copy)) as db:
        chosen = badges.select(db, delegation="Tajikistan")[:7]
        wanted = dict(badges.codes(db, chosen))
    before = len(cups.received())
    said = _print(cups, demo_copy, "arrival", chosen[:1], tmp_path)
    assert said["errors"] == [] and "1" in said["messages"][0]
    said = _print(cups, demo_copy, "batch", chosen[1:], tmp_path)
    assert said["errors"] == [], said
    jobs = cups.wait_for_jobs(before + 2)[before:]
    assert len(jobs) == 2
    assert _codes_on_paper(jobs[0]) == [wanted[chosen[0]]]
    assert sorted(_codes_on_paper(jobs[1])) == sorted(wanted[i] for i in chosen[1:])
    with closing(connect(demo_copy)) as db:
        logged = {r[0] for r in db.execute("SELECT delegate_id FROM badge_print").fetchall()}
    assert logged == set(chosen)


@pytest.mark.parametrize("trouble, words", [
    ("stopped", "is stopped"),
    ("rejecting", "refusing new jobs"),
])
def test_a_printer_that_will_not_print_is_said_and_nothing_is_logged(
        cups: PrintSystem, demo_copy: Path, tmp_path: Path, trouble: str, words: str) -> None:
    with closing(connect(demo_copy)) as db:
        person = badges.select(db, delegation="Kazakhstan")[0]
    stop, start = {"stopped": ("cupsdisable", "cupsenable"),
                   "rejecting": ("cupsreject", "cupsaccept")}[trouble]
    before = len(cups.received())
    cups.run(stop, cups.queue)
    try:
        said = _print(cups, demo_copy, "arrival", [person], tmp_path)
    finally:
        cups.run(start, cups.queue)
    assert said["messages"] == [] and any(words in text for text in said["errors"]), said
    assert _printed(demo_copy) == 0  # not logged: printed again later without a reprint
    said = _print(cups, demo_copy, "arrival", [person], tmp_path)
    assert said["errors"] == []
    assert len(cups.wait_for_jobs(before + 1)) == before + 1
    assert _printed(demo_copy) == 1


def test_a_printer_removed_while_choosing_is_said(demo_copy: Path, tmp_path: Path) -> None:
    """Its own print system: the queue is removed for good."""
    try:
        with print_system() as cups:
            with closing(connect(demo_copy)) as db:
                person = badges.select(db)[0]
            said = _print(cups, demo_copy, "vanish", [person], tmp_path)
            assert any("is not installed" in text for text in said["errors"]), said
            assert _printed(demo_copy) == 0 and cups.received() == []
    except CupsMissing as exc:
        not_here(str(exc))
