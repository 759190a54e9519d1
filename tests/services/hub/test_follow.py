"""The worker loop: a burst of pokes (scans) asks for one round a second, not one each;
pokes that came while a long round ran ask for one more round, not one each; the end of
its input ends it."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

from bsm_desk.services import hub
from bsm_desk.store import connect


class Pokes:
    """The worker's input on the test's own clock (whatever the machine's speed): a poke
    (True) or the end (None) at given times. ``wake(timeout)`` returns the next one if it
    has come by then (the clock moved to it), else False with the clock moved on."""

    def __init__(self, pokes: list[float], end: float, round_s: float = 0.0) -> None:
        self.queue: list[tuple[float, bool | None]] = [(at, True) for at in pokes]
        self.queue.append((end, None))
        self.now = 0.0
        self.round_s = round_s  # how long each round takes
        self.rounds: list[float] = []

    def wake(self, timeout: float) -> bool | None:
        if self.queue and self.queue[0][0] <= self.now + timeout:
            at, what = self.queue.pop(0)
            self.now = max(self.now, at)
            return what
        self.now += timeout
        return False

    def emit(self, found: object) -> None:  # at the end of each round
        self.rounds.append(self.now)
        self.now += self.round_s

    def follow(self, db_path: Path) -> list[float]:
        with closing(connect(db_path)) as db:  # no hub: each round says so, and goes on
            hub.follow(db, desk_id="d", every=5.0, wake=self.wake, clock=lambda: self.now,
                       emit=self.emit)
        return self.rounds


def test_a_burst_of_pokes_is_one_round(demo_copy: Path) -> None:
    """50 scans 10 ms apart ask for one round, not 50."""
    pokes = Pokes([0.01 * n for n in range(1, 51)], end=0.6)
    assert pokes.follow(demo_copy) == [0.0]  # one round, at the start


def test_pokes_further_apart_than_the_gap_are_rounds_of_their_own(demo_copy: Path) -> None:
    pokes = Pokes([1.5, 3.0], end=4.5)
    assert pokes.follow(demo_copy) == [0.0, 1.5, 3.0]


def test_pokes_during_a_long_round_ask_for_one_round_not_one_each(demo_copy: Path) -> None:
    """A slow hub: each round takes 3 s, while 29 scans poke."""
    pokes = Pokes([0.1 * n for n in range(1, 30)], end=10.0, round_s=3.0)
    assert pokes.follow(demo_copy) == [0.0, 3.0]


def test_the_end_behind_pokes_of_a_long_round_ends_it_at_once(demo_copy: Path) -> None:
    """The window closes while a slow round runs, after 29 scans: the worker stops when
    the round ends, not 29 rounds later."""
    pokes = Pokes([0.1 * n for n in range(1, 30)], end=2.95, round_s=3.0)
    assert pokes.follow(demo_copy) == [0.0]
