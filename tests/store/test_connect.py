import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from bsm_desk.domain.errors import UserError
from bsm_desk.store import atomic, backup_to, connect, migrations
from bsm_desk.store.db import schema_version


def test_every_connection_has_the_safe_pragmas(tmp_path: Path) -> None:
    db = connect(tmp_path / "e.sqlite", create=True)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert schema_version(db) == migrations.LATEST


def test_a_missing_file_is_not_created_by_accident(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="does not exist"):
        connect(tmp_path / "nope.sqlite")
    assert not (tmp_path / "nope.sqlite").exists()


def test_garbage_and_foreign_databases_are_refused_untouched(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(UserError, match="not a BSM Desk event database"):
        connect(garbage)
    assert garbage.read_bytes() == b"this is not sqlite at all" * 100

    foreign = tmp_path / "other-app.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(UserError, match="not a BSM Desk event database"):
        connect(foreign)
    conn = sqlite3.connect(foreign)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["songs"]
    conn.close()


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    connect(path, create=True).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    conn.execute("DROP TABLE app_meta")  # as a file from before it said who wrote it
    conn.close()
    with pytest.raises(UserError, match="newer BSM Desk"):
        connect(path)


def test_a_newer_file_names_both_versions_and_is_never_written(tmp_path: Path) -> None:
    """An older app opening a newer file: refused, naming both versions; not a byte of
    the file changes (and no upgrade copy is made)."""
    from bsm_desk import __version__

    path = tmp_path / "future.sqlite"
    connect(path, create=True).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 3}")
    conn.execute("UPDATE app_meta SET value = '9.9.0' WHERE name = 'written_by'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(UserError) as caught:
        connect(path)
    said = caught.value.message()
    assert f"written by BSM Desk 9.9.0 (schema {migrations.LATEST + 3})" in said
    assert f"this is BSM Desk {__version__} (schema {migrations.LATEST})" in said
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*backup*")) and not (tmp_path / "future-backups").exists()


def test_each_upgrade_says_which_app_made_it(tmp_path: Path) -> None:
    from bsm_desk import __version__
    from bsm_desk.store.db import written_by

    path = tmp_path / "old.sqlite"
    db = connect(path, create=True, migrate=False)
    from bsm_desk.store.db import migrate_to

    migrate_to(db, 23)
    assert written_by(db) == ""
    db.close()
    with closing(connect(path)) as db:
        assert written_by(db) == __version__


def test_a_locked_database_gives_a_clear_error_and_loses_nothing(tmp_path: Path) -> None:
    import bsm_desk.store.db as store_db

    path = tmp_path / "busy.sqlite"
    connect(path, create=True).close()
    holder = connect(path).conn  # another desk holding the write lock
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO room (name_en) VALUES ('held by the other desk')")
    db = connect(path)  # readers are welcome in WAL mode
    db.execute("PRAGMA busy_timeout = 50")
    try:
        with pytest.raises(UserError, match="busy or locked"), atomic(db):
            db.execute("INSERT INTO room (name_en) VALUES ('mine')")
    finally:
        holder.execute("COMMIT")
        holder.close()
    assert store_db.db_file(db) == path.resolve() or store_db.db_file(db).name == path.name
    assert [r[0] for r in db.execute("SELECT name_en FROM room")] == ["held by the other desk"]


def test_atomic_rolls_back_everything_on_error(tmp_path: Path) -> None:
    db = connect(tmp_path / "e.sqlite", create=True)
    with pytest.raises(RuntimeError), atomic(db):
        db.execute("INSERT INTO room (name_en) VALUES ('A')")
        db.execute("INSERT INTO room (name_en) VALUES ('B')")
        raise RuntimeError("power cut in the middle")
    assert db.execute("SELECT count(*) FROM room").fetchone()[0] == 0


def test_nested_atomic_rolls_back_only_the_inner_block(tmp_path: Path) -> None:
    db = connect(tmp_path / "e.sqlite", create=True)
    with atomic(db):
        db.execute("INSERT INTO room (name_en) VALUES ('kept')")
        with pytest.raises(ValueError), atomic(db):
            db.execute("INSERT INTO room (name_en) VALUES ('dropped')")
            raise ValueError
    assert [r[0] for r in db.execute("SELECT name_en FROM room")] == ["kept"]


def test_backup_is_a_consistent_openable_copy(tmp_path: Path) -> None:
    db = connect(tmp_path / "e.sqlite", create=True)
    with atomic(db):
        db.execute("INSERT INTO room (name_en) VALUES ('Plenary Hall')")
    copy = backup_to(db, tmp_path / "copy.sqlite")
    other = connect(copy)
    assert [r[0] for r in other.execute("SELECT name_en FROM room")] == ["Plenary Hall"]


def test_backup_to_an_unwritable_place_is_a_user_error(tmp_path: Path) -> None:
    db = connect(tmp_path / "e.sqlite", create=True)
    with pytest.raises(UserError, match="Cannot write"):
        backup_to(db, tmp_path / "no-such-folder" / "copy.sqlite")


def test_every_table_whose_ids_come_from_a_block_is_known() -> None:
    """store/db.block_floor looks at every table whose new ids come from next_id: one
    added without its name there could hand out ids a fresh block already holds."""
    import re

    from bsm_desk import paths as _paths
    from bsm_desk.store.db import BLOCKED_TABLES

    root = Path(_paths.__file__).parent
    used = {m for path in root.rglob("*.py") for m in re.findall(
        r'next_id\(db, "([a-z_]+)"\)', path.read_text(encoding="utf-8"))}
    assert used and used <= set(BLOCKED_TABLES)


def test_the_quick_check_is_stopped_by_its_budget_and_the_file_opens(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite checks a table's pages in one step of its program, where a progress
    handler is never called: the check past its budget is interrupted from outside, and
    the file opens (the window checks it in full later); the connection works after."""
    from bsm_desk.store import db as db_module

    path = tmp_path / "event.sqlite"
    connect(path, create=True).close()
    with closing(sqlite3.connect(path)) as raw:
        raw.execute("CREATE TABLE filler (a TEXT)")
        raw.executemany("INSERT INTO filler VALUES (?)", ((str(i) * 20,) for i in range(20_000)))
        raw.commit()
    asked = []

    def interrupt(self: sqlite3.Connection) -> None:
        asked.append(True)
        sqlite3.Connection.interrupt(self)

    monkeypatch.setattr(db_module.EventConnection, "interrupt", interrupt)
    monkeypatch.setattr(db_module, "QUICK_CHECK_BUDGET_S", 0.0)
    db = connect(path)
    try:
        assert asked  # given up by the budget, not left to run to its end
        assert db.execute("SELECT count(*) FROM filler").fetchone()[0] == 20_000
    finally:
        db.close()


def test_a_bare_connection_only_reads_until_wrapped(demo_copy: Path) -> None:
    """The window paints its first screen from a bare connection (store.db.open_connection)
    before sqlite-utils and the audit trail's functions are loaded: it cannot write, so
    nothing is ever written without its audit entry; wrapped, it writes, and is audited."""
    from bsm_desk.store.db import open_connection, wrap

    conn = open_connection(demo_copy, check=False)
    try:
        # An audited table cannot even be asked (its trigger's functions are not there);
        # nothing else can be written either.
        with pytest.raises(sqlite3.OperationalError, match="no such function|readonly"):
            conn.execute("UPDATE delegate SET honorific = 'Dr.' WHERE id = 1")
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            conn.execute("CREATE TABLE scratch (x)")
        entries = conn.execute("SELECT count(*) FROM audit").fetchone()[0]
        db = wrap(conn)
        db.execute("UPDATE delegate SET honorific = 'Dr.' WHERE id = 1")
        assert db.execute("SELECT count(*) FROM audit").fetchone()[0] == entries + 1
        assert db.execute("SELECT honorific FROM delegate WHERE id = 1").fetchone()[0] == "Dr."
    finally:
        conn.close()


def test_a_sqlite_utils_plugin_installed_beside_us_never_touches_an_event(
        demo_copy: Path) -> None:
    """A plugin's prepare_connection hook (one installed in the same environment, say)
    is not run on an event's connection: it must not change how an event file behaves."""
    from bsm_desk._imports import load_sqlite_utils

    load_sqlite_utils()
    import sqlite_utils
    from sqlite_utils.plugins import pm

    called: list[object] = []

    class Plugin:
        @sqlite_utils.hookimpl
        def prepare_connection(self, conn: object) -> None:
            called.append(conn)

    plugin = Plugin()
    pm.register(plugin, name="test-intruder")
    try:
        db = connect(demo_copy)
        db.close()
    finally:
        pm.unregister(name="test-intruder")
    assert called == []
