"""The conference report at UN scale: 100,000 delegates and 1,000,000 check-ins (the
check-in benchmark's file): its figures built, then written as PDF and workbook, in
seconds, next to the floor of the attendance figures alone (the same read of the
registry and every first check-in, which the report builds on) in the same run.
Goal (issue 31): <= 10 s.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from benchmarks import checkin as checkin_bench
from benchmarks.common import CACHE, Result
from bsm_desk.services import conference
from bsm_desk.services.reports import attendance
from bsm_desk.store import connect

NAME = "report"
GOAL_S = 10.0


def run() -> list[Result]:
    source = Path(checkin_bench._database())
    folder = Path(tempfile.mkdtemp(prefix="bsm-report-", dir=CACHE))
    try:
        work = folder / "event.sqlite"
        shutil.copyfile(source, work)
        db = connect(work)
        try:
            attendance.collect(db)  # warm: the file cache and the imports
            start = time.perf_counter()
            attendance.collect(db)
            floor = time.perf_counter() - start
            start = time.perf_counter()
            figures = conference.build(db)
            built = time.perf_counter() - start
            conference.write_pdf(figures, folder / "report.pdf")
            conference.write_workbook(figures, folder / "report.xlsx")
            seconds = time.perf_counter() - start
        finally:
            db.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return [Result(NAME, f"conference report, 100k people, 1M check-ins (figures "
                         f"{built:.1f} s)", round(seconds, 2), "s", round(floor, 2),
                   round(seconds / floor, 2), f"<= {GOAL_S:g} s", seconds <= GOAL_S)]
