"""Several desks on one file, and a file someone else holds locked: no scan is doubled,
none is dropped."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
import threading
from contextlib import closing
from pathlib import Path

from bsm_desk.services import badges
from bsm_desk.services.checkin import Desk, checkpoints
from bsm_desk.store import connect
from tests.acting import who_at
from tests.conftest import hold_write_lock

DESKS = 4


def _door(db_path: Path) -> str:
    with closing(connect(db_path)) as db:
        return next(c.id for c in checkpoints(db) if c.session is not None and not c.readmit)


def _scan_all(db_path: str, door: str, codes: list[str], desk: int, start: object,
              results: object) -> None:
    database = connect(db_path)
    try:
        scanner = Desk.open(database, door, who=who_at(database, f"desk-{desk}"))
        start.wait()  # type: ignore[attr-defined]
        # Each desk goes through the badges in its own order, so they collide often.
        order = codes[desk::DESKS] + codes[:desk] + codes[desk:]
        kinds = [(v.delegate_id, v.kind.value) for v in (scanner.scan(c) for c in order)]
        results.put(kinds)  # type: ignore[attr-defined]
    finally:
        database.close()


def test_several_processes_admit_each_person_once_at_a_door(demo_copy: Path) -> None:
    door = _door(demo_copy)
    with closing(connect(demo_copy)) as db:
        ids = badges.select(db)[:500]
        codes = [code for _, code in badges.codes(db, ids)]
    context = multiprocessing.get_context("spawn")
    start, results = context.Event(), context.Queue()
    workers = [context.Process(target=_scan_all,
                               args=(str(demo_copy), door, codes, n, start, results))
               for n in range(DESKS)]
    for worker in workers:
        worker.start()
    start.set()
    gathered = [results.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    admitted: dict[int, int] = {}
    for kinds in gathered:
        for delegate_id, kind in kinds:
            if kind == "OK":
                admitted[delegate_id] = admitted.get(delegate_id, 0) + 1
    assert admitted == dict.fromkeys(ids, 1)
    with closing(connect(demo_copy)) as db:
        rows = db.execute("SELECT delegate_id, count(*) FROM checkin WHERE checkpoint = ? "
                          "AND verdict = 'OK' GROUP BY delegate_id", [door]).fetchall()
    assert dict(rows) == dict.fromkeys(ids, 1)


def test_a_locked_database_delays_scans_but_drops_none(demo_copy: Path, bsm_home: Path,
                                                       monkeypatch) -> None:
    with closing(connect(demo_copy)) as db:
        ids = badges.select(db)[:5]
        codes = [code for _, code in badges.codes(db, ids)]
    held, release = threading.Event(), threading.Event()
    locker = threading.Thread(target=hold_write_lock, args=(demo_copy, release, held))
    locker.start()
    held.wait(30)
    env = dict(os.environ, BSM_DESK_HOME=str(bsm_home))
    with subprocess.Popen(
            [sys.executable, "-m", "bsm_desk", "checkin", "--db", str(demo_copy), "--json",
             "--checkpoint", "entrance-2022-10-18", "-"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, env=env) as scanning:
        assert scanning.stdin and scanning.stdout and scanning.stderr
        scanning.stdin.write("\n".join(codes) + "\n")
        scanning.stdin.close()
        try:  # the lock is let go only once the desk has said it waits for it
            said = ""
            while "Waiting for the database" not in said:
                line = scanning.stderr.readline()
                if not line:
                    break
                said += line
        finally:
            release.set()
        out, err = scanning.stdout.read(), scanning.stderr.read()
        scanning.wait(120)
    locker.join()
    assert "Waiting for the database" in said, said + err
    assert scanning.returncode == 0, err
    verdicts = [json.loads(line) for line in out.splitlines()]
    assert [v["delegate_id"] for v in verdicts] == ids
    assert {v["verdict"] for v in verdicts} == {"OK"}
    with closing(connect(demo_copy)) as db:
        recorded = db.execute("SELECT count(*) FROM checkin WHERE verdict = 'OK'").fetchone()[0]
    assert recorded == 5


def test_a_bad_byte_is_one_invalid_scan_and_scanning_goes_on(demo_copy: Path,
                                                             bsm_home: Path) -> None:
    with closing(connect(demo_copy)) as db:
        ids = badges.select(db)[:2]
        codes = [code for _, code in badges.codes(db, ids)]
    stdin = codes[0].encode() + b"\n\xff\xfeB1-\x80garbage\n" + codes[1].encode() + b"\n"
    env = dict(os.environ, BSM_DESK_HOME=str(bsm_home))
    done = subprocess.run(
        [sys.executable, "-m", "bsm_desk", "checkin", "--db", str(demo_copy), "--json",
         "--checkpoint", "entrance-2022-10-18", "-"],
        input=stdin, capture_output=True, env=env, timeout=60)
    assert b"Traceback" not in done.stderr
    verdicts = [json.loads(line) for line in done.stdout.splitlines()]
    assert [v["verdict"] for v in verdicts] == ["OK", "FORGED", "OK"]
    assert done.returncode == 1  # not every scan was accepted
