"""The shared tables' change notes (store/hub_row_changes.py): the triggers note each changed row,
a file as it stands is agreed (nothing to send), a row rewritten as it was sends nothing,
columns of one desk only are left out, bytes travel as base64 and come back equal."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import pytest

from bsm_desk.store import connect, hub_row_changes
from bsm_desk.store import interpreters as interpreter_store

DESK = "00000000-0000-4000-8000-0000000000aa"


def test_notes_follow_changes_and_only_real_ones_are_sent(demo_copy: Path) -> None:
    with closing(connect(demo_copy)) as db:
        hub_row_changes.baseline(db)
        assert hub_row_changes.count_noted(db) == 0
        assert hub_row_changes.changes_to_send(db, DESK, 100) == ([], [])
        db.execute("UPDATE room SET capacity = capacity + 1 WHERE id = 1")
        db.execute("UPDATE room SET capacity = capacity WHERE id = 2")  # no real change
        send, idle = hub_row_changes.changes_to_send(db, DESK, 100)
        assert [(c.table, c.key) for c in send] == [("room", [1])]
        assert [(t, k) for t, k, _at in idle] == [("room", "[2]")]
        db.execute("DELETE FROM session_access")
        send, _idle = hub_row_changes.changes_to_send(db, DESK, 1000)
        assert {c.table for c in send} == {"room", "session_access"}
        assert send[0].table == "room" and all(c.row is None for c in send[1:])


def test_a_rewritten_roster_sends_only_what_changed(demo_copy: Path) -> None:
    with closing(connect(demo_copy)) as db:
        people = [p.id or 0 for p in interpreter_store.all_interpreters(db)][:3]
        interpreter_store.replace_seats(db, {(1, "ru"): [(people[0], False),
                                                         (people[1], False)]})
        hub_row_changes.baseline(db)
        # The whole roster rewritten (new local ids and times), one seat different.
        interpreter_store.replace_seats(db, {(1, "ru"): [(people[0], False),
                                                         (people[2], False)]})
        send, _idle = hub_row_changes.changes_to_send(db, DESK, 100)
        assert sorted((c.key[2], c.row is None) for c in send) == sorted(
            [(people[1], True), (people[2], False)])
        assert all("at" not in (c.row or {}) and "id" not in (c.row or {}) for c in send)


def test_bytes_travel_and_come_back_equal(demo_copy: Path) -> None:
    image = bytes(range(256)) * 4
    with closing(connect(demo_copy)) as db:
        hub_row_changes.baseline(db)
        db.execute("INSERT INTO delegate_photo (delegate_id, mime, image) VALUES (3, 'x', ?)",
                   [image])
        sent = hub_row_changes.changes_to_send(db, DESK, 100)[0][0]
        change = hub_row_changes.Change.of(sent.as_dict())
        db.execute("DELETE FROM delegate_photo")
        hub_row_changes.apply(db, change)
        assert db.execute("SELECT image FROM delegate_photo").fetchone()[0] == image


@pytest.mark.parametrize("raw", [
    {"table": "session", "key": [1], "row": {"id": 1, "title_en": {"$b64": "@@"}},
     "at": "t", "desk_id": "d"},
    {"table": "session", "key": [1], "row": {"id": 1, "title_en": [1, 2]}, "at": "t",
     "desk_id": "d"},
])
def test_values_that_are_not_plain_are_refused(demo_copy: Path, raw: dict) -> None:
    with closing(connect(demo_copy)) as db:
        with pytest.raises(ValueError):
            hub_row_changes.apply(db, hub_row_changes.Change.of(raw))
