"""The queries every scan makes find the person through an index, whatever statistics
SQLite has of the event (taken when its doors were empty, or never)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bsm_desk.store import connect
from bsm_desk.store.checkins import FIRST_STANDING_SQL


def _plan(path: Path, sql: str, parameters: list[object]) -> list[str]:
    db = connect(path)
    try:
        return [str(row[3]) for row in db.execute(f"EXPLAIN QUERY PLAN {sql}", parameters)]
    finally:
        db.close()


@pytest.mark.parametrize("analyze", ["stale", "none"])
def test_a_scan_looks_up_the_person_not_every_check_in_at_the_door(
        demo_copy: Path, analyze: str) -> None:
    db = connect(demo_copy)
    try:
        if analyze == "stale":  # as the demo and a new event are: counted while empty
            db.execute("ANALYZE")
        else:
            db.execute("DROP TABLE IF EXISTS sqlite_stat1")
    finally:
        db.close()
    plan = _plan(demo_copy, FIRST_STANDING_SQL, ["entrance-2022-10-18", 5, 5])
    reads = [step for step in plan if step.startswith(("SEARCH c ", "SCAN c"))]
    assert reads and all("delegate_id=?" in step for step in reads), plan
