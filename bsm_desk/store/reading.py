"""Reading without sqlite-utils: what a read needs of an event is its ``execute``, which a
sqlite-utils ``Database`` and a bare connection (store/db.open_connection) both have. The
reads on the way to the window's first paint (the overview, who the desk is, whether the
event has operators) take a :class:`Reads` and so run before sqlite-utils is loaded."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any, Protocol


class Reads(Protocol):
    """An open event: a sqlite-utils ``Database`` or an ``sqlite3.Connection``."""

    def execute(self, sql: str, parameters: Any = ..., /) -> sqlite3.Cursor: ...


def rows(db: Reads, sql: str, parameters: Any = ()) -> Iterator[dict[str, Any]]:
    """Each row of ``sql`` as a dict by column name (what sqlite-utils' ``query`` gives)."""
    cursor = db.execute(sql, parameters)
    keys = [d[0] for d in cursor.description]
    for row in cursor:
        yield dict(zip(keys, row, strict=True))
