"""The List of Participants as a PDF for 10,000 people (the demo generated at that size):
seconds, next to the floor of reportlab's canvas drawing the same names and functions
line by line on as many A4 pages, with the same fonts, in the same run (no paragraphs,
no tables, no wrapping). Goal (issue 30): <= 5 s.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.common import Result, demo_db
from bsm_desk.services.reports import participants
from bsm_desk.store import connect

NAME = "participants"
PEOPLE = 10_000
GOAL_S = 5.0


def _floor(listed: list[participants.Block], target: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from bsm_desk.services.output.text import BOLD, REGULAR, register_fonts

    register_fonts()
    canvas = Canvas(str(target), pagesize=A4)
    y = A4[1] - 60
    for block in listed:
        canvas.setFont(BOLD, 12)
        canvas.drawString(50, y, block.delegation)
        y -= 16
        canvas.setFont(REGULAR, 9.5)
        for entry in block.entries:
            if y < 60:
                canvas.showPage()
                canvas.setFont(REGULAR, 9.5)
                y = A4[1] - 60
            canvas.drawString(50, y, entry.name)
            canvas.drawString(300, y, entry.function[:60])
            y -= 12
    canvas.save()


def run() -> list[Result]:
    folder = Path(tempfile.mkdtemp(prefix="bsm-lop-"))
    db = connect(demo_db(PEOPLE))
    try:
        participants.export(db, folder / "warm.pdf")  # the fonts and the imports
        start = time.perf_counter()
        participants.export(db, folder / "list.pdf")
        seconds = time.perf_counter() - start
        listed = participants.blocks(db, "en")
        start = time.perf_counter()
        _floor(listed, folder / "floor.pdf")
        floor = time.perf_counter() - start
    finally:
        db.close()
    for item in folder.iterdir():
        item.unlink()
    folder.rmdir()
    ratio = seconds / floor
    return [Result(NAME, f"List of Participants PDF, {PEOPLE:,} people", round(seconds, 2),
                   "s", round(floor, 2), round(ratio, 2), f"<= {GOAL_S:g} s",
                   seconds <= GOAL_S)]
