"""Write docs/cli-reference.md from the command line's own parser: every command, its
usage, what it does and each option with its help — so the reference is never behind the
code. ``tests/cli/test_cli_reference.py`` fails when the file is stale or when a command
or an option has no help.

    python packaging/cli_reference.py          # rewrite docs/cli-reference.md
    python packaging/cli_reference.py --check  # exit 1 if it is stale
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "cli-reference.md"
sys.path.insert(0, str(ROOT))

HEADER = """# Command-line reference

Generated from the parser by `python packaging/cli_reference.py` (a test fails when it
is stale): every `bsm-desk` command and option, as `--help` shows them. What the
commands do together, their JSON and the rules behind them are in [cli.md](cli.md).
"""


def commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
             ) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser, str]]:
    """(command path, its parser, its one-line help) for every command with no
    sub-commands of its own, in the order --help lists them."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            for name, sub in action.choices.items():
                inner = list(commands(sub, (*path, name)))
                if inner:
                    yield from inner
                else:
                    yield (*path, name), sub, helps.get(name, "")


def options(parser: argparse.ArgumentParser) -> Iterator[tuple[str, str]]:
    """(how it is written, its help) for each argument but --help."""
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction | argparse._SubParsersAction):
            continue
        if action.option_strings:
            shown = ", ".join(action.option_strings)
            if action.nargs != 0:
                shown += " " + str(action.metavar or action.dest.upper())
        else:
            shown = str(action.metavar or action.dest)
        text = (action.help or "").replace("%(default)s", str(action.default))
        if action.choices and not isinstance(action.choices, dict):
            text += f" (one of: {', '.join(str(c) for c in action.choices)})"
        yield shown, " ".join(text.split())


def _usage(parser: argparse.ArgumentParser) -> str:
    formatter = argparse.HelpFormatter(parser.prog, width=88)
    formatter.add_usage(parser.usage, parser._actions, parser._mutually_exclusive_groups)
    return formatter.format_help().strip()


def render() -> str:
    from bsm_desk.cli.parser import build_parser

    parser = build_parser()
    parser.prog = "bsm-desk"
    lines = [HEADER, "## Every command takes", ""]
    lines += [f"- `{shown}`: {text}" for shown, text in options(parser)]
    for path, sub, summary in commands(parser):
        sub.prog = "bsm-desk " + " ".join(path)
        lines += ["", f"## bsm-desk {' '.join(path)}", ""]
        description = " ".join((sub.description or summary or "").split())
        if description:
            lines += [description, ""]
        lines += ["```", _usage(sub), "```"]
        shown = list(options(sub))
        if shown:
            lines.append("")
            lines += [f"- `{flag}`: {text}" if text else f"- `{flag}`" for flag, text in shown]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print("docs/cli-reference.md is stale: run python packaging/cli_reference.py")
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
