"""The worker loop: a burst of pokes (scans) asks for one round a second, not one each;
the end of its input ends it."""

from __future__ import annotations

import time
from contextlib import closing
from pathlib import Path

from bsm_desk.services import sync
from bsm_desk.store import connect


def test_a_burst_of_pokes_is_one_round(demo_copy: Path) -> None:
    pokes = iter([True] * 50 + [None])
    rounds: list[float] = []

    def wake(timeout: float) -> bool | None:
        time.sleep(0.01)  # a scan every 10 ms
        return next(pokes)

    began = time.monotonic()
    with closing(connect(demo_copy)) as db:  # no hub: each round says so, and goes on
        sync.follow(db, desk_id="d", every=5.0, wake=wake,
                    emit=lambda found: rounds.append(time.monotonic() - began))
    assert 1 <= len(rounds) <= 2  # 50 pokes in half a second
