"""What changed in the open event file since the window last looked, whoever wrote it:
the window itself, the command line, a second desk on the same file or the hub's
worker. Polled a few times a second on the window's own connection: when nothing was
committed it costs one PRAGMA."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bsm_desk.store.db import change_marks

if TYPE_CHECKING:
    from sqlite_utils import Database

EVERYTHING = "*"  # in a Changes' tables: the file was replaced (a restore), read it all

# What the Event overview (and every screen's filters) is read from.
OVERVIEW_TABLES = frozenset({"event", "day", "room", "session", "category", "delegation",
                             "delegate"})


@dataclass(frozen=True)
class Changes:
    tables: frozenset[str]  # the tables written, or {EVERYTHING}
    by_others: bool  # someone other than this connection wrote (its caches are stale)

    def touches(self, tables: frozenset[str]) -> bool:
        return EVERYTHING in self.tables or bool(self.tables & tables)

    def __bool__(self) -> bool:
        return bool(self.tables) or self.by_others

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.tables | other.tables, self.by_others or other.by_others)


NOTHING = Changes(frozenset(), False)


class FileChanges:
    """Remembers how far it has looked; ``poll()`` says what was committed since."""

    def __init__(self, db: Database) -> None:
        from bsm_desk.store import audit_log  # once an event is open whole, not before

        self.db = db
        self._tables_written_since = audit_log.tables_written_since
        self._marks = change_marks(db)
        self._audited, _ = self._tables_written_since(db, 1 << 62)  # only the last id

    def poll(self) -> Changes:
        """What changed since the last poll. A file that cannot be read right now (locked
        by a checkpoint, being replaced) is asked again at the next poll."""
        try:
            marks = change_marks(self.db)
            if marks == self._marks:
                return NOTHING
            last, tables = self._tables_written_since(self.db, self._audited)
        except sqlite3.Error:
            return NOTHING
        by_others = marks[0] != self._marks[0]
        if last < self._audited:
            tables = frozenset({EVERYTHING})
        self._marks, self._audited = marks, last
        return Changes(tables, by_others)
