"""Reading a spreadsheet or a text export into rows of cells, whatever made it.

.xlsx through calamine (python-calamine, Rust) when it unpacks to at most
FAST_READ_BYTES, from a copy of the parts Python's zipfile unpacked within the sizes the
zip declares; a bigger one streamed by openpyxl (read-only), a few rows at a time.
.csv/.txt as UTF-8 (with or without BOM), UTF-16
(Excel's "Unicode text") or cp1251 (Russian Windows), with comma, semicolon or tab,
detected. Each row keeps the number the user sees in Excel or a text editor.

A list is read either whole (``read_table``: the import wizard shows its columns) or as
a stream of rows read afresh each time it is walked (``open_list``: an import of
400,000 rows holds a few of them at a time), with the same guards either way.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, Protocol

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError

UNREADABLE = QT_TRANSLATE_NOOP("UserError", "Cannot read {path}: {reason}")
NOT_FOUND = QT_TRANSLATE_NOOP("UserError", "The file {path} does not exist.")
UNSUPPORTED = QT_TRANSLATE_NOOP(
    "UserError", "{path}: only .xlsx, .csv and .txt files can be imported.")
NO_SHEET = QT_TRANSLATE_NOOP("UserError", "{path} has no sheet “{sheet}”. Sheets: {sheets}.")
TOO_BIG = QT_TRANSLATE_NOOP(
    "UserError", "{path} is too large to be a list of participants ({size} MB unpacked; at "
    "most {limit} MB). Nothing was read.")
TOO_MANY_ROWS = QT_TRANSLATE_NOOP(
    "UserError", "{path} has more than {limit} rows. Split it into smaller lists. Nothing was "
    "imported.")
PACKED_TOO_TIGHT = QT_TRANSLATE_NOOP(
    "UserError", "{path} unpacks to {size} MB from {packed} KB: no list of participants "
    "packs so tightly (it looks made to exhaust the computer). Nothing was read.")
CELL_TOO_LONG = QT_TRANSLATE_NOOP(
    "UserError", "{path} holds a cell longer than Excel can make (32,767 characters): it is "
    "not a list of participants. Nothing was read.")
TOO_MANY_PARTS = QT_TRANSLATE_NOOP(
    "UserError", "{path} is a zip of {parts} parts: no workbook holding a list of participants "
    "has so many (it looks made to exhaust the computer). Nothing was read.")
BROKEN_XLSX = QT_TRANSLATE_NOOP(
    "UserError", "{path} is not a readable Excel workbook (.xlsx). If it is an old .xls "
    "file, save it as .xlsx first.")


# What a broken or strange zip raises as it is opened or read: bad deflate data (zlib),
# a part cut short (EOFError), an encrypted part (RuntimeError), a compression or zip
# version Python does not know (NotImplementedError).
# (OSError is the disk's, said apart where it can be met.)
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, ValueError, EOFError, RuntimeError,
               NotImplementedError)

# A real list of participants is below both; a zip bomb or a runaway export is not. A list
# of 400,000 people in eleven columns unpacks to about 280 MB: read as a stream, it is
# imported in bounded memory, so the size is a guard of time more than of memory.
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
MAX_ROWS = 500_000
# A workbook's XML packs some 5 to 30 times (a list of 400,000 people: about 12); a zip
# bomb hundreds of times. Above this ratio and this size a part is refused unread: it
# would take minutes and gigabytes to find out what it holds.
MAX_RATIO = 100
RATIO_FROM_BYTES = 8 * 1024 * 1024
# A workbook is a zip of a few dozen parts (a few hundred with pictures); one of a
# hundred thousand takes seconds to list and to copy (and a million, minutes) before a
# single row is read. Its directory is weighed from the zip's end record first: at most
# this many parts, and at most MAX_PART_NAME bytes of directory each on average.
MAX_PARTS = 10_000
MAX_PART_NAME = 512
# A workbook that unpacks to at most this (a list of some 40,000 people) is read by
# calamine: ten times openpyxl's speed, but the whole sheet held at once (about three
# times its XML at the most); a bigger one is streamed by openpyxl in bounded memory.
FAST_READ_BYTES = 32 * 1024 * 1024
# Calamine holds a sheet as a grid of 32-byte cells from A1 to its farthest cell, and a
# grid it cannot allocate ends the process: a 5 KB workbook with one cell at XFD1048576
# asks for 512 GB. A sheet whose cells may lie beyond this many is streamed by openpyxl.
MAX_FAST_CELLS = 4_000_000


Row = tuple[int, list[Any]]  # (row number as the user sees it, cells)


class Rows(Protocol):
    """A list's rows, walked from the first each time it is iterated."""

    @property
    def path(self) -> Path: ...

    @property
    def sheet(self) -> str: ...

    @property
    def expected(self) -> int:
        """About how many rows it has (for a progress bar)."""
        ...

    def __iter__(self) -> Iterator[Row]: ...


@dataclass(frozen=True)
class Table:
    """A list read whole."""

    path: Path
    rows: list[Row]
    sheet: str = ""

    @property
    def expected(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)


class ListFile:
    """A list read as it is walked: its checks made when it is opened, its rows read
    from the file again at each walk (the sheet's name known once it has been)."""

    def __init__(self, path: str | Path, sheet: str | None = None) -> None:
        self.path, self._wanted, self._title = Path(path), sheet, sheet or ""
        if not self.path.is_file():
            raise UserError(NOT_FOUND, path=str(self.path))
        self._suffix = self.path.suffix.lower()
        if self._suffix not in (".xlsx", ".xlsm", ".csv", ".txt", ".tsv"):
            raise UserError(UNSUPPORTED, path=str(self.path))
        self._unpacked = 0
        try:
            if self._suffix in (".xlsx", ".xlsm"):
                self._expected, self._unpacked = _check_unpacked(self.path)
            else:
                _check_size(self.path, self.path.stat().st_size)
                self._encoding, self._expected = _text_facts(self.path)
        except OSError as exc:
            raise UserError(UNREADABLE, path=str(self.path),
                            reason=exc.strerror or str(exc)) from exc

    @property
    def sheet(self) -> str:
        return self._title

    @property
    def expected(self) -> int:
        return self._expected

    def __iter__(self) -> Iterator[Row]:
        try:
            if self._suffix in (".xlsx", ".xlsm"):
                yield from self._xlsx_rows()
            else:
                with self.path.open(encoding=self._encoding, errors="replace",
                                    newline="") as text:
                    yield from _text_rows(text, self.path)
        except OSError as exc:
            raise UserError(UNREADABLE, path=str(self.path),
                            reason=exc.strerror or str(exc)) from exc

    def _xlsx_rows(self) -> Iterator[Row]:
        copy = _checked_copy(self.path, self._expected) \
            if self._unpacked <= FAST_READ_BYTES else None
        sheet = _calamine_sheet(self.path, copy, self._wanted) if copy is not None \
            else _openpyxl_sheet(self.path, self._wanted)
        with sheet as (title, first, rows):
            self._title = title
            kept = 0
            for number, values in enumerate(rows, start=first):
                if any(c not in (None, "") for c in values):
                    kept += 1
                    if kept > MAX_ROWS:
                        raise UserError(TOO_MANY_ROWS, path=str(self.path),
                                        limit=f"{MAX_ROWS:,}")
                    yield number, list(values)


SheetRows = tuple[str, int, Iterator[Sequence[Any]]]  # title, first row's number, rows


@contextmanager
def _openpyxl_sheet(path: Path, wanted: str | None) -> Iterator[SheetRows]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (*_ZIP_ERRORS, KeyError, TypeError, SyntaxError) as exc:  # SyntaxError: XML
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
    except (*_ZIP_ERRORS, KeyError, SyntaxError) as exc:
        raise UserError(BROKEN_XLSX, path=str(path)) from exc
    finally:
        book.close()


@contextmanager
def _calamine_sheet(path: Path, copy: io.BytesIO,
                    wanted: str | None) -> Iterator[SheetRows]:
    """The sheet read by calamine from a copy checked by Python's zipfile (see
    _checked_copy), whole: it is small."""
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


def _checked_copy(path: Path, rows: int) -> io.BytesIO | None:
    """The workbook's parts as Python's zipfile unpacks them, packed again without
    compression, for calamine to read: each part cut at the size the zip's central
    directory declares (which _check_unpacked has weighed) and its checksum checked, so
    calamine never unpacks more than was allowed. None if a sheet's cells may lie beyond
    the grid calamine should hold (see _within_grid) for a list of ``rows`` rows. A zip
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
                        not _within_grid(data, rows):
                    return None
                target.writestr(info.filename, data)
    except (*_ZIP_ERRORS, OSError) as exc:
        raise UserError(BROKEN_XLSX, path=str(path)) from exc
    copy.seek(0)
    return copy


def _within_grid(sheet: bytes, rows: int) -> bool:
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


def first_rows(source: Rows, count: int) -> list[Row]:
    """The first ``count`` rows of a list, the file closed again after them."""
    rows = iter(source)
    try:
        return list(islice(rows, count))
    finally:
        close = getattr(rows, "close", None)
        if close is not None:
            close()


def open_list(path: str | Path, sheet: str | None = None) -> ListFile:
    """A list to be read as a stream of rows (UserError at once if it cannot be)."""
    return ListFile(path, sheet)


def read_table(path: str | Path, sheet: str | None = None) -> Table:
    """A list read whole, with the same checks as a stream."""
    source = open_list(path, sheet)
    rows = list(source)
    return Table(source.path, rows, source.sheet)


def sheet_names(path: str | Path) -> list[str]:
    """A workbook's sheets, read with the same guards as its rows (UserError if broken or
    too big unpacked)."""
    import openpyxl

    path = Path(path)
    _check_unpacked(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True)
    except (*_ZIP_ERRORS, KeyError, TypeError, OSError) as exc:
        raise UserError(BROKEN_XLSX, path=str(path)) from exc
    try:
        return list(book.sheetnames)
    finally:
        book.close()


def _check_size(path: Path, size: int) -> None:
    if size > MAX_UNPACKED_BYTES:
        raise UserError(TOO_BIG, path=str(path), size=size // (1024 * 1024),
                        limit=MAX_UNPACKED_BYTES // (1024 * 1024))


def _check_unpacked(path: Path) -> tuple[int, int]:
    """An .xlsx is a zip: add up what it would unpack to before it is unpacked (a 4 MB
    workbook can hold gigabytes of repeated cells). Returns the most rows a sheet has,
    and the bytes it unpacks to."""
    _check_directory(path)
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (*_ZIP_ERRORS, OSError) as exc:
        raise UserError(BROKEN_XLSX, path=str(path)) from exc
    if len(parts) > MAX_PARTS:  # its end record said fewer than its directory holds
        raise UserError(TOO_MANY_PARTS, path=str(path), parts=f"{len(parts):,}")
    # The sizes are the zip's central directory's: a part that says less than it holds
    # is cut at what it says and fails its checksum (BROKEN_XLSX), never read further.
    unpacked = sum(info.file_size for info in parts)
    _check_size(path, unpacked)
    for info in parts:
        if info.file_size > RATIO_FROM_BYTES and \
                info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise UserError(PACKED_TOO_TIGHT, path=str(path),
                            size=info.file_size // (1024 * 1024),
                            packed=max(info.compress_size // 1024, 1))
    most = 0
    for info in parts:
        name = info.filename
        if name.startswith("xl/worksheets/") and name.endswith(".xml") or \
                name == "xl/sharedStrings.xml":
            most = max(most, _scan_part(path, info, rows=name.startswith("xl/worksheets/")))
    return most, unpacked


def _check_directory(path: Path) -> None:
    """How many parts the zip says it has, and how long its directory is, read from its
    end record (zipfile's own reader of it) before zipfile lists every part: what is
    refused here is never listed. Neither figure can hide the other: zipfile lists the
    parts from the directory's length, whatever count the record gives."""
    try:
        with path.open("rb") as data:
            end = zipfile._EndRecData(data)  # type: ignore[attr-defined]
    except (OSError, ValueError, struct.error) as exc:
        raise UserError(BROKEN_XLSX, path=str(path)) from exc
    if end is None:  # no end record: not a zip
        raise UserError(BROKEN_XLSX, path=str(path))
    count = int(end[zipfile._ECD_ENTRIES_TOTAL])  # type: ignore[attr-defined]
    size = int(end[zipfile._ECD_SIZE])  # type: ignore[attr-defined]
    if count > MAX_PARTS or size > MAX_PARTS * MAX_PART_NAME:
        raise UserError(TOO_MANY_PARTS, path=str(path),
                        parts=f"{max(count, size // MAX_PART_NAME):,}")


_ROW = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s>/]")
# Excel's own limit for a cell: 32,767 characters (at most 4 bytes each in UTF-8, or an
# escape such as &amp;). Text longer than that between two tags was not made by Excel.
MAX_CELL_BYTES = 32_767 * 6
_CHUNK = 1024 * 1024
_TAIL = 64


def _long_text_inside(chunk: bytes) -> bool:
    """Whether some whole window of MAX_CELL_BYTES in ``chunk`` has no tag: text that
    long (twice as long is always seen; no cell Excel can make is that long)."""
    step = MAX_CELL_BYTES
    return any(chunk.find(b"<", start, start + step) < 0
               for start in range(0, len(chunk) - step + 1, step))


def _scan_part(path: Path, info: zipfile.ZipInfo, *, rows: bool) -> int:
    """Read a sheet's (or the shared strings') XML as it unpacks, a megabyte at a time,
    and stop at the first sign of a runaway or made-up file: more rows than a list may
    have, or a cell longer than Excel can hold. Seconds of unpacking, in little memory,
    instead of a minute of parsing and the gigabyte of what it holds. Returns how many
    rows it found (none for the shared strings)."""
    found, tail, run = 0, b"", 0  # rows so far; the bytes carried; text since the last tag
    try:
        with zipfile.ZipFile(path) as archive, archive.open(info) as part:
            while chunk := part.read(_CHUNK):
                first = chunk.find(b"<")
                before = run  # the text without a tag that ended the last chunk
                run = run + len(chunk) if first < 0 else len(chunk) - chunk.rfind(b"<") - 1
                if before + (len(chunk) if first < 0 else first) > MAX_CELL_BYTES or \
                        _long_text_inside(chunk):
                    raise UserError(CELL_TOO_LONG, path=str(path))
                if not rows:
                    continue
                data = tail + chunk
                # The tags that start in the last bytes (and may go on in the next chunk)
                # are counted with it; one that starts before them ends within this one.
                end = len(data) - _TAIL if len(chunk) == _CHUNK else len(data)
                found += len(_ROW.findall(data)) - len(_ROW.findall(data, end))
                tail = data[end:]
                if found > MAX_ROWS + 1:  # the header may be a row of its own
                    raise UserError(TOO_MANY_ROWS, path=str(path), limit=f"{MAX_ROWS:,}")
            found += len(_ROW.findall(tail))  # what the last full chunk left
            if found > MAX_ROWS + 1:
                raise UserError(TOO_MANY_ROWS, path=str(path), limit=f"{MAX_ROWS:,}")
    except (*_ZIP_ERRORS, OSError) as exc:
        raise UserError(BROKEN_XLSX, path=str(path)) from exc
    return found


def _text_facts(path: Path) -> tuple[str, int]:
    """The text's encoding and about how many lines it has, read a megabyte at a time:
    UTF-8 (a BOM or not) or UTF-16 by their marks; else UTF-8 if every byte of the file
    is; else cp1251 (Russian Windows)."""
    lines, encoding = 0, "utf-8"
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as data:
        head = data.read(4)
        if head.startswith(codecs.BOM_UTF8):
            encoding = "utf-8-sig"
        elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            encoding = "utf-16"
        data.seek(0)
        while chunk := data.read(_CHUNK):
            lines += chunk.count(b"\n")
            if encoding == "utf-8":
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    encoding = "cp1251"
        if encoding == "utf-8":
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                encoding = "cp1251"
    return encoding, lines + 1


def _text_rows(text: io.TextIOBase, path: Path) -> Iterator[Row]:
    """A text export's rows, its delimiter told from its first 30 lines."""
    head = [line for _, line in zip(range(30), text, strict=False)]
    sample = "".join(head)
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        first = next((line for line in head if line.strip()), "")
        delimiter = max(",;\t", key=first.count)
    text.seek(0)
    reader = csv.reader(text, delimiter=delimiter)
    start, kept = 1, 0
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                kept += 1
                if kept > MAX_ROWS:
                    raise UserError(TOO_MANY_ROWS, path=str(path), limit=f"{MAX_ROWS:,}")
                yield start, list(cells)
            start = reader.line_num + 1
    except csv.Error as exc:  # a runaway quote, a cell of megabytes
        raise UserError(UNREADABLE, path=str(path),
                        reason=f"line {reader.line_num}: {exc}") from exc
