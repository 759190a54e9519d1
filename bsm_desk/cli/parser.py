"""The ``bsm-desk`` command line as argparse sees it, built from the command groups.

Each group (event, registry, badges, checkin, reports, programme) adds its own commands,
options and handler. Options and JSON fields named in the issues are a contract that
scripts rely on. Services are imported inside the handlers that use them: the window
starts faster and `bsm-desk --help` answers at once.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bsm_desk import __version__, config
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
    speakers,
    venue,
)
from bsm_desk.cli.common import EXIT_USER_ERROR, Parser
from bsm_desk.cli.event import DEFAULT_DELEGATES, DEFAULT_SEED

# The command groups, in the order --help lists them; each adds its commands.
GROUPS = (event, venue, registry, delegates, delegations, badges, checkin, reports,
          programme, speakers, interpreters, hub, operators, desk)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="bsm-desk",
        description="BSM Desk: registration, badges, check-in and rooms for bilingual "
                    "conferences, offline. With no command, opens the window.",
    )
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
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for group in GROUPS:
        group.add_commands(sub)
    return parser


__all__ = ["DEFAULT_DELEGATES", "DEFAULT_SEED", "EXIT_USER_ERROR", "build_parser"]
