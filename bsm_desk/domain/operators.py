"""Operators and what each role may do: the one table every front end obeys.

Four roles, each with everything of the one before: **desk** (check in, search, print a
badge on arrival), **registrar** (edit and import delegates, print and reprint badges,
edit speakers' lists, see personal data), **supervisor** (revoke, merge, undo others'
check-ins, the programme, the roster, exports with personal data, the history, the
desk's settings), **administrator** (operators and the event's settings).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError

CONTEXT = "Operators"  # the translation context of the words below
FAILURES_BEFORE_LOCK = 5
LOCKED_FOR_S = 60
IDLE_LOCK_S = 300  # the screen locks after this long without a key or a click


class Role(StrEnum):
    DESK = "desk"
    REGISTRAR = "registrar"
    SUPERVISOR = "supervisor"
    ADMINISTRATOR = "administrator"

    @property
    def rank(self) -> int:
        return list(Role).index(self)


ROLE_WORDS = {
    Role.DESK: QT_TRANSLATE_NOOP("Operators", "desk"),
    Role.REGISTRAR: QT_TRANSLATE_NOOP("Operators", "registrar"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("Operators", "supervisor"),
    Role.ADMINISTRATOR: QT_TRANSLATE_NOOP("Operators", "administrator"),
}


class Permission(StrEnum):
    CHECK_IN = "check_in"
    PRINT_ON_ARRIVAL = "print_on_arrival"
    EDIT_DELEGATES = "edit_delegates"
    IMPORT = "import"
    PRINT_BADGES = "print_badges"
    EDIT_SPEAKERS = "edit_speakers"
    REVEAL = "reveal"
    REVOKE = "revoke"
    MERGE = "merge"
    UNDO_OTHERS = "undo_others"
    PROGRAMME = "programme"
    ROSTER = "roster"
    EXPORT_PERSONAL = "export_personal"
    HISTORY = "history"
    SETTINGS = "settings"
    OPERATORS = "operators"
    EVENT_SETTINGS = "event_settings"
    READ = "read"  # see the registry (search, a delegate, the likely duplicates)
    EXPORT = "export"  # write reports and lists out of the event file
    BACKUP = "backup"  # copy the whole event file somewhere else
    REPLACE_EVENT = "replace_event"  # restore a backup over it, or build a demo over it


# The least role that may do each thing.
NEEDS: dict[Permission, Role] = {
    Permission.CHECK_IN: Role.DESK,
    Permission.PRINT_ON_ARRIVAL: Role.DESK,
    Permission.EDIT_DELEGATES: Role.REGISTRAR,
    Permission.IMPORT: Role.REGISTRAR,
    Permission.PRINT_BADGES: Role.REGISTRAR,
    Permission.EDIT_SPEAKERS: Role.REGISTRAR,
    Permission.REVEAL: Role.REGISTRAR,
    Permission.REVOKE: Role.SUPERVISOR,
    Permission.MERGE: Role.SUPERVISOR,
    Permission.UNDO_OTHERS: Role.SUPERVISOR,
    Permission.PROGRAMME: Role.SUPERVISOR,
    Permission.ROSTER: Role.SUPERVISOR,
    Permission.EXPORT_PERSONAL: Role.SUPERVISOR,
    Permission.HISTORY: Role.SUPERVISOR,
    Permission.SETTINGS: Role.SUPERVISOR,
    Permission.OPERATORS: Role.ADMINISTRATOR,
    Permission.EVENT_SETTINGS: Role.ADMINISTRATOR,
    Permission.READ: Role.DESK,
    Permission.EXPORT: Role.REGISTRAR,
    Permission.BACKUP: Role.SUPERVISOR,
    Permission.REPLACE_EVENT: Role.ADMINISTRATOR,
}

# What each permission lets one do, as said in "Operator Aliya (desk) may not …".
PERMISSION_WORDS = {
    Permission.CHECK_IN: QT_TRANSLATE_NOOP("Operators", "check people in"),
    Permission.PRINT_ON_ARRIVAL: QT_TRANSLATE_NOOP("Operators", "print a badge on arrival"),
    Permission.EDIT_DELEGATES: QT_TRANSLATE_NOOP("Operators", "edit delegates"),
    Permission.IMPORT: QT_TRANSLATE_NOOP("Operators", "import lists"),
    Permission.PRINT_BADGES: QT_TRANSLATE_NOOP("Operators", "print or reprint badges"),
    Permission.EDIT_SPEAKERS: QT_TRANSLATE_NOOP("Operators", "edit speakers' lists"),
    Permission.REVEAL: QT_TRANSLATE_NOOP("Operators", "see personal data"),
    Permission.REVOKE: QT_TRANSLATE_NOOP("Operators", "revoke badges"),
    Permission.MERGE: QT_TRANSLATE_NOOP("Operators", "merge registrations"),
    Permission.UNDO_OTHERS: QT_TRANSLATE_NOOP("Operators", "undo others' check-ins"),
    Permission.PROGRAMME: QT_TRANSLATE_NOOP("Operators", "change the programme"),
    Permission.ROSTER: QT_TRANSLATE_NOOP("Operators", "change the interpreters' roster"),
    Permission.EXPORT_PERSONAL: QT_TRANSLATE_NOOP("Operators",
                                                  "export personal data"),
    Permission.HISTORY: QT_TRANSLATE_NOOP("Operators", "read the history"),
    Permission.SETTINGS: QT_TRANSLATE_NOOP("Operators", "change this desk's settings"),
    Permission.OPERATORS: QT_TRANSLATE_NOOP("Operators", "manage operators"),
    Permission.EVENT_SETTINGS: QT_TRANSLATE_NOOP("Operators", "change the event's settings"),
    Permission.READ: QT_TRANSLATE_NOOP("Operators", "look people up"),
    Permission.EXPORT: QT_TRANSLATE_NOOP("Operators", "export reports and lists"),
    Permission.BACKUP: QT_TRANSLATE_NOOP("Operators", "copy the event file"),
    Permission.REPLACE_EVENT: QT_TRANSLATE_NOOP("Operators",
                                                "replace the event file with another"),
}

NOT_ALLOWED = QT_TRANSLATE_NOOP("UserError", "Operator {name} ({role}) may not {action}.")
SIGN_IN_FIRST = QT_TRANSLATE_NOOP("UserError", "This event has operators: sign in first (in "
                                               "the CLI: --operator NAME, the password from "
                                               "BSM_DESK_PASSWORD or typed) to {action}.")
BAD_NAME = QT_TRANSLATE_NOOP("UserError", "An operator needs a name of 1 to 60 characters "
                                          "without control characters.")
BAD_SECRET = QT_TRANSLATE_NOOP("UserError", "A PIN has at least 6 digits and a password at "
                                            "least 10 characters (at most 200).")
PIN_DIGITS = 6  # a secret of digits only is a PIN
PASSWORD_CHARACTERS = 10


def may(role: Role, permission: Permission) -> bool:
    return role.rank >= NEEDS[permission].rank


def allowed(role: Role) -> list[Permission]:
    return [p for p in Permission if may(role, p)]


class Refused(UserError):
    """An operator (or nobody signed in) asked for what the role does not allow. Its
    role and action are translated with the message."""

    def message(self, translate: Callable[[str, str], str] | None = None) -> str:
        if translate is None:
            return super().message()
        fields = dict(self.fields)
        for name in ("role", "action"):
            if isinstance(fields.get(name), str):
                fields[name] = translate(CONTEXT, fields[name])
        text = translate("UserError", self.template)
        try:
            return text.format(**fields)
        except (KeyError, IndexError, ValueError):
            return self.template.format(**self.fields)


def refusal(name: str | None, role: Role | None, permission: Permission) -> Refused:
    action = PERMISSION_WORDS[permission]
    if name is None or role is None:
        return Refused(SIGN_IN_FIRST, action=action)
    return Refused(NOT_ALLOWED, name=name, role=ROLE_WORDS[role], action=action)


@dataclass(frozen=True)
class Operator:
    id: int
    name: str
    role: Role
    disabled: bool = False
    failures: int = 0
    locked_until: str = ""  # UTC ISO time, '' when not locked

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "role": self.role.value,
                "disabled": self.disabled, "locked_until": self.locked_until or None}


def clean_name(text: str) -> str:
    """An operator's name as kept; UserError if it cannot be one."""
    name = " ".join(str(text or "").split())
    if not 1 <= len(name) <= 60 or any(ord(c) < 32 or 0x7f <= ord(c) < 0xa0 for c in name):
        raise UserError(BAD_NAME)
    return name


NOT_TEXT = QT_TRANSLATE_NOOP("UserError", "A password, PIN or passphrase must be text: this "
                                         "one has bytes that are not (check the keyboard or "
                                         "the file it came from).")


def check_text(secret: str) -> str:
    """A secret that can be hashed or derived from: UTF-8 text (what came from a terminal
    or a file in another encoding may carry bytes that are not)."""
    try:
        secret.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise UserError(NOT_TEXT) from exc
    return secret


def check_secret(secret: str) -> str:
    """A new password or PIN, long enough: five guesses a minute at a desk, and nothing
    to guess offline without the event's key (services/operators/peppering)."""
    if not isinstance(secret, str) or len(secret) > 200:
        raise UserError(BAD_SECRET)
    least = PIN_DIGITS if secret.isascii() and secret.isdigit() else PASSWORD_CHARACTERS
    if len(secret) < least:
        raise UserError(BAD_SECRET)
    return check_text(secret)
