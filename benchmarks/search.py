"""Search at 100,000 delegates: p50 and p95 per query over a mixed set of Latin, Cyrillic,
prefix and two-word queries, next to the floor of a bare FTS5 prefix query (ranked,
top 20) on the same index, same connection settings, same run.

Goal: p95 <= 20 ms and p95 ratio <= 5.

The same queries typed into the Delegates screen (offscreen): from the search field's
filter applied to the window's pending update delivered (the table painted once with
its first rows), p95 against the service's
own p95 in the same run. Goal (issue 30): <= 16 ms, one frame. The table orders only
the first rows of what it finds (a search that matches thousands is counted, and its
first screenfuls ordered): the rest, ordered when first scrolled to, is timed apart
(ours: p95 <= 50 ms, so that the first scroll does not lag). The same texts typed into
the Badges screen, where a desk finds the badge to print (ours: p95 <= 16 ms too).
"""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import time

from benchmarks.common import Result, demo_db, ratio_result, window_db
from bsm_desk.domain.names import fold
from bsm_desk.services.registry.search import search_ids
from bsm_desk.store import connect
from bsm_desk.store.delegate_lists import match_expression

NAME = "search"
QUERIES = 400


def queries(db: sqlite3.Connection, count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    rows = db.execute("SELECT family_name, given_name, family_name_cyr, given_name_cyr"
                      " FROM delegate").fetchall()
    out = []
    for i in range(count):
        family, given, family_cyr, given_cyr = rng.choice(rows)
        kind = i % 6
        if kind == 0:
            out.append(family)                             # Latin, whole
        elif kind == 1:
            out.append(family_cyr or family)               # Cyrillic, whole
        elif kind == 2:
            out.append(family[: rng.randint(2, 4)])        # Latin prefix
        elif kind == 3:
            out.append((family_cyr or family)[: rng.randint(2, 4)])  # Cyrillic prefix
        elif kind == 4:
            out.append(f"{given} {family}")                # two words, reversed order
        else:
            out.append(f"{family_cyr or family} {given_cyr[:3] or given[:3]}")
    return out


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))]


def _typed(screen_class: type, path: object, texts: list[str]) -> tuple[list[float], list[float]]:
    """Each text typed into the screen's search field: the times to the table painted,
    and to the rest of its list ordered (as when first scrolled to)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QEvent, QObject

    class _Paints(QObject):
        """Counts the paints of the widget it watches."""

        def __init__(self) -> None:
            super().__init__()
            self.count = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    from bsm_desk import config
    from bsm_desk.services.event import overview
    from bsm_desk.ui.shell.app import application

    app = application()
    db = window_db(path)  # type: ignore[arg-type]
    screen = screen_class(config.Settings(desk_name="bench"))
    screen.load(db, overview(db, path))  # type: ignore[arg-type]
    screen.resize(1280, 800)
    screen.show()
    app.processEvents()
    paints = _Paints()
    screen.table.viewport().installEventFilter(paints)
    times, rest = [], []
    for text in texts[:200]:
        painted = paints.count
        start = time.perf_counter()
        screen.search.setText(text)
        screen._apply_filter()  # what the typing pause (150 ms) then does
        # What the event loop does next: the window's pending update, the new rows
        # painted once. (Repainting the table's viewport here instead painted it twice:
        # once at once, once more for the update the model's reset had asked for.)
        QCoreApplication.sendPostedEvents()
        times.append((time.perf_counter() - start) * 1000)
        if paints.count == painted:
            raise RuntimeError(f"the table was not painted after searching {text!r}")
        # Only the first rows were ordered: the rest, as when first scrolled to.
        start = time.perf_counter()
        screen.model.ids()
        rest.append((time.perf_counter() - start) * 1000)
        screen.search.clear()
        screen._apply_filter()
        QCoreApplication.sendPostedEvents()
    screen.close()
    db.close()
    return times, rest


def _gui(path: object, texts: list[str], service_p95: float) -> list[Result]:
    from bsm_desk.ui.badges.screen import BadgesScreen
    from bsm_desk.ui.registry.screen import DelegatesScreen

    times, rest = _typed(DelegatesScreen, path, texts)
    badges, _ = _typed(BadgesScreen, path, texts)
    _, p95 = _percentiles(times)
    _, rest95 = _percentiles(rest)
    _, badges95 = _percentiles(badges)
    return [Result(NAME, "GUI: typed search to table painted, p95", round(p95, 2), "ms",
                   round(service_p95, 3), round(p95 / service_p95, 2), "p95 <= 16 ms",
                   p95 <= 16.0),
            # Ours, not the issue's: the order left for later must not make a scroll lag.
            Result(NAME, "GUI: the rest ordered when scrolled to, p95", round(rest95, 2),
                   "ms", None, None, "p95 <= 50 ms", rest95 <= 50.0),
            # Ours too: the Badges list, where the desk finds a badge to print, alike.
            Result(NAME, "GUI: the same typed into Badges, p95", round(badges95, 2), "ms",
                   round(service_p95, 3), round(badges95 / service_p95, 2), "p95 <= 16 ms",
                   badges95 <= 16.0)]


def run() -> list[Result]:
    path = demo_db(100_000)
    db = connect(path)
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA journal_mode = WAL")
    texts = queries(db.conn, QUERIES)
    expressions = [match_expression(t) for t in texts]
    for text in texts[:20]:  # warm caches alike for both
        search_ids(db, text)
    ours, floor = [], []
    for text, expression in zip(texts, expressions, strict=True):
        start = time.perf_counter()
        search_ids(db, text, 20)
        ours.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        fold(text)
        raw.execute("SELECT rowid FROM delegate_fts WHERE delegate_fts MATCH ?"
                    " ORDER BY rank LIMIT 20", [expression]).fetchall()
        floor.append((time.perf_counter() - start) * 1000)
    p50, p95 = _percentiles(ours)
    f50, f95 = _percentiles(floor)
    return [
        ratio_result(NAME, "p50 per query, 100k delegates", p50, "ms", f50, 5.0),
        ratio_result(NAME, "p95 per query, 100k delegates", p95, "ms", f95, 5.0,
                     extra_goal=("p95 <= 20 ms", p95 <= 20.0)),
        *_gui(path, texts, p95),
    ]
