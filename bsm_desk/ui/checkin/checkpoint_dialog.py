"""A checkpoint's rules: whether a second scan is a re-entry, and who may enter a session."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from bsm_desk.domain.checkin import Checkpoint
from bsm_desk.domain.model import Category, may_enter
from bsm_desk.services import checkin
from bsm_desk.services.operators import Acting
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.theme import give_role

if TYPE_CHECKING:
    from sqlite_utils import Database


class CheckpointDialog(QDialog):
    def __init__(self, db: Database, point: Checkpoint, categories: list[Category],
                 name: str, *, who: Acting,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.point, self.categories = db, point, categories
        self.who = who
        self.setWindowTitle(self.tr("Checkpoint rules"))
        layout = QVBoxLayout(self)
        title = QLabel(name)
        give_role(title, "title")
        title.setWordWrap(True)
        layout.addWidget(title)
        self.readmit = QCheckBox(self.tr("Allow re-entry: a second scan here lets the person "
                                         "in again (shown as “Already checked in”)"))
        self.readmit.setChecked(point.readmit)
        layout.addWidget(self.readmit)
        self.boxes: dict[int, QCheckBox] = {}
        if point.session is not None:
            group = QGroupBox(self.tr("Who may enter this session"))
            inner = QVBoxLayout(group)
            lang = i18n.language()
            for category in categories:
                box = QCheckBox(category.name(lang))
                box.setChecked(may_enter(point.session, category))
                inner.addWidget(box)
                self.boxes[category.id or 0] = box
            layout.addWidget(group)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def allowed(self) -> list[int]:
        return [category_id for category_id, box in self.boxes.items() if box.isChecked()]

    def save(self) -> None:
        if self.readmit.isChecked() != self.point.readmit:
            checkin.set_readmit(self.db, self.point.id, self.readmit.isChecked(), who=self.who)
        session = self.point.session
        if session is not None and session.id is not None:
            before = [c.id for c in self.categories if may_enter(session, c)]
            if self.allowed() != before:
                checkin.set_access(self.db, session.id, self.allowed(), who=self.who)
        self.accept()
