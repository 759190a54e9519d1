"""The two readers of a workbook's rows, once its guards have passed (workbook_guards.py):
calamine (python-calamine, Rust; ten times openpyxl's speed, the whole sheet held at
once) for a workbook that unpacks to at most FAST_READ_BYTES, from a copy of the parts
Python's zipfile unpacked within the sizes the zip declares, and only when its cells
lie within MAX_FAST_CELLS of A1; openpyxl (read-only), a few rows at a time, for any
other. Both give the rows as Excel numbers them, from column A."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.services.registry.workbook_guards import BROKEN_XLSX, ZIP_ERRORS

NO_SHEET = QT_TRANSLATE_NOOP("UserError", "{path} has no sheet “{sheet}”. Sheets: {sheets}.")

# A workbook that unpacks to at most this (a list of some 40,000 people) is read by
# calamine: ten times openpyxl's speed, but the whole sheet held at once (about three
# times its XML at the most); a bigger one is streamed by openpyxl in bounded memory.
FAST_READ_BYTES = 32 * 1024 * 1024
# Calamine holds a sheet as a grid of 32-byte cells from A1 to its farthest cell, and a
# grid it cannot allocate ends the process: a 5 KB workbook with one cell at XFD1048576
# asks for 512 GB. A sheet whose cells may lie beyond this many is streamed by openpyxl.
MAX_FAST_CELLS = 4_000_000


SheetRows = tuple[str, int, Iterator[Sequence[Any]]]  # title, first row's number, rows


@contextmanager
def openpyxl_sheet(path: Path, wanted: str | None) -> Iterator[SheetRows]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (*ZIP_ERRORS, KeyError, TypeError, SyntaxError) as exc:  # SyntaxError: XML
        # that breaks off, met at once
        raise UserError(BROKEN_XLSX, path=str(path)) from exc
    try:
        sheets = book.worksheets  # not its chart sheets, which have no cells
        if not sheets:
            raise UserError(BROKEN_XLSX, path=str(path))
        ws = next((sheet for sheet in sheets if sheet.title == wanted), None) if wanted \
            else sheets[0]
        if ws is None:
            raise UserError(NO_SHEET, path=str(path), sheet=wanted,
                            sheets=", ".join(book.sheetnames))
        yield ws.title, 1, ws.iter_rows(values_only=True)
    # SyntaxError: XML that breaks off or is not XML (ElementTree's and lxml's errors
    # are both kinds of it), met only as the rows are read.
    except (*ZIP_ERRORS, KeyError, SyntaxError) as exc:
        raise UserError(BROKEN_XLSX, path=str(path)) from exc
    finally:
        book.close()


@contextmanager
def calamine_sheet(path: Path, copy: io.BytesIO,
                    wanted: str | None) -> Iterator[SheetRows]:
    """The sheet read by calamine from a copy checked by Python's zipfile (see
    checked_copy), whole: it is small."""
    from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum

    try:
        book = CalamineWorkbook.from_filelike(copy)
    except (CalamineError, ValueError, OverflowError) as exc:
        raise UserError(BROKEN_XLSX, path=str(path)) from exc
    try:
        sheets = book.sheets_metadata
        names = [sheet.name for sheet in sheets]
        if wanted and wanted not in names:
            raise UserError(NO_SHEET, path=str(path), sheet=wanted, sheets=", ".join(names))
        title = wanted or next((sheet.name for sheet in sheets
                                if sheet.typ == SheetTypeEnum.WorkSheet), "")
        if not title:
            raise UserError(BROKEN_XLSX, path=str(path))
        # Its rows from A1, as openpyxl gives them (calamine's iter_rows starts at the
        # first row but at the first column that holds something).
        rows = book.get_sheet_by_name(title).to_python(skip_empty_area=False)
        yield title, 1, iter(rows)
    except (CalamineError, ValueError, OverflowError) as exc:
        raise UserError(BROKEN_XLSX, path=str(path)) from exc
    finally:
        book.close()


def checked_copy(path: Path, rows: int) -> io.BytesIO | None:
    """The workbook's parts as Python's zipfile unpacks them, packed again without
    compression, for calamine to read: each part cut at the size the zip's central
    directory declares (which the guards' check_unpacked has weighed) and its checksum
    checked, so calamine never unpacks more than was allowed. None if a sheet's cells may
    lie beyond the grid calamine should hold (see within_grid) for ``rows`` rows. A zip
    that names a part twice, or packs one in a way zipfile does not know, is no workbook
    Excel made."""
    copy = io.BytesIO()
    try:
        with zipfile.ZipFile(path) as source, \
                zipfile.ZipFile(copy, "w", zipfile.ZIP_STORED) as target:
            seen: set[str] = set()
            for info in source.infolist():
                if not info.filename or info.filename in seen:  # nameless, or twice
                    raise UserError(BROKEN_XLSX, path=str(path))
                seen.add(info.filename)
                if info.is_dir():
                    continue
                data = source.read(info)
                if info.filename.startswith("xl/worksheets/") and \
                        not within_grid(data, rows):
                    return None
                target.writestr(info.filename, data)
    except (*ZIP_ERRORS, OSError) as exc:
        raise UserError(BROKEN_XLSX, path=str(path)) from exc
    copy.seek(0)
    return copy


def within_grid(sheet: bytes, rows: int) -> bool:
    """Whether every cell of a sheet of ``rows`` rows lies within MAX_FAST_CELLS of A1:
    each cell placed by its reference (r="K12", first, as Excel, LibreOffice and
    openpyxl write it), none in a row of more digits than twice ``rows`` has, nor in a
    column past what the rest of the grid allows. Found with a few fast scans of the
    bytes, not by parsing; a sheet it cannot vouch for (its tags prefixed, a cell placed
    by its order alone) is simply not for calamine."""
    if _PREFIXED.search(sheet):  # <x:row>, <x:c …>: tags not counted here
        return False
    if sheet.count(b"<c ") != sheet.count(b'<c r="') or _BARE_CELL.search(sheet):
        return False
    digits = len(str(max(2 * rows, 1000)))
    columns = MAX_FAST_CELLS // 10 ** digits  # the widest grid that many rows allow
    if columns < 26:
        return False
    far = [rb"[A-Z]*[0-9]{%d}" % (digits + 1), rb"[A-Z]{3}"]  # a row or column too far
    two_letters = (columns - 26) // 26  # AA…AZ is the first block of 26 past Z, …
    if two_letters < 26:
        far.append(rb"[%c-Z][A-Z]" % (ord("A") + two_letters))
    return re.search(rb'r="(?:' + b"|".join(far) + rb")", sheet) is None


# A cell tag that does not begin with a space and its reference: none (<c/>, <c>), or
# after other white space.
_BARE_CELL = re.compile(rb"<c[\t\r\n/>]")
_PREFIXED = re.compile(rb":(?:c|row|sheetData)[\s/>]")


def sheet_rows(path: Path, wanted: str | None, rows: int,
               unpacked: int) -> AbstractContextManager[SheetRows]:
    """The sheet ``wanted`` (else the first) of a workbook the guards weighed (``rows``
    at most in a sheet, ``unpacked`` bytes in all), by the reader that suits it."""
    copy = checked_copy(path, rows) if unpacked <= FAST_READ_BYTES else None
    return calamine_sheet(path, copy, wanted) if copy is not None \
        else openpyxl_sheet(path, wanted)
