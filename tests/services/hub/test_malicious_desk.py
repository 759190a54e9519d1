"""One desk's hub login in an attacker's hands (a laptop left at a door, a temp's
password), on a real PostgreSQL hub (tests/pg.py): each desk has its own login, made by
``hub add-desk``; that login writes nothing but through the hub's functions, only as its
own desk, only rows of the right shape; a removed desk is refused and counted. The other
desks are unchanged and keep checking people in."""

from __future__ import annotations

import json
import uuid as uuids
from contextlib import closing
from pathlib import Path
from typing import Any

import psycopg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from psycopg.types.json import Jsonb

from bsm_desk.cli import main
from bsm_desk.domain.errors import UserError
from bsm_desk.services import badges, checkin, hub
from bsm_desk.services.hub import enrolment
from bsm_desk.store import connect
from bsm_desk.store import hub as hub_store
from bsm_desk.store import hub_desk_state as state
from tests.acting import who_at
from tests.hub_copy import unpacked
from tests.services.hub.test_hub import DAY_ONE, DESK_A, DESK_B, codes, hub_uuids, scan

EVIL = "00000000-0000-4000-8000-0000000000ee"


@pytest.fixture
def enrolled(demo_copy: Path, tmp_path: Path, hub_url: str,
             monkeypatch):  # type: ignore[no-untyped-def]
    """Desk A (the hub's owner) publishes; desk B joins with its own enrolment code; a
    third code, for "Door E", is the attacker's."""
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    with closing(connect(demo_copy)) as a:
        hub.init_hub(a, hub_url, who=who_at(a, DESK_A), desk_name="Desk A")
        door_b = enrolment.add_desk(a, "Door B", who=who_at(a, DESK_A))
        door_e = enrolment.add_desk(a, "Door E", who=who_at(a, DESK_A))
    hub.join_with_code(door_b.code, tmp_path / "b.sqlite", desk_id=DESK_B)
    return demo_copy, tmp_path / "b.sqlite", door_b, door_e


def attacker(code: str) -> psycopg.Connection[Any]:
    return psycopg.connect(enrolment.url_of(enrolment.read_code(code)), autocommit=True)


def checkin_row(desk: str, **changes: Any) -> dict[str, Any]:
    row = {"desk_seq": 1, "uuid": str(uuids.uuid4()), "checkpoint": "entrance-2022-10-18",
           "delegate_id": 7, "badge_version": 1, "verdict": "OK", "accepted": True,
           "method": "scan", "code": "", "undoes": None, "reason": "",
           "at": "2022-10-18T09:00:00+05:00", "desk_id": desk, "operator": "Aliya"}
    return {**row, **changes}


def test_each_desk_joins_with_its_own_login(enrolled, hub_url: str) -> None:
    first, second, door_b, _door_e = enrolled
    assert door_b.login.startswith("bsm_hub_") and door_b.login.endswith("_door_b")
    with closing(connect(second)) as b:
        assert door_b.login in state.get(b, state.URL)
        assert "password" not in state.get(b, state.URL)
        scan(b, DESK_B, codes(b, 3))
        assert hub.sync_once(b, desk_id=DESK_B).pushed == 3
    with psycopg.connect(hub_url) as conn:
        logins = dict(conn.execute("SELECT desk_id, login FROM hub_desk").fetchall())
        assert logins[DESK_B] == door_b.login
        assert {r[0] for r in conn.execute("SELECT login FROM hub_checkin")} == \
            {door_b.login}
    with closing(connect(first)) as a:
        assert hub.sync_once(a, desk_id=DESK_A).pulled == 3
        listed = {d["name"]: d for d in enrolment.desks(a, who=who_at(a, DESK_A))}
        assert listed["Door B"]["desk_id"] == DESK_B and not listed["Door B"]["removed_at"]
        assert listed["Door E"]["desk_id"] == ""  # enrolled, never came


@pytest.mark.parametrize("statement", [
    "INSERT INTO hub_checkin (uuid, desk_seq, checkpoint, verdict, accepted, method, code,"
    " reason, at, desk_id, operator) VALUES ('x', 1, 'entrance-2022-10-18', 'OK', true,"
    " 'scan', '', '', '2022-10-18T09:00:00+05:00', 'evil', 'x')",
    "INSERT INTO hub_event (uuid, kind, desk_id, desk_seq, row) VALUES ('x', 'row', 'e', 1,"
    " '{}')",
    "UPDATE hub_desk SET block = 0", "DELETE FROM hub_checkin",
    "UPDATE hub_event_file SET code = 'x'", "INSERT INTO hub_enrolment (login, name)"
    " VALUES ('x', 'x')", "UPDATE hub_enrolment SET revoked_at = NULL",
    "DROP TABLE hub_event",
])
def test_a_desk_login_writes_no_table(enrolled, statement: str) -> None:
    _first, _second, _door_b, door_e = enrolled
    with attacker(door_e.code) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(statement)


def test_a_desk_login_speaks_for_its_own_desk_only(enrolled, hub_url: str) -> None:
    first, second, _door_b, door_e = enrolled
    with closing(connect(second)) as b:
        scan(b, DESK_B, codes(b, 2))
        hub.sync_once(b, desk_id=DESK_B)
        replayed = state.checkin_uuids(b)
    with attacker(door_e.code) as conn:
        # As desk B, or as the publisher: refused outright.
        for desk in (DESK_B, DESK_A):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("SELECT hub_push_checkins(%s, %s)",
                             [desk, Jsonb([checkin_row(desk)])])
        # Its own desk id is bound on first use; from then on, no other.
        assert conn.execute("SELECT hub_seen(%s, 'Door E')", [EVIL]).fetchone() == (1,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT hub_seen(%s, 'x')", ["another-desk"])
        # A row claiming desk B inside a batch of its own: refused.
        with pytest.raises(psycopg.errors.InvalidParameterValue):
            conn.execute("SELECT hub_push_checkins(%s, %s)",
                         [EVIL, Jsonb([checkin_row(EVIL), checkin_row(DESK_B)])])
        with pytest.raises(psycopg.errors.InvalidParameterValue):
            conn.execute("SELECT hub_push_events(%s, 'row', %s)", [EVIL, Jsonb([{
                "desk_seq": 1, "uuid": "e-1", "desk_id": EVIL, "row": {
                    "table": "session", "key": [1], "row": None, "at": "9999-01-01",
                    "desk_id": DESK_B}}])])
        # Replayed: desk B's own check-ins sent again under this login change nothing.
        again = [checkin_row(EVIL, uuid=u, verdict="UNDO") for u in sorted(replayed)]
        assert conn.execute("SELECT hub_push_checkins(%s, %s)",
                            [EVIL, Jsonb(again)]).fetchone() == (0,)
        # The publisher's block and copy of the event are not its to take.
        assert conn.execute("SELECT hub_claim_block(%s, true)", [EVIL]).fetchone()[0] > 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT hub_publish(%s, 'BSM22', '\\x00', true)", [EVIL])
    with psycopg.connect(hub_url) as conn:
        desks = dict(conn.execute("SELECT uuid, desk_id FROM hub_checkin").fetchall())
    assert {desks[u] for u in replayed} == {DESK_B}
    with closing(connect(first)) as a:
        assert hub.sync_once(a, desk_id=DESK_A).online


@pytest.mark.parametrize("changes", [
    {"at": "not-a-time"}, {"at": "2022-10-18T09:00:00"}, {"at": "2022-13-45T09:00:00Z"},
    {"operator": "\x1b[2JEvil"}, {"operator": "x" * 1_048_576}, {"verdict": "WELCOME"},
    {"checkpoint": "entrance-2022-10-18; DROP TABLE hub_checkin"},
    {"delegate_id": 2**40}, {"delegate_id": -3}, {"delegate_id": "seven"},
    {"accepted": "maybe"}, {"uuid": None}, {"uuid": "x" * 65}, {"method": "SCAN"},
    {"reason": "\u202eevil"}, {"badge_version": 0},
])
def test_rows_of_the_wrong_shape_are_refused_by_the_hub(enrolled, changes: dict[str, Any],
                                                      hub_url: str) -> None:
    _first, _second, _door_b, door_e = enrolled
    with attacker(door_e.code) as conn, pytest.raises(psycopg.DataError):
        conn.execute("SELECT hub_push_checkins(%s, %s)",
                     [EVIL, Jsonb([checkin_row(EVIL, **changes)])])
    assert hub_uuids(hub_url) == []


def test_a_removed_desk_is_refused_and_counted(enrolled, hub_url: str, capsys) -> None:
    first, second, door_b, door_e = enrolled
    held = attacker(door_e.code)  # a connection opened before the removal
    try:
        assert held.execute("SELECT hub_seen(%s, 'Door E')", [EVIL]).fetchone() == (1,)
        with closing(connect(first)) as a:
            assert enrolment.remove_desk(a, "door e", who=who_at(a, DESK_A)) == door_e.login
        with pytest.raises(psycopg.OperationalError):  # its open connection was ended
            held.execute("SELECT 1")
    finally:
        held.close()
    with pytest.raises(psycopg.OperationalError):  # and it cannot sign in again
        attacker(door_e.code)
    # A desk removed while its connection was still open (between the two steps):
    # whatever it sends is refused and counted, not stored.
    live = attacker(door_b.code)
    try:
        with psycopg.connect(hub_url, autocommit=True) as owner:
            owner.execute("UPDATE hub_enrolment SET revoked_at = now() WHERE login = %s",
                          [door_b.login])
        assert live.execute("SELECT hub_push_checkins(%s, %s)",
                            [DESK_B, Jsonb([checkin_row(DESK_B)])]).fetchone() == (-1,)
    finally:
        live.close()
    assert hub_uuids(hub_url) == []
    with closing(connect(second)) as b:  # desk B is told, in words, and loses nothing
        scan(b, DESK_B, codes(b, 1))
        with pytest.raises(UserError) as refused:
            hub.sync_once(b, desk_id=DESK_B)
        assert refused.value.template == hub_store.REMOVED
        assert state.pending(b, DESK_B) == 1
    assert main(["hub", "desks", "--db", str(first), "--json"]) == 0
    listed = {d["name"]: d for d in json.loads(capsys.readouterr().out)}
    assert listed["Door E"]["removed_at"] and listed["Door B"]["refused"] == 1


def test_the_other_desks_keep_working(enrolled) -> None:
    """After everything above was tried, A and B still check people in and agree."""
    first, second, _door_b, door_e = enrolled
    with attacker(door_e.code) as conn:
        conn.execute("SELECT hub_seen(%s, 'Door E')", [EVIL])
        for changes in ({"at": "0"}, {"operator": "\x1b[2J"}):
            with pytest.raises(psycopg.DataError):
                conn.execute("SELECT hub_push_checkins(%s, %s)",
                             [EVIL, Jsonb([checkin_row(EVIL, **changes)])])
    with closing(connect(first)) as a, closing(connect(second)) as b:
        scan(a, DESK_A, codes(a, 5))
        scan(b, DESK_B, codes(b, 5, 5))
        for _ in range(2):
            for db, desk in ((a, DESK_A), (b, DESK_B)):
                assert hub.sync_once(db, desk_id=desk).online
        assert state.checkin_uuids(a) == state.checkin_uuids(b)
        assert hub.review(b) == []
        person = badges.select(b)[30]
        code = dict(badges.codes(b, [person]))[person]
        point = checkin.default_checkpoint(b, DAY_ONE).id
        assert checkin.check_in(b, code, point, who=who_at(b, DESK_B), now=DAY_ONE).accepted


def test_codes_are_checked_before_use() -> None:
    good = enrolment.make_code({"v": 1, "host": "192.168.1.10", "dbname": "bsm_desk",
                                "user": "bsm_desk_door_b", "password": "p" * 32,
                                "event": "BSM22", "name": "Door B"})
    assert enrolment.read_code(f"  {good[:20]}\n{good[20:]} ")["user"] == "bsm_desk_door_b"
    hostile = [
        "", "BSMHUB1-", "hello", "BSMHUB1-!!!!", good[:-6], good + "A" * 3000,
        enrolment.make_code({"v": 1}),
        enrolment.make_code({"v": 2, "host": "h", "dbname": "d", "user": "bsm_desk_x",
                             "password": "p" * 32, "event": "E", "name": "n"}),
        enrolment.make_code({"v": 1, "host": "h' options='-c x", "dbname": "d",
                             "user": "bsm_desk_x", "password": "p" * 32, "event": "E",
                             "name": "n"}),
        enrolment.make_code({"v": 1, "host": "h", "dbname": "d", "user": "postgres",
                             "password": "p" * 32, "event": "E", "name": "n"}),
        enrolment.make_code({"v": 1, "host": "h", "dbname": "d", "user": "bsm_desk_x",
                             "password": "short", "event": "E", "name": "n"}),
        "BSMHUB1-" + __import__("base64").urlsafe_b64encode(b"[1, 2]").decode(),
        "BSMHUB1-" + __import__("base64").urlsafe_b64encode(b"\xff\xfe").decode(),
        enrolment.make_code({"v": 1, "host": "h", "dbname": "d", "user": "bsm_desk_x",
                             "password": "p" * 32, "event": "E", "name": "n",
                             "hk": "too-short"}),
        enrolment.make_code({"v": 1, "host": "h", "dbname": "d", "user": "bsm_desk_x",
                             "password": "p" * 32, "event": "E", "name": "n",
                             "ca": "QUJD"}),
    ]
    for code in hostile:
        with pytest.raises(UserError) as said:
            enrolment.read_code(code)
        assert said.value.template == enrolment.BAD_CODE


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300) | st.builds(lambda s: "BSMHUB1-" + s, st.text(max_size=300)))
def test_any_text_as_a_code_is_read_or_refused(text: str) -> None:
    try:
        found = enrolment.read_code(text)
    except UserError as exc:
        assert exc.template == enrolment.BAD_CODE
    else:
        assert set(found) >= set(enrolment.REQUIRED)


def test_the_commands(enrolled, tmp_path: Path, capsys, monkeypatch) -> None:
    first, _second, _door_b, _door_e = enrolled
    assert main(["hub", "add-desk", "Door C", "--db", str(first), "--json"]) == 0
    made = json.loads(capsys.readouterr().out)
    assert made["login"].endswith("_door_c") and made["code"].startswith("BSMHUB1-")
    assert main(["hub", "add-desk", "door c", "--db", str(first)]) == 2
    assert "already has a desk called" in capsys.readouterr().err
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(made["code"] + "\n"))
    assert main(["hub", "join", "--db", str(tmp_path / "c.sqlite"), "--code", "-"]) == 0
    kept = (tmp_path / "pgpass").read_text()  # no OS keyring here: libpq's own file
    assert f":{made['login']}:" in kept and oct((tmp_path / "pgpass").stat().st_mode)[-3:] \
        == "600"
    with closing(connect(tmp_path / "c.sqlite")) as c:
        assert "password" not in state.get(c, state.URL)
    assert main(["hub", "join", "--db", str(tmp_path / "d.sqlite"), "--code", "BSMHUB1-x"]) \
        == 2
    assert "not a BSM Desk enrolment code" in capsys.readouterr().err
    assert main(["hub", "join", "--db", str(tmp_path / "d.sqlite")]) == 2
    assert main(["hub", "remove-desk", "Door C", "--db", str(first)]) == 0
    assert "can no longer reach the hub" in capsys.readouterr().out
    assert main(["hub", "remove-desk", "Door Z", "--db", str(first)]) == 2


# --- authority is signed --------------------------------------------------------------

def _row_change(conn: psycopg.Connection[Any], change: dict[str, Any], seq: int) -> None:
    """The attacker's login sends one row change as its own desk (all the hub lets it)."""
    conn.execute("SELECT hub_seen(%s, 'Door E')", [EVIL])
    conn.execute("SELECT hub_push_events(%s, 'row', %s)", [EVIL, Jsonb([{
        "desk_seq": seq, "uuid": f"evil-{seq}-{uuids.uuid4().hex[:8]}", "desk_id": EVIL,
        "row": {**change, "desk_id": EVIL}}])])


def _operator_row(operator_id: int, name: str, role: str, **more: Any) -> dict[str, Any]:
    from argon2 import PasswordHasher

    return {"id": operator_id, "name": name, "role": role,
            "secret": PasswordHasher().hash("evil-pass"), "disabled": 0,
            "created_at": "2022-10-18T08:00:00+00:00",
            "updated_at": "2022-10-18T08:00:00+00:00", "sign_key": "", "sign_secret": "",
            **more}


def _forged_admin(event_code: str, operator_id: int, at: str) -> dict[str, Any]:
    """An administrator row, signed with the attacker's own new key (self-signed)."""
    from bsm_desk.domain import authority

    private, public = authority.new_key_pair()
    row = _operator_row(operator_id, "Evil Admin", "administrator", sign_key=public)
    from bsm_desk.store.hub_row_changes import row_hash

    signed = authority.message(event_code, "operator", [operator_id], row_hash(row), at)
    return {"table": "operator", "key": [operator_id], "row": row, "at": at,
            "signer": operator_id, "signature": authority.sign(private, signed)}


def _rounds(*desks: tuple[Any, str]) -> None:
    for _ in range(2):
        for db, desk in desks:
            assert hub.sync_once(db, desk_id=desk).online


def test_no_desk_login_makes_an_administrator(enrolled) -> None:
    """To desks with no operators (sign-in off) and to desks with operators: an
    administrator row, unsigned, self-signed, or signed with a key nobody trusts, is
    listed and changes nothing: sign-in stays as it was, scans go on."""
    from bsm_desk.domain.operators import Role
    from bsm_desk.services import operators
    from bsm_desk.store import audit
    from bsm_desk.store import operators as operator_store

    first, second, _door_b, door_e = enrolled
    at = "2099-01-01T00:00:00+00:00"
    with attacker(door_e.code) as conn:
        _row_change(conn, {"table": "operator", "key": [9001], "row": _operator_row(
            9001, "Evil One", "administrator"), "at": at}, 1)
        _row_change(conn, _forged_admin("BSM22", 9002, at), 2)
    with closing(connect(second)) as b:
        report = hub.sync_once(b, desk_id=DESK_B)
        assert report.refused == 2
        assert not operator_store.any_operators(b)  # sign-in not switched on
        assert checkin.check_in(b, codes(b, 1)[0], checkin.default_checkpoint(
            b, DAY_ONE).id, who=who_at(b, DESK_B), now=DAY_ONE).accepted
        reasons = " ".join(r["reason"] for r in hub.review(b))
        assert reasons.count("not signed by an administrator this desk knows") == 2
    # Now the event has a real administrator (made at the hub owner's desk) and desks
    # that trust it; the same attack again, and a row signed by an unknown key.
    try:
        with closing(connect(first)) as a, closing(connect(second)) as b:
            operators.add_operator(a, "Root", Role.ADMINISTRATOR, "root-password",
                                   passphrase="dushanbe-passphrase", who=who_at(a, DESK_A))
            operators.sign_in(a, "Root", "root-password", desk_id=DESK_A)
            operators.add_operator(a, "Aliya", Role.DESK, "482901", who=who_at(a, DESK_A))
            _rounds((a, DESK_A), (b, DESK_B))
            assert {o.name for o in operator_store.all_operators(b)} == {"Root", "Aliya"}
            with attacker(door_e.code) as conn:
                _row_change(conn, _forged_admin("BSM22", 9003, at), 3)
                aliya = operator_store.by_name(b, "Aliya")
                assert aliya is not None
                promoted = _operator_row(aliya.id, "Aliya", "administrator")
                _row_change(conn, {"table": "operator", "key": [aliya.id], "row": promoted,
                                   "at": at}, 4)
            before = len(hub.review(b))
            assert hub.sync_once(b, desk_id=DESK_B).refused == 2
            assert len(hub.review(b)) == before + 2
            found = operator_store.by_name(b, "Aliya")
            assert found is not None and found.role is Role.DESK
            assert operator_store.by_name(b, "Evil Admin") is None
    finally:
        audit.SIGNED.clear()


def test_a_signed_change_cannot_be_moved_or_altered(enrolled, hub_url: str) -> None:
    """A genuine signed change, copied from the hub by the attacker, with its row altered
    (promoted), or re-sent with a later time to beat a newer one: refused."""
    from bsm_desk.domain.operators import Role
    from bsm_desk.services import operators
    from bsm_desk.store import audit
    from bsm_desk.store import operators as operator_store

    first, second, _door_b, door_e = enrolled
    try:
        with closing(connect(first)) as a, closing(connect(second)) as b:
            operators.add_operator(a, "Root", Role.ADMINISTRATOR, "root-password",
                                   passphrase="dushanbe-passphrase", who=who_at(a, DESK_A))
            operators.sign_in(a, "Root", "root-password", desk_id=DESK_A)
            operators.add_operator(a, "Aliya", Role.DESK, "482901", who=who_at(a, DESK_A))
            _rounds((a, DESK_A), (b, DESK_B))
            aliya = operator_store.by_name(a, "Aliya")
            assert aliya is not None
            with psycopg.connect(hub_url) as owner:
                genuine = [r[0] for r in owner.execute(
                    "SELECT row FROM hub_event WHERE kind = 'row' AND row->>'table' ="
                    " 'operator' AND (row->'key'->>0)::int = %s", [aliya.id]).fetchall()]
            assert genuine and all(g.get("signature") for g in genuine)
            altered = {**genuine[-1], "row": {**genuine[-1]["row"], "role": "administrator"}}
            later = {**genuine[-1], "at": "2099-01-01T00:00:00+00:00"}
            with attacker(door_e.code) as conn:
                _row_change(conn, altered, 5)
                _row_change(conn, later, 6)
            assert hub.sync_once(b, desk_id=DESK_B).refused == 2
            found = operator_store.by_name(b, "Aliya")
            assert found is not None and found.role is Role.DESK
    finally:
        audit.SIGNED.clear()


def test_authority_travels_signed(enrolled) -> None:
    """What administrators do at one desk holds at the other: a role changed, an
    operator disabled, an operator's own new PIN (signed with their own key)."""
    from bsm_desk.domain.operators import Role
    from bsm_desk.services import operators
    from bsm_desk.store import audit
    from bsm_desk.store import operators as operator_store

    first, second, _door_b, _door_e = enrolled
    try:
        with closing(connect(first)) as a, closing(connect(second)) as b:
            operators.add_operator(a, "Root", Role.ADMINISTRATOR, "root-password",
                                   passphrase="dushanbe-passphrase", who=who_at(a, DESK_A))
            operators.sign_in(a, "Root", "root-password", desk_id=DESK_A)
            for name in ("Aliya", "Bakhtiyor", "Zarina"):
                operators.add_operator(a, name, Role.DESK, "482901", who=who_at(a, DESK_A))
            _rounds((a, DESK_A), (b, DESK_B))
            operators.set_role(a, "Bakhtiyor", Role.SUPERVISOR, who=who_at(a, DESK_A))
            operators.set_disabled(a, "Zarina", who=who_at(a, DESK_A))
            operators.sign_out(a)
            operators.sign_in(a, "Aliya", "482901", desk_id=DESK_A)
            operators.set_secret(a, "Aliya", "773150", who=who_at(a, DESK_A))
            operators.sign_out(a)
            _rounds((a, DESK_A), (b, DESK_B))
            assert hub.review(b) == []
            assert operator_store.by_name(b, "Bakhtiyor").role is Role.SUPERVISOR  # type: ignore[union-attr]
            assert operator_store.by_name(b, "Zarina").disabled  # type: ignore[union-attr]
            assert operators.sign_in(b, "Aliya", "773150", desk_id=DESK_B).role \
                is Role.DESK
    finally:
        audit.SIGNED.clear()


def test_the_event_code_and_badge_key_never_change_from_the_hub(enrolled) -> None:
    first, second, _door_b, door_e = enrolled
    with closing(connect(second)) as b:
        row = shared_row(b, "event", [1])
    hijacked = {**row, "secret": {"$b64": "AAAA" * 11}, "title_en": "Hijacked"}
    with attacker(door_e.code) as conn:
        _row_change(conn, {"table": "event", "key": [1], "row": hijacked,
                           "at": "2099-01-01T00:00:00+00:00"}, 7)
    with closing(connect(second)) as b:
        assert hub.sync_once(b, desk_id=DESK_B).refused == 1
        assert shared_row(b, "event", [1]) == row
        assert any("badge key never change" in r["reason"] for r in hub.review(b))
    del first


def shared_row(db: Any, table: str, key: list[Any]) -> dict[str, Any]:
    from bsm_desk.store import hub_row_changes

    found = hub_row_changes.read(db, hub_row_changes.BY_NAME[table], key)
    assert found is not None
    return found


def test_a_desk_of_another_events_hub_is_no_desk_here(enrolled, demo_file: Path,
                                                      tmp_path: Path, pg_server) -> None:  # type: ignore[no-untyped-def]
    """Two events' hubs on one PostgreSQL server: the desks' group role is the server's,
    so a desk login of the other hub may connect here; it is not enrolled here, and the
    hub's functions refuse it whatever desk it claims."""
    first, second, _door_b, _door_e = enrolled
    other_hub = f"hub_{uuids.uuid4().hex[:12]}"
    with psycopg.connect(pg_server.url(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{other_hub}"')
    other_file = tmp_path / "other-event.sqlite"
    other_file.write_bytes(demo_file.read_bytes())
    with closing(connect(other_file)) as other:
        hub.init_hub(other, pg_server.url(other_hub), who=who_at(other, "other-event-desk"))
        stranger = enrolment.add_desk(other, "Door X", who=who_at(other, "other-event-desk"))
    this_hub = state_url_database(first)
    fields = enrolment.read_code(stranger.code)
    as_stranger = enrolment.url_of({**fields, "dbname": this_hub})
    with psycopg.connect(as_stranger, autocommit=True) as conn:
        for desk in ("other-event-desk", DESK_B, EVIL):
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="not enrolled"):
                conn.execute("SELECT hub_push_checkins(%s, %s)",
                             [desk, Jsonb([checkin_row(desk)])])
    with closing(connect(second)) as b:
        assert hub.sync_once(b, desk_id=DESK_B).refused == 0


def state_url_database(path: Path) -> str:
    from psycopg import conninfo

    with closing(connect(path)) as db:
        return str(conninfo.conninfo_to_dict(state.get(db, state.URL))["dbname"])


def test_the_hub_holds_no_password_verifier_in_a_usable_form(enrolled, hub_url: str,
                                                             tmp_path: Path) -> None:
    """What one desk's login can read on the hub (every row change, the copy new desks
    join from) holds operators' verifiers and signing keys sealed with the desks' key,
    which only enrolment codes carry; a desk made without a code says why its operators
    cannot sign in, and the enrolled desk signs them in."""
    from bsm_desk.domain.operators import Role
    from bsm_desk.services import operators
    from bsm_desk.services.hub import transit
    from bsm_desk.store import audit

    first, second, _door_b, door_e = enrolled
    try:
        with closing(connect(first)) as a:
            operators.add_operator(a, "Root", Role.ADMINISTRATOR, "root-password",
                                   passphrase="dushanbe-passphrase", who=who_at(a, DESK_A))
            operators.sign_in(a, "Root", "root-password", desk_id=DESK_A)
            operators.add_operator(a, "Aliya", Role.DESK, "482901", who=who_at(a, DESK_A))
            assert hub.republish_after_sealing(a, desk_id=DESK_A)  # a fresh copy
            desks_key = transit.key_of(a)
        assert desks_key is not None
        with attacker(door_e.code) as conn:  # all the attacker's login can read
            rows = json.dumps([r[0] for r in conn.execute("SELECT row FROM hub_event")])
            copy = unpacked(bytes(conn.execute("SELECT snapshot FROM hub_event_file")
                                  .fetchone()[0]))
        assert "Aliya" in rows and "$argon2" not in rows and "ek1:" not in rows
        assert b"Aliya" in copy and b"$argon2" not in copy and b"ek1:" not in copy
        assert desks_key.hex().encode() not in copy
        with closing(connect(second)) as b:
            hub.sync_once(b, desk_id=DESK_B)
            assert operators.sign_in(b, "Aliya", "482901", desk_id=DESK_B).role \
                is Role.DESK
        audit.SIGNED.clear()
        codeless = tmp_path / "codeless.sqlite"
        hub.join(hub_url, codeless, desk_id="codeless-desk")  # the owner's URL, no code
        with closing(connect(codeless)) as c:
            with pytest.raises(UserError) as said:
                operators.sign_in(c, "Aliya", "482901", desk_id="codeless-desk")
            assert said.value.template == operators.NO_DESKS_KEY
    finally:
        audit.SIGNED.clear()


def test_a_hub_made_before_its_functions_is_closed_when_brought_up(demo_copy: Path,
                                                                   hub_url: str) -> None:
    """A hub at schema 5 (desks inserting into its tables) brought up to date by a desk
    of this version: the desks' group loses its table writes and may call the
    functions."""
    from bsm_desk.store import hub_schema

    with psycopg.connect(hub_url) as conn:
        with conn.cursor() as cur:
            cur.execute("CREATE TABLE hub_schema (version INTEGER PRIMARY KEY, at"
                        " TIMESTAMPTZ NOT NULL DEFAULT now())")
            for number, step in hub_schema.STEPS[:5]:
                step(cur)
                cur.execute("INSERT INTO hub_schema (version) VALUES (%s)", [number])
            cur.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname ="
                        " 'bsm_desk_desks') THEN CREATE ROLE bsm_desk_desks NOLOGIN; END IF;"
                        " END $$")
            cur.execute("GRANT INSERT ON hub_checkin, hub_event TO bsm_desk_desks")
        conn.commit()
    with closing(connect(demo_copy)) as a:
        hub.init_hub(a, hub_url, who=who_at(a, DESK_A))
    with psycopg.connect(hub_url) as conn:
        privileges = conn.execute(
            "SELECT has_table_privilege('bsm_desk_desks', 'hub_checkin', 'INSERT'),"
            " has_table_privilege('bsm_desk_desks', 'hub_event', 'INSERT'),"
            " has_function_privilege('bsm_desk_desks', 'hub_push_checkins(text, jsonb)',"
            " 'EXECUTE'), has_function_privilege('bsm_desk_desks',"
            " 'hub_reseal(text, jsonb)', 'EXECUTE')").fetchone()
    assert privileges == (False, False, True, True)


def test_relaying_never_writes_in_the_name_of_a_desk_with_its_own_login(enrolled,
                                                                        hub_url: str) -> None:
    """Relaying (a hub made again getting what the old one held) takes rows in the name
    of desks not back yet only: never of a desk whose own login is bound here."""
    _first, _second, _door_b, door_e = enrolled
    with attacker(door_e.code) as conn:
        conn.execute("SELECT hub_seen(%s, 'Door E')", [EVIL])
        assert conn.execute("SELECT hub_relay_checkins(%s, %s)",
                            [EVIL, Jsonb([checkin_row(DESK_B)])]).fetchone() == (0,)
        with pytest.raises(psycopg.DataError):  # and the same checks as any push
            conn.execute("SELECT hub_relay_checkins(%s, %s)",
                         [EVIL, Jsonb([checkin_row("gone-desk", at="0")])])
    assert hub_uuids(hub_url) == []


def test_two_administrators_enrolling_one_name_at_once(enrolled) -> None:
    """Three enrolments of one name at the same moment: one desk is made, the others
    are told it exists (in words, not as the server's duplicate role)."""
    import threading

    first, _second, _door_b, _door_e = enrolled
    outcomes: list[str] = []

    def enrol() -> None:
        with closing(connect(first)) as a:
            try:
                enrolment.add_desk(a, "Door Z", who=who_at(a, DESK_A))
                outcomes.append("made")
            except UserError as exc:
                outcomes.append(exc.template)

    threads = [threading.Thread(target=enrol) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == sorted(["made", enrolment.DESK_EXISTS, enrolment.DESK_EXISTS])


def test_a_code_made_by_an_administrator_carries_the_events_key(enrolled, tmp_path: Path
                                                                 ) -> None:
    """A desk enrolled once the event has operators keeps the event's key from its code
    (outside its file): its operators sign in with no passphrase asked."""
    from bsm_desk.domain.operators import Role
    from bsm_desk.services import operators
    from bsm_desk.services.operators import keystore
    from bsm_desk.store import audit
    from bsm_desk.store import privacy as sealing

    first, _second, _door_b, _door_e = enrolled
    try:
        with closing(connect(first)) as a:
            operators.add_operator(a, "Root", Role.ADMINISTRATOR, "root-password",
                                   passphrase="dushanbe-passphrase", who=who_at(a, DESK_A))
            operators.sign_in(a, "Root", "root-password", desk_id=DESK_A)
            operators.add_operator(a, "Aliya", Role.DESK, "482901", who=who_at(a, DESK_A))
            assert hub.republish_after_sealing(a, desk_id=DESK_A)
            door_c = enrolment.add_desk(a, "Door C", who=who_at(a, DESK_A))
            keystore.drop(a)  # Door C is another computer: nothing kept there yet
        assert "ek" in enrolment.read_code(door_c.code)
        sealing.KEYS.clear()
        audit.MARK_KEYS.clear()
        hub.join_with_code(door_c.code, tmp_path / "c.sqlite", desk_id="door-c")
        with closing(connect(tmp_path / "c.sqlite")) as c:
            assert keystore.get(c) is not None
            assert operators.sign_in(c, "Aliya", "482901", desk_id="door-c").role \
                is Role.DESK
    finally:
        audit.SIGNED.clear()
        sealing.KEYS.clear()
