"""The audit log read back (store/audit.py writes it): its entries, the hash each should
carry, the columns and rows its triggers recorded against the tables as they stand, the
log rewritten and sealed again (a purge, sealing personal data), and what was written
since an entry — the journal the window follows its file by."""

from __future__ import annotations

import hmac
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from bsm_desk.store.audit import (
    MARK_KEYS,
    actor,
    chain,
    columns_of,
    image_sql,
    mark_with,
    marks_on,
    record,
)

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class Entry:
    id: int
    at: str
    desk_id: str
    operator: str
    role: str
    action: str
    table: str
    key: str
    before: str | None
    after: str | None
    prev: str
    hash: str
    mark: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at, "desk_id": self.desk_id,
                "operator": self.operator, "role": self.role, "action": self.action,
                "table": self.table, "key": self.key, "before": self.before,
                "after": self.after}


def entries(db: Database, *, operator: str | None = None, since: str | None = None,
            after_id: int = 0, limit: int | None = None, newest_first: bool = False,
            before_id: int | None = None) -> Iterator[Entry]:
    where, values = ["id > ?"], [after_id]
    if operator:
        where.append("operator = ? COLLATE NOCASE")
        values.append(operator)  # type: ignore[arg-type]
    if since:
        where.append("at >= ?")
        values.append(since)  # type: ignore[arg-type]
    if before_id is not None:
        where.append("id < ?")
        values.append(before_id)
    tail = f" LIMIT {int(limit)}" if limit else ""
    order = "id DESC" if newest_first else "id"
    mark = "mark" if marks_on(db) else "NULL"
    for r in db.execute(f"SELECT id, at, desk_id, operator, role, action, tbl, key, before,"
                        f" after, prev, hash, {mark} FROM audit WHERE {' AND '.join(where)}"
                        f" ORDER BY {order}{tail}", values):
        yield Entry(int(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]), str(r[5]),
                    str(r[6]), str(r[7]), r[8], r[9], str(r[10]), str(r[11]),
                    None if r[12] is None else str(r[12]))


def expected_hash(entry: Entry) -> str:
    return chain(entry.prev, entry.at, entry.desk_id, entry.operator, entry.role,
                 entry.action, entry.table, entry.key, entry.before, entry.after)


def recorded_columns(db: Database) -> dict[str, tuple[list[tuple[str, bool]], list[str]]]:
    """Each audited table's columns and key as its triggers write them; a damaged record
    (not what make_triggers wrote, or a column the table no longer has) is left out, so
    that ``audit verify`` reports the table as not audited rather than failing."""
    found = {}
    for table, cols, key in db.execute("SELECT tbl, columns, key FROM audit_columns"
                                       ).fetchall():
        try:
            pairs = [(str(c), bool(b)) for c, b in json.loads(cols)]
            names = [str(k) for k in json.loads(key)]
        except (ValueError, TypeError):
            continue
        have = {c for c, _blob in columns_of(db, str(table))} | {"rowid"}
        if pairs and all(c in have for c, _b in pairs) and all(k in have for k in names):
            found[str(table)] = (pairs, names)
    return found


def current_images(db: Database, table: str, cols: Sequence[tuple[str, bool]],
                   names: Sequence[str]) -> dict[str, str]:
    key = f"json_array({', '.join(f'r.{c}' for c in names)})"
    return {str(k): str(v) for k, v in db.execute(
        f"SELECT {key}, {image_sql('r', cols)} FROM {table} r").fetchall()}


def rewrite(db: Database, images: Any, reason: str, detail: dict[str, Any]) -> int:
    """Rewrite the before and after images of the log (``images(entry)`` returns the new
    pair, or None to leave the entry), then seal the chain again from the first entry
    changed, and append an entry saying so with the old and new head. Only the purge and
    sealing personal data do this — the two times the trail must forget what it held;
    ``audit verify`` holds afterwards. The caller holds the transaction."""
    old_head = db.execute("SELECT hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    changed = 0
    prev = ""
    resealing = False
    marks = marks_on(db)
    key = MARK_KEYS.get(actor(db).path)
    db.execute("DROP TRIGGER IF EXISTS audit_kept_update")
    try:
        for entry in list(entries(db)):
            new = images(entry)
            if new is not None and tuple(new) != (entry.before, entry.after):
                resealing = True
                changed += 1
                entry = replace(entry, before=new[0], after=new[1])
            if resealing:
                digest = chain(prev, entry.at, entry.desk_id, entry.operator, entry.role,
                               entry.action, entry.table, entry.key, entry.before,
                               entry.after)
                db.execute("UPDATE audit SET before = ?, after = ?, prev = ?, hash = ?"
                           " WHERE id = ?", [entry.before, entry.after, prev, digest,
                                             entry.id])
                if marks:  # an entry the key marked is marked anew (nothing else is)
                    was = key is not None and entry.mark is not None and hmac.compare_digest(
                        entry.mark, mark_with(key, entry.hash))
                    db.execute("UPDATE audit SET mark = ? WHERE id = ?",
                               [mark_with(key, digest) if was and key else None, entry.id])
                prev = digest
            else:
                prev = entry.hash
    finally:
        db.execute("CREATE TRIGGER IF NOT EXISTS audit_kept_update BEFORE UPDATE ON audit"
                   " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END")
    record(db, reason, {**detail, "entries_rewritten": changed,
                        "head_before": str(old_head[0]) if old_head else ""})
    return changed


def tables_written_since(db: Database, after: int) -> tuple[int, frozenset[str]]:
    """The last audit entry's id, and the tables written by entries after ``after``: the
    audit log doubles as the journal of what changed, for the window that follows its
    file (every data table has its triggers). A last id below ``after`` means the log was
    replaced (a restore): the caller takes it that everything changed."""
    last = db.execute("SELECT coalesce(max(id), 0) FROM audit").fetchone()[0]
    if last <= after:
        return int(last), frozenset()
    found = db.execute("SELECT DISTINCT tbl FROM audit WHERE id > ? AND tbl != ''",
                       [after]).fetchall()
    return int(last), frozenset(str(r[0]) for r in found)


def labels(db: Database, table: str, columns: Sequence[str],
           ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
    """``columns`` of the rows of ``table`` with these ids (the History says whose entry
    it is by name). ``table`` and ``columns`` are the caller's constants, never input."""
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    found = db.execute(f"SELECT id, {', '.join(columns)} FROM {table} WHERE id IN ({marks})",
                       list(ids)).fetchall()
    return {int(r[0]): tuple(r[1:]) for r in found}


def last_entry_of(db: Database, tables: Sequence[str]) -> int:
    """The id of the newest entry touching any of ``tables`` (0: none): it moves with
    every change to them, so it fingerprints their state."""
    marks = ", ".join("?" * len(tables))
    return int(db.execute(f"SELECT coalesce(max(id), 0) FROM audit WHERE tbl IN ({marks})",
                          list(tables)).fetchone()[0])
