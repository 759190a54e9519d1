"""The command line for the hub on the venue LAN: make it, join it, exchange a round,
and see where a desk stands."""

from __future__ import annotations

import argparse
from contextlib import closing
from typing import Any

from bsm_desk import config
from bsm_desk.cli.common import Commands, Parser, Translate, db_option, print_json


def _hub(args: argparse.Namespace, settings: config.Settings, translate: Translate) -> int:
    from bsm_desk.services import sync
    from bsm_desk.store import connect

    if args.hub_action == "role-sql":
        from bsm_desk.store import hub

        for statement in hub.role_sql(args.database):
            print(statement if statement.startswith("--") else statement + ";")
        return 0
    if args.hub_action == "join":
        report = sync.join(args.url, args.db, desk_id=settings.desk_id,
                           desk_name=settings.desk_name)
        return _print_round(args, report, translate)
    with closing(connect(args.db)) as db:
        if args.hub_action == "init":
            report = sync.init_hub(db, args.url, desk_id=settings.desk_id,
                                   desk_name=settings.desk_name)
            return _print_round(args, report, translate)
        if args.hub_action == "follow":
            return _follow(db, args, settings)
        if args.hub_action == "review":
            rows = sync.review(db, translate)
            if args.json:
                print_json(rows)
            else:
                for row in rows:
                    print(f"{row['at'][:19]}\t{row['kind']}\t{row['reason']}")
            return 0
        if args.hub_action == "sync":
            return _print_round(args, sync.sync_once(db, desk_id=settings.desk_id), translate)
        found = sync.status(db, desk_id=settings.desk_id)
    if args.json:
        print_json(found)
        return 0
    print(translate("Cli", "Hub: {url}").format(url=found["url"] or "—"))
    print(translate("Cli", "Online") if found["online"] else translate("Cli", "Offline"))
    print(translate("Cli", "Waiting to be sent: {count}").format(count=found["pending"]))
    print(translate("Cli", "Last exchange: {when}").format(when=found["last_sync"] or "—"))
    return 0


def _follow(db: Any, args: argparse.Namespace, settings: config.Settings) -> int:
    """The sync worker as its own process (the window starts one): a JSON line per
    round; a line on stdin asks for a round now; the end of stdin ends it."""
    import json
    import queue
    import sys
    import threading

    from bsm_desk.services import sync

    _background()
    lines: queue.Queue[bool | None] = queue.Queue()

    def read() -> None:  # a thread, as Windows cannot wait on a pipe with select
        for _line in sys.stdin:
            lines.put(True)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()

    def wake(timeout: float) -> bool | None:
        try:
            return lines.get(timeout=timeout)
        except queue.Empty:
            return False

    def emit(found: dict[str, Any]) -> None:
        print(json.dumps(found, default=str), flush=True)

    sync.follow(db, desk_id=args.desk_id or settings.desk_id, every=args.every, wake=wake,
                emit=emit)
    return 0


def _background() -> None:
    """The worker gives way to the desk it serves: scans come first on a busy laptop."""
    import os

    if hasattr(os, "nice"):
        try:
            os.nice(10)
        except OSError:  # not allowed here: the worker runs at the desk's priority
            pass
    elif os.name == "nt":  # pragma: no cover - Windows only
        import ctypes

        below_normal = 0x4000
        kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
        kernel.SetPriorityClass(kernel.GetCurrentProcess(), below_normal)


def _print_round(args: argparse.Namespace, report: object, translate: Translate) -> int:
    data = report.as_dict()  # type: ignore[attr-defined]
    if getattr(args, "json", False):
        print_json(data)
    else:
        print(translate("Cli", "Sent {pushed}, received {pulled}, waiting {pending}.").format(
            **data))
        if not data["online"]:
            print(translate("Cli", "The hub cannot be reached: this desk works on and "
                                   "sends what waits when it is back."))
        if data["refused"]:
            print(translate("Cli", "{count} could not be taken in: see the review list.")
                  .format(count=data["refused"]))
    return 0 if data["online"] else 3


def add_commands(sub: Commands) -> None:
    group = sub.add_parser(
        "hub", help="several desks, one event: the PostgreSQL hub on the LAN",
        description="Each desk keeps its own event file and exchanges its events with a "
                    "PostgreSQL hub; when the hub cannot be reached it works on and catches "
                    "up later. The password is never written to the event file: it comes "
                    "from the OS keyring or ~/.pgpass.")
    actions = group.add_subparsers(dest="hub_action", metavar="ACTION", parser_class=Parser,
                                   required=True)
    init = actions.add_parser("init", help="make the hub and publish this desk's event")
    join = actions.add_parser("join", help="make a new desk's event file from the hub")
    for command in (init, join):
        db_option(command)
        command.add_argument("--url", required=True, metavar="URL",
                             help="postgresql://user@host/database (a password given here "
                                  "goes to the OS keyring, never to the event file)")
        command.add_argument("--json", action="store_true", help="print the round as JSON")
    sync_round = actions.add_parser("sync", help="one exchange with the hub now")
    db_option(sync_round)
    sync_round.add_argument("--json", action="store_true",
                            help="pushed, pulled, pending (exit 3 when offline)")
    follow = actions.add_parser(
        "follow", help="keep exchanging (the window's sync worker, as its own process)",
        description="A round every --every seconds and whenever a line arrives on stdin; "
                    "a JSON line of status after each; stops at the end of stdin.")
    db_option(follow)
    follow.add_argument("--every", type=float, default=5.0, metavar="S")
    follow.add_argument("--desk-id", default="", metavar="ID",
                        help="act as this desk (default: this machine's desk id)")
    review = actions.add_parser(
        "review", help="what this desk could not take in, or took in twice, and why")
    db_option(review)
    review.add_argument("--json", action="store_true",
                        help="objects with uuid, kind, reason, detail, at")
    status = actions.add_parser("status", help="where this desk stands with its hub")
    db_option(status)
    status.add_argument("--json", action="store_true",
                        help="url (password hidden), online, pending, last_sync")
    role = actions.add_parser(
        "role-sql", help="the SQL that makes the desks' role, for a DBA to run by hand",
        description="The desks' group role may read the hub and add events, never change "
                    "or delete one. hub init runs this itself when it may create roles.")
    role.add_argument("--database", default="bsm_desk", help="the hub's database name")
    group.set_defaults(handler=_hub)



