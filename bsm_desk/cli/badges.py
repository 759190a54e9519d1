"""The command line for badges: a PDF of the chosen delegates' badges, their codes,
reprints."""

from __future__ import annotations

import argparse
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

from bsm_desk import config
from bsm_desk.cli.common import (
    Commands,
    Translate,
    acting_at,
    db_option,
    print_json,
    record_id,
)
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError

BAD_IDS = QT_TRANSLATE_NOOP("UserError", "--ids takes delegate numbers separated by commas, "
                                         "not {value}.")


BADGES_NEED_OUT = QT_TRANSLATE_NOOP("UserError", "The badges command needs --out FILE.pdf "
                                                 "or --codes.")


def _parse_ids(value: str | None) -> list[int] | None:
    if value is None:
        return None
    try:
        ids = [int(part) for part in value.replace(" ", "").split(",") if part]
    except ValueError:
        raise UserError(BAD_IDS, value=value) from None
    if not ids or min(ids) < 1 or max(ids) >= 2**62:  # none of ours is that large
        raise UserError(BAD_IDS, value=value[:80])
    return ids


def _batch_report(batch: Any, args: argparse.Namespace, translate: Translate) -> int:
    if args.json:
        print_json({"file": str(batch.path), "badges": batch.badges, "pages": batch.pages,
                     "layout": args.layout, "logged": batch.logged})
        return 0
    print(translate("Cli", "Badges written: {count}; pages: {pages}; file: {path}").format(
        count=batch.badges, path=batch.path, pages=batch.pages))
    return 0


def _badges(args: argparse.Namespace, settings: config.Settings, translate: Translate) -> int:
    from bsm_desk.services import badges
    from bsm_desk.services.event.files import connect

    if args.out is None and not args.codes:
        raise UserError(BADGES_NEED_OUT)
    ids = _parse_ids(args.ids)
    with closing(connect(args.db)) as db:
        chosen = badges.select(db, delegation=args.delegation, category=args.category,
                               only_unprinted=args.only_unprinted, ids=ids)
        if args.codes:
            pairs = badges.codes(db, chosen)
            if args.json:
                print_json([{"id": i, "code": code} for i, code in pairs])
            else:
                sys.stdout.write("".join(f"{i}\t{code}\n" for i, code in pairs))
            return 0
        batch = badges.write_pdf(db, chosen, args.out, badges.layout_of(args.layout),
                                 who=acting_at(db, settings), log=not args.proof)
    return _batch_report(batch, args, translate)


def _reprint(args: argparse.Namespace, settings: config.Settings, translate: Translate) -> int:
    from bsm_desk.services import badges
    from bsm_desk.services.event.files import connect

    with closing(connect(args.db)) as db:
        batch = badges.reprint(db, args.delegate_id, badges.reason_of(args.reason), args.out,
                               badges.layout_of(args.layout), who=acting_at(db, settings))
    return _batch_report(batch, args, translate)


def _badge_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--layout", choices=["cr80", "a6", "a4-4up"], default="a6",
                        help="cr80 card (85.6 x 54 mm), a6 badge (105 x 148 mm, the "
                             "default) or a4-4up (four A6 on A4 with cut marks)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


def add_commands(sub: Commands) -> None:
    badges = sub.add_parser("badges", help="write badges to a PDF, or list their codes",
                            description="Write the badges of the chosen delegates to one PDF "
                                        "(each badge is logged as printed), or with --codes "
                                        "print 'id<TAB>code' lines instead. Cancelled and "
                                        "merged records get no badge.")
    db_option(badges)
    badges.add_argument("--out", type=Path, metavar="FILE.pdf", help="the PDF to write")
    badges.add_argument("--codes", action="store_true",
                        help="print each delegate id and current code instead of a PDF")
    _badge_options(badges)
    badges.add_argument("--delegation", metavar="NAME",
                        help="only this delegation (English or Russian name, or ISO code)")
    badges.add_argument("--category", metavar="NAME",
                        help="only this category (code, English or Russian name)")
    badges.add_argument("--only-unprinted", action="store_true",
                        help="only delegates whose current badge was never printed")
    badges.add_argument("--ids", metavar="1,2,3", help="only these delegate ids")
    badges.add_argument("--proof", action="store_true",
                        help="a proof to look at: do not log the badges as printed")
    badges.set_defaults(handler=_badges)

    reprint = sub.add_parser("reprint", help="reprint one badge; the old one is revoked",
                             description="Give a delegate a new badge version (the old badge "
                                         "then scans as REVOKED) and write it to a PDF.")
    db_option(reprint)
    reprint.add_argument("delegate_id", type=record_id, metavar="DELEGATE_ID",
                         help="the delegate whose badge is reprinted")
    reprint.add_argument("--reason", required=True, choices=["lost", "damaged", "name"],
                         help="why: lost, damaged, or name corrected")
    reprint.add_argument("--out", type=Path, required=True, metavar="FILE.pdf",
                         help="the PDF to write")
    _badge_options(reprint)
    reprint.set_defaults(handler=_reprint)
