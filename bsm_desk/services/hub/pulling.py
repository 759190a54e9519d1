"""Taking in what the other desks sent: check-ins (union; a person let in twice listed),
events of every other kind (badges, new delegates, edits and merges), each with its own
rule; whatever cannot be taken in goes to the review list with its reason, and the round
goes on."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from bsm_desk.domain import hub_rows
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP
from bsm_desk.domain.operators import PERMISSION_WORDS, Permission, may
from bsm_desk.services.hub import rows
from bsm_desk.store import atomic, hub, hub_row_changes, privacy
from bsm_desk.store import checkins as checkin_store
from bsm_desk.store import hub_desk_state as state

if TYPE_CHECKING:
    from sqlite_utils import Database

PULL_BATCH = 500  # taken in per local transaction: a scan waits for at most one
UNKNOWN_DELEGATE = QT_TRANSLATE_NOOP("Sync", "A check-in from desk {desk} of a delegate this "
                                             "desk does not know (id {delegate}).")
ALREADY_BOTH = QT_TRANSLATE_NOOP("Sync", "ALREADY: let in at {first_desk} ({first_at}) and "
                                         "again at {second_desk} ({second_at}) while the two "
                                         "desks could not see each other; counted once.")
SAME_BADGE = QT_TRANSLATE_NOOP("Sync", "Desk {desk} also reissued badge version {version} of "
                                       "delegate {delegate} ({at}) while the desks could not "
                                       "see each other: the two badges carry the same code.")
UNKNOWN_KIND = QT_TRANSLATE_NOOP("Sync", "An event of a kind this desk does not know ({kind}, "
                                         "from desk {desk}): update this desk.")
REVIEW_CONTEXT = "Sync"  # the reasons' translation context
EDIT_LOST = QT_TRANSLATE_NOOP("Sync", "Desk {desk} set {field} of delegate {delegate} to "
                                      "\u201c{value}\u201d ({at}), before this desk's own "
                                      "later change: this desk's stands.")
EDIT_REPLACED = QT_TRANSLATE_NOOP("Sync", "Desk {desk} set {field} of delegate {delegate} to "
                                          "\u201c{value}\u201d ({at}), after this desk's "
                                          "change of {before}: the later one stands.")
NOT_PERMITTED = QT_TRANSLATE_NOOP("Sync", "Desk {desk} sent a change of delegate {delegate} "
                                          "by {operator}, who may not {action} at this "
                                          "event: not taken in.")
NOT_AN_OPERATOR = QT_TRANSLATE_NOOP("Sync", "A check-in from desk {desk} ({at}) by {operator}, "
                                            "who is not an operator of this event: counted "
                                            "(the person was let in), listed to look into.")


class Roles:
    """The same rules for what comes from the hub: once the event has operators, a
    change made after sign-in began counts only if its operator's role allowed it."""

    def __init__(self, db: Database) -> None:
        from bsm_desk.store import operators as operator_store

        self.since = operator_store.first_created(db)
        self.by_name = {o.name.casefold(): o for o in operator_store.all_operators(db)}

    def allows(self, name: Any, at: Any, permission: Permission) -> bool:
        if self.since is None or str(at) < self.since:
            return True
        found = self.by_name.get(str(name or "").strip().casefold())
        return found is not None and may(found.role, permission)


# What a damaged or hostile row from the hub raises when taken in: kept for review, the
# round goes on.
MALFORMED = (TypeError, ValueError, KeyError, AttributeError, sqlite3.InterfaceError,
             sqlite3.ProgrammingError, sqlite3.DataError, OverflowError)


def take_edit(db: Database, row: dict[str, Any]) -> bool:
    """A delegate's fields changed at another desk: each field takes the later of the
    two desks' values (the earlier stays in the history and is listed for review)."""
    from bsm_desk.services.registry import typed_value
    from bsm_desk.store import delegates as delegate_store

    delegate = delegate_store.get_delegate(db, int(row["delegate_id"]))
    if delegate is None or db.execute("SELECT created_at FROM delegate WHERE id = ?",
                                      [delegate.id]).fetchone()[0] != row["created_at"]:
        raise sqlite3.IntegrityError("not the same delegate here")
    if db.execute("SELECT 1 FROM delegate_history WHERE uuid = ?", [row["uuid"]]).fetchone():
        return False
    needed = Permission.MERGE if row.get("action") in ("merged", "merged_into") else \
        Permission.EDIT_DELEGATES
    if not Roles(db).allows(row.get("operator"), row.get("at"), needed):
        state.add_review(db, str(row["uuid"]), "delegate_edit", NOT_PERMITTED, {
            "desk": row.get("desk_id"), "delegate": delegate.id,
            "operator": row.get("operator") or "—", "action": PERMISSION_WORDS[needed]})
        return False
    wanted: dict[str, Any] = {}
    stored: dict[str, str] = {}
    for field, (_old, new) in dict(row["changes"]).items():
        if field == "merged_into":  # merged at the other desk: the same here
            if new is not None and delegate.merged_into is None and \
                    delegate_store.get_delegate(db, int(new)) is not None:
                delegate_store.set_merged_into(db, delegate.id or 0, int(new))
            continue
        if not hasattr(delegate, field) or field == "merged_from":
            continue
        last = state.last_change(db, delegate.id or 0, field)
        if last is not None and last[0] > str(row["at"]):
            state.add_review(db, str(row["uuid"]), "delegate_edit", EDIT_LOST, {
                "desk": row.get("operator") or row["desk_id"], "at": row["at"],
                "field": field, "value": new, "delegate": delegate.id})
            continue
        if last is not None and last[1] != row["desk_id"]:
            state.add_review(db, str(row["uuid"]), "delegate_edit", EDIT_REPLACED, {
                "desk": row.get("operator") or row["desk_id"], "at": row["at"],
                "field": field, "value": new, "delegate": delegate.id, "before": last[0]})
        if privacy.is_sealed(new):  # sealed at the other desk: kept sealed, as it came
            stored[field] = new
            continue
        wanted[field] = typed_value(field, new)
    if wanted:
        delegate_store.update_delegate(db, replace(delegate, **wanted))
    for field, value in stored.items():  # after the row is written, not under it
        delegate_store.set_stored(db, delegate.id or 0, field, value)
    state.keep_history(db, row)
    return True


def pull_events(db: Database, conn: Any, desk_id: str) -> tuple[int, int]:
    pulled = refused = 0
    while True:
        after = int(state.get(db, state.PULLED_EVENTS, "0") or 0)
        batch = hub.pull_events(conn, after, not_from=desk_id, limit=PULL_BATCH)
        if not batch:
            return pulled, refused
        with atomic(db):
            taken, refusals = take_events(db, batch, desk_id)
            pulled, refused = pulled + taken, refused + refusals
            state.put(db, state.PULLED_EVENTS, str(batch[-1][0]))


def take_events(db: Database, batch: list[tuple[int, str, str, Any, bool]], desk_id: str
                ) -> tuple[int, int]:
    """Take in a batch of events from the hub, each by its kind's rule; (taken,
    listed). The caller holds the transaction."""
    pulled = refused = 0
    for _seq, kind, uuid, raw, by_owner in batch:
        row = raw if isinstance(raw, dict) else {}
        if kind == hub_row_changes.KIND:
            taken, refusal = rows.take(db, uuid, row, desk_id, by_owner=by_owner)
            pulled, refused = pulled + taken, refused + refusal
            continue
        problem = hub_rows.event_problem(kind, row) if kind in (
            state.EDIT, state.CREATED, *state.KINDS) else None
        if problem is not None:  # an ESC sequence in a name, a time of "0"…
            refused += 1
            state.add_review(db, _event_uuid(uuid, _seq), kind, *problem)
            continue
        if kind in (state.EDIT, state.CREATED):
            take = take_edit if kind == state.EDIT else state.take_created
            try:
                with atomic(db):
                    pulled += take(db, row)
            except (sqlite3.IntegrityError, *MALFORMED):
                refused += 1
                state.add_review(db, uuid, kind, UNKNOWN_DELEGATE,
                                 {"desk": row.get("desk_id"),
                                  "delegate": row.get("delegate_id")})
            continue
        if kind not in state.KINDS:  # from a newer desk: kept for review
            refused += 1
            state.add_review(db, uuid, kind, UNKNOWN_KIND,
                             {"kind": kind, "desk": row.get("desk_id")})
            continue
        try:
            with atomic(db):
                pulled += state.take_event(db, kind, row)
        except (sqlite3.IntegrityError, *MALFORMED):
            refused += 1
            state.add_review(db, uuid, kind,
                             SAME_BADGE if kind == "badge_issue" else UNKNOWN_DELEGATE,
                             {"desk": row.get("desk_id"),
                              "delegate": row.get("delegate_id"),
                              "version": row.get("version"), "at": row.get("at")})
    return pulled, refused


def note_twice(db: Database, values: dict[str, Any], readmit: dict[str, bool]) -> None:
    """A person let in at two desks while they could not see each other: counted once
    for attendance (the union), both scans kept; the later is listed as ALREADY."""
    if readmit.get(str(values["checkpoint"]), False) or not values["accepted"]:
        return
    for uuid, desk, name, at in checkin_store.standing_twice(db, str(values["uuid"])):
        first, second = sorted([(at, desk, name, uuid), (str(values["at"]),
                                                          str(values["desk_id"]),
                                                          str(values["operator"]),
                                                          str(values["uuid"]))])
        state.add_review(db, second[3], "already", ALREADY_BOTH, {
            "delegate": values["delegate_id"], "checkpoint": values["checkpoint"],
            "first_desk": first[2] or first[1], "first_at": first[0],
            "second_desk": second[2] or second[1], "second_at": second[0]})


def pull_checkins(db: Database, conn: Any, desk_id: str) -> tuple[int, int]:
    """The other desks' check-ins, each checked before it is taken in (hub_rows): types,
    times, lengths, and an accepted scan's badge code against this event's key."""
    pulled = refused = 0
    context = _CheckinContext(db)
    while True:
        after = int(state.get(db, state.PULLED, "0") or 0)
        batch = hub.pull_checkins(conn, after, not_from=desk_id, limit=PULL_BATCH)
        if not batch:
            return pulled, refused
        with atomic(db):
            taken, refusals = take_checkins(db, batch, context)
            pulled, refused = pulled + taken, refused + refusals
            state.put(db, state.PULLED, str(batch[-1].seq))


class _CheckinContext:
    """What judging a batch of check-ins needs, read once per pull."""

    def __init__(self, db: Database) -> None:
        from bsm_desk.store import event as event_store

        self.readmit = checkin_store.readmit_rules(db)
        self.roles = Roles(db)
        event = event_store.get_event(db)
        self.event_code, self.secret = (event.code, event.secret) if event else ("", b"")


def take_checkins(db: Database, batch: list[Any], context: _CheckinContext
                  ) -> tuple[int, int]:
    """Take in a batch of check-ins from the hub; (taken, listed). The caller holds the
    transaction."""
    pulled = refused = 0
    for item in batch:
        problem = hub_rows.checkin_problem(item.values, event_code=context.event_code,
                                           secret=context.secret)
        if problem is not None:
            refused += 1
            state.add_review(db, _uuid(item.values, item.seq), "checkin", *problem)
            continue
        try:
            with atomic(db):
                taken = state.take_checkin(db, item.values)
                pulled += taken
                if taken:
                    note_twice(db, item.values, context.readmit)
                    unproven = hub_rows.by_name(item.values)
                    if unproven is not None:
                        state.add_review(db, str(item.values["uuid"]), "by_name",
                                         *unproven)
                    if not context.roles.allows(item.values.get("operator"),
                                                item.values.get("at"), Permission.CHECK_IN):
                        state.add_review(db, str(item.values["uuid"]), "operator",
                                         NOT_AN_OPERATOR, {
                                             "desk": item.values["desk_id"],
                                             "at": item.values["at"],
                                             "operator": item.values.get("operator")
                                             or "—"})
        except sqlite3.IntegrityError:
            refused += 1
            state.add_review(db, str(item.values["uuid"]), "checkin",
                             UNKNOWN_DELEGATE, {
                                 "desk": item.values["desk_id"],
                                 "delegate": item.values["delegate_id"],
                                 "at": item.values["at"]})
    return pulled, refused


def recover_own(db: Database, conn: Any, desk_id: str) -> tuple[int, int]:
    """This desk's own check-ins and events, back from the hub: for a file that went
    back in time (a backup restored, an older copy brought back). What it still has is
    left as it is; (taken, listed)."""
    pulled = refused = 0
    context = _CheckinContext(db)
    after = 0
    while batch := hub.pull_checkins(conn, after, only_from=desk_id, limit=PULL_BATCH):
        with atomic(db):
            taken, refusals = take_checkins(db, batch, context)
        pulled, refused, after = pulled + taken, refused + refusals, batch[-1].seq
    after = 0
    while events := hub.pull_events(conn, after, only_from=desk_id, limit=PULL_BATCH):
        with atomic(db):
            taken, refusals = take_events(db, events, desk_id)
        pulled, refused, after = pulled + taken, refused + refusals, events[-1][0]
    return pulled, refused


def _event_uuid(uuid: str, seq: int) -> str:
    return uuid if hub_rows.is_text(uuid, 64) and uuid else f"hub-event-{seq}"


def _uuid(values: dict[str, Any], seq: int) -> str:
    """The row's uuid for the review list, or one made from the hub's order when the row
    has none a desk could have written."""
    found = values.get("uuid")
    return found if isinstance(found, str) and hub_rows.is_text(found, 64) and found \
        else f"hub-checkin-{seq}"


def review(db: Database, translate: Any = None) -> list[dict[str, Any]]:
    """What this desk could not take in, or took in twice, each with its reason in words:
    the list a supervisor goes through (``hub review``, the Hub dialog)."""
    words = translate or (lambda _context, text: text)
    found = []
    for item in state.reviews(db):
        template = words(REVIEW_CONTEXT, item.reason)
        detail = dict(item.detail)
        if detail.get("action") in PERMISSION_WORDS.values():
            detail["action"] = words("Operators", detail["action"])
        try:
            reason = template.format(**rows.words(words, detail))
        except (KeyError, IndexError, ValueError):
            reason = template
        found.append({"uuid": item.uuid, "kind": item.kind, "reason": reason,
                      "detail": item.detail, "at": item.at.isoformat()})
    return found
