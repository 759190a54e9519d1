"""SVG icons from resources/icons, drawn in the palette's text colour.

The SVGs use ``currentColor``; each is rendered at the sizes Qt asks for, so the
icons stay crisp on high-DPI screens and readable in the dark theme.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from bsm_desk import paths


@cache
def _svg(name: str) -> str:
    return paths.resource("icons", f"{name}.svg").read_text(encoding="utf-8")


class _SvgEngine(QIconEngine):
    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name

    def paint(self, painter: QPainter, rect: object, mode: QIcon.Mode,
              state: QIcon.State) -> None:
        palette = QGuiApplication.palette()
        group = QPalette.ColorGroup.Disabled if mode == QIcon.Mode.Disabled else \
            QPalette.ColorGroup.Normal
        role = QPalette.ColorRole.HighlightedText if mode == QIcon.Mode.Selected else \
            QPalette.ColorRole.WindowText
        colour: QColor = palette.color(group, role)
        text = _svg(self._name).replace("currentColor", colour.name())
        renderer = QSvgRenderer(QByteArray(text.encode("utf-8")))
        renderer.render(painter, QRectF(rect))  # type: ignore[arg-type,call-overload]

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, pixmap.rect(), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return _SvgEngine(self._name)


def icon(name: str) -> QIcon:
    return QIcon(_SvgEngine(name))


def app_icon() -> QIcon:
    return QIcon(str(paths.resource("icons", "app.svg")))
