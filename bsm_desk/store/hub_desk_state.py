"""A desk's side of the hub: its place in the exchange (state), what it has to push,
what it pulled, and the review list of what could not be taken in."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

    from bsm_desk.store.reading import Reads

# A check-in's columns as exchanged with the hub (store/hub.py), in this order.
CHECKIN_COLUMNS = ("uuid", "checkpoint", "delegate_id", "badge_version", "verdict",
                   "accepted", "method", "code", "undoes", "reason", "at", "desk_id",
                   "operator")
URL, PUSHED, PULLED, LAST_SYNC, OFFLINE_SINCE = ("url", "pushed_rowid", "pulled_seq",
                                                 "last_sync", "offline_since")
CLOCK_SKEW = "clock_skew_s"  # this desk's clock minus the hub's, at the last round
REPUBLISH = "republish"  # "1": the hub's copy of the event file is to be replaced by ours
RELAY = "relay"  # "1": send a hub made again what the other desks had sent the old one
EPOCH = "epoch"  # this file's epoch at the hub (a copy of it shares it until it recovers)
DESK_ID = "desk_id"  # the desk this file is at its hub (settings.json can be lost)
RESTORED = "restored"  # "1": this file went back in time (a backup put in its place)
HUB_ID = "hub_id"  # the identity of the hub this desk exchanges with
HUB_KEY = "hub_key"  # the desks' key (services/hub/transit.py): never in the hub's copy
RESEAL = "reseal"  # "1": the hub's delegate events are to be sealed (needs the data key)


def get(db: Reads, name: str, default: str = "") -> str:
    row = db.execute("SELECT value FROM sync_state WHERE name = ?", [name]).fetchone()
    return str(row[0]) if row else default


def put(db: Database, name: str, value: str) -> None:
    db.execute("INSERT INTO sync_state (name, value) VALUES (?, ?) ON CONFLICT (name) DO"
               " UPDATE SET value = excluded.value", [name, value])


def clear(db: Database, name: str) -> None:
    db.execute("DELETE FROM sync_state WHERE name = ?", [name])


def to_push(db: Database, desk_id: str, after: int, limit: int = 5000, *,
            others: bool = False) -> list[tuple[int, tuple[Any, ...]]]:
    """This desk's own check-ins after ``after`` (rowid), oldest first (``others``: the
    other desks' it holds, to relay to a hub made again)."""
    mark = "<>" if others else "="
    return [(int(r[0]), tuple(r[1:])) for r in db.execute(
        f"SELECT rowid, {', '.join(CHECKIN_COLUMNS)} FROM checkin WHERE rowid > ? AND"
        f" desk_id {mark} ? ORDER BY rowid LIMIT ?", [after, desk_id, limit]).fetchall()]


# The other kinds of event a desk shares, each an append-only table with a uuid: its
# columns as exchanged (the hub keeps the row as JSON).
KINDS: dict[str, tuple[str, ...]] = {
    "badge_issue": ("uuid", "delegate_id", "version", "reason", "at", "desk_id", "operator"),
    "badge_print": ("uuid", "delegate_id", "version", "layout", "at", "desk_id",
                    "operator"),
}
PULLED_EVENTS = "pulled_event_seq"
EDIT = "delegate_edit"  # a delegate's fields changed (from delegate_history)
CREATED = "delegate_created"  # a delegate added at a desk, with its delegation
ID_BLOCK = "id_block"
# The history entries that are edits (a merge: the kept one completed, the other marked).
EDIT_ACTIONS = ("updated", "accredited", "undone", "merged", "merged_into")


def edits_to_push(db: Database, desk_id: str, after: int, limit: int = 5000, *,
                  others: bool = False) -> list[tuple[int, str, str, dict[str, Any]]]:
    """This desk's own edits of delegates after ``after`` (rowid), each with the
    delegate's creation time: the mark that it is the same person at every desk."""
    marks = ", ".join("?" for _ in EDIT_ACTIONS)
    mark = "<>" if others else "="
    return [(int(r[0]), str(r[1]), str(r[4]), {
        "uuid": r[1], "delegate_id": r[2], "at": r[3], "desk_id": r[4], "operator": r[5],
        "action": r[6], "changes": json.loads(r[7] or "{}"), "created_at": r[8]})
        for r in db.execute(
            f"SELECT h.rowid, h.uuid, h.delegate_id, h.at, h.desk_id, h.operator, h.action,"
            f" h.changes, d.created_at FROM delegate_history h JOIN delegate d ON d.id ="
            f" h.delegate_id WHERE h.rowid > ? AND h.desk_id {mark} ? AND h.desk_id <> ''"
            f" AND h.action IN ({marks})"
            f" ORDER BY h.rowid LIMIT ?", [after, desk_id, *EDIT_ACTIONS, limit]).fetchall()]


def last_change(db: Database, delegate_id: int, field: str) -> tuple[str, str] | None:
    """(at, desk) of the latest recorded change of this field of the delegate."""
    found = None
    for at, desk, changes in db.execute(
            "SELECT at, desk_id, changes FROM delegate_history WHERE delegate_id = ?",
            [delegate_id]).fetchall():
        if field in json.loads(changes or "{}") and (found is None or at > found[0]):
            found = (str(at), str(desk))
    return found


def keep_history(db: Database, row: dict[str, Any]) -> bool:
    """The pulled edit in this desk's history (both edits of a field stay there)."""
    cursor = db.execute(
        "INSERT OR IGNORE INTO delegate_history (uuid, delegate_id, at, desk_id, operator,"
        " action, changes) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [row["uuid"], row["delegate_id"], row["at"], row["desk_id"], row.get("operator", ""),
         row["action"], json.dumps(row["changes"], ensure_ascii=False, default=str)])
    return bool(cursor.rowcount)


def pushed_name(kind: str) -> str:
    return f"pushed_rowid:{kind}"


def events_to_push(db: Database, kind: str, desk_id: str, after: int, limit: int = 5000,
                   *, others: bool = False) -> list[tuple[int, str, str, dict[str, Any]]]:
    """(rowid, uuid, desk, row) of this desk's own ``kind`` events after ``after``
    (``others``: the other desks' it holds)."""
    columns = KINDS[kind]
    mark = "<>" if others else "="
    found = [(int(r[0]), str(r[1]), dict(zip(columns, r[1:], strict=True)))
             for r in db.execute(
                 f"SELECT rowid, {', '.join(columns)} FROM {kind} WHERE rowid > ? AND"
                 f" desk_id {mark} ? ORDER BY rowid LIMIT ?", [after, desk_id, limit])]
    return [(rowid, uuid, str(row["desk_id"]), row) for rowid, uuid, row in found]


def take_event(db: Database, kind: str, row: dict[str, Any]) -> bool:
    """Insert an event pulled from the hub; False if it was here already. Raises
    sqlite3.IntegrityError when this desk cannot hold it."""
    columns = KINDS[kind]
    cursor = db.execute(
        f"INSERT OR IGNORE INTO {kind} ({', '.join(columns)}) VALUES"
        f" ({', '.join('?' for _ in columns)})", [row.get(c) for c in columns])
    if cursor.rowcount:
        return True
    known = db.execute(f"SELECT 1 FROM {kind} WHERE uuid = ?", [row.get("uuid")]).fetchone()
    if known is None:  # ignored for another reason than being here: a unique rule
        import sqlite3

        raise sqlite3.IntegrityError(f"{kind} conflicts with one already here")
    return False


def pending(db: Database, desk_id: str, after: int | None = None) -> int:
    """This desk's check-ins not yet on the hub (``after``: a watermark known to be
    further on than the one kept, by a worker that keeps it in memory)."""
    kept = int(get(db, PUSHED, "0") or 0)
    after = max(kept, after or 0)
    row = db.execute("SELECT count(*) FROM checkin WHERE rowid > ? AND desk_id = ?",
                     [after, desk_id]).fetchone()
    count = int(row[0]) if row else 0
    for kind in KINDS:
        kept = int(get(db, pushed_name(kind), "0") or 0)
        found = db.execute(f"SELECT count(*) FROM {kind} WHERE rowid > ? AND desk_id = ?",
                           [kept, desk_id]).fetchone()
        count += int(found[0]) if found else 0
    kept = int(get(db, pushed_name(EDIT), "0") or 0)
    found = db.execute(f"SELECT count(*) FROM delegate_history WHERE rowid > ? AND desk_id = ?"
                       f" AND action IN ({', '.join('?' for _ in EDIT_ACTIONS)})",
                       [kept, desk_id, *EDIT_ACTIONS]).fetchone()
    count += int(found[0]) if found else 0
    kept = int(get(db, pushed_name(CREATED), "0") or 0)
    found = db.execute("SELECT count(*) FROM delegate_history WHERE rowid > ? AND desk_id = ?"
                       " AND action = 'created'", [kept, desk_id]).fetchone()
    from bsm_desk.store.hub_row_changes import count_noted  # a hub's: not for every start

    return count + (int(found[0]) if found else 0) + count_noted(db)


def take_checkin(db: Database, values: dict[str, Any]) -> bool:
    """Insert a check-in pulled from the hub; False if it was here already. Raises
    sqlite3.IntegrityError when this desk cannot hold it (a delegate it does not know)."""
    row = dict(values)
    row["accepted"] = int(bool(row["accepted"]))
    cursor = db.execute(
        f"INSERT OR IGNORE INTO checkin ({', '.join(CHECKIN_COLUMNS)}) VALUES"
        f" ({', '.join('?' for _ in CHECKIN_COLUMNS)})", [row[c] for c in CHECKIN_COLUMNS])
    return bool(cursor.rowcount)


@dataclass(frozen=True)
class Review:
    uuid: str
    kind: str
    reason: str
    detail: dict[str, Any]
    at: datetime


def add_review(db: Database, uuid: str, kind: str, reason: str, detail: dict[str, Any]
               ) -> None:
    db.execute("INSERT OR IGNORE INTO sync_review (uuid, kind, reason, detail, at) VALUES"
               " (?, ?, ?, ?, ?)", [uuid, kind, reason, json.dumps(detail, default=str),
                                    datetime.now(UTC).isoformat()])


def reviews(db: Database) -> list[Review]:
    return [Review(str(r[0]), str(r[1]), str(r[2]), json.loads(r[3] or "{}"),
                   datetime.fromisoformat(r[4])) for r in db.execute(
        "SELECT uuid, kind, reason, detail, at FROM sync_review ORDER BY id").fetchall()]


def checkin_uuids(db: Database) -> set[str]:
    return {str(r[0]) for r in db.execute("SELECT uuid FROM checkin").fetchall()}


__all__ = ["Review", "add_review", "checkin_uuids", "clear", "get", "pending", "put",
           "reviews", "take_checkin", "to_push"]


_DELEGATION = ("id", "name_en", "name_ru", "type", "iso_code", "order_key", "size_limit")


def created_to_push(db: Database, desk_id: str, after: int, limit: int = 5000, *,
                    others: bool = False) -> list[tuple[int, str, str, dict[str, Any]]]:
    """This desk's own new delegates after ``after`` (history rowid): the delegate's row
    as it stands, and its delegation's (``others``: the other desks' it holds)."""
    found = []
    mark = "<>" if others else "="
    for rowid, uuid, delegate_id, at, desk in db.execute(
            "SELECT rowid, uuid, delegate_id, at, desk_id FROM delegate_history WHERE"
            f" rowid > ? AND desk_id {mark} ? AND desk_id <> '' AND action = 'created'"
            " ORDER BY rowid LIMIT ?", [after, desk_id, limit]).fetchall():
        desk_id_of_row = str(desk)
        delegate = db.execute("SELECT * FROM delegate WHERE id = ?", [delegate_id]).fetchone()
        if delegate is None:
            continue
        names = [d[0] for d in db.execute("SELECT * FROM delegate LIMIT 0").description]
        row = dict(zip(names, delegate, strict=True))
        delegation = db.execute(f"SELECT {', '.join(_DELEGATION)} FROM delegation WHERE"
                                " id = ?", [row["delegation_id"]]).fetchone()
        found.append((int(rowid), str(uuid), desk_id_of_row, {
            "uuid": uuid, "at": at, "desk_id": desk_id_of_row, "delegate": row,
            "delegation": dict(zip(_DELEGATION, delegation, strict=True)) if delegation
            else None}))
    return found


def take_created(db: Database, event: dict[str, Any]) -> bool:
    """A delegate added at another desk (its id from that desk's block). False if here
    already; IntegrityError if this id is someone else here."""
    row = dict(event["delegate"])
    here = db.execute("SELECT created_at FROM delegate WHERE id = ?", [row["id"]]).fetchone()
    if here is not None:
        if here[0] != row["created_at"]:
            import sqlite3

            raise sqlite3.IntegrityError("another delegate has this id here")
        return False
    delegation = event.get("delegation")
    if delegation:
        db.execute(f"INSERT OR IGNORE INTO delegation ({', '.join(_DELEGATION)}) VALUES"
                   f" ({', '.join('?' for _ in _DELEGATION)})",
                   [delegation[c] for c in _DELEGATION])
    columns = [c[1] for c in db.execute("PRAGMA table_info(delegate)").fetchall()]
    kept = [c for c in columns if c in row]
    db.execute(f"INSERT INTO delegate ({', '.join(kept)}) VALUES"
               f" ({', '.join('?' for _ in kept)})", [row[c] for c in kept])
    db.execute("INSERT INTO delegate_fts(rowid, search_key) SELECT id, search_key FROM"
               " delegate WHERE id = ?", [row["id"]])
    db.execute("INSERT OR IGNORE INTO delegate_history (uuid, delegate_id, at, desk_id,"
               " operator, action, changes) VALUES (?, ?, ?, ?, '', 'created', '{}')",
               [event["uuid"], row["id"], event["at"], event["desk_id"]])
    return True
