"""The open event's link to its hub, if it has one: a round of sync every few seconds and
at once after a scan, each in the thread pool on its own connection, and the status
bar's word on it — online and caught up, or offline since when, with how many wait.

A scan never waits for any of this: the verdict comes from the local file.
"""

from __future__ import annotations

from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from bsm_desk import config
from bsm_desk.ui.shell.workers import Job, Progress, start

INTERVAL_MS = 5000


def _round(path: Path, desk_id: str) -> dict[str, Any]:
    from bsm_desk.services import sync
    from bsm_desk.store import connect

    with closing(connect(path, check=False)) as db:
        report = sync.sync_once(db, desk_id=desk_id)
        found = sync.status(db, desk_id=desk_id, probe=False)
    found["online"] = report.online
    found["pulled"] = report.pulled
    return found


class HubLink(QObject):
    changed = Signal(dict)  # the status after a round
    pulled = Signal(int)  # check-ins from other desks taken in

    def __init__(self, settings: config.Settings, parent: QObject | None = None,
                 interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.settings = settings
        self.path: Path | None = None
        self.zone: Any = None
        self.state: dict[str, Any] | None = None
        self.label = QLabel()
        self.label.setContentsMargins(6, 0, 6, 0)
        self.label.setVisible(False)
        self._job: Job | None = None
        self._again = False
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.round_now)

    def opened(self, db: Any, path: Path, zone: Any) -> None:
        """An event was opened: follow its hub, if it has one."""
        from bsm_desk.services import sync

        self.closed()
        found = sync.status(db, desk_id=self.settings.desk_id, probe=False)
        if not found["url"]:
            return
        self.path, self.zone, self.state = path, zone, found
        self.label.setVisible(True)
        self.show_state()
        self.timer.start()
        self.round_now()

    def closed(self) -> None:
        self.timer.stop()
        self.path, self.state, self._again = None, None, False
        self.label.setVisible(False)

    def poke(self) -> None:
        """Something to send (a scan): a round now, not in five seconds."""
        if self.path is not None:
            self.round_now()

    def round_now(self) -> None:
        if self.path is None:
            return
        if self._job is not None:
            self._again = True  # one more when this one ends
            return
        path, desk = self.path, self.settings.desk_id

        def job(_progress: Progress) -> dict[str, Any]:
            return _round(path, desk)

        self._job = start(job, on_progress=lambda _d, _t: None, on_done=self._done,
                          on_failed=self._failed)

    def _done(self, result: object) -> None:
        self._job = None
        if self.path is None or not isinstance(result, dict):
            return
        self.state = result
        self.show_state()
        self.changed.emit(result)
        if result.get("pulled"):
            self.pulled.emit(int(result["pulled"]))
        self._next()

    def _failed(self, exc: BaseException) -> None:
        self._job = None
        if self.path is not None and self.state is not None:
            from bsm_desk.ui.shell.errors import translate_error

            self.state = {**self.state, "online": False, "error": translate_error(exc)}
            self.show_state()
        self._next()

    def _next(self) -> None:
        if self._again:
            self._again = False
            self.round_now()

    def show_state(self) -> None:
        state = self.state
        if state is None:
            return
        if state.get("online"):
            text = self.tr("Hub: online, up to date") if not state["pending"] else \
                self.tr("Hub: online, sending {count}").format(count=state["pending"])
        else:
            since = state.get("offline_since")
            when = datetime.fromisoformat(since).astimezone(self.zone).strftime("%H:%M") \
                if since and self.zone is not None else "—"
            text = self.tr("Hub: offline since {time}, {count} waiting").format(
                time=when, count=state["pending"])
        if state.get("review"):
            text += " · " + self.tr("{count} to review").format(count=state["review"])
        self.label.setText(text)
        self.label.setToolTip(state.get("url", "") + ("\n" + state["error"]
                                                      if state.get("error") else ""))
        self.label.setProperty("online", bool(state.get("online")))
