"""Automatic backups while an event is open: every ten minutes when something changed
(here or at another desk on the same file), and once more on quit.

The copy is made in the thread pool on a connection of its own (SQLite's backup API,
consistent while desks write); the window is never held up by it. "Something changed"
is read off the event file and its write-ahead log (size and time), which every
commit touches, whoever made it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from bsm_desk import config

if TYPE_CHECKING:
    from bsm_desk.ui.shell.workers import Job, Progress

INTERVAL_MS = 10 * 60 * 1000


def _fingerprint(path: Path) -> tuple[tuple[int, int], ...]:
    marks = []
    for tail in ("", "-wal"):
        try:
            found = os.stat(f"{path}{tail}")
        except OSError:
            marks.append((0, 0))
            continue
        # An empty log (made by opening, removed by closing) is no change.
        marks.append((found.st_size, found.st_mtime_ns) if found.st_size else (0, 0))
    return tuple(marks)


def take_backup(path: Path, into: str | None) -> Path:
    """One automatic backup of ``path`` (in whatever thread calls it)."""
    from bsm_desk.services.event import backups

    return backups.take_of_file(path, into=into)


class BackupKeeper(QObject):
    """Keeps the open event's automatic backups; tells the window what it did."""

    made = Signal(str)  # the backup's path
    failed = Signal(object)  # the exception

    def __init__(self, settings: config.Settings, parent: QObject | None = None,
                 interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.settings = settings
        self.path: Path | None = None
        self._last: tuple[tuple[int, int], ...] | None = None
        self._job: Job | None = None
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.tick)

    def watch(self, path: Path | None) -> None:
        """Start keeping ``path`` (None: stop). What is there now counts as backed up
        only once a backup is made: the first tick after a change makes one."""
        self.path = path
        self._last = _fingerprint(path) if path is not None else None
        if path is None:
            self.timer.stop()
        else:
            self.timer.start()

    def changed(self) -> bool:
        return self.path is not None and _fingerprint(self.path) != self._last

    def tick(self) -> None:
        """The timer: a backup in the background when the file changed since the last."""
        if self.path is None or self._job is not None or not self.changed():
            return
        from bsm_desk.ui.shell.workers import start  # not at start-up: ten minutes on

        path, into = self.path, self.settings.backup_folder or None
        self._last = _fingerprint(path)

        def job(_: Progress) -> Path:
            return take_backup(path, into)

        self._job = start(job, on_progress=lambda _d, _t: None, on_done=self._done,
                          on_failed=self._failed, owner=self)

    def final(self) -> Path | None:
        """On quit or when the event is closed: one last backup if anything changed, made
        now (the window is closing anyway)."""
        if self.path is None or not self.changed():
            return None
        path, self._last = self.path, _fingerprint(self.path)
        try:
            made = take_backup(path, self.settings.backup_folder or None)
        except Exception as exc:  # noqa: BLE001 - a failed last backup must not stop quitting
            self.failed.emit(exc)
            return None
        self.made.emit(str(made))
        return made

    def _done(self, made: Path) -> None:
        self._job = None
        self.made.emit(str(made))

    def _failed(self, exc: BaseException) -> None:
        self._job = None
        self._last = None  # try again at the next tick
        self.failed.emit(exc)
