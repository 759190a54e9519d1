"""The command line for one delegate at a time, as the Delegates and Badges screens do
it: add, show, edit, cancel a registration, change the category, the badge photo."""

from __future__ import annotations

import argparse
from contextlib import closing
from dataclasses import replace
from pathlib import Path
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

NO_DELEGATION = QT_TRANSLATE_NOOP("UserError", "There is no delegation “{name}” (see bsm-desk "
                                               "delegations list).")
NO_CATEGORY = QT_TRANSLATE_NOOP("UserError", "There is no category “{code}” (known: {known}).")
NEEDS = QT_TRANSLATE_NOOP("UserError", "A new delegate needs {option}.")
PHOTO_OR_REMOVE = QT_TRANSLATE_NOOP("UserError", "Give the photo's file, or --remove.")
FIELDS = {  # option -> Delegate field
    "family_name": "family_name", "given_name": "given_name",
    "family_name_cyr": "family_name_cyr", "given_name_cyr": "given_name_cyr",
    "honorific": "honorific", "function_en": "function_en", "function_ru": "function_ru",
    "email": "email", "phone": "phone",
}
_FIELD_HELP = {
    "family_name": "family name in Latin letters", "given_name": "given name in Latin letters",
    "family_name_cyr": "family name in Cyrillic", "given_name_cyr": "given name in Cyrillic",
    "honorific": "H.E., Mr, Ms, Dr…", "function_en": "function in English (sets the "
    "protocol rank unless set by hand)", "function_ru": "function in Russian",
    "email": "e-mail address", "phone": "phone number (sealed once the event has a key)",
}


def _delegation(db: Any, typed: str) -> int:
    from bsm_desk.services import registry

    text = typed.strip()
    for d in registry.delegations(db):
        if text.isdigit() and d.id == int(text) or text.casefold() in (
                d.name_en.casefold(), d.name_ru.casefold(), (d.iso_code or "").casefold()):
            return int(d.id or 0)
    raise UserError(NO_DELEGATION, name=text[:80])


def _category(db: Any, code: str) -> int:
    from bsm_desk.services.event import overview

    categories = overview(db).categories
    for c in categories:
        if c.code.casefold() == code.strip().casefold():
            return int(c.id or 0)
    raise UserError(NO_CATEGORY, code=code[:40], known=", ".join(c.code for c in categories))


def as_dict(d: Any) -> dict[str, Any]:
    return {"id": d.id, "family_name": d.family_name, "given_name": d.given_name,
            "family_name_cyr": d.family_name_cyr, "given_name_cyr": d.given_name_cyr,
            "delegation_id": d.delegation_id, "category_id": d.category_id,
            "gender": d.gender.value, "honorific": d.honorific,
            "function_en": d.function_en, "function_ru": d.function_ru,
            "email": d.email, "status": d.status.value, "protocol_rank": d.protocol_rank.value}


def _changed(db: Any, args: argparse.Namespace, delegate: Any) -> Any:
    from bsm_desk.domain.model import Gender

    given: dict[str, Any] = {field: getattr(args, option) for option, field in FIELDS.items()
                             if getattr(args, option) is not None}
    if args.delegation is not None:
        given["delegation_id"] = _delegation(db, args.delegation)
    if args.category is not None:
        given["category_id"] = _category(db, args.category)
    if args.gender is not None:
        given["gender"] = Gender(args.gender)
    return replace(delegate, **given)


def _delegates(args: argparse.Namespace, settings: config.Settings,
               translate: Translate) -> int:
    from bsm_desk.domain.people import Delegate
    from bsm_desk.services import badges, registry
    from bsm_desk.services.event.files import connect

    action = args.delegates_action
    with closing(connect(args.db)) as db:
        who = acting_at(db, settings)
        if action == "show":
            print_json(as_dict(registry.delegate(db, args.delegate_id)))
            return 0
        if action == "add":
            for option in ("family_name", "delegation", "category"):
                if getattr(args, option) is None:
                    raise UserError(NEEDS, option="--" + option.replace("_", "-"))
            blank = Delegate("", "", 0, 0)
            new_id = registry.save_delegate(db, _changed(db, args, blank), who=who)
            _said(registry.delegate(db, new_id), args.json)
        elif action == "edit":
            changed = _changed(db, args, registry.delegate(db, args.delegate_id))
            registry.save_delegate(db, changed, who=who)
            _said(registry.delegate(db, args.delegate_id), args.json)
        elif action == "cancel":
            for delegate_id in args.ids:
                registry.delegate(db, delegate_id)  # an unknown id: refused, nothing done
            changed = registry.cancel(db, list(dict.fromkeys(args.ids)), who=who)
            print(translate("Cli", "Registrations cancelled: {count}.").format(
                count=len(changed)))
        elif action == "category":
            for delegate_id in args.ids:
                registry.delegate(db, delegate_id)
            category = _category(db, args.to)
            changed = registry.set_category(db, list(dict.fromkeys(args.ids)), category,
                                            who=who)
            print(translate("Cli", "Category changed: {count}.").format(count=len(changed)))
        elif action == "photo":
            registry.delegate(db, args.delegate_id)
            if args.remove:
                badges.set_photo(db, args.delegate_id, None, who=who)
            elif args.file is not None:
                image = Path(args.file).read_bytes()
                badges.set_photo(db, args.delegate_id, image, name=Path(args.file).name,
                                 who=who)
            else:
                raise UserError(PHOTO_OR_REMOVE)
            print(translate("Cli", "Photo saved.") if not args.remove
                  else translate("Cli", "Photo removed."))
    return 0


def _said(delegate: Any, as_json: bool) -> None:
    if as_json:
        print_json(as_dict(delegate))
    else:
        print(f"{delegate.id}\t{delegate.latin_name}\t{delegate.cyrillic_name}")


def _person_options(parser: argparse.ArgumentParser) -> None:
    for option in FIELDS:
        parser.add_argument("--" + option.replace("_", "-"), dest=option, metavar="TEXT",
                            help=_FIELD_HELP[option])
    parser.add_argument("--delegation", metavar="NAME|ID",
                        help="in English or Russian, its ISO code, or its id")
    parser.add_argument("--category", metavar="CODE", help="hod, delegate, observer, …")
    parser.add_argument("--gender", choices=["F", "M", "X"], help="F, M or X (not stated)")
    parser.add_argument("--json", action="store_true", help="the delegate as delegates show")


def add_commands(sub: Commands) -> None:
    delegates = sub.add_parser("delegates", help="one delegate: add, show, edit, cancel",
                               description="Add, show and change delegates one at a time, "
                                           "as the Delegates screen does (a list: bsm-desk "
                                           "import).")
    actions = delegates.add_subparsers(dest="delegates_action", metavar="ACTION",
                                       parser_class=Parser, required=True)
    show = actions.add_parser("show", help="one delegate as JSON")
    db_option(show)
    show.add_argument("delegate_id", type=record_id, metavar="ID", help="the delegate's id")
    add = actions.add_parser("add", help="register one delegate")
    db_option(add)
    _person_options(add)
    edit = actions.add_parser("edit", help="change a delegate (only what is given)")
    db_option(edit)
    edit.add_argument("delegate_id", type=record_id, metavar="ID", help="the delegate's id")
    _person_options(edit)
    cancel = actions.add_parser("cancel", help="cancel registrations (badges stop opening "
                                               "doors)")
    db_option(cancel)
    cancel.add_argument("ids", nargs="+", type=record_id, metavar="ID", help="the delegates' ids")
    category = actions.add_parser("category", help="move delegates to another category")
    db_option(category)
    category.add_argument("ids", nargs="+", type=record_id, metavar="ID", help="the delegates' ids")
    category.add_argument("--to", required=True, metavar="CODE",
                          help="the new category's code (hod, delegate, observer, …)")
    photo = actions.add_parser("photo", help="the badge photo (JPEG or PNG), or --remove")
    db_option(photo)
    photo.add_argument("delegate_id", type=record_id, metavar="ID", help="the delegate's id")
    photo.add_argument("file", nargs="?", metavar="FILE",
                       help="a JPEG or PNG photo (any size: it is made small)")
    photo.add_argument("--remove", action="store_true", help="take the photo away")
    delegates.set_defaults(handler=_delegates)
