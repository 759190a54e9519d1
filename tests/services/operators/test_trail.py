"""The audit trail: a clean file verifies; an edited, a deleted and a reordered entry
are each caught (the file changed with plain sqlite3, its triggers dropped first), and
so is a row changed behind BSM Desk's back; the chain holds across every migration."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from bsm_desk.cli import main
from bsm_desk.services.operators import trail
from bsm_desk.store import connect
from tests.acting import who_at
from tests.services.operators.conftest import DESK


def _tamper(path: Path, *statements: str) -> None:
    with closing(sqlite3.connect(path)) as raw:
        raw.executescript(";\n".join(statements))


def _verdict(path: Path) -> trail.Verdict:
    with closing(connect(path)) as db:
        return trail.verify(db)


def _edited(path: Path) -> None:
    from bsm_desk.domain.model import ReissueReason
    from bsm_desk.services import badges

    with closing(connect(path)) as db:
        badges.reissue(db, 4, ReissueReason.DAMAGED, who=who_at(db, DESK, "Aliya"))


def test_a_clean_file_verifies(demo_copy: Path) -> None:
    _edited(demo_copy)
    verdict = _verdict(demo_copy)
    assert verdict.ok and verdict.entries > 800, verdict.messages()


def test_an_edited_entry_is_caught(demo_copy: Path) -> None:
    _edited(demo_copy)
    _tamper(demo_copy, "DROP TRIGGER audit_kept_update",
            "UPDATE audit SET operator = 'Somebody' WHERE id = 5")
    verdict = _verdict(demo_copy)
    assert not verdict.ok and verdict.first_broken == 5
    assert "entry 5 was changed" in verdict.messages()[0]


def test_a_deleted_entry_is_caught(demo_copy: Path) -> None:
    _edited(demo_copy)
    _tamper(demo_copy, "DROP TRIGGER audit_kept_delete", "DELETE FROM audit WHERE id = 20")
    verdict = _verdict(demo_copy)
    assert verdict.first_broken == 21 and "entry 21 does not follow" in verdict.messages()[0]


def test_a_reordered_pair_of_entries_is_caught(demo_copy: Path) -> None:
    _edited(demo_copy)
    columns = "at, desk_id, operator, role, action, tbl, key, before, after, prev, hash"
    _tamper(demo_copy, "DROP TRIGGER audit_kept_update",
            f"CREATE TEMP TABLE a AS SELECT {columns} FROM audit WHERE id = 30",
            f"UPDATE audit SET ({columns}) = (SELECT {columns} FROM audit WHERE id = 31)"
            " WHERE id = 30",
            f"UPDATE audit SET ({columns}) = (SELECT {columns} FROM a) WHERE id = 31")
    verdict = _verdict(demo_copy)
    assert verdict.first_broken == 30


def test_a_row_changed_behind_the_apps_back_is_caught(demo_copy: Path) -> None:
    _tamper(demo_copy, "DROP TRIGGER audit_delegate_update",
            "UPDATE delegate SET passport_no = 'X123' WHERE id = 9")
    messages = _verdict(demo_copy).messages()
    assert any("delegate [9] is not as the log says" in m for m in messages)
    assert any("audit_delegate_update is missing" in m for m in messages)


def test_rows_added_or_removed_behind_the_apps_back_are_caught(demo_copy: Path) -> None:
    _tamper(demo_copy, "DROP TRIGGER audit_room_insert", "DROP TRIGGER audit_journal_delete",
            "INSERT INTO room (id, name_en) VALUES (999, 'Secret room')",
            "DELETE FROM journal")
    messages = " ".join(_verdict(demo_copy).messages())
    assert "room [999] is in the table but not in the log" in messages
    assert "is in the log but not in the table" in messages


def test_the_log_refuses_update_and_delete(demo_copy: Path) -> None:
    with closing(connect(demo_copy)) as db:
        for statement in ("UPDATE audit SET operator = 'x'", "DELETE FROM audit"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                db.execute(statement)


def test_the_command_exits_1_and_names_the_first_broken_entry(demo_copy: Path,
                                                              capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["audit", "verify", "--db", str(demo_copy), "--json"]) == 0
    _tamper(demo_copy, "DROP TRIGGER audit_kept_update",
            "UPDATE audit SET after = '{}' WHERE id = 7")
    capsys.readouterr()
    assert main(["audit", "verify", "--db", str(demo_copy), "--json"]) == 1
    import json

    found = json.loads(capsys.readouterr().out)
    assert found["ok"] is False and found["first_broken"] == 7


def test_the_chain_holds_across_every_migration(tmp_path: Path) -> None:
    """A file at each earlier schema version, brought up to date and changed: verifies."""
    from bsm_desk.store import migrations
    from bsm_desk.store.db import migrate_to

    for version in range(1, migrations.LATEST):
        path = tmp_path / f"v{version}.sqlite"
        db = connect(path, create=True, migrate=False)
        migrate_to(db, version)
        db.close()
        with closing(connect(path)) as db:
            db.execute("INSERT INTO room (name_en) VALUES ('Plenary hall')")
            db.execute("UPDATE room SET capacity = 500")
            verdict = trail.verify(db)
            assert verdict.ok, (version, verdict.messages())


@pytest.mark.parametrize("damage", ["'not json'", "'[[\"no_such_column\", false]]'"])
def test_a_damaged_record_of_columns_is_reported_not_a_traceback(demo_copy: Path,
                                                                 damage: str) -> None:
    _tamper(demo_copy, f"UPDATE audit_columns SET columns = {damage} WHERE tbl = 'room'")
    messages = _verdict(demo_copy).messages()
    assert "the table room is not audited" in messages


def test_operator_names_match_in_any_case_of_any_script(staffed) -> None:  # type: ignore[no-untyped-def]
    from bsm_desk.domain.errors import UserError
    from bsm_desk.domain.operators import Role
    from bsm_desk.services import operators
    from tests.services.operators.conftest import SECRETS

    found = operators.sign_in(staffed, "мадина саидова", SECRETS[Role.REGISTRAR],
                              desk_id=DESK)
    assert found.name == "Мадина Саидова"
    operators.sign_in(staffed, "Dilnoza Karimova", SECRETS[Role.ADMINISTRATOR], desk_id=DESK)
    with pytest.raises(UserError, match="already an operator"):
        operators.add_operator(staffed, "МАДИНА САИДОВА", Role.DESK, "000000",
                               who=who_at(staffed, DESK))


def test_entries_cut_from_the_end_are_caught_by_the_latest_backup(demo_copy: Path) -> None:
    """Cutting the end of the log breaks no chain; the latest backup still holds it."""
    from bsm_desk.store import backups

    _edited(demo_copy)
    with closing(connect(demo_copy)) as db:
        backups.take(db.conn, demo_copy)
        last = db.execute("SELECT max(id) FROM audit").fetchone()[0]
        assert trail.verify(db).ok
    _edited(demo_copy)  # more work after the backup
    _tamper(demo_copy, "DROP TRIGGER audit_kept_delete",
            f"DELETE FROM audit WHERE id >= {last - 1}")
    verdict = _verdict(demo_copy)
    assert f"no longer holds entry {last} as the backup" in " ".join(verdict.messages())
    assert verdict.first_broken == last


def test_a_restored_backup_is_not_held_to_the_timeline_it_replaced(demo_copy: Path) -> None:
    from bsm_desk.store import backups

    with closing(connect(demo_copy)) as db:
        early = backups.take(db.conn, demo_copy)
    _edited(demo_copy)
    with closing(connect(demo_copy)) as db:
        backups.take(db.conn, demo_copy)  # the later timeline's backup
    backups.restore(demo_copy, early)
    with closing(connect(demo_copy)) as db:
        assert db.execute("SELECT count(*) FROM audit WHERE action = 'restored'"
                          ).fetchone()[0] == 1
        verdict = trail.verify(db)
        assert verdict.ok, verdict.messages()


def test_the_log_never_shows_a_verifier_or_key_material(staffed) -> None:  # type: ignore[no-untyped-def]
    """audit show and the History read the log through trail.show: an operator's argon2
    verifier and the sealed data's wrapped key are hidden there (the chain still holds
    over the originals)."""
    import json

    from bsm_desk.domain.operators import Role
    from bsm_desk.services import operators
    from bsm_desk.services.operators import trail
    from tests.services.operators.conftest import sign_in_as

    sign_in_as(staffed, Role.SUPERVISOR)
    shown = json.dumps(trail.show(staffed, who=operators.current(staffed)))
    assert "$argon2" not in shown and trail.HIDDEN in shown
    assert trail.verify(staffed).ok


def test_the_log_keeps_no_password_verifier(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The log travels with the file (backups, the hub's copy): an operator's verifier
    and sealed signing key are kept there as digests only; a file whose log held them
    (schema 25) has them rewritten on opening, and the chain still verifies."""
    from sqlite_utils import Database

    from bsm_desk.domain.operators import Role
    from bsm_desk.store import audit
    from bsm_desk.store.db import migrate_to

    path = tmp_path / "old.sqlite"
    monkeypatch.setattr(audit, "DIGESTED", frozenset())  # the triggers as they were
    raw = sqlite3.connect(path)
    audit.register(raw, str(path))
    old = Database(raw)
    migrate_to(old, 25)  # as a file written before this step
    from bsm_desk.store import operators as operator_store

    audit.actor(old).desk_id = DESK
    operator_store.add(old, "Root", Role.ADMINISTRATOR, "$argon2id$v=19$m=65536$clear",
                       "pub", "ek1:sealed")
    raw.commit()
    assert old.execute("SELECT count(*) FROM audit WHERE after LIKE '%argon2id%'"
                       ).fetchone()[0] == 1
    raw.close()
    monkeypatch.undo()
    with closing(connect(path)) as db:  # opened by this version: step 26
        assert db.execute("SELECT count(*) FROM audit WHERE after LIKE '%argon2id%' OR"
                          " after LIKE '%ek1:%' OR before LIKE '%argon2id%'").fetchone()[0] == 0
        assert trail.verify(db).ok
        from bsm_desk.store import atomic

        with atomic(db):
            operator_store.add(db, "Aliya", Role.DESK, "$argon2id$v=19$m=65536$new", "p2",
                               "ek1:sealed2")
        assert db.execute("SELECT count(*) FROM audit WHERE after LIKE '%argon2id%'"
                          ).fetchone()[0] == 0
        assert trail.verify(db).ok
