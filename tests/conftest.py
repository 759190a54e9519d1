"""Every test runs with its own BSM Desk home (settings, data, cache) and Qt offscreen."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bsm_desk.services.demo import build_demo  # noqa: E402
from bsm_desk.store import connect  # noqa: E402

DESK = "00000000-0000-4000-8000-00000000d35c"


@pytest.fixture(autouse=True)
def bsm_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("BSM_DESK_HOME", str(home))
    monkeypatch.setenv("PGPASSFILE", str(home / "pgpass"))  # a hub password, kept here
    # Never the developer's own OS keyring: no backend, so passwords go to PGPASSFILE.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    monkeypatch.delenv("BSM_DESK_LANG", raising=False)
    return home


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 700-delegate demo, built once; tests that write must copy it."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo(path, desk_id=DESK)
    return path


@pytest.fixture
def demo_copy(demo_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo.sqlite"
    db = connect(demo_file)
    try:
        from bsm_desk.store import backup_to

        backup_to(db, target)
    finally:
        db.close()
    return target


def not_here(reason: str) -> NoReturn:
    """A real part a test needs (PostgreSQL, CUPS, PulseAudio) is not installed: skipped,
    saying so, on a developer's machine; a failure in CI, whose .ci/run installs it."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (.ci/run installs it)")
    pytest.skip(reason)


def hold_write_lock(path: Path, release: object, held: object) -> None:
    """Hold the event file's write lock, as another program would, until ``release`` (a
    threading.Event) is set: the test says when, so nothing depends on how fast the
    machine gets to the point it wants to see. ``held`` (a threading.Event) is set once
    the lock is held. Run it in a thread."""
    import sqlite3

    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        held.set()  # type: ignore[attr-defined]
        release.wait(120)  # type: ignore[attr-defined]  # a test that fails still ends
        conn.execute("ROLLBACK")
    finally:
        conn.close()


def damage_an_index(path: Path, seed: int = 7) -> None:
    """Random bytes over the first page of an index of the delegates, as a failing disk
    or a crash of another program might leave it."""
    import random
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE type = 'index' AND "
                            "tbl_name = 'delegate' LIMIT 1").fetchone()[0]
    with path.open("r+b") as f:
        f.seek((root - 1) * page)
        f.write(random.Random(seed).randbytes(page))


@pytest.fixture(scope="session")
def pg_server():  # type: ignore[no-untyped-def]
    """A real PostgreSQL server for the whole run (see tests/pg.py)."""

    from tests.pg import PostgresMissing, server

    try:
        with server() as started:
            yield started
    except PostgresMissing as exc:
        not_here(f"{exc}; the hub's tests need a real server")


@pytest.fixture
def hub_url(pg_server) -> str:  # type: ignore[no-untyped-def]
    """A new, empty hub database on the test server, for one test."""
    import uuid

    import psycopg

    name = f"hub_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server.url(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return pg_server.url(name)
