"""The hub, with a real PostgreSQL server (tests/pg.py): a desk publishes, others join;
check-ins made at several desks, with the hub stopped in the middle, end up the same
everywhere, none lost, none doubled; a push retried or cut short doubles nothing; what a
desk cannot take in goes to the review list; the password never reaches the event file.
"""

from __future__ import annotations

import json
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest
from openpyxl import load_workbook

from bsm_desk.cli import main
from bsm_desk.services import badges, checkin, hub
from bsm_desk.services.reports import attendance, attendance_files
from bsm_desk.store import connect
from bsm_desk.store import hub as hub_store
from bsm_desk.store import hub_desk_state as state
from tests.acting import who_at

DESK_A, DESK_B, DESK_C = ("00000000-0000-4000-8000-00000000000a",
                          "00000000-0000-4000-8000-00000000000b",
                          "00000000-0000-4000-8000-00000000000c")
DAY_ONE = datetime(2022, 10, 18, 4, 30, tzinfo=UTC)  # 09:30 in Dushanbe


def codes(db, count: int, offset: int = 0) -> list[str]:  # type: ignore[no-untyped-def]
    ids = badges.select(db)[offset:offset + count]
    return [code for _, code in badges.codes(db, ids)]


def scan(db, desk: str, found: list[str], minute: int = 0) -> None:  # type: ignore[no-untyped-def]
    point = checkin.default_checkpoint(db, DAY_ONE).id
    for n, code in enumerate(found):
        checkin.check_in(db, code, point, who=who_at(db, desk),
                         now=DAY_ONE + timedelta(minutes=minute, seconds=n))


def publish_and_join(first: Path, second: Path, url: str) -> None:
    """Desk A publishes its event to the hub; desk B, enrolled by A (a hub login of its
    own, the desks' key), makes its file from it."""
    from bsm_desk.services.hub import enrolment

    with closing(connect(first)) as a:
        hub.init_hub(a, url, who=who_at(a, DESK_A))
        code = enrolment.add_desk(a, f"Desk {second.stem}", who=who_at(a, DESK_A)).code
    hub.join_with_code(code, second, desk_id=DESK_B)


def hub_uuids(url: str) -> list[str]:
    with psycopg.connect(url) as conn:
        return [r[0] for r in conn.execute("SELECT uuid FROM hub_checkin").fetchall()]


def present(db) -> set[int]:  # type: ignore[no-untyped-def]
    return attendance.collect(db).present_any_day()


def test_three_desks_agree_through_an_outage(demo_copy: Path, tmp_path: Path, hub_url: str,
                                             pg_server) -> None:  # type: ignore[no-untyped-def]
    a = connect(demo_copy)
    hub.init_hub(a, hub_url, who=who_at(a, DESK_A), desk_name="Desk A")
    for desk, name in ((DESK_B, "b.sqlite"), (DESK_C, "c.sqlite")):
        hub.join(hub_url, tmp_path / name, desk_id=desk)
    b, c = connect(tmp_path / "b.sqlite"), connect(tmp_path / "c.sqlite")
    try:
        scan(a, DESK_A, codes(a, 20))
        scan(b, DESK_B, codes(b, 20, 10))  # ten of them also scanned at desk A
        for db, desk in ((a, DESK_A), (b, DESK_B)):
            assert hub.sync_once(db, desk_id=desk).online
        pg_server.stop()  # the LAN drops
        try:
            scan(c, DESK_C, codes(c, 15, 25))
            scan(a, DESK_A, codes(a, 5, 40), minute=5)
            report = hub.sync_once(c, desk_id=DESK_C)
            assert not report.online and report.pending == 15
            assert hub.status(c, desk_id=DESK_C)["offline_since"]
        finally:
            pg_server.start()
        for _ in range(2):  # the queue drains by itself, in any order of desks
            for db, desk in ((c, DESK_C), (a, DESK_A), (b, DESK_B)):
                report = hub.sync_once(db, desk_id=desk)
                assert report.online and report.pending == 0
        on_hub = hub_uuids(hub_url)
        assert len(on_hub) == len(set(on_hub))  # none doubled
        for db in (a, b, c):
            assert state.checkin_uuids(db) == set(on_hub)  # none lost, the same everywhere
        assert present(a) == present(b) == present(c)
        # Badges 0–19 at A, 10–29 at B, 25–39 at C, 40–44 at A: 45 people, 60 scans, each
        # scan kept in the log, each person counted once.
        assert len(present(a)) == 45 and len(on_hub) == 60
        assert hub.status(b, desk_id=DESK_B)["offline_since"] is None
        # Let in twice while the desks could not see each other: the later is listed.
        # 10–19 at A and B, 25–29 at B and C: every desk ends up listing the same 15.
        listed = [{r.uuid for r in state.reviews(db) if r.kind == "already"}
                  for db in (a, b, c)]
        assert len(listed[0]) == 15 and listed[0] == listed[1] == listed[2]
        assert all("counted once" in r.reason for r in state.reviews(a))
        # After the exchange, a badge scanned at desk A is ALREADY at desk C, naming A.
        point = checkin.default_checkpoint(c, DAY_ONE).id
        verdict = checkin.check_in(c, codes(c, 1)[0], point, who=who_at(c, DESK_C),
                                   now=DAY_ONE + timedelta(minutes=30))
        assert verdict.kind.value == "ALREADY" and verdict.earlier is not None
        assert verdict.earlier.desk_id == DESK_A
    finally:
        for db in (a, b, c):
            db.close()


def test_a_push_retried_or_cut_short_doubles_nothing(demo_copy: Path, hub_url: str,
                                                     monkeypatch) -> None:
    with closing(connect(demo_copy)) as db:
        hub.init_hub(db, hub_url, who=who_at(db, DESK_A))
        scan(db, DESK_A, codes(db, 12))
        rows = state.to_push(db, DESK_A, 0)
        conn = hub_store.connect(hub_url)
        try:
            assert hub_store.push_checkins(conn, rows) == 12
            assert hub_store.push_checkins(conn, rows) == 0  # the same batch again: nothing
            # A larger batch, holding the twelve again: 188 new.
            scan(db, DESK_A, codes(db, 188, 12), minute=1)
            many = state.to_push(db, DESK_A, 0)
            assert hub_store.push_checkins(conn, many) == 188
            assert hub_store.push_checkins(conn, many + many) == 0
            assert [int(r[0]) for r in conn.execute(
                "SELECT desk_seq FROM hub_checkin ORDER BY seq").fetchall()] == \
                [rowid for rowid, _values in many]  # the hub's order is the desk's
            conn.rollback()
        finally:
            conn.close()
        # The desk dies after the hub committed, before it moved its watermark.
        real_put = state.put

        def dies(db_, name, value):  # type: ignore[no-untyped-def]
            if name == state.PUSHED:
                raise KeyboardInterrupt("killed")
            real_put(db_, name, value)

        monkeypatch.setattr(state, "put", dies)
        with pytest.raises(KeyboardInterrupt):
            hub.sync_once(db, desk_id=DESK_A)
        monkeypatch.setattr(state, "put", real_put)
        assert state.pending(db, DESK_A) == 200  # it does not know the hub has them
        report = hub.sync_once(db, desk_id=DESK_A)
        assert (report.pushed, report.pending) == (0, 0)  # pushed again, taken once
        assert sorted(hub_uuids(hub_url)) == sorted(state.checkin_uuids(db))


def test_what_a_desk_cannot_take_in_is_kept_for_review(demo_copy: Path, tmp_path: Path,
                                                       hub_url: str) -> None:
    publish_and_join(demo_copy, tmp_path / "b.sqlite", hub_url)
    with psycopg.connect(hub_url) as conn:  # a check-in of someone desk B never heard of
        conn.execute("INSERT INTO hub_checkin (uuid, desk_seq, checkpoint, delegate_id,"
                     " verdict, accepted, method, code, reason, at, desk_id, operator)"
                     " VALUES ('x-1', 1, 'entrance-2022-10-18', 999999, 'OK', true, 'search',"
                     " '', '', '2022-10-18T05:00:00+00:00', 'other-desk', '')")
    with closing(connect(tmp_path / "b.sqlite")) as b:
        report = hub.sync_once(b, desk_id=DESK_B)
        assert report.refused == 1
        (review,) = state.reviews(b)
        assert review.uuid == "x-1" and review.detail["delegate"] == 999999
        assert hub.sync_once(b, desk_id=DESK_B).refused == 0  # not asked again
        (listed,) = hub.review(b)
        assert "does not know (id 999999)" in listed["reason"]


def test_the_password_never_reaches_the_event_file(demo_copy: Path, hub_url: str) -> None:
    secret = "s3cret-Pa55"
    with_password = hub_url.replace("postgres@", f"postgres:{secret}@")
    with closing(connect(demo_copy)) as db:
        hub.init_hub(db, with_password, who=who_at(db, DESK_A))
        kept = state.get(db, state.URL)
        assert secret not in kept and "password" not in kept
        assert secret not in json.dumps(hub.status(db, desk_id=DESK_A))
    assert secret.encode() not in demo_copy.read_bytes()
    assert hub_store.safe_url(with_password).count(secret) == 0
    # Kept where libpq finds it (no OS keyring here): this user's password file only.
    import os
    import stat

    kept_file = Path(os.environ["PGPASSFILE"])
    assert f":postgres:{secret}" in kept_file.read_text()
    assert stat.S_IMODE(kept_file.stat().st_mode) == 0o600


def test_the_commands(demo_copy: Path, tmp_path: Path, hub_url: str, capsys) -> None:
    assert main(["hub", "init", "--db", str(demo_copy), "--url", hub_url, "--json"]) == 0
    assert set(json.loads(capsys.readouterr().out)) >= {"pushed", "pulled", "pending"}
    joined = tmp_path / "joined.sqlite"
    assert main(["hub", "join", "--db", str(joined), "--url", hub_url]) == 0
    capsys.readouterr()
    assert main(["hub", "join", "--db", str(joined), "--url", hub_url]) == 2  # exists
    assert "exists already" in capsys.readouterr().err
    assert main(["hub", "sync", "--db", str(joined), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pending"] == 0
    assert main(["hub", "review", "--db", str(joined), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["hub", "status", "--db", str(joined), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert set(found) >= {"url", "online", "pending", "last_sync"} and found["online"]
    # An event file with no hub, and a hub that is not there.
    other = tmp_path / "other.sqlite"
    assert main(["demo", "--db", str(other), "--delegates", "5"]) == 0
    capsys.readouterr()
    assert main(["hub", "sync", "--db", str(other)]) == 2
    assert "no hub" in capsys.readouterr().err
    nowhere = "postgresql://postgres@/nothing?host=/nonexistent-socket-dir"
    assert main(["hub", "init", "--db", str(other), "--url", nowhere]) == 2
    assert "cannot be reached" in capsys.readouterr().err


def test_three_desk_processes_one_killed_mid_sync(demo_copy: Path, tmp_path: Path,
                                                  hub_url: str, pg_server) -> None:  # type: ignore[no-untyped-def]
    """Three desks as processes, scanning different and the same badges; the hub stopped
    and restarted meanwhile; one desk killed with SIGKILL while it works, then started
    again: every desk and the hub end with exactly the same check-ins."""
    import os
    import signal
    import subprocess
    import sys
    import time

    with closing(connect(demo_copy)) as a:
        hub.init_hub(a, hub_url, who=who_at(a, DESK_A))
        point = checkin.default_checkpoint(a, DAY_ONE).id
        every = codes(a, 120)
    files = {DESK_A: demo_copy}
    for desk, name in ((DESK_B, "b.sqlite"), (DESK_C, "c.sqlite")):
        hub.join(hub_url, tmp_path / name, desk_id=desk)
        files[desk] = tmp_path / name
    shares = {DESK_A: every[:50], DESK_B: every[30:90], DESK_C: every[70:120]}
    root = Path(__file__).resolve().parents[3]
    env = {**os.environ, "PYTHONPATH": str(root)}

    def run(desk: str) -> subprocess.Popen[str]:
        listed = tmp_path / f"{desk[-1]}.codes"
        listed.write_text("\n".join(shares[desk]), encoding="utf-8")
        return subprocess.Popen([sys.executable, "-m", "tests.services.hub.desk_process",
                                 str(files[desk]), desk, str(listed), point], cwd=root,
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)

    desks = {desk: run(desk) for desk in files}
    time.sleep(0.6)
    pg_server.stop()
    time.sleep(0.8)
    desks[DESK_B].send_signal(signal.SIGKILL)  # killed while it scans and syncs
    desks[DESK_B].wait(timeout=30)
    pg_server.start()
    desks[DESK_B] = run(DESK_B)  # started again: scans its share again (ALREADY now)
    for desk, process in desks.items():
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, (desk, out, err)
    for desk, path in files.items():  # the last rounds, until nobody has news
        with closing(connect(path)) as db:
            hub.sync_once(db, desk_id=desk)
    on_hub = hub_uuids(hub_url)
    assert len(on_hub) == len(set(on_hub))
    held, summaries = [], []
    for desk, path in files.items():
        with closing(connect(path)) as db:
            held.append(state.checkin_uuids(db))
            assert state.pending(db, desk) == 0
            assert len(present(db)) == 120
            # The attendance workbook of each desk: the same totals.
            book = attendance_files.write_workbook(attendance.collect(db),
                                             tmp_path / f"{desk[-1]}.xlsx")
            first = load_workbook(book, read_only=True).worksheets[0]
            summaries.append([row for row in first.iter_rows(values_only=True)
                              if row and row[0] != "Generated"])  # its own time apart
    assert held[0] == held[1] == held[2] == set(on_hub)
    assert summaries[0] == summaries[1] == summaries[2]


def test_desks_connect_with_a_role_that_can_only_add_and_read(demo_copy: Path, tmp_path: Path,
                                                               hub_url: str, capsys) -> None:
    with closing(connect(demo_copy)) as a:
        hub.init_hub(a, hub_url, who=who_at(a, DESK_A))  # makes the desks' group role
    with psycopg.connect(hub_url, autocommit=True) as conn:
        conn.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname ="
                     " 'desk_b') THEN CREATE ROLE desk_b LOGIN IN ROLE bsm_desk_desks;"
                     " END IF; END $$")
        conn.execute("INSERT INTO hub_enrolment (login, name) VALUES ('desk_b', 'Desk B')")
    as_desk = hub_url.replace("postgres@", "desk_b@")
    hub.join(as_desk, tmp_path / "b.sqlite", desk_id=DESK_B)
    with closing(connect(tmp_path / "b.sqlite")) as b:
        scan(b, DESK_B, codes(b, 4))
        assert hub.sync_once(b, desk_id=DESK_B).pushed == 4
    with psycopg.connect(as_desk, autocommit=True) as conn:
        for statement in ("DELETE FROM hub_checkin", "UPDATE hub_checkin SET verdict = 'x'",
                          "DROP TABLE hub_checkin", "UPDATE hub_event_file SET code = 'x'"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
    assert len(hub_uuids(hub_url)) == 4
    assert main(["hub", "role-sql", "--database", "hub1"]) == 0
    printed = capsys.readouterr().out
    assert 'GRANT CONNECT ON DATABASE "hub1" TO bsm_desk_desks;' in printed
    assert "DELETE" not in printed and "UPDATE ON hub_checkin" not in printed


def test_concurrent_pushes_never_hide_behind_a_pulled_number(demo_copy: Path,
                                                            hub_url: str) -> None:
    """Four desks pushing at once while a fifth pulls: the fifth misses nothing (the hub's
    numbers follow the order pushes commit)."""
    import threading
    import uuid as uuidlib

    with closing(connect(demo_copy)) as db:
        hub.init_hub(db, hub_url, who=who_at(db, DESK_A))

    def pusher(desk: str) -> None:
        conn = hub_store.connect(hub_url)
        try:
            for batch in range(40):
                rows = [(batch * 10 + n, (str(uuidlib.uuid4()), "entrance-2022-10-18", None,
                                          None, "UNKNOWN", 0, "scan", "", None, "", "2022-10-18"
                                          "T05:00:00+00:00", desk, "")) for n in range(10)]
                hub_store.push_checkins(conn, rows)
        finally:
            conn.close()

    threads = [threading.Thread(target=pusher, args=(f"desk-{k}",)) for k in range(4)]
    seen: set[str] = set()
    after = 0
    reader = hub_store.connect(hub_url)
    try:
        for thread in threads:
            thread.start()
        while any(t.is_alive() for t in threads):
            for item in hub_store.pull_checkins(reader, after, not_from="reader"):
                seen.add(item.values["uuid"])
                after = item.seq
        for thread in threads:
            thread.join()
        for item in hub_store.pull_checkins(reader, after, not_from="reader", limit=100_000):
            seen.add(item.values["uuid"])
    finally:
        reader.close()
    assert seen == set(hub_uuids(hub_url)) and len(seen) == 4 * 40 * 10


def test_a_hub_that_refuses_says_so_and_loses_nothing(demo_copy: Path, tmp_path: Path,
                                                      hub_url: str) -> None:
    """A login outside the desks' role: refused in words (not called offline), the
    check-ins still waiting at the desk."""
    from bsm_desk.domain.errors import UserError

    with closing(connect(demo_copy)) as a:
        hub.init_hub(a, hub_url, who=who_at(a, DESK_A))
    with psycopg.connect(hub_url, autocommit=True) as conn:
        conn.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname ="
                     " 'stranger') THEN CREATE ROLE stranger LOGIN; END IF; END $$")
        conn.execute("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC")
    stranger = hub_url.replace("postgres@", "stranger@")
    with pytest.raises(UserError) as raised:
        hub.join(stranger, tmp_path / "s.sqlite", desk_id=DESK_B)
    assert "refused" in raised.value.message() and not (tmp_path / "s.sqlite").exists()
    with closing(connect(demo_copy)) as a:
        scan(a, DESK_A, codes(a, 3))
        state.put(a, state.URL, hub_store.without_password(stranger))
        with pytest.raises(UserError) as raised:
            hub.sync_once(a, desk_id=DESK_A)
        assert "refused" in raised.value.message()
        assert state.pending(a, DESK_A) == 3


def test_the_follow_worker_killed_before_writing_down_its_place(demo_copy: Path,
                                                                hub_url: str) -> None:
    """``hub follow`` keeps how far it pushed in memory; killed with SIGKILL before it
    wrote that down, the next worker pushes the same rows again and the hub has each
    once; closing its stdin ends it cleanly with its place written down."""
    import subprocess
    import sys

    with closing(connect(demo_copy)) as db:
        hub.init_hub(db, hub_url, who=who_at(db, DESK_A))
        scan(db, DESK_A, codes(db, 8))
    command = [sys.executable, "-m", "bsm_desk", "hub", "follow", "--db", str(demo_copy),
               "--every", "0.2", "--desk-id", DESK_A]
    root = Path(__file__).resolve().parents[3]
    worker = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              cwd=root, text=True)
    assert worker.stdout is not None
    assert worker.stdin is not None
    first = json.loads(worker.stdout.readline())
    assert first["online"] and first["pushed"] == 8 and first["pending"] == 0
    with closing(connect(demo_copy)) as db:
        scan(db, DESK_A, codes(db, 5, 20), minute=1)
    worker.stdin.write("\n")  # a scan: a round now
    worker.stdin.flush()
    while (line := json.loads(worker.stdout.readline()))["pushed"] == 0:
        pass
    assert line["pushed"] == 5 and line["pending"] == 0
    worker.kill()
    worker.wait()
    with closing(connect(demo_copy)) as db:
        assert state.pending(db, DESK_A) == 5  # not written down: pushed again next time
    worker = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              cwd=root, text=True)
    assert worker.stdout is not None and worker.stdin is not None
    again = json.loads(worker.stdout.readline())
    assert (again["pushed"], again["pending"]) == (0, 0)
    worker.stdin.close()
    assert worker.wait(timeout=20) == 0
    with closing(connect(demo_copy)) as db:
        assert state.pending(db, DESK_A) == 0
    on_hub = hub_uuids(hub_url)
    assert len(on_hub) == len(set(on_hub)) == 13


def test_a_revoked_badge_is_refused_everywhere_once_known(demo_copy: Path, tmp_path: Path,
                                                          hub_url: str) -> None:
    from bsm_desk.domain.model import ReissueReason

    publish_and_join(demo_copy, tmp_path / "b.sqlite", hub_url)
    a, b = connect(demo_copy), connect(tmp_path / "b.sqlite")
    try:
        person = badges.select(a)[0]
        (_, old_code), = badges.codes(a, [person])
        badges.reissue(a, person, ReissueReason.LOST, who=who_at(a, DESK_A))  # lost: v2 at desk A
        (_, new_code), = badges.codes(a, [person])
        assert hub.sync_once(a, desk_id=DESK_A).pending == 0
        assert hub.sync_once(b, desk_id=DESK_B).pulled >= 1
        point = checkin.default_checkpoint(b, DAY_ONE).id
        old = checkin.check_in(b, old_code, point, who=who_at(b, DESK_B), now=DAY_ONE)
        assert old.kind.value == "REVOKED" and not old.accepted
        new = checkin.check_in(b, new_code, point, who=who_at(b, DESK_B), now=DAY_ONE)
        assert new.accepted
        # Both desks reissue another's badge while they cannot see each other: one
        # version 3 each, the same code; the second is listed for review, not lost.
        other = badges.select(a)[1]
        badges.reissue(a, other, ReissueReason.DAMAGED, who=who_at(a, DESK_A))
        badges.reissue(b, other, ReissueReason.DAMAGED, who=who_at(b, DESK_B))
        hub.sync_once(a, desk_id=DESK_A)
        hub.sync_once(b, desk_id=DESK_B)
        hub.sync_once(a, desk_id=DESK_A)
        for db in (a, b):
            assert badges.codes(db, [other]) == badges.codes(a, [other])
            assert [r.kind for r in state.reviews(db)] == ["badge_issue"]
    finally:
        a.close()
        b.close()


def test_delegate_edits_meet_and_the_later_stands(demo_copy: Path, tmp_path: Path,
                                                  hub_url: str) -> None:
    from dataclasses import replace

    from bsm_desk.services import registry
    from bsm_desk.store import delegates as delegate_store
    from bsm_desk.store import history

    publish_and_join(demo_copy, tmp_path / "b.sqlite", hub_url)
    a, b = connect(demo_copy), connect(tmp_path / "b.sqlite")
    try:
        first, second = delegate_store.all_delegates(a)[:2]
        assert first.id is not None and second.id is not None
        registry.save_delegate(a, replace(first, function_en="Deputy Minister"),
                               who=who_at(a, DESK_A))
        hub.sync_once(a, desk_id=DESK_A)
        assert hub.sync_once(b, desk_id=DESK_B).pulled >= 1
        assert delegate_store.get_delegate(b, first.id).function_en == "Deputy Minister"
        assert any(c.desk_id == DESK_A for c in history.for_delegate(b, first.id))
        # Both desks change the same field while they cannot see each other: B's later.
        registry.save_delegate(a, replace(delegate_store.get_delegate(a, second.id),
                                          email="a@example.org"), who=who_at(a, DESK_A))
        registry.save_delegate(b, replace(delegate_store.get_delegate(b, second.id),
                                          email="b@example.org"), who=who_at(b, DESK_B))
        for db, desk in ((a, DESK_A), (b, DESK_B), (a, DESK_A)):
            hub.sync_once(db, desk_id=desk)
        for db in (a, b):
            assert delegate_store.get_delegate(db, second.id).email == "b@example.org"
            emails = [c.changes["email"][1] for c in history.for_delegate(db, second.id)
                      if "email" in c.changes]
            assert emails == ["a@example.org", "b@example.org"]  # both stay in the history
        assert any("the later one stands" in r["reason"] for r in hub.review(a))
        assert any("this desk's stands" in r["reason"] for r in hub.review(b))
        assert state.pending(a, DESK_A) == state.pending(b, DESK_B) == 0
    finally:
        a.close()
        b.close()


def test_hostile_rows_from_the_hub_are_kept_for_review(demo_copy: Path, tmp_path: Path,
                                                       hub_url: str) -> None:
    """Rows a damaged or hostile hub might hold: the round goes on, each is listed."""
    publish_and_join(demo_copy, tmp_path / "b.sqlite", hub_url)
    hostile = [("h1", "delegate_edit", '{"uuid": "h1", "changes": "not a dict"}'),
               ("h2", "badge_issue", '{"uuid": "h2", "delegate_id": 1, "version": "x"}'),
               ("h3", "badge_issue", '{"uuid": "h3", "delegate_id": 1, "version": 0,'
                                     ' "reason": "lost", "at": "", "desk_id": "z"}'),
               ("h4", "made_up_kind", '{"uuid": "h4"}'),
               ("h5", "badge_print", '[1, 2, 3]'),
               ("h6", "delegate_edit", '{"uuid": "h6", "delegate_id": "drop table",'
                                       ' "changes": {}, "created_at": null}')]
    with psycopg.connect(hub_url) as conn:
        for n, (uuid, kind, row) in enumerate(hostile):
            conn.execute("INSERT INTO hub_event (uuid, kind, desk_id, desk_seq, row) VALUES"
                         " (%s, %s, 'evil', %s, %s::jsonb)", [uuid, kind, n, row])
    with closing(connect(tmp_path / "b.sqlite")) as b:
        report = hub.sync_once(b, desk_id=DESK_B)
        assert report.online and report.refused == len(hostile)
        assert len(hub.review(b)) == len(hostile)
        assert hub.sync_once(b, desk_id=DESK_B).refused == 0  # each asked once


@pytest.mark.parametrize("url", ["=== not a url", "", "postgresql://u:pw-in-url@",
                                 "host=/tmp port=notanumber dbname=x password=pw-in-url"])
def test_a_bad_address_is_said_in_one_line(demo_copy: Path, url: str, capsys) -> None:
    assert main(["hub", "init", "--db", str(demo_copy), "--url", url]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err and "pw-in-url" not in err


def test_delegates_added_at_two_desks_are_the_same_everywhere(demo_copy: Path, tmp_path: Path,
                                                              hub_url: str) -> None:
    """Each desk adds delegates within its own block of ids, so a badge printed at one
    desk (its code carries the id) is the same person at every desk."""
    from bsm_desk.domain.model import Delegation, DelegationType
    from bsm_desk.domain.people import Delegate
    from bsm_desk.services import registry
    from bsm_desk.store import delegates as delegate_store
    from bsm_desk.store import delegations as delegation_store
    from bsm_desk.store.db import ID_BLOCK

    publish_and_join(demo_copy, tmp_path / "b.sqlite", hub_url)
    a, b = connect(demo_copy), connect(tmp_path / "b.sqlite")
    try:
        model = delegate_store.all_delegates(a)[0]
        new_a = registry.save_delegate(a, Delegate(
            "Nazarova", "Zarina", model.delegation_id, model.category_id,
            family_name_cyr="Назарова", given_name_cyr="Зарина"), who=who_at(a, DESK_A))
        fresh = delegation_store.add_delegation(b, Delegation(
            "Observer State", "Государство-наблюдатель", DelegationType.MEMBER_STATE, "",
            "9|observer"))  # type: ignore[call-arg]
        new_b = registry.save_delegate(b, Delegate("Rahimov", "Farhod", fresh,
                                                   model.category_id), who=who_at(b, DESK_B))
        assert new_a < ID_BLOCK <= new_b < 2 * ID_BLOCK and fresh >= ID_BLOCK
        for db, desk in ((a, DESK_A), (b, DESK_B), (a, DESK_A)):
            hub.sync_once(db, desk_id=desk)
        for db in (a, b):
            assert delegate_store.get_delegate(db, new_a).family_name == "Nazarova"
            assert delegate_store.get_delegate(db, new_b).family_name == "Rahimov"
            assert delegate_store.get_delegate(db, new_b).delegation_id == fresh
            assert state.pending(db, DESK_A if db is a else DESK_B) == 0
        assert badges.codes(a, [new_b]) == badges.codes(b, [new_b])
        point = checkin.default_checkpoint(a, DAY_ONE).id
        (_, code), = badges.codes(b, [new_b])
        assert checkin.check_in(a, code, point, who=who_at(a, DESK_A), now=DAY_ONE).accepted
        from bsm_desk.services.registry.search import search_ids

        assert new_b in search_ids(a, "Rahimov Farhod")[0]  # found by name at desk A too
    finally:
        a.close()
        b.close()


def test_a_merge_at_one_desk_is_a_merge_everywhere(demo_copy: Path, tmp_path: Path,
                                                   hub_url: str) -> None:
    from dataclasses import replace

    from bsm_desk.services import registry
    from bsm_desk.services.registry import duplicates
    from bsm_desk.store import delegates as delegate_store

    publish_and_join(demo_copy, tmp_path / "b.sqlite", hub_url)
    a, b = connect(demo_copy), connect(tmp_path / "b.sqlite")
    try:
        keep, drop = delegate_store.all_delegates(a)[:2]
        assert keep.id is not None and drop.id is not None
        registry.save_delegate(a, replace(keep, passport_no=""), who=who_at(a, DESK_A))
        registry.save_delegate(a, replace(drop, passport_no="N1234567"), who=who_at(a, DESK_A))
        duplicates.merge(a, keep.id, drop.id, who=who_at(a, DESK_A))
        hub.sync_once(a, desk_id=DESK_A)
        hub.sync_once(b, desk_id=DESK_B)
        there_keep = delegate_store.get_delegate(b, keep.id)
        there_drop = delegate_store.get_delegate(b, drop.id)
        assert there_drop.merged_into == keep.id and there_keep.passport_no == "N1234567"
        assert state.pending(a, DESK_A) == 0
    finally:
        a.close()
        b.close()


def test_a_newer_hub_names_both_versions_and_gets_nothing(demo_copy: Path,
                                                          hub_url: str) -> None:
    from bsm_desk import __version__
    from bsm_desk.domain.errors import UserError

    with closing(connect(demo_copy)) as db:
        hub.init_hub(db, hub_url, who=who_at(db, DESK_A))
        scan(db, DESK_A, codes(db, 3))
        with psycopg.connect(hub_url) as conn:
            conn.execute("INSERT INTO hub_schema (version, app_version) VALUES (99, '9.9.0')")
            before = conn.execute("SELECT count(*) FROM hub_checkin").fetchone()
        with pytest.raises(UserError) as caught:
            hub.sync_once(db, desk_id=DESK_A)
        said = caught.value.message()
        assert "brought up by BSM Desk 9.9.0 (schema 99)" in said
        assert f"this desk is BSM Desk {__version__} (schema {hub_store.LATEST})" in said
        with psycopg.connect(hub_url) as conn:
            assert conn.execute("SELECT count(*) FROM hub_checkin").fetchone() == before
        assert state.pending(db, DESK_A) == 3  # kept here, to go when the desk is updated
