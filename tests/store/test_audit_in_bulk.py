"""Rows inserted in bulk (an import's people and their history) are logged by
audit.insert_logged instead of their insert trigger: the same entries, chained alike,
the trigger put back as it was, nothing half-done when something fails, and no other
connection ever sees the table without its trigger."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bsm_desk.services.operators import trail
from bsm_desk.store import audit, connect, history
from tests.conftest import DESK

ENTRY = ("desk_id", "operator", "role", "action", "tbl", "key", "before", "after")
INSERT = ("INSERT INTO delegate_history (uuid, delegate_id, at, desk_id, operator, action,"
          " changes) VALUES (?, ?, ?, ?, ?, ?, ?)")


def _rows(count: int, tag: str) -> list[tuple[object, ...]]:
    return [(f"{tag}-{n}", 1 + n % 5, "2022-10-18T09:00:00+00:00", DESK, "Мадина",
             "created", f'{{"row": [null, {n}]}}') for n in range(count)]


def _entries(db, since: int) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    return db.execute(f"SELECT {', '.join(ENTRY)} FROM audit WHERE id > ? ORDER BY id",
                      [since]).fetchall()


def _trigger(db) -> str:  # type: ignore[no-untyped-def]
    return db.execute("SELECT sql FROM sqlite_master WHERE name ="
                      " 'audit_delegate_history_insert'").fetchone()[0]


def test_bulk_entries_are_the_triggers_own(demo_copy: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    other.write_bytes(demo_copy.read_bytes())
    by_trigger, in_bulk = connect(demo_copy), connect(other)
    try:
        for db in (by_trigger, in_bulk):
            audit.actor(db).desk_id, audit.actor(db).operator = DESK, "Мадина"
        last = by_trigger.execute("SELECT max(id) FROM audit").fetchone()[0]
        trigger = _trigger(in_bulk)
        by_trigger.conn.executemany(INSERT, _rows(30, "u"))
        assert audit.insert_logged(in_bulk, "delegate_history", INSERT, _rows(30, "u")) == 30
        assert _entries(in_bulk, last) == _entries(by_trigger, last)
        assert len(_entries(in_bulk, last)) == 30
        assert _trigger(in_bulk) == trigger  # put back as it was
        for db in (by_trigger, in_bulk):
            verdict = trail.verify(db)
            assert verdict.ok, verdict.messages()
        # And after it, a row inserted one by one is logged by the trigger again.
        in_bulk.conn.executemany(INSERT, _rows(1, "after"))
        assert _entries(in_bulk, last)[-1][5] == '["after-0"]'
        assert trail.verify(in_bulk).ok
    finally:
        by_trigger.close()
        in_bulk.close()


def test_an_import_writes_its_people_and_history_in_bulk_and_the_trail_holds(
        demo_copy: Path) -> None:
    db = connect(demo_copy)
    try:
        before = db.execute("SELECT max(id) FROM audit").fetchone()[0]
        from bsm_desk.domain.people import Delegate
        from bsm_desk.store import delegates

        first = delegates.first_free_id(db)
        people = [Delegate(family_name=f"Rahmonov{n}", given_name="Jamshed",
                           family_name_cyr="Раҳмонов", delegation_id=1, category_id=1)
                  for n in range(25)]
        assert delegates.add_delegates(db, people) == 25
        history.record_many(db, [(first + n, "created", {"row": [None, n]})
                                 for n in range(25)], desk_id=DESK)
        kinds = [(r[4], r[3]) for r in _entries(db, before)]
        assert kinds == [("delegate", "insert")] * 25 + [("delegate_history", "insert")] * 25
        assert [r[5] for r in _entries(db, before)][:2] == [f"[{first}]", f"[{first + 1}]"]
        verdict = trail.verify(db)
        assert verdict.ok, verdict.messages()
    finally:
        db.close()


def test_a_desk_of_a_hub_logs_rows_whose_ids_fall_below_others(demo_copy: Path) -> None:
    """A desk of a hub gives new people ids in its own block, below those of a desk
    after it: the rows are found by what this connection inserted, not by their ids."""
    from bsm_desk.domain.people import Delegate
    from bsm_desk.store import delegates
    from bsm_desk.store.db import ID_BLOCK

    db = connect(demo_copy)
    try:
        db.execute("INSERT OR REPLACE INTO sync_state (name, value) VALUES ('id_block', '1')")
        far = Delegate(family_name="Later", given_name="Desk", delegation_id=1, category_id=1)
        db.execute("INSERT INTO delegate (id, family_name, given_name, delegation_id,"
                   " category_id, created_at, updated_at) VALUES (?, ?, ?, 1, 1, 'x', 'x')",
                   [3 * ID_BLOCK, far.family_name, far.given_name])  # another desk's
        before = db.execute("SELECT max(id) FROM audit").fetchone()[0]
        first = delegates.first_free_id(db)
        assert ID_BLOCK <= first < 2 * ID_BLOCK
        people = [Delegate(family_name=f"Karimov{n}", given_name="Ali", delegation_id=1,
                           category_id=1) for n in range(3)]
        assert delegates.add_delegates(db, people) == 3
        assert [r[5] for r in _entries(db, before)] == [
            f"[{first}]", f"[{first + 1}]", f"[{first + 2}]"]
        verdict = trail.verify(db)
        assert verdict.ok, verdict.messages()
    finally:
        db.close()


def test_a_failure_leaves_the_rows_the_log_and_the_trigger_as_they_were(
        demo_copy: Path) -> None:
    db = connect(demo_copy)
    try:
        trigger = _trigger(db)
        entries = db.execute("SELECT count(*) FROM audit").fetchone()[0]
        rows = _rows(5, "same") + _rows(1, "same")  # the sixth repeats the first's uuid
        with pytest.raises(sqlite3.IntegrityError):
            audit.insert_logged(db, "delegate_history", INSERT, rows)
        assert _trigger(db) == trigger
        assert db.execute("SELECT count(*) FROM audit").fetchone()[0] == entries
        assert db.execute("SELECT count(*) FROM delegate_history WHERE uuid LIKE 'same-%'"
                          ).fetchone()[0] == 0
        assert not db.conn.in_transaction
        assert trail.verify(db).ok
    finally:
        db.close()


def test_no_other_connection_sees_the_table_without_its_trigger(demo_copy: Path) -> None:
    db = connect(demo_copy)
    seen: list[bool] = []

    def rows():  # type: ignore[no-untyped-def]
        for row in _rows(3, "seen"):
            # While the rows go in (the trigger off on this connection), another
            # connection looks at the schema.
            other = sqlite3.connect(demo_copy)
            seen.append(other.execute(
                "SELECT count(*) FROM sqlite_master WHERE name ="
                " 'audit_delegate_history_insert'").fetchone()[0] == 1)
            other.close()
            yield row

    try:
        db.execute("BEGIN")  # within a transaction of the caller's, as an import is
        assert audit.insert_logged(db, "delegate_history", INSERT, _Rows(rows())) == 3
        db.execute("COMMIT")
        assert seen == [True, True, True]
        assert db.execute("SELECT count(*) FROM delegate_history WHERE uuid LIKE 'seen-%'"
                          ).fetchone()[0] == 3
        assert trail.verify(db).ok
    finally:
        db.close()


class _Rows(list):  # type: ignore[type-arg]
    """A list whose rows are made as SQLite asks for them (to look around meanwhile)."""

    def __init__(self, made) -> None:  # type: ignore[no-untyped-def]
        super().__init__([None])  # not empty
        self.made = made

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.made)


def test_rows_not_found_where_the_caller_said_are_refused_and_nothing_kept(
        demo_copy: Path) -> None:
    """Should a caller name the wrong ids, the rows would go unlogged: refused instead,
    and the rows, the log and the trigger are left as they were."""
    db = connect(demo_copy)
    try:
        trigger = _trigger(db)
        entries = db.execute("SELECT count(*) FROM audit").fetchone()[0]
        with pytest.raises(RuntimeError, match="3 rows inserted, 0 found to log"):
            audit.insert_logged(db, "delegate_history", INSERT, _rows(3, "wrong"),
                                ids=range(10**9, 10**9 + 3))
        assert _trigger(db) == trigger
        assert db.execute("SELECT count(*) FROM audit").fetchone()[0] == entries
        assert db.execute("SELECT count(*) FROM delegate_history WHERE uuid LIKE"
                          " 'wrong-%'").fetchone()[0] == 0
    finally:
        db.close()
