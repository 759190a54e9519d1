"""The command line for the hub on the venue LAN: make it, join it, exchange a round,
and see where a desk stands."""

from __future__ import annotations

import argparse
from contextlib import closing
from typing import Any

from bsm_desk import config
from bsm_desk.cli.common import NONE, Commands, Parser, Translate, acting_at, db_option, print_json
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError

URL_OR_CODE = QT_TRANSLATE_NOOP("UserError", "Say where the hub is: --code with the enrolment "
                                             "code an administrator gave (hub add-desk), or "
                                             "--url.")


def _hub(args: argparse.Namespace, settings: config.Settings, translate: Translate) -> int:
    from bsm_desk.services import hub
    from bsm_desk.services.event.files import connect

    if args.hub_action == "tls":
        return _tls(args, translate)
    if args.hub_action == "role-sql":
        for statement in hub.role_sql(args.database):
            print(statement if statement.startswith("--") else statement + ";")
        return 0
    if args.hub_action == "join":
        return _join(args, settings, translate)
    with closing(connect(args.db)) as db:
        if args.hub_action in ("add-desk", "remove-desk", "desks"):
            return _desks(db, args, settings, translate)
        if args.hub_action == "init":
            authority = None
            if args.ca:
                from bsm_desk.services.hub import tls

                authority = tls.read_authority(args.ca)
            report = hub.init_hub(db, args.url, who=acting_at(db, settings),
                                   desk_name=settings.desk_name, authority=authority)
            return _print_round(args, report, translate)
        if args.hub_action == "follow":
            return _follow(db, args, settings)
        if args.hub_action == "review":
            rows = hub.review(db, translate)
            if args.json:
                print_json(rows)
            else:
                for row in rows:
                    print(f"{row['at'][:19]}\t{row['kind']}\t{row['reason']}")
            return 0
        if args.hub_action in ("adopt", "sync"):
            report = hub.adopt(db, who=acting_at(db, settings), code=_code(args.code)
                                if args.code else None) if args.hub_action == "adopt" \
                else hub.sync_once(db, desk_id=settings.desk_id)
            return _print_round(args, report, translate)
        found = hub.status(db, desk_id=settings.desk_id)
    if args.json:
        print_json(found)
        return 0
    print(translate("Cli", "Hub: {url}").format(url=found["url"] or "—"))
    print(translate("Cli", "Online") if found["online"] else translate("Cli", "Offline"))
    print(translate("Cli", "Waiting to be sent: {count}").format(count=found["pending"]))
    if found.get("hub_holds") is not None:
        print(translate("Cli", "Check-ins of this desk: {here} here, {held} on the hub")
              .format(here=found["here"], held=found["hub_holds"]))
    print(translate("Cli", "Last exchange: {when}").format(when=found["last_sync"] or "—"))
    return 0


def _join(args: argparse.Namespace, settings: config.Settings, translate: Translate) -> int:
    from bsm_desk.services import hub

    if not args.code and not args.url:
        raise UserError(URL_OR_CODE)
    if args.code:

        report = hub.join_with_code(_code(args.code), args.db,
                                          desk_id=settings.desk_id,
                                          desk_name=settings.desk_name)
    else:
        report = hub.join(args.url, args.db, desk_id=settings.desk_id,
                           desk_name=settings.desk_name)
    return _print_round(args, report, translate)


def _tls(args: argparse.Namespace, translate: Translate) -> int:
    from pathlib import Path

    from bsm_desk.services.hub import tls

    made = tls.make_files(Path(args.out), list(args.host), args.event)
    if args.json:
        print_json({name: str(path) for name, path in made.items()})
        return 0
    print(translate("Cli", "Made the hub's certificate authority and its server's "
                           "certificate in {folder}. On the hub's server, in "
                           "postgresql.conf:").format(folder=args.out))
    print(f"  ssl = on\n  ssl_cert_file = '{made['cert'].name}'\n"
          f"  ssl_key_file = '{made['key'].name}'")
    print(translate("Cli", "and in pg_hba.conf, hostssl lines only for the desks. Then, at "
                           "this desk: bsm-desk hub init --db FILE --url URL --ca {ca}. Keep "
                           "hub-ca.key away from the hub's server.").format(ca=made["ca"]))
    return 0


def _code(given: str) -> str:
    """The code as given, or read from standard input for "-" (kept out of the shell's
    history and the process list)."""
    import sys

    return sys.stdin.read(4096) if given == "-" else given


def _desks(db: Any, args: argparse.Namespace, settings: config.Settings,
           translate: Translate) -> int:
    from bsm_desk.services.hub import enrolment

    if args.hub_action == "add-desk":
        made = enrolment.add_desk(db, args.name, who=acting_at(db, settings))
        if args.json:
            print_json(made.as_dict())
        else:
            print(translate("Cli", "Desk {name} may now join, once, with this code (keep it "
                                   "secret, like a password):").format(name=made.name))
            print(made.code)
            print(translate("Cli", "At that desk: bsm-desk hub join --db FILE --code CODE"))
        return 0
    if args.hub_action == "remove-desk":
        login = enrolment.remove_desk(db, args.name, who=acting_at(db, settings))
        if args.json:
            print_json({"name": args.name, "login": login, "removed": True})
        else:
            print(translate("Cli", "Desk {name} can no longer reach the hub; whatever it "
                                   "sends is refused.").format(name=args.name))
        return 0
    found = enrolment.desks(db, who=acting_at(db, settings))
    if args.json:
        print_json(found)
        return 0
    for desk in found:
        state = translate("Cli", "removed") if desk["removed_at"] else \
            translate("Cli", "enrolled")
        print(f"{desk['name'] or '—'}\t{desk['login'] or '—'}\t{desk['desk_id'] or '—'}\t"
              f"{state}\t{(desk['seen_at'] or '—')[:19]}\t{desk['refused']}")
    return 0


def _follow(db: Any, args: argparse.Namespace, settings: config.Settings) -> int:
    """The sync worker as its own process (the window starts one): a JSON line per
    round; a line on stdin asks for a round now; the end of stdin ends it."""
    import json
    import queue
    import sys
    import threading

    from bsm_desk.services import hub

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

    hub.follow(db, desk_id=args.desk_id or settings.desk_id, every=args.every, wake=wake,
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
        command.add_argument("--url", required=command is init, metavar="URL",
                             help="postgresql://user@host/database (a password given here "
                                  "goes to the OS keyring, never to the event file)")
        command.add_argument("--json", action="store_true", help="print the round as JSON")
    init.add_argument("--ca", metavar="FILE",
                      help="the hub's own certificate authority (hub tls makes it): this "
                           "desk and every desk it enrols reach the hub over TLS pinned to it")
    tls_files = actions.add_parser(
        "tls", help="make the hub's certificate authority and its server's certificate",
        description="For a hub reached over the network: a small certificate authority of "
                    "the event's own and the hub server's certificate for the names and "
                    "addresses desks use, written to --out for the database administrator "
                    "(postgresql.conf: ssl = on, ssl_cert_file, ssl_key_file).")
    tls_files.add_argument("--host", action="append", required=True, metavar="NAME",
                           help="a name or IP address desks use for the hub (repeat for "
                                "more)")
    tls_files.add_argument("--out", required=True, metavar="DIR", help="where to write them")
    tls_files.add_argument("--event", default="event", metavar="CODE",
                           help="the event's code, named in the authority's certificate")
    tls_files.add_argument("--json", action="store_true", help="the files' paths as JSON")
    tls_files.set_defaults(event_file=NONE)
    join.add_argument("--code", metavar="CODE",
                      help="the enrolment code an administrator made with hub add-desk "
                           "(\"-\": read it from standard input)")
    add = actions.add_parser(
        "add-desk", help="enrol a new desk: its own hub login, and a one-time code to join",
        description="Makes a login on the hub for one desk and prints the code that desk "
                    "joins with (hub join --code). Administrators only, at the desk whose "
                    "hub login may make logins (the one that ran hub init).")
    add.add_argument("name", metavar="NAME", help="the desk's name, such as \"Door B\"")
    remove = actions.add_parser(
        "remove-desk", help="a desk's login disabled: whatever it sends is refused",
        description="For a lost laptop or a desk that is no longer used: its login can no "
                    "longer connect, its open connections are ended, and the hub refuses "
                    "(and counts) whatever it still sends.")
    remove.add_argument("name", metavar="NAME", help="the desk's name, or its login")
    adopt = actions.add_parser(
        "adopt", help="take the hub now at this desk's address as the event's hub",
        description="After the hub was made again (or moved): this desk sends it "
                    "everything it holds and takes everything from it. --code: the new "
                    "enrolment code an administrator made for this desk at that hub.")
    db_option(adopt)
    adopt.add_argument("--code", metavar="CODE", help="a new enrolment code for this desk "
                                                      "(\"-\": from standard input)")
    adopt.add_argument("--json", action="store_true", help="print the round as JSON")
    listing = actions.add_parser("desks", help="the hub's desks: enrolled, removed, seen")
    for command in (add, remove, listing):
        db_option(command)
        command.add_argument("--json", action="store_true", help="print as JSON")
    sync_round = actions.add_parser("sync", help="one exchange with the hub now")
    db_option(sync_round)
    sync_round.add_argument("--json", action="store_true",
                            help="pushed, pulled, pending (exit 3 when offline)")
    follow = actions.add_parser(
        "follow", help="keep exchanging (the window's sync worker, as its own process)",
        description="A round every --every seconds and whenever a line arrives on stdin; "
                    "a JSON line of status after each; stops at the end of stdin.")
    db_option(follow)
    follow.add_argument("--every", type=float, default=5.0, metavar="S",
                        help="seconds between rounds (default 5)")
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
    role.set_defaults(event_file=NONE)
    group.set_defaults(handler=_hub)



