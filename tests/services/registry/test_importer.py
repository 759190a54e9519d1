"""Importing real-looking delegation lists: all rows or none, every problem named."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from bsm_desk.domain.errors import UserError
from bsm_desk.domain.model import Delegation, DelegationType
from bsm_desk.services.event.making import STANDARD_CATEGORIES, NewEvent, create_event
from bsm_desk.services.registry.importer import import_file
from bsm_desk.services.registry.search import search
from bsm_desk.services.registry.template import write_template
from bsm_desk.store import atomic, delegations, history
from bsm_desk.store import delegates as store
from tests.acting import who_at
from tests.conftest import DESK


@pytest.fixture
def db(tmp_path: Path):
    db = create_event(tmp_path / "event.sqlite", NewEvent(
        "Import test", date(2022, 10, 18), date(2022, 10, 19), "Asia/Dushanbe"), desk_id=DESK)
    with atomic(db):
        delegations.add_delegation(db, Delegation("Tajikistan", "Таджикистан",
                                                  DelegationType.MEMBER_STATE, "TJ"))
    return db


def write_csv(path: Path, lines: list[str], encoding: str = "utf-8", bom: bool = False) -> Path:
    data = "\r\n".join(lines).encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def write_xlsx(path: Path, rows: list[list[object]], title_rows: int = 0) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Participants"
    for i in range(title_rows):
        sheet.append([f"High-Level Conference, Dushanbe — list {i + 1}"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def people(db) -> list:
    return store.all_delegates(db)


def test_cp1251_semicolons_russian_headers(db, tmp_path: Path) -> None:
    # cp1251 has no Tajik letters: Russian-Windows lists spell Tajik names the Russian way.
    path = write_csv(tmp_path / "list.csv", [
        "Фамилия;Имя;Пол;Страна;Категория;Должность;Эл. почта",
        "Рахмонов;Джамшед;м;Таджикистан;Глава делегации;Министр;j.rahmonov@mfa.tj",
        "Иванова;Мария;Ж;Россия;Делегат;Советник;m.ivanova@mid.ru",
    ], encoding="cp1251")
    report = import_file(db, path, who=who_at(db, DESK))
    assert report.errors == [] and report.imported
    assert (report.added, report.updated, report.unchanged) == (2, 0, 0)
    assert report.created_delegations == ["Россия"]
    found = {d.family_name_cyr: d for d in people(db)}
    rahmonov = found["Рахмонов"]
    assert (rahmonov.family_name, rahmonov.given_name) == ("Rakhmonov", "Dzhamshed")
    assert rahmonov.latin_generated
    assert rahmonov.function_ru == "Министр" and rahmonov.function_en == ""
    assert found["Иванова"].gender.value == "F"
    assert any("Check it against the passport" in w.message() for w in report.warnings)


def test_utf8_bom_commas_and_tajik_letters(db, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.csv", [
        "Family name,Given name,Family name (Cyrillic),Given name (Cyrillic),Sex,Country",
        "Qurbonzoda,Firdavs,Қурбонзода,Фирдавс,M,Tajikistan",
        "Nurgalieva,Aigerim,Нұрғалиева,Әйгерім,F,Kazakhstan",
    ], bom=True)
    report = import_file(db, path, who=who_at(db, DESK))
    assert report.errors == [] and report.added == 2
    assert [h.family_name for h in search(db, "Қурбонзода")] == ["Qurbonzoda"]
    kazakh = next(d for d in people(db) if d.family_name == "Nurgalieva")
    assert (kazakh.family_name_cyr, kazakh.given_name_cyr) == ("Нұрғалиева", "Әйгерім")
    assert not kazakh.latin_generated


def test_tabs_and_utf16_as_excel_saves_unicode_text(db, tmp_path: Path) -> None:
    path = tmp_path / "list.txt"
    path.write_bytes("Surname\tFirst name\tCountry\r\nSmith\tJohn\tTajikistan\r\n"
                     .encode("utf-16"))
    report = import_file(db, path, who=who_at(db, DESK))
    assert report.errors == [] and report.added == 1


def test_xlsx_with_title_rows_real_dates_and_full_names(db, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "list.xlsx", [
        ["№", "ФИО", "Пол", "Делегация", "Дата рождения", "Паспорт"],
        [1, "Шарипов Далер Каримович", "муж", "Tajikistan", date(1980, 5, 17), "A1234567"],
        [2, "Ахмедова Нигина", "жен", "Tajikistan", "03.02.1991", "B7654321"],
    ], title_rows=2)
    report = import_file(db, path, who=who_at(db, DESK))
    assert report.errors == [] and report.added == 2
    assert report.sheet == "Participants"
    found = {d.family_name_cyr: d for d in people(db)}
    assert found["Шарипов"].given_name_cyr == "Далер Каримович"
    assert found["Шарипов"].birth_date == date(1980, 5, 17)
    assert found["Ахмедова"].birth_date == date(1991, 2, 3)
    assert found["Шарипов"].external_id == ""  # "№" numbers the rows: not an identity


def test_an_error_in_row_5_changes_nothing(db, tmp_path: Path) -> None:
    before = people(db)
    path = write_xlsx(tmp_path / "list.xlsx", [
        ["Family name", "Given name", "Gender", "Country", "E-mail", "Category"],
        ["Smith", "John", "M", "Tajikistan", "j.smith@example.org", "Delegate"],
        ["Brown", "Mary", "F", "Tajikistan", "m.brown@example.org", "Delegate"],
        ["Davis", "Ann", "F", "Tajikistan", "a.davis@example.org", "Delegate"],
        ["Miller", "Tom", "X?", "Tajikistan", "t.miller(at)example.org", "Astronaut"],
    ])
    report = import_file(db, path, who=who_at(db, DESK))
    assert not report.imported
    assert people(db) == before
    assert {(e.row, e.column) for e in report.errors} == {
        (5, "Gender"), (5, "E-mail"), (5, "Category")}
    messages = " | ".join(e.message() for e in report.errors)
    assert "Unknown gender “X?”" in messages
    assert "Invalid e-mail address “t.miller(at)example.org”" in messages
    assert "Unknown category “Astronaut”" in messages


def test_missing_names_and_duplicates_inside_the_file(db, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.csv", [
        "Family name,Given name,Country,Email",
        "Smith,John,Tajikistan,john@example.org",
        ",Nobody,Tajikistan,",
        "Smyth,Johnny,Tajikistan,JOHN@example.org",
        "Иванов Ivan,Ivan,Tajikistan,",
    ])
    report = import_file(db, path, who=who_at(db, DESK))
    assert not report.imported and people(db) == []
    by_row = {e.row: e.message() for e in report.errors}
    assert by_row[3] == "Missing family name."
    assert by_row[4] == "Same person as row 2 (same e-mail)."
    assert "mixes Latin and Cyrillic" in by_row[5]


def test_reimport_updates_the_same_people(db, tmp_path: Path) -> None:
    first = write_csv(tmp_path / "v1.csv", [
        "ID,Family name,Given name,Country,Function,Email",
        "TJ-1,Rahmonov,Jamshed,Tajikistan,Deputy Minister,j.rahmonov@mfa.tj",
        "TJ-2,Karimova,Malika,Tajikistan,Counsellor,m.karimova@mfa.tj",
    ])
    assert import_file(db, first, who=who_at(db, DESK)).added == 2
    second = write_csv(tmp_path / "v2.csv", [
        "ID,Family name,Given name,Country,Function,Email",
        "TJ-1,Rahmonov,Jamshed,Tajikistan,Minister,j.rahmonov@mfa.tj",
        "TJ-2,Karimova,Malika,Tajikistan,Counsellor,m.karimova@mfa.tj",
        ",Saidov,Farrukh,Tajikistan,Attaché,m.karimova2@mfa.tj",
    ])
    report = import_file(db, second, who=who_at(db, DESK))
    assert (report.added, report.updated, report.unchanged) == (1, 1, 1)
    assert len(people(db)) == 3
    rahmonov = next(d for d in people(db) if d.external_id == "TJ-1")
    assert rahmonov.function_en == "Minister"
    changes = history.for_delegate(db, rahmonov.id)
    assert [c.action for c in changes] == ["created", "imported"]
    assert changes[-1].changes == {"function_en": ["Deputy Minister", "Minister"],
                                   "protocol_rank": ["deputy_minister", "minister"]}
    assert changes[-1].desk_id == DESK


def test_matching_falls_back_to_email_then_passport(db, tmp_path: Path) -> None:
    import_file(db, write_csv(tmp_path / "a.csv", [
        "Family name,Given name,Country,Email,Passport",
        "Smith,John,Tajikistan,john@example.org,",
        "Brown,Mary,Tajikistan,,AB 1234567",
    ]), who=who_at(db, DESK))
    report = import_file(db, write_csv(tmp_path / "b.csv", [
        "Family name,Given name,Country,Email,Passport,Phone",
        "Smith,John,Tajikistan,JOHN@example.org,,+992 1",
        "Brown,Mary,Tajikistan,,ab1234567,+992 2",
    ]), who=who_at(db, DESK))
    assert (report.added, report.updated) == (0, 2)
    assert sorted(d.phone for d in people(db)) == ["+992 1", "+992 2"]


def test_dry_run_reports_without_writing(db, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", ["Family name,Country", "Smith,Tajikistan"])
    report = import_file(db, path, who=who_at(db, DESK), dry_run=True)
    assert report.added == 1 and not report.imported and people(db) == []


def test_the_template_round_trips(db, tmp_path: Path) -> None:
    template = write_template(tmp_path / "t.xlsx", [(en, ru) for _, en, ru, _, _
                                                     in STANDARD_CATEGORIES], title="Dushanbe")
    book = openpyxl.load_workbook(template)
    sheet = book["Delegates"]
    headers = [c.value for c in sheet[3]]
    assert headers[:3] == ["Participant ID / Код участника", "Title / Обращение",
                           "Family name / Фамилия"]
    assert book["Lists"].sheet_state == "hidden"
    assert len(sheet.data_validations.dataValidation) == 2
    sheet.append([7, "H.E. Mr.", "RAHMONOV", "Jamshed", "", "М", "Tajikistan",
                  "Head of Delegation / Глава делегации", "Minister", "j@mfa.tj"])
    book.save(template)
    report = import_file(db, template, who=who_at(db, DESK))
    assert report.errors == [] and report.added == 1
    person = people(db)[0]
    assert person.gender.value == "M" and person.external_id == "7"
    assert (person.family_name, person.honorific, person.function_en) == (
        "Rahmonov", "H.E. Mr.", "Minister")


@pytest.mark.parametrize(("content", "message"), [
    (b"\x00\x01garbage", "no header row"),
    (b"just,some,words\n1,2,3\n", "no header row"),
    (b"Family name,Country\n", "no delegates under it"),
])
def test_unusable_files_are_refused_clearly(db, tmp_path: Path, content: bytes,
                                            message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(UserError, match=message):
        import_file(db, path, who=who_at(db, DESK))


def test_a_broken_xlsx_and_a_missing_sheet(db, tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(UserError, match="not a readable Excel workbook"):
        import_file(db, broken, who=who_at(db, DESK))
    good = write_xlsx(tmp_path / "good.xlsx", [["Family name", "Country"], ["A", "Tajikistan"]])
    with pytest.raises(UserError, match="has no sheet “Nope”. Sheets: Participants"):
        import_file(db, good, who=who_at(db, DESK), sheet="Nope")
    pdf = tmp_path / "list.pdf"
    pdf.write_text("%PDF-1.4")
    with pytest.raises(UserError, match="only .xlsx, .csv and .txt"):
        import_file(db, pdf, who=who_at(db, DESK))
    with pytest.raises(UserError, match="does not exist"):
        import_file(db, tmp_path / "missing.xlsx", who=who_at(db, DESK))


def test_a_cell_holding_the_separator_without_quotes_is_explained(db, tmp_path: Path) -> None:
    """Row 3's function has a comma, so its e-mail lands under Category: the row's own
    errors come with the reason; a clean row with a note past the header is fine."""
    path = write_csv(tmp_path / "list.csv", [
        "Family name,Given name,Country,Function,E-mail,Category",
        "Smith,John,Tajikistan,Adviser,j.smith@example.org,Delegate,note without a header",
        "Brown,Mary,Tajikistan,Head, Border Department,m.brown@example.org,Delegate",
    ])
    report = import_file(db, path, who=who_at(db, DESK))
    assert not report.imported
    assert {e.row for e in report.errors} == {3}
    messages = [e.message() for e in report.errors]
    assert any("Invalid e-mail" in m for m in messages)
    assert any(m.startswith("This row has 7 cells and the header row 6: a cell that holds "
                            "the separator (such as ; or a comma) must be put in double "
                            "quotes") for m in messages)


def test_latin_names_follow_the_passport_table_of_the_delegations_country(
        db, tmp_path: Path) -> None:
    """Issue 28: Ҷӯраев Ҳакимҷон of Tajikistan is JURAEV HAKIMJON as his passport says,
    not the Russian DZHURAEV KHAKIMDZHON; a Russian delegate keeps ICAO 9303."""
    path = write_csv(tmp_path / "list.csv", [
        "Фамилия,Имя,Делегация",
        "Ҷӯраев,Ҳакимҷон,Таджикистан",
        "Юсупов,Ёдгор,Tajikistan",
        "Юсупова,Юлия,Россия",
    ], bom=True)
    report = import_file(db, path, who=who_at(db, DESK))
    assert report.errors == [] and report.added == 3
    found = {d.family_name_cyr: (d.family_name, d.given_name) for d in people(db)}
    assert found["Ҷӯраев"] == ("Juraev", "Hakimjon")
    assert found["Юсупов"] == ("Yusupov", "Yodgor")
    assert found["Юсупова"] == ("Iusupova", "Iuliia")


def test_reimport_by_name_compares_each_row_with_its_namesakes_only(db, tmp_path: Path,
                                                                    monkeypatch) -> None:
    """A list without ids or e-mails is matched by name within the delegation: each row
    is compared with the people sharing a name key, not with every member (re-importing
    6,000 names of one delegation took 31 s when it was)."""
    from bsm_desk.services.registry import _rows

    lines = ["Family name,Given name,Country,Function"]
    lines += [f"Family{i},Given{i},Tajikistan,Counsellor" for i in range(300)]
    lines += ["Rahmonov,Jamshed,Tajikistan,Deputy Minister", "Saidov,Farrukh,Tajikistan,Expert"]
    assert import_file(db, write_csv(tmp_path / "a.csv", lines), who=who_at(db, DESK)
                       ).added == 302
    first = next(d for d in people(db) if d.family_name == "Saidov")
    with atomic(db):  # his namesake, registered apart
        store.add_delegates(db, [replace(first, id=None, function_en="Attaché")])
    compared = []
    same_name = _rows._same_name
    monkeypatch.setattr(_rows, "_same_name",
                        lambda *keys: compared.append(keys) or same_name(*keys))
    again = lines[:301] + ["Rahmonov,Jamshed,Tajikistan,Minister"]
    report = import_file(db, write_csv(tmp_path / "b.csv", again), who=who_at(db, DESK))
    assert (report.added, report.updated, report.unchanged) == (0, 1, 300)
    assert len(compared) < 3 * len(again)  # 91,000 before
    # The same man written in Cyrillic is found across scripts; two namesakes are both
    # found, the first registered first.
    lookup = _rows.Lookup(db)
    rahmonov = next(d for d in people(db) if d.family_name == "Rahmonov")
    cyrillic = replace(rahmonov, family_name="", given_name="", family_name_cyr="Раҳмонов",
                       given_name_cyr="Ҷамшед", id=None)
    assert lookup.by_name(cyrillic) == [rahmonov.id]
    saidovs = sorted(d.id for d in people(db) if d.family_name == "Saidov")
    assert len(saidovs) == 2
    assert lookup.by_name(replace(first, family_name="SAIDOV", given_name="farrukh",
                                  id=None)) == saidovs
