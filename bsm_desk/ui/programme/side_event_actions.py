"""The Programme screen's side-event work: the requests organizers sent, and rooms and
times found for them, reviewed on the timetable and accepted all or some."""

from __future__ import annotations

from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from bsm_desk import config
from bsm_desk.services.operators import acting_at
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.errors import show_error

if TYPE_CHECKING:
    from sqlite_utils import Database

    from bsm_desk.services.programme import Programme
    from bsm_desk.ui.programme.timetable_editor import TimetableEditor


class ProgrammeHost(Protocol):
    """What the side-event work needs of the Programme screen."""

    db: Database | None
    path: Path | None
    programme: Programme | None
    settings: config.Settings
    editor: TimetableEditor
    proposed: list[tuple[int, datetime, datetime, str]]

    def show_time(self, at: datetime) -> None: ...

    def allocated(self, created: list[int]) -> None: ...


class SideEventActions:
    """The side-event requests and their allocation, for the Programme screen (``host``);
    ``widget`` is the parent of its dialogs. Its words are in the ProgrammeScreen
    context, with the screen's own."""

    def __init__(self, host: ProgrammeHost, widget: QWidget) -> None:
        self.host = host
        self.widget = widget

    def edit_requests(self) -> None:
        from bsm_desk.ui.programme.side_events_dialog import SideEventsDialog

        host = self.host
        if host.db is None:
            return
        dialog = SideEventsDialog(host.db, host.settings, host.path.parent if host.path else None,
                                self.widget)
        dialog.exec()
        if dialog.allocate_requested:
            self.allocate()

    def allocate(self) -> None:
        """Find rooms and times for the pending requests, show them, apply the chosen."""
        from bsm_desk.services.event.files import connect, db_file
        from bsm_desk.services.programme import allocation
        from bsm_desk.ui.shell.workers import Progress, run_with_progress

        if self.host.db is None:
            return
        path = db_file(self.host.db)

        def job(progress: Progress) -> allocation.Proposal:
            with closing(connect(path)) as db:
                return allocation.allocate(db, time_limit=5.0)

        title = QCoreApplication.translate("ProgrammeScreen", "Programme")
        run_with_progress(
            self.widget, QCoreApplication.translate("ProgrammeScreen",
                                             "Finding rooms and times (at most 5 seconds)…"),
            job, on_done=self._review,
            on_failed=lambda exc: show_error(self.widget, title, exc))

    def _review(self, proposal: object) -> None:
        from bsm_desk.services.programme import allocation
        from bsm_desk.ui.programme.allocation_dialog import AllocationDialog

        assert isinstance(proposal, allocation.Proposal)
        if self.host.programme is None or self.host.db is None:
            return
        if not proposal.placements:
            QMessageBox.information(
                self.widget, QCoreApplication.translate("ProgrammeScreen", "Programme"),
                QCoreApplication.translate("ProgrammeScreen",
                                           "There are no side-event requests waiting."))
            return
        lang = i18n.language()
        self.host.proposed = [(p.room.id or 0, p.start, p.end, p.request.title(lang))
                         for p in proposal.placements if p.placed and p.room and p.start and p.end]
        self.host.editor.show_proposals(self.host.proposed)
        dialog = AllocationDialog(proposal, self.host.programme.event.zone, self.widget)
        dialog.placement_selected.connect(self.host.show_time)
        accepted = dialog.exec()
        self.host.proposed = []
        self.host.editor.clear_proposals()
        if accepted and dialog.chosen():
            settings = self.host.settings
            created = allocation.apply(self.host.db, proposal,
                                       who=acting_at(self.host.db, settings),
                                       only=dialog.chosen())
            self.host.allocated(created)
