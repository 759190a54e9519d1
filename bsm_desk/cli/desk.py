"""The command line for this desk's settings (File → Desk settings… in the window):
shown, or set one value at a time, each checked before anything is saved."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from bsm_desk import config
from bsm_desk.cli.common import NONE, Commands, Parser, Translate, print_json
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError

BAD_SETTING = QT_TRANSLATE_NOOP("UserError", "“{text}” is not NAME=VALUE for a desk setting "
                                             "({names}).")
BAD_VALUE = QT_TRANSLATE_NOOP("UserError", "{name} takes {what}, not “{value}”.")
SETTABLE = {option.name: option for option in config.OPTIONS if option.settable}


def _checked(name: str, value: str, translate: Translate) -> object:
    """The value as its setting's type (config.OPTIONS), or refused in words."""
    from bsm_desk.domain.importing import clean_text

    option = SETTABLE[name]
    try:
        return option.parse(clean_text(value)[0])
    except ValueError:
        raise UserError(BAD_VALUE, name=name, what=translate("Cli", option.takes),
                        value=value[:80]) from None


def _shown(value: object) -> str:
    return ("on" if value else "off") if isinstance(value, bool) else str(value)


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
            print(f"{name}\t{_shown(value)}")
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
