"""A copy of the event file in the wrong hands (issue 27): the operators' verifiers are
keyed with a pepper from the event's key, which the file holds only wrapped by the
event's passphrase, so the file alone confirms no guess; the audit log's entries carry
marks made with a key from the same place, so a log rewritten and chained anew with
plain sqlite3 — even by a desk operator making himself administrator with stand-ins for
BSM Desk's trigger functions — no longer verifies where the key is held."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlite_utils import Database

from bsm_desk.domain import authority
from bsm_desk.domain.errors import UserError
from bsm_desk.domain.operators import Role
from bsm_desk.services import demo, operators
from bsm_desk.services.operators import keystore, privacy, trail
from bsm_desk.store import audit, connect
from bsm_desk.store import privacy as sealing
from tests.acting import who_at
from tests.services.operators.conftest import DESK, NAMES, SECRETS, sign_in_as

DESK_PIN = SECRETS[Role.DESK]


def _another_computer(path: Path) -> None:
    """What a thief's machine knows of the event: the file, and nothing of this desk's."""
    with closing(connect(path)) as db:
        keystore.drop(db)
    sealing.KEYS.clear()
    audit.MARK_KEYS.clear()
    audit.SIGNED.clear()


def _stolen_copy(staffed: Database, tmp_path: Path) -> Path:
    source = Path(staffed.execute("PRAGMA database_list").fetchone()[2])
    staffed.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = tmp_path / "stolen.sqlite"
    shutil.copyfile(source, copy)
    return copy


def test_the_file_alone_confirms_no_guess_of_a_pin(staffed: Database, tmp_path: Path) -> None:
    """Given the file and the desk's PIN, neither argon2 nor the app can say the PIN is
    right: the verifier is over HMAC(pepper, PIN), and the pepper is not in the file."""
    from argon2 import PasswordHasher
    from argon2.exceptions import VerificationError

    copy = _stolen_copy(staffed, tmp_path)
    _another_computer(copy)
    raw = sqlite3.connect(copy)
    stored, sign_secret = (str(v) for v in raw.execute(
        "SELECT secret, sign_secret FROM operator WHERE name = ?", [NAMES[Role.DESK]]
    ).fetchone())
    material = [bytes(v) for row in raw.execute("SELECT salt, wrapped, probe FROM data_key")
                for v in row]
    raw.close()
    assert stored.startswith(operators.PEPPERED)
    # The operator's signing key, sealed in the same row, does not open with the PIN
    # either (it is sealed under the keyed PIN): no second oracle.
    assert authority.unseal_key(sign_secret, DESK_PIN) is None
    hasher = PasswordHasher()
    # The PIN as it is, and keyed with anything the file holds: none verifies.
    for candidate in [DESK_PIN, *(hmac.new(m, DESK_PIN.encode(), hashlib.sha256).hexdigest()
                                  for m in (b"", *material))]:
        with pytest.raises(VerificationError):
            hasher.verify(stored[len(operators.PEPPERED):], candidate)
    # The app on that computer checks nothing: it asks for the event's key, the same
    # answer for the right PIN and a wrong one, and counts no attempt.
    with closing(connect(copy)) as db:
        for guess in (DESK_PIN, "000000"):
            with pytest.raises(UserError, match="does not hold the event's key"):
                operators.sign_in(db, NAMES[Role.DESK], guess, desk_id=DESK)
        assert db.execute("SELECT failures FROM operator_lock").fetchall() in ([], [(0,)])
        # What opens the key is the event's passphrase (scrypt, 10 characters or more).
        with pytest.raises(UserError, match="not this event's passphrase"):
            privacy.unlock(db, DESK_PIN)
        privacy.unlock(db, "dushanbe-passphrase")
        assert operators.sign_in(db, NAMES[Role.DESK], DESK_PIN, desk_id=DESK).role \
            is Role.DESK
    audit.SIGNED.clear()
    sealing.KEYS.clear()


def test_an_old_verifier_is_keyed_at_the_next_sign_in(demo_copy: Path) -> None:
    """An operator made before peppering signs in as before, and leaves with a keyed
    verifier."""
    from argon2 import PasswordHasher

    from bsm_desk.store import operators as operator_store

    with closing(connect(demo_copy)) as db:
        operators.add_operator(db, "Root", Role.ADMINISTRATOR, "root-password",
                               passphrase="dushanbe-passphrase", who=who_at(db, DESK))
        found = operator_store.by_name(db, "Root")
        assert found is not None
        db.execute("UPDATE operator SET secret = ? WHERE id = ?",
                   [PasswordHasher().hash("root-password"), found.id])
        operators.sign_in(db, "Root", "root-password", desk_id=DESK)
        assert operator_store.secret_of(db, found.id).startswith(operators.PEPPERED)
        operators.sign_out(db)
        assert operators.sign_in(db, "Root", "root-password", desk_id=DESK)
    audit.SIGNED.clear()
    sealing.KEYS.clear()


def test_the_first_administrator_sets_the_passphrase_and_seals(demo_copy: Path) -> None:
    with closing(connect(demo_copy)) as db:
        with pytest.raises(UserError, match="sets the event's passphrase"):
            operators.add_operator(db, "Root", Role.ADMINISTRATOR, "root-password",
                                   who=who_at(db, DESK))
        with pytest.raises(UserError, match="at least 10"):
            operators.add_operator(db, "Root", Role.ADMINISTRATOR, "root-password",
                                   passphrase="short", who=who_at(db, DESK))
        assert not operators.has_operators(db) and not sealing.protected(db)
        operators.add_operator(db, "Root", Role.ADMINISTRATOR, "root-password",
                               passphrase="dushanbe-passphrase", who=who_at(db, DESK))
        assert sealing.protected(db) and keystore.get(db) == sealing.key(db)
        clear = db.execute("SELECT count(*) FROM delegate WHERE passport_no <> '' AND"
                           " passport_no NOT LIKE 'enc1:%'").fetchone()[0]
        assert clear == 0
    audit.SIGNED.clear()
    sealing.KEYS.clear()


def _stand_ins(raw: sqlite3.Connection, who: str, role: str) -> None:
    """What someone with the file and plain sqlite3 registers in place of BSM Desk's
    functions, so that the audit triggers still fire and chain (store/audit.chain is
    public knowledge: plain SHA-256)."""
    raw.create_function("bsm_chain", 10, lambda *a: audit.chain(a[0], *a[1:]))
    raw.create_function("bsm_digest", 1, audit.digest)
    raw.create_function("bsm_operator", 0, lambda: who)
    raw.create_function("bsm_role", 0, lambda: role)
    raw.create_function("bsm_desk", 0, lambda: DESK)
    raw.create_function("bsm_actor", 0, lambda: 0)
    raw.create_function("bsm_mark", 1, lambda _h: None)  # the key is not in the file


def _verdict(path: Path) -> trail.Verdict:
    with closing(connect(path)) as db:
        privacy.unlock(db)  # this desk keeps the key
        return trail.verify(db)


def test_making_oneself_administrator_with_plain_sqlite3_is_caught(staffed: Database
                                                                   ) -> None:
    path = Path(staffed.execute("PRAGMA database_list").fetchone()[2])
    assert trail.verify(staffed).ok and trail.verify(staffed).marks == trail.MARKS_CHECKED
    staffed.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with closing(sqlite3.connect(path)) as raw:
        _stand_ins(raw, NAMES[Role.ADMINISTRATOR], "administrator")  # blames the admin
        raw.execute("UPDATE operator SET role = 'administrator' WHERE name = 'Aliya'")
        raw.commit()
    verdict = _verdict(path)
    assert not verdict.ok and verdict.marks == trail.MARKS_CHECKED
    assert any("carry no mark of the event's key" in m for m in verdict.messages())
    # A desk that does not hold the key says what it could not check.
    sealing.KEYS.clear()
    audit.MARK_KEYS.clear()
    with closing(connect(path)) as db:
        keystore.drop(db)
        assert trail.verify(db).marks == trail.MARKS_NOT_CHECKED


def test_an_entry_removed_and_the_chain_recomputed_is_caught(staffed: Database) -> None:
    """The issue's attack: a check-in's entry taken out of the middle of the log and the
    chain computed again with plain SHA-256 — the marks no longer match."""
    sign_in_as(staffed, Role.ADMINISTRATOR)
    operators.add_operator(staffed, "Desk Two", Role.DESK, "181022", who=who_at(staffed, DESK))
    operators.sign_out(staffed)
    path = Path(staffed.execute("PRAGMA database_list").fetchone()[2])
    staffed.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with closing(sqlite3.connect(path)) as raw:
        raw.executescript("DROP TRIGGER audit_kept_update; DROP TRIGGER audit_kept_delete;")
        victim = raw.execute("SELECT id FROM audit WHERE action = 'sign_in' ORDER BY id"
                             " LIMIT 1").fetchone()[0]
        raw.execute("DELETE FROM audit WHERE id = ?", [victim])
        rows = raw.execute("SELECT id, at, desk_id, operator, role, action, tbl, key,"
                           " before, after FROM audit WHERE id > ? ORDER BY id",
                           [victim]).fetchall()
        prev = raw.execute("SELECT hash FROM audit WHERE id < ? ORDER BY id DESC LIMIT 1",
                           [victim]).fetchone()[0]
        for row in rows:
            digest = audit.chain(prev, *row[1:])
            raw.execute("UPDATE audit SET prev = ?, hash = ? WHERE id = ?",
                        [prev, digest, row[0]])
            prev = digest
        raw.commit()
    verdict = _verdict(path)
    assert not verdict.ok
    assert any("not the event key's" in m for m in verdict.messages())
    # Stripping the marks instead is caught just the same.
    with closing(sqlite3.connect(path)) as raw:
        raw.execute("UPDATE audit SET mark = NULL")
        raw.commit()
    assert not _verdict(path).ok


def test_what_this_desk_wrote_before_it_held_the_key_is_vouched_for(staffed: Database
                                                                     ) -> None:
    """Entries written here while the key was not held (a failed sign-in asking for it)
    are vouched for when the passphrase arrives; the log then verifies in full."""
    path = Path(staffed.execute("PRAGMA database_list").fetchone()[2])
    _another_computer(path)
    with closing(connect(path)) as db:
        with pytest.raises(UserError, match="does not hold the event's key"):
            operators.sign_in(db, NAMES[Role.DESK], DESK_PIN, desk_id=DESK)
        privacy.unlock(db, "dushanbe-passphrase")
        verdict = trail.verify(db)
        assert verdict.ok, verdict.messages()
        vouched = db.execute("SELECT after FROM audit WHERE action = ?", [audit.VOUCHED]
                             ).fetchone()
        assert vouched is not None and json.loads(vouched[0])["from"] > 0
    sealing.KEYS.clear()
    audit.MARK_KEYS.clear()


def test_verify_says_what_it_checked(tmp_path: Path,
                                     capsys) -> None:  # type: ignore[no-untyped-def]
    from bsm_desk.cli import main

    path = tmp_path / "demo.sqlite"
    demo.build_demo(path, delegates=5, desk_id=DESK, operators=True)
    audit.SIGNED.clear()
    assert main(["audit", "verify", "--db", str(path), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["ok"] and found["marks"] == "checked" and found["marked_from"] > 0
    plain = tmp_path / "plain.sqlite"
    demo.build_demo(plain, delegates=5, desk_id=DESK)
    assert main(["audit", "verify", "--db", str(plain), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["marks"] == "no key"
    sealing.KEYS.clear()
    audit.MARK_KEYS.clear()


def _files_under(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())



def test_a_passport_number_is_in_no_file_the_app_keeps(demo_copy: Path, tmp_path: Path,
                                                       monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Backups taken before the first administrator (in clear) are removed when the event
    is sealed, a sealed one taken in their place, and a copy saved elsewhere is named;
    a passport number written afterwards is sealed at once: the event, its log, its
    backups and the desk's settings never hold it in clear."""
    from dataclasses import replace

    from bsm_desk.services import registry
    from bsm_desk.services.event import making
    from bsm_desk.store import backups
    from bsm_desk.store import delegates as delegate_store

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    with closing(connect(demo_copy)) as db:
        person = db.execute("SELECT id, passport_no FROM delegate WHERE passport_no <> ''"
                            " ORDER BY id LIMIT 1").fetchone()
        old_passport = str(person[1])
        backups.take(db.conn, demo_copy)
        making.save_backup(db, elsewhere / "mine.sqlite", who=who_at(db, DESK))
        assert old_passport.encode() in backups.latest(demo_copy).read_bytes()  # type: ignore[union-attr]
        operators.add_operator(db, "Root", Role.ADMINISTRATOR, "root-password",
                               passphrase="dushanbe-passphrase", who=who_at(db, DESK))
        operators.sign_in(db, "Root", "root-password", desk_id=DESK)
        found = delegate_store.get_delegate(db, int(person[0]))
        assert found is not None
        registry.save_delegate(db, replace(found, passport_no="Q1234567",
                                           phone="+992 93 777 1234"), who=who_at(db, DESK))
        backups.take(db.conn, demo_copy)
        db.execute("PRAGMA wal_checkpoint(PASSIVE)")
        settings = _files_under(Path(os.environ["BSM_DESK_HOME"]))  # settings, keys, logs
        for secret in (b"Q1234567", b"+992 93 777 1234", old_passport.encode()):
            holding = [str(p) for p in demo_copy.parent.rglob("*") if p.is_file()
                       and elsewhere not in p.parents and secret in p.read_bytes()]
            assert holding == [] and secret not in settings
        # The copy the user saved elsewhere is theirs: named, never touched.
        assert (elsewhere / "mine.sqlite").is_file()
    audit.SIGNED.clear()
    sealing.KEYS.clear()


def test_protect_and_purge_say_what_became_of_the_backups(demo_copy: Path, tmp_path: Path
                                                          ) -> None:
    from bsm_desk.services.event import making
    from bsm_desk.store import backups

    with closing(connect(demo_copy)) as db:
        backups.take(db.conn, demo_copy)
        saved = making.save_backup(db, tmp_path / "mine.sqlite", who=who_at(db, DESK))
        done = privacy.protect(db, "dushanbe-passphrase", who=who_at(db, DESK))
        assert done.copies.removed == 1 and done.copies.left == (str(saved.resolve()),)
        assert done.copies.fresh is not None and backups.sealed(done.copies.fresh)
        assert [b.path for b in backups.listing(demo_copy)] == [Path(done.copies.fresh)]
        counts = privacy.purge(db, keep_names=True, who=who_at(db, DESK))
        assert counts["backups_removed"] == 1 and counts["copies_left"] == [
            str(saved.resolve())]
        assert [str(b.path) for b in backups.listing(demo_copy)] == [counts["backup"]]
    sealing.KEYS.clear()
