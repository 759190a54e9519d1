"""The Programme screen's side-event work: the requests organizers sent, and rooms and
times found for them, reviewed on the timetable and accepted all or some."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox
from sqlite_utils import Database

from bsm_desk import config
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.errors import translate_error

if TYPE_CHECKING:
    from bsm_desk.services.programme import Programme
    from bsm_desk.ui.programme.timetable_editor import TimetableEditor


class SideEventActions:
    """Mixed into ProgrammeScreen (a QWidget), whose state it uses. Its words are in the
    ProgrammeScreen context: self.tr would look there at run time, lupdate would not."""

    db: Database | None
    path: Path | None
    programme: Programme | None
    settings: config.Settings
    editor: TimetableEditor
    proposed: list[tuple[int, datetime, datetime, str]]
    _allocated: Callable[[list[int]], None]

    def edit_requests(self) -> None:
        from bsm_desk.ui.programme.side_events_dialog import RequestsDialog

        if self.db is None:
            return
        dialog = RequestsDialog(self.db, self.settings, self.path.parent if self.path else None,
                                self)
        dialog.exec()
        if dialog.allocate_requested:
            self.allocate()

    def allocate(self) -> None:
        """Find rooms and times for the pending requests, show them, apply the chosen."""
        from bsm_desk.services.programme import allocation
        from bsm_desk.store import connect
        from bsm_desk.store.db import db_file
        from bsm_desk.ui.shell.workers import Progress, run_with_progress

        if self.db is None:
            return
        path = db_file(self.db)

        def job(progress: Progress) -> allocation.Proposal:
            with closing(connect(path)) as db:
                return allocation.allocate(db, time_limit=5.0)

        title = QCoreApplication.translate("ProgrammeScreen", "Programme")
        run_with_progress(
            self, QCoreApplication.translate("ProgrammeScreen",
                                             "Finding rooms and times (at most 5 seconds)…"),
            job, on_done=self._review,
            on_failed=lambda exc: QMessageBox.critical(self, title, translate_error(exc)))

    def _review(self, proposal: object) -> None:
        from bsm_desk.services.programme import allocation
        from bsm_desk.ui.programme.allocation_dialog import AllocationDialog

        assert isinstance(proposal, allocation.Proposal)
        if self.programme is None or self.db is None:
            return
        if not proposal.placements:
            QMessageBox.information(
                self, QCoreApplication.translate("ProgrammeScreen", "Programme"),
                QCoreApplication.translate("ProgrammeScreen",
                                           "There are no side-event requests waiting."))
            return
        lang = i18n.language()
        self.proposed = [(p.room.id or 0, p.start, p.end, p.request.title(lang))
                         for p in proposal.placements if p.placed and p.room and p.start and p.end]
        self.editor.show_proposals(self.proposed)
        dialog = AllocationDialog(proposal, self.programme.event.zone, self)
        dialog.placement_selected.connect(self.show_time)
        accepted = dialog.exec()
        self.proposed = []
        self.editor.clear_proposals()
        if accepted and dialog.chosen():
            created = allocation.apply(self.db, proposal, desk_id=self.settings.desk_id,
                                       operator=self.settings.desk_name, only=dialog.chosen())
            self._allocated(created)
