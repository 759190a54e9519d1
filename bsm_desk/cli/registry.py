"""The command line for the registry: importing lists, the template to send out,
search, likely duplicates."""

from __future__ import annotations

import argparse
import sys
from contextlib import closing
from pathlib import Path

from bsm_desk import config
from bsm_desk.cli.common import (
    NONE,
    Commands,
    Translate,
    acting_at,
    count,
    db_option,
    print_import_result,
    print_json,
    print_more,
    record_id,
)
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError

BAD_LIMIT = QT_TRANSLATE_NOOP("UserError", "--limit must be 1 or more.")


def _import(args: argparse.Namespace, settings: config.Settings, translate: Translate) -> int:
    from bsm_desk.services.event.files import connect
    from bsm_desk.services.registry.importer import import_file

    with closing(connect(args.db)) as db:
        report = import_file(db, args.file, who=acting_at(db, settings), sheet=args.sheet,
                             dry_run=args.dry_run)
    if args.json:
        print_json(report.as_dict(translate))
        return 1 if report.errors else 0
    name = Path(report.file).name
    if report.errors:
        print_import_result(report, args.dry_run, translate)
        return 1
    for problem in report.warnings:
        print(translate("Cli", "{file}, row {row}: {message}").format(
            file=name, row=problem.row, message=problem.message(translate)), file=sys.stderr)
    print_more(name, report.warning_count - len(report.warnings), translate)
    if report.ignored_columns:
        print(translate("Cli", "{file}: columns not imported: {columns}").format(
            file=name, columns=", ".join(f"“{c}”" for c in report.ignored_columns)),
            file=sys.stderr)
    print_import_result(report, args.dry_run, translate)
    if report.created_delegations:
        print(translate("Cli", "New delegations: {names}").format(
            names=", ".join(report.created_delegations)))
    if report.duplicates:
        print(translate("Cli", "Likely duplicates to review: {count} (bsm-desk duplicates)")
              .format(count=len(report.duplicates)))
    return 0


def _template(args: argparse.Namespace, settings: config.Settings,
              translate: Translate) -> int:
    from bsm_desk.services.event.making import STANDARD_CATEGORIES
    from bsm_desk.services.registry.template import write_template

    categories = [(en, ru) for _, en, ru, _, _ in STANDARD_CATEGORIES]
    title = ""
    if args.db is not None:
        from bsm_desk.services.event.files import connect
        from bsm_desk.services.programme.queries import event as get_event
        from bsm_desk.services.registry import queries as registry_queries

        with closing(connect(args.db)) as db:
            categories = [(c.name_en, c.name_ru) for c in registry_queries.categories(db)]
            event = get_event(db)
            title = event.title_en if event else ""
    path = write_template(args.out, categories, title=title)
    print(translate("Cli", "Template written: {path}").format(path=path))
    return 0


def _search(args: argparse.Namespace, settings: config.Settings, translate: Translate) -> int:
    from bsm_desk.services.event.files import connect
    from bsm_desk.services.registry.search import search

    if args.limit < 1:
        raise UserError(BAD_LIMIT)
    lang = config.ui_language(settings)
    with closing(connect(args.db)) as db:
        hits = search(db, " ".join(args.text), limit=args.limit, lang=lang)
    if args.json:
        print_json([hit.as_dict() for hit in hits])
        return 0
    if not hits:
        print(translate("Cli", "Nobody found."), file=sys.stderr)
        return 0
    if hits[0].fuzzy:
        print(translate("Cli", "No exact match; the nearest names:"), file=sys.stderr)
    for h in hits:
        latin = f"{h.family_name.upper()} {h.given_name}"
        cyrillic = f"{h.family_name_cyr} {h.given_name_cyr}".strip()
        print("\t".join((str(h.id), latin, cyrillic, h.delegation, h.category, h.status)))
    return 0


def _duplicates(args: argparse.Namespace, settings: config.Settings,
                translate: Translate) -> int:
    from bsm_desk.services.event.files import connect
    from bsm_desk.services.registry.duplicates import dismiss, find_duplicates, merge

    with closing(connect(args.db)) as db:
        if args.merge or args.dismiss:
            keep, other = args.merge or args.dismiss
            if args.merge:
                kept = merge(db, keep, other, who=acting_at(db, settings))
                print(translate("Cli", "Merged: {drop} is now part of {keep} ({name}).")
                      .format(drop=other, keep=keep, name=kept.latin_name))
            else:
                dismiss(db, keep, other, who=acting_at(db, settings))
                print(translate("Cli", "{first} and {second} are not proposed as duplicates "
                                       "again.").format(first=keep, second=other))
            return 0
        pairs = find_duplicates(db)
    if args.json:
        print_json([{"ids": list(p.ids), "names": [p.first.latin_name, p.second.latin_name],
                      "reason": translate("Duplicates", p.reason), "score": p.score}
                     for p in pairs])
        return 0
    for p in pairs:
        print("\t".join((f"{p.ids[0]}", p.first.latin_name, f"{p.ids[1]}",
                         p.second.latin_name, translate("Duplicates", p.reason))))
    if not pairs:
        print(translate("Cli", "No likely duplicates."), file=sys.stderr)
    return 0


def add_commands(sub: Commands) -> None:
    search = sub.add_parser("search", help="find delegates by name, in any script or spelling",
                            description="Find delegates by name: Latin or Cyrillic, any "
                                        "common spelling, word order ignored, prefixes from "
                                        "two letters; near misses when nothing matches.")
    db_option(search)
    search.add_argument("text", metavar="TEXT", nargs="+", help="what to look for")
    search.add_argument("--limit", type=count, default=20, metavar="N",
                        help="at most N results (default 20)")
    search.add_argument("--json", action="store_true", help="print the result as JSON")
    search.set_defaults(handler=_search)

    imp = sub.add_parser("import", help="import delegates from an .xlsx or .csv list",
                         description="Import a delegation list (.xlsx, .csv or .txt; UTF-8, "
                                     "UTF-16 or cp1251; comma, semicolon or tab). All rows or "
                                     "none: any error and nothing is written (exit 1).")
    db_option(imp)
    imp.add_argument("file", type=Path, metavar="FILE", help="the list to import")
    imp.add_argument("--sheet", metavar="NAME", help="worksheet to read (default: the first)")
    imp.add_argument("--dry-run", action="store_true",
                     help="check and report, write nothing")
    imp.add_argument("--json", action="store_true", help="print the report as JSON")
    imp.set_defaults(handler=_import)

    template = sub.add_parser("template", help="write an empty delegates list to send out",
                              description="Write an empty delegates list (.xlsx) with "
                                          "bilingual headers and drop-downs for gender and "
                                          "category.")
    template.set_defaults(event_file=NONE)
    template.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx",
                          help="where to write it")
    template.add_argument("--db", type=Path, metavar="PATH",
                          help="take the categories and title from this event")
    template.set_defaults(handler=_template)

    dup = sub.add_parser("duplicates", help="list likely duplicate registrations",
                         description="List pairs of records that are probably one person "
                                     "(same e-mail or passport, or near names in one "
                                     "delegation).")
    db_option(dup)
    dup.add_argument("--json", action="store_true", help="print the result as JSON")
    act = dup.add_mutually_exclusive_group()
    act.add_argument("--merge", nargs=2, type=record_id, metavar=("KEEP", "DROP"),
                     help="one person: keep KEEP, completed from DROP (its check-ins and "
                          "badges count for KEEP)")
    act.add_argument("--dismiss", nargs=2, type=record_id, metavar=("ID", "ID"),
                     help="two people after all: never propose the pair again")
    dup.set_defaults(handler=_duplicates)
