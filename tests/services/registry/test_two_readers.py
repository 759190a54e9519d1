"""A workbook is read by calamine when it is small and streamed by openpyxl when it is
big: both give the same rows, with the same numbers, from the same columns. Calamine
reads only a copy whose parts Python's zipfile unpacked within the sizes the zip
declares; a part that lies about its size, a name given twice or a part calamine cannot
parse is a workbook refused with one clear error, whichever reader meets it."""

from __future__ import annotations

import struct
import zipfile
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bsm_desk.domain.errors import UserError
from bsm_desk.domain.importing import cell_text
from bsm_desk.services.registry import tables
from bsm_desk.services.registry import workbook_readers as readers

CELLS = st.one_of(
    st.none(),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
            max_size=30),
    st.sampled_from(["Ҳакимов", "Ҷаҳонгир", "Қурбонзода", "Rahmonov", "Иван Иванович",
                     "O'Neil", "  spaced  ", "1234567", "P1000000"]),
    st.integers(-10**12, 10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.dates(date(1920, 1, 1), date(2030, 12, 31)),
    st.datetimes(datetime(1920, 1, 1), datetime(2030, 12, 31)).map(
        lambda d: d.replace(microsecond=0)),
    st.booleans(),
)


def _seen(rows: list[tables.Row]) -> list[tuple[int, list[str]]]:
    """Rows as the importer sees them: each cell's text, trailing empty cells dropped."""
    seen = []
    for number, cells in rows:
        texts = [cell_text(c) if not isinstance(c, str) else c for c in cells]
        while texts and texts[-1] == "":
            texts.pop()
        seen.append((number, texts))
    return seen


def both(path: Path, sheet: str | None = None) -> tuple[list[Any], list[Any]]:
    fast = tables.read_table(path, sheet)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(readers, "FAST_READ_BYTES", -1)  # every workbook "big": openpyxl
        streamed = tables.read_table(path, sheet)
    assert fast.sheet == streamed.sheet
    return _seen(fast.rows), _seen(streamed.rows)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(CELLS, max_size=8), max_size=12),
       skip_rows=st.integers(0, 3), skip_columns=st.integers(0, 3))
@example(rows=[["Family name", None, "x"], [], ["Rahmonov", 1.0, date(2022, 10, 18)]],
         skip_rows=2, skip_columns=1)
def test_both_readers_give_the_same_rows(tmp_path_factory, rows: list[list[Any]],
                                         skip_rows: int, skip_columns: int) -> None:
    path = tmp_path_factory.mktemp("two") / "list.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Участники"
    for r, cells in enumerate(rows, start=1 + skip_rows):
        for c, value in enumerate(cells, start=1 + skip_columns):
            sheet.cell(r, c, value)
    book.save(path)
    fast, streamed = both(path)
    assert fast == streamed


def test_the_sheet_asked_for_and_times_read_alike(tmp_path: Path) -> None:
    path = tmp_path / "two sheets.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Cover"
    book.active.append(["Delegation list"])
    other = book.create_sheet("Делегаты")
    other.append(["Фамилия", "Arrives", "Born"])
    other.append(["Рахмонов", time(9, 30), datetime(1970, 5, 1)])
    book.save(path)
    fast, streamed = both(path, "Делегаты")
    assert fast == streamed == [(1, ["Фамилия", "Arrives", "Born"]),
                                (2, ["Рахмонов", "09:30:00", "1970-05-01"])]
    assert both(path)[0] == [(1, ["Delegation list"])]
    with pytest.raises(UserError, match="no sheet “Nope”. Sheets: Cover, Делегаты"):
        tables.read_table(path, "Nope")


def test_a_small_workbook_is_read_by_calamine_and_a_big_one_by_openpyxl(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "list.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Family name"])
    book.active.append(["Rahmonov"])
    book.save(path)
    used: list[str] = []
    for name in ("calamine_sheet", "openpyxl_sheet"):
        real = getattr(readers, name)
        monkeypatch.setattr(readers, name, lambda *a, real=real, name=name: (
            used.append(name), real(*a))[1])
    tables.read_table(path)
    monkeypatch.setattr(readers, "FAST_READ_BYTES", 10)
    tables.read_table(path)
    assert used == ["calamine_sheet", "openpyxl_sheet"]


def _sound(path: Path) -> Path:
    book = openpyxl.Workbook()
    book.active.append(["Family name", "Country"])
    book.active.append(["Rahmonov", "Tajikistan"])
    book.save(path)
    return path


def _lying(source: Path, target: Path) -> Path:
    """``source`` with the central directory saying its sheet unpacks to 10 bytes."""
    data = bytearray(source.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    central = data.find(b"PK\x01\x02")
    while central >= 0:
        length = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46:central + 46 + length] == name:
            struct.pack_into("<I", data, central + 24, 10)  # uncompressed size
            break
        central = data.find(b"PK\x01\x02", central + 4)
    target.write_bytes(bytes(data))
    with zipfile.ZipFile(target) as archive:
        assert archive.getinfo(name.decode()).file_size == 10
    return target


def test_a_part_that_lies_about_its_size_is_refused(tmp_path: Path) -> None:
    path = _lying(_sound(tmp_path / "sound.xlsx"), tmp_path / "lying.xlsx")
    with pytest.raises(UserError, match="not a readable Excel workbook"):
        readers.checked_copy(path, 2)
    with pytest.raises(UserError, match="not a readable Excel workbook"):
        tables.read_table(path)


def test_a_part_named_twice_is_refused(tmp_path: Path) -> None:
    sound = _sound(tmp_path / "sound.xlsx")
    path = tmp_path / "twice.xlsx"
    with zipfile.ZipFile(sound) as old, zipfile.ZipFile(path, "w") as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info))
        with pytest.warns(UserWarning, match="Duplicate name"):
            new.writestr("xl/worksheets/sheet1.xml", b"<worksheet/>")
    with pytest.raises(UserError, match="not a readable Excel workbook"):
        tables.read_table(path)


@pytest.mark.parametrize("sheet", [
    b"<worksheet><sheetData><row r='1'><c t='s'><v>99</v></c></row>",  # breaks off
    b"not xml at all \x00\xff",
    b"<worksheet><sheetData><row r='999999999999'><c r='ZZZZZZ1'><v>1</v></c></row>"
    b"</sheetData></worksheet>",
])
def test_a_sheet_calamine_cannot_parse_is_one_clear_error(tmp_path: Path,
                                                          sheet: bytes) -> None:
    sound = _sound(tmp_path / "sound.xlsx")
    path = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(sound) as old, zipfile.ZipFile(path, "w",
                                                        zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, sheet if info.filename.endswith("sheet1.xml")
                         else old.read(info))
    try:
        table = tables.read_table(path)
    except UserError as error:
        assert "not a readable Excel workbook" in str(error)
    else:  # calamine may read what it can: then it reads rows, never more than written
        assert len(table.rows) <= 1


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(position=st.integers(0, 10**6), garbage=st.binary(min_size=1, max_size=64))
def test_any_damage_to_a_workbook_gives_rows_or_one_clear_error(
        tmp_path_factory, position: int, garbage: bytes) -> None:
    folder = tmp_path_factory.mktemp("damaged")
    data = bytearray(_sound(folder / "sound.xlsx").read_bytes())
    at = position % len(data)
    data[at:at + len(garbage)] = garbage
    path = folder / "damaged.xlsx"
    path.write_bytes(bytes(data))
    for fast in (readers.FAST_READ_BYTES, -1):  # calamine, then openpyxl's stream
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(readers, "FAST_READ_BYTES", fast)
            try:
                tables.read_table(path)
            except UserError:
                pass


def _one_far_cell(path: Path, ref: bytes, before: bytes = b"") -> Path:
    """A sound list whose second row also holds a cell at ``ref``."""
    sound = _sound(path.with_suffix(".sound.xlsx"))
    sheet = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
             b' xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Family name</t></is>'
             b'</c></row><row r="2">' + before + b'<c r="A2" t="inlineStr"><is><t>Rahmonov'
             b'</t></is></c><c r="' + ref + b'" t="inlineStr"><is><t>far</t></is></c></row>'
             b"</sheetData></worksheet>")
    with zipfile.ZipFile(sound) as old, zipfile.ZipFile(path, "w") as new:
        for info in old.infolist():
            new.writestr(info.filename, sheet if info.filename.endswith("sheet1.xml")
                         else old.read(info))
    return path


@pytest.mark.parametrize("ref", [b"XFD1048576", b"ZZ99999", b"B1048576", b"AAA2",
                                 b"CA20000"])
def test_a_cell_placed_far_away_is_streamed_not_gridded(tmp_path: Path, ref: bytes,
                                                        monkeypatch) -> None:
    """Calamine would ask for a grid of gigabytes and end the process (Rust aborts when
    it cannot allocate): such a sheet goes to openpyxl, which holds only its rows."""
    path = _one_far_cell(tmp_path / "far.xlsx", ref)
    monkeypatch.setattr(readers, "calamine_sheet", None)  # calling it would fail
    rows = tables.read_table(path).rows
    assert [cells[0] for _, cells in rows] == ["Family name", "Rahmonov"]
    assert rows[1][1][-1] == "far"


@pytest.mark.parametrize("cell", [
    b'<c t="inlineStr"><is><t>x</t></is></c>',     # its reference not first
    b'<c\nt="inlineStr"><is><t>x</t></is></c>',    # nor after a space
    b"<c><v>1</v></c>", b"<c/>",                   # no reference at all
    b'<x:c t="n"><x:v>1</x:v></x:c>',               # a prefixed tag
])
def test_a_cell_placed_by_its_order_alone_is_streamed(tmp_path: Path, monkeypatch,
                                                      cell: bytes) -> None:
    """Calamine places such a cell after the one before it: a row of millions of them
    would make a grid as wide, so the sheet is not for calamine."""
    path = _one_far_cell(tmp_path / "order.xlsx", b"B2", before=cell * 3)
    monkeypatch.setattr(readers, "calamine_sheet", None)
    assert "far" in tables.read_table(path).rows[1][1]  # read, and not by calamine


@pytest.mark.parametrize(("ref", "rows", "within"), [
    (b"Z2", 2, True), (b"AZ2", 2, True), (b"NZ2", 2, True), (b"OA2", 2, False),
    (b"A1999", 2, True), (b"A9999", 2, True), (b"A10000", 2, False),
    (b"Z20000", 10_000, True), (b"AA2", 10_000, False), (b"A99999", 10_000, True),
    (b"A100000", 10_000, False)])
def test_the_grid_allowed_shrinks_in_columns_as_rows_grow(ref: bytes, rows: int,
                                                          within: bool) -> None:
    sheet = b'<sheetData><row r="2"><c r="A2"/><c r="' + ref + b'"/></row></sheetData>'
    assert readers.within_grid(sheet, rows) is within
    if within:  # and the grid it allows fits what calamine should hold
        letters = ref.rstrip(b"0123456789")
        column = 0
        for letter in letters:
            column = column * 26 + letter - 64
        assert column * int(ref[len(letters):]) <= readers.MAX_FAST_CELLS


def test_a_part_in_a_zip_version_python_does_not_know_is_one_clear_error(
        tmp_path: Path) -> None:
    data = bytearray(_sound(tmp_path / "sound.xlsx").read_bytes())
    central = data.find(b"PK\x01\x02")
    struct.pack_into("<H", data, central + 6, 64)  # "version needed to extract": 6.4
    path = tmp_path / "future.xlsx"
    path.write_bytes(bytes(data))
    with pytest.raises(UserError, match="not a readable Excel workbook"):
        tables.read_table(path)
