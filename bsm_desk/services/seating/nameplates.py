"""Printing a session's nameplates, and remembering what each plate said: after a
change, only the plates whose text changed print again."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.services.operators import Acting, Permission, requires
from bsm_desk.services.seating.plans import plan_of
from bsm_desk.services.seating.printing import plate_digest, write_nameplates
from bsm_desk.store import atomic
from bsm_desk.store import seating as store

if TYPE_CHECKING:
    from sqlite_utils import Database

NO_CHANGED_PLATES = QT_TRANSLATE_NOOP("UserError", "Every nameplate of this session is "
                                                   "printed as it stands: nothing changed.")


@requires(Permission.EXPORT)
def print_nameplates(db: Database, session_id: int, out: str | Path, lang: str = "en", *,
                     changed: bool = False, who: Acting) -> tuple[Path, int]:
    """Write the session's nameplates (``changed``: only those whose text differs from
    what this desk last printed, or that it never printed); (the file, plates in it).
    The plates written are noted as printed."""
    plan = plan_of(db, session_id)
    digests = {d.id: plate_digest(d, lang) for d in plan.seated()}
    if changed:
        before = store.printed(db, session_id)
        digests = {i: h for i, h in digests.items() if before.get(i) != h}
    if not digests:
        raise UserError(NO_CHANGED_PLATES)
    path = write_nameplates(plan, out, lang, only=set(digests))
    with atomic(db):
        store.mark_printed(db, session_id, digests)
    return path, len(digests)
