"""The legend of the programme's colours: a swatch and the name of each kind of session,
in the interface language (the palette is domain.programme.KIND_STYLE)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from bsm_desk.domain.session_kinds import KIND_STYLE
from bsm_desk.ui.shell import i18n


class KindLegend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        for kind, style in KIND_STYLE.items():
            swatch = QLabel()
            swatch.setFixedSize(12, 12)
            swatch.setStyleSheet(f"background: {style.colour}; border-radius: 3px;")
            label = QLabel()
            row.addWidget(swatch)
            row.addWidget(label)
            row.addSpacing(10)
            self.labels[kind] = label
        row.addStretch(1)
        i18n.follow_language(self)

    def retranslate_ui(self) -> None:
        lang = i18n.language()
        for kind, label in self.labels.items():
            label.setText(KIND_STYLE[kind].name(lang))
