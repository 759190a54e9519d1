"""The guards a workbook passes before it is read: what its zip says it unpacks to and
holds, weighed from its end record and its directory before anything is unpacked, and
a streamed scan of its sheets (rows, the longest text between two tags). A zip bomb, a
runaway export or a made-up file is refused here in seconds and little memory, with
the same words whichever reader would have read it (workbook_readers.py)."""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from pathlib import Path

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError

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
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, ValueError, EOFError, RuntimeError,
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


def check_size(path: Path, size: int) -> None:
    if size > MAX_UNPACKED_BYTES:
        raise UserError(TOO_BIG, path=str(path), size=size // (1024 * 1024),
                        limit=MAX_UNPACKED_BYTES // (1024 * 1024))


def check_rows(kept: int, path: Path) -> None:
    """Refused once a list keeps more rows than MAX_ROWS (``kept``: so far)."""
    if kept > MAX_ROWS:
        raise UserError(TOO_MANY_ROWS, path=str(path), limit=f"{MAX_ROWS:,}")


def check_unpacked(path: Path) -> tuple[int, int]:
    """An .xlsx is a zip: add up what it would unpack to before it is unpacked (a 4 MB
    workbook can hold gigabytes of repeated cells). Returns the most rows a sheet has,
    and the bytes it unpacks to."""
    _check_directory(path)
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (*ZIP_ERRORS, OSError) as exc:
        raise UserError(BROKEN_XLSX, path=str(path)) from exc
    if len(parts) > MAX_PARTS:  # its end record said fewer than its directory holds
        raise UserError(TOO_MANY_PARTS, path=str(path), parts=f"{len(parts):,}")
    # The sizes are the zip's central directory's: a part that says less than it holds
    # is cut at what it says and fails its checksum (BROKEN_XLSX), never read further.
    unpacked = sum(info.file_size for info in parts)
    check_size(path, unpacked)
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
            most = max(most, scan_part(path, info, rows=name.startswith("xl/worksheets/")))
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
CHUNK = 1024 * 1024
TAIL = 64


def _long_text_inside(chunk: bytes) -> bool:
    """Whether some whole window of MAX_CELL_BYTES in ``chunk`` has no tag: text that
    long (twice as long is always seen; no cell Excel can make is that long)."""
    step = MAX_CELL_BYTES
    return any(chunk.find(b"<", start, start + step) < 0
               for start in range(0, len(chunk) - step + 1, step))


def scan_part(path: Path, info: zipfile.ZipInfo, *, rows: bool) -> int:
    """Read a sheet's (or the shared strings') XML as it unpacks, a megabyte at a time,
    and stop at the first sign of a runaway or made-up file: more rows than a list may
    have, or a cell longer than Excel can hold. Seconds of unpacking, in little memory,
    instead of a minute of parsing and the gigabyte of what it holds. Returns how many
    rows it found (none for the shared strings)."""
    found, tail, run = 0, b"", 0  # rows so far; the bytes carried; text since the last tag
    try:
        with zipfile.ZipFile(path) as archive, archive.open(info) as part:
            while chunk := part.read(CHUNK):
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
                end = len(data) - TAIL if len(chunk) == CHUNK else len(data)
                found += len(_ROW.findall(data)) - len(_ROW.findall(data, end))
                tail = data[end:]
                if found > MAX_ROWS + 1:  # the header may be a row of its own
                    raise UserError(TOO_MANY_ROWS, path=str(path), limit=f"{MAX_ROWS:,}")
            found += len(_ROW.findall(tail))  # what the last full chunk left
            if found > MAX_ROWS + 1:
                raise UserError(TOO_MANY_ROWS, path=str(path), limit=f"{MAX_ROWS:,}")
    except (*ZIP_ERRORS, OSError) as exc:
        raise UserError(BROKEN_XLSX, path=str(path)) from exc
    return found
