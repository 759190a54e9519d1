"""A check-in's id is unique and time-ordered: each new one is written at the end of
the ids' index, not on a random page of a million (store.checkins.new_id)."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from bsm_desk.store import connect
from bsm_desk.store.checkins import append, new_id


def _millisecond(text: str) -> int:
    return uuid.UUID(text).int >> 80


def test_new_ids_are_version_7_and_carry_the_time_they_were_made() -> None:
    before = time.time_ns() // 1_000_000
    made = [new_id() for _ in range(5_000)]  # many within one millisecond
    after = time.time_ns() // 1_000_000
    assert len(set(made)) == len(made)
    ids = [uuid.UUID(text) for text in made]
    assert all(i.version == 7 and i.variant == uuid.RFC_4122 for i in ids)
    stamps = [_millisecond(text) for text in made]
    assert before <= stamps[0] and stamps[-1] <= after
    assert stamps == sorted(stamps)  # a later id sorts after an earlier millisecond's
    # The 74 other bits are random: as many distinct as ids, and not all alike.
    assert len({i.int & (1 << 62) - 1 for i in ids}) == len(ids)


def test_check_ins_appended_at_a_door_are_kept_together_in_the_ids_index(
        demo_copy: Path) -> None:
    db = connect(demo_copy)
    try:
        with db.conn:  # an event's earlier check-ins, with random ids (as they were made before)
            for delegate_id in range(1, 301):
                db.execute(
                    "INSERT INTO checkin (uuid, checkpoint, delegate_id, badge_version,"
                    " verdict, accepted, at, desk_id) VALUES (?, 'entrance-2022-10-18', ?,"
                    " 1, 'OK', 1, ?, 'desk-b')",
                    [str(uuid.uuid4()), delegate_id, datetime.now(UTC).isoformat()])
        before = db.execute("SELECT max(rowid) FROM checkin").fetchone()[0]
        with db.conn:
            for delegate_id in range(1, 301):
                append(db, checkpoint="entrance-2022-10-18", delegate_id=delegate_id,
                       badge_version=1, verdict="OK", accepted=True,
                       at=datetime.now(UTC), desk_id="desk-a")
        written = [row[0] for row in db.execute(
            "SELECT uuid FROM checkin WHERE rowid > ? ORDER BY rowid", [before])]
        # Read through the key's own index from the first new id on: the new ones come
        # one after the other, none of the earlier ones among them (random ids would
        # have been scattered among those 300).
        by_key = [row[0] for row in db.execute(
            "SELECT uuid FROM checkin INDEXED BY sqlite_autoindex_checkin_1"
            " WHERE uuid >= ? ORDER BY uuid LIMIT 300", [min(written)])]
    finally:
        db.close()
    assert len(written) == 300
    assert set(by_key) == set(written)
