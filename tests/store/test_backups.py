"""Automatic backups: consistent copies, the newest 24 and one a day kept, restoring
that never overwrites."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bsm_desk.cli import main
from bsm_desk.domain.errors import UserError
from bsm_desk.store import backups, connect

START = datetime(2022, 10, 17, 6, 0, tzinfo=UTC)


def test_pruning_keeps_the_newest_24_and_the_last_of_each_day(demo_copy: Path) -> None:
    with closing(connect(demo_copy)) as db:
        for hour in range(0, 72, 2):  # 17-20 October, every two hours: 36 backups
            backups.take(db.conn, demo_copy, now=START + timedelta(hours=hour))
    kept = backups.listing(demo_copy)
    assert len(kept) == 24 + 1  # and the last of 17 October, older than the newest 24
    days = {b.at.date() for b in kept}
    assert days == {START.date() + timedelta(days=n) for n in range(4)}
    oldest = kept[-1]
    assert oldest.at == START + timedelta(hours=16)  # 17 Oct 22:00 UTC, that day's last


def test_a_backup_taken_while_another_desk_writes_is_consistent(demo_copy: Path) -> None:
    writer = connect(demo_copy).conn  # another desk (BSM Desk: its audit triggers work)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE delegate SET phone = 'in flight'")
    with closing(connect(demo_copy)) as db:
        made = backups.take(db.conn, demo_copy)
    writer.execute("ROLLBACK")
    writer.close()
    with closing(sqlite3.connect(made)) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("SELECT count(*) FROM delegate WHERE phone = 'in flight'"
                            ).fetchone()[0] == 0


def test_restore_keeps_the_current_file_aside(demo_copy: Path) -> None:
    with closing(connect(demo_copy)) as db:
        made = backups.take(db.conn, demo_copy)
        db.execute("UPDATE delegate SET phone = 'after the backup' WHERE id = 1")
    aside = backups.restore(demo_copy, made)
    assert aside is not None and aside.exists()
    with closing(connect(demo_copy)) as db:
        assert db.execute("SELECT phone FROM delegate WHERE id = 1").fetchone()[0] != \
            "after the backup"
    with closing(connect(aside)) as db:  # nothing lost: the replaced file opens as it was
        assert db.execute("SELECT phone FROM delegate WHERE id = 1").fetchone()[0] == \
            "after the backup"


@pytest.mark.parametrize("content", [b"", b"not a database at all" * 50])
def test_restore_refuses_what_is_not_a_backup(demo_copy: Path, tmp_path: Path,
                                              content: bytes) -> None:
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_bytes(content)
    before = demo_copy.read_bytes()
    with pytest.raises(UserError, match="not a readable BSM Desk backup"):
        backups.restore(demo_copy, bogus)
    assert demo_copy.read_bytes() == before


def test_backup_and_restore_commands(demo_copy: Path, tmp_path: Path, capsys) -> None:
    assert main(["backup", "--db", str(demo_copy), "--json"]) == 0
    made = json.loads(capsys.readouterr().out)
    assert made["delegates"] == 700 and Path(made["file"]).parent.name == "demo-backups"
    out = tmp_path / "copy.sqlite"
    assert main(["backup", "--db", str(demo_copy), "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert main(["backup", "--db", str(demo_copy), "--list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [row["file"] for row in listed] == [made["file"]]
    assert main(["restore", "--db", str(demo_copy), made["file"], "--json"]) == 0
    restored = json.loads(capsys.readouterr().out)
    assert restored["kept_aside"] and Path(restored["kept_aside"]).exists()
    assert main(["restore", "--db", str(demo_copy), str(tmp_path / "none.sqlite")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_a_backup_of_a_newer_schema_is_refused_before_anything_moves(demo_copy, tmp_path):
    """Restored, a file of schema 99 would leave an event this version cannot open."""
    import shutil
    import sqlite3

    import pytest

    from bsm_desk.domain.errors import UserError
    from bsm_desk.store import backups

    newer = tmp_path / "newer.sqlite"
    shutil.copy(demo_copy, newer)
    with sqlite3.connect(newer) as conn:
        conn.execute("PRAGMA user_version = 99")
    before = demo_copy.read_bytes()
    with pytest.raises(UserError, match="newer BSM Desk"):
        backups.restore(demo_copy, newer)
    assert demo_copy.read_bytes() == before
    assert not list(tmp_path.glob("*.replaced-*"))
