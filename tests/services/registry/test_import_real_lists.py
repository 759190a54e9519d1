"""Lists as secretariats, ministries and registration forms really send them, and what
must never happen with them: a person overwritten by someone else, a control character
that breaks every export, a name no badge can print."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from bsm_desk.domain.errors import UserError
from bsm_desk.domain.model import Delegation, DelegationType, Gender
from bsm_desk.services import badges
from bsm_desk.services.event.making import NewEvent, create_event
from bsm_desk.services.programme import export as programme_export
from bsm_desk.services.registry import tables
from bsm_desk.services.registry import workbook_guards as guards
from bsm_desk.services.registry.importer import import_file
from bsm_desk.services.registry.search import search
from bsm_desk.services.reports import attendance, attendance_files, participants
from bsm_desk.store import atomic, delegations
from bsm_desk.store import delegates as store
from tests.acting import who_at
from tests.conftest import DESK

OSCE = "Organization for Security and Co-operation in Europe (OSCE)"


@pytest.fixture
def db(tmp_path: Path):
    db = create_event(tmp_path / "event.sqlite", NewEvent(
        "Import test", date(2022, 10, 18), date(2022, 10, 19), "Asia/Dushanbe"), desk_id=DESK)
    with atomic(db):
        for en, ru, kind, iso in (
                ("Tajikistan", "Таджикистан", DelegationType.MEMBER_STATE, "TJ"),
                ("Russian Federation", "Российская Федерация", DelegationType.MEMBER_STATE,
                 "RU"),
                ("United States of America", "Соединённые Штаты Америки",
                 DelegationType.MEMBER_STATE, "US"),
                (OSCE, "ОБСЕ", DelegationType.INTERNATIONAL_ORGANIZATION, None)):
            delegations.add_delegation(db, Delegation(en, ru, kind, iso))
    yield db
    db.close()


def xlsx(path: Path, rows: list[list[object]], title_rows: int = 0) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for i in range(title_rows):
        sheet.append([f"High-Level Conference on Border Security — List of Participants {i}"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def csv(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_bytes("\r\n".join(lines).encode(encoding))
    return path


def everyone(db) -> dict[str, object]:
    return {d.family_name: d for d in store.all_delegates(db)}


def delegation_of(db, person) -> str:
    return next(d.name_en for d in delegations.list_delegations(db)
                if d.id == person.delegation_id)


UN_HEADER = ["No.", "Title", "Family name", "Given name", "Position", "Country", "E-mail"]


def test_a_un_style_list_of_participants(db, tmp_path: Path) -> None:
    path = xlsx(tmp_path / "lop.xlsx", [
        UN_HEADER,
        [1, "H.E. Mr.", "RAHMONOV", "Jamshed", "Deputy Minister", "Tajikistan",
         "j.rahmonov@mfa.tj"],
        [2, "Ms.", "SMITH", "Anna", "Counsellor", "USA", "a.smith@state.example"],
        [3, "Dr.", "IVANOV", "Ivan", "Head of Department", "РФ", "i.ivanov@mid.example"],
        [4, "Excellency", "AL-HASHIMI", "Omar", "Ambassador", "Россия", ""],
    ], title_rows=2)
    report = import_file(db, path, who=who_at(db, DESK))
    assert report.errors == [] and report.added == 4 and report.created_delegations == []
    people = everyone(db)
    assert set(people) == {"Rahmonov", "Smith", "Ivanov", "Al-Hashimi"}  # readable form
    rahmonov = people["Rahmonov"]
    assert (rahmonov.honorific, rahmonov.function_en, rahmonov.external_id) == (
        "H.E. Mr.", "Deputy Minister", "")
    assert people["Al-Hashimi"].honorific == "Excellency"
    assert delegation_of(db, people["Smith"]) == "United States of America"
    assert delegation_of(db, people["Ivanov"]) == "Russian Federation"
    assert delegation_of(db, people["Al-Hashimi"]) == "Russian Federation"
    assert "No." in report.ignored_columns


def test_a_second_list_numbered_from_one_adds_people_and_overwrites_nobody(
        db, tmp_path: Path) -> None:
    import_file(db, xlsx(tmp_path / "a.xlsx", [
        UN_HEADER, [1, "Mr.", "RAHMONOV", "Jamshed", "Minister", "Tajikistan", ""],
        [2, "Ms.", "KARIMOVA", "Malika", "Counsellor", "Tajikistan", ""]]), who=who_at(db, DESK))
    report = import_file(db, xlsx(tmp_path / "b.xlsx", [
        UN_HEADER, [1, "Mr.", "SAIDOV", "Farrukh", "Attaché", "Tajikistan", ""],
        [2, "Ms.", "NAZAROVA", "Zarina", "Expert", "Tajikistan", ""]]), who=who_at(db, DESK))
    assert (report.added, report.updated) == (2, 0)
    assert set(everyone(db)) == {"Rahmonov", "Karimova", "Saidov", "Nazarova"}


def test_an_id_column_that_only_counts_rows_is_not_an_identity(db, tmp_path: Path) -> None:
    header = ["ID", "Family name", "Given name", "Country"]
    import_file(db, csv(tmp_path / "a.csv", [",".join(header), "1,Rahmonov,Jamshed,TJ",
                                             "2,Karimova,Malika,TJ"]), who=who_at(db, DESK))
    report = import_file(db, csv(tmp_path / "b.csv", [",".join(header), "1,Saidov,Farrukh,TJ",
                                                      "2,Nazarova,Zarina,TJ"]),
                                                      who=who_at(db, DESK))
    assert (report.added, report.updated) == (2, 0)
    assert any("numbers the rows" in w.message() for w in report.warnings)
    assert len(everyone(db)) == 4


def test_a_match_with_both_names_different_is_a_conflict_and_writes_nothing(
        db, tmp_path: Path) -> None:
    header = "Participant ID,Family name,Given name,Country,E-mail"
    import_file(db, csv(tmp_path / "a.csv", [header, "TJ-7,Rahmonov,Jamshed,TJ,j@mfa.tj",
                                             "TJ-8,Karimova,Malika,TJ,m@mfa.tj"]),
                who=who_at(db, DESK))
    before = store.all_delegates(db)
    report = import_file(db, csv(tmp_path / "b.csv", [
        header, "TJ-7,Nazarova,Zarina,TJ,z@mfa.tj",  # someone else under TJ-7
        "TJ-8,Karimova,Malika Saidovna,TJ,m@mfa.tj"]), who=who_at(db, DESK))  # the same, completed
    assert not report.imported and store.all_delegates(db) == before
    assert [e.row for e in report.errors] == [2]
    message = report.errors[0].message()
    assert "Rahmonov Jamshed" in message and "Nazarova Zarina" in message
    assert "external id" in message
    fixed = import_file(db, csv(tmp_path / "c.csv", [
        header, "TJ-8,Karimova,Malika Saidovna,TJ,m@mfa.tj"]), who=who_at(db, DESK))
    assert fixed.updated == 1  # one name the same: a correction, said as such
    assert [w.message() for w in fixed.warnings] == [
        "The name of #2 changes from “Karimova Malika” to “Karimova Malika Saidovna”."]


def test_a_russian_ministry_list_in_cp1251_with_patronymics(db, tmp_path: Path) -> None:
    path = csv(tmp_path / "mid.csv", [
        "№ п/п;Фамилия;Имя;Отчество;Пол;Должность;Страна;Примечание",
        "1;ПЕТРОВ;Сергей;Николаевич;м;Советник;РФ;прибывает 17.10",
        "2;Сидорова;Анна;Викторовна;ж;Первый секретарь;Российская Федерация;",
    ], encoding="cp1251")
    report = import_file(db, path, who=who_at(db, DESK))
    assert report.errors == [] and report.added == 2
    people = everyone(db)
    petrov = people["Petrov"]
    assert (petrov.family_name_cyr, petrov.given_name_cyr) == ("Петров", "Сергей Николаевич")
    assert petrov.given_name == "Sergei"  # a passport's Latin name has no patronymic
    assert (petrov.gender, petrov.function_ru) == (Gender.MALE, "Советник")
    assert people["Sidorova"].gender is Gender.FEMALE
    assert delegation_of(db, petrov) == "Russian Federation"
    assert set(report.ignored_columns) == {"№ п/п", "Примечание"}


def test_a_google_forms_export(db, tmp_path: Path) -> None:
    path = csv(tmp_path / "form.csv", [
        "Timestamp,Full name,Email address,Gender,Organisation,Position",
        "2022/09/30 10:15:00 AM GMT+5,Jamshed RAHMONOV,j@mfa.tj,Male,Tajikistan,Minister",
        "2022/09/30 11:02:41 AM GMT+5,Malika Karimova,m@osce.example,Prefer not to say,OSCE,"
        "Programme Officer",
        "2022/10/01 09:00:00 AM GMT+5,Иванов Пётр,p@osce.example,Не указано,ОБСЕ,Эксперт",
        "2022/10/01 09:30:00 AM GMT+5,Amina Yusuf,a@un.example,Other,UNOCT,Consultant",
        "2022/10/01 09:45:00 AM GMT+5,Lena Berg,l@ngo.example,Female,"
        "Central Asian Women's Network,Coordinator",
    ])
    report = import_file(db, path, who=who_at(db, DESK))
    assert report.errors == [] and report.added == 5
    people = everyone(db)
    assert people["Rahmonov"].given_name == "Jamshed"
    assert people["Karimova"].given_name == "Malika"  # given name first in a Latin form
    assert people["Ivanov"].family_name_cyr == "Иванов"  # family name first in Cyrillic
    assert {people[n].gender for n in ("Karimova", "Ivanov", "Yusuf")} == {Gender.NOT_STATED}
    assert delegation_of(db, people["Karimova"]) == OSCE
    assert delegation_of(db, people["Ivanov"]) == OSCE
    split = [w for w in report.warnings if "Full name read as" in w.message()]
    assert len(split) == 5  # each split is there to check
    assert report.ignored_columns == ["Timestamp"]
    made = {d.name_en: d.type for d in delegations.list_delegations(db)}
    assert made["United Nations Office of Counter-Terrorism (UNOCT)"] is \
        DelegationType.INTERNATIONAL_ORGANIZATION
    assert made["Central Asian Women's Network"] is DelegationType.INTERNATIONAL_ORGANIZATION


def test_one_new_organization_under_two_names_is_created_once(db, tmp_path: Path) -> None:
    report = import_file(db, csv(tmp_path / "a.csv", [
        "Family name,Given name,Country", "Ivanov,Petr,ООН", "Smith,Anna,UN",
        "Dupont,Marie,Narnia"]), who=who_at(db, DESK))
    assert report.created_delegations == ["Narnia", "ООН"]
    made = {d.name_en or d.name_ru: d.type for d in delegations.list_delegations(db)}
    # Recognized: made with its names in both languages (issue 28).
    assert made["United Nations"] is DelegationType.INTERNATIONAL_ORGANIZATION
    assert made["Narnia"] is DelegationType.MEMBER_STATE  # the column says "Country"


def test_control_characters_are_cleaned_at_the_door_and_reported(db, tmp_path: Path) -> None:
    path = csv(tmp_path / "a.csv", ["Family name,Given name,Country,Position",
                                    "Rah\x00monov,\x1bJam\x07shed,Tajikistan,Min\u200bister",
                                    "Karimova,Mali\u0301ka,Tajikistan,"])
    report = import_file(db, path, who=who_at(db, DESK))
    assert report.errors == []
    person = everyone(db)["Rahmonov"]
    assert (person.given_name, person.function_en) == ("Jamshed", "Minister")
    assert everyone(db)["Karimova"].given_name == "Mali\u0301ka".replace("i\u0301", "í")
    assert sum("control characters" in w.message() for w in report.warnings) == 3
    assert search(db, "rahmonov")[0].id == person.id


def test_what_is_already_stored_never_breaks_a_writer(db, tmp_path: Path) -> None:
    """Values that came in before the door was guarded: every xlsx, CSV and PDF still
    comes out."""
    import_file(db, csv(tmp_path / "a.csv", ["Family name,Given name,Country",
                                             "Rahmonov,Jamshed,Tajikistan"]), who=who_at(db, DESK))
    with atomic(db):
        db.execute("UPDATE delegate SET family_name = ?, given_name = ?, function_en = ?",
                   ["X" * 5000, "Ja\x00m\x1bshed", "=HYPERLINK(\"http://x\")" + "F" * 4000])
    outputs = [
        attendance_files.write_workbook(attendance.collect(db), tmp_path / "a.xlsx"),
        attendance_files.write_csv(attendance.collect(db), tmp_path / "a.csv"),
        participants.export(db, tmp_path / "lop.pdf"),
        participants.export(db, tmp_path / "lop.xlsx"),
        participants.export(db, tmp_path / "lop-ru.pdf", lang="ru"),
        programme_export.write_pdf(db, tmp_path / "p.pdf"),
    ]
    for out in outputs:
        assert Path(out).stat().st_size > 0
    sheet = openpyxl.load_workbook(tmp_path / "lop.xlsx").active
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(t.startswith("=HYPERLINK") for t in texts)  # shown as typed, as text


@pytest.mark.parametrize(("name", "message"), [
    ("محمد الحسيني", "not in Latin or Cyrillic letters"),
    ("王伟", "not in Latin or Cyrillic letters"),
    ("A" * 101, "at most 100 are allowed"),
])
def test_names_no_badge_can_print_are_refused_at_import(db, tmp_path: Path, name: str,
                                                        message: str) -> None:
    report = import_file(db, csv(tmp_path / "a.csv", ["Family name,Given name,Country",
                                                      f"{name},Omar,Tajikistan"]),
                         who=who_at(db, DESK))
    assert not report.imported and message in report.errors[0].message()


def test_emoji_are_dropped_with_a_note(db, tmp_path: Path) -> None:
    report = import_file(db, csv(tmp_path / "a.csv", ["Family name,Given name,Country",
                                                      "Karimova 🌸,Malika 👍🏽,Tajikistan"]),
                         who=who_at(db, DESK))
    assert report.errors == []
    person = everyone(db)["Karimova"]
    assert person.given_name == "Malika"
    assert sum("Emoji were removed" in w.message() for w in report.warnings) == 2


def test_a_stored_name_in_another_script_never_prints_an_empty_badge(db, tmp_path) -> None:
    import_file(db, csv(tmp_path / "a.csv", ["Family name,Given name,Country",
                                             "Rahmonov,Jamshed,Tajikistan"]), who=who_at(db, DESK))
    person = everyone(db)["Rahmonov"]
    with atomic(db):
        db.execute("UPDATE delegate SET family_name = 'محمد' WHERE id = ?", [person.id])
    with pytest.raises(UserError, match="cannot be printed"):
        badges.pdf_bytes(db, [person.id], badges.layout_of("a6"))


def test_a_zip_bomb_is_refused_before_it_is_unpacked(db, tmp_path: Path,
                                                     monkeypatch) -> None:
    path = tmp_path / "bomb.xlsx"
    xlsx(path, [["Family name", "Country"], ["Rahmonov", "Tajikistan"]])
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/padding.xml", b"0" * (3 * 1024 * 1024))
    assert path.stat().st_size < 200_000
    monkeypatch.setattr(guards, "MAX_UNPACKED_BYTES", 2 * 1024 * 1024)
    with pytest.raises(UserError, match="too large to be a list"):
        import_file(db, path, who=who_at(db, DESK))
    assert store.all_delegates(db) == []
    with pytest.raises(UserError, match="too large to be a list"):  # the wizard's sheets too
        tables.sheet_names(path)
    monkeypatch.setattr(guards, "MAX_UNPACKED_BYTES", 8 * 1024 * 1024)
    assert len(tables.sheet_names(path)) == 1  # within the limit: read


def test_the_sheets_of_a_broken_workbook_are_refused_in_words(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(UserError):
        tables.sheet_names(path)


def test_a_list_with_too_many_rows_is_refused(db, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(guards, "MAX_ROWS", 100)
    lines = ["Family name,Country"] + [f"Person{i},Tajikistan" for i in range(150)]
    for path in (csv(tmp_path / "a.csv", lines),
                 xlsx(tmp_path / "a.xlsx", [line.split(",") for line in lines])):
        with pytest.raises(UserError, match="more than 100 rows"):
            import_file(db, path, who=who_at(db, DESK))


def test_a_failure_after_the_rows_are_written_leaves_nothing_written(
        db, tmp_path: Path, monkeypatch) -> None:
    from bsm_desk.services.registry import duplicates

    def out_of_memory(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise MemoryError

    monkeypatch.setattr(duplicates, "duplicate_ids", out_of_memory)
    with pytest.raises(MemoryError):
        import_file(db, csv(tmp_path / "a.csv", ["Family name,Country",
                                                 "Rahmonov,Tajikistan"]), who=who_at(db, DESK))
    assert store.all_delegates(db) == []


def test_the_duplicate_check_scales_to_a_huge_delegation(db, tmp_path: Path) -> None:
    syllables = ["ka", "ri", "mo", "va", "sa", "id", "na", "zar", "rah", "mon", "to", "sh",
                 "ab", "du", "lo", "fe", "gu", "li", "ne", "qu", "be", "ti", "ro", "ha"]

    def word(n: int) -> str:
        letters = ""
        for _ in range(4):
            n, r = divmod(n, len(syllables))
            letters += syllables[r]
        return letters.capitalize()

    names = [(word(i * 7919 % 331_776), word(i * 104_729 % 331_776)) for i in range(20_000)]
    lines = ["Family name,Given name,Country"] + [f"{f},{g},Tajikistan" for f, g in names]
    family, given = names[42]
    typo = given[:-2] + given[-1] + given[-2]
    lines.append(f"{family},{typo},Tajikistan")  # row 44 again, with a typo
    report = import_file(db, csv(tmp_path / "big.csv", lines), who=who_at(db, DESK))
    assert report.added == 20_001
    ids = {(d.family_name, d.given_name): d.id for d in store.all_delegates(db)}
    pair = tuple(sorted((ids[(family, given)], ids[(family, typo)])))
    assert pair in {tuple(sorted(p)) for p in report.duplicates}


def _lists(tmp_path: Path) -> dict[str, Path]:
    return {
        "un_lop": xlsx(tmp_path / "lop.xlsx", [
            UN_HEADER,
            [1, "H.E. Mr.", "RAHMONOV", "Jamshed", "Deputy Minister", "Tajikistan",
             "j.rahmonov@mfa.tj"],
            [2, "Ms.", "SMITH", "Anna", "Counsellor", "USA", ""],
            [3, "Excellency", "AL-HASHIMI", "Omar", "Ambassador", "Россия", ""],
        ], title_rows=2),
        "ministry_cp1251": csv(tmp_path / "mid.csv", [
            "№ п/п;Фамилия;Имя;Отчество;Пол;Должность;Страна",
            "1;ПЕТРОВ;Сергей;Николаевич;м;Советник;РФ",
            "2;Сулейменова;Айгуль;Маратовна;ж;Первый секретарь;Казахстан",
        ], encoding="cp1251"),
        "google_forms": csv(tmp_path / "form.csv", [
            "Timestamp,Full name,Email address,Gender,Organisation,Position",
            "2022/09/30 10:15:00 AM GMT+5,Jamshed RAHMONOV,,Male,Tajikistan,Minister",
            "2022/10/01 09:00:00 AM GMT+5,Иванов Пётр,,Не указано,ОБСЕ,Эксперт",
        ]),
        "tajik_utf8": csv(tmp_path / "tj.csv", [
            "Фамилия,Имя,Делегация", "Ҷӯраев,Ҳакимҷон,Таджикистан", "Қодирова,Гулбаҳор,TJ"]),
    }


@pytest.mark.parametrize("kind", ["un_lop", "ministry_cp1251", "google_forms", "tajik_utf8"])
def test_a_list_imported_twice_adds_nobody_the_second_time(db, tmp_path: Path,
                                                            kind: str) -> None:
    """Issue 28: people without an e-mail are matched by name and delegation (folded
    across scripts and spellings): the same list again adds 0."""
    path = _lists(tmp_path)[kind]
    first = import_file(db, path, who=who_at(db, DESK))
    assert first.errors == [] and first.added >= 2
    count = len(everyone(db))
    again = import_file(db, path, who=who_at(db, DESK))
    assert again.errors == [] and again.added == 0
    assert again.unchanged + again.updated == first.added and len(everyone(db)) == count


def test_a_namesake_is_asked_about_not_merged(db, tmp_path: Path) -> None:
    """A row with the name of a registered person of the same delegation but another
    e-mail is a question (nothing imported), not a silent merge; several registered
    namesakes are a question too."""
    header = "Family name,Given name,Country,E-mail"
    import_file(db, csv(tmp_path / "a.csv", [header, "Rahmonov,Jamshed,TJ,j@mfa.tj"]),
                who=who_at(db, DESK))
    report = import_file(db, csv(tmp_path / "b.csv", [header,
                                                      "Rahmonov,Jamshed,TJ,other@mfa.tj"]),
                         who=who_at(db, DESK))
    assert not report.imported and "namesake" in report.errors[0].message()
    assert "e-mail" in report.errors[0].message()
    # The namesake added by hand is found by that e-mail from then on; a row with the
    # name alone cannot say which of the two it is.
    from dataclasses import replace

    from bsm_desk.services import registry

    first = next(iter(everyone(db).values()))
    registry.save_delegate(db, replace(first, id=None, email="other@mfa.tj"), who=who_at(db, DESK))
    told = import_file(db, csv(tmp_path / "c.csv", [header,
                                                    "Rahmonov,Jamshed,TJ,other@mfa.tj"]),
                       who=who_at(db, DESK))
    assert told.errors == [] and told.added == 0 and told.unchanged == 1
    which = import_file(db, csv(tmp_path / "d.csv", ["Family name,Given name,Country",
                                                     "Раҳмонов,Ҷамшед,TJ"]), who=who_at(db, DESK))
    assert not which.imported and "2 people" in which.errors[0].message()


def test_a_rank_set_by_hand_survives_a_new_function_on_re_import(db, tmp_path: Path) -> None:
    """Issue 28: a registrar's rank stays when the list brings a new function; a rank
    never set by hand follows the new function."""
    from dataclasses import replace

    from bsm_desk.domain.model import ProtocolRank
    from bsm_desk.services import registry

    header = "Family name,Given name,Country,Position,E-mail"
    import_file(db, csv(tmp_path / "a.csv", [header,
                                             "Rahmonov,Jamshed,TJ,Counsellor,j@mfa.tj",
                                             "Karimova,Malika,TJ,Counsellor,m@mfa.tj"]),
                who=who_at(db, DESK))
    people = everyone(db)
    registry.save_delegate(db, replace(people["Rahmonov"],
                                       protocol_rank=ProtocolRank.AMBASSADOR,
                                       rank_by_hand=True), who=who_at(db, DESK))
    report = import_file(db, csv(tmp_path / "b.csv", [
        header, "Rahmonov,Jamshed,TJ,First Secretary,j@mfa.tj",
        "Karimova,Malika,TJ,Deputy Minister,m@mfa.tj"]), who=who_at(db, DESK))
    assert report.errors == [] and report.updated == 2
    people = everyone(db)
    assert people["Rahmonov"].protocol_rank is ProtocolRank.AMBASSADOR
    assert people["Rahmonov"].rank_by_hand
    assert people["Karimova"].protocol_rank is ProtocolRank.DEPUTY_MINISTER


def test_a_change_from_another_desk_comes_back_in_its_type() -> None:
    """What a delegate's change record carries (text, from the hub) is typed again before
    it is written: a gender, a rank, a flag."""
    from bsm_desk.domain.model import ProtocolRank
    from bsm_desk.services.registry import typed_value

    assert typed_value("protocol_rank", "minister") is ProtocolRank.MINISTER
    assert typed_value("gender", "F") is Gender.FEMALE
    assert typed_value("rank_by_hand", 1) is True
