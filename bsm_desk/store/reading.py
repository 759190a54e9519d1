"""Reading without sqlite-utils: what a read needs of an event is its ``execute``, which a
sqlite-utils ``Database`` and a bare connection (store/db.open_connection) both have. The
reads on the way to the window's first paint (the overview, who the desk is, whether the
event has operators) take a :class:`Reads` and so run before sqlite-utils is loaded."""

from __future__ import annotations

import gc
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Protocol


class Reads(Protocol):
    """An open event: a sqlite-utils ``Database`` or an ``sqlite3.Connection``."""

    def execute(self, sql: str, parameters: Any = ..., /) -> sqlite3.Cursor: ...


def rows(db: Reads, sql: str, parameters: Any = ()) -> Iterator[dict[str, Any]]:
    """Each row of ``sql`` as a dict by column name (what sqlite-utils' ``query`` gives)."""
    cursor = db.execute(sql, parameters)
    keys = [d[0] for d in cursor.description]
    for row in cursor:
        yield dict(zip(keys, row, strict=True))


class _Collector:
    """Who is holding Python's cycle collector off (see :func:`collector_paused`)."""

    lock = threading.Lock()
    pauses = 0
    was_enabled = True


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector held off while a read makes a few hundred thousand
    objects that live on (a report's people and their check-ins): none of them is
    garbage, yet every 700 of them start a collection that walks the young ones again,
    and the full ones walk them all — a quarter of the reading time of a 100,000-person
    attendance workbook. Pauses may nest and overlap (a report on a worker thread while
    another reads); the collector runs again when the last one ends, if it ran before
    the first."""
    with _Collector.lock:
        if _Collector.pauses == 0:
            _Collector.was_enabled = gc.isenabled()
            gc.disable()
        _Collector.pauses += 1
    try:
        yield
    finally:
        with _Collector.lock:
            _Collector.pauses -= 1
            if _Collector.pauses == 0 and _Collector.was_enabled:
                gc.enable()
