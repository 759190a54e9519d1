"""Reading and checking the audit trail (store/audit.py): ``audit verify`` walks the
chain and replays the log against every audited table; ``audit show`` lists it."""

from __future__ import annotations

import hmac
import json
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP
from bsm_desk.domain.operators import Permission
from bsm_desk.services.operators.access import require
from bsm_desk.services.operators.acting import Acting
from bsm_desk.store import audit, audit_log

if TYPE_CHECKING:
    from sqlite_utils import Database

BROKEN_LINK = QT_TRANSLATE_NOOP("Audit", "entry {id} does not follow the one before it (an "
                                         "entry was removed or moved)")
BROKEN_HASH = QT_TRANSLATE_NOOP("Audit", "entry {id} was changed after it was written")
ROW_CHANGED = QT_TRANSLATE_NOOP("Audit", "{table} {key} is not as the log says: changed "
                                         "outside BSM Desk")
ROW_GONE = QT_TRANSLATE_NOOP("Audit", "{table} {key} is in the log but not in the table: "
                                      "removed outside BSM Desk")
ROW_UNLOGGED = QT_TRANSLATE_NOOP("Audit", "{table} {key} is in the table but not in the log: "
                                          "added outside BSM Desk")
TABLE_UNLOGGED = QT_TRANSLATE_NOOP("Audit", "the table {table} is not audited")
TRIGGER_GONE = QT_TRANSLATE_NOOP("Audit", "the audit trigger {trigger} is missing: changes "
                                          "since it was dropped went unlogged")
HUB_HEAD = QT_TRANSLATE_NOOP("Audit", "the hub holds entry {id} of this desk's log ({at}), "
                                      "which is no longer here as it was: entries were "
                                      "removed or rewritten")
CUT_SHORT = QT_TRANSLATE_NOOP("Audit", "the log no longer holds entry {id} as the backup of "
                                       "{at} has it: entries were removed or rewritten "
                                       "after it")
BAD_MARK = QT_TRANSLATE_NOOP("Audit", "entry {id} carries a mark that is not the event key's: "
                                      "the log was rewritten without the key")
UNMARKED = QT_TRANSLATE_NOOP("Audit", "entries {first} to {last} carry no mark of the event's "
                                      "key: written where the key was not held (an older "
                                      "BSM Desk, a desk without it) or outside BSM Desk")
NO_KEY_MARK = QT_TRANSLATE_NOOP("Audit", "entry {id} begins the marks of the event's key but "
                                         "carries none: the log was rewritten without the key")
MAX_PROBLEMS = 50
REWRITES = ("personal_data_sealed", "purged")  # the two times the log is rewritten


# What ``audit verify`` could check of the marks (the chain, the rows and the witnesses
# are always checked).
MARKS_CHECKED = "checked"  # with the event's key: a rewrite without it is caught
MARKS_NOT_CHECKED = "key not held"  # the event has a key this desk does not hold
MARKS_NONE = "no key"  # the event has no key (no operators, not protected): chain only


@dataclass
class Verdict:
    entries: int = 0
    first_broken: int | None = None
    problems: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    marks: str = MARKS_NONE
    marked_from: int | None = None  # the entry from which every one must carry a mark

    @property
    def ok(self) -> bool:
        return not self.problems

    def messages(self, translate: Callable[[str, str], str] | None = None) -> list[str]:
        words = translate or (lambda _context, text: text)
        return [words("Audit", template).format(**fields)
                for template, fields in self.problems]

    def as_dict(self, translate: Callable[[str, str], str] | None = None) -> dict[str, Any]:
        return {"ok": self.ok, "entries": self.entries, "first_broken": self.first_broken,
                "problems": self.messages(translate), "marks": self.marks,
                "marked_from": self.marked_from}


def _note(found: Verdict, template: str, **fields: Any) -> None:
    if len(found.problems) < MAX_PROBLEMS:
        found.problems.append((template, fields))


def verify(db: Database, *, backup: Path | None = None,
           hub_head: tuple[int, str, str] | None = None) -> Verdict:
    """The chain unbroken, and every audited table as its log says, row for row; and the
    latest automatic backup's last entry still here as it was (entries cut from the end of
    the log break no chain: the backup is the witness)."""
    found = Verdict()
    _against_backup(db, found, backup)
    if hub_head is not None:
        _against_hub(db, found, hub_head)
    last: dict[tuple[str, str], str | None] = {}
    prev = ""
    marks = _Marks(db, found)
    for entry in audit_log.entries(db):
        found.entries += 1
        marks.see(entry)
        if entry.prev != prev:
            _note(found, BROKEN_LINK, id=entry.id)
            found.first_broken = found.first_broken or entry.id
        elif entry.hash != audit_log.expected_hash(entry):
            _note(found, BROKEN_HASH, id=entry.id)
            found.first_broken = found.first_broken or entry.id
        prev = entry.hash
        if entry.table and entry.action in ("insert", "update", "baseline", "delete"):
            last[(entry.table, entry.key)] = entry.after
    marks.end()
    triggers = {str(r[0]) for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()}
    wanted = ["audit_kept_update", "audit_kept_delete"] + [
        f"audit_{table}_{action}" for table in audit.audited_tables(db)
        for action in ("insert", "update", "delete")]
    for trigger in wanted:
        if trigger not in triggers:
            _note(found, TRIGGER_GONE, trigger=trigger)
    recorded = audit_log.recorded_columns(db)
    for table in audit.audited_tables(db):
        if table not in recorded:
            _note(found, TABLE_UNLOGGED, table=table)
            continue
        cols, names = recorded[table]
        current = audit_log.current_images(db, table, cols, names)
        logged = {key: image for (name, key), image in last.items()
                  if name == table and image is not None}
        for key in sorted(set(current) | set(logged)):
            if key not in logged:
                _note(found, ROW_UNLOGGED, table=table, key=key)
            elif key not in current:
                _note(found, ROW_GONE, table=table, key=key)
            elif not _same(current[key], logged[key]):
                _note(found, ROW_CHANGED, table=table, key=key)
    return found


class _Marks:
    """The marks of the event's key, checked entry by entry when this desk holds it: from
    the last entry that set the key (or began its marks on an older log) on, every entry
    carries a valid mark, or belongs to a run of entries a marked entry vouched for."""

    def __init__(self, db: Database, found: Verdict) -> None:
        from bsm_desk.store import privacy

        self.found = found
        self.key = audit.MARK_KEYS.get(audit.actor(db).path)
        self.start: int | None = None
        self.run: list[int] = []
        if not audit.marks_on(db):
            return
        row = db.execute("SELECT max(id) FROM audit WHERE tbl = 'data_key' OR action = ?",
                         [audit.MARKS_BEGIN]).fetchone()
        self.start = int(row[0]) if row and row[0] is not None else None
        if privacy.protected(db) or self.start is not None:
            found.marks = MARKS_CHECKED if self.key is not None else MARKS_NOT_CHECKED
        if self.key is None:
            self.start = None
        found.marked_from = self.start

    def see(self, entry: audit_log.Entry) -> None:
        if self.key is None:
            return
        good = entry.mark is not None and hmac.compare_digest(
            entry.mark, audit.mark_with(self.key, entry.hash))
        if entry.mark is not None and not good:
            _note(self.found, BAD_MARK, id=entry.id)
            self.found.first_broken = self.found.first_broken or entry.id
        if self.start is None or entry.id < self.start:
            return
        if entry.id == self.start and not good:
            _note(self.found, NO_KEY_MARK, id=entry.id)
            self.found.first_broken = self.found.first_broken or entry.id
            return
        if entry.mark is None:
            self.run.append(entry.id)
            return
        if self.run and not (good and entry.action == audit.VOUCHED
                             and _vouches(entry, self.run)):
            self.end()
        self.run = []

    def end(self) -> None:
        if self.run:
            _note(self.found, UNMARKED, first=self.run[0], last=self.run[-1])
            self.found.first_broken = self.found.first_broken or self.run[0]
            self.run = []


def _vouches(entry: audit_log.Entry, run: list[int]) -> bool:
    try:
        said = json.loads(entry.after or "")
    except ValueError:
        return False
    return isinstance(said, dict) and said.get("from") == run[0] and \
        said.get("to") == run[-1] and len(run) == run[-1] - run[0] + 1


def _against_backup(db: Database, found: Verdict, backup: Path | None) -> None:
    import sqlite3

    from bsm_desk.store import backups

    if backup is None:
        path = audit.actor(db).path
        restored = db.execute("SELECT max(at) FROM audit WHERE action = 'restored'"
                              ).fetchone()[0]
        since = datetime.fromisoformat(str(restored).replace("Z", "+00:00")) \
            if restored else None
        found_backups = [b for b in (backups.listing(path) if path and path != ":memory:"
                                     else []) if since is None or b.at > since]
        backup = found_backups[0].path if found_backups else None
    if backup is None:
        return
    try:
        with closing(sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)) as old:
            row = old.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    except sqlite3.Error:
        return  # a backup from before the audit trail, or unreadable: no witness
    if row is None:
        return
    here = db.execute("SELECT hash FROM audit WHERE id = ?", [row[0]]).fetchone()
    rewritten = db.execute(
        f"SELECT 1 FROM audit WHERE id > ? AND action IN ({', '.join('?' for _ in REWRITES)})"
        " LIMIT 1", [row[0], *REWRITES]).fetchone()
    if (here is None or str(here[0]) != str(row[1])) and rewritten is None:
        at = backup.stem.rsplit(".", 1)[-1]
        _note(found, CUT_SHORT, id=row[0], at=at)
        found.first_broken = found.first_broken or int(row[0])


def _against_hub(db: Database, found: Verdict, head: tuple[int, str, str]) -> None:
    """The hub's record of this desk's last entry must still be here as it was (unless
    the log was rewritten by sealing or the purge, or the file restored, since)."""
    entry_id, at, digest = head
    here = db.execute("SELECT hash FROM audit WHERE id = ?", [entry_id]).fetchone()
    if here is not None and str(here[0]) == digest:
        return
    excused = db.execute(
        f"SELECT 1 FROM audit WHERE at >= ? AND action IN"
        f" ({', '.join('?' for _ in (*REWRITES, 'restored'))}) LIMIT 1",
        [at, *REWRITES, "restored"]).fetchone()
    if excused is None:
        _note(found, HUB_HEAD, id=entry_id, at=at)
        found.first_broken = found.first_broken or entry_id


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    try:  # the same row, written by another SQLite (spacing, number forms)
        return bool(json.loads(a) == json.loads(b))
    except ValueError:
        return False


# Fields whose values are secrets or key material: never shown, whoever reads the log.
HIDDEN_FIELDS = frozenset({"secret", "sign_secret", "salt", "wrapped", "probe"})
HIDDEN = "(hidden)"


def _hidden(image: str | None) -> str | None:
    """A row's image with its secrets' values replaced (the entry's hash is over the
    original, which the log keeps)."""
    if not image:
        return image
    try:
        found = json.loads(image)
    except ValueError:
        return image
    if not isinstance(found, dict) or not HIDDEN_FIELDS & set(found):
        return image
    return json.dumps({k: (HIDDEN if k in HIDDEN_FIELDS and v else v)
                       for k, v in found.items()}, ensure_ascii=False)


def show(db: Database, *, who: Acting, operator: str | None = None, since: str | None = None,
         limit: int | None = None, newest_first: bool = False,
         before_id: int | None = None) -> list[dict[str, Any]]:
    """The entries, oldest first (a supervisor's, once the event has operators); an
    operator's password verifier and the sealed data's key material are never shown."""
    require(db, who, Permission.HISTORY)
    shown = []
    for entry in audit_log.entries(db, operator=operator, since=since, limit=limit,
                               newest_first=newest_first, before_id=before_id):
        row = entry.as_dict()
        row["before"], row["after"] = _hidden(row["before"]), _hidden(row["after"])
        shown.append(row)
    return shown


def operators_seen(db: Database) -> list[str]:
    """Everyone the log names, for the History screen's filter."""
    return [str(r[0]) for r in db.execute(
        "SELECT DISTINCT operator FROM audit WHERE operator <> '' ORDER BY operator"
        " COLLATE NOCASE").fetchall()]


def changed_fields(before: str | None, after: str | None) -> list[tuple[str, Any, Any]]:
    """(field, before, after) of what an entry changed (all of a new or removed row)."""
    def parsed(text: str | None) -> dict[str, Any]:
        try:
            found = json.loads(text) if text else {}
        except ValueError:
            return {}
        return found if isinstance(found, dict) else {}

    old, new = parsed(before), parsed(after)
    return [(name, old.get(name), new.get(name)) for name in dict.fromkeys([*old, *new])
            if old.get(name) != new.get(name)]
