"""A day of the programme drawn as a grid: rooms across, time down, sessions as blocks.

Read-only here; it paints from plain values so the same widget can later take
mouse editing without changing how it is fed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from bsm_desk.ui.shell.theme import KIND_COLOURS


@dataclass(frozen=True)
class Block:
    column: int
    start: datetime  # local, venue time
    end: datetime
    title: str
    kind: str
    tooltip: str = ""


class TimetableView(QWidget):
    HOUR_PX = 64
    HEADER_PX = 44
    AXIS_PX = 54
    MIN_COLUMN_PX = 150

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns: list[str] = []
        self._blocks: list[Block] = []
        self._first_hour = 8
        self._last_hour = 20
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_day(self, columns: list[str], blocks: list[Block], first_hour: int = 8,
                last_hour: int = 20) -> None:
        self._columns = columns
        self._blocks = blocks
        if blocks:
            first_hour = min(first_hour, min(b.start.hour for b in blocks))
            last_hour = max(last_hour, max(b.end.hour + (1 if b.end.minute else 0)
                                           for b in blocks))
        self._first_hour, self._last_hour = first_hour, last_hour
        self.setMinimumHeight(self.sizeHint().height())
        self.updateGeometry()
        self.update()

    def blocks(self) -> list[Block]:
        return list(self._blocks)

    def sizeHint(self) -> QSize:
        hours = self._last_hour - self._first_hour
        width = self.AXIS_PX + max(1, len(self._columns)) * self.MIN_COLUMN_PX
        return QSize(width, self.HEADER_PX + hours * self.HOUR_PX + 8)

    def _column_width(self) -> float:
        return max(self.MIN_COLUMN_PX * 0.6,
                   (self.width() - self.AXIS_PX - 4) / max(1, len(self._columns)))

    def _y(self, when: datetime) -> float:
        hours = when.hour + when.minute / 60 - self._first_hour
        return self.HEADER_PX + hours * self.HOUR_PX

    def block_rect(self, block: Block) -> QRectF:
        width = self._column_width()
        x = self.AXIS_PX + block.column * width
        top, bottom = self._y(block.start), self._y(block.end)
        return QRectF(x + 3, top + 1, width - 6, max(bottom - top - 2, 14))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        grid = pal.color(QPalette.ColorRole.Midlight)
        text = pal.color(QPalette.ColorRole.Text)
        muted = pal.color(QPalette.ColorRole.PlaceholderText)
        width = self._column_width()
        # Hours
        painter.setFont(self.font())
        for hour in range(self._first_hour, self._last_hour + 1):
            y = self.HEADER_PX + (hour - self._first_hour) * self.HOUR_PX
            painter.setPen(QPen(grid, 1))
            painter.drawLine(self.AXIS_PX, int(y), self.width(), int(y))
            painter.setPen(muted)
            painter.drawText(QRectF(0, y - 9, self.AXIS_PX - 8, 18),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             f"{hour:02d}:00")
        # Room headers
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        for index, name in enumerate(self._columns):
            x = self.AXIS_PX + index * width
            painter.setPen(QPen(grid, 1))
            painter.drawLine(int(x), self.HEADER_PX - 6, int(x), self.height())
            painter.setPen(text)
            metrics = QFontMetrics(bold)
            label = metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(width - 10))
            painter.drawText(QRectF(x + 5, 0, width - 10, self.HEADER_PX - 6),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
        # Sessions
        painter.setFont(self.font())
        for block in self._blocks:
            rect = self.block_rect(block)
            colour = QColor(KIND_COLOURS.get(block.kind, "#607d8b"))
            fill = QColor(colour)
            fill.setAlpha(40)
            painter.setPen(QPen(colour, 1.2))
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, 5, 5)
            painter.fillRect(QRectF(rect.left(), rect.top(), 4, rect.height()), colour)
            inner = rect.adjusted(9, 4, -5, -3)
            painter.setPen(text)
            times = f"{block.start:%H:%M}–{block.end:%H:%M}"
            painter.drawText(inner, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft, times)
            body = inner.adjusted(0, QFontMetrics(self.font()).height() + 1, 0, 0)
            painter.drawText(body, int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                             | int(Qt.TextFlag.TextWordWrap), self._fit(block.title, body))
        painter.end()

    def _fit(self, title: str, rect: QRectF) -> str:
        """Shorten a long title so that it ends with an ellipsis inside its block."""
        metrics = QFontMetrics(self.font())
        flags = int(Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap)
        words = title.split()
        fitted = title
        while words and metrics.boundingRect(rect.toRect(), flags, fitted).height() > rect.height():
            words.pop()
            fitted = " ".join(words) + "…"
        return fitted

    def mouseMoveEvent(self, event: object) -> None:
        from PySide6.QtWidgets import QToolTip  # made on the first hover, not at start-up

        pos = event.position()  # type: ignore[attr-defined]
        for block in self._blocks:
            if self.block_rect(block).contains(pos):
                QToolTip.showText(event.globalPosition().toPoint(),  # type: ignore[attr-defined]
                                  block.tooltip or block.title, self)
                return
        QToolTip.hideText()
