"""Workbooks made to exhaust the computer are refused before openpyxl parses them: a part
packed hundreds of times, more rows than a list may have, a cell longer than Excel can
make. The scan counts rows and measures text across the chunks it unpacks exactly."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bsm_desk.domain.errors import UserError
from bsm_desk.services.registry import tables
from bsm_desk.services.registry import workbook_guards as guards

HEAD = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
        b'openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
TAIL = b"</sheetData></worksheet>"


def workbook(path: Path, sheet: bytes | None = None) -> Path:
    """A real workbook (openpyxl's), its sheet's XML replaced by ``sheet``."""
    source = path.with_suffix(".src.xlsx")
    book = openpyxl.Workbook()
    book.active.append(["Family name", "Country"])
    book.active.append(["Rahmonov", "Tajikistan"])
    book.save(source)
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w",
                                                         zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "xl/worksheets/sheet1.xml" and sheet is not None:
                data = sheet
            new.writestr(info.filename, data)
    return path


def rows_xml(count: int, text: bytes = b"Rahmonov", prefix: bytes = b"") -> bytes:
    row = b"<%srow r=\"1\"><%sc t=\"inlineStr\"><%sis><%st>%s</%st></%sis></%sc></%srow>" % (
        prefix, prefix, prefix, prefix, text, prefix, prefix, prefix, prefix)
    return HEAD + row * count + TAIL


@pytest.fixture
def never_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    """openpyxl must not be asked to open what the scan refuses."""
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("openpyxl was asked to parse a hostile workbook")

    monkeypatch.setattr(openpyxl, "load_workbook", refuse)


def test_a_part_packed_hundreds_of_times_is_refused_unread(tmp_path: Path, never_parsed,
                                                           monkeypatch) -> None:
    monkeypatch.setattr(guards, "RATIO_FROM_BYTES", 1024 * 1024)
    path = workbook(tmp_path / "bomb.xlsx", rows_xml(200_000))  # ~14 MB from ~30 KB
    with pytest.raises(UserError, match="packs so tightly"):
        tables.read_table(path)


def test_more_rows_than_a_list_may_have_are_refused_before_parsing(
        tmp_path: Path, never_parsed, monkeypatch) -> None:
    monkeypatch.setattr(guards, "MAX_ROWS", 100)
    path = workbook(tmp_path / "runaway.xlsx", rows_xml(150))
    with pytest.raises(UserError, match="more than 100 rows"):
        tables.read_table(path)


def test_a_cell_longer_than_excel_can_make_is_refused_before_parsing(
        tmp_path: Path, never_parsed) -> None:
    long = b"A" * (2 * 32_767 * 6)  # twice the limit: always seen
    path = workbook(tmp_path / "cell.xlsx", rows_xml(1, long))
    with pytest.raises(UserError, match="longer than Excel can make"):
        tables.read_table(path)


def test_the_longest_cell_excel_makes_is_read(tmp_path: Path) -> None:
    text = "Ж" * 32_767  # two bytes each in UTF-8
    path = tmp_path / "long.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Family name", "Function"])
    book.active.append(["Rahmonov", text])
    book.save(path)
    assert tables.read_table(path).rows[1][1][1] == text


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(count=st.integers(1, 60), chunk=st.integers(1, 400),
       prefix=st.sampled_from([b"", b"x:", b"main:"]))
def test_rows_are_counted_exactly_whatever_the_chunks(tmp_path_factory, count: int,
                                                      chunk: int, prefix: bytes) -> None:
    folder = tmp_path_factory.mktemp("rows")
    path = workbook(folder / "rows.xlsx", rows_xml(count, prefix=prefix))
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(guards, "CHUNK", max(chunk, guards.TAIL + 1))
        patch.setattr(guards, "MAX_ROWS", count - 1)  # count rows: allowed (a header)
        guards.scan_part(path, info, rows=True)
        patch.setattr(guards, "MAX_ROWS", count - 2)  # one too many
        with pytest.raises(UserError):
            guards.scan_part(path, info, rows=True)


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(length=st.integers(1, 700), before=st.integers(0, 50), chunk=st.integers(65, 400),
       limit=st.integers(150, 300))
def test_long_text_is_measured_across_chunks(tmp_path_factory, length: int, before: int,
                                             chunk: int, limit: int) -> None:
    """Text of ``length`` bytes between two tags: refused when twice the limit or more
    (always), never when within it (the limit is above the longest tag here, which is
    measured too, as Excel's limit is above any tag's length)."""
    folder = tmp_path_factory.mktemp("text")
    sheet = HEAD + b"<row>" * before + b"<t>" + b"a" * length + b"</t>" + TAIL
    path = workbook(folder / "text.xlsx", sheet)
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(guards, "CHUNK", chunk)
        patch.setattr(guards, "MAX_CELL_BYTES", limit)
        if length >= 2 * limit:
            with pytest.raises(UserError):
                guards.scan_part(path, info, rows=False)
        elif length + len(b"t>") <= limit:  # what follows the tag's "<" is measured too
            guards.scan_part(path, info, rows=False)


def _many_parts(path: Path, count: int) -> Path:
    source = workbook(path.with_suffix(".sound.xlsx"))
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w") as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info))
        for n in range(count):
            new.writestr(f"xl/media/{n}.bin", b"")
    return path


def test_a_zip_of_too_many_parts_is_refused_before_they_are_listed(
        tmp_path: Path, never_parsed, monkeypatch) -> None:
    monkeypatch.setattr(guards, "MAX_PARTS", 300)
    path = _many_parts(tmp_path / "parts.xlsx", 400)

    def listed(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("zipfile was asked to list the parts")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(guards.zipfile, "ZipFile", listed)
        with pytest.raises(UserError, match="a zip of 40[0-9] parts"):
            tables.read_table(path)
    # A workbook with pictures and the like, within the limit, is read as ever.
    assert [c[0] for _, c in tables.read_table(_many_parts(tmp_path / "fine.xlsx", 200))
            .rows] == ["Family name", "Rahmonov"]


def test_a_zip_whose_end_record_says_fewer_parts_is_refused_when_listed(
        tmp_path: Path, never_parsed, monkeypatch) -> None:
    monkeypatch.setattr(guards, "MAX_PARTS", 300)
    data = bytearray(_many_parts(tmp_path / "parts.xlsx", 400).read_bytes())
    end = data.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", data, end + 8, 12, 12)  # "12 parts", here and in all
    liar = tmp_path / "liar.xlsx"
    liar.write_bytes(bytes(data))
    with pytest.raises(UserError, match="a zip of 40[0-9] parts"):
        tables.read_table(liar)


def test_a_zip_whose_directory_is_too_long_for_its_parts_is_refused_unlisted(
        tmp_path: Path, never_parsed, monkeypatch) -> None:
    """Parts with very long names (or a count that lies) make a long directory: weighed
    by its length too, from the end record."""
    path = _many_parts(tmp_path / "parts.xlsx", 200)
    monkeypatch.setattr(guards, "MAX_PARTS", 300)
    monkeypatch.setattr(guards, "MAX_PART_NAME", 10)  # 3,000 bytes of directory at most
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(guards.zipfile, "ZipFile", lambda *a, **k: pytest.fail("listed"))
        with pytest.raises(UserError, match="parts: no workbook"):
            tables.read_table(path)
