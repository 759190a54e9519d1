from datetime import UTC, date, datetime

from bsm_desk.domain.errors import UserError
from bsm_desk.domain.model import (
    Access,
    Category,
    Event,
    Session,
    SessionKind,
    may_enter,
    pick,
)


def test_pick_falls_back_to_the_other_language() -> None:
    assert pick("ru", "Delegate", "Делегат") == "Делегат"
    assert pick("en", "Delegate", "Делегат") == "Delegate"
    assert pick("ru", "Only English", "") == "Only English"
    assert pick("en", "", "Только русский") == "Только русский"


def test_event_dates_span_every_day() -> None:
    event = Event("T", "", "", "", "Asia/Dushanbe", date(2022, 10, 18), date(2022, 10, 19))
    assert event.dates() == [date(2022, 10, 18), date(2022, 10, 19)]


def _session(kind: SessionKind, access: tuple[int, ...] = ()) -> Session:
    start = datetime(2022, 10, 18, 6, 30, tzinfo=UTC)
    return Session(kind, "HoD", "ГД", start, start.replace(hour=8), access=access)


def test_closed_sessions_admit_full_access_and_staff_only() -> None:
    media = Category("media", "Media", "СМИ", access=Access.OPEN, id=8)
    hod = Category("hod", "Head of Delegation", "Глава делегации", access=Access.ALL, id=1)
    staff = Category("security", "Security", "Охрана", access=Access.STAFF, id=11)
    closed = _session(SessionKind.CLOSED)
    assert not may_enter(closed, media)
    assert may_enter(closed, hod)
    assert may_enter(closed, staff)
    assert may_enter(_session(SessionKind.PLENARY), media)


def test_an_explicit_access_list_overrides_the_defaults() -> None:
    media = Category("media", "Media", "СМИ", access=Access.OPEN, id=8)
    hod = Category("hod", "Head of Delegation", "Глава делегации", access=Access.ALL, id=1)
    session = _session(SessionKind.PLENARY, access=(8,))
    assert may_enter(session, media)
    assert not may_enter(session, hod)


def test_user_error_translates_the_template_then_fills_it() -> None:
    error = UserError("The event database {path} does not exist.", path="/x.sqlite")
    assert str(error) == "The event database /x.sqlite does not exist."
    russian = {"The event database {path} does not exist.":
               "База данных мероприятия {path} не существует."}
    assert error.message(lambda ctx, text: russian.get(text, text)) == \
        "База данных мероприятия /x.sqlite не существует."


def test_a_broken_translation_still_shows_the_error() -> None:
    error = UserError("Unknown time zone: {zone}.", zone="Mars/Olympus")
    assert error.message(lambda ctx, text: "Неизвестный пояс: {zona}") == \
        "Unknown time zone: Mars/Olympus."


def test_honorifics_in_russian() -> None:
    from bsm_desk.domain.people import honorific

    assert honorific("H.E. Mr.", "ru") == "Е. П. г-н"
    assert honorific("Ms.", "ru") == "г-жа"
    assert honorific("H.E. Mr.", "en") == "H.E. Mr."
    assert honorific("Colonel", "ru") == "Colonel"
