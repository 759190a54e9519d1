"""Who acts is one object, made at sign-in (or for a desk where nobody signs in), that the
services take and check: not a name or a desk a caller types."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlite_utils import Database

from bsm_desk.domain.model import ReissueReason
from bsm_desk.domain.operators import Refused, Role
from bsm_desk.services import badges, operators, speakers
from bsm_desk.services.operators.acting import Acting
from bsm_desk.store import connect
from tests.services.operators.conftest import DESK, NAMES, SECRETS, sign_in_as


def test_nobody_makes_one_by_hand() -> None:
    with pytest.raises(TypeError, match="never by hand"):
        Acting("event.sqlite", DESK, "Desk 1", "Dilnoza Karimova", Role.ADMINISTRATOR, 1)


def test_sign_in_makes_who_acts_with_the_operator_role_and_desk(staffed: Database) -> None:
    who = operators.sign_in(staffed, NAMES[Role.REGISTRAR], SECRETS[Role.REGISTRAR],
                            desk_id=DESK, desk_name="Desk 1")
    assert (who.name, who.role, who.desk_id, who.desk_name) == (
        NAMES[Role.REGISTRAR], Role.REGISTRAR, DESK, "Desk 1")
    assert operators.current(staffed) is who
    assert "secret" not in repr(who) and "key" not in repr(who)


@pytest.mark.parametrize("given", [None, "Dilnoza Karimova", DESK,
                                   {"desk_id": DESK, "operator": "Dilnoza Karimova"}])
def test_a_service_called_without_the_object_is_refused(staffed: Database,
                                                        given: object) -> None:
    sign_in_as(staffed, Role.ADMINISTRATOR)  # even with an administrator signed in
    with pytest.raises(TypeError, match="must be an Acting"):
        badges.reissue(staffed, 3, ReissueReason.DAMAGED, who=given)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        badges.reissue(staffed, 3, ReissueReason.DAMAGED)  # type: ignore[call-arg]


def test_who_acts_is_good_until_sign_out(staffed: Database) -> None:
    who = operators.sign_in(staffed, NAMES[Role.SUPERVISOR], SECRETS[Role.SUPERVISOR],
                            desk_id=DESK)
    assert badges.reissue(staffed, 3, ReissueReason.LOST, who=who) == 2
    operators.sign_out(staffed)
    with pytest.raises(Refused, match="sign in first"):
        badges.reissue(staffed, 3, ReissueReason.LOST, who=who)
    assert operators.current(staffed) is None


def test_an_operator_signed_in_after_does_not_revive_the_earlier_object(
        staffed: Database) -> None:
    supervisor = operators.sign_in(staffed, NAMES[Role.SUPERVISOR], SECRETS[Role.SUPERVISOR],
                                   desk_id=DESK)
    operators.sign_in(staffed, NAMES[Role.DESK], SECRETS[Role.DESK], desk_id=DESK)
    with pytest.raises(Refused, match="sign in first"):  # not the supervisor's any more
        badges.reissue(staffed, 3, ReissueReason.LOST, who=supervisor)


def test_the_desk_itself_may_do_nothing_once_the_event_has_operators(
        staffed: Database) -> None:
    desk = operators.at_desk(staffed, desk_id=DESK, desk_name="Dilnoza Karimova")
    with pytest.raises(Refused, match="sign in first"):
        badges.reissue(staffed, 3, ReissueReason.DAMAGED, who=desk)
    assert desk.role is None and not desk.signed_in


def test_who_acts_at_one_event_cannot_act_at_another(staffed: Database,
                                                     demo_copy: Path) -> None:
    other_path = demo_copy.with_name("other.sqlite")
    shutil.copy(demo_copy, other_path)  # the same event, another file
    with connect(other_path) as other:
        with pytest.raises(ValueError, match="another event file"):
            speakers.close(other, 1, who=operators.at_desk(staffed, desk_id=DESK))
        admin = operators.sign_in(staffed, NAMES[Role.ADMINISTRATOR],
                                  SECRETS[Role.ADMINISTRATOR], desk_id=DESK)
        with pytest.raises(ValueError, match="another event file"):
            speakers.close(other, 1, who=admin)


def test_without_operators_the_desk_acts_and_its_name_is_recorded(demo_copy: Path) -> None:
    with connect(demo_copy) as db:
        desk = operators.at_desk(db, desk_id=DESK, desk_name="Door B")
        badges.reissue(db, 3, ReissueReason.DAMAGED, who=desk)
        row = db.execute("SELECT desk_id, operator FROM badge_issue ORDER BY rowid DESC"
                         " LIMIT 1").fetchone()
        assert tuple(row) == (DESK, "Door B")
        entry = db.execute("SELECT desk_id, operator FROM audit WHERE tbl = 'badge_issue'"
                           " ORDER BY id DESC LIMIT 1").fetchone()
        assert tuple(entry) == (DESK, "Door B")


def test_no_key_shows_in_a_repr(staffed: Database) -> None:
    """What a log line or an error report prints of an object holds no key: the event's
    badge secret, an operator's signing key."""
    from bsm_desk.services.checkin import Desk, checkpoints
    from bsm_desk.store import event as event_store

    event = event_store.get_event(staffed)
    assert event is not None and event.secret and event.secret.hex() not in repr(event) \
        and repr(event.secret) not in repr(event)
    who = operators.sign_in(staffed, NAMES[Role.DESK], SECRETS[Role.DESK], desk_id=DESK)
    assert who.signed is not None and who.signed.key is not None
    desk = Desk.open(staffed, checkpoints(staffed)[0].id, who=who)
    assert repr(event.secret) not in repr(desk) and repr(who.signed.key) not in repr(desk)


def test_a_copy_with_another_role_or_name_is_refused(staffed: Database) -> None:
    """dataclasses.replace copies the object with its mark: the check compares it with
    what sign-in made, so a desk operator cannot promote a copy of themselves."""
    import dataclasses

    who = operators.sign_in(staffed, NAMES[Role.DESK], SECRETS[Role.DESK], desk_id=DESK)
    promoted = dataclasses.replace(who, role=Role.ADMINISTRATOR)
    with pytest.raises(Refused, match="sign in first"):
        badges.reissue(staffed, 3, ReissueReason.LOST, who=promoted)
    renamed = dataclasses.replace(who, name=NAMES[Role.ADMINISTRATOR])
    with pytest.raises(Refused, match="sign in first"):
        speakers.close(staffed, 1, who=renamed)
    with pytest.raises(Refused, match="may not"):  # the object as made: its own role
        badges.reissue(staffed, 3, ReissueReason.LOST, who=who)
