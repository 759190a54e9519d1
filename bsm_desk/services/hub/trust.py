"""Whether a change of an authority row from the hub (an operator, the event's settings,
the sealed data's key) may be taken in here: only with a signature this desk can check
(domain/authority.py), never on a desk login's word."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bsm_desk.domain import authority
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP
from bsm_desk.store import authority as store
from bsm_desk.store import event as event_store
from bsm_desk.store import hub_row_changes

if TYPE_CHECKING:
    from sqlite_utils import Database

NOT_SIGNED = QT_TRANSLATE_NOOP("Sync", "A change of {what} from desk {desk} ({at}) is not "
                                       "signed by an administrator this desk knows: not "
                                       "taken in. If it is genuine, make the first "
                                       "administrator at the desk that runs the hub, or "
                                       "join this desk again.")
FIXED = QT_TRANSLATE_NOOP("Sync", "Desk {desk} sent the event with another {field} ({at}): "
                                  "an event's code and badge key never change once desks "
                                  "share it; not taken in.")
ADMINISTRATOR = "administrator"


def problem(db: Database, change: hub_row_changes.Change, *, by_owner: bool
            ) -> tuple[str, dict[str, Any]] | None:
    """None when the change may be taken in; else the reason, for the review list."""
    if change.table not in authority.TABLES:
        return None
    shown = {"table": change.table, "key": change.key, "desk": change.desk_id[:64],
             "at": change.at[:40]}
    table = hub_row_changes.BY_NAME[change.table]
    here = hub_row_changes.read(db, table, change.key)
    if change.table == "event" and here is not None:
        for field in authority.FIXED_EVENT_FIELDS:
            if change.row is None or change.row.get(field) != here.get(field):
                return FIXED, {**shown, "field": field}
    operators = store.trusted(db)
    if change.table != "operator" and not operators:
        return None  # an event with no operators has no authority to check against
    event = event_store.get_event(db)
    signed = authority.message(event.code if event else "", change.table, change.key,
                               change.hash, change.at)
    signer = operators.get(change.signer) if change.signer is not None else None
    if signer is not None and not signer[1] and \
            authority.verifies(signer[2], signed, change.signature):
        if signer[0] == ADMINISTRATOR:
            return None
        if change.table == "operator" and change.key == [change.signer] and \
                authority.own_change(here, change.row):
            return None  # an operator's own new password, signed with their own key
    if _first_administrator(change, operators, signed, by_owner=by_owner):
        return None
    return NOT_SIGNED, shown


def _first_administrator(change: hub_row_changes.Change, operators: dict[int, Any], signed: bytes,
                         *, by_owner: bool) -> bool:
    """The event's first administrator, made at the desk of the hub's owner (the hub
    says which desk wrote it; a desk login cannot), signed with its own key, to a desk
    with no operators yet."""
    row = change.row
    return (not operators and by_owner and change.table == "operator" and row is not None
            and row.get("role") == ADMINISTRATOR and change.key == [change.signer]
            and row.get("id") == change.signer
            and authority.verifies(row.get("sign_key"), signed, change.signature))
