"""Reading a spreadsheet or a text export into rows of cells, whatever made it.

.xlsx once its guards have passed (workbook_guards.py), by calamine or openpyxl
(workbook_readers.py); .csv/.txt as UTF-8 (with or without BOM), UTF-16
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
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, Protocol

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.services.registry import workbook_guards as guards
from bsm_desk.services.registry import workbook_readers as readers

UNREADABLE = QT_TRANSLATE_NOOP("UserError", "Cannot read {path}: {reason}")
NOT_FOUND = QT_TRANSLATE_NOOP("UserError", "The file {path} does not exist.")
UNSUPPORTED = QT_TRANSLATE_NOOP(
    "UserError", "{path}: only .xlsx, .csv and .txt files can be imported.")


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
                self._expected, self._unpacked = guards.check_unpacked(self.path)
            else:
                guards.check_size(self.path, self.path.stat().st_size)
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
        with readers.sheet_rows(self.path, self._wanted, self._expected,
                                self._unpacked) as (title, first, rows):
            self._title = title
            kept = 0
            for number, values in enumerate(rows, start=first):
                if any(c not in (None, "") for c in values):
                    kept += 1
                    guards.check_rows(kept, self.path)
                    yield number, list(values)


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
    guards.check_unpacked(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True)
    except (*guards.ZIP_ERRORS, KeyError, TypeError, OSError) as exc:
        raise UserError(guards.BROKEN_XLSX, path=str(path)) from exc
    try:
        return list(book.sheetnames)
    finally:
        book.close()


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
        while chunk := data.read(guards.CHUNK):
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
                guards.check_rows(kept, path)
                yield start, list(cells)
            start = reader.line_num + 1
    except csv.Error as exc:  # a runaway quote, a cell of megabytes
        raise UserError(UNREADABLE, path=str(path),
                        reason=f"line {reader.line_num}: {exc}") from exc
