"""A database made by any earlier schema version opens in this one, with its data."""

import sqlite3
from pathlib import Path

import pytest

from bsm_desk.store import connect, migrations
from bsm_desk.store.db import migrate_to, schema_version


def _make_at(path: Path, version: int) -> None:
    db = connect(path, create=True, migrate=False)
    migrate_to(db, version)
    if version >= 1:
        db.execute(
            "INSERT INTO event (id, code, title_en, time_zone, start_date, end_date, secret,"
            " created_at) VALUES (1, 'BSM22', 'Dushanbe', 'Asia/Dushanbe', '2022-10-18',"
            " '2022-10-19', x'00', '2022-09-01T00:00:00+00:00')")
        db.execute("INSERT INTO room (name_en, name_ru) VALUES ('Plenary Hall', 'Пленарный зал')")
        db.execute("INSERT INTO delegation (name_en, type) VALUES ('Tajikistan', 'member_state')")
        db.execute("INSERT INTO category (code, name_en) VALUES ('delegate', 'Delegate')")
        # 15:00 in Dushanbe, written in UTC; then 13:30 in Dushanbe written with its offset
        # (as the timetable and the allocator did before v11).
        # (A file made from v11 on has UTC only.)
        lunch = ("'2022-10-18T08:30:00+00:00', '2022-10-18T09:30:00+00:00'" if version >= 11
                 else "'2022-10-18T13:30:00+05:00', '2022-10-18T14:30:00+05:00'")
        db.execute("INSERT INTO session (kind, title_en, starts_at, ends_at) VALUES"
                   " ('thematic', 'Afternoon', '2022-10-18T10:00:00+00:00',"
                   f" '2022-10-18T11:30:00+00:00'), ('side_event', 'Lunch', {lunch})")
        for family, family_cyr in (("Rahmonov", "Раҳмонов"), ("Ivanova", "Иванова")):
            db.execute(
                "INSERT INTO delegate (family_name, family_name_cyr, delegation_id, category_id,"
                " created_at, updated_at) VALUES (?, ?, 1, 1, '2022-09-01', '2022-09-01')",
                [family, family_cyr])
        if version >= 4:
            # From v4 on, the store writes each new name into the search index itself.
            from bsm_desk.domain.names import fold_words

            db.execute("DROP TRIGGER delegate_fts_update")
            for row_id, family, family_cyr in db.execute(
                    "SELECT id, family_name, family_name_cyr FROM delegate").fetchall():
                key = " ".join(fold_words(family, family_cyr))
                db.execute("UPDATE delegate SET search_key = ? WHERE id = ?", [key, row_id])
            db.execute("INSERT INTO delegate_fts(delegate_fts) VALUES ('rebuild')")
            db.execute(
                "CREATE TRIGGER delegate_fts_update AFTER UPDATE OF search_key ON delegate BEGIN"
                " INSERT INTO delegate_fts(delegate_fts, rowid, search_key)"
                " VALUES ('delete', old.id, old.search_key);"
                " INSERT INTO delegate_fts(rowid, search_key) VALUES (new.id, new.search_key);"
                " END")
        if version >= 5:
            db.execute("INSERT INTO badge_issue (uuid, delegate_id, version, reason, at, desk_id)"
                       " VALUES ('u1', 1, 2, 'lost', '2022-10-18T08:00:00+00:00', 'd')")
    db.close()


@pytest.mark.parametrize("version", range(1, migrations.LATEST))
def test_upgrade_from_every_earlier_version(tmp_path: Path, version: int) -> None:
    path = tmp_path / "event.sqlite"
    _make_at(path, version)
    db = connect(path)
    assert schema_version(db) == migrations.LATEST
    assert [r[0] for r in db.execute("SELECT name_ru FROM room")] == ["Пленарный зал"]
    assert "journal" in db.table_names()
    from bsm_desk.store.delegate_lists import search_ids

    assert len(search_ids(db, "Рахмонов")) == 1, "people registered before are searchable"
    assert len(search_ids(db, "ivanova")) == 1
    from bsm_desk.store.event import get_event

    assert get_event(db).changeover_min == 15  # the change-over the allocator always used
    assert {r[0] for r in db.execute("SELECT protocol_rank FROM delegate")} == {"member"}
    from bsm_desk.store.sessions import list_sessions

    assert [s.title_en for s in list_sessions(db)] == ["Lunch", "Afternoon"]  # time order
    assert [r[0] for r in db.execute("SELECT starts_at FROM session ORDER BY id")] == [
        "2022-10-18T10:00:00+00:00", "2022-10-18T08:30:00+00:00"]
    db.execute("UPDATE delegate SET family_name = 'Rakhmonov', search_key = 'rahmonov x'"
               " WHERE id = 1")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("INSERT INTO delegate_fts(delegate_fts, rank) VALUES"
                      " ('integrity-check', 1)") is not None
    db.close()
    backups = list(tmp_path.glob(f"event.before-v{version + 1}.*.sqlite"))
    assert len(backups) == 1, "a non-empty file is backed up before migrating"
    old = sqlite3.connect(backups[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == version
    assert old.execute("SELECT name_en FROM room").fetchone()[0] == "Plenary Hall"
    old.close()


def test_a_new_file_is_not_backed_up(tmp_path: Path) -> None:
    connect(tmp_path / "new.sqlite", create=True).close()
    assert [p.name for p in tmp_path.iterdir() if "before" in p.name] == []


def test_an_up_to_date_file_is_not_backed_up_again(tmp_path: Path) -> None:
    path = tmp_path / "event.sqlite"
    _make_at(path, migrations.LATEST)
    connect(path).close()
    connect(path).close()
    assert [p.name for p in tmp_path.iterdir() if "before" in p.name] == []


def test_steps_are_numbered_one_by_one() -> None:
    assert [n for n, _ in migrations.STEPS] == list(range(1, migrations.LATEST + 1))


def test_v12_proposes_protocol_ranks_from_functions(tmp_path: Path) -> None:
    path = tmp_path / "event.sqlite"
    _make_at(path, 11)
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE delegate SET function_en = 'Deputy Minister of Foreign Affairs'"
                    " WHERE family_name = 'Rahmonov'")
        raw.execute("UPDATE delegate SET function_ru = 'Посол' WHERE family_name = 'Ivanova'")
    db = connect(path)
    ranks = dict(db.execute("SELECT family_name, protocol_rank FROM delegate").fetchall())
    db.close()
    assert ranks == {"Rahmonov": "deputy_minister", "Ivanova": "ambassador"}


def test_v32_entries_computed_once_chain_on_from_those_before(tmp_path: Path,
                                                              monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The triggers made anew at v32 write what those before wrote: a trail begun by the
    old ones and continued by the new verifies whole."""
    from bsm_desk.services.operators import trail
    from bsm_desk.store import audit

    path = tmp_path / "event.sqlite"
    monkeypatch.setattr(audit, "_ONCE", "")  # the triggers as they were before v32
    _make_at(path, 31)
    db = connect(path, migrate=False)
    trigger = "SELECT sql FROM sqlite_master WHERE name = 'audit_delegate_update'"
    assert "OFFSET 0" not in db.execute(trigger).fetchone()[0]
    db.execute("UPDATE delegate SET given_name = 'Emomali' WHERE id = 1")
    db.close()
    monkeypatch.undo()
    db = connect(path)
    assert schema_version(db) == migrations.LATEST
    assert "OFFSET 0" in db.execute(trigger).fetchone()[0]
    db.execute("UPDATE delegate SET given_name = 'Svetlana' WHERE id = 2")
    db.execute("INSERT INTO room (name_en, name_ru) VALUES ('Hall B', 'Зал Б')")
    entries = db.execute("SELECT count(*) FROM audit").fetchone()[0]
    verdict = trail.verify(db)
    assert verdict.ok, verdict.messages()
    assert entries > 2
    db.close()


def test_the_schema_number_a_file_is_opened_by_is_the_last_steps() -> None:
    """Opening a file already up to date reads its number against store/schema.py alone
    (the migrations are not loaded for it): a new step must move that number too."""
    from bsm_desk.store import migrations, schema

    assert schema.LATEST == migrations.LATEST == migrations.STEPS[-1][0]
