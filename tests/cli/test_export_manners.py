"""Exports say one clear line when they cannot write, and write what their help says."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bsm_desk.cli.reports import KINDS
from tests.cli.test_cli import run


def bsm(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bsm_desk", *args], capture_output=True,
                          text=True, timeout=600, env=dict(os.environ))


@pytest.mark.parametrize("report, name", [("attendance", "a.xlsx"), ("participants", "p.xlsx"),
                                          ("speakers", "s.xlsx"), ("roster", "r.xlsx")])
def test_no_such_folder_is_one_line_and_no_traceback(demo_file: Path, tmp_path: Path,
                                                     report: str, name: str) -> None:
    done = bsm("export", report, "--db", str(demo_file), "--out",
               str(tmp_path / "missing" / name))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1, done.stderr  # nothing after the line
    assert "there is no folder" in done.stderr and "Traceback" not in done.stderr


def test_a_save_that_fails_midway_is_one_line_too(demo_file: Path, tmp_path: Path) -> None:
    """The folder is there but the file cannot be made (its partial name is a folder):
    the workbook was built, its save fails, and nothing complains afterwards."""
    (tmp_path / "a.xlsx.part").mkdir()
    done = bsm("export", "attendance", "--db", str(demo_file), "--out",
               str(tmp_path / "a.xlsx"))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1, done.stderr
    assert "Exception ignored" not in done.stderr


def test_every_suffix_the_help_names_is_written(capsys, demo_file: Path,
                                                tmp_path: Path) -> None:
    for report, kinds in KINDS.items():
        code, out, _ = run(capsys, "export", report, "--help")
        assert ", ".join(kinds) in out
        for suffix in kinds:
            target = tmp_path / f"{report}{suffix}"
            code, _, err = run(capsys, "export", report, "--db", str(demo_file), "--out",
                               str(target))
            assert code == 0 and target.stat().st_size > 0, (report, suffix, err)
        code, _, err = run(capsys, "export", report, "--db", str(demo_file), "--out",
                           str(tmp_path / f"{report}.odt"))
        assert code == 2 and all(kind in err for kind in kinds), err


def test_the_list_of_participants_as_csv(capsys, demo_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "lop.csv"
    code, _, err = run(capsys, "export", "participants", "--db", str(demo_file), "--out",
                       str(target), "--lang", "ru")
    assert code == 0, err
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads Cyrillic with the BOM
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][0] == "Делегация" and len(rows) > 700 // 2
    assert all(not cell.startswith(("=", "+", "@")) for row in rows for cell in row)
