"""Importing the interpreters' pool: English and Russian headers, hostile rows, all or
none, re-import."""

from __future__ import annotations

import json
from contextlib import closing
from pathlib import Path

import openpyxl
import pytest

from bsm_desk.cli import main
from bsm_desk.domain.errors import UserError
from bsm_desk.domain.interpreters import Class
from bsm_desk.services import interpreters
from bsm_desk.store import connect
from tests.acting import who_at
from tests.conftest import DESK

HEADER = "Name,Name in Cyrillic,Languages,Staff,Available days,Fee,Email\n"


@pytest.fixture
def pool_free(demo_copy: Path) -> Path:
    """The demo without its interpreters, to import a pool of one's own."""
    with closing(connect(demo_copy)) as db:
        db.execute("DELETE FROM interpreter")
        db.conn.commit()
    return demo_copy


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_an_english_csv_then_a_russian_workbook_updates_the_same_people(
        pool_free: Path, tmp_path: Path) -> None:
    csv = write(tmp_path / "pool.csv", HEADER +
                "Anna Petrova,Анна Петрова,ru:A; en:B,yes,,0,anna@un.org\n"
                "John Smith,,en:A; ru:B; fr:C,no,2022-10-18,450,john@example.com\n")
    with closing(connect(pool_free)) as db:
        report = interpreters.import_file(db, csv, who=who_at(db, DESK))
        assert (report.added, report.errors, report.imported) == (2, [], True)
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["Список переводчиков"])  # a title row above the header
        sheet.append(["ИМЯ", "Имя кириллицей", "Языки", "Штатный", "Дни", "Гонорар",
                      "Эл. почта"])
        sheet.append(["Anna Petrova-Ivanova", "Анна Петрова-Иванова", "ru:А; en:В", "да",
                      None, None, "ANNA@un.org"])  # found by e-mail; classes in Cyrillic
        sheet.append(["Farhod Rahimov", "Фарход Рахимов", "ru:A; en:B; tg:C", "нет",
                      "2022-10-18; 2022-10-19", "1 200,50", ""])
        path = tmp_path / "пул.xlsx"
        book.save(path)
        again = interpreters.import_file(db, path, who=who_at(db, DESK))
        assert (again.added, again.updated, again.unchanged) == (1, 1, 0)
        people = {p.name: p for p in interpreters.interpreters(db)}
    assert set(people) == {"Anna Petrova-Ivanova", "John Smith", "Farhod Rahimov"}
    farhod = people["Farhod Rahimov"]
    assert farhod.languages == {"ru": Class.A, "en": Class.B, "tg": Class.C}
    assert farhod.fee == 1200.5 and not farhod.staff and len(farhod.available) == 2


def test_a_cp1251_csv_with_semicolons(pool_free: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "pool.csv", "Имя;Языки;Штатный\nИрина Козлова;ru:A, en:B;да\n",
                 "cp1251")
    with closing(connect(pool_free)) as db:
        assert interpreters.import_file(db, path, who=who_at(db, DESK)).added == 1
        assert interpreters.interpreters(db)[0].languages == {"ru": Class.A, "en": Class.B}


def test_every_wrong_row_is_named_and_nothing_is_written(pool_free: Path,
                                                         tmp_path: Path) -> None:
    path = write(tmp_path / "bad.csv", HEADER +
                 "Good Person,,en:A,yes,,,\n"
                 ",,en:A,yes,,,\n"  # row 3: no name
                 "Bad Languages,,English,yes,,,\n"  # row 4
                 "Bad Staff,,en:A,maybe,,,\n"  # row 5
                 "Bad Day,,en:A,no,2022-13-01,,\n"  # row 6
                 "Outside,,en:A,no,2023-01-01,,\n"  # row 7
                 "Bad Fee,,en:A,no,,-5,\n"  # row 8
                 "Bad Mail,,en:A,no,,,not-an-address\n"  # row 9
                 "Good Person,,ru:A,no,,,\n"  # row 10: twice
                 + "X" * 101 + ",,en:A,no,,,\n")  # row 11: too long
    with closing(connect(pool_free)) as db:
        report = interpreters.import_file(db, path, who=who_at(db, DESK))
        assert not report.imported and interpreters.interpreters(db) == []
    rows = sorted({p.row for p in report.errors})
    assert rows == [3, 4, 5, 6, 7, 8, 9, 10, 11]
    messages = " | ".join(p.message() for p in report.errors)
    for words in ("name is empty", "not a language", "not yes or no", "YYYY-MM-DD",
                  "not a day of the event", "not a fee", "e-mail", "row 2", "100"):
        assert words in messages


def test_hostile_files(pool_free: Path, tmp_path: Path) -> None:
    with closing(connect(pool_free)) as db:
        for path, message in (
                (write(tmp_path / "empty.csv", ""), "no header"),
                (write(tmp_path / "header.csv", HEADER), "no interpreters"),
                (write(tmp_path / "other.csv", "a,b\n1,2\n"), "no header"),
                (write(tmp_path / "fake.xlsx", "not a zip"), "not a readable"),
                (tmp_path / "missing.csv", "does not exist")):
            with pytest.raises(UserError, match=message):
                interpreters.import_file(db, path, who=who_at(db, DESK))
        nul = write(tmp_path / "nul.csv", HEADER + "A\x00B,,en:A,yes,,,\n")
        interpreters.import_file(db, nul, who=who_at(db, DESK))  # read or refused, never a crash


def test_the_commands(pool_free: Path, tmp_path: Path, capsys) -> None:
    path = write(tmp_path / "pool.csv", HEADER + "Anna Petrova,Анна Петрова,ru:A; en:B,yes,"
                 "2022-10-19,,anna@un.org\n")
    base = ["interpreters"]
    assert main([*base, "import", "--db", str(pool_free), str(path), "--dry-run",
                 "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["dry_run"] and report["added"] == 1 and not report["imported"]
    assert main([*base, "list", "--db", str(pool_free), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main([*base, "import", "--db", str(pool_free), str(path)]) == 0
    capsys.readouterr()
    assert main([*base, "list", "--db", str(pool_free), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[0]["languages"] == {"ru": "A", "en": "B"}
    assert set(listed[0]) >= {"id", "name", "name_cyr", "languages", "staff", "available"}
    assert listed[0]["available"] == ["2022-10-19"] and listed[0]["staff"] is True
    bad = write(tmp_path / "bad.csv", HEADER + "X,,nonsense,yes,,,\n")
    assert main([*base, "import", "--db", str(pool_free), str(bad)]) == 1
    assert "row 2" in capsys.readouterr().err


def test_the_demo_has_a_realistic_pool(demo_copy: Path) -> None:
    with closing(connect(demo_copy)) as db:
        pool = interpreters.interpreters(db)
    assert len(pool) == 12
    assert {p.staff for p in pool} == {True, False}
    assert all(p.fee == 0 for p in pool if p.staff) and all(p.fee > 0 for p in pool
                                                           if not p.staff)
    english_a = [p for p in pool if p.languages.get("en") is Class.A]
    russian_a = [p for p in pool if p.languages.get("ru") is Class.A]
    assert len(english_a) >= 4 and len(russian_a) >= 4
    assert any("tg" in p.languages for p in pool)
    assert all(p.name_cyr for p in pool)


def test_control_characters_never_reach_the_pool(pool_free: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "nul.csv", HEADER + "Anna\x00 \u202ePetrova\x1b,,en:A,yes,,,\n")
    with closing(connect(pool_free)) as db:
        interpreters.import_file(db, path, who=who_at(db, DESK))
        assert [p.name for p in interpreters.interpreters(db)] == ["Anna Petrova"]


def test_hours_each_day_are_read_and_checked(pool_free: Path, tmp_path: Path) -> None:
    from datetime import time

    good = write(tmp_path / "hours.csv", "Имя;Языки;Часы\nИрина Козлова;ru:A, en:B;9-13\n"
                 "Олег Ким;ru:A, en:B;\n", "cp1251")
    bad = write(tmp_path / "bad.csv", "Name,Languages,Available hours\nA B,ru:A; en:B,"
                "13:00-09:00\nC D,ru:A; en:B,all day\n")
    with closing(connect(pool_free)) as db:
        report = interpreters.import_file(db, bad, who=who_at(db, DESK))
        assert [(p.row, p.column) for p in report.errors] == [(2, "Available hours"),
                                                              (3, "Available hours")]
        assert "09:00-13:00" in report.errors[0].message()
        assert interpreters.import_file(db, good, who=who_at(db, DESK)).added == 2
        people = {p.name: p for p in interpreters.interpreters(db)}
    assert people["Ирина Козлова"].hours == (time(9), time(13))
    assert people["Олег Ким"].hours is None


def test_unknown_language_codes_are_refused() -> None:
    """xx:A; zz:B was taken for two languages; a code is checked against CLDR (babel)."""
    import pytest

    from bsm_desk.domain.errors import UserError
    from bsm_desk.domain.interpreters import parse_languages
    from bsm_desk.services.interpreters import known_language

    assert parse_languages("en:A; ru:B; tg:C; ky:C", known=known_language)
    with pytest.raises(UserError, match="not a language code"):
        parse_languages("xx:A; zz:B", known=known_language)
    assert parse_languages("xx:A") == {"xx": parse_languages("xx:A")["xx"]}  # stored: as is


def test_one_interpreter_in_two_rows_or_two_lists_is_one_person(pool_free: Path,
                                                                 tmp_path: Path) -> None:
    """Issue 28: the same person in one file with and without an e-mail is a row twice
    (said, nothing imported), and in a second list without the e-mail is found by name:
    nobody is seated in two booths as two people."""
    with closing(connect(pool_free)) as db:
        twice = write(tmp_path / "twice.csv", HEADER +
                      "Anna Petrova,Анна Петрова,ru:A; en:B,yes,,0,anna@un.org\n"
                      "Anna Petrova,,ru:A; en:B,yes,,0,\n")
        report = interpreters.import_file(db, twice, who=who_at(db, DESK))
        assert not report.imported and report.errors[0].row == 3
        first = write(tmp_path / "a.csv", HEADER +
                      "Anna Petrova,Анна Петрова,ru:A; en:B,yes,,0,anna@un.org\n")
        assert interpreters.import_file(db, first, who=who_at(db, DESK)).added == 1
        third = write(tmp_path / "c.csv", HEADER + "Anna Petrova,,ru:A; en:B,yes,,0,\n")
        once_more = interpreters.import_file(db, third, who=who_at(db, DESK))
        assert once_more.added == 0 and len(interpreters.interpreters(db)) == 1
