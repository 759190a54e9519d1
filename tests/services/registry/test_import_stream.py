"""A long list is read, checked and written a slice at a time (importer.SLICE rows) in one
transaction: what is found across slices is what a list read whole would give — a row
repeated far below the first, a column numbered 1, 2, 3… until it is not, the people
registered before the import, in any desk's block of ids — and a list of many wrong rows
lists the first of its problems and counts them all."""

from __future__ import annotations

import json
from pathlib import Path

from bsm_desk.cli import main
from bsm_desk.domain import importing as rules
from bsm_desk.domain.model import Gender
from bsm_desk.domain.people import Delegate
from bsm_desk.services.registry import importer
from bsm_desk.services.registry.importer import LISTED, SLICE, import_file
from bsm_desk.services.registry.tables import open_list
from bsm_desk.store import atomic
from bsm_desk.store import delegates as store
from bsm_desk.store.db import ID_BLOCK
from tests.acting import who_at
from tests.conftest import DESK
from tests.services.registry.test_import_real_lists import csv, db  # noqa: F401 - fixture

ROWS = 2 * SLICE + SLICE // 2  # three slices, the last one short


def _people(rows: int, *, first: str = "№") -> list[str]:
    return [f"{first},Family name,Given name,Country,E-mail"] + [
        f"{n},Family{n},Given{n},Tajikistan,person{n}@example.org" for n in range(1, rows + 1)]


def test_a_row_repeated_slices_below_the_first_names_it_and_nothing_is_written(
        db, tmp_path: Path) -> None:  # noqa: F811 - the fixture
    lines = _people(ROWS)
    lines[-1] = f"{ROWS},Other,Person,Tajikistan,person3@example.org"  # row 3's e-mail
    report = import_file(db, csv(tmp_path / "a.csv", lines), who=who_at(db, DESK))
    assert [(p.row, p.template, p.fields["other"]) for p in report.errors] == [
        (ROWS + 1, rules.DUPLICATE_ROW, 4)]  # rows as a text editor numbers them
    assert not report.imported and store.all_delegates(db) == []


def test_a_list_of_many_wrong_rows_lists_the_first_and_counts_them_all(
        db, tmp_path: Path, capsys) -> None:  # noqa: F811 - the fixture
    lines = ["Family name,Gender,Country"] + [f"Family{n},X?,Tajikistan"
                                             for n in range(LISTED + 250)]
    path = csv(tmp_path / "a.csv", lines)
    report = import_file(db, path, who=who_at(db, DESK))
    assert len(report.errors) == LISTED and report.error_count == LISTED + 250
    assert [p.row for p in report.errors] == list(range(2, LISTED + 2))  # the first, in order
    assert store.all_delegates(db) == []
    assert main(["import", "--db", str(tmp_path / "event.sqlite"), str(path)]) == 1
    assert "and 250 more" in capsys.readouterr().err
    assert main(["import", "--db", str(tmp_path / "event.sqlite"), str(path), "--json"]) == 1
    said = json.loads(capsys.readouterr().out)
    assert said["error_count"] == LISTED + 250 and len(said["errors"]) == LISTED


def test_a_running_number_over_many_slices_is_one(db, tmp_path: Path) -> None:  # noqa: F811
    lines = _people(ROWS, first="ID")  # a header for external ids, numbers under it
    report = import_file(db, csv(tmp_path / "a.csv", lines), who=who_at(db, DESK))
    assert report.imported and report.added == ROWS
    assert report.warnings[0].template == rules.RUNNING_NUMBER
    assert {d.external_id for d in store.all_delegates(db)} == {""}


def test_a_column_numbered_until_it_is_not_is_read_again_as_external_ids(
        db, tmp_path: Path) -> None:  # noqa: F811 - the fixture
    lines = _people(ROWS, first="ID")
    lines[-10] = lines[-10].replace(f"{ROWS - 9},", "A-77,", 1)  # in the third slice
    report = import_file(db, csv(tmp_path / "a.csv", lines), who=who_at(db, DESK))
    assert report.imported and report.added == ROWS
    assert not any(p.template == rules.RUNNING_NUMBER for p in report.warnings)
    ids = {d.external_id for d in store.all_delegates(db)}
    assert "A-77" in ids and "1" in ids and len(ids) == ROWS
    assert report.columns["ID"] == "external_id"
    # The check (a plan) walks again the same way and writes nothing.
    again = importer.plan(db, open_list(tmp_path / "a.csv"))
    assert again.unchanged == ROWS and again.columns["ID"] == "external_id"


def test_people_registered_in_another_desks_block_are_matched_not_added(
        db, tmp_path: Path) -> None:  # noqa: F811 - the fixture
    """On a desk of a hub this desk writes in its own block of ids; someone registered
    by another desk (a higher block) is still someone registered before the import."""
    tajikistan = db.execute("SELECT id FROM delegation WHERE iso_code = 'TJ'").fetchone()[0]
    category = db.execute("SELECT id FROM category ORDER BY id").fetchone()[0]
    with atomic(db):
        db.execute("INSERT INTO sync_state (name, value) VALUES ('id_block', '1')")
        store.add_delegates(db, [Delegate(family_name="Family1", given_name="Given1",
                                          delegation_id=tajikistan, category_id=category,
                                          gender=Gender.MALE)])
        db.execute("UPDATE delegate SET id = ? WHERE family_name = 'Family1'",
                   [3 * ID_BLOCK + 5])  # as another desk's, pulled from the hub
    lines = [line.split(",", 1)[1].rsplit(",", 1)[0] for line in _people(SLICE + 5)]
    lines[0] = "Family name,Given name,Country"
    lines.append(lines[1])  # Family1 again, last: only by name, in a later slice
    lines.pop(1)
    report = import_file(db, csv(tmp_path / "a.csv", lines), who=who_at(db, DESK))
    assert report.imported, report.errors
    assert (report.added, report.unchanged) == (SLICE + 4, 1)
    written = [d.id for d in store.all_delegates(db) if d.id and d.id < 3 * ID_BLOCK]
    assert len(written) == SLICE + 4 and min(written) >= ID_BLOCK


def test_a_list_whose_people_share_a_few_names_proposes_at_most_so_many_pairs(
        db, tmp_path: Path, monkeypatch) -> None:  # noqa: F811 - the fixture
    """Past duplicates.MOST pairs the search stops (40 near names: 780 pairs)."""
    from bsm_desk.services.registry import duplicates

    lines = ["Family name,Given name,Country"] + [
        f"Rahmonov,Alisher {n},Tajikistan" for n in range(40)]
    path = csv(tmp_path / "a.csv", lines)
    monkeypatch.setattr(duplicates, "MOST", 5)
    report = import_file(db, path, who=who_at(db, DESK))
    assert report.imported and len(report.duplicates) == 5
    assert len(duplicates.find_duplicates(db)) == 5
    monkeypatch.setattr(duplicates, "MOST", 10_000)
    assert len(duplicates.find_duplicates(db)) > 100  # the list's own, without the cap


def test_a_workbook_whose_sheet_breaks_off_after_its_first_slices_is_refused_whole(
        db, tmp_path: Path) -> None:  # noqa: F811 - the fixture
    """Its XML ends in the middle of a row, past rows already written into the open
    transaction: the list is refused in words, and nothing of it is kept."""
    import zipfile

    import openpyxl

    from bsm_desk.domain.errors import UserError

    sound = tmp_path / "sound.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Family name", "Given name", "Country"])
    for n in range(ROWS):
        sheet.append([f"Family{n}", f"Given{n}", "Tajikistan"])
    book.save(sound)
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(sound) as old, zipfile.ZipFile(broken, "w",
                                                        zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data[:len(data) * 9 // 10]  # the zip is sound; the XML is not
            new.writestr(info.filename, data)
    try:
        import_file(db, broken, who=who_at(db, DESK))
    except UserError as refused:
        assert "not a readable Excel workbook" in str(refused)
    else:
        raise AssertionError("a broken sheet was imported")
    assert store.all_delegates(db) == []


def test_a_text_list_in_cp1251_whose_first_megabytes_are_plain_latin_is_read_as_cp1251(
        db, tmp_path: Path) -> None:  # noqa: F811 - the fixture
    """The encoding is told from the whole file, read a megabyte at a time."""
    lines = ["Family name;Given name;Country"] + [
        f"Family{n};Given{n};Tajikistan" for n in range(60_000)]  # about 2 MB of ASCII
    lines.append("Раҳмонов;Алишер;Таджикистан".replace("ҳ", "х"))
    path = tmp_path / "a.csv"
    path.write_bytes("\r\n".join(lines).encode("cp1251"))
    report = importer.plan(db, open_list(path))
    assert not report.errors and report.added == 60_001
    assert open_list(path).expected >= 60_001
    last = list(open_list(path))[-1][1]
    assert last == ["Рахмонов", "Алишер", "Таджикистан"]
