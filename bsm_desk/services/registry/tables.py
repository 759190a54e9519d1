"""Reading a spreadsheet or a text export into rows of cells, whatever made it.

.xlsx through openpyxl (read-only); .csv/.txt as UTF-8 (with or without BOM), UTF-16
(Excel's "Unicode text") or cp1251 (Russian Windows), with comma, semicolon or tab,
detected. Each row keeps the number the user sees in Excel or a text editor.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


# A real list of participants is far below both; a zip bomb or a runaway export is not.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ROWS = 500_000
# A workbook's XML packs some 5 to 30 times (a list of 400,000 people: about 12); a zip
# bomb hundreds of times. Above this ratio and this size a part is refused unread: it
# would take minutes and gigabytes to find out what it holds.
MAX_RATIO = 100
RATIO_FROM_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class Table:
    path: Path
    rows: list[tuple[int, list[Any]]]  # (row number as the user sees it, cells)
    sheet: str = ""


def read_table(path: str | Path, sheet: str | None = None) -> Table:
    path = Path(path)
    if not path.is_file():
        raise UserError(NOT_FOUND, path=str(path))
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            return _read_xlsx(path, sheet)
        if suffix in (".csv", ".txt", ".tsv"):
            _check_size(path, path.stat().st_size)
            return Table(path, _read_text(path.read_bytes(), path))
    except OSError as exc:
        raise UserError(UNREADABLE, path=str(path), reason=exc.strerror or str(exc)) from exc
    raise UserError(UNSUPPORTED, path=str(path))


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


def _check_unpacked(path: Path) -> None:
    """An .xlsx is a zip: add up what it would unpack to before openpyxl unpacks it (a
    4 MB workbook can hold gigabytes of repeated cells)."""
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
    for info in parts:
        name = info.filename
        if name.startswith("xl/worksheets/") and name.endswith(".xml") or \
                name == "xl/sharedStrings.xml":
            _scan_part(path, info, rows=name.startswith("xl/worksheets/"))


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


def _scan_part(path: Path, info: zipfile.ZipInfo, *, rows: bool) -> None:
    """Read a sheet's (or the shared strings') XML as it unpacks, a megabyte at a time,
    and stop at the first sign of a runaway or made-up file: more rows than a list may
    have, or a cell longer than Excel can hold. Seconds of unpacking, in little memory,
    instead of a minute of parsing and the gigabyte of what it holds."""
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
            if len(_ROW.findall(tail)) + found > MAX_ROWS + 1:  # what the last full chunk left
                raise UserError(TOO_MANY_ROWS, path=str(path), limit=f"{MAX_ROWS:,}")
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise UserError(BROKEN_XLSX, path=str(path)) from exc


def _read_xlsx(path: Path, sheet: str | None) -> Table:
    import openpyxl

    _check_unpacked(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        raise UserError(BROKEN_XLSX, path=str(path)) from exc
    try:
        if sheet:
            if sheet not in book.sheetnames:
                raise UserError(NO_SHEET, path=str(path), sheet=sheet,
                                sheets=", ".join(book.sheetnames))
            ws = book[sheet]
        else:
            ws = book.worksheets[0]
        rows = []
        for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
            cells = list(values)
            if any(c not in (None, "") for c in cells):
                rows.append((number, cells))
                if len(rows) > MAX_ROWS:
                    raise UserError(TOO_MANY_ROWS, path=str(path), limit=f"{MAX_ROWS:,}")
        return Table(path, rows, ws.title)
    finally:
        book.close()


def decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1251", errors="replace")


def _read_text(data: bytes, path: Path) -> list[tuple[int, list[Any]]]:
    text = decode(data)
    sample = "\n".join(text.splitlines()[:30])
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        first = next((line for line in text.splitlines() if line.strip()), "")
        delimiter = max(",;\t", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    start = 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                rows.append((start, list(cells)))
                if len(rows) > MAX_ROWS:
                    raise UserError(TOO_MANY_ROWS, path=str(path), limit=f"{MAX_ROWS:,}")
            start = reader.line_num + 1
    except csv.Error as exc:  # a runaway quote, a cell of megabytes
        raise UserError(UNREADABLE, path=str(path),
                        reason=f"line {reader.line_num}: {exc}") from exc
    return rows
