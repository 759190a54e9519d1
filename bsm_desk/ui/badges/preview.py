"""The Badges screen's preview: the chosen layout, the selected badge as it will print
(the real PDF, rendered by PDFium: what is seen is what prints) and its state (version,
reissues, prints)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from bsm_desk.domain.model import BadgeLayout as Layout
from bsm_desk.domain.model import ReissueReason
from bsm_desk.ui.badges import printing
from bsm_desk.ui.badges.service import badge_service
from bsm_desk.ui.shell.errors import translate_error
from bsm_desk.ui.shell.state import window_settings

if TYPE_CHECKING:
    from sqlite_utils import Database

PREVIEW_WIDTH = 280  # the preview fits a 1280 x 720 screen beside the list


class BadgePreview(QWidget):
    """The layout chooser, the badge and its state; ``reason_text`` names a reissue's
    reason in the interface's language."""

    layout_changed = Signal()

    def __init__(self, reason_text: Callable[[ReissueReason], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reason_text = reason_text
        self.layout_label = QLabel()
        self.layout_box = QComboBox()
        for layout in Layout:
            self.layout_box.addItem("", layout.value)
        stored = str(window_settings().value("badges/layout", Layout.A6.value))
        self.layout_box.setCurrentIndex(max(self.layout_box.findData(stored), 0))
        self.layout_box.currentIndexChanged.connect(self._layout_changed)
        self.layout_label.setBuddy(self.layout_box)
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFixedSize(PREVIEW_WIDTH, int(PREVIEW_WIDTH * 1.42))
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setStyleSheet("QLabel { background: palette(mid); padding: 12px; }")
        self.preview.setWordWrap(True)  # the hint in its place, whole in any language
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.info.setFixedWidth(PREVIEW_WIDTH)
        chooser = QHBoxLayout()
        chooser.addWidget(self.layout_label)
        chooser.addWidget(self.layout_box, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(chooser)
        column.addWidget(self.preview)
        column.addWidget(self.info)

    def badge_layout(self) -> Layout:
        return Layout(self.layout_box.currentData())

    def _layout_changed(self) -> None:
        window_settings().setValue("badges/layout", self.badge_layout().value)
        self.layout_changed.emit()

    def clear(self) -> None:
        self.preview.clear()
        self.info.clear()

    def show_badge(self, db: Database | None, delegate_id: int | None,
                   zone: tzinfo | None) -> None:
        """The badge of ``delegate_id`` as it will print (its times as the venue lives
        them), or what to do when nobody is chosen."""
        if db is None or delegate_id is None:
            self.clear()
            self.preview.setText(self.tr("Select a delegate to see the badge."))
            return
        try:
            prepared = badge_service().prepare(db, [delegate_id], self.badge_layout())
        except Exception as exc:  # noqa: BLE001 - shown in place of the preview
            self.preview.setText(translate_error(exc))
            return
        ratio = self.devicePixelRatioF()
        width, height = printing.page_points(prepared.pdf)
        scale = min((self.preview.width() - 12) / width, (self.preview.height() - 12) / height)
        image = printing.page_image(prepared.pdf, 0, 72 * scale * ratio)
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self.preview.setPixmap(pixmap)
        self.info.setText(self._status_text(db, delegate_id, zone))

    def _status_text(self, db: Database, delegate_id: int, zone: tzinfo | None) -> str:
        state = badge_service().status(db, delegate_id)
        lines = [self.tr("Badge version {version}.").format(version=state.version)]
        if state.reissues:
            last = state.reissues[-1]
            lines.append(self.tr("Reissued ({reason}) {when}; earlier badges are revoked.")
                         .format(reason=self._reason_text(ReissueReason(last.reason)),
                                 when=last.at.astimezone(zone).strftime("%d.%m %H:%M")))
        current = [p for p in state.prints if p.version == state.version]
        if current:
            last_print = current[-1]
            lines.append(self.tr("Prints of this version: {count}, the last {when} at {desk}.")
                         .format(count=len(current),
                                 when=last_print.at.astimezone(zone).strftime("%d.%m %H:%M"),
                                 desk=current[-1].operator or current[-1].desk_id[:8]))
        else:
            lines.append(self.tr("Not printed yet."))
        return " ".join(lines)

    def retranslate_ui(self) -> None:
        self.layout_label.setText(self.tr("&Layout:"))
        names = {Layout.CR80: self.tr("CR80 card, 85.6 × 54 mm"),
                 Layout.A6: self.tr("A6 badge, 105 × 148 mm"),
                 Layout.A4_4UP: self.tr("A4 sheet, four A6 with cut marks")}
        for index in range(self.layout_box.count()):
            self.layout_box.setItemText(index, names[Layout(self.layout_box.itemData(index))])
