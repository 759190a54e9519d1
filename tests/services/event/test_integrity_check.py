"""The full integrity check runs off the GUI thread and is stopped from it when the
event closes: stopping it can never meet its connection being closed."""

from __future__ import annotations

import threading
from pathlib import Path

from bsm_desk.services.event.files import IntegrityCheck


def test_a_sound_file_has_no_problems(demo_copy: Path) -> None:
    assert IntegrityCheck(demo_copy).run() == []


def test_stopped_before_it_starts_it_opens_nothing(demo_copy: Path) -> None:
    check = IntegrityCheck(demo_copy)
    check.interrupt()
    assert check.run() == [] and check._conn is None


def test_stopping_it_at_any_moment_is_safe(demo_copy: Path) -> None:
    """Interrupts sent from another thread while checks start, run and end (the window
    closing as the check finishes crashed the process before): each check ends with a
    list, none raises, and no connection is left open."""
    for _ in range(40):
        check = IntegrityCheck(demo_copy)
        found: list[object] = []
        worker = threading.Thread(target=lambda c=check, f=found: f.append(c.run()))
        worker.start()
        while worker.is_alive():
            check.interrupt()
        worker.join()
        check.interrupt()  # after the end: nothing left to stop, nothing breaks
        assert found and found[0] == [] and check._conn is None
