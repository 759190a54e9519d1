"""A card: a rounded panel in the palette's base colour with a light border."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QFrame, QWidget

RADIUS = 8.0


class Card(QFrame):
    """Painted here from the current palette (so it turns dark with the system), not by
    a style sheet: a sheet sent the card and everything in it through Qt's style-sheet
    engine, about 3 ms of the window's first paint for the Event overview's six."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setContentsMargins(1, 1, 1, 1)  # inside its border, as the sheet's was

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Midlight), 1))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5),
                                RADIUS, RADIUS)
        painter.end()
