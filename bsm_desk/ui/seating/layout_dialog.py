"""A room's seating layout, edited: a shape from the usual ones, its rows and places,
the podium's places, and on the drawing below the places a wheelchair reaches (click a
place) or taken out for a pillar or a door (Shift+click). The room's seats follow."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bsm_desk.domain.seating import AROUND_TABLES, Layout, Shape, capacity, places
from bsm_desk.ui.seating.plan_view import PlanView
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.theme import give_role


class LayoutDialog(QDialog):
    def __init__(self, room_name: str, layout: Layout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_value = layout
        self.room_name = room_name
        self.shape = QComboBox()
        for shape in Shape:
            self.shape.addItem("", shape.value)
        self.shape.setCurrentIndex(self.shape.findData(layout.shape.value))
        self.rows, self.per_row, self.podium = QSpinBox(), QSpinBox(), QSpinBox()
        self.rows.setRange(0, 80)
        self.per_row.setRange(1, 400)
        self.podium.setRange(0, 40)
        self.rows.setValue(layout.rows)
        self.per_row.setValue(layout.per_row)
        self.podium.setValue(layout.podium)
        self.rows_label, self.per_row_label = QLabel(), QLabel()
        self.podium_label, self.shape_label = QLabel(), QLabel()
        self.capacity = QLabel()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        give_role(self.hint, "subtitle")
        self.view = PlanView()
        self.view.movable = False
        self.view.setMinimumSize(560, 320)
        self.view.clicked.connect(self._toggle)
        form = QFormLayout()
        form.addRow(self.shape_label, self.shape)
        form.addRow(self.rows_label, self.rows)
        form.addRow(self.per_row_label, self.per_row)
        form.addRow(self.podium_label, self.podium)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.capacity)
        box.addWidget(self.view, 1)
        box.addWidget(self.hint)
        box.addWidget(self.buttons)
        for spin in (self.rows, self.per_row, self.podium):
            spin.valueChanged.connect(lambda _v: self._changed())
        self.shape.currentIndexChanged.connect(lambda _i: self._changed())
        self.retranslate_ui()
        self._draw()

    def _changed(self) -> None:
        shape = Shape(self.shape.currentData())
        rows = self.rows.value()
        if shape in AROUND_TABLES:
            rows = min(rows, 2)
        elif rows < 1:
            rows = 1
        # Marks stay on the places they were put on while their numbers still exist.
        self.layout_value = Layout(shape, rows, self.per_row.value(), self.podium.value(),
                                   self.layout_value.accessible, self.layout_value.removed)
        self._draw()

    def _toggle(self, number: int, modifiers: object) -> None:
        value = self.layout_value
        if isinstance(modifiers, Qt.KeyboardModifier) and \
                modifiers & Qt.KeyboardModifier.ShiftModifier:
            removed = set(value.removed) ^ {number}
            self.layout_value = replace(value, removed=frozenset(removed))
        else:
            accessible = set(value.accessible) ^ {number}
            self.layout_value = replace(value, accessible=frozenset(accessible))
        self._draw()

    def _draw(self) -> None:
        value = self.layout_value
        problem = value.problem()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(problem is None)
        if problem is not None:
            self.capacity.setText(self.tr("This layout cannot be: check the numbers."))
            self.view.clear()
            return
        # The removed places drawn hollow, so that a second Shift+click brings one back.
        shown = places(replace(value, removed=frozenset()))
        self.view.show_places(shown, {}, {}, {}, set(), i18n.language(),
                              removed=set(value.removed))
        self.capacity.setText(self.tr("{places} places on the floor, {podium} at the "
                                      "podium").format(places=capacity(value),
                                                       podium=value.podium))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Seating layout: {room}").format(room=self.room_name))
        words = {Shape.THEATRE: self.tr("Theatre (rows of chairs)"),
                 Shape.CLASSROOM: self.tr("Classroom (rows of tables)"),
                 Shape.U_SHAPE: self.tr("U-shape"),
                 Shape.HOLLOW_SQUARE: self.tr("Hollow square"),
                 Shape.BOARDROOM: self.tr("Boardroom (one long table)")}
        for index in range(self.shape.count()):
            self.shape.setItemText(index, words[Shape(self.shape.itemData(index))])
        self.shape_label.setText(self.tr("Shape"))
        self.rows_label.setText(self.tr("Rows (around tables: chairs behind each place, 0–2)"))
        self.per_row_label.setText(self.tr("Places in a row (around tables: at the table)"))
        self.podium_label.setText(self.tr("Places at the podium"))
        self.hint.setText(self.tr("Click a place: a wheelchair reaches it (blue edge). "
                                  "Shift+click: take it out (a pillar, a door); again to "
                                  "bring it back. Ctrl+wheel zooms."))
