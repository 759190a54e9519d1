from datetime import date, datetime

import pytest

from bsm_desk.domain.importing import (
    cell_text,
    field_for_header,
    find_header,
    parse_date,
    parse_gender,
    split_full_name,
    valid_email,
)
from bsm_desk.domain.model import Gender


@pytest.mark.parametrize(("header", "field"), [
    ("Family name", "family_name"), ("SURNAME", "family_name"), ("Last  Name", "family_name"),
    ("Фамилия", "family_name"), ("Family name / Фамилия", "family_name"),
    ("Фамилия (латиницей)", "family_name"), ("Family name (Cyrillic)", "family_name"),
    ("First name", "given_name"), ("Имя", "given_name"), ("ФИО", "full_name"),
    ("Sex", "gender"), ("Пол (М/Ж)", "gender"), ("Country", "delegation"),
    ("Организация", "delegation"), ("Категория", "category"), ("Position", "function_en"),
    ("Должность", "function_en"), ("E-mail", "email"), ("Эл. почта", "email"),
    ("Телефон", "phone"), ("Passport No.", "passport_no"), ("№", "row_number"),
    ("No.", "row_number"),
    ("#", "row_number"), ("№ п/п", "row_number"), ("Participant ID", "external_id"),
    ("Код участника", "external_id"), ("Title", "title"), ("Position", "function_en"),
    ("Отчество", "patronymic"), ("Timestamp", None),
    ("ID", "external_id"), ("Дата рождения", "birth_date"), ("Remarks", None),
])
def test_headers_in_english_and_russian(header: str, field: str | None) -> None:
    assert field_for_header(header) == field


def test_the_header_row_is_found_under_a_title() -> None:
    rows = [["HIGH-LEVEL CONFERENCE, DUSHANBE"], [], ["List of participants", None],
            ["№", "Фамилия", "Имя", "Страна"], [1, "Иванов", "Иван", "Россия"]]
    assert find_header(rows) == (3, {0: "row_number", 1: "family_name", 2: "given_name",
                                     3: "delegation"})
    assert find_header([["a", "b"], [1, 2]]) == (-1, {})


@pytest.mark.parametrize(("value", "gender"), [
    ("M", Gender.MALE), ("male", Gender.MALE), ("м", Gender.MALE), ("Муж.", Gender.MALE),
    ("F", Gender.FEMALE), ("Female", Gender.FEMALE), ("Ж", Gender.FEMALE),
    ("жен", Gender.FEMALE), ("", Gender.NOT_STATED), (None, Gender.NOT_STATED),
    ("?", None), ("X", None), ("unknown", None),
])
def test_gender_values(value: object, gender: Gender | None) -> None:
    assert parse_gender(value) == gender


def test_dates_as_text_or_real_dates() -> None:
    assert parse_date(datetime(1980, 5, 17, 0, 0)) == date(1980, 5, 17)
    assert parse_date(date(1980, 5, 17)) == date(1980, 5, 17)
    assert parse_date("17.05.1980") == date(1980, 5, 17)
    assert parse_date("1980-05-17") == date(1980, 5, 17)
    assert parse_date("17/05/1980") == date(1980, 5, 17)
    assert parse_date("May 1980") is None


def test_cells_and_names() -> None:
    assert cell_text(12.0) == "12"
    assert cell_text("  Rahmonov \n Jamshed ") == "Rahmonov Jamshed"
    assert split_full_name("Иванов Иван Иванович") == ("Иванов", "Иван Иванович")
    assert valid_email("j.rahmonov@mfa.tj") and not valid_email("j.rahmonov(at)mfa.tj")
    assert not valid_email("a@b") and not valid_email("a b@c.org")
