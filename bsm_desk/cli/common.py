"""What every command group of the command line shares: the parser class with our exit
code, the --db option, printing JSON and import problems, and the desk's translator
loaded only when a message is printed."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bsm_desk.domain.importing import RowProblem

Translate = Callable[[str, str], str]
Commands = Any  # argparse's sub-parsers action (its class is private)

EXIT_USER_ERROR = 2


class Parser(argparse.ArgumentParser):
    """argparse with our exit code and one-line errors."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USER_ERROR, f"{self.prog}: error: {message}\n")


ID_LIMIT = 2**62  # SQLite's integers are 64-bit: larger ones are no record of ours


def record_id(text: str) -> int:
    """An argument naming a record (a delegate, a room, a session): a whole number from 1,
    refused plainly (not an OverflowError deep inside) when it is anything else."""
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text[:40]!r}") from None
    if not 1 <= value < ID_LIMIT:
        raise argparse.ArgumentTypeError(f"not a record number: {text[:40]!r}")
    return value


def count(text: str) -> int:
    """A how-many argument (--limit): a whole number from 1 to a million."""
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text[:40]!r}") from None
    if not 1 <= value <= 1_000_000:
        raise argparse.ArgumentTypeError(f"from 1 to 1,000,000, not {text[:40]!r}")
    return value


# What a command does with the event file, declared where the command is defined
# (``parser.set_defaults(event_file=...)``) and read by run.main: "open" (the default:
# --db, else the event last opened here), "new" (makes a file: --db must be given),
# "none" (no event file at all).
OPEN, NEW, NONE = "open", "new", "none"


def db_option(parser: argparse.ArgumentParser, *, operator_flag: bool = True) -> None:
    parser.add_argument("--db", type=Path, default=argparse.SUPPRESS, metavar="PATH",
                        help="event database file (default: the last one opened)")
    names = ["--operator", "--sign-in"] if operator_flag else ["--sign-in"]
    parser.add_argument(*names, dest="sign_in", default=None, metavar="NAME",
                        help="sign in as this operator (once the event has operators); the "
                             "password from BSM_DESK_PASSWORD, else asked for")


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def print_problems(file: str, problems: Sequence[RowProblem], translate: Translate) -> None:
    """Each problem of an import on its own line of stderr: file, row, column, message."""
    for problem in problems:
        column = f", {problem.column}" if problem.column else ""
        print(translate("Cli", "{file}, row {row}{column}: {message}").format(
            file=file, row=problem.row, column=column, message=problem.message(translate)),
            file=sys.stderr)


def print_import_result(report: Any, dry_run: bool, translate: Translate) -> bool:
    """An import's problems (stderr) or its counts (stdout); False when nothing was
    written because rows are wrong. ``report`` has file, errors, rows, added, updated
    and unchanged."""
    name = Path(report.file).name
    print_problems(name, report.errors, translate)
    print_more(name, getattr(report, "error_count", 0) - len(report.errors), translate)
    if report.errors:
        print(translate("Cli", "Nothing was imported: correct the rows above and import "
                               "again."), file=sys.stderr)
        return False
    summary = translate("Cli", "{file}: {rows} rows — {added} added, {updated} updated, "
                               "{unchanged} unchanged.").format(
        file=name, rows=report.rows, added=report.added, updated=report.updated,
        unchanged=report.unchanged)
    if dry_run:
        summary += " " + translate("Cli", "Dry run: nothing was written.")
    print(summary)
    return True


def print_more(file: str, more: int, translate: Translate) -> None:
    """The problems past those listed, counted (a list of 400,000 wrong rows lists the
    first thousand)."""
    if more > 0:
        print(translate("Cli", "{file}: and {count} more.").format(file=file, count=more),
              file=sys.stderr)


def lazy_translate(lang: str) -> Translate:
    """Load Qt's translator only when a message is actually printed."""
    loaded: list[Translate] = []

    def translate(context: str, text: str) -> str:
        if not loaded:
            from bsm_desk.translations import translate_function

            loaded.append(translate_function(lang))
        return loaded[0](context, text)

    return translate


def acting_at(db: Any, settings: Any) -> Any:
    """Who acts for this command: the operator signed in (--as), else this desk
    (services/operators/acting.py; imported here, when a command needs it)."""
    from bsm_desk.services import operators

    return operators.acting_at(db, settings)
