from datetime import date
from pathlib import Path

import pytest

from bsm_desk.domain.errors import UserError
from bsm_desk.services.event import overview
from bsm_desk.services.event.making import NewEvent, create_event, event_code, save_backup
from bsm_desk.store import connect, journal
from tests.acting import who_at
from tests.conftest import DESK


def _spec(**changes: object) -> NewEvent:
    values: dict[str, object] = dict(
        title_en="Regional Training on Border Security", title_ru="Региональный тренинг",
        start_date=date(2018, 10, 8), end_date=date(2018, 10, 12), time_zone="Asia/Ashgabat",
        venue_en="Ashgabat", venue_ru="Ашхабад")
    values.update(changes)
    return NewEvent(**values)  # type: ignore[arg-type]


def test_a_new_event_has_its_days_categories_and_secret(tmp_path: Path) -> None:
    db = create_event(tmp_path / "t.sqlite", _spec(), desk_id=DESK)
    ov = overview(db)
    assert ov.event.title_ru == "Региональный тренинг"
    assert len(ov.days) == 5
    assert len(ov.categories) == 12
    assert {c.name_ru for c in ov.categories} >= {"Глава делегации", "Переводчик", "СМИ"}
    assert len(ov.event.secret) == 32
    assert ov.event.code == "RTBS18"
    assert [e.action for e in journal.entries(db)] == ["event.created"]


def test_two_events_get_different_secrets(tmp_path: Path) -> None:
    a = overview(create_event(tmp_path / "a.sqlite", _spec(), desk_id=DESK)).event.secret
    b = overview(create_event(tmp_path / "b.sqlite", _spec(), desk_id=DESK)).event.secret
    assert a != b


@pytest.mark.parametrize(("changes", "message"), [
    ({"title_en": "  "}, "title in English"),
    ({"end_date": date(2018, 10, 1)}, "cannot end"),
    ({"time_zone": "Mars/Olympus"}, "Unknown time zone"),
    ({"languages": ()}, "at least one working language"),
])
def test_invalid_events_are_refused_and_nothing_is_written(
        tmp_path: Path, changes: dict[str, object], message: str) -> None:
    with pytest.raises(UserError, match=message):
        create_event(tmp_path / "bad.sqlite", _spec(**changes), desk_id=DESK)
    assert not (tmp_path / "bad.sqlite").exists()


def test_an_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite"
    path.write_bytes(b"precious")
    with pytest.raises(UserError, match="already exists"):
        create_event(path, _spec(), desk_id=DESK)
    assert path.read_bytes() == b"precious"


def test_event_codes_are_short_and_ascii() -> None:
    assert event_code("High-Level Conference on Border Security", 2022) == "HLCBS22"
    assert event_code("Конференция", 2024) == "EVENT24"


def test_save_backup_copies_and_journals(demo_copy: Path, tmp_path: Path) -> None:
    db = connect(demo_copy)
    target = save_backup(db, tmp_path / "backup.sqlite", who=who_at(db, DESK))
    assert overview(connect(target)).delegates == 700
    assert journal.entries(db)[0].action == "backup.saved"


def test_overview_of_an_empty_file_says_so(tmp_path: Path) -> None:
    db = connect(tmp_path / "empty.sqlite", create=True)
    with pytest.raises(UserError, match="holds no event"):
        overview(db, tmp_path / "empty.sqlite")
