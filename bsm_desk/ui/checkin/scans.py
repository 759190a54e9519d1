"""The way of a scan on the Check-in screen: what the scanner (a keyboard wedge) or the
camera sent waits in order, with the time it came, and is handed to the desk one after
another, so the verdicts come in the order the badges were shown. A name typed instead
of a code goes to the host's search. While another program holds the event file, every
scan is kept and shown as waiting, and tried again on a timer for as long as it takes;
Esc gives up on them (said, with how many)."""

from __future__ import annotations

from collections import deque
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer

from bsm_desk.domain.checkin import looks_like_a_name
from bsm_desk.domain.errors import DatabaseBusy
from bsm_desk.ui.shell.errors import show_error

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QWidget

    from bsm_desk.services.checkin import Desk, Verdict
    from bsm_desk.ui.checkin.verdict_panel import VerdictPanel

# A scan waits this long for another program's lock (the window stays responsive), then
# waits on a timer and tries again, as often as it takes.
LOCK_WAIT_MS = 200
RETRY_MS = 300


class ScanHost(Protocol):
    """What the scans need of the Check-in screen."""

    panel: VerdictPanel
    message: SignalInstance

    def acting_desk(self) -> Desk | None: ...

    def show_verdict(self, verdict: Verdict) -> None: ...

    def name_entered(self, text: str) -> None: ...

    def focus_input(self) -> None: ...


class ScanQueue(QObject):
    """The scans waiting for their verdicts, for ``host``, with ``widget`` as the parent
    of the error dialog (a full or damaged file)."""

    def __init__(self, host: ScanHost, widget: QWidget) -> None:
        super().__init__(widget)
        self.host, self.widget = host, widget
        # What was scanned, how, and when (kept when the scan waits for the database).
        self.waiting: deque[tuple[str, str, datetime]] = deque()
        self.retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self.retry.timeout.connect(self.drain)

    def __bool__(self) -> bool:
        return bool(self.waiting)

    def add(self, text: str, method: str) -> None:
        """Take what a scanner (or the camera) sent; verdicts come in the same order."""
        if text.strip():
            self.waiting.append((text.strip(), method, datetime.now(UTC)))
            if not self.retry.isActive():  # else the queue waits for the database
                QTimer.singleShot(0, self.drain)

    def drain(self) -> None:
        host = self.host
        while self.waiting:
            text, method, at = self.waiting[0]
            if method == "scan" and looks_like_a_name(text):
                self.waiting.popleft()
                host.name_entered(text)
                continue
            desk = host.acting_desk()
            if desk is None:
                self.waiting.popleft()
                continue
            try:
                verdict = desk.scan(text, method=method, now=at)
            except DatabaseBusy:
                # Held by another program: keep every scan, show it, try again shortly.
                host.panel.show_waiting(len(self.waiting))
                self.retry.start()
                return
            except Exception as exc:  # noqa: BLE001 - a full or damaged database, say so
                self.waiting.popleft()
                show_error(self.widget, self.tr("Check-in"), exc)
                continue
            self.waiting.popleft()
            host.show_verdict(verdict)
        host.focus_input()

    def cancel(self) -> int:
        """The operator gives up on the scans waiting for the database (Esc)."""
        dropped = len(self.waiting) if self.retry.isActive() else 0
        if dropped:
            self.retry.stop()
            self.waiting.clear()
            self.host.panel.clear()
            self.host.message.emit(self.tr("Waiting scans cancelled, not recorded: {count}.")
                                   .format(count=dropped))
        return dropped

    def clear(self) -> None:
        self.retry.stop()
        self.waiting.clear()
