"""Who may run which command once an event has operators. The services check each
change they make; this gate also covers what only reads, copies, exports or replaces
the file, so that nothing of an event with operators is done without signing in — but
for a short list of commands that show only the event's public facts.
"""

from __future__ import annotations

import argparse
from contextlib import closing
from pathlib import Path
from typing import Any

from bsm_desk.domain.operators import Permission

# The dests of the command groups' sub-parsers: a command's action is found in one.
ACTION_DESTS = ("event_action", "rooms_command", "sessions_action", "delegates_action",
                "delegations_action", "side_command", "speakers_action",
                "interpreters_action", "hub_action", "operators_action", "audit_action",
                "settings_action", "report", "seating_action")
P = Permission
# What each command (or "command action") needs once the event has operators; None: the
# public facts, for anyone. A command missing here needs sign-in as CHECK_IN does not
# suffice: tests/cli/test_sign_in_walk.py fails on any command not listed.
NEEDS: dict[str, Permission | None] = {
    "info": None, "checkpoints": None, "programme": None, "rooms list": None,
    "sessions list": None, "delegations list": None, "speakers list": None,
    "interpreters list": None, "interpreters needs": None, "operators list": None,
    "audit verify": None, "hub status": None, "template": None,
    "demo": P.REPLACE_EVENT, "restore": P.REPLACE_EVENT, "backup": P.BACKUP,
    "event new": None,  # a new file: nobody can be signed in to it yet
    "search": P.READ, "duplicates": P.READ, "delegates show": P.READ,
    "hub review": P.READ, "side-events list": P.READ,
    "import": P.IMPORT, "badges": P.PRINT_BADGES, "reprint": P.PRINT_BADGES,
    "checkin": P.CHECK_IN, "export": P.EXPORT, "side-events import": P.PROGRAMME,
    "side-events remove": P.PROGRAMME, "rooms allocate": P.PROGRAMME,
    "rooms add": P.PROGRAMME, "rooms edit": P.PROGRAMME, "rooms remove": P.PROGRAMME,
    "rooms hours": P.PROGRAMME, "sessions add": P.PROGRAMME, "sessions edit": P.PROGRAMME,
    "sessions remove": P.PROGRAMME, "delegations edit": P.EDIT_DELEGATES,
    "accredit": P.EDIT_DELEGATES, "delegates add": P.EDIT_DELEGATES,
    "delegates edit": P.EDIT_DELEGATES, "delegates cancel": P.EDIT_DELEGATES,
    "delegates category": P.EDIT_DELEGATES, "delegates photo": P.EDIT_DELEGATES,
    "speakers add": P.EDIT_SPEAKERS, "speakers close": P.EDIT_SPEAKERS,
    "speakers reopen": P.EDIT_SPEAKERS, "speakers next": P.EDIT_SPEAKERS,
    "speakers end": P.EDIT_SPEAKERS, "speakers pause": P.EDIT_SPEAKERS,
    "speakers resume": P.EDIT_SPEAKERS, "speakers move": P.EDIT_SPEAKERS,
    "speakers withdraw": P.EDIT_SPEAKERS, "speakers limit": P.EDIT_SPEAKERS,
    "speakers order": P.EDIT_SPEAKERS,
    "speakers text": P.EDIT_SPEAKERS, "seating plan": P.PROGRAMME,
    "seating layout": P.PROGRAMME, "seating need": P.PROGRAMME, "seating move": P.PROGRAMME,
    "seating lock": P.PROGRAMME,
    "seating export": P.EXPORT, "seating nameplates": P.EXPORT,
    "seating placecards": P.EXPORT,
    "interpreters import": P.ROSTER,
    "interpreters roster": P.ROSTER, "interpreters withdraw": P.ROSTER,
    "interpreters recruit": P.ROSTER, "interpreters rules": P.ROSTER,
    "interpreters seat": P.ROSTER, "hub init": P.EVENT_SETTINGS, "hub join": None,
    "hub sync": P.CHECK_IN, "hub follow": P.CHECK_IN, "hub role-sql": None,
    "hub add-desk": P.EVENT_SETTINGS, "hub remove-desk": P.EVENT_SETTINGS,
    "hub desks": P.READ, "hub tls": None, "hub adopt": P.EVENT_SETTINGS,
    "operators add": P.OPERATORS, "operators passwd": P.READ,
    "operators disable": P.OPERATORS, "operators role": P.OPERATORS,
    "audit show": P.HISTORY, "protect": P.EVENT_SETTINGS, "purge": P.EVENT_SETTINGS,
    "settings show": None,
    # Knowing the event's passphrase is the authority: it keeps the key on this desk.
    "unlock": None,
    # The desk's own file, not the event's (anyone at the desk can edit settings.json).
    "settings set": None,
}


def command_key(args: argparse.Namespace) -> str:
    """The command as NEEDS names it: "speakers next", "backup"…"""
    action = next((getattr(args, d) for d in ACTION_DESTS if getattr(args, d, None)), None)
    key = f"{args.command} {action}" if action else str(args.command)
    return key if key in NEEDS else str(args.command)


def gate(args: argparse.Namespace, settings: Any) -> None:
    """Refuse (Refused, in words) a command the signed-in operator's role may not run, or
    any but the public ones when nobody is signed in, once the event has operators."""
    from bsm_desk.services import operators
    from bsm_desk.services.event.files import connect

    needed = NEEDS.get(command_key(args), Permission.EVENT_SETTINGS)
    path = getattr(args, "db", None)
    if needed is None or path is None or not Path(path).is_file():
        return  # the public facts, or a file to be made: nobody to sign in to
    try:
        db = connect(path)
    except Exception:  # noqa: BLE001 - a file that does not open: the command says why
        return          # (and restore must still be able to put a sound copy in place)
    with closing(db):
        if operators.has_operators(db):
            operators.require(db, operators.acting_at(db, settings), needed)
