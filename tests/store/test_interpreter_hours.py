"""The hours an interpreter can work: read from what people type, never anything but a
clear ValueError for what cannot be read."""

from __future__ import annotations

from datetime import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bsm_desk.store.interpreters import format_hours, parse_hours


@pytest.mark.parametrize(("text", "hours"), [
    ("09:00-13:00", (time(9), time(13))), ("9-13", (time(9), time(13))),
    ("14.30 – 18.15", (time(14, 30), time(18, 15))), ("", None), ("  ", None)])
def test_what_people_type(text: str, hours: tuple[time, time] | None) -> None:
    assert parse_hours(text) == hours


@pytest.mark.parametrize("text", ["13-9", "9-9", "25:00-26:00", "9:75-10", "morning",
                                  "9-12-15", "9"])
def test_what_cannot_be_read(text: str) -> None:
    with pytest.raises(ValueError):
        parse_hours(text)


@given(st.text(max_size=40))
def test_any_text_reads_or_fails_plainly(text: str) -> None:
    try:
        hours = parse_hours(text)
    except ValueError:
        return
    assert hours is None or (hours[0] < hours[1] and parse_hours(format_hours(hours)) == hours)
