"""Reading a spreadsheet or a text export into rows of cells, whatever made it.

.xlsx through openpyxl (read-only); .csv/.txt as UTF-8 (with or without BOM), UTF-16
(Excel's "Unicode text") or cp1251 (Russian Windows), with comma, semicolon or tab,
detected. Each row keeps the number the user sees in Excel or a text editor.
"""

from __future__ import annotations

import csv
import io
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
BROKEN_XLSX = QT_TRANSLATE_NOOP(
    "UserError", "{path} is not a readable Excel workbook (.xlsx). If it is an old .xls "
    "file, save it as .xlsx first.")


# A real list of participants is far below both; a zip bomb or a runaway export is not.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ROWS = 500_000


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
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UserError(BROKEN_XLSX, path=str(path)) from exc
    _check_size(path, unpacked)


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
