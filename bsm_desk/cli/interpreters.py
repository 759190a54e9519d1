"""The command line for the interpreters: importing the pool, listing it, and the booths
the programme needs."""

from __future__ import annotations

import argparse
from contextlib import closing

from bsm_desk import config
from bsm_desk.cli.common import (
    Commands,
    Parser,
    Translate,
    db_option,
    print_import_result,
    print_json,
)


def _interpreters(args: argparse.Namespace, settings: config.Settings,
                  translate: Translate) -> int:
    from bsm_desk.services import interpreters
    from bsm_desk.store import connect

    with closing(connect(args.db)) as db:
        if args.interpreters_action == "needs":
            from bsm_desk.store import event as event_store

            event = event_store.required(db, interpreters.NO_EVENT)
            found = interpreters.needs(db, lang=config.ui_language(settings))
            rows = [n.as_dict(event.zone) for n in found]
            if args.json:
                print_json(rows)
            else:
                for row in rows:
                    print("\t".join((row["start"][:16], row["end"][11:16], row["room"],
                                     row["booth"], str(row["team"]))))
            return 0
        if args.interpreters_action == "list":
            people = interpreters.interpreters(db)
            if args.json:
                print_json([interpreters.as_dict(p) for p in people])
            else:
                for p in people:
                    row = interpreters.as_dict(p)
                    print("\t".join((str(p.id), p.name, p.name_cyr, "; ".join(
                        f"{k}:{v}" for k, v in row["languages"].items()),
                        "staff" if p.staff else "freelance")))
            return 0
        report = interpreters.import_file(db, args.file, desk_id=settings.desk_id,
                                          operator=settings.desk_name, dry_run=args.dry_run)
    if args.json:
        print_json(report.as_dict(translate))
        return 1 if report.errors else 0
    return 0 if print_import_result(report, args.dry_run, translate) else 1


def add_commands(sub: Commands) -> None:
    group = sub.add_parser(
        "interpreters", help="the interpreters' pool",
        description="Import the interpreters (English or Russian headers) and list them.")
    actions = group.add_subparsers(dest="interpreters_action", metavar="ACTION",
                                   parser_class=Parser, required=True)
    imp = actions.add_parser(
        "import", help="import interpreters from .xlsx or .csv (all rows or none)",
        description="Headers: Name, Name in Cyrillic, Languages (en:A; ru:B; fr:C), Staff "
                    "(yes/no), Available days (YYYY-MM-DD; ...), Fee, Email — or Имя, Имя "
                    "кириллицей, Языки, Штатный, Дни, Гонорар, Эл. почта. A re-import "
                    "updates the same people (by e-mail, else by name).")
    db_option(imp)
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--dry-run", action="store_true", help="check and report; write nothing")
    imp.add_argument("--json", action="store_true", help="print the report as JSON")
    listing = actions.add_parser("list", help="the interpreters")
    db_option(listing)
    listing.add_argument("--json", action="store_true",
                         help="objects with id, name, name_cyr, languages (code: A/B/C), "
                              "staff, available (dates; empty: every day), fee, email")
    need = actions.add_parser("needs", help="every booth the programme needs staffed")
    db_option(need)
    need.add_argument("--json", action="store_true",
                      help="objects with session_ids, room, start, end (ISO 8601 with the "
                           "venue's offset), booth (en, ru, or en-ru for a two-way booth), "
                           "team (interpreters needed)")
    group.set_defaults(handler=_interpreters)
