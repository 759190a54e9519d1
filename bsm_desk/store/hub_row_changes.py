"""The event's shared tables at a desk of a hub: the programme (days, rooms, categories,
sessions, who may enter and who sits on a panel, door rules, side events), the speakers'
lists, the interpreters with their roster and rules, photos, dismissed duplicate pairs.

Unlike check-ins these are edited in place, so they travel as *row changes*. Triggers
(made by migration 21) note in ``sync_changed`` which row changed and when. A sync round
compares each noted row with its last agreed version (``sync_row``: a hash of the row,
the time and the desk of that version; an empty hash is a deleted row) and sends what
differs: the table, the key, the row as it stands (or none: deleted). Another desk takes
the later of two changes of one row (time, then desk id) and lists the earlier for
review. A column that only means something on one desk (a local row number, the time a
whole roster was rewritten) is left out of the row and its hash.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from bsm_desk.store import authority as authority_store
from bsm_desk.store.authority import key_text as key_text

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class Shared:
    name: str
    key: tuple[str, ...]
    local: tuple[str, ...] = ()  # columns left out (meaningful on one desk only)
    stamped: tuple[str, ...] = ()  # of those, the ones given the time of taking in


# Parents before children: changes are sent (and so taken in) in this order, deletions
# in the reverse one.
TABLES: tuple[Shared, ...] = (
    Shared("event", ("id",)),
    Shared("day", ("id",)),
    Shared("room", ("id",)),
    Shared("category", ("id",)),
    Shared("session", ("id",)),
    Shared("session_access", ("session_id", "category_id")),
    Shared("session_person", ("session_id", "delegate_id")),
    Shared("checkpoint_rule", ("checkpoint",)),
    Shared("side_event_request", ("id",)),
    Shared("request_slot", ("request_id", "rank")),
    Shared("request_panellist", ("request_id", "delegate_id")),
    Shared("speaker_limit", ("session_id",)),
    Shared("speaker_entry", ("id",)),
    Shared("speaker_event", ("uuid",), local=("id",)),
    Shared("speaker_text", ("entry_id",)),
    Shared("interpreter", ("id",)),
    Shared("interpreter_rule", ("name",)),
    Shared("roster_assignment", ("session_id", "booth", "interpreter_id"),
           local=("id", "at"), stamped=("at",)),
    Shared("delegate_photo", ("delegate_id",)),
    Shared("duplicate_dismissed", ("first_id", "second_id")),
    Shared("operator", ("id",)),  # from migration 22
    Shared("data_key", ("id",)),  # from migration 23
    Shared("seating_layout", ("room_id",)),  # from migration 31
    Shared("seating_need", ("delegation_id",)),
    Shared("seating_plan", ("session_id",)),
    Shared("seat", ("session_id", "place")),
)
BY_NAME = {table.name: table for table in TABLES}
ORDER = {table.name: place for place, table in enumerate(TABLES)}
KIND = "row"  # these changes' kind on the hub
NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
# A hybrid logical clock: a change is stamped with this desk's time, or just after the
# latest time it has seen from any desk if that is later (sync_state 'hlc'), so a change
# made after seeing another is ordered after it whatever the two desks' clocks say.
HLC = "hlc"
HLC_NOW = ("(SELECT CASE WHEN h IS NULL OR n > h THEN n ELSE strftime('%Y-%m-%dT%H:%M:%fZ',"
           " h, '+0.001 seconds') END FROM (SELECT " + NOW + " AS n, (SELECT value FROM"
           " sync_state WHERE name = 'hlc') AS h))")
# Rows are kept as JSON: bytes as {"$b64": "..."}.
B64 = "$b64"
NAMESPACE = uuid.UUID("0c6f5d0e-1b8a-4f55-9a57-2b6f1f2d0a21")


def triggers_sql(tables: Sequence[Shared], at: str = NOW) -> list[str]:
    """The statements that make the change-noting triggers of ``tables`` (a migration
    passes its own frozen list, and how it stamps a change)."""
    statements = []
    for table in tables:
        def note(row: str, table: Shared = table) -> str:
            # Not INSERT OR REPLACE: a trigger's conflict clause gives way to that of
            # the statement that fired it (an upsert's would make it fail).
            key = f"json_array({', '.join(f'{row}.{c}' for c in table.key)})"
            return (f"DELETE FROM sync_changed WHERE tbl = '{table.name}' AND key = {key}; "
                    f"INSERT INTO sync_changed (tbl, key, at) VALUES ('{table.name}', {key},"
                    f" {at});")

        begin = f"CREATE TRIGGER shared_{table.name}"
        statements += [
            f"{begin}_insert AFTER INSERT ON {table.name} BEGIN {note('NEW')} END",
            f"{begin}_update AFTER UPDATE ON {table.name} BEGIN {note('OLD')} {note('NEW')} END",
            f"{begin}_delete AFTER DELETE ON {table.name} BEGIN {note('OLD')} END",
        ]
    return statements


def _plain(value: Any) -> Any:
    return {B64: base64.b64encode(value).decode("ascii")} if isinstance(value, bytes) \
        else value


def _typed(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {B64}:
        return base64.b64decode(str(value[B64]), validate=True)
    if isinstance(value, (dict, list)):
        raise ValueError("a column holds a plain value")
    return value


def row_hash(row: dict[str, Any] | None) -> str:
    """The row's fingerprint; '' for a deleted row."""
    if row is None:
        return ""
    text = json.dumps(row, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def columns(db: Database, name: str) -> list[str]:
    return [str(r[1]) for r in db.execute(f"PRAGMA table_info({name})").fetchall()]


def read(db: Database, table: Shared, key: Sequence[Any]) -> dict[str, Any] | None:
    """The row as exchanged (bytes as base64, local columns left out), or None."""
    wanted = [c for c in columns(db, table.name) if c not in table.local]
    where = " AND ".join(f"{c} IS ?" for c in table.key)
    found = db.execute(f"SELECT {', '.join(wanted)} FROM {table.name} WHERE {where}",
                       list(key)).fetchone()
    return None if found is None else {c: _plain(v) for c, v in zip(wanted, found,
                                                                      strict=True)}


def all_rows(db: Database, table: Shared) -> list[tuple[list[Any], dict[str, Any]]]:
    wanted = [c for c in columns(db, table.name) if c not in table.local]
    found = []
    for values in db.execute(f"SELECT {', '.join(wanted)} FROM {table.name}").fetchall():
        row = {c: _plain(v) for c, v in zip(wanted, values, strict=True)}
        found.append(([row[c] for c in table.key], row))
    return found


def baseline(db: Database, tables: Sequence[Shared] = TABLES) -> None:
    """Every row as it stands is agreed (as of no time): nothing to send for it."""
    for table in tables:
        for key, row in all_rows(db, table):
            db.execute("INSERT OR REPLACE INTO sync_row (tbl, key, hash, at, desk_id) VALUES"
                       " (?, ?, ?, '', '')", [table.name, key_text(key), row_hash(row)])
        db.execute("DELETE FROM sync_changed WHERE tbl = ?", [table.name])


def note_seen(db: Database, at: str) -> None:
    """A change stamped ``at`` came from another desk: this desk's clock, for what it
    stamps next, is at least that (a time that does not look like one is left out)."""
    if not isinstance(at, str) or len(at) != 24 or not at.endswith("Z") or at[10] != "T":
        return
    row = db.execute("SELECT value FROM sync_state WHERE name = ?", [HLC]).fetchone()
    if row is None or at > str(row[0]):
        db.execute("INSERT INTO sync_state (name, value) VALUES (?, ?) ON CONFLICT (name)"
                   " DO UPDATE SET value = excluded.value", [HLC, at])


def send_again(db: Database) -> None:
    """Every row that travelled is to be sent again, as of its agreed time (a hub made
    again holds none of them); rows never agreed are noted already."""
    db.execute("INSERT OR IGNORE INTO sync_changed (tbl, key, at) SELECT tbl, key, at FROM"
               " sync_row WHERE hash <> '' AND at <> ''")
    db.execute("UPDATE sync_row SET hash = 'send again' WHERE hash <> '' AND at <> ''")


@dataclass(frozen=True)
class Change:
    """A row as one desk changed it: what goes to the hub, and what comes from it."""
    table: str
    key: list[Any]
    row: dict[str, Any] | None  # None: deleted
    at: str
    desk_id: str
    signer: int | None = None  # an authority row's change: who signed it
    signature: str = ""

    @property
    def hash(self) -> str:
        return row_hash(self.row)

    @property
    def uuid(self) -> str:
        """The same change sent again has the same uuid (the hub takes it once)."""
        return str(uuid.uuid5(NAMESPACE, "|".join(
            [self.desk_id, self.table, key_text(self.key), self.at, self.hash])))

    def as_dict(self) -> dict[str, Any]:
        found: dict[str, Any] = {"table": self.table, "key": self.key, "row": self.row,
                                 "at": self.at, "desk_id": self.desk_id}
        if self.signature:
            found.update(signer=self.signer, signature=self.signature)
        return found

    @classmethod
    def of(cls, raw: dict[str, Any]) -> Change:
        """From the hub; ValueError/KeyError/TypeError when it is not one."""
        table = BY_NAME.get(str(raw["table"]))
        key, row = raw["key"], raw["row"]
        if table is None:
            raise LookupError(str(raw["table"]))
        if not isinstance(key, list) or len(key) != len(table.key) or \
                not all(isinstance(k, (str, int, float)) for k in key):
            raise ValueError("not a key of this table")
        if row is not None and not isinstance(row, dict):
            raise ValueError("not a row")
        signer, signature = raw.get("signer"), raw.get("signature", "")
        if not (signer is None or (isinstance(signer, int) and not isinstance(signer, bool)
                                   and 0 < signer < 2**62)) or \
                not isinstance(signature, str) or len(signature) > 200:
            raise ValueError("not a signature")
        return cls(table.name, key, row, str(raw["at"]), str(raw["desk_id"]), signer,
                   signature)


def agreed(db: Database, table: str, key: Sequence[Any]) -> tuple[str, str, str] | None:
    """(hash, at, desk) of the row's last agreed version."""
    found = db.execute("SELECT hash, at, desk_id FROM sync_row WHERE tbl = ? AND key = ?",
                       [table, key_text(key)]).fetchone()
    return None if found is None else (str(found[0]), str(found[1]), str(found[2]))


def agree(db: Database, change: Change) -> None:
    db.execute("INSERT OR REPLACE INTO sync_row (tbl, key, hash, at, desk_id) VALUES"
               " (?, ?, ?, ?, ?)", [change.table, key_text(change.key), change.hash,
                                    change.at, change.desk_id])


def noted(db: Database, limit: int) -> list[tuple[str, str, str]]:
    """(table, key, at) of the rows changed here since they were last sent."""
    return [(str(r[0]), str(r[1]), str(r[2])) for r in db.execute(
        "SELECT tbl, key, at FROM sync_changed ORDER BY at LIMIT ?", [limit]).fetchall()]


def note_of(db: Database, table: str, key: Sequence[Any]) -> str | None:
    found = db.execute("SELECT at FROM sync_changed WHERE tbl = ? AND key = ?",
                       [table, key_text(key)]).fetchone()
    return None if found is None else str(found[0])


def forget_note(db: Database, table: str, key: str, at: str | None = None) -> None:
    """The note is dealt with (unless the row changed again meanwhile: a later ``at``)."""
    if at is None:
        db.execute("DELETE FROM sync_changed WHERE tbl = ? AND key = ?", [table, key])
    else:
        db.execute("DELETE FROM sync_changed WHERE tbl = ? AND key = ? AND at = ?",
                   [table, key, at])


def count_noted(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM sync_changed").fetchone()[0])


def signature_of(db: Database, table: str, key: Sequence[Any], found_hash: str,
                 at: str) -> tuple[int, str] | None:
    """An authority row's change carries its signature (store/authority.py)."""
    from bsm_desk.domain.authority import TABLES

    if table not in TABLES:
        return None
    return authority_store.signature_of(db, table, key, found_hash, at)


def changes_to_send(db: Database, desk_id: str, limit: int
                    ) -> tuple[list[Change], list[tuple[str, str, str]]]:
    """This desk's changed rows that differ from their agreed version, parents first
    (deletions last, children first); and the notes that turned out to change nothing."""
    send, idle = [], []
    for name, key, at in noted(db, limit):
        table = BY_NAME.get(name)
        try:
            values = json.loads(key)
        except ValueError:
            values = None
        if table is None or not isinstance(values, list):
            idle.append((name, key, at))
            continue
        row = read(db, table, values)
        known = agreed(db, name, values)
        if (known[0] if known else "") == row_hash(row):
            idle.append((name, key, at))
            continue
        signed = signature_of(db, name, values, row_hash(row), at)
        send.append(Change(name, values, row, at, desk_id, *(signed or (None, ""))))
    send.sort(key=lambda c: (c.row is None, ORDER[c.table] * (-1 if c.row is None else 1)))
    return send, idle


def apply(db: Database, change: Change) -> None:
    """Make this desk's row what the change says. Raises sqlite3.IntegrityError when the
    desk cannot hold it (a rule of the table, a row it needs and does not have)."""
    table = BY_NAME[change.table]
    where = " AND ".join(f"{c} = ?" for c in table.key)
    if change.row is None:
        db.execute(f"DELETE FROM {table.name} WHERE {where}", change.key)
        return
    known = [c for c in columns(db, table.name) if c not in table.local]
    wanted = [c for c in known if c in change.row]
    if any(c not in wanted for c in table.key):
        raise ValueError("the row lacks its key")
    if [change.row[c] for c in table.key] != list(change.key):
        raise ValueError("the row is not the one its key names")
    values = [_typed(change.row[c]) for c in wanted]
    others = [c for c in wanted if c not in table.key]
    now = datetime.now(UTC).isoformat()
    wanted, values = wanted + list(table.stamped), values + [now for _ in table.stamped]
    update = (f"DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in others)}"
              if others else "DO NOTHING")
    db.execute(f"INSERT INTO {table.name} ({', '.join(wanted)}) VALUES"
               f" ({', '.join('?' for _ in wanted)}) ON CONFLICT ({', '.join(table.key)})"
               f" {update}", values)
