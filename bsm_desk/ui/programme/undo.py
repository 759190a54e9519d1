"""Undo on the Programme screen: a block dragged by mistake, a session changed, added or
deleted. Each step is undone through the same services that made it (and journaled)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from bsm_desk.domain.model import Session
from bsm_desk.services import programme as programme_service
from bsm_desk.services.operators import Acting
from bsm_desk.services.programme import Removed
from bsm_desk.ui.shell import i18n

if TYPE_CHECKING:
    from sqlite_utils import Database

CHANGED, ADDED, DELETED = "changed", "added", "deleted"
DEPTH = 50  # steps kept


@dataclass
class Step:
    kind: str  # CHANGED, ADDED (one session by hand, or an allocation's) or DELETED
    title: str  # for the Undo button
    session_ids: list[int]  # the sessions the step is about
    before: Session | None = None  # CHANGED: as it was
    people: list[int] | None = None  # CHANGED: its panellists as they were
    removed: Removed | None = None  # DELETED: what to put back


class ProgrammeUndo:
    def __init__(self, who: Callable[[], Acting]) -> None:
        self.who = who  # who acts, asked when a step is undone
        self.steps: list[Step] = []

    def changed(self, before: Session, people: set[int]) -> None:
        self._push(Step(CHANGED, _title(before), [before.id or 0], before=before,
                        people=sorted(people)))

    def added(self, session: Session, session_id: int) -> None:
        self._push(Step(ADDED, _title(session), [session_id]))

    def deleted(self, removed: Removed) -> None:
        self._push(Step(DELETED, _title(removed.session), [removed.session.id or 0],
                        removed=removed))

    def allocated(self, session_ids: list[int], title: str) -> None:
        self._push(Step(ADDED, title, list(session_ids)))

    def last(self) -> Step | None:
        return self.steps[-1] if self.steps else None

    def undo(self, db: Database) -> Step | None:
        """Undo the last step; raises UserError (the step is kept) if it cannot be."""
        if not self.steps:
            return None
        step = self.steps[-1]
        if step.kind == CHANGED and step.before is not None:
            programme_service.save_session(db, step.before, panellists=step.people,
                                           who=self.who())
        elif step.kind == ADDED:
            programme_service.delete_sessions(db, step.session_ids, who=self.who())
        elif step.kind == DELETED and step.removed is not None:
            new_id = programme_service.restore_session(db, step.removed, who=self.who())
            self._renumber(step.session_ids[0], new_id)
        self.steps.pop()
        return step

    def clear(self) -> None:
        self.steps = []

    def _push(self, step: Step) -> None:
        self.steps = [*self.steps[-(DEPTH - 1):], step]

    def _renumber(self, old: int, new: int) -> None:
        """A session put back has a new number: earlier steps about it follow."""
        for step in self.steps:
            step.session_ids = [new if x == old else x for x in step.session_ids]
            if step.before is not None and step.before.id == old:
                step.before = replace(step.before, id=new)


def _title(session: Session) -> str:
    return session.title(i18n.language())
