"""The programme, speakers' lists, roster and the other edited-in-place tables between
desks (store/hub_row_changes.py): this desk's changed rows sent, the others' taken in, the later
of two changes of a row standing and the earlier listed for review."""

from __future__ import annotations

import json
import sqlite3
from functools import partial
from typing import TYPE_CHECKING, Any

from bsm_desk.domain import hub_rows
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP
from bsm_desk.services.hub import transit, trust
from bsm_desk.services.hub.pushing import pushed_each
from bsm_desk.store import atomic, hub
from bsm_desk.store import hub_row_changes as row_changes

if TYPE_CHECKING:
    from sqlite_utils import Database

BATCH = 2000
ROW_EARLIER = QT_TRANSLATE_NOOP("Sync", "Desk {desk} changed {what} ({at}) before this desk's "
                                        "own later change: this desk's stands.")
ROW_REPLACED = QT_TRANSLATE_NOOP("Sync", "Desk {desk} changed {what} ({at}) after this "
                                         "desk's change of {before}, which it replaced: the "
                                         "later one stands.")
SPEAKERS_CLASH = QT_TRANSLATE_NOOP("Sync", "Desk {desk} inscribed {name} on the speakers' "
                                           "list of “{session}” while the desks could not "
                                           "see each other, and the list now breaks its "
                                           "rule: {rule} Both entries are kept, the same on "
                                           "every desk; the chair decides.")
ROSTER_CLASH = QT_TRANSLATE_NOOP("Sync", "Desk {desk} seated {name} in a booth of “{session}” "
                                         "while the desks could not see each other, and "
                                         "{name} is also seated at “{other}” at the same "
                                         "time here. Both seats are kept, the same on every "
                                         "desk: choose one in the roster.")
ROOM_CLASH = QT_TRANSLATE_NOOP("Sync", "Desk {desk} placed “{session}” in a room that "
                                       "“{other}” holds at the same time, while the desks "
                                       "could not see each other. Both are kept, the same "
                                       "on every desk: move one of them.")
ROW_REFUSED = QT_TRANSLATE_NOOP("Sync", "A change of {what} from desk {desk} ({at}) could not "
                                        "be taken in here: {reason}")
# The shared tables in words, for the review list.
TABLE_WORDS = {
    "event": QT_TRANSLATE_NOOP("Sync", "the event"),
    "day": QT_TRANSLATE_NOOP("Sync", "a day"),
    "room": QT_TRANSLATE_NOOP("Sync", "a room"),
    "category": QT_TRANSLATE_NOOP("Sync", "a category"),
    "session": QT_TRANSLATE_NOOP("Sync", "a session"),
    "session_access": QT_TRANSLATE_NOOP("Sync", "who may enter a session"),
    "session_person": QT_TRANSLATE_NOOP("Sync", "a session's panel"),
    "checkpoint_rule": QT_TRANSLATE_NOOP("Sync", "a door's rule"),
    "side_event_request": QT_TRANSLATE_NOOP("Sync", "a side event request"),
    "request_slot": QT_TRANSLATE_NOOP("Sync", "a side event's wished time"),
    "request_panellist": QT_TRANSLATE_NOOP("Sync", "a side event's panellist"),
    "speaker_limit": QT_TRANSLATE_NOOP("Sync", "a statement time limit"),
    "speaker_entry": QT_TRANSLATE_NOOP("Sync", "a speakers' list entry"),
    "speaker_event": QT_TRANSLATE_NOOP("Sync", "a step of a speakers' list"),
    "speaker_text": QT_TRANSLATE_NOOP("Sync", "a statement's text"),
    "interpreter": QT_TRANSLATE_NOOP("Sync", "an interpreter"),
    "interpreter_rule": QT_TRANSLATE_NOOP("Sync", "an interpreters' rule"),
    "roster_assignment": QT_TRANSLATE_NOOP("Sync", "a seat in a booth"),
    "delegate_photo": QT_TRANSLATE_NOOP("Sync", "a delegate's photo"),
    "duplicate_dismissed": QT_TRANSLATE_NOOP("Sync", "a pair marked as not duplicates"),
    "operator": QT_TRANSLATE_NOOP("Sync", "an operator"),
    "data_key": QT_TRANSLATE_NOOP("Sync", "the key of the sealed personal data"),
    "seating_layout": QT_TRANSLATE_NOOP("Sync", "a room's seating layout"),
    "seating_need": QT_TRANSLATE_NOOP("Sync", "a delegation's seating need"),
    "seating_plan": QT_TRANSLATE_NOOP("Sync", "a session's seating plan"),
    "seat": QT_TRANSLATE_NOOP("Sync", "a delegation's seat"),
}
MALFORMED = (TypeError, ValueError, KeyError, LookupError, AttributeError,
             sqlite3.InterfaceError, sqlite3.ProgrammingError, sqlite3.DataError,
             OverflowError)


def push(db: Database, conn: Any, desk_id: str) -> int:
    """Send this desk's changed rows; each becomes agreed once the hub has it."""
    pushed = 0
    while True:
        send, idle = row_changes.changes_to_send(db, desk_id, BATCH)
        if not send and not idle:
            return pushed
        if send:
            desks_key = transit.key_of(db)  # operators' secrets sealed for the hub
            pushed += pushed_each(db, [(n, change.uuid, desk_id,
                                        transit.outgoing(desks_key, change.as_dict()))
                                       for n, change in enumerate(send)],
                                  partial(hub.push_events, conn, row_changes.KIND),
                                  row_changes.KIND, lambda row: str(row[1]))
        with atomic(db):  # the hub has them (committed): only now are they agreed
            for change in send:
                row_changes.agree(db, change)
                row_changes.forget_note(db, change.table, row_changes.key_text(change.key),
                                        change.at)
            for name, key, at in idle:
                row_changes.forget_note(db, name, key, at)


def _detail(change: row_changes.Change | None, raw: dict[str, Any], **more: Any) -> dict[str, Any]:
    found = {"table": str(raw.get("table", "")), "key": raw.get("key"),
             "desk": str(raw.get("desk_id", "")), "at": str(raw.get("at", ""))}
    if change is not None:
        found["row"] = change.row
    return {**found, **more}


def take(db: Database, uuid: str, raw: dict[str, Any], desk_id: str, *,
         by_owner: bool = False) -> tuple[bool, bool]:
    """Take in one row change from the hub: (taken, refused). Whatever cannot be taken
    goes to the review list with its reason. ``by_owner``: the hub says its owner's
    login wrote it (trust.py)."""
    from bsm_desk.store import hub_desk_state as state

    try:
        raw = transit.incoming(transit.key_of(db), raw)
    except ValueError:
        state.add_review(db, uuid, row_changes.KIND, transit.NO_KEY, _detail(None, raw))
        return False, True
    try:
        change = row_changes.Change.of(raw)
    except MALFORMED as exc:
        state.add_review(db, uuid, row_changes.KIND, ROW_REFUSED,
                         _detail(None, raw, reason=type(exc).__name__))
        return False, True
    problem = hub_rows.row_problem(change.table, change.row)
    if problem is not None:  # a time that does not parse, a name with an ESC sequence…
        template, fields = problem
        state.add_review(db, uuid, row_changes.KIND, template,
                         {**fields, "desk": str(raw.get("desk_id", ""))[:64]})
        return False, True
    unsigned = trust.problem(db, change, by_owner=by_owner)
    if unsigned is not None:  # an operator, the event, the data key: signed, or nothing
        state.add_review(db, uuid, row_changes.KIND, *unsigned)
        return False, True
    theirs = (change.at, change.desk_id)
    row_changes.note_seen(db, change.at)  # what this desk stamps next comes after it
    mine = row_changes.note_of(db, change.table, change.key)  # changed here, not yet sent
    known = row_changes.agreed(db, change.table, change.key)
    if (mine is not None and (mine, desk_id) > theirs) or \
            (known is not None and (known[1], known[2]) > theirs):
        if (known[0] if known else None) != change.hash:
            state.add_review(db, uuid, row_changes.KIND, ROW_EARLIER, _detail(change, raw))
        return False, False
    try:
        with atomic(db):
            current = row_changes.read(db, row_changes.BY_NAME[change.table], change.key)
            if row_changes.row_hash(current) != change.hash:
                row_changes.apply(db, change)
            row_changes.agree(db, change)
            row_changes.forget_note(db, change.table, row_changes.key_text(change.key))
    except (sqlite3.IntegrityError, *MALFORMED) as exc:
        state.add_review(db, uuid, row_changes.KIND, ROW_REFUSED, _detail(
            change, raw, reason=str(exc).splitlines()[0][:200] if str(exc) else
            type(exc).__name__))
        return False, True
    if change.table == "speaker_entry" and change.row is not None:
        _check_speakers_rules(db, uuid, change)
    elif change.row is not None and change.table in ("roster_assignment", "session"):
        _check_booking(db, uuid, change)
    made_here = mine or (known[1] if known is not None and known[2] == desk_id else None)
    if made_here and row_changes.row_hash(current) != change.hash:
        state.add_review(db, uuid, row_changes.KIND, ROW_REPLACED, _detail(
            change, raw, before=made_here, mine=current))
    return True, False


def _check_speakers_rules(db: Database, uuid: str, change: row_changes.Change) -> None:
    """A speakers' entry from another desk that breaks its list's rules here (two desks
    inscribed one delegation while apart) is kept, as on every desk, and listed for the
    chair: the same list everywhere, the clash seen everywhere."""
    from bsm_desk.store import hub_desk_state as state
    from bsm_desk.store.speakers import broken_rule

    try:
        broken = broken_rule(db, int(change.key[0]))
    except (ValueError, LookupError):
        return
    if broken is None:
        return
    row = change.row or {}
    person = db.execute("SELECT family_name, given_name FROM delegate WHERE id = ?",
                        [row.get("delegate_id")]).fetchone()
    session = db.execute("SELECT title_en FROM session WHERE id = ?",
                         [row.get("session_id")]).fetchone()
    state.add_review(db, uuid, "speakers", SPEAKERS_CLASH, {
        "desk": change.desk_id[:64], "name": " ".join(str(p) for p in person if p)
        if person else "?", "session": str(session[0]) if session else "?",
        "session_id": row.get("session_id"), "rule": broken[0], "rule_fields": broken[1]})


def _check_booking(db: Database, uuid: str, change: row_changes.Change) -> None:
    """A seat in a booth or a session's room from another desk that double-books an
    interpreter or a room here: kept, as on every desk, and listed to be resolved."""
    from bsm_desk.store import hub_desk_state as state
    from bsm_desk.store import interpreters as interpreter_store
    from bsm_desk.store import sessions as session_store

    row = change.row or {}
    try:
        if change.table == "roster_assignment":
            clash = interpreter_store.double_booked(db, int(row["session_id"]),
                                                    str(row["booth"]),
                                                    int(row["interpreter_id"]))
            if clash is not None:
                title = db.execute("SELECT title_en FROM session WHERE id = ?",
                                   [row["session_id"]]).fetchone()
                state.add_review(db, uuid, "roster", ROSTER_CLASH, {
                    "desk": change.desk_id[:64], "name": clash[0], "other": clash[1],
                    "session": str(title[0]) if title else "?"})
            return
        other = session_store.room_taken(db, int(row["id"]))
        if other is not None:
            state.add_review(db, uuid, "room", ROOM_CLASH, {
                "desk": change.desk_id[:64], "session": str(row.get("title_en", "?"))[:200],
                "other": other})
    except (KeyError, TypeError, ValueError):
        return


def words(translate: Any, detail: dict[str, Any]) -> dict[str, Any]:
    """The detail of a row's review entry with ``what`` in words ("a session 12")."""
    if isinstance(detail.get("rule"), str):  # a speakers' rule, in its own words
        fields = detail.get("rule_fields")
        try:
            detail = {**detail, "rule": translate("Speakers", detail["rule"]).format(
                **(fields if isinstance(fields, dict) else {}))}
        except (KeyError, IndexError, ValueError):
            pass
    if "table" not in detail:
        return detail
    table = str(detail.get("table"))
    label = translate("Sync", TABLE_WORDS[table]) if table in TABLE_WORDS else table
    key = detail.get("key")
    shown = ", ".join(str(k) for k in key) if isinstance(key, list) else json.dumps(key)
    return {**detail, "what": f"{label} ({shown})"}
