"""What the Event overview screen shows, read in one go — from any open event (a bare
connection too: the window's first paint reads it before the store is loaded)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from bsm_desk.domain import errors
from bsm_desk.domain.errors import UserError
from bsm_desk.domain.model import (
    Category,
    Day,
    DelegateStatus,
    Delegation,
    Event,
    Gender,
    Room,
    Session,
)
from bsm_desk.store import categories as category_store
from bsm_desk.store import delegations as delegation_store
from bsm_desk.store import event as event_store
from bsm_desk.store import rooms, sessions
from bsm_desk.store.delegate_counts import counts as delegate_counts

if TYPE_CHECKING:
    from bsm_desk.store.reading import Reads


@dataclass(frozen=True)
class Overview:
    """What the Event overview screen shows, read in one go."""

    event: Event
    days: list[Day]
    rooms: list[Room]
    sessions: list[Session]
    categories: list[Category]
    delegations: list[Delegation]
    by_status: dict[DelegateStatus, int] = field(default_factory=dict)
    by_gender: dict[Gender, int] = field(default_factory=dict)

    @property
    def delegates(self) -> int:
        return sum(self.by_status.values())

    def room(self, room_id: int | None) -> Room | None:
        return next((r for r in self.rooms if r.id == room_id), None)

    def sessions_on(self, day: date) -> list[Session]:
        zone = self.event.zone
        return [s for s in self.sessions if s.local_day(zone) == day]


def overview(db: Reads, path: str | Path = "") -> Overview:
    event = event_store.get_event(db)
    if event is None:
        raise UserError(errors.NO_EVENT, path=str(path))
    counts = delegate_counts(db)
    return Overview(
        event=event, days=event_store.list_days(db), rooms=rooms.list_rooms(db),
        sessions=sessions.list_sessions(db), categories=category_store.list_categories(db),
        delegations=delegation_store.list_delegations(db),
        by_status=counts.by_status, by_gender=counts.by_gender,
    )
