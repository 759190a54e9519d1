"""Undo on the Speakers screen (Ctrl+Z): an inscription, a withdrawal or a move made by
mistake. Each step is undone through the services, as a new event: the record keeps both
the mistake and its correction."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bsm_desk.services import speakers
from bsm_desk.services.operators import Acting

if TYPE_CHECKING:
    from sqlite_utils import Database

INSCRIBED, WITHDREW, MOVED = "inscribed", "withdrew", "moved"
DEPTH = 50  # steps kept


@dataclass(frozen=True)
class Step:
    kind: str  # INSCRIBED, WITHDREW or MOVED
    session_id: int
    entry_id: int
    name: str  # the speaker, for the Undo button
    position: int = 0  # MOVED: where the entry waited before


class SpeakersUndo:
    def __init__(self) -> None:
        self.steps: list[Step] = []

    def push(self, step: Step) -> None:
        self.steps = [*self.steps, step][-DEPTH:]

    def last(self, session_id: int | None) -> Step | None:
        """The last step on this session's list (each list has its own)."""
        return next((s for s in reversed(self.steps) if s.session_id == session_id), None)

    def undo(self, db: Database, session_id: int, *, reason: str, who: Acting
             ) -> Step | None:
        """Undo the last step on this list; a step that can no longer be undone (the
        speaker has spoken meanwhile) raises UserError and is dropped."""
        step = self.last(session_id)
        if step is None:
            return None
        self.steps.remove(step)
        if step.kind == INSCRIBED:
            speakers.withdraw(db, session_id, step.entry_id, who=who)
        elif step.kind == WITHDREW:
            speakers.reinstate(db, session_id, step.entry_id, who=who)
        else:
            speakers.move(db, session_id, step.entry_id, step.position, reason,
                          who=who)
        return step

    def clear(self) -> None:
        self.steps = []
