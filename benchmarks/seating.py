"""The plenary of the demo seated and printed: the plan made (the draw, the order, every
place), then its chart and its nameplates written, next to a floor measured in the same
run — bare reportlab writing the same number of pages with one name each, and SQLite
reading the same delegations. Goal (issue 32): <= 2 s.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from benchmarks.common import CACHE, Result
from bsm_desk.services import operators, seating
from bsm_desk.services.demo import build_demo
from bsm_desk.services.output.text import BOLD, register_fonts
from bsm_desk.store import connect

NAME = "seating"
GOAL_S = 2.0
OPENING = 1


def run() -> list[Result]:
    folder = Path(tempfile.mkdtemp(prefix="bsm-seating-", dir=CACHE))
    try:
        work = folder / "demo.sqlite"
        build_demo(work, desk_id="bench", showcase=True)
        db = connect(work)
        try:
            who = operators.at_desk(db, desk_id="bench")
            seating.make_plan(db, OPENING, who=who)  # warm: the imports, the fonts
            start = time.perf_counter()
            plan = seating.make_plan(db, OPENING, who=who, lot=18)
            seating.write(plan, folder / "chart.pdf")
            _, plates = seating.print_nameplates(db, OPENING, folder / "plates.pdf", "both",
                                                 who=who)
            seconds = time.perf_counter() - start
            start = time.perf_counter()
            names = [row[0] for row in db.execute("SELECT name_en FROM delegation ORDER BY"
                                                  " name_en").fetchall()]
            _floor_pdf(folder / "floor.pdf", names[:plates] * 2)  # the chart's two pages too
            floor = time.perf_counter() - start
        finally:
            db.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return [Result(NAME, f"the demo's plenary seated, its chart and {plates} nameplates",
                   round(seconds, 3), "s", round(floor, 3), round(seconds / floor, 2),
                   f"<= {GOAL_S:g} s", seconds <= GOAL_S)]


def _floor_pdf(out: Path, names: list[str]) -> None:
    register_fonts()
    canvas = Canvas(str(out), pagesize=landscape(A4))
    for name in names:
        canvas.setFont(BOLD, 60)
        canvas.drawCentredString(400, 150, name)
        canvas.showPage()
    canvas.save()
