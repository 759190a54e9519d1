"""Who sits at the podium, and how many places each kind of delegation takes: tick the
delegations of the podium (the host, the co-organizers, the chair's party) and drag them
into their order there; choose 1 to 3 places for a delegation of each block."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bsm_desk.domain.seating import FLOOR, PLACES, Block, Seated
from bsm_desk.services.seating.printing import BLOCK_WORDS
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.theme import give_role

DELEGATION = Qt.ItemDataRole.UserRole + 1


def _seating_tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Seating", text)


class PodiumDialog(QDialog):
    def __init__(self, delegations: Sequence[Seated], podium: Sequence[int],
                 places: Mapping[Block, int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lang = i18n.language()
        self.list = QListWidget()
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        by_id = {d.id: d for d in delegations}
        first = [by_id[i] for i in podium if i in by_id]  # the podium's, in its order
        rest = sorted((d for d in delegations if d.id not in podium),
                      key=lambda d: d.name(lang).casefold())
        for d in [*first, *rest]:
            item = QListWidgetItem(d.name(lang))
            item.setData(DELEGATION, d.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable
                          | Qt.ItemFlag.ItemIsDragEnabled)
            item.setCheckState(Qt.CheckState.Checked if d.id in podium
                               else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.spins: dict[Block, QSpinBox] = {}
        form = QFormLayout()
        for block in FLOOR:
            spin = QSpinBox()
            spin.setRange(1, 3)
            spin.setValue(places.get(block, PLACES[block]))
            self.spins[block] = spin
            form.addRow(_seating_tr(BLOCK_WORDS[block]), spin)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        give_role(self.hint, "subtitle")
        self.places_label = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        right = QVBoxLayout()
        right.addWidget(self.places_label)
        right.addLayout(form)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.list, 2)
        body.addLayout(right, 1)
        box = QVBoxLayout(self)
        box.addWidget(self.hint)
        box.addLayout(body, 1)
        box.addWidget(buttons)
        self.resize(640, 480)
        self.setWindowTitle(self.tr("Podium and places"))
        self.hint.setText(self.tr("Tick the delegations at the podium and drag them into "
                                  "their order there (the host first)."))
        self.places_label.setText(self.tr("Places a delegation takes:"))

    def podium(self) -> list[int]:
        """The ticked delegations, in the list's order."""
        return [int(self.list.item(row).data(DELEGATION)) for row in range(self.list.count())
                if self.list.item(row).checkState() == Qt.CheckState.Checked]

    def places(self) -> dict[Block, int]:
        return {block: spin.value() for block, spin in self.spins.items()}
