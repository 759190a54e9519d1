"""Signing in: argon2id hashes only (the password is not in the file's bytes), five wrong
passwords lock the name for a minute, a disabled operator cannot sign in, the first
operator must be an administrator and the last one cannot be disabled; each sign-in,
failed or not, is in the audit log."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from bsm_desk.domain.errors import UserError
from bsm_desk.domain.operators import Refused, Role
from bsm_desk.services import operators
from bsm_desk.store import connect
from tests.acting import who_at
from tests.services.operators.conftest import DESK, NAMES, SECRETS, sign_in_as


def test_the_first_operator_is_an_administrator_and_turns_sign_in_on(demo_copy: Path
                                                                    ) -> None:
    with connect(demo_copy) as db:
        with pytest.raises(UserError, match="must be an administrator"):
            operators.add_operator(db, "Aliya", Role.DESK, "123456", who=who_at(db, DESK))
        assert not operators.has_operators(db)
        operators.add_operator(db, "Root", Role.ADMINISTRATOR, "secret-0001",
                               passphrase="dushanbe-passphrase", who=who_at(db, DESK))
        assert operators.has_operators(db)
        with pytest.raises(Refused, match="sign in first"):
            operators.add_operator(db, "Aliya", Role.DESK, "123456", who=who_at(db, DESK))


HEX_RUN = re.compile(rb"[0-9a-fA-F]{16,}")


def test_the_password_is_never_in_the_file(staffed: Database) -> None:
    """No password or PIN in the file's bytes. The file is full of digests and signatures
    written in hex: a six-digit PIN turns up in them by chance (one in 16**6 at each of a
    million places — it did, once in CI), so long runs of hex digits are left out of the
    search; a PIN kept as text stands alone, and is found."""
    path = Path(staffed.execute("PRAGMA database_list").fetchone()[2])
    sign_in_as(staffed, Role.DESK)
    raw = b"".join(p.read_bytes() for p in (path, path.with_name(path.name + "-wal"))
                   if p.exists())
    readable = HEX_RUN.sub(b"#", raw)
    for secret in SECRETS.values():
        assert secret.encode() not in readable
    assert b"$argon2id$" in raw
    # The search would find a PIN kept as text, in a record beside other values.
    leaked = b"\x00\x17Aliya\x13" + SECRETS[Role.DESK].encode() + b"\x01\x02"
    assert SECRETS[Role.DESK].encode() in HEX_RUN.sub(b"#", leaked)


def test_five_wrong_passwords_lock_for_a_minute(staffed: Database) -> None:
    now = datetime(2022, 10, 18, 8, 0, tzinfo=UTC)
    for attempt in range(4):
        with pytest.raises(UserError, match="Wrong name or password"):
            operators.sign_in(staffed, "Aliya", f"wrong-{attempt}", desk_id=DESK, now=now)
    with pytest.raises(UserError, match="Too many wrong passwords"):
        operators.sign_in(staffed, "aliya", "wrong-5", desk_id=DESK, now=now)
    with pytest.raises(UserError, match="try again in"):  # even the right one, for now
        operators.sign_in(staffed, "Aliya", SECRETS[Role.DESK], desk_id=DESK,
                          now=now + timedelta(seconds=30))
    found = operators.sign_in(staffed, "Aliya", SECRETS[Role.DESK], desk_id=DESK,
                              now=now + timedelta(seconds=61))
    assert found.role is Role.DESK
    actions = [r[0] for r in staffed.execute(
        "SELECT action FROM audit WHERE action LIKE 'sign_in%' ORDER BY id").fetchall()]
    assert actions[-7:] == ["sign_in_failed"] * 5 + ["sign_in_locked", "sign_in"]


def test_an_unknown_name_says_the_same_as_a_wrong_password(staffed: Database) -> None:
    with pytest.raises(UserError, match="Wrong name or password"):
        operators.sign_in(staffed, "Nobody", "whatever", desk_id=DESK)


def test_disabled_and_the_last_administrator(staffed: Database) -> None:
    sign_in_as(staffed, Role.ADMINISTRATOR)
    operators.set_disabled(staffed, NAMES[Role.DESK], who=who_at(staffed, DESK))
    with pytest.raises(UserError, match="disabled"):
        sign_in_as(staffed, Role.DESK)
    sign_in_as(staffed, Role.ADMINISTRATOR)
    with pytest.raises(UserError, match="last administrator"):
        operators.set_disabled(staffed, NAMES[Role.ADMINISTRATOR], who=who_at(staffed, DESK))
    with pytest.raises(UserError, match="last administrator"):
        operators.set_role(staffed, NAMES[Role.ADMINISTRATOR], Role.DESK, who=who_at(staffed, DESK))


def test_one_changes_ones_own_password_an_administrator_anyones(staffed: Database) -> None:
    sign_in_as(staffed, Role.DESK)
    operators.set_secret(staffed, "Aliya", "567800", who=who_at(staffed, DESK))
    with pytest.raises(Refused, match="manage operators"):
        operators.set_secret(staffed, NAMES[Role.REGISTRAR], "000000", who=who_at(staffed, DESK))
    operators.sign_in(staffed, "Aliya", "567800", desk_id=DESK)
    sign_in_as(staffed, Role.ADMINISTRATOR)
    operators.set_secret(staffed, "Aliya", "432100", who=who_at(staffed, DESK))
    operators.sign_in(staffed, "Aliya", "432100", desk_id=DESK)


@pytest.mark.parametrize("name", ["", "   ", "x" * 61, "bell\x07", "nul\x00"])
def test_names_that_cannot_be_an_operator(demo_copy: Path, name: str) -> None:
    with connect(demo_copy) as db, pytest.raises(UserError, match="needs a name"):
        operators.add_operator(db, name, Role.ADMINISTRATOR, "secret-0001",
                               passphrase="dushanbe-passphrase", who=who_at(db, DESK))


@pytest.mark.parametrize("secret", ["", "abc", "1810", "12345", "short-pwd", "１２３４５６",
                                    "x" * 201])
def test_secrets_too_short_or_long(demo_copy: Path, secret: str) -> None:
    """A PIN (digits only) has at least 6 digits, a password at least 10 characters:
    five guesses a minute at the desk, and nothing to test offline without the key."""
    with connect(demo_copy) as db, pytest.raises(UserError, match="at least 6 digits"):
        operators.add_operator(db, "Root", Role.ADMINISTRATOR, secret,
                               passphrase="dushanbe-passphrase", who=who_at(db, DESK))


def test_a_six_digit_pin_and_a_ten_character_password_are_enough(staffed: Database
                                                                  ) -> None:
    sign_in_as(staffed, Role.ADMINISTRATOR)
    operators.add_operator(staffed, "Desk Two", Role.DESK, "181022", who=who_at(staffed, DESK))
    operators.add_operator(staffed, "Registrar Two", Role.REGISTRAR, "ten-chars!",
                           who=who_at(staffed, DESK))
    operators.sign_out(staffed)
    assert operators.sign_in(staffed, "Desk Two", "181022", desk_id=DESK).role is Role.DESK


def test_refusals_speak_russian(staffed: Database) -> None:
    from bsm_desk.translations import translate_function

    sign_in_as(staffed, Role.DESK)
    with pytest.raises(Refused) as caught:
        operators.set_role(staffed, "Aliya", Role.ADMINISTRATOR, who=who_at(staffed, DESK))
    said = caught.value.message(translate_function("ru"))
    assert "Aliya" in said and "управлять операторами" in said and "стойка" in said, said


def test_the_demo_with_operators_has_one_of_each_role(tmp_path: Path) -> None:
    """`bsm-desk demo --operators`: the passwords the README gives sign them in."""
    from bsm_desk.services import demo

    demo.build_demo(tmp_path / "d.sqlite", delegates=5, desk_id=DESK, operators=True)
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    with connect(tmp_path / "d.sqlite") as db:
        assert sorted(o.role for o in operators.operators(db)) == sorted(Role)
        for name, role, secret in demo.DEMO_OPERATORS:
            assert f"**{name}** ({role.value}, " in readme and f"`{secret}`" in readme
            assert operators.sign_in(db, name, secret, desk_id=DESK).role is role
        operators.sign_out(db)
    demo.build_demo(tmp_path / "plain.sqlite", delegates=5, desk_id=DESK)
    with connect(tmp_path / "plain.sqlite") as db:
        assert not operators.has_operators(db)


def test_secrets_that_are_not_text_are_said_so(demo_copy: Path) -> None:
    """What a terminal in another encoding hands over (undecodable bytes): one line."""
    from bsm_desk.services.operators import privacy

    bad = b"\xff\xfe-password".decode("utf-8", "surrogateescape")
    with connect(demo_copy) as db:
        with pytest.raises(UserError, match="must be text"):
            operators.add_operator(db, "Root", Role.ADMINISTRATOR, bad,
                                   passphrase="dushanbe-passphrase", who=who_at(db, DESK))
        with pytest.raises(UserError, match="must be text"):
            privacy.protect(db, bad + "-long-enough", who=who_at(db, DESK))
        operators.add_operator(db, "Root", Role.ADMINISTRATOR, "root-password",
                               passphrase="dushanbe-passphrase", who=who_at(db, DESK))
        with pytest.raises(UserError, match="Wrong name or password"):
            operators.sign_in(db, "Root", bad, desk_id=DESK)


def test_guesses_sent_at_once_are_each_counted(staffed: Database) -> None:
    """Forty wrong PINs sent in parallel (each its own connection, as forty scripts would):
    every attempt is counted before its PIN is checked, so the name ends locked and
    at most five guesses were ever checked."""
    import threading

    path = Path(staffed.execute("PRAGMA database_list").fetchone()[2])
    outcomes: list[str] = []
    start = threading.Barrier(40)

    def guess(n: int) -> None:
        db = connect(path)
        try:
            start.wait()
            operators.sign_in(db, NAMES[Role.DESK], f"{n:06d}", desk_id=DESK)
            outcomes.append("in")
        except UserError as exc:
            outcomes.append("wrong" if exc.template == operators.UNKNOWN else "locked")
        finally:
            db.close()

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert "in" not in outcomes and len(outcomes) == 40
    assert outcomes.count("wrong") <= 4  # the fifth wrong guess locks, and says so
    with pytest.raises(UserError, match="Too many wrong passwords"):
        operators.sign_in(staffed, NAMES[Role.DESK], SECRETS[Role.DESK], desk_id=DESK)
