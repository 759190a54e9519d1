"""What a desk takes in from the hub is checked first (domain/hub_rows.py), as an attacker
holding one desk's hub login would test it: a check-in with a forged badge code, one of
another event, times that do not parse, an ESC sequence or a megabyte in a name, a
session that starts at "0". The other desks list each with its reason, and go on
checking people in, showing their screens and writing their exports."""

from __future__ import annotations

import json
import uuid as uuids
from contextlib import closing
from dataclasses import replace
from pathlib import Path
from typing import Any

import psycopg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bsm_desk.domain import badge_code, hub_rows
from bsm_desk.services import badges, checkin, hub
from bsm_desk.services.event import overview
from bsm_desk.services.reports import attendance, attendance_files, participants
from bsm_desk.store import connect
from bsm_desk.store import event as event_store
from tests.acting import who_at
from tests.services.hub.test_hub import DESK_A, DESK_B, publish_and_join

SECRET = b"k" * 32


def genuine(**changes: Any) -> dict[str, Any]:
    row = {"uuid": str(uuids.uuid4()), "checkpoint": "entrance-2022-10-18",
           "delegate_id": 7, "badge_version": 1, "verdict": "OK", "accepted": True,
           "method": "scan", "code": badge_code.make("BSM22", SECRET, 7, 1), "undoes": None,
           "reason": "", "at": "2022-10-18T09:00:00+05:00", "desk_id": "desk-a",
           "operator": "Aliya"}
    return {**row, **changes}


def test_a_genuine_check_in_passes() -> None:
    assert hub_rows.checkin_problem(genuine(), event_code="BSM22", secret=SECRET) is None
    by_name = genuine(code="", method="search")
    assert hub_rows.checkin_problem(by_name, event_code="BSM22", secret=SECRET) is None
    assert hub_rows.by_name(by_name) is not None  # counted, and listed to look into


@pytest.mark.parametrize("changes, field", [
    ({"code": badge_code.make("BSM22", b"x" * 32, 7, 1)}, None),  # a forged MAC
    ({"code": badge_code.make("OTHER22", SECRET, 7, 1)}, None),  # another event's badge
    ({"delegate_id": 8}, None),  # a genuine badge, claimed for someone else
    ({"badge_version": 2}, None),
    ({"at": "not-a-time"}, "at"),
    ({"at": "2022-10-18T09:00:00"}, "at"),  # no offset: which zone?
    ({"operator": "\x1b[2JEvil"}, "operator"),
    ({"operator": "x" * 1_048_576}, "operator"),
    ({"checkpoint": "entrance-2022-10-18; DROP TABLE checkin"}, "checkpoint"),
    ({"delegate_id": 2**70}, "delegate_id"),
    ({"delegate_id": True}, "delegate_id"),
    ({"verdict": "WELCOME"}, "verdict"),
    ({"accepted": "yes"}, "accepted"),
    ({"uuid": None}, "uuid"),
])
def test_hostile_check_ins_are_refused(changes: dict[str, Any], field: str | None) -> None:
    problem = hub_rows.checkin_problem(genuine(**changes), event_code="BSM22", secret=SECRET)
    assert problem is not None
    template, fields = problem
    if field is None:
        assert template == hub_rows.BAD_BADGE
    else:
        assert template == hub_rows.BAD_FIELD and fields["field"] == field
        assert "\x1b" not in fields["value"] and len(fields["value"]) <= 60


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=3),
    max_leaves=8)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(list(genuine())) | st.text(max_size=8), json_values,
                       max_size=16))
def test_any_check_in_row_is_judged_never_raised(values: dict[str, Any]) -> None:
    found = hub_rows.checkin_problem(values, event_code="BSM22", secret=SECRET)
    assert found is None or found[0] in (hub_rows.BAD_FIELD, hub_rows.BAD_BADGE)
    hub_rows.by_name(values)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=20), st.one_of(st.none(), st.dictionaries(
    st.sampled_from(["at", "starts_at", "date", "title_en", "id", "content"])
    | st.text(max_size=8), json_values, max_size=8)))
def test_any_shared_row_is_judged_never_raised(table: str, row: dict[str, Any] | None) -> None:
    found = hub_rows.row_problem(table, row)
    assert found is None or found[0] == hub_rows.BAD_FIELD


def test_a_session_that_starts_at_zero_is_refused() -> None:
    assert hub_rows.row_problem("session", {"id": 1, "starts_at": "0", "ends_at": "zzz"})
    assert hub_rows.row_problem("session", {"id": 1, "title_en": "Opening\x1b[2J"})
    assert hub_rows.row_problem("session", {
        "id": 1, "title_en": "Opening", "starts_at": "2022-10-18T10:00:00+05:00"}) is None


# --- on a real PostgreSQL hub, as an attacker with one desk's login -----------------------

def _insert_checkin(conn: psycopg.Connection[Any], seq: int, row: dict[str, Any]) -> None:
    conn.execute(
        "INSERT INTO hub_checkin (uuid, desk_seq, checkpoint, delegate_id, badge_version,"
        " verdict, accepted, method, code, undoes, reason, at, desk_id, operator) VALUES"
        " (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
        [row["uuid"], seq, row["checkpoint"], row["delegate_id"], row["badge_version"],
         row["verdict"], row["accepted"], row["method"], row["code"], row["undoes"],
         row["reason"], row["at"], row["desk_id"], row["operator"]])


def test_an_attackers_rows_change_nothing_and_stop_nobody(demo_copy: Path, tmp_path: Path,
                                                          hub_url: str) -> None:
    second = tmp_path / "b.sqlite"
    publish_and_join(demo_copy, second, hub_url)
    door = "session-1"
    with closing(connect(second)) as b:
        checkin.set_readmit(b, door, False, who=who_at(b, DESK_B))
        victim = badges.select(b, delegation="Tajikistan")[0]
        real_code = dict(badges.codes(b, [victim]))[victim]
        event = event_store.get_event(b)
        assert event is not None
    forged = genuine(checkpoint=door, delegate_id=victim,
                     code=badge_code.make(event.code, b"x" * 32, victim, 1))
    other_event = genuine(checkpoint=door, delegate_id=victim,
                          code=badge_code.make("ELSE22", event.secret, victim, 1))
    bad_time = genuine(checkpoint=door, delegate_id=victim, code=real_code, at="not-a-time")
    escape = genuine(checkpoint=door, delegate_id=victim, code=real_code,
                     operator="\x1b[2J\x1b[31mEvil")
    huge = genuine(checkpoint=door, delegate_id=victim, code=real_code,
                   operator="x" * 1_048_576)
    session = {"table": "session", "key": [1], "row": {
        "id": 1, "kind": "plenary", "title_en": "Hijacked", "title_ru": "", "room_id": 1,
        "starts_at": "0", "ends_at": "zzz"}, "at": "9999-01-01T00:00:00+00:00",
        "desk_id": "evil"}
    with psycopg.connect(hub_url) as conn:
        for n, row in enumerate((forged, other_event, bad_time, escape, huge)):
            _insert_checkin(conn, 10_000 + n, row)
        conn.execute("INSERT INTO hub_event (uuid, kind, desk_id, desk_seq, row) VALUES"
                     " ('evil-session', 'row', 'evil', 1, %s::jsonb)", [json.dumps(session)])
    with closing(connect(second)) as b:
        report = hub.sync_once(b, desk_id=DESK_B)
        assert report.online and report.refused >= 6
        reasons = [r["reason"] for r in hub.review(b)]
        assert sum("not a badge of this person" in r for r in reasons) == 2
        assert sum("has a wrong" in r for r in reasons) >= 4
        assert all("\x1b" not in r and len(r) < 2_000 for r in reasons)
        # Nothing was taken in: the real badge still opens the door once.
        verdict = checkin.check_in(b, real_code, door, who=who_at(b, DESK_B))
        assert verdict.kind.value == "OK" and verdict.accepted
        # Every screen's and export's reads still work.
        facts = overview(b, second)
        assert all(s.title_en != "Hijacked" for s in facts.sessions)
        attendance_files.write_workbook(attendance.collect(b), tmp_path / "a.xlsx")
        participants.export(b, tmp_path / "lop.pdf")
        assert hub.sync_once(b, desk_id=DESK_B).refused == 0  # listed once, not again


def _hub_copy(url: str) -> bytes:
    from tests.hub_copy import unpacked

    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT snapshot FROM hub_event_file WHERE id = 1").fetchone()
    return unpacked(bytes(row[0]))


def test_protect_replaces_the_hubs_copy_with_the_sealed_one(demo_copy: Path, tmp_path: Path,
                                                            hub_url: str, capsys,
                                                            monkeypatch) -> None:
    """After `protect` on a desk with a hub, the copy new desks join from holds no passport
    number in clear, and a desk joining later holds none either (until it is given the
    passphrase)."""
    from bsm_desk.cli import main
    from bsm_desk.store import audit
    from bsm_desk.store import privacy as sealing

    with closing(connect(demo_copy)) as a:
        hub.init_hub(a, hub_url, who=who_at(a, DESK_B))
        passport = a.execute("SELECT passport_no FROM delegate WHERE passport_no <> ''"
                             " LIMIT 1").fetchone()[0]
    assert passport.encode() in _hub_copy(hub_url)  # published before it was sealed
    monkeypatch.setenv("BSM_DESK_PASSPHRASE", "dushanbe-passphrase")
    try:
        assert main(["protect", "--db", str(demo_copy), "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["hub_copy_sealed"] is True
        assert passport.encode() not in _hub_copy(hub_url)
        late = tmp_path / "late.sqlite"
        hub.join(hub_url, late, desk_id="late-desk")
        raw = b"".join(p.read_bytes() for p in (late, late.with_name(late.name + "-wal"))
                       if p.exists())
        assert passport.encode() not in raw
    finally:
        audit.SIGNED.clear()
        sealing.KEYS.clear()


def test_protect_with_the_hub_unreachable_replaces_the_copy_at_the_next_round(
        demo_copy: Path, hub_url: str, pg_server, capsys, monkeypatch) -> None:
    from bsm_desk.cli import main
    from bsm_desk.store import audit
    from bsm_desk.store import hub_desk_state as state
    from bsm_desk.store import privacy as sealing

    with closing(connect(demo_copy)) as a:
        hub.init_hub(a, hub_url, who=who_at(a, DESK_B))
        passport = a.execute("SELECT passport_no FROM delegate WHERE passport_no <> ''"
                             " LIMIT 1").fetchone()[0]
    monkeypatch.setenv("BSM_DESK_PASSPHRASE", "dushanbe-passphrase")
    pg_server.stop()
    try:
        assert main(["protect", "--db", str(demo_copy)]) == 0
        assert "could not be reached" in capsys.readouterr().err
        with closing(connect(demo_copy)) as a:
            assert state.get(a, state.REPUBLISH) == "1"
        pg_server.start()
        with closing(connect(demo_copy)) as a:
            assert hub.sync_once(a, desk_id=DESK_B).online
            assert state.get(a, state.REPUBLISH) == ""
        assert passport.encode() not in _hub_copy(hub_url)
    finally:
        if not pg_server.running():
            pg_server.start()
        audit.SIGNED.clear()
        sealing.KEYS.clear()


def test_a_desk_whose_clock_is_off_says_by_how_much(demo_copy: Path, hub_url: str,
                                                    monkeypatch) -> None:
    """Compared with the hub's clock at each round (issue 26): hours ahead is said in
    the status; a right clock is near zero. An ordinary round writes nothing for it."""
    from datetime import UTC, datetime, timedelta

    with closing(connect(demo_copy)) as a:
        hub.init_hub(a, hub_url, who=who_at(a, DESK_B))
        right = hub.status(a, desk_id=DESK_B, probe=False)["clock_skew_s"]
        assert right is not None and abs(right) < 60
        from bsm_desk.services.hub import clock

        monkeypatch.setattr(clock, "_local_now",
                            lambda: datetime.now(UTC) + timedelta(hours=3))
        assert hub.sync_once(a, desk_id=DESK_B).online
        ahead = hub.status(a, desk_id=DESK_B, probe=False)["clock_skew_s"]
        assert 3 * 3600 - 60 < ahead < 3 * 3600 + 60
        changes = a.conn.total_changes
        assert hub.sync_once(a, desk_id=DESK_B).online
        assert a.conn.total_changes == changes  # nothing new to write


# --- every other kind of event, as arbitrary JSON ----------------------------------------

def _base_events(db: Any) -> dict[str, dict[str, Any]]:
    """One genuine-looking row of each kind, for hypothesis to damage."""
    cursor = db.execute("SELECT * FROM delegate LIMIT 1")
    person = dict(zip([d[0] for d in cursor.description], cursor.fetchone(), strict=True))
    common = {"uuid": str(uuids.uuid4()), "at": "2022-10-18T09:00:00+05:00",
              "desk_id": "desk-x", "operator": "Aliya"}
    person = {**person, "id": 3_000_001, "family_name": "Nazarov"}
    return {
        "badge_issue": {**common, "delegate_id": 7, "version": 2, "reason": "lost"},
        "badge_print": {**common, "delegate_id": 7, "version": 1, "layout": "a6"},
        "delegate_edit": {**common, "delegate_id": 7, "action": "updated",
                          "created_at": person["created_at"],
                          "changes": {"function_en": ["Minister", "Deputy Minister"]}},
        "delegate_created": {**common, "delegate": person, "delegation": None},
        "from_a_newer_desk": {**common},
    }


event_fields = st.sampled_from(["uuid", "at", "desk_id", "operator", "delegate_id",
                                "version", "reason", "layout", "action", "created_at",
                                "changes", "delegate", "delegation"])


@settings(max_examples=250, deadline=None,
          suppress_health_check=[__import__("hypothesis").HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(["badge_issue", "badge_print", "delegate_edit",
                             "delegate_created", "from_a_newer_desk"]),
       damage=st.dictionaries(event_fields, json_values, max_size=3),
       person_damage=st.dictionaries(st.sampled_from(["id", "family_name", "given_name",
                                                      "created_at", "delegation_id",
                                                      "status", "x"]),
                                     json_values, max_size=2))
def test_any_event_from_the_hub_is_taken_or_listed_never_raised(
        demo_copy: Path, monkeypatch: pytest.MonkeyPatch, kind: str,
        damage: dict[str, Any], person_damage: dict[str, Any]) -> None:
    """No row of any kind stops a desk: fed through the desk's own pull, each is taken
    in or listed, and the round goes on."""
    from bsm_desk.services.hub import pulling
    from bsm_desk.store import hub as hub_store
    from bsm_desk.store import hub_desk_state as state

    with closing(connect(demo_copy)) as db:
        row = {**_base_events(db)[kind], **damage}
        if kind == "delegate_created" and isinstance(row.get("delegate"), dict):
            row["delegate"] = {**row["delegate"], **person_damage}
        seq = int(state.get(db, state.PULLED_EVENTS, "0") or 0) + 1
        batches = [[(seq, kind, str(uuids.uuid4()), row, False)], []]
        monkeypatch.setattr(hub_store, "pull_events", lambda *_a, **_k: batches.pop(0))
        pulled, refused = pulling.pull_events(db, None, "desk-b")
        assert pulled + refused <= 1
        assert int(state.get(db, state.PULLED_EVENTS, "0")) == seq
        names = " ".join(str(r[0]) for r in db.execute(
            "SELECT family_name FROM delegate WHERE id >= 3000000").fetchall())
        assert "\x1b" not in names


def test_after_protect_the_hub_holds_no_personal_data_in_clear(
        demo_copy: Path, tmp_path: Path, hub_url: str, monkeypatch) -> None:
    """Passport numbers that travelled between desks before protect (a delegate added or
    edited at a desk, as hub events) are sealed on the hub too: a desk joining later,
    or anyone reading the hub, finds none in clear; the desk given the passphrase reads
    them."""
    from bsm_desk.domain.people import Delegate
    from bsm_desk.services import registry
    from bsm_desk.services.operators import privacy
    from bsm_desk.store import audit
    from bsm_desk.store import delegates as delegate_store
    from bsm_desk.store import privacy as sealing

    second = tmp_path / "b.sqlite"
    publish_and_join(demo_copy, second, hub_url)
    with closing(connect(second)) as b:
        person = delegate_store.get_delegate(b, 12)
        assert person is not None
        registry.save_delegate(b, replace(person, passport_no="N7701234",
                                          phone="+992 93 555 0101"), who=who_at(b, DESK_B))
        added = registry.save_delegate(b, Delegate(
            family_name="Rahimova", given_name="Zarina", delegation_id=person.delegation_id,
            category_id=person.category_id, passport_no="N7705678"), who=who_at(b, DESK_B))
        assert hub.sync_once(b, desk_id=DESK_B).online
    with psycopg.connect(hub_url) as conn:
        held = json.dumps([r[0] for r in conn.execute("SELECT row FROM hub_event")])
    assert "N7701234" in held and "N7705678" in held  # they did travel in clear
    try:
        with closing(connect(demo_copy)) as a:
            hub.sync_once(a, desk_id=DESK_A)
            privacy.protect(a, "dushanbe-passphrase", who=who_at(a, DESK_A))
            assert hub.republish_after_sealing(a, desk_id=DESK_A)  # as protect does
        with psycopg.connect(hub_url) as conn:
            held = json.dumps([r[0] for r in conn.execute("SELECT row FROM hub_event")])
        for clear in ("N7701234", "N7705678", "555 0101"):
            assert clear not in held
        late = tmp_path / "late.sqlite"
        sealing.KEYS.clear()
        hub.join(hub_url, late, desk_id="late-desk")
        raw = b"".join(p.read_bytes() for p in (late, late.with_name(late.name + "-wal"))
                       if p.exists())
        assert b"N7701234" not in raw and b"N7705678" not in raw
        with closing(connect(late)) as c:
            assert hub.review(c) == []
            privacy.unlock(c, "dushanbe-passphrase")
            assert delegate_store.get_delegate(c, 12).passport_no == "N7701234"  # type: ignore[union-attr]
            assert delegate_store.get_delegate(c, added).passport_no == "N7705678"  # type: ignore[union-attr]
    finally:
        audit.SIGNED.clear()
        sealing.KEYS.clear()


def test_protect_at_a_desk_that_did_not_publish(demo_copy: Path, tmp_path: Path,
                                                hub_url: str) -> None:
    """Sealed at a desk that joined: the hub's copy is the publisher's to replace; this
    desk says so (listed, the rounds go on), and the publisher seals the hub's copy and
    events once it is given the passphrase."""
    from bsm_desk.services import registry
    from bsm_desk.services.hub import enrolment
    from bsm_desk.services.operators import privacy
    from bsm_desk.store import audit
    from bsm_desk.store import delegates as delegate_store
    from bsm_desk.store import privacy as sealing

    second = tmp_path / "b.sqlite"
    with closing(connect(demo_copy)) as a:  # desk B with a login of its own
        hub.init_hub(a, hub_url, who=who_at(a, DESK_A))
        code = enrolment.add_desk(a, "Door B", who=who_at(a, DESK_A)).code
    hub.join_with_code(code, second, desk_id=DESK_B)
    try:
        with closing(connect(second)) as b:
            person = delegate_store.get_delegate(b, 12)
            registry.save_delegate(b, replace(person, passport_no="N7701234"),  # type: ignore[arg-type]
                                   who=who_at(b, DESK_B))
            hub.sync_once(b, desk_id=DESK_B)
            privacy.protect(b, "dushanbe-passphrase", who=who_at(b, DESK_B))
            assert hub.republish_after_sealing(b, desk_id=DESK_B) is False
            assert any("publishing desk's to seal" in r["reason"] for r in hub.review(b))
            assert hub.sync_once(b, desk_id=DESK_B).online  # and the rounds go on
        with psycopg.connect(hub_url) as conn:
            assert "N7701234" in json.dumps([r[0] for r in conn.execute(
                "SELECT row FROM hub_event WHERE kind = 'delegate_edit'")])
        sealing.KEYS.clear()
        with closing(connect(demo_copy)) as a:
            assert hub.sync_once(a, desk_id=DESK_A).online  # the sealed key arrives
            privacy.unlock(a, "dushanbe-passphrase")  # the publisher is given it
            assert hub.sync_once(a, desk_id=DESK_A).online
        with psycopg.connect(hub_url) as conn:
            held = json.dumps([r[0] for r in conn.execute("SELECT row FROM hub_event")])
        assert "N7701234" not in held and b"N7701234" not in _hub_copy(hub_url)
    finally:
        audit.SIGNED.clear()
        sealing.KEYS.clear()
