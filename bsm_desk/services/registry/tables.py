"""Reading a spreadsheet or a text export into rows of cells, whatever made it.

.xlsx through openpyxl (read-only); .csv/.txt as UTF-8 (with or without BOM), UTF-16
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
import zipfile
from collections.abc import Iterator
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
BROKEN_XLSX = QT_TRANSLATE_NOOP(
    "UserError", "{path} is not a readable Excel workbook (.xlsx). If it is an old .xls "
    "file, save it as .xlsx first.")


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
        try:
            if self._suffix in (".xlsx", ".xlsm"):
                self._expected = _check_unpacked(self.path)
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
        import openpyxl

        try:
            book = openpyxl.load_workbook(self.path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
            raise UserError(BROKEN_XLSX, path=str(self.path)) from exc
        try:
            if self._wanted:
                if self._wanted not in book.sheetnames:
                    raise UserError(NO_SHEET, path=str(self.path), sheet=self._wanted,
                                    sheets=", ".join(book.sheetnames))
                ws = book[self._wanted]
            else:
                ws = book.worksheets[0]
            self._title = ws.title
            kept = 0
            for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
                cells = list(values)
                if any(c not in (None, "") for c in cells):
                    kept += 1
                    if kept > MAX_ROWS:
                        raise UserError(TOO_MANY_ROWS, path=str(self.path),
                                        limit=f"{MAX_ROWS:,}")
                    yield number, cells
        # SyntaxError: XML that breaks off or is not XML (ElementTree's and lxml's errors
        # are both kinds of it), met only as the rows are read.
        except (zipfile.BadZipFile, KeyError, EOFError, SyntaxError) as exc:
            raise UserError(BROKEN_XLSX, path=str(self.path)) from exc
        finally:
            book.close()


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
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as exc:
        raise UserError(BROKEN_XLSX, path=str(path)) from exc
    try:
        return list(book.sheetnames)
    finally:
        book.close()


def _check_size(path: Path, size: int) -> None:
    if size > MAX_UNPACKED_BYTES:
        raise UserError(TOO_BIG, path=str(path), size=size // (1024 * 1024),
                        limit=MAX_UNPACKED_BYTES // (1024 * 1024))


def _check_unpacked(path: Path) -> int:
    """An .xlsx is a zip: add up what it would unpack to before openpyxl unpacks it (a
    4 MB workbook can hold gigabytes of repeated cells). Returns the most rows a sheet
    has."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UserError(BROKEN_XLSX, path=str(path)) from exc
    # The sizes are the zip's central directory's: a part that says less than it holds
    # is cut at what it says and fails its checksum (BROKEN_XLSX), never read further.
    _check_size(path, sum(info.file_size for info in parts))
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
    return most


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
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
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
