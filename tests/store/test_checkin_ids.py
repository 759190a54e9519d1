"""A check-in's id is unique and time-ordered: each new one is written at the end of
the ids' index, not on a random page of a million (store.checkins.new_id)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

from bsm_desk.store import connect
from bsm_desk.store.checkins import append, new_id


def test_new_ids_are_version_7_and_each_sorts_after_the_one_before() -> None:
    made = [new_id() for _ in range(5_000)]  # many within one millisecond
    assert len(set(made)) == len(made)
    assert all(uuid.UUID(text).version == 7 for text in made)
    assert made == sorted(made)


def test_check_ins_appended_at_a_door_keep_their_order_in_the_ids_index(
        demo_copy: Path) -> None:
    db = connect(demo_copy)
    try:
        before = db.execute("SELECT max(rowid) FROM checkin").fetchone()[0] or 0
        with db.conn:
            for delegate_id in range(1, 301):
                append(db, checkpoint="entrance-2022-10-18", delegate_id=delegate_id,
                       badge_version=1, verdict="OK", accepted=True,
                       at=datetime.now(UTC), desk_id="desk-a")
        written = [row[0] for row in db.execute(
            "SELECT uuid FROM checkin WHERE rowid > ? ORDER BY rowid", [before])]
        # Read through the key's own index: the new ones come out in the order written,
        # after every id the event already had from this desk's clock onwards.
        by_key = [row[0] for row in db.execute(
            "SELECT uuid FROM checkin INDEXED BY sqlite_autoindex_checkin_1"
            " WHERE uuid >= ? ORDER BY uuid", [written[0]])]
    finally:
        db.close()
    assert len(written) == 300
    assert by_key[:300] == written
