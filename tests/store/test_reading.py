"""Holding the cycle collector off while a report reads its hundred thousand rows."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from bsm_desk.store.reading import collector_paused


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def test_the_collector_runs_again_after_the_pause_even_after_an_error() -> None:
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError
    assert gc.isenabled()


def test_nested_pauses_end_with_the_outer_one() -> None:
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer read still holds it off
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    """Whoever turned it off before (a test, an embedding program) keeps it off."""
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_pauses_on_two_threads_overlap_and_the_last_one_turns_it_back_on() -> None:
    """A report on a worker thread while another reads: the first to finish does not turn
    the collector on under the other, the last one does."""
    inside, release = threading.Event(), threading.Event()
    seen: list[bool] = []

    def worker() -> None:
        with collector_paused():
            inside.set()
            release.wait()
            seen.append(gc.isenabled())

    thread = threading.Thread(target=worker, daemon=True)
    thread.start()
    inside.wait()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the worker's pause still stands
    finally:
        release.set()
        thread.join()
    assert seen == [False]
    assert gc.isenabled()
