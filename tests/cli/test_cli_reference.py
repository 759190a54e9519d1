"""docs/cli-reference.md is the parser written out: a test fails when it is stale, and
when a command or an option has nothing to say for itself."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import cli_reference  # noqa: E402


def test_the_reference_is_the_parser_written_out() -> None:
    assert cli_reference.OUT.read_text(encoding="utf-8") == cli_reference.render(), \
        "docs/cli-reference.md is stale: run python packaging/cli_reference.py"


def test_every_command_and_option_says_what_it_is_for() -> None:
    from bsm_desk.cli.parser import build_parser

    parser = build_parser()
    found = list(cli_reference.commands(parser))
    assert len(found) > 60, "the commands were not found: nothing was checked"
    silent = [" ".join(path) for path, sub, summary in found
              if not (sub.description or summary).strip()]
    silent += [f"{' '.join(path)} {flag}" for path, sub, _ in found
               for flag, text in cli_reference.options(sub) if not text]
    silent += [flag for flag, text in cli_reference.options(parser) if not text]
    assert silent == []


def test_the_check_sees_a_stale_reference(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    stale = tmp_path / "cli-reference.md"
    stale.write_text(cli_reference.render().replace("## bsm-desk info", "## bsm-desk nfo"),
                     encoding="utf-8")
    monkeypatch.setattr(cli_reference, "OUT", stale)
    assert cli_reference.main(["--check"]) == 1
    stale.write_text(cli_reference.render(), encoding="utf-8")
    assert cli_reference.main(["--check"]) == 0


def test_the_dispatch_names_no_command() -> None:
    """What a command does with the event file is declared where the command is defined
    (set_defaults): the code that runs every command names none of them."""
    import ast

    from bsm_desk.cli.parser import build_parser

    names = {part for path, _sub, _help in cli_reference.commands(build_parser())
             for part in path}
    assert {"demo", "template", "settings", "restore", "unlock"} <= names
    run = ROOT / "bsm_desk" / "cli" / "run.py"
    strings = {node.value for node in ast.walk(ast.parse(run.read_text(encoding="utf-8")))
               if isinstance(node, ast.Constant) and isinstance(node.value, str)}
    assert strings & names == set()
