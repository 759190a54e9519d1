"""The programme, speakers' lists, roster and the other edited-in-place tables travel
between desks through a real PostgreSQL hub (tests/pg.py) as row changes: every desk
ends with the same rows; the later of two changes of a row stands and the earlier is
listed; a deletion travels; what a desk cannot hold is listed, never dropped."""

from __future__ import annotations

import json
from contextlib import closing
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bsm_desk.domain.model import Session, SessionKind
from bsm_desk.services import hub, programme, speakers
from bsm_desk.services.hub import rows
from bsm_desk.store import connect, hub_row_changes
from bsm_desk.store import hub_desk_state as state
from bsm_desk.store import interpreters as interpreter_store
from tests.acting import who_at
from tests.services.hub.test_hub import DESK_A, DESK_B, DESK_C, publish_and_join


def snapshot(db) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """Every shared table's rows, as exchanged, in a comparable form."""
    return {table.name: sorted(json.dumps(row, sort_keys=True)
                               for _key, row in hub_row_changes.all_rows(db, table))
            for table in hub_row_changes.TABLES}


def rounds(*desks) -> None:  # type: ignore[no-untyped-def]
    for _ in range(2):
        for db, desk in desks:
            assert hub.sync_once(db, desk_id=desk).online


@pytest.fixture
def desks(demo_copy: Path, tmp_path: Path, hub_url: str):  # type: ignore[no-untyped-def]
    publish_and_join(demo_copy, tmp_path / "b.sqlite", hub_url)
    a, b = connect(demo_copy), connect(tmp_path / "b.sqlite")
    try:
        yield a, b
    finally:
        a.close()
        b.close()


def test_programme_lists_and_roster_end_the_same_everywhere(desks, tmp_path: Path,
                                                           hub_url: str) -> None:
    a, b = desks
    assert snapshot(a) == snapshot(b)
    # Desk A adds a side event and renames a room; desk B runs a speakers' list and
    # seats interpreters, each while the other does its own.
    start = datetime(2022, 10, 19, 9, 0, tzinfo=UTC)
    added = programme.save_session(a, Session(
        SessionKind.SIDE_EVENT, "Border data sharing", "Обмен данными о границе", start,
        start + timedelta(hours=1), room_id=programme.load(a).rooms[0].id,
        access=(1,)), who=who_at(a, DESK_A))
    room = replace(programme.load(a).rooms[-1], name_ru="Зал «Душанбе»")
    programme.save_rooms(a, [room], programme.load(a).days, who=who_at(a, DESK_A))
    plenary = programme.load(b).sessions[0].id or 0
    first = speakers.inscribe(b, plenary, 1, override="test", who=who_at(b, DESK_B))
    speakers.inscribe(b, plenary, 40, override="test", who=who_at(b, DESK_B))
    speakers.next_speaker(b, plenary, who=who_at(b, DESK_B))
    people = [p.id for p in interpreter_store.all_interpreters(b)][:2]
    interpreter_store.replace_seats(b, {(plenary, "ru"): [(people[0], True),
                                                          (people[1], False)]})
    assert state.pending(a, DESK_A) > 0 and state.pending(b, DESK_B) > 0
    rounds((a, DESK_A), (b, DESK_B))
    assert hub.review(a) == []
    assert snapshot(a) == snapshot(b)
    assert [s.title_ru for s in programme.load(b).sessions if s.id == added] == \
        ["Обмен данными о границе"]
    assert programme.load(b).rooms[-1].name_ru == "Зал «Душанбе»"
    now = datetime.now(UTC)
    listed = speakers.speaker_list(a, plenary, now=now)
    assert [e.id for e in listed.entries][:1] == [first.id]
    assert listed.current is not None and listed.current.id == first.id
    assert listed == speakers.speaker_list(b, plenary, now=now)
    assert interpreter_store.seats(a) == interpreter_store.seats(b)
    assert state.pending(a, DESK_A) == state.pending(b, DESK_B) == 0
    # A third desk joining later gets it all, and sends nothing back.
    hub.join(hub_url, tmp_path / "c.sqlite", desk_id=DESK_C)
    with closing(connect(tmp_path / "c.sqlite")) as c:
        assert snapshot(c) == snapshot(a)
        assert hub.sync_once(c, desk_id=DESK_C).pushed == 0
        assert hub.review(c) == []
    # A deletion travels, and what hung on the session goes with it.
    programme.delete_session(a, added, who=who_at(a, DESK_A))
    rounds((a, DESK_A), (b, DESK_B))
    assert added not in [s.id for s in programme.load(b).sessions]
    assert snapshot(a) == snapshot(b)
    assert hub.review(a) == hub.review(b) == []


def test_the_later_change_of_a_session_stands_the_earlier_is_listed(desks) -> None:
    a, b = desks
    session = programme.load(a).sessions[1]
    programme.save_session(a, replace(session, title_en="Title from desk A"), who=who_at(a, DESK_A))
    programme.save_session(b, replace(session, title_en="Title from desk B"), who=who_at(b, DESK_B))
    rounds((a, DESK_A), (b, DESK_B))
    for db in (a, b):
        assert [s.title_en for s in programme.load(db).sessions
                if s.id == session.id] == ["Title from desk B"]
    replaced = [r["reason"] for r in hub.review(a)]
    earlier = [r["reason"] for r in hub.review(b)]
    assert len(replaced) == 1 and "the later one stands" in replaced[0]
    assert "a session" in replaced[0]
    assert len(earlier) == 1 and "this desk's stands" in earlier[0]
    assert snapshot(a) == snapshot(b)


def test_a_change_sent_again_is_taken_once(desks, hub_url: str, monkeypatch) -> None:
    """Killed after the hub took the changes, before the desk wrote it down: the same
    changes go again with the same uuids, and the hub keeps one of each."""
    a, b = desks
    session = programme.load(a).sessions[2]
    programme.save_session(a, replace(session, expected=321), who=who_at(a, DESK_A))

    def killed(*_args: object) -> None:
        raise OSError("killed")

    monkeypatch.setattr(hub_row_changes, "agree", killed)
    assert not hub.sync_once(a, desk_id=DESK_A).online  # cut short: said as offline
    monkeypatch.undo()
    with psycopg.connect(hub_url) as conn:
        before = conn.execute("SELECT count(*) FROM hub_event WHERE kind = 'row'").fetchone()
    hub.sync_once(a, desk_id=DESK_A)
    with psycopg.connect(hub_url) as conn:
        after = conn.execute("SELECT count(*) FROM hub_event WHERE kind = 'row'").fetchone()
    assert before == after and before[0] >= 1
    hub.sync_once(b, desk_id=DESK_B)
    assert [s.expected for s in programme.load(b).sessions if s.id == session.id] == [321]
    assert state.pending(a, DESK_A) == 0


HOSTILE = [
    {"table": "sqlite_master", "key": [1], "row": None, "at": "x", "desk_id": "evil"},
    {"table": "session", "key": "1; DROP TABLE session", "row": None, "at": "x",
     "desk_id": "evil"},
    {"table": "session", "key": [1], "row": {"id": 1, "title_en); DROP TABLE x; --": 1},
     "at": "9999", "desk_id": "evil"},
    {"table": "session", "key": [1], "row": {"id": 2, "title_en": "wrong key"},
     "at": "9999", "desk_id": "evil"},
    {"table": "session", "key": [1], "row": {"id": 1, "kind": "party"}, "at": "9999",
     "desk_id": "evil"},
    {"table": "delegate_photo", "key": [5], "row": {"delegate_id": 5, "mime": "image/png",
                                                   "image": {"$b64": "%%% not base64"}},
     "at": "9999", "desk_id": "evil"},
    {"table": "session", "key": [424242], "row": {"id": 424242, "kind": "plenary",
                                                  "title_en": "In no room",
                                                  "room_id": 999999, "starts_at": "a",
                                                  "ends_at": "b"},
     "at": "9999", "desk_id": "evil"},
    {"table": "room", "key": [1], "row": None, "at": "9999", "desk_id": "evil"},
    {"table": "session", "key": [{"nested": 1}], "row": None, "at": "9999",
     "desk_id": "evil"},
    {"no": "fields"},
    # Seating (migration 31): a place no room has, a shape nobody knows, a language
    # nobody reads, a seat for a delegation that is not there.
    {"table": "seat", "key": [1, 999999], "row": {"session_id": 1, "place": 999999,
                                                  "delegation_id": 1, "locked": 0},
     "at": "9999", "desk_id": "evil"},
    {"table": "seating_layout", "key": [1], "row": {"room_id": 1, "shape": "pentagon",
                                                    "rows": 1, "per_row": 1, "podium": 0,
                                                    "accessible": "", "removed": ""},
     "at": "9999", "desk_id": "evil"},
    {"table": "seating_plan", "key": [1], "row": {"session_id": 1, "lang": "xx", "seed": 1,
                                                  "drawn_id": None, "podium": "",
                                                  "places": "", "at": "9999"},
     "at": "9999", "desk_id": "evil"},
    {"table": "seat", "key": [1, 5], "row": {"session_id": 1, "place": 5,
                                             "delegation_id": 987654, "locked": 0},
     "at": "9999", "desk_id": "evil"},
]


def test_hostile_row_changes_are_listed_and_change_nothing(desks, hub_url: str) -> None:
    a, b = desks
    before = snapshot(b)
    with psycopg.connect(hub_url) as conn:
        for n, row in enumerate(HOSTILE):
            conn.execute("INSERT INTO hub_event (uuid, kind, desk_id, desk_seq, row) VALUES"
                         " (%s, 'row', 'evil', %s, %s::jsonb)",
                         [f"hostile-{n}", n, json.dumps(row)])
    report = hub.sync_once(b, desk_id=DESK_B)
    assert report.online and report.refused == len(HOSTILE)
    assert snapshot(b) == before
    reasons = hub.review(b)
    assert len(reasons) == len(HOSTILE)
    assert all("not be taken in" in r["reason"] or "not taken in" in r["reason"]
               for r in reasons)
    assert hub.sync_once(b, desk_id=DESK_B).refused == 0
    assert "session" in b.table_names()


def test_review_reasons_in_russian(desks) -> None:
    a, b = desks
    session = programme.load(a).sessions[1]
    programme.save_session(a, replace(session, organizer="A"), who=who_at(a, DESK_A))
    programme.save_session(b, replace(session, organizer="B"), who=who_at(b, DESK_B))
    rounds((a, DESK_A), (b, DESK_B))
    from bsm_desk.translations import translate_function

    words = translate_function("ru")
    reason = hub.review(a, words)[0]["reason"]
    assert "сеанс" in reason.lower() or "заседани" in reason.lower(), reason


def test_row_words_name_the_table() -> None:
    detail = {"table": "roster_assignment", "key": [3, "ru", 7], "desk": "d", "at": "t"}
    assert rows.words(lambda _c, text: text, detail)["what"] == "a seat in a booth (3, ru, 7)"


def test_a_row_the_hub_cannot_hold_is_listed_and_the_rest_go_on(desks) -> None:
    """PostgreSQL's text holds no NUL character: a scanner sending one, or a row written
    by hand into the file. That one event is listed on its desk; the others travel."""
    from bsm_desk.services import checkin
    from tests.services.hub.test_hub import DAY_ONE, codes

    a, b = desks
    sessions = programme.load(a).sessions
    a.execute("UPDATE session SET organizer = ? WHERE id = ?", ["nul\x00here", sessions[3].id])
    programme.save_session(a, replace(sessions[4], expected=55), who=who_at(a, DESK_A))
    point = checkin.default_checkpoint(a, DAY_ONE).id
    checkin.check_in(a, "BSM\x00garbage", point, who=who_at(a, DESK_A), now=DAY_ONE)
    checkin.check_in(a, codes(a, 1)[0], point, who=who_at(a, DESK_A), now=DAY_ONE)
    report = hub.sync_once(a, desk_id=DESK_A)
    assert report.online
    refused = [r for r in hub.review(a) if r["kind"] == "pushed"]
    assert len(refused) == 2 and all("refused" in r["reason"] for r in refused)
    assert hub.sync_once(a, desk_id=DESK_A).pushed == 0  # listed once, not retried
    hub.sync_once(b, desk_id=DESK_B)
    assert [s.expected for s in programme.load(b).sessions if s.id == sessions[4].id] == [55]
    assert len(state.checkin_uuids(b)) == len(state.checkin_uuids(a)) - 1


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12),
                                                                 inner, max_size=4),
    max_leaves=12)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.fixed_dictionaries({
    "table": st.sampled_from([t.name for t in hub_row_changes.TABLES] + ["delegate", "x; --"]),
    "key": json_values, "row": json_values, "at": json_values, "desk_id": json_values}))
def test_any_row_change_from_the_hub_is_taken_or_listed(demo_copy: Path, raw) -> None:
    """Whatever a damaged hub sends as a row change: taken in, or listed; never raised."""
    with closing(connect(demo_copy)) as db:
        before = len(state.reviews(db))
        taken, refused = rows.take(db, "fuzz", raw, DESK_B)
        assert not (taken and refused)
        assert refused == (len(state.reviews(db)) > before) or not refused
        db.execute("DELETE FROM sync_review")


def test_operators_and_the_sealed_key_travel(desks, tmp_path: Path) -> None:
    """An operator added at one desk signs in at another; the event sealed at one desk
    unlocks at the other with the same passphrase, and a passport changed there arrives
    sealed and readable."""
    from bsm_desk.domain.errors import UserError
    from bsm_desk.domain.operators import Role
    from bsm_desk.services import operators, registry
    from bsm_desk.services.operators import keystore, privacy
    from bsm_desk.store import audit
    from bsm_desk.store import delegates as delegate_store
    from bsm_desk.store import privacy as sealing

    a, b = desks
    try:
        operators.add_operator(a, "Root", Role.ADMINISTRATOR, "root-password",
                               passphrase="dushanbe-passphrase", who=who_at(a, DESK_A))
        operators.sign_in(a, "Root", "root-password", desk_id=DESK_A)
        operators.add_operator(a, "Aliya", Role.DESK, "482915", who=who_at(a, DESK_A))
        keystore.drop(a)  # B is another computer: it does not keep A's key
        person = a.execute("SELECT id FROM delegate WHERE passport_no <> '' LIMIT 1"
                           ).fetchone()[0]
        registry.save_delegate(a, replace(delegate_store.get_delegate(a, person),
                                          passport_no="N7771234"), who=who_at(a, DESK_A))
        rounds((a, DESK_A), (b, DESK_B))
        # Without the event's key, B cannot check a password: it says so, and counts
        # no attempt against the name.
        with pytest.raises(UserError, match="does not hold the event's key"):
            operators.sign_in(b, "Aliya", "482915", desk_id=DESK_B)
        assert "passport_no" in delegate_store.get_delegate(b, person).sealed
        clear = b.execute("SELECT passport_no FROM delegate WHERE passport_no NOT LIKE"
                          " 'enc1:%' AND passport_no <> '' LIMIT 1").fetchone()[0]
        privacy.unlock(b, "dushanbe-passphrase")  # and B seals its own copy
        assert operators.sign_in(b, "Aliya", "482915", desk_id=DESK_B).role is Role.DESK
        assert delegate_store.get_delegate(b, person).passport_no == "N7771234"
        path = Path(b.execute("PRAGMA database_list").fetchone()[2])
        raw = b"".join(p.read_bytes() for p in (path, path.with_name(path.name + "-wal"))
                       if p.exists())
        assert clear.encode() not in raw
        from bsm_desk.services.operators import trail

        assert trail.verify(b).ok
        assert hub.review(b) == []
    finally:
        audit.SIGNED.clear()
        sealing.KEYS.clear()


def test_the_hub_obeys_the_same_rules(desks) -> None:
    """Once the event has operators, a desk takes in a delegate edit only if its operator
    may edit delegates (a desk that bypassed its checks is listed, not obeyed), and lists
    a check-in by someone who is no operator (counted: the person was let in)."""
    from bsm_desk.domain.operators import Role
    from bsm_desk.services import operators
    from bsm_desk.store import audit, history
    from bsm_desk.store import delegates as delegate_store
    from tests.services.hub.test_hub import DAY_ONE, codes

    a, b = desks
    try:
        operators.add_operator(a, "Root", Role.ADMINISTRATOR, "root-password",
                               passphrase="dushanbe-passphrase", who=who_at(a, DESK_A))
        operators.sign_in(a, "Root", "root-password", desk_id=DESK_A)
        operators.add_operator(a, "Aliya", Role.DESK, "482915", who=who_at(a, DESK_A))
        rounds((a, DESK_A), (b, DESK_B))
        # Desk A's file changed behind its services: an edit in Aliya's name.
        person = delegate_store.get_delegate(a, 12)
        delegate_store.update_delegate(a, replace(person, function_en="Rogue title"))
        history.record(a, 12, desk_id=DESK_A, operator="Aliya", action="updated",
                       changes={"function_en": [person.function_en, "Rogue title"]})
        from bsm_desk.services import checkin

        point = checkin.default_checkpoint(a, DAY_ONE).id
        a.execute("INSERT INTO checkin (uuid, checkpoint, delegate_id, badge_version,"
                  " verdict, accepted, at, desk_id, operator) VALUES ('ghost-1', ?, 14, 1,"
                  " 'OK', 1, '2999-01-01T00:00:00+00:00', ?, 'Ghost')", [point, DESK_A])
        rounds((a, DESK_A), (b, DESK_B))
        assert delegate_store.get_delegate(b, 12).function_en == person.function_en
        reasons = [r["reason"] for r in hub.review(b)]
        assert any("by Aliya, who may not edit delegates" in r for r in reasons)
        assert any("by Ghost, who is not an operator" in r for r in reasons)
        assert "ghost-1" in state.checkin_uuids(b)
        from bsm_desk.translations import translate_function

        said = " ".join(r["reason"] for r in hub.review(b, translate_function("ru")))
        assert "изменять данные участников" in said
        del codes
    finally:
        audit.SIGNED.clear()


def test_two_desks_inscribe_one_delegation_while_apart(desks) -> None:
    """Each desk inscribes a member of the same delegation for a statement on the same
    list while they cannot see each other: after they meet, both lists hold both entries
    (the same list everywhere), and each desk lists the clash for the chair, in words."""
    from bsm_desk.services import badges, checkin
    from bsm_desk.store import delegates as delegate_store
    from tests.services.hub.test_hub import DAY_ONE

    a, b = desks
    plenary = programme.load(a).sessions[0]
    assert plenary.id is not None
    head = delegate_store.get_delegate(a, 12)
    assert head is not None
    team = [d for d in badges.select(a) if delegate_store.get_delegate(a, d) and
            delegate_store.get_delegate(a, d).delegation_id == head.delegation_id][:2]  # type: ignore[union-attr]
    assert len(team) == 2
    for db, desk, person in ((a, DESK_A, team[0]), (b, DESK_B, team[1])):
        code = dict(badges.codes(db, [person]))[person]
        point = checkin.default_checkpoint(db, DAY_ONE).id
        assert checkin.check_in(db, code, point, who=who_at(db, desk), now=DAY_ONE).accepted
        speakers.inscribe(db, plenary.id, person, who=who_at(db, desk), now=DAY_ONE)
    rounds((a, DESK_A), (b, DESK_B))
    for db in (a, b):
        listed = [e for e in speakers.speaker_list(db, plenary.id, now=DAY_ONE).entries
                  if e.delegate_id in team]
        assert len(listed) == 2
        clash = [r["reason"] for r in hub.review(db) if r["kind"] == "speakers"]
        assert len(clash) == 1 and "already has a statement on this list" in clash[0]
        assert "the chair decides" in clash[0]
    assert snapshot(a)["speaker_entry"] == snapshot(b)["speaker_entry"]
    from bsm_desk.translations import translate_function

    said = " ".join(r["reason"] for r in hub.review(a, translate_function("ru")))
    assert "уже" in said


def test_a_desk_whose_clock_is_years_ahead_does_not_win_for_good(desks) -> None:
    """A session retitled at a desk whose clock says 2029, then at a desk with the right
    time that has seen it: every desk ends with the later title (a hybrid clock orders
    the second after the first whatever the wall clocks say)."""
    a, b = desks
    rounds((a, DESK_A), (b, DESK_B))
    a.execute("INSERT OR REPLACE INTO sync_state (name, value) VALUES ('hlc',"
              " '2029-06-01T00:00:00.000Z')")  # desk A's clock, years ahead
    session = programme.load(a).sessions[0]
    programme.save_session(a, replace(session, title_en="Title by A"), who=who_at(a, DESK_A))
    assert a.execute("SELECT at FROM sync_changed WHERE tbl = 'session'").fetchone()[0] \
        .startswith("2029")
    rounds((a, DESK_A), (b, DESK_B))
    assert programme.load(b).sessions[0].title_en == "Title by A"
    later = programme.load(b).sessions[0]
    programme.save_session(b, replace(later, title_en="Title by B"), who=who_at(b, DESK_B))
    for _ in range(3):
        rounds((a, DESK_A), (b, DESK_B))
    assert programme.load(a).sessions[0].title_en == "Title by B"
    assert programme.load(b).sessions[0].title_en == "Title by B"
    assert snapshot(a)["session"] == snapshot(b)["session"]


def test_an_interpreter_or_a_room_booked_twice_from_two_desks_is_listed(desks) -> None:
    """While apart, each desk seats the same interpreter at the same time in another
    booth, and each puts a side event in the same room at the same time: after they
    meet, both desks hold both (the same everywhere) and each lists the clash."""
    a, b = desks
    rounds((a, DESK_A), (b, DESK_B))
    sessions = programme.load(a).sessions
    plenary = sessions[0]
    person = interpreter_store.all_interpreters(a)[0].id
    interpreter_store.replace_seats(a, {(plenary.id, "ru"): [(person, True)]})
    interpreter_store.replace_seats(b, {(plenary.id, "en"): [(person, True)]})
    start = plenary.starts_at
    room = programme.load(a).rooms[-1].id
    for db, desk, title in ((a, DESK_A, "Side A"), (b, DESK_B, "Side B")):
        programme.save_session(db, Session(
            SessionKind.SIDE_EVENT, title, title, start + timedelta(hours=30),
            start + timedelta(hours=31), room_id=room, access=(1,)), who=who_at(db, desk))
    for _ in range(2):
        rounds((a, DESK_A), (b, DESK_B))
    assert snapshot(a)["roster_assignment"] == snapshot(b)["roster_assignment"]
    assert snapshot(a)["session"] == snapshot(b)["session"]
    for db in (a, b):
        said = [r for r in hub.review(db) if r["kind"] in ("roster", "room")]
        assert {r["kind"] for r in said} == {"roster", "room"}
        assert any("is also seated at" in r["reason"] for r in said)
        assert any("holds at the same time" in r["reason"] for r in said)


def test_a_seating_plan_travels_to_the_other_desk(desks) -> None:
    """A plan made at one desk (its layout, its draw, its seats, a move by hand) is the
    plan at the other after a round each; the nameplates print there the same."""
    from bsm_desk.domain.seating import Layout, Shape
    from bsm_desk.services import seating

    a, b = desks
    who = who_at(a, DESK_A)
    session = programme.load(a).sessions[0]
    seating.set_layout(a, session.room_id, Layout(Shape.U_SHAPE, 1, 30, podium=3), who=who)
    made = seating.make_plan(a, session.id, who=who, lot=42, lang="ru")
    first = made.seated()[0]
    seating.move(a, session.id, first.id, [60, 61], who=who)
    rounds((a, DESK_A), (b, DESK_B))
    there = seating.plan_of(b, session.id)
    here = seating.plan_of(a, session.id)
    assert (there.seed, there.lang, there.drawn) == (42, "ru", made.drawn)
    assert there.seats == here.seats and there.layout == here.layout
    assert there.seats[60] == (first.id, True)
