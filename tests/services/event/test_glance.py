"""The first look at the event the window opens, taken on a thread while the window's
code loads (issue 30): the same overview the usual opening reads, and nothing at all —
the window then opens the file the usual way, which says what is wrong — for anything
but an event of ours, at this schema, that asks nothing of the user first."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from bsm_desk.services import demo
from bsm_desk.services.event import glance, overview
from bsm_desk.services.event.files import open_event
from bsm_desk.store import connect
from bsm_desk.store.schema import LATEST
from tests.conftest import DESK


def test_the_look_sees_what_opening_the_file_reads(demo_file: Path) -> None:
    found = glance.look(demo_file)
    assert found is not None
    with closing(open_event(demo_file)) as conn:
        assert found.overview == overview(conn, demo_file)
    assert found.overview.delegates == 700
    assert found.desk_id == ""  # the demo is no hub's desk


def test_the_look_names_the_desk_a_hub_file_says_it_is(demo_copy: Path) -> None:
    with closing(connect(demo_copy)) as db:
        db.execute("INSERT INTO sync_state (name, value) VALUES ('desk_id', 'desk-7')")
    found = glance.look(demo_copy)
    assert found is not None and found.desk_id == "desk-7"


def _other_sqlite(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")


def _older_schema(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(f"PRAGMA user_version = {LATEST - 1}")


def _newer_schema(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(f"PRAGMA user_version = {LATEST + 1}")


def _no_event_row(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("DROP TABLE event")


@pytest.mark.parametrize("spoil", [
    lambda path: path.unlink(),                           # gone
    lambda path: path.write_bytes(b""),                   # empty
    lambda path: path.write_bytes(os.urandom(70_000)),    # not SQLite at all
    _other_sqlite, _older_schema, _newer_schema, _no_event_row,
], ids=["missing", "empty", "garbage", "not-ours", "older", "newer", "broken"])
def test_anything_but_a_sound_current_event_gets_no_look(tmp_path: Path, demo_copy: Path,
                                                          spoil) -> None:  # type: ignore[no-untyped-def]
    path = demo_copy
    if spoil is _other_sqlite:
        path = tmp_path / "other.sqlite"
    spoil(path)
    ahead = glance.look_ahead(path)
    assert ahead is not None
    assert ahead.take(path) is None  # a fault in the look is no look, never a traceback


def test_an_event_with_operators_gets_no_look(tmp_path: Path) -> None:
    path = tmp_path / "staffed.sqlite"
    demo.build_demo(path, delegates=20, desk_id=DESK, operators=True)
    assert glance.look(path) is None  # they sign in before anything is shown


def test_the_look_reads_and_never_writes(demo_copy: Path) -> None:
    before = demo_copy.read_bytes()
    assert glance.look(demo_copy) is not None
    assert demo_copy.read_bytes() == before


def test_a_look_at_another_file_is_not_given_for_this_one(demo_file: Path, demo_copy: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    ahead = glance.look_ahead(demo_file)
    assert ahead is not None
    assert ahead.take(demo_copy) is None
    monkeypatch.chdir(demo_file.parent)
    found = ahead.take(Path(demo_file.name))  # the same file, named relatively
    assert found is not None and found.overview.delegates == 700
    assert glance.look_ahead(None) is None


def test_a_file_another_program_holds_locked_gets_no_look(demo_copy: Path,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    """A file held in exclusive locking mode by another program is given up at once
    (not waited for as long as the usual opening waits, twice)."""
    monkeypatch.setattr(glance, "LOOK_TIMEOUT_S", 0.05)
    with closing(sqlite3.connect(demo_copy, isolation_level=None)) as holder:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        ahead = glance.look_ahead(demo_copy)
        assert ahead is not None and ahead.take(demo_copy) is None
        holder.execute("COMMIT")
