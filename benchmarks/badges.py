"""Badges: a 1,000-badge A6 batch to PDF, and one badge from click to print-ready.

Batch: badges per second for 1,000 signed A6 badges of the demo (QR codes drawn as
vectors), next to the floor of the same layout and the same people without QR codes,
same run. Goal: >= 300 badges/s and time ratio <= 3.

One badge: what the Badges screen does when a row is clicked, the PDF of that badge
made and rendered to the preview's pixels (what the printer gets is the same PDF).
Floor: the same delegate's row read with bare SQLite and an empty A6 page rendered
at the same size by PDFium. Goal: median <= 100 ms.
"""

from __future__ import annotations

import io
import sqlite3
import statistics
import time

from reportlab.pdfgen.canvas import Canvas

from benchmarks.common import Result, demo_db
from bsm_desk.services import badges
from bsm_desk.services.badges.pdf import A6_DESIGN, Layout, render
from bsm_desk.services.programme.queries import required_event
from bsm_desk.store import connect

NAME = "badges"
BATCH = 1000
CLICKS = 40
PREVIEW_DPI = 72 * 348 / A6_DESIGN.width  # the preview is ~348 px wide


def _batch() -> Result:
    db = connect(demo_db(2000))
    ids = badges.select(db)[:BATCH]
    faces = badges.faces(db, ids)
    header = badges.header(required_event(db, badges.NO_EVENT))
    db.close()
    render(faces[:20], header, Layout.A6, io.BytesIO())  # fonts loaded, caches warm
    ours, floor = [], []
    for _ in range(3):  # interleaved, best of three: the machine is noisy
        start = time.perf_counter()
        render(faces, header, Layout.A6, io.BytesIO())
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        render(faces, header, Layout.A6, io.BytesIO(), with_qr=False)
        floor.append(time.perf_counter() - start)
    seconds, floor_seconds = min(ours), min(floor)
    rate = len(faces) / seconds
    ratio = seconds / floor_seconds
    return Result(NAME, f"{len(faces):,} A6 badges to PDF", round(rate, 1), "badges/s",
                  round(len(faces) / floor_seconds, 1), round(ratio, 3),
                  ">= 300 badges/s and time ratio <= 3", rate >= 300 and ratio <= 3.0)


def _click() -> Result:
    from bsm_desk.ui.badges.printing import page_image

    path = demo_db(2000)
    db = connect(path)
    ids = badges.select(db)[:CLICKS]
    raw = sqlite3.connect(path)
    blank = io.BytesIO()
    canvas = Canvas(blank, pagesize=(A6_DESIGN.width, A6_DESIGN.height))
    canvas.showPage()
    canvas.save()
    empty = blank.getvalue()
    page_image(badges.prepare(db, ids[:1], Layout.A6).pdf, 0, PREVIEW_DPI)  # warm
    ours, floor = [], []
    for delegate_id in ids:
        start = time.perf_counter()
        prepared = badges.prepare(db, [delegate_id], Layout.A6)
        page_image(prepared.pdf, 0, PREVIEW_DPI)
        badges.status(db, delegate_id)
        ours.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        raw.execute("SELECT * FROM delegate WHERE id = ?", [delegate_id]).fetchone()
        page_image(empty, 0, PREVIEW_DPI)
        floor.append((time.perf_counter() - start) * 1000)
    db.close()
    median, floor_median = statistics.median(ours), statistics.median(floor)
    return Result(NAME, "one badge, click to print-ready", round(median, 2), "ms",
                  round(floor_median, 2), round(median / floor_median, 3),
                  "median <= 100 ms", median <= 100)


def run() -> list[Result]:
    return [_batch(), _click()]
