"""The open event's link to its hub, if it has one: a round of sync every few seconds and
at once after a scan, in a worker process of its own (``bsm-desk hub follow``), and the
status bar's word on it — online and caught up, or offline since when, with how many
wait.

A scan never waits for any of this: the verdict comes from the local file, and the
worker's work does not compete with the window for the Python interpreter.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from bsm_desk import config

if TYPE_CHECKING:
    from PySide6.QtCore import QProcess

INTERVAL_S = 5.0
SKEW_SAID_S = 120  # as services.hub: minutes off are said, seconds are not


def worker_command(path: Path, every: float) -> list[str]:
    """``bsm-desk hub follow`` as this program runs it (frozen or from source)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "hub", "follow", "--db", str(path), "--every", str(every)]
    return [sys.executable, "-m", "bsm_desk", "hub", "follow", "--db", str(path), "--every",
            str(every)]


def skew_words(skew: object) -> str:
    """This computer's clock against the hub's, in words, when minutes off ('' if not)."""
    from PySide6.QtCore import QCoreApplication

    if not isinstance(skew, int | float) or abs(skew) <= SKEW_SAID_S:
        return ""
    text = QCoreApplication.translate(
        "HubLink", "this computer's clock is {minutes} min ahead of the hub's") if skew > 0 \
        else QCoreApplication.translate(
            "HubLink", "this computer's clock is {minutes} min behind the hub's")
    return text.format(minutes=round(abs(skew) / 60))


class HubLink(QObject):
    """Runs the sync worker as its own process while an event with a hub is open; the
    worker ends when the window does (its stdin closes)."""

    changed = Signal(dict)  # the status after a round
    pulled = Signal(int)  # check-ins from other desks taken in

    def __init__(self, settings: config.Settings, parent: QObject | None = None,
                 interval_s: float = INTERVAL_S) -> None:
        super().__init__(parent)
        self.settings = settings
        self.interval_s = interval_s
        self.path: Path | None = None
        self.zone: Any = None
        self.state: dict[str, Any] | None = None
        self.label = QLabel()
        self.label.setContentsMargins(6, 0, 6, 0)
        self.label.setVisible(False)
        self.process: QProcess | None = None
        self._buffer = b""

    def opened(self, db: Any, path: Path, zone: Any) -> None:
        """An event was opened: follow its hub, if it has one."""
        from bsm_desk.services.event.files import hub_address

        self.closed()
        if not hub_address(db):  # no hub: the hub's machinery (psycopg) is not loaded
            return
        from bsm_desk.services import hub


        found = hub.status(db, desk_id=self.settings.desk_id, probe=False)
        self.path, self.zone, self.state = path, zone, {**found, "online": None}
        self.label.setVisible(True)
        self.show_state()
        from PySide6.QtCore import QProcess  # only for an event with a hub

        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        process.readyReadStandardOutput.connect(self._read)
        process.finished.connect(self._finished)
        self.process = process
        self._start()

    def _start(self) -> None:
        if self.process is not None and self.path is not None:
            command = worker_command(self.path, self.interval_s)
            self.process.start(command[0], command[1:])

    def closed(self) -> None:
        process, self.process = self.process, None
        if process is not None:
            process.finished.disconnect(self._finished)
            process.closeWriteChannel()  # the worker ends at the end of its stdin
            if not process.waitForFinished(3000):
                process.kill()
                process.waitForFinished(1000)
            process.deleteLater()
        self.path, self.state, self._buffer = None, None, b""
        self.label.setVisible(False)

    def poke(self) -> None:
        """Something to send (a scan): a round now, not in five seconds."""
        if self.process is not None and \
                self.process.state() == self.process.ProcessState.Running:
            self.process.write(b"\n")

    round_now = poke

    def _read(self) -> None:
        if self.process is None:
            return
        self._buffer += bytes(self.process.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            try:
                found = json.loads(line)
            except ValueError:
                continue
            if isinstance(found, dict):
                self._done(found)

    def _done(self, result: dict[str, Any]) -> None:
        if result.get("error_template"):
            from bsm_desk.domain.errors import UserError

            result["error"] = UserError(result["error_template"],
                                        **result.get("error_fields", {})).message(
                QCoreApplication.translate)
        self.state = result
        self.show_state()
        self.changed.emit(result)
        if result.get("pulled"):
            self.pulled.emit(int(result["pulled"]))

    def _finished(self, *_args: object) -> None:
        """The worker stopped by itself (a crash): say so, start it again shortly."""
        if self.path is not None and self.state is not None:
            self.state = {**self.state, "online": False}
            self.show_state()
            QTimer.singleShot(2000, self._restart)

    def _restart(self) -> None:
        if self.process is not None and \
                self.process.state() == self.process.ProcessState.NotRunning:
            self._start()

    def show_state(self) -> None:
        state = self.state
        if state is None:
            return
        if state.get("online") is None:  # before the worker's first round
            text = self.tr("Hub: connecting…")
        elif state.get("online"):
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
        said = skew_words(state.get("clock_skew_s"))
        if said:
            text += " · " + said
        self.label.setText(text)
        self.label.setToolTip(state.get("url", "") + ("\n" + state["error"]
                                                      if state.get("error") else ""))
        self.label.setProperty("online", bool(state.get("online")))
