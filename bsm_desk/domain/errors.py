"""Errors a user can cause and fix, with messages that translate.

The message is an English template registered for Qt Linguist under the context
"UserError" (lupdate picks up ``QT_TRANSLATE_NOOP``, here a plain function so this
layer stays free of Qt). The GUI and the CLI translate the template and then fill
in the fields, so a Russian desk reads Russian.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

CONTEXT = "UserError"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``text`` for translation in ``context``; translation happens at display time."""
    return text


class UserError(Exception):
    """A problem the user can understand and act on; never shown with a traceback."""

    def __init__(self, template: str, **fields: Any) -> None:
        self.template = template
        self.fields = fields
        super().__init__(template.format(**fields))

    def message(self, translate: Callable[[str, str], str] | None = None) -> str:
        text = translate(CONTEXT, self.template) if translate else self.template
        try:
            return text.format(**self.fields)
        except (KeyError, IndexError, ValueError):
            # A broken translation must not hide the error itself.
            return self.template.format(**self.fields)


DB_NOT_FOUND = QT_TRANSLATE_NOOP("UserError", "The event database {path} does not exist.")
DB_NOT_BSM = QT_TRANSLATE_NOOP("UserError", "{path} is not a BSM Desk event database.")
DB_TOO_NEW = QT_TRANSLATE_NOOP(
    "UserError",
    "{path} was made by a newer BSM Desk (schema {found}, this version knows {known}). "
    "Update BSM Desk to open it.",
)
DB_TOO_NEW_BY = QT_TRANSLATE_NOOP(
    "UserError",
    "This event file was written by BSM Desk {theirs} (schema {found}); this is BSM Desk "
    "{ours} (schema {known}): update the app to open it. The file was left as it is.",
)
UPGRADE_FAILED = QT_TRANSLATE_NOOP(
    "UserError",
    "Could not bring {path} up to date ({reason}). The file was left as it was; a copy taken "
    "before the upgrade is at {copy}.",
)
DB_LOCKED = QT_TRANSLATE_NOOP(
    "UserError", "The event database {path} is busy or locked by another program. Try again."
)
DB_UNREADABLE = QT_TRANSLATE_NOOP("UserError", "Cannot open the event database {path}: {reason}")
DB_EXISTS = QT_TRANSLATE_NOOP(
    "UserError", "{path} already exists. Choose another file name or pass --force to replace it."
)
NO_EVENT = QT_TRANSLATE_NOOP("UserError", "{path} holds no event yet.")
DISK_FULL = QT_TRANSLATE_NOOP(
    "UserError",
    "Cannot write {path}: the disk is full or not writable ({reason}). Nothing was lost.",
)
BAD_DATES = QT_TRANSLATE_NOOP(
    "UserError", "The event cannot end ({end}) before it starts ({start})."
)
BAD_TIME_ZONE = QT_TRANSLATE_NOOP("UserError", "Unknown time zone: {zone}.")
TITLE_MISSING = QT_TRANSLATE_NOOP("UserError", "The event needs a title in English.")
NO_LANGUAGE = QT_TRANSLATE_NOOP("UserError", "Choose at least one working language.")
BAD_EVENT_CODE = QT_TRANSLATE_NOOP(
    "UserError", "The event code {code} can only have capital Latin letters and digits (up to 12)."
)
BAD_COUNT = QT_TRANSLATE_NOOP("UserError", "The number of delegates must be between 0 and {most}.")
DB_EMPTY = QT_TRANSLATE_NOOP(
    "UserError",
    "{path} is an empty file, not an event database. Open the event's own file, or create "
    "one (New event, or bsm-desk demo).",
)
DB_DAMAGED = QT_TRANSLATE_NOOP(
    "UserError",
    "The event file {path} is damaged ({reason}). Stop writing to it and restore the latest "
    "backup: bsm-desk restore --db {path} {backup}",
)
DB_DAMAGED_NO_BACKUP = QT_TRANSLATE_NOOP(
    "UserError",
    "The event file {path} is damaged ({reason}). Stop writing to it; no backup of it was "
    "found.",
)
DB_READ_ONLY = QT_TRANSLATE_NOOP(
    "UserError",
    "The event file {path} is on a read-only disk or in a folder this desk cannot write "
    "to. SQLite keeps its journal beside the file: copy it to a writable folder and open "
    "the copy.",
)
CANNOT_CREATE = QT_TRANSLATE_NOOP("UserError", "Cannot create {path}: {reason}")


class DatabaseBusy(UserError):
    """Another program holds the event file's write lock: waiting and trying again helps."""


class DatabaseDamaged(UserError):
    """The file fails SQLite's own check. ``latest_backup`` is the newest automatic copy
    (empty when there is none), for a window that offers to restore it."""

    def __init__(self, template: str, latest_backup: str = "", **fields: Any) -> None:
        self.latest_backup = latest_backup
        super().__init__(template, **fields)
