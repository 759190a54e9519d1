"""The list of speakers as a table whose waiting rows are dragged to a new place, and
where a drop puts the entry among those waiting."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTableWidget

from bsm_desk.services.speakers import Listed, SpeakerList

if TYPE_CHECKING:
    from PySide6.QtGui import QDropEvent


class SpeakerTable(QTableWidget):
    """The list, whose rows are dragged to a new place: the drop is only reported (the
    screen asks for the reason and moves the entry through the service), the table
    itself never rearranges its cells."""

    dropped = Signal(int, int)  # the row dragged, the row dropped on (-1: below the last)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        source = self.currentRow()
        target = self.indexAt(event.position().toPoint()).row()
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if source >= 0 and source != target:
            self.dropped.emit(source, target)


def drop_position(listed: SpeakerList, source_row: int,
                  target_row: int) -> tuple[Listed, int] | None:
    """The waiting entry dragged from ``source_row`` and its new place among those
    waiting (1: next) when dropped on ``target_row`` (-1: below the last); None when the
    row dragged is not waiting."""
    entries, waiting = listed.entries, listed.waiting()
    moved = entries[source_row] if 0 <= source_row < len(entries) else None
    if moved is None or moved not in waiting:
        return None
    target = entries[target_row] if 0 <= target_row < len(entries) else None
    if target is None:
        return moved, len(waiting)  # below the last: last
    if target in waiting:
        return moved, waiting.index(target) + 1
    return moved, 1  # onto those who spoke or speak: next
