"""One guard for every spreadsheet cell we write, in .xlsx and in CSV.

Two things go wrong with text from a registry: a name like ``=HYPERLINK(...)`` (or one
starting with ``+``, ``-``, ``@``, a tab or a carriage return) runs as a formula when
the file is opened, and a control character that came in with an old list makes
openpyxl refuse the whole workbook. In .xlsx such text is written as a text cell (it
shows exactly as typed); in CSV, which has no cell types, a leading apostrophe keeps
it from running. Control characters are dropped in both.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_FIRST = frozenset("".join(FORMULA_STARTS))  # each one character
MAX_CELL = 32_767  # Excel's limit for the characters of one cell
# Values openpyxl writes as they are (no text in them to guard).
_AS_THEY_ARE = frozenset({int, float, bool, datetime, date, time, timedelta, Decimal})


def clean(text: str) -> str:
    """Text that every spreadsheet writer accepts."""
    if text.isprintable() and len(text) <= MAX_CELL:  # most text: no control character
        return text
    return str(ILLEGAL_CHARACTERS_RE.sub("", text))[:MAX_CELL]


def xlsx(value: Any, ws: WriteOnlyWorksheet) -> Any:
    """A value for a write-only sheet's row; text that would run stays text."""
    if not isinstance(value, str):
        return value
    text = clean(value)
    if not text:
        return None  # no cell at all: Excel shows the same, the file is smaller
    if text.startswith(FORMULA_STARTS):
        cell = WriteOnlyCell(ws, value=text)
        cell.data_type = "s"
        return cell
    return text


def xlsx_row(values: Iterable[Any], ws: WriteOnlyWorksheet) -> list[Any]:
    """A row of :func:`xlsx` values (a new list): see :func:`guard`."""
    return guard(list(values), ws)


# Where a value of a row joined by spaces could start a formula: first, or after a space
# (a tab or a carriage return is not printable: the joined text's isprintable() catches
# those). Four substring searches, not a regular expression: twice as fast.
def _may_start_formula(joined: str) -> bool:
    return (joined[:1] in _FORMULA_FIRST or " =" in joined or " +" in joined
            or " -" in joined or " @" in joined)


def guard(row: list[Any], ws: WriteOnlyWorksheet, count: int | None = None) -> list[Any]:
    """``row`` with its first ``count`` values (all, unless told) made :func:`xlsx`
    values in place: the same as calling it on each, faster for the plain text, empty
    cells, numbers and times that make up nearly every row, which are left as they are
    (an empty cell stays None, which openpyxl's write-only sheet skips without making a
    cell). Returns ``row``."""
    end = len(row) if count is None else min(count, len(row))
    head = row[:end] if end < len(row) else row
    try:  # the usual row: text only, none of it odd or too long — seen at once
        joined = " ".join(head)
    except TypeError:  # not all text: each value in turn
        pass
    else:
        if joined.isprintable() and len(joined) <= MAX_CELL \
                and not _may_start_formula(joined):
            if "" in head:  # an empty text is no cell at all
                for index in range(end):
                    if not row[index]:
                        row[index] = None
            return row
    for index in range(end):
        value = row[index]
        kind = value.__class__
        if kind is str:
            if not value:
                row[index] = None
            elif value[0] in _FORMULA_FIRST or not value.isprintable() \
                    or len(value) > MAX_CELL:
                row[index] = xlsx(value, ws)
        elif value is not None and kind not in _AS_THEY_ARE:
            row[index] = xlsx(value, ws)
    return row


def csv(value: Any) -> Any:
    """A value for a CSV row."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    text = clean(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def sheet_title(text: str, used: set[str] | None = None) -> str:
    """A worksheet name Excel takes: none of []:*?/\\ (a session called "Thematic Session
    I: …" would stop the export), single spaces, at most 31 characters cut on a word near
    the limit, never empty; with ``used``, unique in the workbook (case aside)."""
    for bad in "[]:*?/\\":
        text = text.replace(bad, " ")
    title = " ".join(clean(text).split())
    if len(title) > 31:
        cut = title[:31]
        title = cut.rsplit(" ", 1)[0] if " " in cut[20:] else cut
    base = title.strip().strip("'") or "—"
    if used is None:
        return base
    title, n = base, 2
    while title.casefold() in used:
        suffix = f" {n}"
        title, n = base[:31 - len(suffix)].rstrip() + suffix, n + 1
    used.add(title.casefold())
    return title
