"""The current speaker's countdown, large: time left from the full limit (5:00, not
4:59), then time over counting up, in the colour of its state. It is read from the
record at each refresh and advanced between reads by a monotonic clock, so it neither
drifts nor jumps; the projector shows what it shows (``painted``)."""

from __future__ import annotations

import math
import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

from bsm_desk.domain.speakers import Clock, countdown

CLOCK_COLOURS = {Clock.RUNNING: "#1b7f3b", Clock.ENDING: "#b26a00", Clock.OVER: "#c62828",
                 Clock.NONE: "#37474f"}
TICK_MS = 200


class CountdownClock(QLabel):
    painted = Signal(str, str, str)  # the text, its colour, the state ("" for none)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        font = QFont(self.font())
        font.setPointSize(40)
        font.setBold(True)
        self.setFont(font)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.limit_s: int | None = None  # None: nobody speaks
        # The time spoken as last read, and the monotonic clock then: the countdown runs on.
        self.read_as: tuple[float, float, bool] = (0.0, 0.0, False)
        self.timer = QTimer(self, interval=TICK_MS)
        self.timer.timeout.connect(self.tick)

    def show_reading(self, limit_s: int | None, spoken: float, running: bool) -> None:
        """What the record says now: the speaker's limit (None: nobody speaks), the time
        spoken so far, and whether the clock runs."""
        self.limit_s = limit_s
        self.read_as = (spoken, time.monotonic(), running)
        self.tick()
        if limit_s is not None:
            self.timer.start()
        else:
            self.timer.stop()

    def stop(self) -> None:
        self.timer.stop()

    def spoken_now(self) -> float:
        spoken, read_at, running = self.read_as
        return spoken + (time.monotonic() - read_at if running else 0.0)

    def tick(self) -> None:
        if self.limit_s is None:
            self.setText("")
            self.painted.emit("", CLOCK_COLOURS[Clock.NONE], "")
            return
        state, seconds = countdown(self.limit_s, self.spoken_now())
        # Time left counts down from the full limit (5:00, not 4:59); time over counts up.
        shown = math.ceil(seconds) if state in (Clock.RUNNING, Clock.ENDING) else int(seconds)
        minutes, rest = divmod(shown, 60)
        self.setText(("+" if state is Clock.OVER else "") + f"{minutes}:{rest:02d}")
        self.setStyleSheet(f"color: {CLOCK_COLOURS[state]};")
        self.setProperty("state", state.value)
        self.painted.emit(self.text(), CLOCK_COLOURS[state], state.value)
