"""How many delegates there are, by status and by gender: the overview's figures, read
on the first look at an event (services/event/glance.py) without loading the rest of
the delegates' store (its sealing, its audit trail)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bsm_desk.domain.model import DelegateStatus, Gender

if TYPE_CHECKING:
    from bsm_desk.store.reading import Reads


@dataclass(frozen=True, slots=True)
class Counts:
    """Delegates by status, and by gender among those not cancelled."""

    by_status: dict[DelegateStatus, int]
    by_gender: dict[Gender, int]


def counts(db: Reads) -> Counts:
    """One pass over the (status, gender) index, however many delegates there are."""
    by_status = dict.fromkeys(DelegateStatus, 0)
    by_gender = dict.fromkeys(Gender, 0)
    # Everyone, from the covering index; then the (few) merged records, taken off.
    merged = " INDEXED BY delegate_merged WHERE merged_into IS NOT NULL"
    for sign, where in ((1, ""), (-1, merged)):
        for status, gender, n in db.execute(
                f"SELECT status, gender, count(*) FROM delegate{where} GROUP BY status, gender"):
            by_status[DelegateStatus(status)] += sign * n
            if status != DelegateStatus.CANCELLED.value:
                by_gender[Gender(gender)] += sign * n
    return Counts(by_status, by_gender)
