"""Side-event requests typed in by hand: checked, changed, deleted, journaled."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time
from pathlib import Path

import pytest

from bsm_desk.domain.errors import UserError
from bsm_desk.domain.programme import Request
from bsm_desk.services.programme import side_events
from bsm_desk.store import connect
from bsm_desk.store import event as event_store
from bsm_desk.store import side_events as side_event_store
from tests.acting import who_at
from tests.conftest import DESK


@pytest.fixture
def db(demo_copy: Path):
    database = connect(demo_copy)
    yield database
    database.close()


def at(db, day: int, hour: int, minute: int = 0) -> datetime:
    days = event_store.list_days(db)
    return datetime.combine(days[day].date, time(hour, minute), event_store.get_event(db).zone)


def journal(db) -> list[tuple[str, str]]:
    return [tuple(r) for r in db.execute(
        "SELECT action, subject FROM journal WHERE action LIKE 'side_event_request.%'"
        " ORDER BY rowid")]


def test_add_change_and_delete_a_request(db) -> None:
    people = [r[0] for r in db.execute("SELECT id FROM delegate LIMIT 3")]
    request = Request("Border strategies", 60, expected=40, title_ru="Стратегии",
                      organizer="UNOCT", contact="a@un.org", interpretation=True,
                      equipment=("projector",), slots=(at(db, 0, 13, 30), at(db, 1, 13, 30)),
                      panellists=(people[0], people[1]))
    new_id = side_events.save_request(db, request, who=who_at(db, DESK))
    stored = next(r for r in side_event_store.list_requests(db) if r.id == new_id)
    assert stored == replace(request, id=new_id)

    changed = replace(stored, title_en="Border strategies in CT", duration_min=90,
                      slots=(at(db, 1, 18), at(db, 0, 13, 30)), panellists=(people[2],))
    assert side_events.save_request(db, changed, who=who_at(db, DESK)) == new_id
    stored = next(r for r in side_event_store.list_requests(db) if r.id == new_id)
    assert stored == changed  # wishes in the new order, the new panel only

    gone = side_events.delete_request(db, new_id, who=who_at(db, DESK))
    assert gone == changed
    assert new_id not in {r.id for r in side_event_store.list_requests(db)}
    assert not db.execute("SELECT 1 FROM request_slot WHERE request_id = ?", [new_id]).fetchall()
    assert journal(db) == [("side_event_request.added", str(new_id)),
                           ("side_event_request.changed", str(new_id)),
                           ("side_event_request.deleted", str(new_id))]


@pytest.mark.parametrize(("request_", "words"), [
    (Request("  ", 60), "title"),
    (Request("Panel", 0), "duration"),
])
def test_a_request_without_title_or_duration_is_refused(db, request_, words) -> None:
    before = side_event_store.list_requests(db)
    with pytest.raises(UserError) as raised:
        side_events.save_request(db, request_, who=who_at(db, DESK))
    assert words in raised.value.message()
    assert side_event_store.list_requests(db) == before


def test_a_wish_on_another_day_is_refused(db) -> None:
    wrong = datetime(2021, 1, 1, 10, 0, tzinfo=event_store.get_event(db).zone)
    with pytest.raises(UserError) as raised:
        side_events.save_request(db, Request("Panel", 60, slots=(wrong,)), who=who_at(db, DESK))
    assert "2021-01-01" in raised.value.message()


def test_a_request_in_the_programme_is_not_changed_or_deleted_here(db) -> None:
    from bsm_desk.services.programme import allocation

    db.execute("DELETE FROM side_event_request")
    request_id = side_events.save_request(
        db, Request("Panel", 60, expected=10, slots=(at(db, 0, 19),)), who=who_at(db, DESK))
    allocation.apply(db, allocation.allocate(db, time_limit=2), who=who_at(db, DESK))
    placed = side_event_store.list_requests(db)[0]
    assert placed.session_id is not None
    for attempt in (lambda: side_events.delete_request(db, request_id, who=who_at(db, DESK)),
                    lambda: side_events.save_request(db, replace(placed, title_en="New"),
                                                     who=who_at(db, DESK))):
        with pytest.raises(UserError) as raised:
            attempt()
        assert "in the programme already" in raised.value.message()
    assert side_event_store.list_requests(db) == [placed]
    with pytest.raises(UserError):
        side_events.delete_request(db, 99_999, who=who_at(db, DESK))


def test_an_unquoted_separator_in_a_request_row_is_explained(db, tmp_path: Path) -> None:
    from bsm_desk.services.programme.side_event_import import import_requests

    path = tmp_path / "requests.csv"
    path.write_text("Название;Продолжительность;Предпочтительное время;Перевод\n"
                    "Панель;60;2022-10-18 13:30; 2022-10-19 13:30;да\n", encoding="utf-8")
    report = import_requests(db, path, who=who_at(db, DESK))
    assert report.added == 0
    assert report.problems[0].column == "Перевод"  # the second time slid under it
    assert "This row has 5 cells and the header row 4" in report.problems[-1].message()


def test_a_deleted_session_comes_back_with_its_people_request_and_door_rule(db) -> None:
    from bsm_desk.domain.checkin import Checkpoint
    from bsm_desk.services import programme as programme_service
    from bsm_desk.services.programme import allocation
    from bsm_desk.store import checkins as checkin_store
    from bsm_desk.store import sessions as session_store

    db.execute("DELETE FROM side_event_request")
    people = [r[0] for r in db.execute("SELECT id FROM delegate LIMIT 2")]
    request_id = side_events.save_request(db, Request(
        "Panel", 60, expected=10, slots=(at(db, 0, 19),), panellists=tuple(people)),
        who=who_at(db, DESK))
    allocation.apply(db, allocation.allocate(db, time_limit=2), who=who_at(db, DESK))
    placed = side_event_store.list_requests(db)[0]
    session_id = placed.session_id
    checkin_store.set_readmit(db, Checkpoint.session_id(session_id), True)
    before = next(s for s in session_store.list_sessions(db) if s.id == session_id)

    removed = programme_service.delete_session(db, session_id, who=who_at(db, DESK))
    assert session_id not in {s.id for s in session_store.list_sessions(db)}
    assert side_event_store.list_requests(db)[0].session_id is None  # waiting again
    assert session_id not in side_event_store.session_people(db)
    assert Checkpoint.session_id(session_id) not in checkin_store.readmit_rules(db)

    new_id = programme_service.restore_session(db, removed, who=who_at(db, DESK))
    back = next(s for s in session_store.list_sessions(db) if s.id == new_id)
    assert back == replace(before, id=new_id)
    assert side_event_store.list_requests(db)[0].session_id == new_id
    assert side_event_store.session_people(db)[new_id] == set(people)
    assert checkin_store.readmit_rules(db)[Checkpoint.session_id(new_id)] is True
    assert request_id == placed.id


def test_a_session_with_check_ins_is_not_deleted(db) -> None:
    from bsm_desk.services import programme as programme_service
    from bsm_desk.store import checkins as checkin_store
    from bsm_desk.store import sessions as session_store

    session = session_store.list_sessions(db)[0]
    checkin_store.append(db, checkpoint=f"session-{session.id}", delegate_id=1,
                         badge_version=1, verdict="ok", accepted=True,
                         at=datetime.now(event_store.get_event(db).zone), desk_id=DESK)
    with pytest.raises(UserError) as raised:
        programme_service.delete_session(db, session.id, who=who_at(db, DESK))
    assert "checked in" in raised.value.message()
    assert session in session_store.list_sessions(db)
