"""Editing, bulk changes with undo, delegation summaries, duplicates and merging."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from bsm_desk.domain.errors import UserError
from bsm_desk.domain.model import DelegateStatus, Delegation, DelegationType, Gender
from bsm_desk.domain.people import Delegate
from bsm_desk.services import registry
from bsm_desk.services.event.making import NewEvent, create_event
from bsm_desk.services.registry import duplicates
from bsm_desk.store import atomic, delegations, history
from bsm_desk.store import delegates as store
from bsm_desk.store.delegate_lists import search_ids
from tests.acting import who_at
from tests.conftest import DESK


def zarina(db):  # type: ignore[no-untyped-def]
    return who_at(db, DESK, "Zarina")



@pytest.fixture
def db(tmp_path: Path):
    db = create_event(tmp_path / "r.sqlite", NewEvent(
        "Registry test", date(2022, 10, 18), date(2022, 10, 19), "Asia/Dushanbe"), desk_id=DESK)
    with atomic(db):
        delegations.add_delegation(db, Delegation("Tajikistan", "Таджикистан",
                                                  DelegationType.MEMBER_STATE, "TJ",
                                                  size_limit=2))
        delegations.add_delegation(db, Delegation("Kazakhstan", "Казахстан",
                                                  DelegationType.MEMBER_STATE, "KZ"))
    return db


def person(**values) -> Delegate:
    base = dict(family_name="Rahmonov", given_name="Jamshed", delegation_id=1, category_id=2,
                gender=Gender.MALE)
    base.update(values)
    return Delegate(**base)  # type: ignore[arg-type]


def test_add_and_edit_are_recorded_in_history(db) -> None:
    new_id = registry.save_delegate(db, person(email="j@mfa.tj"), who=zarina(db))
    saved = store.get_delegate(db, new_id)
    registry.save_delegate(db, replace(saved, function_en="Minister", family_name_cyr="Раҳмонов"),
                           who=zarina(db))
    entries = history.for_delegate(db, new_id)
    assert [e.action for e in entries] == ["created", "updated"]
    assert entries[1].changes == {"family_name_cyr": ["", "Раҳмонов"],
                                  "function_en": ["", "Minister"]}
    assert entries[1].operator == "Zarina" and entries[1].desk_id == DESK
    assert search_ids(db, "Раҳмонов") == [new_id]


@pytest.mark.parametrize(("changes", "field"), [
    ({"family_name": ""}, "family name"),
    ({"family_name": "Раҳмонов"}, "Latin letters"),
    ({"family_name_cyr": "Rahmonov"}, "Cyrillic letters"),
    ({"email": "nope"}, "not an e-mail"),
    ({"delegation_id": 0}, "delegation"),
])
def test_invalid_records_are_not_saved(db, changes: dict, field: str) -> None:
    with pytest.raises(UserError, match=field):
        registry.save_delegate(db, person(**changes), who=zarina(db))
    assert store.all_delegates(db) == []


def test_bulk_actions_and_their_undo(db) -> None:
    ids = [registry.save_delegate(db, person(given_name=n),
                                  who=zarina(db)) for n in ("A", "B", "C")]
    before = registry.mark_credentials(db, ids[:2], date(2022, 10, 17), who=zarina(db))
    people = {d.id: d for d in store.all_delegates(db)}
    assert people[ids[0]].status is DelegateStatus.ACCREDITED
    assert people[ids[0]].credentials_received == date(2022, 10, 17)
    assert people[ids[2]].status is DelegateStatus.REGISTERED
    registry.restore(db, before, who=zarina(db))
    people = {d.id: d for d in store.all_delegates(db)}
    assert people[ids[0]].status is DelegateStatus.REGISTERED
    assert people[ids[0]].credentials_received is None
    assert [e.action for e in history.for_delegate(db, ids[0])] == [
        "created", "accredited", "undone"]
    registry.cancel(db, [ids[2]], who=zarina(db))
    assert store.get_delegate(db, ids[2]).status is DelegateStatus.CANCELLED
    registry.set_category(db, ids, 1, who=zarina(db))
    assert {d.category_id for d in store.all_delegates(db)} == {1}


def test_delegation_summary_warns_over_the_limit(db) -> None:
    registry.save_delegate(db, person(given_name="Head", category_id=1), who=zarina(db))
    for name in ("B", "C"):
        registry.save_delegate(db, person(given_name=name, gender=Gender.FEMALE), who=zarina(db))
    summary = registry.delegation_summary(db, 1)
    assert summary.members == 3 and summary.women == 2
    assert summary.head is not None and summary.head.given_name == "Head"
    assert summary.over_limit == 1
    assert registry.delegation_summary(db, 2).over_limit == 0
    assert registry.delegation_summary(db, 99) is None


def test_the_same_person_in_two_scripts_is_a_likely_duplicate(db) -> None:
    a = registry.save_delegate(db, person(), who=zarina(db))
    b = registry.save_delegate(db, person(family_name="Rakhmonov", given_name="Dzhamshed",
                                          family_name_cyr="Раҳмонов", given_name_cyr="Ҷамшед"),
                               who=zarina(db))
    registry.save_delegate(db, person(given_name="Farrukh"), who=zarina(db))  # a brother
    registry.save_delegate(db, person(delegation_id=2), who=zarina(db))  # a namesake elsewhere
    pairs = duplicates.find_duplicates(db)
    assert [p.ids for p in pairs] == [(a, b)]
    assert pairs[0].reason == duplicates.SAME_NAME


def test_same_email_and_similar_names(db) -> None:
    a = registry.save_delegate(db, person(email="j@mfa.tj"), who=zarina(db))
    b = registry.save_delegate(db, person(family_name="Smith", delegation_id=2,
                                          email="J@MFA.TJ"), who=zarina(db))
    c = registry.save_delegate(db, person(family_name="Rahmonov", given_name="Jamshid"),
                               who=zarina(db))
    reasons = {p.ids: p.reason for p in duplicates.find_duplicates(db)}
    assert reasons[(a, b)] == duplicates.SAME_EMAIL
    assert reasons[(a, c)] == duplicates.SIMILAR_NAME
    only_b = duplicates.find_duplicates(db, among=[b])
    assert [p.ids for p in only_b] == [(a, b)]


def test_dismissed_pairs_are_not_proposed_again(db) -> None:
    a = registry.save_delegate(db, person(), who=zarina(db))
    b = registry.save_delegate(db, person(given_name="Jamshid"), who=zarina(db))
    duplicates.dismiss(db, b, a, who=who_at(db, DESK))
    assert duplicates.find_duplicates(db) == []


def test_merge_keeps_one_record_and_both_histories(db) -> None:
    keep = registry.save_delegate(db, person(email="j@mfa.tj"), who=zarina(db))
    drop = registry.save_delegate(db, person(family_name_cyr="Раҳмонов", given_name_cyr="Ҷамшед",
                                             phone="+992 900"), who=zarina(db))
    merged = duplicates.merge(db, keep, drop, who=zarina(db))
    assert (merged.family_name_cyr, merged.phone, merged.email) == ("Раҳмонов", "+992 900",
                                                                    "j@mfa.tj")
    assert [d.id for d in store.all_delegates(db)] == [keep]
    assert store.get_delegate(db, drop).merged_into == keep  # kept, not deleted
    assert search_ids(db, "Раҳмонов") == [keep]
    assert [e.action for e in history.for_delegate(db, keep)] == ["created", "merged"]
    assert [e.action for e in history.for_delegate(db, drop)] == ["created", "merged_into"]
    with pytest.raises(UserError, match="cannot be merged"):
        duplicates.merge(db, keep, drop, who=zarina(db))


def test_merging_keeps_every_check_in_of_both(demo_copy) -> None:  # type: ignore[no-untyped-def]
    """Issue 28: a duplicate let in on day one, the kept record on day two: after the
    merge the kept record is present both days, each day counts the person once, and a
    scan of the kept record where the duplicate was let in is a second scan."""
    from contextlib import closing
    from datetime import UTC, date, datetime

    from bsm_desk.domain.checkin import Checkpoint
    from bsm_desk.services.checkin import Desk
    from bsm_desk.services.reports import attendance
    from bsm_desk.store import checkins, connect

    day_one, day_two = date(2022, 10, 18), date(2022, 10, 19)
    with closing(connect(demo_copy)) as db:
        keep, drop = (r[0] for r in db.execute(
            "SELECT id FROM delegate WHERE status != 'cancelled' ORDER BY id LIMIT 2"))
        before = attendance.collect(db)
        present = {d: len(before.day_first.get(d, {})) for d in (day_one, day_two)}
        one = Desk.open(db, Checkpoint.entrance_id(day_one), who=who_at(db, DESK))
        one.admit(drop, now=datetime(2022, 10, 18, 4, tzinfo=UTC))
        one.admit(keep, now=datetime(2022, 10, 18, 5, tzinfo=UTC))  # both, the same day
        Desk.open(db, Checkpoint.entrance_id(day_two), who=who_at(db, DESK)).admit(
            keep, now=datetime(2022, 10, 19, 4, tzinfo=UTC))
        duplicates.merge(db, keep, drop, who=who_at(db, DESK))
        after = attendance.collect(db)
        assert keep in after.day_first[day_one] and keep in after.day_first[day_two]
        assert after.day_first[day_one][keep] == datetime(2022, 10, 18, 4, tzinfo=UTC)
        assert len(after.day_first[day_one]) == present[day_one] + 1  # once, not twice
        assert len(after.day_first[day_two]) == present[day_two] + 1
        assert all(who != drop for _, who, _ in checkins.first_standing_everywhere(db))
        again = Desk.open(db, Checkpoint.entrance_id(day_one), who=who_at(db, DESK)).admit(
            keep, now=datetime(2022, 10, 18, 6, tzinfo=UTC))
        assert again.earlier is not None
