"""The interpreters' rules as pure code: languages as people write them, team sizes,
meetings, booth qualification and one interpreter's day."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bsm_desk.domain.errors import UserError
from bsm_desk.domain.interpreters import (
    RULE_FIELDS,
    TWO_WAY,
    Breach,
    Class,
    Meeting,
    Rules,
    Slot,
    booth_shortfall,
    can_relay,
    can_staff,
    check_schedule,
    format_languages,
    meetings,
    parse_languages,
)

A, B, C = Class.A, Class.B, Class.C
DAY = datetime(2022, 10, 18, 4, 0, tzinfo=UTC)  # 09:00 in Dushanbe


def at(minutes: int) -> datetime:
    return DAY + timedelta(minutes=minutes)


def day_of(moment: datetime) -> date:
    return (moment + timedelta(hours=5)).date()


@pytest.mark.parametrize(("text", "expected"), [
    ("en:A; ru:B; fr:C", {"en": A, "ru": B, "fr": C}),
    ("EN-a, RU b", {"en": A, "ru": B}),
    ("English A; русский B", {"en": A, "ru": B}),
    ("ru:А; en:В; tg:С", {"ru": A, "en": B, "tg": C}),  # classes typed in Cyrillic
    ("en:A; en:A", {"en": A}),
    ("  ru = A\n en = C  ", {"ru": A, "en": C}),
])
def test_languages_as_people_write_them(text, expected) -> None:
    assert parse_languages(text) == expected
    assert parse_languages(format_languages(expected)) == expected


@pytest.mark.parametrize(("text", "message"), [
    ("", "No languages"), (" ; ;", "No languages"), ("en", "not a language"),
    ("en:D", "not a language"), ("12:A", "not a language"), ("en:A; en:B", "twice"),
    ("английскийязыкдлинный:A", "not a language"), ("日本:A", "not a language"),
])
def test_languages_that_cannot_be_read_say_which_part(text, message) -> None:
    with pytest.raises(UserError, match=message):
        parse_languages(text)


@given(st.text(max_size=200))
def test_any_text_is_read_or_refused_with_a_message(text: str) -> None:
    try:
        found = parse_languages(text)
    except UserError as exc:
        assert exc.message()
    else:
        assert found and all(isinstance(v, Class) for v in found.values())


@pytest.mark.parametrize(("minutes", "one_way", "two_way"), [
    (30, 1, 1), (40, 1, 1), (41, 2, 3), (240, 2, 3), (241, 3, 4), (360, 3, 4),
    (361, 4, 5), (600, 4, 5)])
def test_team_by_the_length_of_the_meeting(minutes, one_way, two_way) -> None:
    assert Rules().team(minutes) == one_way
    assert Rules().team(minutes, two_way=True) == two_way


def test_sessions_with_short_breaks_are_one_meeting_per_room() -> None:
    slots = [Slot(1, 10, at(0), at(90)), Slot(2, 10, at(110), at(200)),  # 20 min break
             Slot(3, 10, at(240), at(300)),  # 40 min break: a new meeting
             Slot(4, 11, at(0), at(60))]  # another room
    found = meetings(slots)
    assert [(m.session_ids, m.room_id) for m in found] == [((1, 2), 10), ((4,), 11),
                                                          ((3,), 10)]
    assert found[0].minutes == 200 and found[0].booth_minutes == 180
    overlapping = meetings([Slot(1, 10, at(0), at(60)), Slot(2, 10, at(30), at(90))])
    assert overlapping[0].booth_minutes == 90  # counted once


def test_who_may_sit_in_a_booth() -> None:
    en_a, ru_a = {"en": A, "ru": B}, {"ru": A, "en": B}
    assert booth_shortfall([en_a, ru_a], "ru") is None
    assert booth_shortfall([en_a, en_a], "ru") == "nobody has ru as A"
    assert booth_shortfall([ru_a, {"ru": A, "en": C}], "en") == \
        "a member does not have en as A or B"
    assert booth_shortfall([{"en": A, "ru": C}, {"ru": A, "en": C}], TWO_WAY) is None
    assert booth_shortfall([{"en": A, "ru": C}, {"en": A, "ru": C}], TWO_WAY) == \
        "English and Russian are not both covered as A or B"
    assert booth_shortfall([{"en": A, "ru": C}, {"en": A}], TWO_WAY) == \
        "a member cannot work between English and Russian"
    assert booth_shortfall([{"en": A}, {"fr": A}], TWO_WAY) == \
        "a member cannot work between English and Russian"
    # A booth into English listens to Russian: its members need Russian at least as C.
    assert booth_shortfall([{"en": A, "ru": C}, {"en": A, "fr": B}], "en") == \
        "a member does not understand ru"
    assert can_staff({"en": A, "ru": C}, "en") and not can_staff({"en": A, "ru": C}, "ru")
    assert can_staff({"ru": B, "en": C}, TWO_WAY) and not can_staff({"en": A}, TWO_WAY)
    assert can_relay({"ru": A, "tg": C}, "tg") and not can_relay({"ru": A}, "tg")


def meeting(session_id: int, room: int, start: int, end: int) -> Meeting:
    return Meeting((session_id,), room, at(start), at(end), end - start)


def breaches(assigned, **kw) -> set[Breach]:
    return {f.breach for f in check_schedule(assigned, day_of=day_of, **kw)}


def test_a_day_within_the_rules() -> None:
    # 09:00-12:15 and 14:00-17:30: two periods, 195 + 210 min, 105 min rest.
    assert breaches([meeting(1, 10, 0, 195), meeting(2, 10, 300, 510)]) == set()


def test_each_rule_of_a_day() -> None:
    assert breaches([meeting(1, 10, 0, 60), meeting(2, 11, 30, 90)]) == {Breach.OVERLAP}
    # Three periods, each after a long rest.
    assert breaches([meeting(1, 10, 0, 60), meeting(2, 10, 200, 260),
                     meeting(3, 10, 400, 460)]) == {Breach.PERIODS}
    # 45 minutes of rest is no rest: one period of 240 min of booth time.
    assert breaches([meeting(1, 10, 0, 120), meeting(2, 11, 165, 285)]) == \
        {Breach.PERIOD_LONG}
    # Two periods of 210 and one hour more in the day: over seven hours.
    rules = Rules(max_periods_day=3)
    assert breaches([meeting(1, 10, 0, 210), meeting(2, 10, 300, 510),
                     meeting(3, 10, 600, 660)], rules=rules) == {Breach.DAY_LONG}
    assert breaches([meeting(1, 10, 0, 60)], available=[date(2022, 10, 19)]) == \
        {Breach.UNAVAILABLE}


def test_periods_in_a_week() -> None:
    week = [Meeting((n * 2 + half,), 10, at(n * 1440 + half * 300),
                    at(n * 1440 + half * 300 + 60), 60)
            for n in range(4) for half in (0, 1)]  # eight periods, Tuesday to Friday
    assert breaches(week) == {Breach.WEEK}
    assert breaches(week[:7]) == set()


def test_rules_set_from_what_a_user_types() -> None:
    from bsm_desk.domain.interpreters import format_rule, with_rule

    rules = with_rule(Rules(), "team_table", " 30:1; 200:2, 300:3 ")
    assert rules.team_table == ((30, 1), (200, 2), (300, 3)) and rules.team(100) == 2
    assert format_rule(rules, "team_table") == "30:1, 200:2, 300:3"
    assert with_rule(Rules(), "max_day_min", "360").max_day_min == 360
    assert with_rule(Rules(), "two_way_extra", "0").two_way_extra == 0
    for name, text in (("max_day_min", "0"), ("max_day_min", "-5"), ("max_day_min", "1e9"),
                       ("max_periods_day", "two"), ("team_table", "240:2, 40:1"),
                       ("team_table", "40:0"), ("team_table", ""), ("colour", "red")):
        with pytest.raises(UserError):
            with_rule(Rules(), name, text)


@given(st.sampled_from([n for n, _ in RULE_FIELDS]), st.text(max_size=30))
def test_any_typed_rule_is_kept_or_refused_plainly(name: str, text: str) -> None:
    from bsm_desk.domain.interpreters import format_rule, with_rule

    try:
        rules = with_rule(Rules(), name, text)
    except UserError:
        return
    assert with_rule(Rules(), name, format_rule(rules, name)) == rules
