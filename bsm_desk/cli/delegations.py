"""The command line for delegations (their type and names in both languages) and for
accreditation (credentials received), as the Delegates screen does them."""

from __future__ import annotations

import argparse
import sys
from contextlib import closing
from dataclasses import replace
from datetime import date
from typing import Any

from bsm_desk import config
from bsm_desk.cli.common import (
    Commands,
    Parser,
    Translate,
    acting_at,
    db_option,
    print_json,
    record_id,
)
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError

TYPES = ("member_state", "international_organization", "civil_society", "other")
NOBODY = QT_TRANSLATE_NOOP("UserError", "Name the delegates to accredit (their ids), or say "
                                        "--all-registered.")
BAD_DAY = QT_TRANSLATE_NOOP("UserError", "--day takes a date as YYYY-MM-DD, not “{value}”.")


def _as_dict(d: Any) -> dict[str, Any]:
    return {"id": d.id, "type": d.type.value, "name_en": d.name_en, "name_ru": d.name_ru,
            "iso_code": d.iso_code, "size_limit": d.size_limit}


def _delegations(args: argparse.Namespace, settings: config.Settings,
                 translate: Translate) -> int:
    from bsm_desk.domain.importing import clean_text
    from bsm_desk.domain.model import DelegationType
    from bsm_desk.services import registry
    from bsm_desk.services.event.files import connect

    with closing(connect(args.db)) as db:
        if args.delegations_action == "list":
            found = registry.delegations(db)
            if args.json:
                print_json([_as_dict(d) for d in found])
            else:
                print("\t".join(("id", "type", "name_en", "name_ru", "iso")))
                for d in found:
                    print("\t".join((str(d.id), d.type.value, d.name_en, d.name_ru,
                                     d.iso_code or "-")))
            return 0
        old = registry.delegation(db, args.delegation_id)
        changed = old
        if args.type is not None:
            changed = replace(changed, type=DelegationType(args.type))
        for option in ("name_en", "name_ru"):
            if getattr(args, option) is not None:
                name: dict[str, Any] = {option: clean_text(getattr(args, option))[0]}
                changed = replace(changed, **name)
        if args.iso is not None:
            changed = replace(changed, iso_code=args.iso or None)
        if args.size_limit is not None:
            changed = replace(changed, size_limit=args.size_limit or None)
        saved = registry.save_delegation(db, changed, who=acting_at(db, settings))
    if args.json:
        print_json(_as_dict(saved))
    else:
        print("\t".join((str(saved.id), saved.type.value, saved.name_en, saved.name_ru)))
    return 0


def _accredit(args: argparse.Namespace, settings: config.Settings,
              translate: Translate) -> int:
    from bsm_desk.services import registry
    from bsm_desk.services.event.files import connect

    try:
        day = date.fromisoformat(args.day) if args.day else None
    except ValueError:
        raise UserError(BAD_DAY, value=args.day[:40]) from None
    with closing(connect(args.db)) as db:
        if args.all_registered:
            ids = registry.registered_ids(db)
        elif args.ids:
            ids = list(dict.fromkeys(args.ids))
            for delegate_id in ids:
                registry.delegate(db, delegate_id)  # an unknown id: refused, nothing changed
        else:
            raise UserError(NOBODY)
        if day is None:
            from datetime import UTC, datetime

            from bsm_desk.services.event import overview

            day = datetime.now(UTC).astimezone(overview(db, args.db).event.zone).date()
        changed = registry.mark_credentials(db, ids, day,
                                            who=acting_at(db, settings)) if ids else {}
    if args.json:
        print_json({"accredited": sorted(changed), "unchanged": len(ids) - len(changed),
                    "day": day.isoformat()})
    else:
        print(translate("Cli", "{count} accredited on {day} ({unchanged} already were).")
              .format(count=len(changed), day=day.isoformat(),
                      unchanged=len(ids) - len(changed)))
        if not ids:
            print(translate("Cli", "Nobody is waiting for accreditation."), file=sys.stderr)
    return 0


def add_commands(sub: Commands) -> None:
    delegations = sub.add_parser("delegations", help="delegations: type and names",
                                 description="List the delegations, or change one's type "
                                             "(Member State, organization, civil society, "
                                             "other) and its names in English and Russian.")
    actions = delegations.add_subparsers(dest="delegations_action", metavar="ACTION",
                                         parser_class=Parser, required=True)
    listing = actions.add_parser("list", help="the delegations, with their ids")
    db_option(listing)
    listing.add_argument("--json", action="store_true",
                         help="id, type, name_en, name_ru, iso_code, size_limit")
    edit = actions.add_parser("edit", help="change a delegation (only what is given)")
    db_option(edit)
    edit.add_argument("delegation_id", type=record_id, metavar="DELEGATION_ID",
                      help="the delegation's id (delegations list)")
    edit.add_argument("--type", choices=TYPES,
                      help="what kind of delegation it is (its block in protocol order)")
    edit.add_argument("--name-en", dest="name_en", metavar="TEXT", help="its name in English")
    edit.add_argument("--name-ru", dest="name_ru", metavar="TEXT", help="its name in Russian")
    edit.add_argument("--iso", metavar="CODE", help="ISO country code (TJ); '' for none")
    edit.add_argument("--size-limit", dest="size_limit", type=int, metavar="N",
                      help="most people it may register (0: no limit)")
    edit.add_argument("--json", action="store_true",
                      help="id, type, name_en, name_ru, iso_code, size_limit")
    delegations.set_defaults(handler=_delegations)

    accredit = sub.add_parser("accredit", help="credentials received: accredit delegates",
                              description="Mark credentials received for these delegates "
                                          "(or everyone still only registered): they are "
                                          "accredited from --day (default: today at the "
                                          "venue). Someone already accredited is left as is.")
    db_option(accredit)
    accredit.add_argument("ids", nargs="*", type=record_id, metavar="ID",
                          help="the delegates' ids (none: every registered delegate)")
    accredit.add_argument("--all-registered", dest="all_registered", action="store_true",
                          help="everyone registered and not yet accredited")
    accredit.add_argument("--day", metavar="YYYY-MM-DD",
                          help="the day credentials were received (default: today at the venue)")
    accredit.add_argument("--json", action="store_true",
                          help="accredited (ids), unchanged (count), day")
    accredit.set_defaults(handler=_accredit)
