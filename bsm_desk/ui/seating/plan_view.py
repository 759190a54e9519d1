"""A room's places drawn to scale: each place a square in its delegation's block colour
(empty ones grey, accessible ones with a wheelchair's blue edge, removed ones not at
all), the delegation's number in it, a green dot on the delegations in the room now.
Click a delegation to pick it; drag it onto another place to move it there."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QMouseEvent, QPainter, QPen, QWheelEvent
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from bsm_desk.domain.seating import Block, Place, Seated
from bsm_desk.services.seating.printing import BLOCK_COLOURS, EMPTY

PIXELS = 48.0  # per metre
SIDE = 0.5  # metres: a place's square
PLACE = Qt.ItemDataRole.UserRole + 1
ACCESSIBLE = QColor("#1565c0")
PRESENT = QColor("#2e7d32")
PICKED = QColor("#f9a825")


class PlanView(QGraphicsView):
    """``picked(delegation id)`` when one is clicked (0: an empty place);
    ``moved(delegation id, place)`` when one is dropped on a place; ``clicked(place,
    modifiers)`` for editors that act on places themselves."""

    picked = Signal(int)
    moved = Signal(int, int)
    clicked = Signal(int, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setBackgroundBrush(QBrush(QColor("#ffffff")))
        self.items_by_place: dict[int, QGraphicsRectItem] = {}
        self.seats: dict[int, tuple[int, bool]] = {}
        self.delegations: dict[int, Seated] = {}
        self.picked_id = 0
        self._dragging = 0
        self.movable = True

    def show_places(self, places: Sequence[Place], seats: Mapping[int, tuple[int, bool]],
                    delegations: Mapping[int, Seated], numbers: Mapping[int, int],
                    present: set[int], lang: str, *, removed: set[int] | None = None
                    ) -> None:
        """Draw ``places``; ``seats``: place → (delegation, locked); ``numbers``: each
        delegation's number in the legend; ``removed``: places drawn hollow (an editor
        shows what it takes out)."""
        self.clear()
        scene = self.scene()
        self.seats, self.delegations = dict(seats), dict(delegations)
        font = QFont()
        font.setPixelSize(max(int(PIXELS * SIDE * 0.42), 7))
        font.setBold(True)
        for place in places:
            who = seats.get(place.number)
            delegation = delegations.get(who[0]) if who else None
            colour = BLOCK_COLOURS[Block.PODIUM] if place.podium and delegation else \
                BLOCK_COLOURS[delegation.block] if delegation else EMPTY
            x, y = place.x * PIXELS, place.y * PIXELS
            box = QGraphicsRectItem(QRectF(x - SIDE * PIXELS / 2, y - SIDE * PIXELS / 2,
                                           SIDE * PIXELS, SIDE * PIXELS))
            hollow = removed is not None and place.number in removed
            box.setBrush(QBrush(QColor("#ffffff") if hollow else QColor(colour)))
            edge = QPen(ACCESSIBLE if place.accessible else QColor("#ffffff"),
                        3 if place.accessible else 1)
            if hollow:
                edge = QPen(QColor("#9e9e9e"), 1, Qt.PenStyle.DashLine)
            box.setPen(edge)
            box.setData(PLACE, place.number)
            tip = [f"{self.tr('Place')} {place.number}"]
            if delegation is not None:
                tip.append(delegation.name(lang))
                if who and who[1]:
                    tip.append(self.tr("locked"))
                if delegation.id in present:
                    tip.append(self.tr("in the room now"))
            if place.accessible:
                tip.append(self.tr("accessible"))
            box.setToolTip("\n".join(tip))
            scene.addItem(box)
            self.items_by_place[place.number] = box
            if delegation is not None:
                label = QGraphicsSimpleTextItem(str(numbers.get(delegation.id, "")), box)
                label.setFont(font)
                label.setBrush(QBrush(QColor("#ffffff")))
                bounds = label.boundingRect()
                label.setPos(x - bounds.width() / 2, y - bounds.height() / 2)
                if delegation.id in present:  # the green dot: someone of theirs came in
                    dot = QGraphicsEllipseItem(x + SIDE * PIXELS / 2 - 7,
                                               y - SIDE * PIXELS / 2 - 3, 9, 9, box)
                    dot.setBrush(QBrush(PRESENT))
                    dot.setPen(QPen(QColor("#ffffff"), 1))
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-20, -20, 20, 20))
        self.pick(self.picked_id)
        self.fit()

    def clear(self) -> None:
        """Nothing drawn (another event, a session without a room): the items and what
        they stood for go together, so that a pick afterwards touches none of them."""
        self.scene().clear()
        self.items_by_place, self.seats, self.delegations = {}, {}, {}

    def fit(self) -> None:
        if not self.scene().items():
            return
        self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def pick(self, delegation_id: int) -> None:
        """Outline the places of ``delegation_id`` (0: none)."""
        self.picked_id = delegation_id
        for number, box in self.items_by_place.items():
            who = self.seats.get(number)
            mine = bool(delegation_id) and who is not None and who[0] == delegation_id
            box.setZValue(1 if mine else 0)
            if mine:
                box.setPen(QPen(PICKED, 4))
            elif box.pen().color() == PICKED:
                box.setPen(QPen(QColor("#ffffff"), 1))

    def place_at(self, point: QPointF) -> int:
        for item in self.items(point.toPoint()):
            number = item.data(PLACE)
            if number is None and item.parentItem() is not None:
                number = item.parentItem().data(PLACE)
            if isinstance(number, int):
                return number
        return 0

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        number = self.place_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and number:
            self.clicked.emit(number, event.modifiers())
            who = self.seats.get(number)
            self.pick(who[0] if who else 0)
            self.picked.emit(self.picked_id)
            self._dragging = self.picked_id if self.movable else 0
            if self._dragging:
                self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        dragging, self._dragging = self._dragging, 0
        self.viewport().unsetCursor()
        if dragging and event.button() == Qt.MouseButton.LeftButton:
            number = self.place_at(event.position())
            who = self.seats.get(number)
            if number and (who is None or who[0] != dragging):
                self.moved.emit(dragging, number)
        super().mouseReleaseEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:  # Ctrl+wheel zooms
            factor = 1.15 if event.angleDelta().y() > 0 else 1 / 1.15
            self.scale(factor, factor)
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.fit()
