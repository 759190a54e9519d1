"""A day of the programme to edit with the mouse: rooms as columns, time going down.

Blocks move (between rooms too) and resize by their lower edge; on release they snap
to a 10-minute grid and the room under them, and ``moved`` reports the new place.
A double click on a block asks to edit it, on free space to create a session there.
Blocks in conflict get a red outline and the reason as their tooltip.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QMenu,
    QWidget,
)

from bsm_desk.domain.model import Room, Session, SessionKind
from bsm_desk.domain.session_kinds import KIND_STYLE

COLUMN = 190.0
HEADER = 46.0  # two lines: a long room name wraps rather than being cut
GUTTER = 52.0
PER_MINUTE = 1.1
GRID = 10
EDGE = 7.0
COLOURS = {kind: style.colour for kind, style in KIND_STYLE.items()}


def _wrap(text: str, metrics: QFontMetricsF, width: float, lines: int) -> list[str]:
    """``text`` in lines that fit ``width``, at most ``lines`` of them, the last one cut
    with an ellipsis when the rest does not fit."""
    out: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if not line or metrics.horizontalAdvance(candidate) <= width:
            line = candidate
        else:
            out.append(line)
            line = word
    if line:
        out.append(line)
    if len(out) > lines:
        out = [*out[:lines - 1], " ".join(out[lines - 1:])]
    return [metrics.elidedText(t, Qt.TextElideMode.ElideRight, width) for t in out]


class SessionBlock(QGraphicsRectItem):
    def __init__(self, editor: TimetableEditor, session: Session, rect: QRectF) -> None:
        super().__init__(rect)
        self.editor, self.session = editor, session
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        fill = QColor(COLOURS[session.kind])
        fill.setAlpha(55)  # a pale tint of the kind's colour; red outlines mean conflicts
        self.setBrush(QBrush(fill))
        self.setPen(QPen(QColor(COLOURS[session.kind]), 1.5))
        self.label = QGraphicsSimpleTextItem(self)
        self.label.setBrush(QBrush(QColor("#111111")))
        # The title never runs past the block's border: what does not fit is cut there.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape)
        self._resizing = False
        self._press = QPointF()
        self.refresh_label()

    def refresh_label(self) -> None:
        rect = self.rect()
        zone = self.editor.zone
        start = self.session.starts_at.astimezone(zone)
        end = self.session.ends_at.astimezone(zone)
        title = self.session.title(self.editor.lang)
        metrics = QFontMetricsF(self.label.font())
        lines = max(1, int((rect.height() - 4) // metrics.lineSpacing()) - 1)
        wrapped = _wrap(title, metrics, rect.width() - 8, lines)
        text = f"{start:%H:%M}–{end:%H:%M}\n" + "\n".join(wrapped)
        self.label.setText(text)
        self.label.setPos(rect.x() + 4, rect.y() + 2)

    def mark(self, problems: list[str]) -> None:
        colour = QColor("#d32f2f") if problems else QColor(COLOURS[self.session.kind])
        self.setPen(QPen(colour, 3.0 if problems else 1.5))
        self.setToolTip("\n".join(problems))

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        near = event.pos().y() > self.rect().bottom() - EDGE
        self.setCursor(Qt.CursorShape.SizeVerCursor if near else Qt.CursorShape.OpenHandCursor)
        super().hoverMoveEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._resizing = event.pos().y() > self.rect().bottom() - EDGE
        self._press = event.pos()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._resizing:
            rect = self.rect()
            rect.setBottom(max(rect.top() + GRID * PER_MINUTE, event.pos().y()))
            self.setRect(rect)
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self.editor.dropped(self)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.editor.edit_requested.emit(self.session.id or 0)

    def contextMenuEvent(  # type: ignore[override]
            self, event: QGraphicsSceneContextMenuEvent) -> None:
        menu = QMenu()
        edit = menu.addAction(QCoreApplication.translate("TimetableEditor", "Edit…"))
        delete = menu.addAction(QCoreApplication.translate("TimetableEditor",
                                                           "Delete (Del; Ctrl+Z puts it back)"))
        chosen = menu.exec(event.screenPos())
        if chosen is edit:
            self.editor.edit_requested.emit(self.session.id or 0)
        elif chosen is delete:
            self.editor.delete_requested.emit(self.session.id or 0)


class TimetableEditor(QGraphicsView):
    moved = Signal(int, int, object, object)  # session id, room id, start, end
    edit_requested = Signal(int)
    delete_requested = Signal(int)
    create_requested = Signal(int, object)  # room id, start

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.zone = ZoneInfo("UTC")
        self.lang = "en"
        self.rooms: list[Room] = []
        self.day = date.today()
        self.opens, self.closes = time(8, 0), time(20, 0)
        self.blocks: dict[int, SessionBlock] = {}
        self._ghosts: list[QGraphicsItem] = []
        self._header: QGraphicsRectItem | None = None
        self.verticalScrollBar().valueChanged.connect(self._pin_header)

    # -- geometry ----------------------------------------------------------------------
    def _origin(self) -> datetime:
        return datetime.combine(self.day, self.opens, self.zone)

    def y_of(self, at: datetime) -> float:
        return HEADER + (at - self._origin()).total_seconds() / 60 * PER_MINUTE

    def time_at(self, y: float) -> datetime:
        minutes = round((y - HEADER) / PER_MINUTE / GRID) * GRID
        return self._origin() + timedelta(minutes=max(0, minutes))

    def x_of(self, room_id: int) -> float:
        index = next(i for i, r in enumerate(self.rooms) if r.id == room_id)
        return GUTTER + index * COLUMN

    def room_at(self, x: float) -> Room:
        index = int((x - GUTTER) // COLUMN)
        return self.rooms[max(0, min(len(self.rooms) - 1, index))]

    # -- content -----------------------------------------------------------------------
    def show_day(self, day: date, rooms: list[Room], sessions: list[Session], zone: ZoneInfo,
                 opens: time, closes: time, lang: str) -> None:
        self.day, self.rooms, self.zone, self.lang = day, rooms, zone, lang
        self.opens, self.closes = opens, closes
        scene = self.scene()
        scene.clear()
        self._header = None
        self.blocks = {}
        self._ghosts = []
        height = (datetime.combine(day, closes) - datetime.combine(day, opens)
                  ).total_seconds() / 60 * PER_MINUTE
        width = GUTTER + COLUMN * len(rooms)
        grid_pen = QPen(QColor("#d0d5dd"), 0.6)
        bold = QFont()
        bold.setBold(True)
        # The room names stay in view while the day scrolls (see _pin_header); each wraps
        # onto two lines in its column (cut only past that), the whole name in its tooltip.
        self._header = scene.addRect(QRectF(0, 0, width + 10, HEADER),
                                     QPen(Qt.PenStyle.NoPen), self.palette().base())
        self._header.setZValue(10)
        metrics = QFontMetricsF(bold)
        for index, room in enumerate(rooms):
            x = GUTTER + index * COLUMN
            scene.addLine(x, 0, x, HEADER + height, grid_pen)
            full = f"{room.name(lang)} ({room.capacity})"
            title = QGraphicsSimpleTextItem(
                "\n".join(_wrap(full, metrics, COLUMN - 10, 2)), self._header)
            title.setFont(bold)
            title.setToolTip(full)
            title.setPos(x + 4, 5)
        minutes = 0
        while minutes * PER_MINUTE <= height:
            y = HEADER + minutes * PER_MINUTE
            scene.addLine(GUTTER, y, width, y, grid_pen if minutes % 60 else
                          QPen(QColor("#98a2b3"), 0.8))
            if minutes % 60 == 0:
                at = datetime.combine(day, opens) + timedelta(minutes=minutes)
                scene.addSimpleText(f"{at:%H:%M}").setPos(6, y - 7)
            minutes += 30
        for session in sessions:
            if session.room_id is None or session.local_day(zone) != day or \
                    all(r.id != session.room_id for r in rooms):
                continue
            top, bottom = self.y_of(session.starts_at), self.y_of(session.ends_at)
            block = SessionBlock(self, session, QRectF(self.x_of(session.room_id) + 3, top,
                                                       COLUMN - 6, bottom - top))
            scene.addItem(block)
            self.blocks[session.id or 0] = block
        if not rooms:
            note = scene.addSimpleText(QCoreApplication.translate(
                "TimetableEditor", "No rooms yet: add the venue's rooms with "
                                   "“Rooms and hours…” to build the programme."), bold)
            note.setPos(GUTTER + 20, HEADER + 20)
            width = max(width, GUTTER + 40 + note.boundingRect().width())
        scene.setSceneRect(0, 0, width + 10, HEADER + height + 10)
        self._pin_header()

    def _pin_header(self, _value: int = 0) -> None:
        if self._header is not None:
            self._header.setY(max(0.0, self.mapToScene(0, 0).y()))

    def show_proposals(self, placements: list[tuple[int, datetime, datetime, str]]) -> None:
        """Dashed blocks where proposed side events would go: (room id, start, end, title)."""
        self.clear_proposals()
        pen = QPen(QColor(COLOURS[SessionKind.SIDE_EVENT]), 2.0, Qt.PenStyle.DashLine)
        for room_id, start, end, title in placements:
            if start.astimezone(self.zone).date() != self.day or \
                    all(r.id != room_id for r in self.rooms):
                continue
            top, bottom = self.y_of(start), self.y_of(end)
            ghost = self.scene().addRect(QRectF(self.x_of(room_id) + 3, top, COLUMN - 6,
                                                bottom - top), pen,
                                         QBrush(QColor(106, 27, 154, 40)))
            # The label belongs to the block and is cut at its edges.
            ghost.setFlag(QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape)
            label = QGraphicsSimpleTextItem(
                f"{start.astimezone(self.zone):%H:%M} {title}"[:40], ghost)
            label.setPos(self.x_of(room_id) + 6, top + 2)
            self._ghosts.append(ghost)

    def clear_proposals(self) -> None:
        for item in self._ghosts:
            self.scene().removeItem(item)
        self._ghosts = []

    def mark_conflicts(self, problems: dict[int, list[str]]) -> None:
        for session_id, block in self.blocks.items():
            block.mark(problems.get(session_id, []))

    def dropped(self, block: SessionBlock) -> None:
        """Snap a moved or resized block and report where it now is."""
        rect = block.mapRectToScene(block.rect())
        room = self.room_at(rect.center().x())
        start = self.time_at(rect.top())
        end = max(self.time_at(rect.bottom()), start + timedelta(minutes=GRID))
        if (room.id, start, end) == (block.session.room_id, block.session.starts_at,
                                     block.session.ends_at):
            self._place(block)
            return
        self.moved.emit(block.session.id or 0, room.id or 0, start, end)

    def _place(self, block: SessionBlock) -> None:
        session = block.session
        top, bottom = self.y_of(session.starts_at), self.y_of(session.ends_at)
        block.setPos(0, 0)
        block.setRect(QRectF(self.x_of(session.room_id or 0) + 3, top, COLUMN - 6,
                             bottom - top))
        block.refresh_label()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        chosen = [item for item in self.scene().selectedItems() if isinstance(item, SessionBlock)]
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and chosen:
            for block in chosen:
                self.delete_requested.emit(block.session.id or 0)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and len(chosen) == 1:
            self.edit_requested.emit(chosen[0].session.id or 0)
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        point = self.mapToScene(event.position().toPoint())
        if self.itemAt(event.position().toPoint()) is None and self.rooms \
                and point.x() > GUTTER and point.y() > HEADER:
            self.create_requested.emit(self.room_at(point.x()).id or 0,
                                       self.time_at(point.y()))
            return
        super().mouseDoubleClickEvent(event)  # type: ignore[arg-type]
