"""The operators' and audit commands, as a script would use them: the password from
standard input or BSM_DESK_PASSWORD, refusals in one line with exit 2."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bsm_desk.cli import main
from bsm_desk.store import audit


@pytest.fixture
def run(monkeypatch, capsys):  # type: ignore[no-untyped-def]
    def call(args: list[str], stdin: str = "", password: str | None = None
             ) -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        if password is None:
            monkeypatch.delenv("BSM_DESK_PASSWORD", raising=False)
        else:
            monkeypatch.setenv("BSM_DESK_PASSWORD", password)
        audit.SIGNED.clear()  # each command is its own run
        code = main(args)
        out, err = capsys.readouterr()
        return code, out, err

    yield call
    audit.SIGNED.clear()


def test_operators_from_the_first_to_a_refusal(demo_copy: Path, run) -> None:  # type: ignore[no-untyped-def]
    db = ["--db", str(demo_copy)]
    assert run(["operators", "add", *db, "Dilnoza", "--role", "administrator"],
               "admin-pass\ndushanbe-passphrase\n")[0] == 0
    code, _out, err = run(["operators", "add", *db, "Aliya", "--role", "desk"], "482916\n")
    assert code == 2 and err.count("\n") == 1 and "sign in first" in err
    assert run(["operators", "add", *db, "Aliya", "--role", "desk", "--operator", "Dilnoza"],
               "482915\n", password="admin-pass")[0] == 0
    code, out, _err = run(["operators", "list", *db, "--json"])
    assert [(o["name"], o["role"]) for o in json.loads(out)] == [
        ("Aliya", "desk"), ("Dilnoza", "administrator")]
    code, _out, err = run(["reprint", *db, "1", "--reason", "damaged", "--out",
                           str(demo_copy.with_name("r.pdf")), "--operator", "Aliya"],
                          password="482915")
    assert code == 2 and err == "bsm-desk: Operator Aliya (desk) may not print or reprint " \
                                "badges.\n"
    code, _out, err = run(["checkin", *db, "B1-XYZ", "--operator", "Aliya"],
                          password="wrong")
    assert code == 2 and "Wrong name or password" in err
    # A desk operator checks people in; the scan is recorded under the signed-in name.
    code, out, err = run(["checkin", *db, "B1-XYZ", "--operator", "aliya", "--json"],
                         password="482915")
    assert code in (0, 1) and "Traceback" not in err
    code, out, _err = run(["audit", "show", *db, "--operator", "Aliya", "--json",
                           "--sign-in", "Dilnoza"], password="admin-pass")
    actions = [e["action"] for e in json.loads(out)]
    assert code == 0 and "sign_in_failed" in actions and "sign_in" in actions
    assert all(e["operator"] == "Aliya" for e in json.loads(out))
    code, _out, err = run(["audit", "show", *db])
    assert code == 2 and "read the history" in err
    assert run(["audit", "verify", *db])[0] == 0


def test_passwd_and_disable(demo_copy: Path, run) -> None:  # type: ignore[no-untyped-def]
    db = ["--db", str(demo_copy)]
    run(["operators", "add", *db, "Root", "--role", "administrator"],
        "root-password\ndushanbe-passphrase\n")
    run(["operators", "add", *db, "Aliya", "--role", "desk", "--operator", "Root"],
        "111111\n", password="root-password")
    assert run(["operators", "passwd", *db, "Aliya", "--operator", "Aliya"], "222222\n",
               password="111111")[0] == 0
    assert run(["operators", "list", *db, "--operator", "Aliya"], password="222222")[0] == 0
    assert run(["operators", "disable", *db, "Aliya", "--operator", "Root"],
               password="root-password")[0] == 0
    code, _out, err = run(["operators", "list", *db, "--operator", "Aliya"],
                          password="222222")
    assert code == 2 and "disabled" in err
    code, _out, err = run(["operators", "disable", *db, "Root", "--operator", "Root"],
                          password="root-password")
    assert code == 2 and "last administrator" in err


def test_audit_since_filters_by_time(demo_copy: Path, run) -> None:  # type: ignore[no-untyped-def]
    code, out, _err = run(["audit", "show", "--db", str(demo_copy), "--since", "2999-01-01",
                           "--json"])
    assert code == 0 and json.loads(out) == []
    code, out, _err = run(["audit", "show", "--db", str(demo_copy), "--limit", "3"])
    assert code == 0 and len(out.splitlines()) == 3


def test_protect_unlock_and_purge(demo_copy: Path, run, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from bsm_desk.store import privacy

    db = ["--db", str(demo_copy)]
    monkeypatch.setenv("BSM_DESK_PASSPHRASE", "short")
    code, _out, err = run(["protect", *db])
    assert code == 2 and "at least 10" in err
    monkeypatch.setenv("BSM_DESK_PASSPHRASE", "dushanbe-2022")
    code, out, _err = run(["protect", *db, "--json"])
    assert code == 0 and json.loads(out)["sealed"] > 600
    privacy.KEYS.clear()
    monkeypatch.setenv("BSM_DESK_PASSPHRASE", "wrong-passphrase")
    code, _out, err = run(["info", *db])
    assert code == 2 and "not this event's passphrase" in err
    monkeypatch.delenv("BSM_DESK_PASSPHRASE")
    code, out, _err = run(["purge", *db, "--keep-names", "--json"])
    assert code == 0 and json.loads(out)["delegate"] > 600
    assert run(["audit", "verify", *db])[0] == 0
    privacy.KEYS.clear()
