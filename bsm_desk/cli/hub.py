"""The command line for the hub on the venue LAN: make it, join it, exchange a round,
and see where a desk stands."""

from __future__ import annotations

import argparse
from contextlib import closing

from bsm_desk import config
from bsm_desk.cli.common import Commands, Parser, Translate, db_option, print_json


def _hub(args: argparse.Namespace, settings: config.Settings, translate: Translate) -> int:
    from bsm_desk.services import sync
    from bsm_desk.store import connect

    if args.hub_action == "join":
        report = sync.join(args.url, args.db, desk_id=settings.desk_id,
                           desk_name=settings.desk_name)
        return _print_round(args, report, translate)
    with closing(connect(args.db)) as db:
        if args.hub_action == "init":
            report = sync.init_hub(db, args.url, desk_id=settings.desk_id,
                                   desk_name=settings.desk_name)
            return _print_round(args, report, translate)
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
    status = actions.add_parser("status", help="where this desk stands with its hub")
    db_option(status)
    status.add_argument("--json", action="store_true",
                        help="url (password hidden), online, pending, last_sync")
    group.set_defaults(handler=_hub)



