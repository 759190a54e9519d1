"""The ``bsm-desk`` command line as argparse sees it, built from the command groups.

Each group (event, registry, badges, checkin, reports, programme) adds its own commands,
options and handler. Options and JSON fields named in the issues are a contract that
scripts rely on. Services are imported inside the handlers that use them: the window
starts faster and `bsm-desk --help` answers at once.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from bsm_desk import __version__, config
from bsm_desk.cli.common import Parser


def _global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help="print the version and exit")
    parser.add_argument("--db", type=Path, help="event database to open (default: the last one)")
    parser.add_argument("--demo", action="store_true",
                        help="build a fresh demo conference (Dushanbe 2022) and open it")
    parser.add_argument("--lang", choices=config.LANGUAGES,
                        help="language of the window and messages (remembered)")
    parser.add_argument("--verbose", action="store_true",
                        help="the window also shows Qt's and the sound system's messages on "
                             "the console (they always go to the log file)")


def build_parser() -> argparse.ArgumentParser:
    # The command groups, in the order --help lists them; each adds its commands.
    from bsm_desk.cli import (
        badges,
        checkin,
        delegates,
        delegations,
        desk,
        event,
        hub,
        interpreters,
        operators,
        programme,
        registry,
        reports,
        seating,
        speakers,
        venue,
    )

    groups = (event, venue, registry, delegates, delegations, badges, checkin, reports,
              programme, seating, speakers, interpreters, hub, operators, desk)
    parser = Parser(
        prog="bsm-desk",
        description="BSM Desk: registration, badges, check-in and rooms for bilingual "
                    "conferences, offline. With no command, opens the window.",
    )
    _global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for group in groups:
        group.add_commands(sub)
    return parser


class _NotTheWindow(Exception):
    """The quick parse cannot answer: the full parser will (a command, --help, an error)."""


class _Quick(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _NotTheWindow(message)


def window_args(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The arguments when they only open the window (no command, no --help, nothing the
    full parser would refuse), read without building every command's parser: the window
    starts without importing the command line's fifteen modules. None: ask
    :func:`build_parser`."""
    quick = _Quick(prog="bsm-desk", add_help=False)
    _global_options(quick)
    try:
        args, rest = quick.parse_known_args(argv)
    except _NotTheWindow:
        return None
    if rest:
        return None
    args.command = None
    return args


__all__ = ["build_parser", "window_args"]
