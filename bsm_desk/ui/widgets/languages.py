"""The working languages of a session or side event, and whether it needs interpretation."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget


class LanguageChoice(QWidget):
    def __init__(self, languages: tuple[str, ...], interpretation: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.english = QCheckBox(self.tr("English"))
        self.russian = QCheckBox(self.tr("Russian"))
        self.interpretation = QCheckBox(self.tr("Interpretation needed"))
        self.english.setChecked("en" in languages)
        self.russian.setChecked("ru" in languages)
        self.interpretation.setChecked(interpretation)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for box in (self.english, self.russian, self.interpretation):
            layout.addWidget(box)

    def languages(self) -> tuple[str, ...]:
        return tuple(code for code, box in (("en", self.english), ("ru", self.russian))
                     if box.isChecked())
