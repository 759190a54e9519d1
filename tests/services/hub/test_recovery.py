"""Nothing lost when a desk's file goes back in time (issue 26), on a real PostgreSQL
hub: a backup restored over a desk's file, or an older copy brought back by hand. The
desk takes back from the hub what it had sent (its check-ins and registrations), so it
does not admit a person twice at a door without re-entry, and its new registrations take
ids from a fresh block, so no id is given twice."""

from __future__ import annotations

import shutil
from contextlib import closing
from pathlib import Path

import pytest

from bsm_desk.domain.people import Delegate
from bsm_desk.services import checkin, hub, registry
from bsm_desk.store import backups, connect
from bsm_desk.store import delegates as delegate_store
from bsm_desk.store import hub_desk_state as state
from bsm_desk.store.db import backup_to
from tests.acting import who_at
from tests.services.hub.test_hub import DAY_ONE, DESK_A, DESK_B, codes, publish_and_join

DOOR = "session-1"


def _setup(first: Path, second: Path, hub_url: str) -> None:
    publish_and_join(first, second, hub_url)
    with closing(connect(second)) as b:
        checkin.set_readmit(b, DOOR, False, who=who_at(b, DESK_B))
        assert hub.sync_once(b, desk_id=DESK_B).online


def _work_after_the_backup(second: Path) -> tuple[list[str], int, int]:
    """Desk B scans two people at the door and registers one, and sends them."""
    with closing(connect(second)) as b:
        found = codes(b, 2, 30)
        for code in found:
            assert checkin.check_in(b, code, DOOR, who=who_at(b, DESK_B), now=DAY_ONE).accepted
        person = delegate_store.get_delegate(b, 12)
        assert person is not None
        added = registry.save_delegate(b, Delegate(
            family_name="Nazarova", given_name="Firuza", delegation_id=person.delegation_id,
            category_id=person.category_id), who=who_at(b, DESK_B))
        assert hub.sync_once(b, desk_id=DESK_B).online
        own = b.execute("SELECT count(*) FROM checkin WHERE desk_id = ?", [DESK_B]
                        ).fetchone()[0]
    return found, added, int(own)


def _after(second: Path, found: list[str], added: int, own: int, *, carried: bool) -> None:
    with closing(connect(second)) as b:
        here = b.execute("SELECT count(*) FROM checkin WHERE desk_id = ?",
                         [DESK_B]).fetchone()[0]
        # restore carries them over from the file it set aside; a copy by hand lost them
        assert here == own if carried else here < own
        assert (delegate_store.get_delegate(b, added) is not None) is carried
        report = hub.sync_once(b, desk_id=DESK_B)
        assert report.online
        assert b.execute("SELECT count(*) FROM checkin WHERE desk_id = ?",
                         [DESK_B]).fetchone()[0] == own  # its own check-ins are back
        for code in found:  # and a person let in is not let in again at that door
            verdict = checkin.check_in(b, code, DOOR, who=who_at(b, DESK_B), now=DAY_ONE)
            assert verdict.kind.value == "ALREADY" and not verdict.accepted
        assert delegate_store.get_delegate(b, added) is not None  # the registration too
        person = delegate_store.get_delegate(b, 12)
        assert person is not None
        newer = registry.save_delegate(b, Delegate(
            family_name="Karimov", given_name="Anvar", delegation_id=person.delegation_id,
            category_id=person.category_id), who=who_at(b, DESK_B))
        assert newer != added and newer // 1_000_000 != added // 1_000_000
        said = " ".join(r["reason"] for r in hub.review(b))
        assert "went back in time" in said


def test_a_restored_backup_gets_its_own_records_back(demo_copy: Path, tmp_path: Path,
                                                     hub_url: str) -> None:
    second = tmp_path / "b.sqlite"
    _setup(demo_copy, second, hub_url)
    copy = tmp_path / "b-backup.sqlite"
    with closing(connect(second)) as b:
        backup_to(b, copy)
    found, added, own = _work_after_the_backup(second)
    backups.restore(second, copy)
    with closing(connect(second)) as b:
        assert state.get(b, state.RESTORED) == "1"
    _after(second, found, added, own, carried=True)
    with closing(connect(demo_copy)) as a, closing(connect(second)) as b:
        for db, desk in ((b, DESK_B), (a, DESK_A)):  # and the desks still agree
            assert hub.sync_once(db, desk_id=desk).online
        assert state.checkin_uuids(a) == state.checkin_uuids(b)
        assert delegate_store.get_delegate(a, added) is not None


def test_an_older_copy_brought_back_by_hand_is_noticed(demo_copy: Path, tmp_path: Path,
                                                       hub_url: str) -> None:
    second = tmp_path / "b.sqlite"
    _setup(demo_copy, second, hub_url)
    copy = tmp_path / "b-copy.sqlite"
    with closing(connect(second)) as b:
        backup_to(b, copy)
    found, added, own = _work_after_the_backup(second)
    second.unlink()
    for tail in ("-wal", "-shm"):
        Path(f"{second}{tail}").unlink(missing_ok=True)
    shutil.copyfile(copy, second)  # no restore command: nothing marked the file
    _after(second, found, added, own, carried=False)


def test_a_hub_made_again_is_said_and_adopted(demo_copy: Path, tmp_path: Path, hub_url: str,
                                              pg_server, capsys) -> None:  # type: ignore[no-untyped-def]
    """The hub's database dropped and made again; the first desk runs hub init again:
    it sends the new hub everything it recorded. The other desk says plainly that this is
    another hub (never "online, nothing waiting"); once adopted with its new code, it
    sends its own records and takes the others', and the two agree."""
    import psycopg

    from bsm_desk.cli import main
    from bsm_desk.domain.errors import UserError
    from bsm_desk.services.hub import enrolment
    from tests.services.hub.test_hub import scan

    second = tmp_path / "b.sqlite"
    publish_and_join(demo_copy, second, hub_url)
    with closing(connect(demo_copy)) as a, closing(connect(second)) as b:
        scan(a, DESK_A, codes(a, 5))
        scan(b, DESK_B, codes(b, 4, 10))
        for db, desk in ((a, DESK_A), (b, DESK_B), (a, DESK_A)):
            assert hub.sync_once(db, desk_id=desk).online
        before = state.checkin_uuids(a)
        assert len(before) == 9 and state.checkin_uuids(b) == before
    from psycopg import conninfo

    name = conninfo.conninfo_to_dict(hub_url)["dbname"]
    with psycopg.connect(pg_server.url(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    with closing(connect(demo_copy)) as a:
        hub.init_hub(a, hub_url, who=who_at(a, DESK_A))  # the first desk, again
        scan(a, DESK_A, codes(a, 3, 40), minute=5)
        assert hub.sync_once(a, desk_id=DESK_A).online
        code = enrolment.add_desk(a, "Desk b", who=who_at(a, DESK_A)).code  # known again
    with psycopg.connect(hub_url) as conn:  # everything desk A holds: its own 8, and
        # desk B's 4 relayed under desk B's name
        assert conn.execute("SELECT count(*) FROM hub_checkin").fetchone() == (12,)
        assert conn.execute("SELECT count(*) FROM hub_checkin WHERE desk_id = %s",
                            [DESK_B]).fetchone() == (4,)
    with closing(connect(second)) as b:
        with pytest.raises(UserError) as said:
            hub.sync_once(b, desk_id=DESK_B)
        assert said.value.template == hub.HUB_CHANGED
        assert "not the one this desk exchanged with" in str(said.value)
    assert main(["hub", "adopt", "--db", str(second), "--code", code, "--json"]) == 0
    capsys.readouterr()
    with closing(connect(demo_copy)) as a, closing(connect(second)) as b:
        for db, desk in ((a, DESK_A), (b, DESK_B)):
            assert hub.sync_once(db, desk_id=desk).online
        assert state.checkin_uuids(a) == state.checkin_uuids(b)
        assert len(state.checkin_uuids(a)) == 12
    with psycopg.connect(hub_url) as conn:
        assert conn.execute("SELECT count(*) FROM hub_checkin").fetchone() == (12,)


def test_a_damaged_settings_file_does_not_make_another_desk(demo_copy: Path, tmp_path: Path,
                                                            hub_url: str, capsys) -> None:  # type: ignore[no-untyped-def]
    """settings.json lost or damaged gives the machine a new desk id; the event file
    still says which desk it is, so what waited is still waiting, and is sent."""
    import json

    from bsm_desk import config
    from bsm_desk.cli import main
    from tests.services.hub.test_hub import hub_uuids, scan

    second = tmp_path / "b.sqlite"
    publish_and_join(demo_copy, second, hub_url)
    with closing(connect(second)) as b:
        scan(b, DESK_B, codes(b, 2, 50))
        waiting = {u for u in state.checkin_uuids(b)} - set(hub_uuids(hub_url))
    assert len(waiting) == 2
    config.settings_file().parent.mkdir(parents=True, exist_ok=True)
    config.settings_file().write_bytes(b"\x00{not json")
    assert config.load().desk_id not in (DESK_A, DESK_B)  # a new id for this machine
    assert main(["hub", "status", "--db", str(second), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pending"] == 2
    assert main(["hub", "sync", "--db", str(second), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pushed"] == 2
    assert waiting <= set(hub_uuids(hub_url))


def test_a_copy_used_on_a_second_laptop_is_refused(demo_copy: Path, tmp_path: Path,
                                                   hub_url: str) -> None:
    """A desk's file copied to another computer and used there too: the hub notices two
    files speaking for one desk; the one found behind recovers and is the desk from then
    on, the other is refused in words until it joins as a desk of its own. Nothing that
    reached the hub is lost."""
    from bsm_desk.domain.errors import UserError
    from tests.services.hub.test_hub import hub_uuids, scan

    second = tmp_path / "b.sqlite"
    _setup(demo_copy, second, hub_url)
    laptop = tmp_path / "b-copy-on-another-laptop.sqlite"
    with closing(connect(second)) as b:
        backup_to(b, laptop)
        scan(b, DESK_B, codes(b, 4, 60))  # the original goes on
        assert hub.sync_once(b, desk_id=DESK_B).pushed == 4
    with closing(connect(laptop)) as c:  # the copy, behind the original
        scan(c, DESK_B, codes(c, 1, 70))
        assert hub.sync_once(c, desk_id=DESK_B).online
        assert len(state.checkin_uuids(c)) >= 5  # it took back the original's rows
    with closing(connect(second)) as b:
        scan(b, DESK_B, codes(b, 1, 80))
        with pytest.raises(UserError) as said:
            hub.sync_once(b, desk_id=DESK_B)
        assert said.value.template == hub.TWO_FILES
        assert state.pending(b, DESK_B) == 1  # kept in the file, said, not lost
    assert len(hub_uuids(hub_url)) >= 5


def test_a_restore_keeps_the_check_ins_the_hub_never_got(demo_copy: Path, tmp_path: Path,
                                                         hub_url: str) -> None:
    """Check-ins and registrations are facts: those made after the backup and not yet
    sent (the LAN was down) come along from the file set aside into the restored one,
    and ids given since the backup are not given again."""
    from tests.services.hub.test_hub import scan

    second = tmp_path / "b.sqlite"
    _setup(demo_copy, second, hub_url)
    copy = tmp_path / "b-backup.sqlite"
    with closing(connect(second)) as b:
        backup_to(b, copy)
        scan(b, DESK_B, codes(b, 3, 90))  # never sent
        unsent = state.checkin_uuids(b)
        person = delegate_store.get_delegate(b, 12)
        assert person is not None
        given = registry.save_delegate(b, Delegate(
            family_name="Sharipova", given_name="Dilnoza", delegation_id=person.delegation_id,
            category_id=person.category_id), who=who_at(b, DESK_B))
    backups.restore(second, copy)
    with closing(connect(second)) as b:
        assert unsent <= state.checkin_uuids(b)
        kept = delegate_store.get_delegate(b, given)  # the registration came along too
        assert kept is not None and kept.given_name == "Dilnoza"
        assert b.execute("SELECT count(*) FROM delegate_fts WHERE delegate_fts MATCH"
                         " 'sharipova'").fetchone()[0] >= 1  # and search finds her
        again = registry.save_delegate(b, Delegate(
            family_name="Sharipova", given_name="Malika", delegation_id=person.delegation_id,
            category_id=person.category_id), who=who_at(b, DESK_B))
        assert again > given
        from bsm_desk.services.operators import trail

        assert trail.verify(b).ok  # what came along is in the audit trail, chained
