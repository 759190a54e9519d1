"""A whole event day, simulated: the demo conference (700 delegates), four desk processes
on one event file, the morning queue (400 people in 40 minutes) at the entrance, door
scans at every session of the day (no re-entry at the session doors), badges reprinted
during the morning (the old ones scanned too), a speakers' list running, one desk killed
with SIGKILL mid-morning and started again, and the file locked for 10 s by a backup. On
a hub, besides: the killed desk's file replaced by its backup from before the day, and
the hub's database dropped and made again at lunch (the first desk publishes anew, the
others adopt it).

Afterwards: no scan lost (every scan made has its committed verdict), nobody admitted
twice at a no-re-entry door, the counters equal the events, each desk's memory flat
(no growth beyond 10 % once warm), and every report exports. Prints scans per second
held during the rush and the p99 verdict latency next to the same desk scanning alone.

    python -m benchmarks eventday     (tests/services/test_eventday.py runs a short day)
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import statistics
import tempfile
import threading
import time
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks.common import Result
from bsm_desk.domain.errors import UserError
from bsm_desk.services.operators import at_desk

NAME = "eventday"
DESKS = 4
GROWTH = 1.10  # a desk's memory at the end against once warm


@dataclass(frozen=True)
class Day:
    people: int = 700
    rush: int = 400  # arrive in the morning queue
    rush_minutes: int = 40
    lock_s: float = 10.0
    reprints: int = 10
    door_share: float = 0.6  # of those who came, the share scanned at each session door
    seed: int = 2022


def _rss_kb() -> int:
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
    except (OSError, ValueError):
        return 0


SYNC_EVERY = 40  # on a hub: a round with it after this many scans (the worker's pace)


def _desk(path: str, desk: int, jobs: list[tuple[str, str, str]], start: Any, done: Any,
          results: Any, on_hub: bool = False, met: Any = None, stop_after: int = -1,
          stopped: Any = None) -> None:
    """One desk: each job (code, checkpoint, UTC time) scanned in turn; a scan that finds
    the file locked waits and tries again (as the window does): never dropped. On a hub,
    a round with it every SYNC_EVERY scans."""
    from bsm_desk.domain.errors import DatabaseBusy
    from bsm_desk.services import hub
    from bsm_desk.services.checkin import Desk
    from bsm_desk.store import connect

    db = connect(path)
    desk_id = f"desk-{desk}"
    desks: dict[str, Any] = {}
    latencies, waited, warm = [], [], 0
    start.wait()
    for n, (code, point, at) in enumerate(jobs):
        # Warm: past a tenth of the day and, on a hub, past the first round with it (its
        # first connection loads libpq and TLS once: that is not growth).
        if n == max(1, len(jobs) // 10, SYNC_EVERY + 1 if on_hub else 0):
            warm = _rss_kb()
        scanner = desks.get(point) or desks.setdefault(
            point, Desk.open(db, point,
                             who=at_desk(db, desk_id=desk_id, desk_name=f"Desk {desk}")))
        began = time.perf_counter()
        busy = False
        while True:
            try:
                scanner.scan(code, now=datetime.fromisoformat(at))
                break
            except DatabaseBusy:
                if not busy and met is not None:  # tell the backup it was met
                    with met.get_lock():
                        met.value += 1
                busy = True
                continue  # the same scan again, with the same time: nothing was recorded
        took = time.perf_counter() - began
        (waited if busy else latencies).append(took)
        with done.get_lock():
            done.value = n + 1
        if n + 1 == stop_after and stopped is not None:  # to be killed here, mid-morning,
            stopped.set()                                # with the rest of its share left
            while True:
                time.sleep(3600)
        if on_hub and n % SYNC_EVERY == SYNC_EVERY - 1:
            try:
                hub.sync_once(db, desk_id=desk_id)
            except Exception:  # noqa: BLE001 - the round after says it; scanning goes on
                pass
    results.put({"desk": desk, "latencies": latencies, "waited": waited, "warm": warm,
                 "end": _rss_kb()})
    db.close()


def _plan(path: Path, day: Day, *, door_desks: bool = False
          ) -> tuple[list[list[tuple[str, str, str]]], dict[str, Any]]:
    """Who scans where and when, desk by desk; and what the checks need."""
    from bsm_desk.domain.model import ReissueReason
    from bsm_desk.services import badges, checkin
    from bsm_desk.store import connect

    rng = random.Random(day.seed)
    with closing(connect(path)) as db:
        first = checkin.default_checkpoint(db, datetime(2022, 10, 18, 4, 0, tzinfo=UTC))
        ids = badges.select(db)[:day.people]
        rng.shuffle(ids)
        reprinted = ids[:day.reprints]
        old = dict(badges.codes(db, reprinted))
        for person in reprinted:  # lost badges reprinted before the doors open
            badges.reissue(db, person, ReissueReason.LOST, who=at_desk(db, desk_id="registrar"))
        codes = dict(badges.codes(db, ids))
        doors = [c for c in checkin.checkpoints(db) if c.session is not None
                 and not c.readmit  # no re-entry at a session's door
                 and c.session.starts_at.astimezone(UTC).date().isoformat() == "2022-10-18"]
    opens = datetime(2022, 10, 18, 3, 30, tzinfo=UTC)  # 08:30 in Dushanbe
    jobs: list[tuple[datetime, str, str]] = []
    for n, person in enumerate(ids):
        if n < day.rush:  # the morning queue
            at = opens + timedelta(seconds=rng.uniform(0, day.rush_minutes * 60))
        else:
            at = opens + timedelta(minutes=day.rush_minutes,
                                   seconds=rng.uniform(0, 6 * 3600))
        jobs.append((at, codes[person], first.id))
        for door in doors:
            if rng.random() < day.door_share:
                start = max(door.session.starts_at, at) if door.session else at
                jobs.append((start + timedelta(seconds=rng.uniform(0, 600)), codes[person],
                             door.id))
                if rng.random() < 0.05:  # stepped out and back: ALREADY at this door
                    jobs.append((start + timedelta(seconds=rng.uniform(600, 1800)),
                                 codes[person], door.id))
    for person in reprinted[: day.reprints // 2]:  # an old badge tried
        jobs.append((opens + timedelta(minutes=5), old[person], first.id))
    jobs.sort()
    per_desk: list[list[tuple[str, str, str]]] = [[] for _ in range(DESKS)]
    door_of = {door.id: 1 + n % (DESKS - 1) for n, door in enumerate(doors)}
    for n, (at, code, point) in enumerate(jobs):
        # On a hub each door has its own desk (a desk that has not yet heard of a scan at
        # another desk could let the person in again); the entrance takes any desk.
        desk = door_of[point] if door_desks and point in door_of else n % DESKS
        per_desk[desk].append((code, point, at.isoformat()))
    return per_desk, {"doors": [d.id for d in doors], "entrance": first.id,
                      "jobs": len(jobs), "old_codes": [old[p] for p in
                                                       reprinted[: day.reprints // 2]]}


def _speakers(path: str, stop: threading.Event) -> int:
    """A speakers' list running beside the desks: inscribe, give the floor, again."""
    from bsm_desk.services import programme, speakers
    from bsm_desk.store import connect

    done = 0
    with closing(connect(path)) as db:
        session = programme.load(db).sessions[0].id or 0
        person = 1
        while not stop.is_set() and done < 40:
            try:
                speakers.inscribe(db, session, person, override="simulation",
                                  who=at_desk(db, desk_id="chair"))
                speakers.next_speaker(db, session, who=at_desk(db, desk_id="chair"))
                done += 1
            except Exception:  # noqa: BLE001 - a rule said no (one statement each): next
                pass
            person += 7
            time.sleep(0.05)
    return done


def _hold_lock(path: str, seconds: float, held: threading.Event, met: Any) -> None:
    """Hold the file as a backup tool would: at least ``seconds``, and until a desk has
    met the lock (so the day always has scans that waited it out, however fast or slow
    the machine; a safety limit ends a run that went wrong)."""
    import sqlite3

    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        held.set()
        began = time.monotonic()
        while (met.value < 1 or time.monotonic() - began < seconds) and \
                time.monotonic() - began < 600:
            time.sleep(0.05)
        conn.execute("ROLLBACK")
    finally:
        conn.close()


def _idle_floor(path: str, codes: list[tuple[str, str, str]]) -> float:
    """The same desk scanning alone, nothing else running: its p99, in seconds."""
    from bsm_desk.services.checkin import Desk
    from bsm_desk.store import connect

    with closing(connect(path)) as db:
        desks: dict[str, Any] = {}
        took = []
        for code, point, at in codes:
            scanner = desks.get(point) or desks.setdefault(
                point, Desk.open(db, point, who=at_desk(db, desk_id="idle")))
            began = time.perf_counter()
            scanner.scan(code, now=datetime.fromisoformat(at))
            took.append(time.perf_counter() - began)
    return statistics.quantiles(took, n=100)[98]


def simulate(folder: Path, day: Day = Day(), hub_url: str | None = None) -> dict[str, Any]:
    """The day, and what was checked; raises AssertionError naming what failed. With
    ``hub_url``: each desk its own file, joined to that hub, checked on every file once
    they have caught up."""
    from bsm_desk.services import demo, hub

    path = folder / "eventday.sqlite"
    demo.build_demo(path, delegates=day.people, seed=day.seed, desk_id="setup")
    per_desk, facts = _plan(path, day, door_desks=hub_url is not None)
    paths = [path] * DESKS
    if hub_url is not None:
        with closing(connect_event(path)) as db:
            hub.init_hub(db, hub_url, who=at_desk(db, desk_id="desk-0"))
        paths = [path] + [folder / f"desk-{n}.sqlite" for n in range(1, DESKS)]
        for n in range(1, DESKS):
            hub.join(hub_url, paths[n], desk_id=f"desk-{n}")
            with closing(connect_event(paths[n])) as db:
                hub.sync_once(db, desk_id=f"desk-{n}")
    morning = folder / "victim-morning.sqlite"  # on a hub: the killed desk's backup
    if hub_url is not None:
        from bsm_desk.store.db import backup_to

        with closing(connect_event(paths[2])) as db:
            backup_to(db, morning)
    floor_path = folder / "floor.sqlite"
    demo.build_demo(floor_path, delegates=day.people, seed=day.seed, desk_id="setup")
    context = multiprocessing.get_context("spawn")
    start, results = context.Event(), context.Queue()
    done = [context.Value("i", 0) for _ in range(DESKS)]
    met = context.Value("i", 0)  # desks that found the file locked by the "backup"
    on_hub = hub_url is not None
    victim, stopped = 2, context.Event()  # the desk killed mid-morning, a third through
    workers = [context.Process(target=_desk, args=(
        str(paths[n]), n, per_desk[n], start, done[n], results, on_hub, met,
        max(1, len(per_desk[n]) // 3) if n == victim else -1, stopped))
        for n in range(DESKS)]
    for worker in workers:
        worker.start()
    stop = threading.Event()
    said: list[int] = []
    chair = threading.Thread(target=lambda: said.append(_speakers(str(path), stop)))
    began = time.perf_counter()
    start.set()
    chair.start()
    # Mid-morning: desk 2 dies (SIGKILL) and is started again with what it had left.
    stopped.wait(600)
    os.kill(workers[victim].pid or 0, signal.SIGKILL)
    workers[victim].join()
    left = per_desk[victim][done[victim].value:]  # committed ones are in the file
    if on_hub:  # and on a hub, its file is replaced by the backup taken before the day:
        from bsm_desk.store import backups  # its scans come back (carried over from the

        backups.restore(paths[victim], morning)  # file set aside, or from the hub)
    done[victim] = context.Value("i", 0)
    held = threading.Event()
    # The backup locks the killed desk's file before it is started again: with two thirds
    # of its share left, it meets the lock whatever the machine's speed.
    locker = threading.Thread(target=_hold_lock, args=(str(paths[victim]), day.lock_s, held,
                                                       met))
    locker.start()
    held.wait(60)
    workers[victim] = context.Process(target=_desk, args=(str(paths[victim]), victim, left,
                                                          start, done[victim], results,
                                                          on_hub, met))
    workers[victim].start()
    if on_hub and hub_url is not None:  # lunch: the hub's database dropped and made
        _remake_hub(hub_url, paths[0])  # again; the first desk publishes anew
    gathered = [results.get(timeout=600) for _ in range(DESKS)]
    for worker in workers:
        worker.join(60)
    wall = time.perf_counter() - began
    stop.set()
    chair.join()
    locker.join()
    adopted = 0
    if on_hub:  # the LAN is back to quiet: rounds until every desk has caught up
        for _ in range(20):
            moved = 0
            for n in range(DESKS):
                with closing(connect_event(paths[n])) as db:
                    try:
                        report = hub.sync_once(db, desk_id=f"desk-{n}")
                    except UserError as exc:  # the hub made again: adopted, as an
                        if exc.template != hub.HUB_CHANGED:  # administrator would
                            raise
                        report = hub.adopt(db, who=at_desk(db, desk_id=f"desk-{n}"))
                        adopted += 1
                    moved += report.pushed + report.pulled + report.pending
            if not moved:
                break
        checks = [_check(p, per_desk, facts, gathered) for p in paths]
        checked = checks[0]
        totals = [_totals(p) for p in paths]
        assert all(t == totals[0] for t in totals), "the desks' attendance totals differ"
    else:
        checked = _check(path, per_desk, facts, gathered)
    latencies = [t for g in gathered for t in g["latencies"]]
    floor = _idle_floor(str(floor_path), per_desk[0][:400])
    return {**checked, "scans": facts["jobs"], "wall_s": wall,
            "scans_per_s": facts["jobs"] / wall,
            "p99_s": statistics.quantiles(latencies, n=100)[98], "floor_p99_s": floor,
            "waited_for_lock": sum(len(g["waited"]) for g in gathered),
            "longest_wait_s": max((w for g in gathered for w in g["waited"]), default=0),
            "statements": said[0] if said else 0, "adopted": adopted,
            "memory": [(g["warm"], g["end"]) for g in gathered]}


def _remake_hub(hub_url: str, first: Path) -> None:
    """The hub's database dropped and made again (a DBA's mistake at lunch); the first
    desk runs hub init again. The others find another hub and adopt it at the end."""
    import psycopg
    from psycopg import conninfo

    from bsm_desk.services import hub

    params = conninfo.conninfo_to_dict(hub_url)
    name = str(params["dbname"])
    server = conninfo.make_conninfo(**{**{k: str(v) for k, v in params.items()},
                                       "dbname": "postgres"})
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    with closing(connect_event(first)) as db:
        hub.init_hub(db, hub_url, who=at_desk(db, desk_id="desk-0"))


def connect_event(path: Path) -> Any:
    from bsm_desk.store import connect

    return connect(path)


def _totals(path: Path) -> list[tuple[int, int]]:
    from bsm_desk.services.reports import attendance

    with closing(connect_event(path)) as db:
        return [(line.expected, line.present)
                for line in attendance.summary(attendance.collect(db), "en")]


def _check(path: Path, per_desk: list[list[tuple[str, str, str]]], facts: dict[str, Any],
           gathered: list[dict[str, Any]]) -> dict[str, Any]:
    from bsm_desk.services import checkin
    from bsm_desk.services.programme import export as programme_export
    from bsm_desk.services.reports import attendance, attendance_files, participants
    from bsm_desk.services.speakers import export as speakers_export
    from bsm_desk.store import connect

    with closing(connect(path)) as db:
        made = {(str(r[0]), str(r[1])) for r in db.execute(
            "SELECT code, checkpoint FROM checkin").fetchall()}
        lost = [job for jobs in per_desk for job in jobs if (job[0], job[1]) not in made]
        assert not lost, f"{len(lost)} scans lost, e.g. {lost[:3]}"
        marks = ", ".join("?" for _ in facts["doors"])
        twice = db.execute(
            f"SELECT checkpoint, delegate_id, count(*) FROM checkin c WHERE accepted = 1 AND"
            f" checkpoint IN ({marks}) AND NOT EXISTS (SELECT 1 FROM checkin u WHERE"
            f" u.undoes = c.uuid) GROUP BY checkpoint, delegate_id HAVING count(*) > 1",
            facts["doors"]).fetchall()
        assert not twice, f"admitted twice at a no-re-entry door: {twice[:3]}"
        revoked = db.execute(
            f"SELECT count(*) FROM checkin WHERE verdict = 'REVOKED' AND code IN"
            f" ({', '.join('?' for _ in facts['old_codes'])})", facts["old_codes"]).fetchone()
        assert revoked[0] == len(facts["old_codes"]), "an old badge opened a door"
        for point in [facts["entrance"], *facts["doors"]]:
            desk = checkin.Desk.open(db, point, who=at_desk(db, desk_id="check"))
            counted = sum(done for _c, done, _e in desk.counters())
            people = db.execute(
                "SELECT count(DISTINCT delegate_id) FROM checkin c WHERE checkpoint = ? AND"
                " accepted = 1 AND NOT EXISTS (SELECT 1 FROM checkin u WHERE u.undoes ="
                " c.uuid)", [point]).fetchone()[0]
            assert counted == people, f"{point}: counters {counted}, events {people}"
        for g in gathered:
            if g["warm"]:
                assert g["end"] <= g["warm"] * GROWTH, f"desk {g['desk']} grew: {g}"
        with tempfile.TemporaryDirectory() as out:
            attendance_files.write_workbook(attendance.collect(db), Path(out) / "a.xlsx")
            participants.export(db, Path(out) / "p.pdf")
            programme_export.write_pdf(db, Path(out) / "programme.pdf")
            speakers_export.write(db, Path(out) / "speakers.xlsx")
    return {"lost": 0, "twice": 0, "reports": 4}


def run() -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="bsm-eventday-") as folder:
        found = simulate(Path(folder))
    results = _results(found, "one file")
    try:
        import psycopg

        from tests.pg import PostgresMissing, server
    except ImportError:
        return results
    try:
        with server() as pg, tempfile.TemporaryDirectory(prefix="bsm-eventday-") as folder:
            with psycopg.connect(pg.url(), autocommit=True) as conn:
                conn.execute("CREATE DATABASE eventday")
            found = simulate(Path(folder), hub_url=pg.url("eventday"))
    except PostgresMissing:
        return results
    return results + _results(found, "on a hub")


def _results(found: dict[str, Any], where: str) -> list[Result]:
    worst = max(end / warm for warm, end in found["memory"] if warm)
    return [
        Result(NAME, f"{where}: {found['scans']} scans, 4 desks, one killed, a 10 s lock"
                     + (", its backup restored, the hub made again at lunch"
                        if where != "one file" else ""),
               found["lost"], "lost", None, None, "0 lost, 0 admitted twice", True),
        Result(NAME, f"{where}: scans per second held", round(found["scans_per_s"], 1),
               "scan/s", None, None, "reported", True),
        Result(NAME, f"{where}: verdict p99 in the rush (lock waits apart)",
               round(found["p99_s"] * 1000, 2), "ms", round(found["floor_p99_s"] * 1000, 2),
               round(found["p99_s"] / found["floor_p99_s"], 2), "p99 <= 50 ms",
               found["p99_s"] <= 0.05),
        Result(NAME, f"{where}: scans that waited out the backup's lock (longest "
                     f"{found['longest_wait_s']:.1f} s)", found["waited_for_lock"], "scans",
               None, None, "all committed after it", True),
        Result(NAME, f"{where}: desk memory at the end against once warm", round(worst, 3),
               "x",
               None, None, f"<= {GROWTH}", worst <= GROWTH),
    ]
