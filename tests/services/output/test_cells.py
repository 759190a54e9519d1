"""The one spreadsheet-cell guard: formulas stay text (no apostrophe in .xlsx), control
characters go, in every writer."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl import Workbook

from bsm_desk.services.output import cells

RISKY = ["=HYPERLINK(\"http://x\")", "+1+1", "-2", "@SUM(A1)", "\tTAB", "\rCR"]


def test_xlsx_keeps_risky_text_as_text_without_an_apostrophe(tmp_path: Path) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("s")
    sheet.append([cells.xlsx(v, sheet) for v in [*RISKY, "Ra\x00h\x1bmonov", 5, None]])
    book.save(tmp_path / "t.xlsx")
    values = [c.value for c in next(openpyxl.load_workbook(tmp_path / "t.xlsx")["s"].rows)]
    assert values[:6] == RISKY  # shown exactly as typed, and stored as text
    assert values[6] == "Rahmonov" and values[7] == 5
    types = [c.data_type for c in next(openpyxl.load_workbook(tmp_path / "t.xlsx")["s"].rows)]
    assert types[:6] == ["s"] * 6


def test_csv_neutralises_risky_text() -> None:
    assert [cells.csv(v) for v in RISKY] == ["'" + v for v in RISKY]
    assert cells.csv("Ra\x07hmonov") == "Rahmonov" and cells.csv(None) == "" and \
        cells.csv(3) == 3


def test_the_programme_workbook_guards_room_names_and_titles(demo_copy: Path,
                                                             tmp_path: Path) -> None:
    from contextlib import closing

    from bsm_desk.services.programme.export import write_xlsx
    from bsm_desk.store import connect

    with closing(connect(demo_copy)) as db:
        db.execute("UPDATE room SET name_en = '=cmd|calc' WHERE id = 1")
        db.execute("UPDATE session SET title_en = '@risky' WHERE id = 1")
        write_xlsx(db, tmp_path / "p.xlsx")
    texts = [c for ws in openpyxl.load_workbook(tmp_path / "p.xlsx").worksheets
             for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    by_value = {c.value: c for c in texts}
    assert by_value["=cmd|calc"].data_type == "s" and by_value["@risky"].data_type == "s"
    assert not any(c.value.startswith("'") for c in texts)
