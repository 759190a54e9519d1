"""The window follows its event file: anything committed to it — by the window itself,
the command line, a second desk on the same file, the hub's worker — reaches the screens
that show it within a fraction of a second.

One timer on the GUI thread asks the window's own connection whether the file changed
(services.event.changes: one PRAGMA when nothing did) and, when it did, which tables
were written. The window hands that to each screen that shows one of them; a screen
that is not in front is told when it next comes forward.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from sqlite_utils import Database

    from bsm_desk.services.event.changes import Changes, FileChanges

POLL_MS = 250


class FileWatch(QObject):
    changed = Signal(object)  # Changes

    def __init__(self, parent: QObject | None = None, interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self._changes: FileChanges | None = None
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.check)

    def watch(self, db: Database) -> None:
        """Follow ``db`` from now on (what was in it is already shown)."""
        from bsm_desk.services.event.changes import FileChanges  # an event open whole

        self._changes = FileChanges(db)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self._changes = None

    def check(self) -> Changes | None:
        """Look now (the timer does it a few times a second); tell what changed."""
        if self._changes is None:
            return None
        found = self._changes.poll()
        if found:
            self.changed.emit(found)
        return found
