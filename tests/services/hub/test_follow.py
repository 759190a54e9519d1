"""The worker loop: a burst of pokes (scans) asks for one round a second, not one each;
the end of its input ends it."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

from bsm_desk.services import hub
from bsm_desk.store import connect


def test_a_burst_of_pokes_is_one_round(demo_copy: Path) -> None:
    """50 scans 10 ms apart (on the test's own clock, whatever the machine's speed) ask
    for one round, not 50."""
    pokes = iter([True] * 50 + [None])
    now = [0.0]
    rounds: list[float] = []

    def wake(timeout: float) -> bool | None:
        now[0] += 0.01  # a scan every 10 ms
        return next(pokes)

    with closing(connect(demo_copy)) as db:  # no hub: each round says so, and goes on
        hub.follow(db, desk_id="d", every=5.0, wake=wake, clock=lambda: now[0],
                    emit=lambda found: rounds.append(now[0]))
    assert rounds == [0.0]  # one round, at the start; the burst asked for no other


def test_pokes_further_apart_than_the_gap_are_rounds_of_their_own(demo_copy: Path) -> None:
    pokes = iter([True, True, None])
    now = [0.0]
    rounds: list[float] = []

    def wake(timeout: float) -> bool | None:
        now[0] += hub.MIN_GAP_S + 0.5
        return next(pokes)

    with closing(connect(demo_copy)) as db:
        hub.follow(db, desk_id="d", every=5.0, wake=wake, clock=lambda: now[0],
                    emit=lambda found: rounds.append(now[0]))
    assert len(rounds) == 3
