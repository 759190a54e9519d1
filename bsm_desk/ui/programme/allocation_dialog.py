"""Reviewing the allocator's proposal: each request with its room and time, or the
reason it could not be placed; tick the ones to put into the programme."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bsm_desk.services.programme.allocation import REASONS, Proposal
from bsm_desk.ui.shell import i18n


class AllocationDialog(QDialog):
    placement_selected = Signal(object)  # the start (datetime) of the line chosen

    def __init__(self, proposal: Proposal, zone: object,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proposal = proposal
        self.setWindowTitle(self.tr("Side events: proposed rooms and times"))
        placed = sum(1 for p in proposal.placements if p.placed)
        firsts = sum(1 for p in proposal.placements if p.choice == 0)
        summary = QLabel(self.tr(
            "{placed} of {total} requests placed, {firsts} at their first choice ({proof}), "
            "with {buffer} minutes free between events in a room. The dashed blocks on the "
            "timetable show where they would go: choose a line to see its day. Untick what "
            "you do not want, then accept.").format(
            placed=placed, total=len(proposal.placements), firsts=firsts,
            buffer=proposal.buffer,
            proof=self.tr("optimal") if proposal.optimal else
            self.tr("best found within the time limit")))
        summary.setWordWrap(True)
        self.items = QListWidget()
        lang = i18n.language()
        for p in proposal.placements:
            title = p.request.title(lang)
            if p.placed and p.room is not None and p.start and p.end:
                start, end = p.start.astimezone(zone), p.end.astimezone(zone)  # type: ignore[arg-type]
                text = f"{start:%d.%m %H:%M}–{end:%H:%M} · {p.room.name(lang)} · {title}"
                item = QListWidgetItem(text)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
            else:
                reason = QCoreApplication.translate("Allocation", REASONS[p.why]).format(
                    expected=p.request.expected) if p.why else ""
                item = QListWidgetItem(self.tr("Not placed: {title} — {reason}").format(
                    title=title, reason=reason))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
                item.setForeground(Qt.GlobalColor.darkRed)
            item.setData(Qt.ItemDataRole.UserRole, p.request.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, p.start)
            self.items.addItem(item)
        self.items.currentItemChanged.connect(self._chosen_line)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Accept the ticked ones"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.items, 1)
        layout.addWidget(buttons)
        self.resize(760, 480)

    def _chosen_line(self, item: QListWidgetItem | None) -> None:
        start = item.data(Qt.ItemDataRole.UserRole + 1) if item is not None else None
        if isinstance(start, datetime):
            self.placement_selected.emit(start)

    def chosen(self) -> set[int]:
        return {self.items.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.items.count())
                if self.items.item(i).checkState() == Qt.CheckState.Checked}
