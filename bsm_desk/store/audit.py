"""The audit trail: one append-only log of every change of data, each entry chained to
the one before it by a SHA-256 hash, so that an edited, removed or re-ordered entry
breaks the chain.

Triggers (migration 22) write an entry for every insert, update and delete of the
audited tables: who (the signed-in operator, else the name the caller gave), role, desk,
when, the table and key, the row before and after (as JSON; a BLOB as its SHA-256).
Other entries (a sign-in, a failed one, an export of personal data, a reveal, a purge)
are written by :func:`record`. The triggers call functions this module registers on
every connection (``bsm_chain`` and those naming who acts), so a program that opens the
file without BSM Desk cannot change audited data without dropping the triggers — which
``audit verify`` then sees, as the state no longer agrees with the log.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import sqlite3
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
# Bookkeeping, caches and the log itself: not audited.
NOT_AUDITED = ("audit", "audit_columns", "sync_state", "sync_row", "sync_changed",
               "sync_review", "app_meta", "authority_sig")


@dataclass
class Actor:
    """Who acts on one connection: set by the services before a change."""
    desk_id: str = ""
    operator: str = ""  # the name a caller gave (no operators: as today)
    path: str = ""  # the event file (operators sign in per file, for the whole process)

    def who(self) -> tuple[str, str]:
        """The operator's name and role as the log writes them: the one signed in to
        this file, else the name the caller gave (and no role)."""
        found = SIGNED.get(self.path)
        return (found.name, found.role) if found else (self.operator, "")


@dataclass(frozen=True)
class SignedIn:
    operator_id: int
    name: str
    role: str
    at: str = field(default_factory=lambda: datetime.now(UTC).isoformat())
    key: bytes | None = field(default=None, repr=False)  # the operator's signing key


# Operators signed in, per event file, for this process (every connection to the file:
# the window's and its workers'). Never written anywhere.
SIGNED: dict[str, SignedIn] = {}
# The key that marks the log, per event file, for this process (derived from the event's
# key by store/privacy.keep; never written). Each entry written while it is held carries
# ``mark`` = HMAC-SHA256(key, hash), cut to 128 bits: a log rewritten and chained anew by
# someone without the key no longer carries marks that verify.
MARK_KEYS: dict[str, bytes] = {}


class Unmarked:
    """The hashes of the entries this process wrote without the key, each kept as its
    first 16 bytes one after another (as text each cost 113 bytes: an import of 400,000
    people writes a million and a half entries)."""

    def __init__(self) -> None:
        self.data = bytearray()

    def add(self, digest_hex: str) -> None:
        self.data += self.prefix(digest_hex) or bytes(16)

    @staticmethod
    def prefix(digest_hex: str) -> bytes | None:
        """The first 16 bytes of a hash written in hex (None for what is not one: a log
        edited by hand)."""
        try:
            found = bytes.fromhex(digest_hex[:32])
        except ValueError:
            return None
        return found if len(found) == 16 else None

    def hashes(self) -> set[bytes]:
        return {bytes(self.data[at:at + 16]) for at in range(0, len(self.data), 16)}


# Per event file: when the key arrives, they are vouched for (:func:`vouch`), and nothing
# else unmarked is.
UNMARKED: dict[str, Unmarked] = {}
_ACTORS: weakref.WeakValueDictionary[int, Actor] = weakref.WeakValueDictionary()


# json.dumps with options builds an encoder at each call; the chain asks once an entry.
_CHAIN_TEXT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def chain(prev: str | None, *parts: Any) -> str:
    """The entry's hash: SHA-256 over the previous hash and the entry's fields."""
    text = _CHAIN_TEXT([prev or "", *parts])
    return hashlib.sha256(text.encode()).hexdigest()


def mark_with(key: bytes, digest_hex: str) -> str:
    return hmac.new(key, digest_hex.encode("ascii"), hashlib.sha256).hexdigest()[:32]


def _mark(path: str, digest_hex: str) -> str | None:
    key = MARK_KEYS.get(path)
    if key is None:
        UNMARKED.setdefault(path, Unmarked()).add(digest_hex)
        return None
    return mark_with(key, digest_hex)


def marks_on(db: Database) -> bool:
    """Whether this file's log has the column of marks (schema 29 on)."""
    return any(str(r[1]) == "mark" for r in db.execute("PRAGMA table_info(audit)"))


def digest(value: Any) -> str | None:
    """A value as the log keeps a BLOB or a secret."""
    return _digest(value)


def _digest(value: Any) -> str | None:
    if value is None:
        return None
    data = value if isinstance(value, bytes) else str(value).encode()
    return "sha256:" + hashlib.sha256(data).hexdigest()


def register(conn: sqlite3.Connection, path: str) -> None:
    """The functions the audit triggers call, for this connection."""
    if path and path != ":memory:":
        from pathlib import Path

        path = str(Path(path).resolve())
    actor = Actor(path=path)
    _ACTORS[id(actor)] = actor
    if hasattr(conn, "__dict__"):  # store.connect's EventConnection: kept with it
        conn.bsm_actor = actor  # type: ignore[attr-defined]

    def operator() -> str:
        return actor.who()[0]

    def role() -> str:
        return actor.who()[1]

    # Once an entry: the triggers' subqueries are not flattened (see _ONCE).
    conn.create_function("bsm_chain", 10, lambda prev, *parts: chain(prev, *parts),
                         deterministic=True)
    conn.create_function("bsm_digest", 1, _digest, deterministic=True)
    conn.create_function("bsm_operator", 0, operator)
    conn.create_function("bsm_role", 0, role)
    conn.create_function("bsm_desk", 0, lambda: actor.desk_id)
    conn.create_function("bsm_actor", 0, lambda: id(actor))
    conn.create_function("bsm_mark", 1, lambda h: _mark(actor.path, str(h)))


def actor(db: Database) -> Actor:
    """This connection's actor (a connection made outside store.connect gets a new one,
    which the triggers do not see)."""
    found = getattr(db.conn, "bsm_actor", None)
    return found if isinstance(found, Actor) else Actor()


# Columns the log keeps as a digest only, like BLOBs: an operator's password verifier and
# signing key sealed under the password. The log is copied with the file (to the hub, in
# backups); a verifier there could be guessed at offline.
DIGESTED = frozenset({("operator", "secret"), ("operator", "sign_secret")})


def columns_of(db: Database, table: str) -> list[tuple[str, bool]]:
    """(column, kept as a digest: a BLOB, or a secret) of a table."""
    return [(str(r[1]), str(r[2]).upper() == "BLOB" or (table, str(r[1])) in DIGESTED)
            for r in db.execute(f"PRAGMA table_info({table})").fetchall()]


def key_of(db: Database, table: str) -> list[str]:
    """The columns that name a row: its primary key, else the rowid."""
    found = sorted((int(r[5]), str(r[1])) for r in db.execute(
        f"PRAGMA table_info({table})").fetchall() if int(r[5]))
    return [name for _, name in found] or ["rowid"]


def audited_tables(db: Database) -> list[str]:
    return [str(r[0]) for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND name NOT LIKE 'delegate_fts%' ORDER BY name").fetchall()
        if r[0] not in NOT_AUDITED]


def image_sql(row: str, cols: Sequence[tuple[str, bool]]) -> str:
    """The SQL of a row's image as JSON (a BLOB as its digest)."""
    parts = []
    for name, blob in cols:
        value = f"bsm_digest({row}.{name})" if blob else f"{row}.{name}"
        parts.append(f"'{name}', {value}")
    return f"json_object({', '.join(parts)})"


# "LIMIT -1 OFFSET 0" keeps SQLite from flattening a subquery into the one around it:
# flattened, each use of a column computes it again (the row's image as JSON, the time,
# who acts: three times an entry, and the hash twice), a third of what an import of
# 10,000 people spent on the trail. The values, and so the hashes, are the same.
_ONCE = " LIMIT -1 OFFSET 0"


def _entry_sql(table: str, action: str, key: str, before: str, after: str, *,
               marks: bool = True) -> str:
    inner = (
        "SELECT e.at, e.desk, e.op, e.role, e.action, e.tbl, e.key, e.before,"
        " e.after, e.prev, bsm_chain(e.prev, e.at, e.desk, e.op, e.role, e.action,"
        " e.tbl, e.key, e.before, e.after) AS hash FROM (SELECT"
        f" {NOW} AS at, bsm_desk() AS desk, bsm_operator() AS op, bsm_role() AS role,"
        f" '{action}' AS action, '{table}' AS tbl, {key} AS key, {before} AS before,"
        f" {after} AS after, coalesce((SELECT hash FROM audit ORDER BY id DESC LIMIT 1),"
        f" '') AS prev{_ONCE}) e{_ONCE}")
    if not marks:  # a file from before schema 29, being brought up to date
        return ("INSERT INTO audit (at, desk_id, operator, role, action, tbl, key, before,"
                f" after, prev, hash) {inner};")
    return ("INSERT INTO audit (at, desk_id, operator, role, action, tbl, key, before,"
            " after, prev, hash, mark) SELECT h.*, bsm_mark(h.hash) FROM"
            f" ({inner}) h;")


def make_triggers(db: Database, table: str) -> None:
    """(Re)make the audit triggers of a table with its columns as they are now, and note
    those columns (``audit verify`` compares rows in the same form). A migration that
    changes a table's columns calls this, then :func:`baseline` for that table."""
    cols = columns_of(db, table)
    names = key_of(db, table)
    for action in ("insert", "update", "delete"):
        db.execute(f"DROP TRIGGER IF EXISTS audit_{table}_{action}")

    def key(row: str) -> str:
        return f"json_array({', '.join(f'{row}.{c}' for c in names)})"

    new, old = image_sql("NEW", cols), image_sql("OLD", cols)
    marks = marks_on(db)
    db.execute(f"CREATE TRIGGER audit_{table}_insert AFTER INSERT ON {table} BEGIN "
               f"{_entry_sql(table, 'insert', key('NEW'), 'NULL', new, marks=marks)} END")
    db.execute(f"CREATE TRIGGER audit_{table}_update AFTER UPDATE ON {table} BEGIN "
               f"{_entry_sql(table, 'update', key('NEW'), old, new, marks=marks)} END")
    db.execute(f"CREATE TRIGGER audit_{table}_delete AFTER DELETE ON {table} BEGIN "
               f"{_entry_sql(table, 'delete', key('OLD'), old, 'NULL', marks=marks)} END")
    db.execute("INSERT OR REPLACE INTO audit_columns (tbl, columns, key) VALUES (?, ?, ?)",
               [table, json.dumps(cols), json.dumps(names)])


def baseline(db: Database, table: str) -> None:
    """Every row of the table as it stands, written to the log (action 'baseline'): in
    bulk, as a migration of a file with a million check-ins does it."""
    cols = [(str(c), bool(b)) for c, b in json.loads(db.execute(
        "SELECT columns FROM audit_columns WHERE tbl = ?", [table]).fetchone()[0])]
    names = key_of(db, table)
    key = f"json_array({', '.join(f'r.{c}' for c in names)})"
    who = actor(db)
    _write_entries(db, table, db.execute(f"SELECT {key}, {image_sql('r', cols)} FROM {table} r"),
                   who, action="baseline", operator=who.operator, role="")


def _write_entries(db: Database, table: str, rows: sqlite3.Cursor, who: Actor, *,
                   action: str, operator: str, role: str) -> int:
    """An entry for each (key, image) of ``rows``, in their order, chained on from the
    log's last (and marked, where the file's log has marks), a batch at a time; how
    many."""
    row = db.execute("SELECT hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    prev = str(row[0]) if row else ""
    marks = marks_on(db)
    written = 0
    while batch := rows.fetchmany(10_000):
        at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
        entries = []
        for key_text, image in batch:
            digest = chain(prev, at, who.desk_id, operator, role, action, table,
                           str(key_text), None, str(image))
            entries.append((at, who.desk_id, operator, role, action, table,
                            str(key_text), None, str(image), prev, digest,
                            *([_mark(who.path, digest)] if marks else [])))
            prev = digest
        db.conn.executemany(
            "INSERT INTO audit (at, desk_id, operator, role, action, tbl, key, before,"
            f" after, prev, hash{', mark' if marks else ''}) VALUES"
            f" (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?{', ?' if marks else ''})", entries)
        written += len(entries)
    return written


def insert_logged(db: Database, table: str, sql: str, rows: Sequence[Sequence[Any]], *,
                  ids: range | None = None) -> int:
    """``rows`` inserted into ``table`` by ``sql``, and their entries written to the log
    in bulk: for each new row, in the order of its rowid, the entry its insert trigger
    writes (who, when, its key and image as the trigger makes them, chained and marked
    alike), at half the cost — SQLite sets up the trigger's whole program for each row,
    even one that would stand aside, and it calls into Python five times an entry; an
    import of 400,000 people writes 800,000 entries.

    The new rows are those with the rowids ``ids`` (rows that give their own ids: a
    desk of a hub gives them in its block, below those of other desks), else those
    given rowids past the largest (rows that give none). They are counted against what
    was inserted: a mismatch is an error, and nothing is kept.

    The trigger is taken off and put back, as it was, within one savepoint with the
    rows and their entries: SQLite's changes to a schema are part of the transaction,
    so no other connection ever sees the table without its trigger, and a failure
    anywhere rolls back to the trigger, the rows and the log as they were. Returns how
    many rows were inserted."""
    who = actor(db)
    if not rows:
        return 0
    trigger = db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                         [f"audit_{table}_insert"]).fetchone()
    if trigger is None or getattr(db.conn, "bsm_actor", None) is not who:
        # Not audited, or a connection of another program: as any insert.
        return db.conn.executemany(sql, rows).rowcount
    conn = db.conn
    conn.execute("SAVEPOINT insert_logged")
    try:
        if ids is None:
            after = int(conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}")
                        .fetchone()[0])
            where, params = "r.rowid > ?", [after]
        else:
            where, params = "r.rowid BETWEEN ? AND ?", [ids.start, ids.stop - 1]
        conn.execute(f"DROP TRIGGER main.audit_{table}_insert")
        count = conn.executemany(sql, rows).rowcount
        conn.execute(str(trigger[0]))
        logged = _log_inserted(db, table, who, where, params)
        if logged != count or (ids is not None and len(ids) != count):
            raise RuntimeError(f"{table}: {count} rows inserted, {logged} found to log")
    except BaseException:
        if conn.in_transaction:  # SQLite rolls a whole transaction back itself on
            try:                 # some errors (a full disk): then nothing is left
                conn.execute("ROLLBACK TO insert_logged")
                conn.execute("RELEASE insert_logged")
            except sqlite3.OperationalError:  # "no such savepoint": rolled back already
                pass
        raise
    conn.execute("RELEASE insert_logged")
    return count


def _log_inserted(db: Database, table: str, who: Actor, where: str,
                  params: list[Any]) -> int:
    """The insert entries of the rows of ``table`` that ``where`` selects, in the order
    of their rowids, as its trigger makes them; how many."""
    recorded = db.execute("SELECT columns, key FROM audit_columns WHERE tbl = ?",
                          [table]).fetchone()
    if recorded is None:
        raise ValueError(f"{table} is not audited")
    cols = [(str(c), bool(b)) for c, b in json.loads(recorded[0])]
    names = [str(n) for n in json.loads(recorded[1])]
    key = f"json_array({', '.join(f'r.{c}' for c in names)})"
    operator, role = who.who()
    rows = db.execute(f"SELECT {key}, {image_sql('r', cols)} FROM main.{table} r"
                      f" WHERE {where} ORDER BY r.rowid", params)
    return _write_entries(db, table, rows, who, action="insert", operator=operator,
                          role=role)


def append(db: Database, action: str, *, table: str = "", key: str = "",
           before: str | None = None, after: str | None = None) -> None:
    """One entry written by the program itself (not by a trigger)."""
    row = db.execute("SELECT hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    prev = str(row[0]) if row else ""
    at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    who = actor(db)
    signed = SIGNED.get(who.path)
    name, role = (signed.name, signed.role) if signed else (who.operator, "")
    digest = chain(prev, at, who.desk_id, name, role, action, table, key, before, after)
    values = [at, who.desk_id, name, role, action, table, key, before, after, prev, digest]
    if marks_on(db):
        db.execute("INSERT INTO audit (at, desk_id, operator, role, action, tbl, key,"
                   " before, after, prev, hash, mark) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                   " ?, ?)", [*values, _mark(who.path, digest)])
    else:
        db.execute("INSERT INTO audit (at, desk_id, operator, role, action, tbl, key,"
                   " before, after, prev, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   values)


MARKS_BEGIN = "audit_marks_begin"  # the first entry the event's key marked (an older log)
VOUCHED = "audit_vouched"  # entries this desk wrote before it held the key, vouched for


def vouch(db: Database) -> int:
    """The key has just arrived in this process: what it left unmarked is made good. A
    log with no mark yet (an event keyed before marks existed) gets its first marked
    entry; otherwise the unmarked entries after the last marked one are vouched for by a
    marked entry naming them — only if this process wrote every one of them (nobody else's
    unmarked entry is ever blessed: ``audit verify`` lists those). The caller holds the
    transaction. Returns how many entries were vouched for."""
    path = actor(db).path
    if path not in MARK_KEYS or not marks_on(db):
        return 0
    last = db.execute("SELECT max(id) FROM audit WHERE mark IS NOT NULL").fetchone()[0]
    if last is None:
        record(db, MARKS_BEGIN)
        UNMARKED.pop(path, None)
        return 0
    rows = db.execute("SELECT id, hash FROM audit WHERE id > ? ORDER BY id", [last]
                      ).fetchall()
    mine = UNMARKED[path].hashes() if path in UNMARKED else set()
    if not rows or any(Unmarked.prefix(str(r[1])) not in mine for r in rows):
        return 0
    record(db, VOUCHED, {"from": int(rows[0][0]), "to": int(rows[-1][0])})
    UNMARKED.pop(path, None)
    return len(rows)


def record(db: Database, action: str, detail: dict[str, Any] | None = None, *,
           desk_id: str | None = None, operator: str | None = None) -> None:
    """An entry for what is not a row change: a sign-in, an export, a reveal, a purge."""
    who = actor(db)
    if desk_id is not None:
        who.desk_id = desk_id
    if operator is not None:
        who.operator = operator
    append(db, action, after=json.dumps(detail or {}, ensure_ascii=False, default=str,
                                        sort_keys=True))
