"""Import of a 10,000-row delegation list (.xlsx) into the 700-delegate demo: rows per
second, next to the floor of openpyxl (read-only) merely reading the same file in the
same run. Goal (issue 30): the import, every check on, takes at most 1.5 times the read.
Three rounds, each the read and then the import in a process of its own (a desk's first
import: nothing cached from an earlier one), the median of each.

And a list of 400,000 rows imported in a process of its own: its peak memory (VmHWM)
next to that of a process that only reads the same file with openpyxl. Goal (issue 30):
at most 300 MB.
"""

from __future__ import annotations

import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.common import CACHE, Result, demo_db
from bsm_desk.store import connect

NAME = "import"
ROWS = 10_000
BIG = 400_000
BIG_MB = 300

# Each in a process of its own, printing its own peak (VmHWM) and seconds.
READ_ONLY = """
import json, sys, time
from benchmarks.common import own_memory_mb
import openpyxl
start = time.perf_counter()
book = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
rows = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
seconds = time.perf_counter() - start
peak = own_memory_mb()
print(json.dumps({"rows": rows, "seconds": seconds, "mb": peak}))
"""
IMPORT = """
import json, sys, time
from benchmarks.common import BENCH_DESK, own_memory_mb
from bsm_desk.services.operators import at_desk
from bsm_desk.services.registry.importer import import_file
from bsm_desk.store import connect
db = connect(sys.argv[2])
start = time.perf_counter()
report = import_file(db, sys.argv[1], who=at_desk(db, desk_id=BENCH_DESK))
seconds = time.perf_counter() - start
peak = own_memory_mb()
print(json.dumps({"rows": report.added, "seconds": seconds, "mb": peak}))
"""


def write_list(path: Path, rows: int, seed: int = 11) -> Path:
    import openpyxl

    from bsm_desk.services.demo import _data as demo_data

    rng = random.Random(seed)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Participants")
    sheet.append(["Delegation list"])
    sheet.append(["№", "Family name", "Given name", "Фамилия", "Имя", "Gender", "Country",
                  "Category", "Function", "E-mail", "Passport"])
    families = demo_data.CYRILLIC["tg"][0].split(" ")
    given = demo_data.CYRILLIC["tg"][1].split(" ")
    countries = [d[0] for d in demo_data.DELEGATIONS if d[3]]
    for i in range(rows):
        family, name = rng.choice(families), rng.choice(given)
        sheet.append([f"L-{i}", f"Family{i}", f"Given{i % 97}", family, name,
                      rng.choice("MF"), rng.choice(countries), "Delegate", "Counsellor",
                      f"person{i}@example.org", f"P{1000000 + i}"])
    book.save(path)
    return path


ROUNDS = 3


def run() -> list[Result]:
    folder = Path(tempfile.mkdtemp(prefix="bsm-import-"))
    listing = write_list(folder / "list.xlsx", ROWS)
    reads, imports = [], []
    for round_ in range(ROUNDS):
        target = folder / f"event-{round_}.sqlite"
        shutil.copy(demo_db(700), target)
        connect(target).close()  # brought up to the schema before, as a desk's file is
        floor = _measured(READ_ONLY, listing)
        found = _measured(IMPORT, listing, target)
        assert found["rows"] == ROWS and floor["rows"] >= ROWS, (found, floor)
        reads.append(floor["seconds"])
        imports.append(found["seconds"])
    shutil.rmtree(folder, ignore_errors=True)
    seconds, floor_seconds = statistics.median(imports), statistics.median(reads)
    rate, floor_rate = ROWS / seconds, ROWS / floor_seconds
    ratio = seconds / floor_seconds
    return [Result(NAME, f"{ROWS:,}-row xlsx imported", round(rate, 1), "rows/s",
                   round(floor_rate, 1), round(ratio, 3), "time ratio <= 1.5", ratio <= 1.5),
            _big()]


def _measured(probe: str, *args: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", probe, *map(str, args)], capture_output=True,
                          text=True, timeout=3600, check=True)
    found: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def _big() -> Result:
    """400,000 rows: the import's peak memory against a bare read's, in one run."""
    CACHE.mkdir(exist_ok=True)
    listing = CACHE / f"list-{BIG}.xlsx"
    if not listing.exists():
        write_list(listing.with_suffix(".part.xlsx"), BIG).rename(listing)
    floor = _measured(READ_ONLY, listing)
    folder = Path(tempfile.mkdtemp(prefix="bsm-import-big-"))
    target = folder / "event.sqlite"
    shutil.copy(demo_db(700), target)
    found = _measured(IMPORT, listing, target)
    shutil.rmtree(folder, ignore_errors=True)
    assert found["rows"] == BIG, found
    return Result(NAME, f"{BIG:,}-row xlsx imported, peak memory ({found['seconds']:.0f} s;"
                  f" the read {floor['seconds']:.0f} s)", round(found["mb"], 1), "MB",
                  round(floor["mb"], 1), round(found["mb"] / floor["mb"], 2),
                  f"<= {BIG_MB} MB", found["mb"] <= BIG_MB)
