"""The list of speakers' rules: order, refusals, limits and the time spoken."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bsm_desk.domain.model import DelegationType, ProtocolRank
from bsm_desk.domain.speakers import (
    LIST_CLOSED,
    NOT_CHECKED_IN,
    SECOND_STATEMENT,
    TOO_MANY_REPLIES,
    Clock,
    Entry,
    EntryKind,
    EntryStatus,
    Mark,
    Move,
    Standing,
    countdown,
    refusal,
    speaking_order,
    spoken_seconds,
    standing,
    time_limit,
)

T0 = datetime(2022, 10, 18, 10, 0, tzinfo=UTC)
MS, OBS, IO, CSO = (Standing.MEMBER_STATE, Standing.OBSERVER_STATE, Standing.ORGANIZATION,
                    Standing.OTHERS)


def entry(entry_id: int, where: Standing = MS, rank: ProtocolRank = ProtocolRank.MEMBER,
          kind: EntryKind = EntryKind.STATEMENT, minute: int = 0,
          status: EntryStatus = EntryStatus.WAITING) -> Entry:
    return Entry(entry_id, 100 + entry_id, 200 + entry_id, where, rank, kind,
                 T0 + timedelta(minutes=minute), status)


def ids(entries: list[Entry]) -> list[int]:
    return [e.id for e in entries]


def test_standing_of_a_delegation() -> None:
    assert standing(DelegationType.MEMBER_STATE) is MS
    assert standing(DelegationType.MEMBER_STATE, observer=True) is OBS
    assert standing(DelegationType.INTERNATIONAL_ORGANIZATION) is IO
    assert standing(DelegationType.CIVIL_SOCIETY) is standing(DelegationType.OTHER) is CSO


def test_statements_by_standing_then_rank_then_time() -> None:
    listed = [
        entry(1, CSO, ProtocolRank.MINISTER, minute=0),
        entry(2, IO, ProtocolRank.HEAD_OF_DELEGATION, minute=1),
        entry(3, MS, ProtocolRank.AMBASSADOR, minute=2),
        entry(4, MS, ProtocolRank.MINISTER, minute=5),
        entry(5, OBS, ProtocolRank.HEAD_OF_STATE, minute=3),
        entry(6, MS, ProtocolRank.MINISTER, minute=4),
        entry(7, MS, ProtocolRank.DEPUTY_MINISTER, minute=0),
    ]
    assert ids(speaking_order(listed)) == [6, 4, 7, 3, 5, 2, 1]


def test_points_of_order_first_come_first_served_replies_last() -> None:
    listed = [
        entry(1, minute=0), entry(2, minute=1),
        entry(3, kind=EntryKind.REPLY, minute=2),
        entry(4, kind=EntryKind.POINT_OF_ORDER, minute=5),
        entry(5, kind=EntryKind.POINT_OF_ORDER, minute=3),
        entry(6, status=EntryStatus.SPEAKING), entry(7, status=EntryStatus.DONE),
        entry(8, status=EntryStatus.WITHDRAWN),
    ]
    assert ids(speaking_order(listed)) == [5, 4, 1, 2, 3]


def test_moves_by_the_secretariat_apply_in_order_but_not_before_points_of_order() -> None:
    listed = [entry(i, minute=i) for i in range(1, 5)] + [
        entry(9, kind=EntryKind.POINT_OF_ORDER, minute=9)]
    assert ids(speaking_order(listed, [Move(4, 1)])) == [9, 4, 1, 2, 3]
    assert ids(speaking_order(listed, [Move(4, 1), Move(1, 99)])) == [9, 4, 2, 3, 1]
    assert ids(speaking_order(listed, [Move(77, 1)])) == [9, 1, 2, 3, 4]  # gone: ignored


@given(st.lists(st.tuples(st.sampled_from(list(Standing)), st.sampled_from(list(ProtocolRank)),
                          st.sampled_from(list(EntryKind)), st.integers(0, 300)),
                max_size=40),
       st.lists(st.tuples(st.integers(0, 45), st.integers(-5, 50)), max_size=10))
def test_every_waiting_entry_is_called_once_points_of_order_first(raw, moves) -> None:
    listed = [entry(i, s, r, k, m) for i, (s, r, k, m) in enumerate(raw)]
    order = speaking_order(listed, [Move(a, b) for a, b in moves])
    assert sorted(ids(order)) == sorted(ids(listed))
    kinds = [e.kind is EntryKind.POINT_OF_ORDER for e in order]
    assert kinds == sorted(kinds, reverse=True)


@pytest.mark.parametrize(("kind", "kwargs", "template"), [
    (EntryKind.STATEMENT, {"checked_in": False}, NOT_CHECKED_IN),
    (EntryKind.STATEMENT, {"statements": 1}, SECOND_STATEMENT),
    (EntryKind.STATEMENT, {"closed_at": "11:40"}, LIST_CLOSED),
    (EntryKind.REPLY, {"replies": 2}, TOO_MANY_REPLIES),
    (EntryKind.POINT_OF_ORDER, {"checked_in": False}, NOT_CHECKED_IN),
])
def test_refusals(kind: EntryKind, kwargs: dict[str, object], template: str) -> None:
    args: dict[str, object] = {"checked_in": True, "closed_at": None, "statements": 0,
                               "replies": 0, "name": "RAHMONOV Jamshed",
                               "delegation": "Tajikistan"} | kwargs
    found = refusal(kind, **args)  # type: ignore[arg-type]
    assert found is not None and found.template == template


def test_a_closed_list_still_takes_points_of_order_and_replies() -> None:
    for kind in (EntryKind.POINT_OF_ORDER, EntryKind.REPLY):
        assert refusal(kind, checked_in=True, closed_at="11:40", statements=1, replies=1,
                       name="x", delegation="y") is None


def test_time_limits() -> None:
    assert time_limit(EntryKind.STATEMENT) == 300
    assert time_limit(EntryKind.STATEMENT, statement_limit_s=0) == 0
    assert time_limit(EntryKind.REPLY, reply_number=1) == 600
    assert time_limit(EntryKind.REPLY, reply_number=2) == 300
    assert time_limit(EntryKind.POINT_OF_ORDER) == 120


def test_the_countdown_turns_amber_then_red_counting_up() -> None:
    assert countdown(300, 10) == (Clock.RUNNING, 290)
    assert countdown(300, 270) == (Clock.ENDING, 30)
    assert countdown(300, 305.5) == (Clock.OVER, 5.5)
    assert countdown(0, 42) == (Clock.NONE, 42)


def test_time_spoken_from_the_record_survives_a_restart() -> None:
    marks = [(Mark.START, T0), (Mark.PAUSE, T0 + timedelta(seconds=60)),
             (Mark.RESUME, T0 + timedelta(seconds=100)), (Mark.END, T0 + timedelta(seconds=130))]
    assert spoken_seconds(marks, T0 + timedelta(hours=1)) == 90
    still = marks[:3]  # the desk crashed while the speaker went on
    assert spoken_seconds(still, T0 + timedelta(seconds=160)) == 120
    assert spoken_seconds(list(reversed(still)), T0 + timedelta(seconds=160)) == 120
    assert spoken_seconds([], T0) == 0
