"""The ``bsm-desk`` command: starts the window, or runs one job headless.

Every subcommand is a thin layer over a service. User errors print one line in
the desk's language and exit 2; data goes to stdout, with ``--json`` for scripts.
One module per command group (event, registry, badges, checkin, reports, programme)
holds its commands' options and handlers; ``parser.py`` builds the parser from them.
Each handler takes the parsed arguments, the desk's settings and a translate function,
calls the services, prints, and returns the exit status.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from contextlib import closing
from pathlib import Path

from bsm_desk import config
from bsm_desk.cli.common import EXIT_USER_ERROR, NEW, NONE, OPEN, lazy_translate
from bsm_desk.cli.parser import build_parser, window_args
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError

Handler = Callable[[argparse.Namespace, config.Settings, Callable[[str, str], str]], int]

__all__ = ["EXIT_USER_ERROR", "build_parser", "main"]

NEEDS_DB = QT_TRANSLATE_NOOP("UserError", "The {command} command needs --db PATH (no event "
                                          "was opened on this desk before).")
NEEDS_NEW_DB = QT_TRANSLATE_NOOP("UserError", "The {command} command makes a new file: say "
                                              "where with --db PATH.")


def _same_desk(args: argparse.Namespace, settings: config.Settings) -> None:
    """A desk of a hub is the desk its event file says (settings.json can be lost or
    damaged; the file keeps which desk it is)."""
    path = getattr(args, "db", None)
    if path is None or not Path(path).exists():
        return
    from bsm_desk.services.event.files import desk_of_file

    found = desk_of_file(path)
    if found:
        settings.desk_id = found


def _last_event(command: str, settings: config.Settings, kind: str) -> Path:
    """--db left out: the event last opened on this desk (the window's or a command's),
    as the help promises; a command that makes a file must be told where (the last
    event would be the one it overwrites)."""
    if kind == NEW:
        raise UserError(NEEDS_NEW_DB, command=command)
    if settings.last_db and Path(settings.last_db).is_file():
        return Path(settings.last_db)
    raise UserError(NEEDS_DB, command=command)
FILE_FAULT = QT_TRANSLATE_NOOP("UserError", "{path}: {reason}")
DB_FAULT = QT_TRANSLATE_NOOP("UserError", "The event database could not be used: {reason}")


def main(argv: Sequence[str] | None = None) -> int:
    args = window_args(argv) or build_parser().parse_args(argv)
    try:
        settings = config.load()
        if args.lang:
            settings.language = args.lang
            config.save(settings)
    except OSError as exc:
        # The desk's own folder cannot be made or written (a home that is a file, a
        # folder of another user's): nothing can work without its id, so one line.
        said = config.Settings(desk_id="", desk_name="", language=args.lang or "en")
        fault = UserError(FILE_FAULT, path=exc.filename or "", reason=exc.strerror or str(exc))
        print(f"bsm-desk: {fault.message(lazy_translate(config.ui_language(said)))}",
              file=sys.stderr)
        return EXIT_USER_ERROR
    translate = lazy_translate(config.ui_language(settings))
    try:
        if args.command is None:
            return _gui(args, settings)
        kind = getattr(args, "event_file", OPEN)  # each command says (cli/common.py)
        if getattr(args, "db", None) is None and kind != NONE:
            args.db = _last_event(args.command, settings, kind)
        _same_desk(args, settings)
        handler: Handler = args.handler
        if getattr(args, "db", None) and Path(args.db).is_file() and \
                getattr(args, "unlock_first", True):
            _unlock(args)
        if getattr(args, "sign_in", None):
            _sign_in(args, settings)
        from bsm_desk.cli.access import gate

        gate(args, settings)
        return handler(args, settings, translate)
    except UserError as exc:
        print(f"bsm-desk: {exc.message(translate)}", file=sys.stderr)
        return EXIT_USER_ERROR
    except BrokenPipeError:
        return _quiet_broken_pipe()
    except OSError as exc:
        # A full disk, a read-only folder, a path that cannot be made: one line, no trace.
        fault = UserError(FILE_FAULT, path=exc.filename or getattr(args, "db", "") or "",
                          reason=exc.strerror or str(exc))
        print(f"bsm-desk: {fault.message(translate)}", file=sys.stderr)
        return EXIT_USER_ERROR
    except sqlite3.DatabaseError as exc:
        from bsm_desk.services.event.files import user_error

        db = getattr(args, "db", None)
        fault = user_error(exc, db) if db else UserError(DB_FAULT, reason=str(exc))
        print(f"bsm-desk: {fault.message(translate)}", file=sys.stderr)
        return EXIT_USER_ERROR
    except MemoryError:
        print("bsm-desk: " + translate("Cli", "Not enough memory for this. Nothing was "
                                              "written."), file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("bsm-desk: " + translate("Cli", "Interrupted."), file=sys.stderr)
        return 130


PASSWORD_ENV = "BSM_DESK_PASSWORD"


def _sign_in(args: argparse.Namespace, settings: config.Settings) -> None:
    """Sign in for this run (the services then check what the operator may do): the
    password from BSM_DESK_PASSWORD, else asked for on the terminal."""

    from bsm_desk.services import operators
    from bsm_desk.services.event.files import connect

    secret = os.environ.get(PASSWORD_ENV)
    if secret is None:
        import getpass

        secret = getpass.getpass(f"Password for {args.sign_in}: ")
    with closing(connect(args.db)) as db:
        operators.sign_in(db, args.sign_in, secret, desk_id=settings.desk_id)


def _unlock(args: argparse.Namespace) -> None:
    """The event's key for this run: from BSM_DESK_PASSPHRASE, else as this desk keeps it
    (the OS keyring or its own key file). Operators' passwords are checked with it."""

    from bsm_desk.services.event.files import connect
    from bsm_desk.services.operators import privacy

    if not privacy.sealed_file(Path(args.db)):
        return  # not an event with a key (or not an event at all): nothing to open
    with closing(connect(args.db)) as db:
        if not privacy.protected(db) or privacy.unlocked(db):
            return
        if os.environ.get("BSM_DESK_PASSPHRASE"):
            privacy.unlock(db, os.environ["BSM_DESK_PASSPHRASE"])
        else:
            privacy.unlock(db)


def _quiet_broken_pipe() -> int:
    """The reader went away (| head): stop quietly, and keep Python's own flush at exit
    from failing on the closed pipe too."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 1


def _gui(args: argparse.Namespace, settings: config.Settings) -> int:
    # The event the window will open is looked at on a thread of its own while the
    # window's code loads (services/event/glance.py).
    from bsm_desk.services.event.glance import look_ahead

    ahead = None if args.demo else look_ahead(args.db or config.last_event(settings))
    from bsm_desk.ui.shell.app import run

    return run(db=args.db, demo=args.demo, verbose=args.verbose, ahead=ahead,
               settings=settings)
