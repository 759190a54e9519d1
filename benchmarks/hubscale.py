"""A UN-scale event on a hub: 100,000 delegates and a million check-ins (the check-in
benchmark's file), published to a real PostgreSQL started for the run (tests/pg.py),
then a new desk joining it.

Figures:
- publishing: `hub init` on the first desk, its million check-ins pushed by the first
  round (reported; no goal);
- a new desk joins: the hub's copy of the event downloaded and unpacked, then caught up
  with what the hub holds, in a process of its own (seconds and peak memory, VmHWM);
  goal (issue 30) <= 60 s;
- a scan at the new desk, p99 over 400 scans, next to the floor of bare SQLite doing the
  same lookup and insert on the same file (benchmarks/checkin.py's floor, interleaved);
  goal <= 2x;
- a day at the new desk: 20,000 scans with a round with the hub every 40 (the worker's
  pace), in a process of its own; its memory at the end against once warm (a tenth of
  the day in, past its first rounds); goal (issue 30) flat, <= 1.1x.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

import psycopg

from benchmarks import checkin as checkin_bench
from benchmarks.common import BENCH_DESK, CACHE, Result
from bsm_desk.services import hub
from bsm_desk.services.checkin import Desk
from bsm_desk.services.operators import at_desk
from bsm_desk.store import connect

NAME = "hubscale"
NEW_DESK = "00000000-0000-4000-8000-00000000a0e1"
GOAL_JOIN_S = 60.0
DAY_SCANS = 20_000
ROUND_EVERY = 40
GROWTH = 1.10

JOIN = """
import json, sys, time
from benchmarks.common import own_memory_mb
from bsm_desk.services import hub
start = time.perf_counter()
report = hub.join(sys.argv[1], sys.argv[2], desk_id=sys.argv[3])
seconds = time.perf_counter() - start
peak = own_memory_mb()
print(json.dumps({"seconds": seconds, "mb": peak, "pulled": report.pulled}))
"""


DAY = """
import json, sys
from benchmarks.common import own_memory_mb
from bsm_desk.services import hub
from bsm_desk.services.checkin import Desk
from bsm_desk.services.operators import at_desk
from bsm_desk.store import connect


path, desk_id, checkpoint, every = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
codes = sys.stdin.read().split()
db = connect(path)
desk = Desk.open(db, checkpoint, who=at_desk(db, desk_id=desk_id))
warm = 0.0
for n, code in enumerate(codes, start=1):
    desk.scan(code)
    if n % every == 0:
        hub.sync_once(db, desk_id=desk_id)
    if n == len(codes) // 10:
        warm = own_memory_mb("VmRSS")
print(json.dumps({"warm": warm, "end": own_memory_mb("VmRSS"), "scans": len(codes)}))
"""


def _day_codes(path: Path) -> list[str]:
    """A day's scans at one desk: people of the 100,000, some twice."""
    from bsm_desk.services import badges

    rng = random.Random(19)
    ids = rng.sample(range(1, 100_001), DAY_SCANS * 4 // 5)
    ids += rng.sample(ids, DAY_SCANS - len(ids))
    rng.shuffle(ids)
    with closing(connect(path)) as db:
        found = dict(badges.codes(db, sorted(set(ids))))
    return [found[i] for i in ids if i in found]


def _scans(path: Path, codes: list[str]) -> tuple[float, float]:
    """p99 of a scan at the joined desk, and of the bare floor, interleaved (ms)."""
    db = connect(path)
    desk = Desk.open(db, checkin_bench.CHECKPOINT, who=at_desk(db, desk_id=NEW_DESK))
    ours, floor = checkin_bench.interleaved(desk, str(path), codes[:400], NEW_DESK)
    db.close()
    return checkin_bench._percentiles(ours)[1], checkin_bench._percentiles(floor)[1]


def run() -> list[Result]:
    from tests.pg import server

    source = Path(checkin_bench._database())
    codes = checkin_bench._codes(str(source))
    folder = Path(tempfile.mkdtemp(prefix="bsm-hubscale-", dir=CACHE))
    try:
        publisher, joined = folder / "publisher.sqlite", folder / "joined.sqlite"
        shutil.copyfile(source, publisher)
        with server() as pg:
            with psycopg.connect(pg.url(), autocommit=True) as conn:
                conn.execute("CREATE DATABASE hub_scale")
            url = pg.url("hub_scale")
            start = time.perf_counter()
            with closing(connect(publisher)) as db:
                hub.init_hub(db, url, who=at_desk(db, desk_id=BENCH_DESK))
            published = time.perf_counter() - start
            with psycopg.connect(url) as conn:
                held = (conn.execute("SELECT count(*) FROM hub_checkin").fetchone() or (0,))[0]
            done = subprocess.run([sys.executable, "-c", JOIN, url, str(joined), NEW_DESK],
                                  capture_output=True, text=True, timeout=3600, check=True)
            found = json.loads(done.stdout.strip().splitlines()[-1])
            ours, floor = _scans(joined, codes)
            day = subprocess.run(
                [sys.executable, "-c", DAY, str(joined), NEW_DESK, checkin_bench.CHECKPOINT,
                 str(ROUND_EVERY)], input=" ".join(_day_codes(joined)), capture_output=True,
                text=True, timeout=3600, check=True)
            lived = json.loads(day.stdout.strip().splitlines()[-1])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    ratio = ours / floor
    return [
        Result(NAME, f"publish: hub init with {held:,} check-ins pushed", round(published, 1),
               "s", None, None, "reported", True),
        Result(NAME, f"a new desk joins (peak {found['mb']:.0f} MB, {found['pulled']:,} "
               "pulled)", round(found["seconds"], 1), "s", None, None,
               f"<= {GOAL_JOIN_S:g} s", found["seconds"] <= GOAL_JOIN_S),
        Result(NAME, "a scan at the joined desk, p99", round(ours, 2), "ms", round(floor, 3),
               round(ratio, 2), "ratio <= 2", ratio <= 2.0),
        Result(NAME, f"a day at the joined desk ({lived['scans']:,} scans, a round every "
               f"{ROUND_EVERY}): memory at the end", round(lived["end"], 1), "MB",
               round(lived["warm"], 1), round(lived["end"] / lived["warm"], 3),
               f"<= {GROWTH}x once warm", lived["end"] <= lived["warm"] * GROWTH),
    ]
