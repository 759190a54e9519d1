"""Arguments as an attacker or a slip of the finger gives them: numbers too large for
SQLite, a demo of one person, a pipe or a device handed in as a statement's text. One
line and exit 2 (or the work done), never a traceback or a hang."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.cli.test_cli import run

HUGE = "99999999999999999999999"


@pytest.mark.parametrize("argv", [
    ["search", "--db", "{db}", "rahmon", "--limit", HUGE],
    ["search", "--db", "{db}", "rahmon", "--limit", "0"],
    ["badges", "--db", "{db}", "--codes", "--ids", HUGE],
    ["badges", "--db", "{db}", "--codes", "--ids", f"1,{HUGE}"],
    ["reprint", "--db", "{db}", HUGE, "--reason", "lost", "--out", "{tmp}/r.pdf"],
    ["speakers", "--db", "{db}", "--session", HUGE, "list"],
    ["speakers", "--db", "{db}", "--session", "1", "move", "1", HUGE, "--reason", "x"],
    ["sessions", "edit", "--db", "{db}", HUGE],
    ["accredit", "--db", "{db}", HUGE],
])
def test_numbers_too_large_are_one_line(capsys, demo_copy: Path, tmp_path: Path,
                                        argv: list[str]) -> None:
    code, out, err = run(capsys, *(a.format(db=demo_copy, tmp=tmp_path) for a in argv))
    assert code == 2 and out == "" and "Traceback" not in err
    assert "OverflowError" not in err


def test_a_demo_of_one_person(capsys, tmp_path: Path) -> None:
    code, out, err = run(capsys, "demo", "--db", str(tmp_path / "one.sqlite"), "--delegates",
                         "1")
    assert code == 0, err
    assert "1 delegates" in out


@pytest.mark.parametrize("what", ["fifo", "device", "folder"])
def test_a_statement_text_that_is_not_a_file(capsys, demo_copy: Path, tmp_path: Path,
                                             what: str) -> None:
    """A pipe would be read until someone writes to it, /dev/zero until memory runs out:
    refused before anything is read."""
    if what == "fifo":
        target = tmp_path / "text.txt"
        os.mkfifo(target)
    elif what == "device":
        target = Path("/dev/zero")
        if not target.exists():
            pytest.skip("no /dev/zero here")
    else:
        target = tmp_path / "folder.txt"
        target.mkdir()
    code, out, err = run(capsys, "speakers", "--db", str(demo_copy), "--session", "1",
                         "text", "1", str(target))
    assert code == 2 and err.startswith("bsm-desk: ") and "Traceback" not in err
