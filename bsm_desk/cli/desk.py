"""The command line for this desk's settings (File → Desk settings… in the window):
shown, or set one value at a time, each checked before anything is saved."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path

from bsm_desk import config
from bsm_desk.cli.common import NONE, Commands, Parser, Translate, print_json
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError

BAD_SETTING = QT_TRANSLATE_NOOP("UserError", "“{text}” is not NAME=VALUE for a desk setting "
                                             "({names}).")
BAD_VALUE = QT_TRANSLATE_NOOP("UserError", "{name} takes {what}, not “{value}”.")
SETTABLE = {
    "desk_name": QT_TRANSLATE_NOOP("Cli", "a name of 1 to 80 characters"),
    "language": QT_TRANSLATE_NOOP("Cli", "en or ru"),
    "checkpoint": QT_TRANSLATE_NOOP("Cli", "a checkpoint id (see bsm-desk checkpoints), or "
                                           "nothing"),
    "sounds": QT_TRANSLATE_NOOP("Cli", "on or off"),
    "camera": QT_TRANSLATE_NOOP("Cli", "a camera's id, or nothing"),
    "backup_folder": QT_TRANSLATE_NOOP("Cli", "an existing folder, or nothing (beside the "
                                              "event file)"),
    "lock_after_min": QT_TRANSLATE_NOOP("Cli", "whole minutes from 1 to 240"),
}


def _checked(name: str, value: str, translate: Translate) -> str:
    from bsm_desk.domain.importing import clean_text

    text = clean_text(value)[0]
    ok = {
        "desk_name": 1 <= len(text) <= 80,
        "language": text in config.LANGUAGES,
        "sounds": text in ("on", "off"),
        "lock_after_min": text.isascii() and text.isdigit() and 1 <= int(text) <= 240,
        "backup_folder": not text or Path(text).is_dir(),
        "checkpoint": len(text) <= 80,
        "camera": len(text) <= 400,
    }[name]
    if not ok:
        raise UserError(BAD_VALUE, name=name, what=translate("Cli", SETTABLE[name]),
                        value=value[:80])
    return str(Path(text).resolve()) if name == "backup_folder" and text else text


def _settings(args: argparse.Namespace, settings: config.Settings,
              translate: Translate) -> int:
    if args.settings_action == "set":
        changes = {}
        for item in args.values:
            name, sep, value = item.partition("=")
            if not sep or name.strip() not in SETTABLE:
                raise UserError(BAD_SETTING, text=item[:80], names=", ".join(SETTABLE))
            changes[name.strip()] = _checked(name.strip(), value, translate)
        for name, value in changes.items():  # all checked: now kept
            setattr(settings, name, value)
        config.save(settings)
    shown = asdict(settings)
    if args.json:
        print_json(shown)
    else:
        for name, value in shown.items():
            print(f"{name}\t{value}")
    return 0


def add_commands(sub: Commands) -> None:
    desk = sub.add_parser("settings", help="this desk's settings, shown or set",
                          description="This desk's settings (as File → Desk settings…): "
                                      "shown, or set with NAME=VALUE (" + ", ".join(SETTABLE)
                                      + "); desk_id and last_db are the desk's own.")
    desk.set_defaults(event_file=NONE)
    actions = desk.add_subparsers(dest="settings_action", metavar="ACTION",
                                  parser_class=Parser, required=True)
    show = actions.add_parser("show", help="every setting")
    show.add_argument("--json", action="store_true", help="print them as JSON")
    change = actions.add_parser("set", help="set NAME=VALUE (all checked before any is kept)")
    change.add_argument("values", nargs="+", metavar="NAME=VALUE",
                        help="one or more settings, each as name=value (settings show lists them)")
    change.add_argument("--json", action="store_true", help="print them as JSON")
    desk.set_defaults(handler=_settings)
