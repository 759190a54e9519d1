"""Long work off the GUI thread, with a progress dialog and Cancel.

A job is a plain function ``fn(progress)`` where ``progress(done, total)`` reports
and raises :class:`Cancelled` once the user has pressed Cancel. The job opens its
own database connection: connections are never shared across threads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

Progress = Callable[[int, int], None]


class Cancelled(Exception):
    """Raised inside a job when the user cancelled it."""


class _Signals(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()  # after any of the above


# Jobs not yet finished, held here so that a screen closed (or the window quit) meanwhile
# does not free a job, and its signals, under the worker thread's feet. A job leaves the
# set in the GUI thread, after its last signal, so it is freed where it was made.
_RUNNING: set[Job] = set()


class Job(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self.signals.finished.connect(lambda: _RUNNING.discard(self))
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self.signals.progress.emit(done, total)

    def run(self) -> None:
        try:
            try:
                result = self.fn(self._progress)
            except Cancelled:
                self.signals.cancelled.emit()
            except BaseException as exc:  # reported to the user by the GUI thread
                self.signals.failed.emit(exc)
            else:
                self.signals.done.emit(result)
            self.signals.finished.emit()
        except RuntimeError:  # the signals' object is gone (the app is closing): no one
            pass  # is left to tell


def start(fn: Callable[[Progress], Any], *, on_progress: Callable[[int, int], None],
          on_done: Callable[[Any], object], on_failed: Callable[[BaseException], object],
          owner: QObject | None = None) -> Job:
    """Run ``fn`` in the thread pool; the callbacks run in the GUI thread — and only
    while ``owner`` (the widget they update) lives: a screen closed while its figures were
    being read is not written to after it is gone."""
    job = Job(fn)
    job.signals.progress.connect(_while(owner, on_progress))
    job.signals.done.connect(_while(owner, on_done))
    job.signals.failed.connect(_while(owner, on_failed))
    _RUNNING.add(job)
    QThreadPool.globalInstance().start(job)
    return job


def _while(owner: QObject | None, callback: Callable[..., object]) -> Callable[..., None]:
    def call(*args: Any) -> None:
        if owner is None or shiboken6.isValid(owner):
            callback(*args)
    return call


def run_with_progress(parent: QWidget, label: str, fn: Callable[[Progress], Any],
                      on_done: Callable[[Any], object],
                      on_failed: Callable[[BaseException], object],
                      on_cancel: Callable[[], object] | None = None) -> Job:
    """Start ``fn`` in the thread pool behind a modal progress dialog with Cancel.
    ``on_cancel`` (called in the GUI thread at Cancel) stops work that does not report
    progress often, such as a solver."""
    dialog = QProgressDialog(label, QCoreApplication.translate("Workers", "Cancel"), 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    job = Job(fn)

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    def finish() -> None:
        dialog.close()
        dialog.deleteLater()

    def done(result: Any) -> None:
        finish()
        on_done(result)

    def failed(exc: BaseException) -> None:
        finish()
        on_failed(exc)

    job.signals.progress.connect(progress)
    job.signals.done.connect(done)
    job.signals.failed.connect(failed)
    job.signals.cancelled.connect(finish)
    dialog.canceled.connect(job.cancel)
    if on_cancel is not None:
        dialog.canceled.connect(on_cancel)
    _RUNNING.add(job)
    QThreadPool.globalInstance().start(job)
    return job
