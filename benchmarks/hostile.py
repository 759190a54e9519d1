"""Hostile workbooks: how long, and how much memory, until each is refused (a zip bomb, a
runaway sheet, a cell of megabytes, sizes that lie, a zip of a million parts).

Each workbook is made here from a real one (openpyxl) whose sheet is then replaced, and
read by the importers' reader (services/registry/tables.read_table, which the delegates'
and the interpreters' imports share) in a process of its own, so that its peak memory is
its own. Floor: the same process reading a sound 700-row list. Goals (issue 30): each
refused in <= 2 s and <= 200 MB, whatever its declared size.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from benchmarks.common import Result

NAME = "hostile"
MAX_SECONDS, MAX_MB = 2.0, 200.0

PROBE = """
import json, sys, time
from benchmarks.common import own_memory_mb
from bsm_desk.domain.errors import UserError
from bsm_desk.services.registry.tables import read_table
start = time.perf_counter()
try:
    rows = len(read_table(sys.argv[1]).rows)
    verdict = f"read {rows} rows"
except UserError as exc:
    verdict = "refused: " + exc.message(lambda _c, text: text)[:200]
seconds = time.perf_counter() - start
peak = own_memory_mb()
print(json.dumps({"seconds": seconds, "mb": peak, "verdict": verdict}))
"""

HEAD = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
        b'openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
TAIL = b"</sheetData></worksheet>"


def _sound(path: Path, rows: int) -> Path:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("List")
    sheet.append(["Family name", "Given name", "Country"])
    for i in range(rows):
        sheet.append([f"Family{i}", f"Given{i}", "Tajikistan"])
    book.save(path)
    return path


def _with_sheet(path: Path, sheet: bytes | None = None, *,
                declared: int | None = None) -> Path:
    """A copy of a sound workbook with its sheet's XML replaced (and, with ``declared``,
    its size in the zip's directory set to a lie)."""
    source = _sound(path.with_suffix(".src.xlsx"), 3)
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w",
                                                         zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "xl/worksheets/sheet1.xml" and sheet is not None:
                data = sheet
            new.writestr(info.filename, data)
    if declared is not None:  # rewrite the central directory's size of the sheet
        raw = bytearray(path.read_bytes())
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("xl/worksheets/sheet1.xml")
        true = info.file_size.to_bytes(4, "little")
        at = raw.rfind(b"xl/worksheets/sheet1.xml") - 46 + 24  # central entry's size
        assert raw[at:at + 4] == true
        raw[at:at + 4] = declared.to_bytes(4, "little")
        path.write_bytes(bytes(raw))
    return path


def _cases(folder: Path) -> list[tuple[str, Path]]:
    row = b'<row><c t="inlineStr"><is><t>Rahmonov</t></is></c></row>'
    return [
        ("a sound 700-row list (floor)", _sound(folder / "sound.xlsx", 700)),
        ("3,000,000 rows packed 1000:1", _with_sheet(folder / "rows-bomb.xlsx",
                                                     HEAD + row * 3_000_000 + TAIL)),
        ("one cell of 150 MB", _with_sheet(folder / "cell-bomb.xlsx", HEAD
                                           + b'<row><c t="inlineStr"><is><t>'
                                           + b"A" * 150_000_000 + b"</t></is></c></row>"
                                           + TAIL)),
        ("700,000 plain rows (a runaway export)", _sound(folder / "runaway.xlsx", 700_000)),
        ("a cell of 60 MB that does not pack", _with_sheet(
            folder / "random-cell.xlsx", HEAD + b'<row><c t="inlineStr"><is><t>'
            + base64.b64encode(os.urandom(45_000_000)) + b"</t></is></c></row>" + TAIL)),
        ("a sheet that says it is small", _with_sheet(
            folder / "liar.xlsx", HEAD + row * 1_000_000 + TAIL, declared=1000)),
        ("a zip of 1,000,000 empty parts", _many_parts(folder / "parts.xlsx", 1_000_000)),
    ]


def _many_parts(path: Path, count: int) -> Path:
    """A sound workbook with ``count`` empty parts besides (each a few dozen bytes of the
    zip's directory: 1,000,000 of them, a 100 MB file)."""
    source = _sound(path.with_suffix(".src.xlsx"), 3)
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w") as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info))
        for n in range(count):
            new.writestr(f"xl/media/{n}.bin", b"")
    return path


def run() -> list[Result]:
    folder = Path(tempfile.mkdtemp(prefix="bsm-hostile-"))
    results = []
    floor_s = None
    for label, path in _cases(folder):
        done = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True,
                              text=True, timeout=600, check=True)
        found = json.loads(done.stdout.strip().splitlines()[-1])
        if floor_s is None:
            floor_s = found["seconds"]
            continue
        met = found["seconds"] <= MAX_SECONDS and found["mb"] <= MAX_MB and \
            found["verdict"].startswith("refused")
        ratio = found["seconds"] / floor_s if floor_s else None
        results.append(Result(NAME, f"{label}: {found['verdict'][:9]}",
                              round(found["seconds"], 3), "s", round(floor_s, 3),
                              round(ratio, 2) if ratio else None,
                              f"refused, <= {MAX_SECONDS:g} s and <= {MAX_MB:g} MB "
                              f"(peak {found['mb']:.0f} MB)", met))
    for item in folder.iterdir():
        item.unlink()
    folder.rmdir()
    return results
