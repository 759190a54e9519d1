"""A first look at the event the window is about to open, taken on a thread of its own
while the window's code loads: what its first screen shows (the overview), and which
desk of its hub this is. SQLite reads without holding Python's interpreter, so the look
overlaps the imports, and the window's own connection is opened after its first paint.

The look is only ever a shortcut: it is taken on a connection that only reads, and it
is given up (None) for anything but an event of ours, at this schema, that asks nothing
of the user first (operators to sign in, sealed data to unlock), read without a fault.
The window then opens the file the usual way, which says what is wrong in words."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from bsm_desk.services.event.files import desk_of, guarded
from bsm_desk.services.event.overview import Overview, overview
from bsm_desk.store.db import APPLICATION_ID
from bsm_desk.store.schema import LATEST

# A look that cannot read within this long (the file locked by another program) is
# given up: the usual opening then waits its own while and says why.
LOOK_TIMEOUT_S = 1.0


@dataclass(frozen=True)
class Glance:
    """What the first look found: the overview, and the desk the file says it is ('' if
    it says none)."""

    path: Path
    overview: Overview
    desk_id: str


def look(path: Path) -> Glance | None:
    """The first look at ``path`` (None: open it the usual way)."""
    if not path.is_file():
        return None
    conn = sqlite3.connect(str(path), timeout=LOOK_TIMEOUT_S, isolation_level=None)
    try:
        conn.execute("PRAGMA query_only = ON")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID or version != LATEST or guarded(conn):
            return None
        return Glance(path, overview(conn, path), desk_of(conn, ""))
    finally:
        conn.close()


class LookAhead:
    """The first look at ``path``, taken on a thread started at once."""

    def __init__(self, path: Path) -> None:
        self.path = path.resolve()
        self._found: Glance | None = None
        self._thread = threading.Thread(target=self._look, name="bsm-first-look",
                                        daemon=True)
        self._thread.start()

    def _look(self) -> None:
        try:
            self._found = look(self.path)
        except Exception:  # noqa: BLE001 - a shortcut only: the usual opening says why
            self._found = None

    def take(self, path: str | Path) -> Glance | None:
        """The look, if it was at ``path`` (waiting for it to end)."""
        if Path(path).resolve() != self.path:
            return None
        self._thread.join()
        return self._found


def look_ahead(path: str | Path | None) -> LookAhead | None:
    """Start the first look at ``path`` (None: nothing to look at)."""
    return LookAhead(Path(path)) if path else None
