"""The one spreadsheet-cell guard: formulas stay text (no apostrophe in .xlsx), control
characters go, in every writer."""

from __future__ import annotations

import errno
import io
from pathlib import Path

import openpyxl
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from bsm_desk.services.output import cells

RISKY = ["=HYPERLINK(\"http://x\")", "+1+1", "-2", "@SUM(A1)", "\tTAB", "\rCR"]


def test_xlsx_keeps_risky_text_as_text_without_an_apostrophe(tmp_path: Path) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("s")
    sheet.append([cells.xlsx(v, sheet) for v in [*RISKY, "Ra\x00h\x1bmonov", 5, None]])
    book.save(tmp_path / "t.xlsx")
    values = [c.value for c in next(openpyxl.load_workbook(tmp_path / "t.xlsx")["s"].rows)]
    assert values[:6] == RISKY  # shown exactly as typed, and stored as text
    assert values[6] == "Rahmonov" and values[7] == 5
    types = [c.data_type for c in next(openpyxl.load_workbook(tmp_path / "t.xlsx")["s"].rows)]
    assert types[:6] == ["s"] * 6


def test_csv_neutralises_risky_text() -> None:
    assert [cells.csv(v) for v in RISKY] == ["'" + v for v in RISKY]
    assert cells.csv("Ra\x07hmonov") == "Rahmonov" and cells.csv(None) == "" and \
        cells.csv(3) == 3


def test_the_programme_workbook_guards_room_names_and_titles(demo_copy: Path,
                                                             tmp_path: Path) -> None:
    from contextlib import closing

    from bsm_desk.services.programme.export import write_xlsx
    from bsm_desk.store import connect

    with closing(connect(demo_copy)) as db:
        db.execute("UPDATE room SET name_en = '=cmd|calc' WHERE id = 1")
        db.execute("UPDATE session SET title_en = '@risky' WHERE id = 1")
        write_xlsx(db, tmp_path / "p.xlsx")
    texts = [c for ws in openpyxl.load_workbook(tmp_path / "p.xlsx").worksheets
             for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    by_value = {c.value: c for c in texts}
    assert by_value["=cmd|calc"].data_type == "s" and by_value["@risky"].data_type == "s"
    assert not any(c.value.startswith("'") for c in texts)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=60), min_size=1, max_size=8))
def test_any_title_makes_a_sheet_excel_takes(titles: list[str]) -> None:
    """Session titles and names become sheet names: whatever they hold ("Thematic
    Session I: …", brackets, slashes, control characters, nothing at all), openpyxl
    takes them, at most 31 characters, no two alike in one workbook."""
    from openpyxl import Workbook

    from bsm_desk.services.output.cells import sheet_title

    book = Workbook(write_only=True)
    used: set[str] = set()
    made = [sheet_title(title, used) for title in titles]
    for name in made:
        book.create_sheet(name)
        assert 1 <= len(name) <= 31 and not set(name) & set("[]:*?/\\")
    assert len({name.casefold() for name in made}) == len(made)


def test_the_record_of_statements_of_the_demo_as_a_workbook(tmp_path) -> None:
    """The demo people open has lists at sessions whose titles hold a colon."""
    from openpyxl import load_workbook

    from bsm_desk.services.demo import build_demo
    from bsm_desk.services.speakers import export
    from bsm_desk.store import connect

    path = tmp_path / "demo.sqlite"
    build_demo(path, desk_id="d", showcase=True)
    db = connect(path)
    try:
        out = export.write(db, tmp_path / "speakers.xlsx", lang="en")
    finally:
        db.close()
    assert len(load_workbook(out).sheetnames) == 2


@settings(max_examples=500)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80)
       | st.text(alphabet="a\x00\x01\x0b\x1f\t\n\r\u2028\xa0Ж", max_size=40))
def test_clean_is_openpyxl_s_own_rule_whatever_the_text(text: str) -> None:
    """The quick path for printable text drops exactly what openpyxl refuses."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    assert cells.clean(text) == ILLEGAL_CHARACTERS_RE.sub("", text)[:cells.MAX_CELL]


class _Text(str):
    """Text of a subclass (a library's own string type): guarded like any text."""


@settings(max_examples=300)
@given(st.lists(st.none() | st.integers() | st.floats() | st.booleans() | st.datetimes()
                | st.text(max_size=12)
                | st.sampled_from(["", "=1+1", "+7", "a\x00b", "Раҳмонов", " ", _Text("=1+1"),
                                  _Text("Ali")]), max_size=8))
def test_a_row_is_its_cells_each_guarded(values: list) -> None:
    from openpyxl.cell.cell import Cell

    ws = Workbook(write_only=True).create_sheet("S")

    def seen(value: object) -> object:  # a text cell kept as text: its value
        return (value.value, value.data_type) if isinstance(value, Cell) else value

    each = [cells.xlsx(v, ws) for v in values]
    assert [seen(v) for v in cells.xlsx_row(values, ws)] == [seen(v) for v in each]


_TEXTS = st.text(max_size=10) | st.sampled_from([
    "", " ", "=1+1", " =1", "a =b", "a -b", "a +b", "a @b", "-", "@x", "+7", "\t1", "a\rb",
    "Ҷ\x7f",
    "Раҳмонов", "O'Brien", _Text("=1+1"), _Text("Ali"), "x" * (cells.MAX_CELL - 3),
    "y" * (cells.MAX_CELL + 1)])


@settings(max_examples=300)
@given(st.lists(_TEXTS, max_size=9), st.integers(min_value=0, max_value=10))
@example(["a", "=1"], 2)  # each way a value past the first starts a formula, every run
@example(["a", "+7"], 2)
@example(["a", "-b"], 2)
@example(["a", "@x"], 2)
def test_a_row_of_text_is_guarded_as_each_of_its_cells(values: list, count: int) -> None:
    """Rows of text alone take a quicker path (the whole row looked at once): the same
    cells as each value guarded in turn, up to the count, and nothing past it."""
    from openpyxl.cell.cell import Cell

    ws = Workbook(write_only=True).create_sheet("S")

    def seen(value: object) -> object:
        return (value.value, value.data_type) if isinstance(value, Cell) else value

    expected = [cells.xlsx(v, ws) for v in values[:count]] + values[count:]
    assert [seen(v) for v in cells.guard(list(values), ws, count)] == \
        [seen(v) for v in expected]


def test_two_writers_of_one_file_at_once_do_not_write_into_each_other(tmp_path: Path
                                                                      ) -> None:
    """A second export of the same file while the first is still writing (another desk,
    a double click) gets a partial file of its own; both end whole."""
    from bsm_desk.services.output.files import written

    out = tmp_path / "report.csv"
    with written(out) as first:
        with written(out) as second:
            assert second != first
            second.write_text("second")
        first.write_text("first")
    assert out.read_text() == "first"
    assert list(tmp_path.glob("*.part")) == []


def test_a_guarded_row_is_guarded_in_place_up_to_its_count() -> None:
    """A sheet guards the text it took from a registry; what follows (its own marks and
    times) is left as it is, and the row is the same list."""
    ws = Workbook(write_only=True).create_sheet("S")
    row = ["=HYPERLINK(1)", "", "Раҳмонов", "+7", None]
    assert cells.guard(row, ws, 3) is row
    assert row[0].value == "=HYPERLINK(1)" and row[0].data_type == "s"
    assert row[1:] == [None, "Раҳмонов", "+7", None]  # past the count: untouched
    assert cells.guard(["=1"], ws, 5)[0].data_type == "s"  # a count past the end


class _FullDisk(io.BytesIO):
    """A file on a disk that fills after a few bytes: every write then fails, and so
    does the flush of a close, as a real full disk's does."""

    def write(self, data: bytes, /) -> int:  # type: ignore[override]
        if self.tell() + len(data) > 200:
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().write(data)


def test_a_workbook_that_meets_a_full_disk_leaves_nothing_to_complain_at_exit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """openpyxl leaves its zip archive open when the disk fills; closed later by the
    collector, it wrote once more, failed again, and Python printed that traceback after
    our one clear line."""
    import gc
    import sys
    import zipfile

    from openpyxl.writer import excel

    from bsm_desk.domain.errors import UserError
    from bsm_desk.services.output.files import save_workbook

    class OnFullDisk(zipfile.ZipFile):
        def __init__(self, file: object, *args: object, **kwargs: object) -> None:
            super().__init__(_FullDisk(), *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(excel, "ZipFile", OnFullDisk)
    book = Workbook(write_only=True)
    book.create_sheet("S").append(["x" * 5000])
    unraisable: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    with pytest.raises(UserError):
        save_workbook(book, tmp_path / "out.xlsx")
    del book
    gc.collect()
    assert unraisable == []
    assert list(tmp_path.iterdir()) == []
