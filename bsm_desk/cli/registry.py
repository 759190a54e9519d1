"""The command-line handlers for the event and its registry: demo, import, template,
duplicates, search and info.

Each takes the parsed arguments, the desk's settings and a translate function, calls
one service, prints, and returns the exit status.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import closing
from pathlib import Path

from bsm_desk import config
from bsm_desk.cli.desk import Translate, _print_json, print_problems
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError

BAD_LIMIT = QT_TRANSLATE_NOOP("UserError", "--limit must be 1 or more.")


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
    )
    if args.json:
        _print_json({"path": str(summary.path), "delegates": summary.delegates,
                     "delegations": summary.delegations, "sessions": summary.sessions,
                     "seed": args.seed})
    else:
        print(translate("Cli", "Demo conference built: {path} ({delegates} delegates, "
                               "{delegations} delegations, {sessions} sessions).").format(
            path=summary.path, delegates=summary.delegates, delegations=summary.delegations,
            sessions=summary.sessions))
    return 0


def _import(args: argparse.Namespace, settings: config.Settings, translate: Translate) -> int:
    from bsm_desk.services.registry.importer import import_file
    from bsm_desk.store import connect

    with closing(connect(args.db)) as db:
        report = import_file(db, args.file, desk_id=settings.desk_id, sheet=args.sheet,
                             dry_run=args.dry_run, operator=settings.desk_name)
    if args.json:
        _print_json(report.as_dict(translate))
        return 1 if report.errors else 0
    name = Path(report.file).name
    print_problems(name, report.errors, translate)
    if report.errors:
        print(translate("Cli", "Nothing was imported: correct the rows above and import "
                               "again."), file=sys.stderr)
        return 1
    for problem in report.warnings:
        print(translate("Cli", "{file}, row {row}: {message}").format(
            file=name, row=problem.row, message=problem.message(translate)), file=sys.stderr)
    if report.ignored_columns:
        print(translate("Cli", "{file}: columns not imported: {columns}").format(
            file=name, columns=", ".join(f"“{c}”" for c in report.ignored_columns)),
            file=sys.stderr)
    summary = translate("Cli", "{file}: {rows} rows — {added} added, {updated} updated, "
                               "{unchanged} unchanged.").format(
        file=name, rows=report.rows, added=report.added, updated=report.updated,
        unchanged=report.unchanged)
    if args.dry_run:
        summary += " " + translate("Cli", "Dry run: nothing was written.")
    print(summary)
    if report.created_delegations:
        print(translate("Cli", "New delegations: {names}").format(
            names=", ".join(report.created_delegations)))
    if report.duplicates:
        print(translate("Cli", "Likely duplicates to review: {count} (bsm-desk duplicates)")
              .format(count=len(report.duplicates)))
    return 0


def _duplicates(args: argparse.Namespace, settings: config.Settings,
                translate: Translate) -> int:
    from bsm_desk.services.registry.duplicates import find_duplicates
    from bsm_desk.store import connect

    with closing(connect(args.db)) as db:
        pairs = find_duplicates(db)
    if args.json:
        _print_json([{"ids": list(p.ids), "names": [p.first.latin_name, p.second.latin_name],
                      "reason": translate("Duplicates", p.reason), "score": p.score}
                     for p in pairs])
        return 0
    for p in pairs:
        print("\t".join((f"{p.ids[0]}", p.first.latin_name, f"{p.ids[1]}",
                         p.second.latin_name, translate("Duplicates", p.reason))))
    if not pairs:
        print(translate("Cli", "No likely duplicates."), file=sys.stderr)
    return 0


def _template(args: argparse.Namespace, settings: config.Settings,
              translate: Translate) -> int:
    from bsm_desk.services.event import STANDARD_CATEGORIES
    from bsm_desk.services.registry.template import write_template

    categories = [(en, ru) for _, en, ru, _, _ in STANDARD_CATEGORIES]
    title = ""
    if args.db is not None:
        from bsm_desk.store import categories as category_store
        from bsm_desk.store import connect
        from bsm_desk.store.event import get_event

        with closing(connect(args.db)) as db:
            categories = [(c.name_en, c.name_ru) for c in category_store.list_categories(db)]
            event = get_event(db)
            title = event.title_en if event else ""
    path = write_template(args.out, categories, title=title)
    print(translate("Cli", "Template written: {path}").format(path=path))
    return 0


def _search(args: argparse.Namespace, settings: config.Settings, translate: Translate) -> int:
    from bsm_desk.services.registry.search import search
    from bsm_desk.store import connect

    if args.limit < 1:
        raise UserError(BAD_LIMIT)
    lang = config.ui_language(settings)
    with closing(connect(args.db)) as db:
        hits = search(db, " ".join(args.text), limit=args.limit, lang=lang)
    if args.json:
        _print_json([hit.as_dict() for hit in hits])
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


def _info(args: argparse.Namespace, settings: config.Settings, translate: Translate) -> int:
    from bsm_desk.services import event as event_service
    from bsm_desk.store import connect
    from bsm_desk.store.db import schema_version

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
        _print_json(facts)
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
    from bsm_desk.store import backups, connect

    into = settings.backup_folder or None
    if args.list:
        found = [{"file": str(b.path), "at": b.at.isoformat(), "size": b.size}
                 for b in backups.listing(args.db, into=into)]
        if args.json:
            _print_json(found)
        else:
            for row in found:
                print(f"{row['at']}\t{row['size']}\t{row['file']}")
        return 0
    with closing(connect(args.db, migrate=False)) as db:
        made = backups.take(db.conn, args.db, into=into, out=args.out)
    held = backups.contents(made)
    if args.json:
        _print_json({"file": str(made), "delegates": held.delegates, "checkins": held.checkins})
    else:
        print(made)
    return 0


def _restore(args: argparse.Namespace, settings: config.Settings, translate: Translate) -> int:
    from bsm_desk.store import backups

    held = backups.contents(args.backup)
    aside = backups.restore(args.db, args.backup)
    if args.json:
        _print_json({"restored": str(args.db), "from": str(args.backup),
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
