"""What the README shows a newcomer works as written: its command-line example runs, line
by line in a shell, in an empty folder (the demo built, a badge scanned, the workbook and
the report written), and every `bsm-desk …` it names in its text is a command the parser
takes."""

from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from bsm_desk.cli.parser import build_parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _example() -> list[str]:
    block = README.split("## Command line", 1)[1].split("```console\n", 1)[1].split("```")[0]
    return [line[2:] for line in block.splitlines() if line.startswith("$ ")]


def _named_in_text() -> list[str]:
    text = re.sub(r"```.*?```", "", README, flags=re.S)
    return [span for span in re.findall(r"`(bsm-desk[^`]*)`", text.replace("\n", " "))
            if span != "bsm-desk"]


def test_the_readme_example_runs_as_written(tmp_path: Path) -> None:
    lines = _example()
    assert len(lines) >= 5 and lines[0].startswith("bsm-desk demo")
    scripts = Path(sys.executable).parent
    assert (scripts / "bsm-desk").exists() or (scripts / "bsm-desk.exe").exists(), (
        "the bsm-desk command is installed by the README's test command (pip install -e .)")
    env = {**os.environ, "PATH": f"{scripts}{os.pathsep}{os.environ.get('PATH', '')}",
           "BSM_DESK_HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen"}
    shell = "set -eu\n" + "\n".join(lines) + "\n"
    done = subprocess.run(["bash", "-c", shell], cwd=tmp_path, env=env, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, (done.stdout, done.stderr)
    assert "OK\t417\t" in done.stdout  # the badge's holder let in, as the example says
    for written in re.findall(r"--out (\S+)", shell):
        assert (tmp_path / written).stat().st_size > 1000, written


def _command(words: list[str]) -> argparse.ArgumentParser:
    """The parser of the (sub)command the words name; fails on a word that is none."""
    parser = build_parser()
    for word in words:
        if word.startswith("-"):
            assert word.split("=")[0] in parser._option_string_actions, (word, parser.prog)
            continue
        groups = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not groups:
            break  # a value of the option before it
        assert word in groups[0].choices, (word, parser.prog)
        parser = groups[0].choices[word]
    return parser


@pytest.mark.parametrize("span", _named_in_text())
def test_each_command_the_readme_names_is_one_the_parser_takes(span: str) -> None:
    """Named in prose (`bsm-desk seating`, `bsm-desk demo --operators`): each word a
    command of the one before it, each option one it takes."""
    assert _command(shlex.split(span)[1:]).prog.startswith("bsm-desk")


def test_the_check_sees_a_command_or_option_that_is_not_there() -> None:
    with pytest.raises(AssertionError):
        _command(["seatings"])
    with pytest.raises(AssertionError):
        _command(["demo", "--guests"])
