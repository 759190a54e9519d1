from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bsm_desk.domain import badge_code
from bsm_desk.domain.checkin import Kind
from bsm_desk.domain.errors import UserError
from bsm_desk.domain.model import ReissueReason
from bsm_desk.services import badges, registry
from bsm_desk.services.checkin import Desk, check_in, checkpoints, default_checkpoint
from bsm_desk.store import connect
from bsm_desk.store.event import get_event
from tests.acting import who_at
from tests.conftest import DESK

ENTRANCE = "entrance-2022-10-18"
MORNING = datetime(2022, 10, 18, 4, 30, tzinfo=UTC)


@pytest.fixture
def db(demo_copy: Path):
    database = connect(demo_copy)
    yield database
    database.close()


def code_of(db, delegate_id: int) -> str:
    return dict(badges.codes(db, [delegate_id]))[delegate_id]


def closed_session_checkpoint(db) -> str:
    return next(c.id for c in checkpoints(db) if c.session is not None
                and c.session.kind.value == "closed")


def test_checkpoints_are_each_day_and_each_session(db):
    found = checkpoints(db)
    assert [c.id for c in found[:2]] == ["entrance-2022-10-18", "entrance-2022-10-19"]
    assert len(found) == 2 + 11
    assert all(c.readmit for c in found[:2]) and not any(c.readmit for c in found[2:])
    assert default_checkpoint(db).id == ENTRANCE  # outside the event: its first day


def test_ok_then_already_with_when_and_where(db):
    first = badges.select(db, delegation="Tajikistan")[0]
    desk = Desk.open(db, ENTRANCE, who=who_at(db, DESK, "Desk 1"))
    verdict = desk.scan(code_of(db, first), now=MORNING)
    assert (verdict.kind, verdict.accepted, verdict.delegate_id) == (Kind.OK, True, first)
    assert verdict.name_latin and verdict.name_cyrillic and verdict.delegation_en
    again = desk.scan(code_of(db, first))
    assert (again.kind, again.accepted) == (Kind.ALREADY, True)  # re-entry at the entrance
    assert again.earlier.at == MORNING and again.earlier.desk_name == "Desk 1"
    stored = db.execute("SELECT verdict, accepted, desk_id, badge_version FROM checkin"
                        " ORDER BY at").fetchall()
    assert stored == [("OK", 1, DESK, 1), ("ALREADY", 1, DESK, 1)]


def test_not_allowed_at_a_closed_session(db):
    door = closed_session_checkpoint(db)
    media = badges.select(db, category="media")[0]
    head = badges.select(db, category="hod")[0]
    desk = Desk.open(db, door, who=who_at(db, DESK))
    assert desk.scan(code_of(db, media)).kind is Kind.NOT_ALLOWED
    assert desk.scan(code_of(db, head)).kind is Kind.OK
    second = desk.scan(code_of(db, head))
    assert (second.kind, second.accepted) == (Kind.ALREADY, False)  # doors: no re-entry


def test_revoked_cancelled_unknown_forged_wrong_event(db):
    lost, gone = badges.select(db)[:2]
    old = code_of(db, lost)
    badges.reissue(db, lost, ReissueReason.LOST, who=who_at(db, DESK))
    registry.cancel(db, [gone], who=who_at(db, DESK))
    event = get_event(db)
    desk = Desk.open(db, ENTRANCE, who=who_at(db, DESK))
    revoked = desk.scan(old)
    assert revoked.kind is Kind.REVOKED and revoked.replaced_at is not None
    assert desk.scan(code_of(db, lost)).kind is Kind.OK
    assert desk.scan(badge_code.make(event.code, event.secret, gone, 1)).kind is Kind.CANCELLED
    assert desk.scan(badge_code.make(event.code, event.secret, 99999, 1)).kind is Kind.UNKNOWN
    assert desk.scan(old[:-1] + ("A" if old[-1] != "A" else "B")).kind is Kind.FORGED
    assert desk.scan("http://example.org").kind is Kind.FORGED
    assert desk.scan(badge_code.make("OSCE23", b"x", 5, 1)).kind is Kind.WRONG_EVENT
    count = db.execute("SELECT count(*) FROM checkin").fetchone()[0]
    assert count == 7  # every scan is recorded, refusals too


def test_search_admission_and_undo(db):
    someone = badges.select(db)[3]
    desk = Desk.open(db, ENTRANCE, who=who_at(db, DESK))
    verdict = desk.admit(someone)
    assert verdict.kind is Kind.OK and verdict.method == "search"
    assert not verdict.badge_printed  # the desk then offers to print it
    undone = desk.undo_last("wrong person")
    assert undone.delegate_id == someone
    assert desk.admit(someone).kind is Kind.OK  # the undone check-in no longer counts
    rows = db.execute("SELECT verdict, reason FROM checkin ORDER BY rowid").fetchall()
    assert rows == [("OK", ""), ("UNDO", "wrong person"), ("OK", "")]
    with pytest.raises(UserError, match="#999999"):
        desk.admit(999999)


def test_counters_by_category(db):
    door = closed_session_checkpoint(db)
    desk = Desk.open(db, door, who=who_at(db, DESK))
    heads = badges.select(db, category="hod")
    for delegate_id in heads[:3]:
        desk.scan(code_of(db, delegate_id))
    counted = {c.code: (done, expected) for c, done, expected in desk.counters()}
    assert counted["hod"] == (3, len(heads))
    assert "media" not in counted  # not allowed in, not expected
    assert len(desk.recent()) == 3


def test_unknown_checkpoint_is_a_user_error(db):
    with pytest.raises(UserError, match="no checkpoint"):
        check_in(db, "x", "entrance-1999-01-01", who=who_at(db, DESK))


def test_counted_in_until_every_standing_check_in_is_undone(db):
    someone = badges.select(db, category="delegate")[0]
    desk = Desk.open(db, ENTRANCE, who=who_at(db, DESK))
    desk.scan(code_of(db, someone))
    desk.scan(code_of(db, someone))  # re-entry: accepted again
    counted = lambda: {c.code: n for c, n, _ in Desk.open(  # noqa: E731
        db, ENTRANCE, who=who_at(db, DESK)).counters()}.get("delegate", 0)
    assert counted() == 1
    desk.undo_last("scanned twice")
    assert counted() == 1  # the first check-in still stands
    desk.undo_last("not here after all")
    assert counted() == 0
    with pytest.raises(UserError, match="nothing|no check-in"):
        desk.undo_last("again")
