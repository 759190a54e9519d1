"""The hub's copy of the event file travels packed (an event of a million check-ins is
over PostgreSQL's 1 GB limit for one value unpacked); whatever the hub hands back, a desk
writes the file it was given or refuses in words, and never fills its disk."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bsm_desk.domain.errors import UserError
from bsm_desk.services.hub import event_file


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=20_000), chunk=st.integers(1, 5000))
def test_packing_then_unpacking_gives_the_file_back(tmp_path_factory, content: bytes,
                                                    chunk: int) -> None:
    folder = tmp_path_factory.mktemp("pack")
    source = folder / "event.sqlite"
    source.write_bytes(content)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(event_file, "_CHUNK", chunk)
        packed = event_file.pack(source)
        assert packed.startswith(event_file.SNAPSHOT_MARK)
        event_file.unpack_to(packed, folder / "copy.sqlite")
    assert (folder / "copy.sqlite").read_bytes() == content


def test_an_event_file_packs_well(demo_copy: Path) -> None:
    packed = event_file.pack(demo_copy)
    assert len(packed) * 2 < demo_copy.stat().st_size


def test_a_copy_published_by_an_earlier_version_is_taken_as_it_is(tmp_path: Path) -> None:
    raw = b"SQLite format 3\x00" + bytes(range(256)) * 10
    event_file.unpack_to(raw, tmp_path / "copy.sqlite")
    assert (tmp_path / "copy.sqlite").read_bytes() == raw


@pytest.mark.parametrize("snapshot", [
    event_file.SNAPSHOT_MARK + b"not zlib at all",
    event_file.SNAPSHOT_MARK + zlib.compress(b"x" * 10_000)[:-8],  # cut short
    event_file.SNAPSHOT_MARK + zlib.compress(b"\x00" * 50_000_000),  # packs 1000:1
], ids=["garbage", "cut short", "inflates too far"])
def test_a_damaged_or_inflating_copy_is_refused_in_words(tmp_path: Path,
                                                         snapshot: bytes) -> None:
    with pytest.raises(UserError) as said:
        event_file.unpack_to(snapshot, tmp_path / "copy.sqlite")
    assert said.value.template == event_file.BAD_SNAPSHOT
    written = tmp_path / "copy.sqlite"
    assert not written.exists() or written.stat().st_size <= \
        event_file.MAX_INFLATION * len(snapshot) + event_file._CHUNK


def test_a_desk_joins_from_the_packed_copy_and_refuses_a_damaged_one(
        demo_copy: Path, tmp_path: Path, hub_url: str) -> None:
    from contextlib import closing

    import psycopg

    from bsm_desk.services import hub
    from bsm_desk.store import connect
    from tests.acting import who_at
    from tests.conftest import DESK

    with closing(connect(demo_copy)) as first:
        hub.init_hub(first, hub_url, who=who_at(first, DESK))
        people = first.execute("SELECT count(*) FROM delegate").fetchone()[0]
    with psycopg.connect(hub_url) as conn:
        stored = bytes(conn.execute("SELECT snapshot FROM hub_event_file").fetchone()[0])
    assert stored.startswith(event_file.SNAPSHOT_MARK)
    assert len(stored) * 2 < demo_copy.stat().st_size
    joined = tmp_path / "second.sqlite"
    hub.join(hub_url, joined, desk_id="second-desk")
    with closing(connect(joined)) as second:
        assert second.execute("SELECT count(*) FROM delegate").fetchone()[0] == people
    with psycopg.connect(hub_url) as conn:  # the hub's copy damaged (by its owner)
        conn.execute("UPDATE hub_event_file SET snapshot = %s",
                     [event_file.SNAPSHOT_MARK + b"\x78\x9c garbage"])
    third = tmp_path / "third.sqlite"
    with pytest.raises(UserError) as said:
        hub.join(hub_url, third, desk_id="third-desk")
    assert said.value.template == event_file.BAD_SNAPSHOT
    assert not third.exists() and not third.with_name("third.sqlite.part").exists()
