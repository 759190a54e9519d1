"""Simulated check-ins for the demo: the conference as if its two days had happened.

Most accredited people arrive between 08:00 and 10:30 (a peak a little before the
opening), fewer come back on the second day, and each session draws about the
audience the programme expected, from those present that day and allowed in.
Same seed, same attendance.
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING

from bsm_desk.domain.checkin import Checkpoint
from bsm_desk.domain.model import may_enter
from bsm_desk.store import atomic
from bsm_desk.store import categories as category_store
from bsm_desk.store import event as event_store
from bsm_desk.store import sessions as session_store

if TYPE_CHECKING:
    from sqlite_utils import Database

DAY_SHARE = (0.93, 0.84)  # who comes on the first day, on the second


def simulate(db: Database, *, seed: int, desk_id: str) -> int:
    """Add the check-ins; returns how many."""
    event = event_store.get_event(db)
    if event is None:
        return 0
    rng = random.Random(seed + 1)
    zone = event.zone
    categories = {c.id: c for c in category_store.list_categories(db)}
    people = db.execute("SELECT id, category_id FROM delegate WHERE status != 'cancelled'"
                        " AND merged_into IS NULL ORDER BY id").fetchall()
    rows: list[tuple[object, ...]] = []
    present: dict[object, list[tuple[int, int, datetime]]] = {}
    for index, day in enumerate(event.dates()):
        share = DAY_SHARE[min(index, len(DAY_SHARE) - 1)]
        came = []
        for delegate_id, category_id in people:
            if rng.random() < share:
                minutes = max(0.0, min(150.0, rng.gauss(60, 28)))
                at = datetime.combine(day, time(8, 0), zone) + timedelta(minutes=minutes)
                came.append((delegate_id, category_id, at))
                rows.append(_row(rng, Checkpoint.entrance_id(day), delegate_id, at, desk_id,
                                 f"Entrance desk {1 + delegate_id % 3}"))
        present[day] = came
    for session in session_store.list_sessions(db):
        day = session.local_day(zone)
        allowed = [(d, c, at) for d, c, at in present.get(day, [])
                   if may_enter(session, categories[c])]
        wanted = min(len(allowed), session.expected or len(allowed))
        for delegate_id, _, arrived in rng.sample(allowed, wanted):
            at = max(arrived, session.starts_at - timedelta(minutes=15)) + timedelta(
                seconds=rng.randint(0, 1500))
            assert session.id is not None
            rows.append(_row(rng, Checkpoint.session_id(session.id), delegate_id, at, desk_id,
                             "Session door"))
    with atomic(db):
        db.conn.executemany(
            "INSERT INTO checkin (uuid, checkpoint, delegate_id, badge_version, verdict,"
            " accepted, method, at, desk_id, operator) VALUES (?, ?, ?, 1, 'OK', 1, 'scan', ?,"
            " ?, ?)", rows)
    return len(rows)


def _row(rng: random.Random, checkpoint: str, delegate_id: int, at: datetime, desk_id: str,
         operator: str) -> tuple[object, ...]:
    return (str(uuid.UUID(int=rng.getrandbits(128), version=4)), checkpoint, delegate_id,
            at.astimezone(UTC).isoformat(), desk_id, operator)
