from datetime import UTC, date, datetime

import pytest

from bsm_desk.domain.badge_code import Checked, Outcome
from bsm_desk.domain.checkin import (
    ENTRANCE,
    SESSION,
    Checkpoint,
    Earlier,
    Kind,
    Person,
    decide,
    looks_like_a_name,
)
from bsm_desk.domain.model import Access, Category, DelegateStatus, Session, SessionKind

DAY = date(2022, 10, 18)
MEDIA = Category("media", "Media", "СМИ", access=Access.OPEN, id=8)
HOD = Category("hod", "Head of Delegation", "Глава делегации", access=Access.ALL, id=1)
CLOSED = Session(SessionKind.CLOSED, "Heads of Delegation", "Главы делегаций",
                 datetime(2022, 10, 18, 6, 30, tzinfo=UTC), datetime(2022, 10, 18, 8, tzinfo=UTC),
                 access=(1,), id=3)
ENTRY = Checkpoint(Checkpoint.entrance_id(DAY), ENTRANCE, DAY, readmit=True)
DOOR = Checkpoint(Checkpoint.session_id(3), SESSION, DAY, CLOSED, readmit=False)
VALID = Checked(Outcome.VALID, 7, 2, "BSM22")
EARLIER = Earlier(datetime(2022, 10, 18, 4, 0, tzinfo=UTC), "desk-1", "Desk 1")


def person(**changes):
    values = dict(delegate_id=7, status=DelegateStatus.ACCREDITED, merged=False, category=HOD,
                  current_version=2)
    values.update(changes)
    return Person(**values)


@pytest.mark.parametrize("checked, who, where, earlier, kind, accepted", [
    (VALID, person(), ENTRY, None, Kind.OK, True),
    (VALID, person(), ENTRY, EARLIER, Kind.ALREADY, True),  # re-entry at the entrance
    (VALID, person(), DOOR, EARLIER, Kind.ALREADY, False),  # a second entry at a door
    (VALID, person(category=MEDIA), DOOR, None, Kind.NOT_ALLOWED, False),
    (VALID, person(category=MEDIA), ENTRY, None, Kind.OK, True),
    (VALID, person(current_version=3), ENTRY, None, Kind.REVOKED, False),
    (VALID, person(status=DelegateStatus.CANCELLED), ENTRY, None, Kind.CANCELLED, False),
    (VALID, None, ENTRY, None, Kind.UNKNOWN, False),
    (VALID, person(merged=True), ENTRY, None, Kind.UNKNOWN, False),
    (Checked(Outcome.FORGED), None, ENTRY, None, Kind.FORGED, False),
    (Checked(Outcome.WRONG_EVENT, event_code="OSCE23"), None, ENTRY, None,
     Kind.WRONG_EVENT, False),
])
def test_each_scan_gets_exactly_one_verdict(checked, who, where, earlier, kind, accepted):
    decision = decide(checked, who, where, earlier)
    assert (decision.kind, decision.accepted) == (kind, accepted)


def test_the_verdicts_carry_their_reasons():
    assert decide(VALID, person(), ENTRY, EARLIER).earlier == EARLIER
    replaced = datetime(2022, 10, 18, 9, 0, tzinfo=UTC)
    assert decide(VALID, person(current_version=3, replaced_at=replaced), ENTRY,
                  None).replaced_at == replaced
    assert decide(Checked(Outcome.WRONG_EVENT, event_code="OSCE23"), None, ENTRY,
                  None).event_code == "OSCE23"


@pytest.mark.parametrize("text, name", [
    ("Rakhmonov", True), ("Раҳмонов Ҷаҳонгир", True), ("O'Neill", True),
    ("Abdurakhmonzoda-Nurmukhammedovna", True), ("Bekmag", True),
    ("B1-BSM22-417-2-K7Q3M2XW4HDPZ5RA", False), ("И1-ИЫЬ22-417-2", False),
    ("https://example.org/x", False), ("12345", False), ("", False),
])
def test_names_and_codes_are_told_apart(text, name):
    assert looks_like_a_name(text) is name
