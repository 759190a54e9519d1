"""The command line for the event file itself: the demo conference, its facts,
backups and restoring."""

from __future__ import annotations

import argparse
import sys
from contextlib import closing
from pathlib import Path

from bsm_desk import config
from bsm_desk.cli.common import (
    NEW,
    Commands,
    Translate,
    acting_at,
    db_option,
    print_json,
)


def _demo(args: argparse.Namespace, settings: config.Settings, translate: Translate) -> int:
    from bsm_desk.services import demo as demo_service

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            sys.stderr.write(f"\r{done:,}/{total:,}")
            if done == total:
                sys.stderr.write("\n")

    summary = demo_service.build_demo(
        args.db, delegates=args.delegates, seed=args.seed, desk_id=settings.desk_id,
        force=args.force, progress=progress, attendance=args.attendance,
        operators=args.operators, showcase=not args.bare,
    )
    if args.json:
        print_json({"path": str(summary.path), "delegates": summary.delegates,
                     "delegations": summary.delegations, "sessions": summary.sessions,
                     "seed": args.seed})
    else:
        print(translate("Cli", "Demo conference built: {path} ({delegates} delegates, "
                               "{delegations} delegations, {sessions} sessions).").format(
            path=summary.path, delegates=summary.delegates, delegations=summary.delegations,
            sessions=summary.sessions))
    return 0


def _info(args: argparse.Namespace, settings: config.Settings, translate: Translate) -> int:
    from bsm_desk.services import event as event_service
    from bsm_desk.services.event.files import connect, schema_version

    with closing(connect(args.db)) as db:
        ov = event_service.overview(db, args.db)
        version = schema_version(db)
    e = ov.event
    facts = {
        "code": e.code, "title_en": e.title_en, "title_ru": e.title_ru,
        "venue_en": e.venue_en, "venue_ru": e.venue_ru, "time_zone": e.time_zone,
        "start_date": e.start_date.isoformat(), "end_date": e.end_date.isoformat(),
        "languages": list(e.languages), "days": [d.date.isoformat() for d in ov.days],
        "rooms": len(ov.rooms), "sessions": len(ov.sessions),
        "delegations": len(ov.delegations), "delegates": ov.delegates,
        "by_status": {k.value: v for k, v in ov.by_status.items()},
        "by_gender": {k.value: v for k, v in ov.by_gender.items()},
        "schema_version": version, "path": str(Path(args.db).resolve()),
    }
    if args.json:
        print_json(facts)
        return 0
    lang = config.ui_language(settings)
    lines = [
        (translate("Cli", "Event"), e.title(lang)),
        (translate("Cli", "Code"), e.code),
        (translate("Cli", "Dates"), f"{e.start_date.isoformat()} – {e.end_date.isoformat()}"),
        (translate("Cli", "Venue"), e.venue(lang)),
        (translate("Cli", "Time zone"), e.time_zone),
        (translate("Cli", "Rooms"), str(len(ov.rooms))),
        (translate("Cli", "Sessions"), str(len(ov.sessions))),
        (translate("Cli", "Delegations"), str(len(ov.delegations))),
        (translate("Cli", "Delegates"), str(ov.delegates)),
    ]
    width = max(len(label) for label, _ in lines)
    for label, value in lines:
        print(f"{label.ljust(width)}  {value}")
    return 0


def _backup(args: argparse.Namespace, settings: config.Settings, translate: Translate) -> int:
    from bsm_desk.services.event import backups
    from bsm_desk.services.event.files import connect

    into = settings.backup_folder or None
    if args.list:
        found = [{"file": str(b.path), "at": b.at.isoformat(), "size": b.size}
                 for b in backups.listing(args.db, into=into)]
        if args.json:
            print_json(found)
        else:
            for row in found:
                print(f"{row['at']}\t{row['size']}\t{row['file']}")
        return 0
    with closing(connect(args.db, migrate=False)) as db:
        made = backups.take(db.conn, args.db, into=into, out=args.out)
        if args.out:  # a copy elsewhere: noted, so that protect and purge can name it
            from bsm_desk.services.event.making import note_copy

            note_copy(db, made, who=acting_at(db, settings))
    held = backups.contents(made)
    if args.json:
        print_json({"file": str(made), "delegates": held.delegates, "checkins": held.checkins})
    else:
        print(made)
    return 0


def _restore(args: argparse.Namespace, settings: config.Settings, translate: Translate) -> int:
    from bsm_desk.services.event import backups

    held = backups.contents(args.backup)
    aside = backups.restore(args.db, args.backup)
    if args.json:
        print_json({"restored": str(args.db), "from": str(args.backup),
                     "kept_aside": str(aside) if aside else None,
                     "delegates": held.delegates, "checkins": held.checkins})
    else:
        print(translate("Cli", "Restored {path} from {backup} ({delegates} delegates, "
                               "{checkins} check-ins).").format(
            path=args.db, backup=args.backup, delegates=held.delegates,
            checkins=held.checkins))
        if aside:
            print(translate("Cli", "The file it replaced is kept at {aside}.").format(
                aside=aside))
    return 0


DEFAULT_DELEGATES = 700
DEFAULT_SEED = 2022


def add_commands(sub: Commands) -> None:
    demo = sub.add_parser("demo", help="build the Dushanbe 2022 demo conference",
                          description="Build the demo conference (Dushanbe, 18-19 October "
                                      "2022) into a new database. Same seed, same database.")
    db_option(demo)
    demo.set_defaults(event_file=NEW, unlock_first=False)
    demo.add_argument("--delegates", type=int, default=DEFAULT_DELEGATES,
                      metavar="N", help="number of synthetic delegates (default 700)")
    demo.add_argument("--seed", type=int, default=DEFAULT_SEED, metavar="S",
                      help="random seed (default 2022)")
    demo.add_argument("--force", action="store_true", help="replace the file if it exists")
    demo.add_argument("--attendance", action="store_true",
                      help="also check people in, as if both days had happened")
    demo.add_argument("--operators", action="store_true",
                      help="add one operator of each role (sign-in on; passwords in the "
                           "README)")
    demo.add_argument("--bare", action="store_true",
                      help="without the interpreters' roster and the opening sessions' "
                           "speakers (otherwise filled in, the first statement under way)")
    demo.add_argument("--json", action="store_true", help="print the result as JSON")
    demo.set_defaults(handler=_demo)

    info = sub.add_parser("info", help="show the event, its days, rooms and counts",
                          description="Show the facts of an event database.")
    db_option(info)
    info.add_argument("--json", action="store_true", help="print the result as JSON")
    info.set_defaults(handler=_info)

    backup = sub.add_parser("backup", help="take a consistent backup of an event file",
                            description="Copy the event file with SQLite's backup API (safe "
                                        "while desks write) into its backups folder, or to "
                                        "FILE. Prints where the copy is.")
    db_option(backup)
    backup.add_argument("--out", type=Path, metavar="FILE",
                        help="where to write it (default: the event's backups folder)")
    backup.add_argument("--list", action="store_true",
                        help="list the automatic backups instead, newest first")
    backup.add_argument("--json", action="store_true", help="print the result as JSON")
    backup.set_defaults(handler=_backup)

    restore = sub.add_parser("restore", help="put a backup in place of the event file",
                             description="Replace the event file with BACKUP. The current "
                                         "file is kept aside (renamed, never overwritten). "
                                         "Close the event on every desk first.")
    db_option(restore)
    restore.set_defaults(unlock_first=False)  # a sound copy must go in place, unopened
    restore.add_argument("backup", type=Path, metavar="BACKUP", help="the backup file")
    restore.add_argument("--json", action="store_true", help="print the result as JSON")
    restore.set_defaults(handler=_restore)
