"""Check-in events (append-only) and the per-checkpoint rules."""

from __future__ import annotations

import os
import time
import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Any

from bsm_desk.domain.checkin import CheckinRow as Row
from bsm_desk.domain.checkin import Earlier

if TYPE_CHECKING:
    from sqlite_utils import Database

# An accepted check-in that no later event has undone: looked up row by row (a scan)...
_STANDING = ("c.accepted = 1 AND NOT EXISTS (SELECT 1 FROM checkin u"
             " WHERE u.undoes = c.uuid)")
# ...and for reading the whole table, where the few undos are better read once.
_STANDING_ALL = ("c.accepted = 1 AND c.delegate_id IS NOT NULL AND c.uuid NOT IN"
                 " (SELECT undoes FROM checkin WHERE undoes IS NOT NULL)")


def append(db: Database, *, checkpoint: str, delegate_id: int | None,
           badge_version: int | None, verdict: str, accepted: bool, at: datetime,
           desk_id: str, operator: str = "", method: str = "scan", code: str = "",
           undoes: str | None = None, reason: str = "") -> str:
    entry = new_id()
    db.execute(
        "INSERT INTO checkin (uuid, checkpoint, delegate_id, badge_version, verdict, accepted,"
        " method, code, undoes, reason, at, desk_id, operator)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [entry, checkpoint, delegate_id, badge_version, verdict, int(accepted), method,
         code[:200], undoes, reason, at.isoformat(), desk_id, operator])
    return entry


def new_id() -> str:
    """A check-in's id: unique across desks, and time-ordered (UUID version 7, RFC 9562:
    the time in milliseconds, then 74 random bits), so that each new one is written at
    the end of the ids' index. A random one (version 4) landed on any of a million
    check-ins' index pages: one more page to read and write with every scan (at
    1,000,000, its INSERT took twice as long, 0.14 ms at p50; docs/benchmarks.md).
    Made here, not by the uuid6 package, which reads its own version from the installed
    packages when imported (50-120 ms before a desk's first scan); Python has uuid7
    itself from 3.14."""
    stamp = time.time_ns() // 1_000_000 & 0xFFFF_FFFF_FFFF
    rand = int.from_bytes(os.urandom(10), "big")  # 80 bits: 12 and 62 of them used
    value = (stamp << 80 | 0x7 << 76 | (rand >> 68) << 64  # the version, then rand_a
             | 0b10 << 62 | rand & 0x3FFF_FFFF_FFFF_FFFF)  # the RFC's variant, rand_b
    return str(uuid.UUID(int=value))


def first_standing(db: Database, checkpoint: str, delegate_id: int) -> Earlier | None:
    """The delegate's first accepted, not undone, check-in at this checkpoint — under
    this record or one merged into it (a duplicate's badge let the same person in)."""
    row = db.execute(FIRST_STANDING_SQL, [checkpoint, delegate_id, delegate_id]).fetchone()
    return Earlier(datetime.fromisoformat(row[0]), row[1], row[2]) if row else None


# Every scan asks it. "+c.at", not "c.at": ordered by the time as it is, SQLite may walk
# the (checkpoint, at) index through every check-in at the door for the first of this
# person — what statistics taken while the door was still empty (a new event's, the
# demo's) make it choose, so that each scan took longer than the one before (0.5 ms more
# after 8,000 at one door). The "+" leaves it only the indexes that find the person.
FIRST_STANDING_SQL = (
    f"SELECT c.at, c.desk_id, c.operator FROM checkin c WHERE c.checkpoint = ?"
    f" AND c.delegate_id IN (SELECT ? UNION ALL SELECT id FROM delegate"
    f" WHERE merged_into = ?) AND {_STANDING} ORDER BY +c.at LIMIT 1")


def merges(db: Database) -> dict[int, int]:
    """Each merged record -> the record kept in the end (merges followed through)."""
    direct = {int(r[0]): int(r[1]) for r in db.execute(
        "SELECT id, merged_into FROM delegate WHERE merged_into IS NOT NULL").fetchall()}
    found = {}
    for start in direct:
        kept, seen = direct[start], {start}
        while kept in direct and kept not in seen:
            seen.add(kept)
            kept = direct[kept]
        found[start] = kept
    return found


def last_standing_by_desk(db: Database, checkpoint: str, desk_id: str) -> Row | None:
    rows = _rows(db, f"WHERE c.checkpoint = ? AND c.desk_id = ? AND {_STANDING}"
                     " ORDER BY c.at DESC, c.rowid DESC LIMIT 1", [checkpoint, desk_id])
    return rows[0] if rows else None


def recent(db: Database, checkpoint: str, limit: int = 20) -> list[Row]:
    return _rows(db, "WHERE c.checkpoint = ? ORDER BY c.at DESC, c.rowid DESC LIMIT ?",
                 [checkpoint, limit])


def _rows(db: Database, where: str, params: list[Any]) -> list[Row]:
    return [Row(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6], r[7], r[8], r[9],
                datetime.fromisoformat(r[10]), r[11], r[12],
                f"{(r[13] or '').upper()} {r[14] or ''}".strip())
            for r in db.execute(
                "SELECT c.uuid, c.checkpoint, c.delegate_id, c.badge_version, c.verdict,"
                " c.accepted, c.method, c.code, c.undoes, c.reason, c.at, c.desk_id,"
                " c.operator, d.family_name, d.given_name FROM checkin c"
                f" LEFT JOIN delegate d ON d.id = c.delegate_id {where}", params).fetchall()]


def standing_by_category(db: Database, checkpoint: str) -> dict[int, int]:
    """Category id -> delegates checked in (accepted, not undone) at the checkpoint."""
    counts = {r[0]: r[1] for r in db.execute(
        "SELECT d.category_id, COUNT(*) FROM delegate d WHERE d.id IN (SELECT c.delegate_id"
        " FROM checkin c WHERE c.checkpoint = ? AND c.accepted = 1) GROUP BY d.category_id",
        [checkpoint]).fetchall()}
    # Undos are few: take out the people none of whose check-ins here still stands.
    for category_id, in db.execute(
            # "+u.checkpoint": look through the (few) undos, not the checkpoint's rows.
            "SELECT d.category_id FROM delegate d WHERE d.id IN (SELECT u.delegate_id"
            " FROM checkin u WHERE u.undoes IS NOT NULL AND +u.checkpoint = ?)"
            f" AND NOT EXISTS (SELECT 1 FROM checkin c WHERE c.checkpoint = ?"
            f" AND c.delegate_id = d.id AND {_STANDING})", [checkpoint, checkpoint]).fetchall():
        counts[category_id] -= 1
    return {k: v for k, v in counts.items() if v}


def readmit_rules(db: Database) -> dict[str, bool]:
    return {r[0]: bool(r[1]) for r in db.execute(
        "SELECT checkpoint, readmit FROM checkpoint_rule").fetchall()}


def set_readmit(db: Database, checkpoint: str, readmit: bool) -> None:
    db.execute("INSERT OR REPLACE INTO checkpoint_rule (checkpoint, readmit) VALUES (?, ?)",
               [checkpoint, int(readmit)])


def any_at(db: Database, checkpoint: str) -> bool:
    """Whether anyone was ever checked in (or refused) at this checkpoint."""
    return db.execute("SELECT 1 FROM checkin WHERE checkpoint = ? LIMIT 1",
                      [checkpoint]).fetchone() is not None


def delete_rule(db: Database, checkpoint: str) -> bool | None:
    """Forget a checkpoint's re-entry rule; the rule it had, if any."""
    rule = readmit_rules(db).get(checkpoint)
    db.execute("DELETE FROM checkpoint_rule WHERE checkpoint = ?", [checkpoint])
    return rule


def first_standing_everywhere(db: Database) -> list[tuple[str, int, datetime]]:
    """(checkpoint, delegate id, first standing check-in) for every pair there is, a
    merged record's check-ins counted as the kept record's."""
    kept = merges(db)
    rows = db.execute(f"SELECT c.checkpoint, c.delegate_id, MIN(c.at) FROM checkin c"
                      f" WHERE {_STANDING_ALL} GROUP BY c.checkpoint, c.delegate_id"
                      ).fetchall()
    if not kept:  # one row per pair already (most events merge nobody)
        return [(point, delegate_id, datetime.fromisoformat(first))
                for point, delegate_id, first in rows]
    firsts: dict[tuple[str, int], datetime] = {}
    for point, delegate_id, first in rows:
        # A merged duplicate's check-ins are the kept record's: present wherever either
        # was, once.
        key = (point, kept.get(delegate_id, delegate_id))
        at = datetime.fromisoformat(first)
        if key not in firsts or at < firsts[key]:
            firsts[key] = at
    return [(point, delegate_id, at) for (point, delegate_id), at in firsts.items()]


def standing_twice(db: Database, uuid: str) -> list[tuple[str, str, str, str]]:
    """The other standing accepted check-ins (uuid, desk, desk's name, at) of the same
    delegate at the same checkpoint as the check-in ``uuid`` — two desks that each let
    the same person in while they could not see each other."""
    return [(str(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in db.execute(
        f"SELECT c.uuid, c.desk_id, c.operator, c.at FROM checkin c JOIN checkin t ON"
        f" t.uuid = ? AND c.checkpoint = t.checkpoint AND c.delegate_id = t.delegate_id"
        f" AND c.uuid != t.uuid AND c.desk_id != t.desk_id WHERE t.accepted = 1 AND"
        f" {_STANDING} ORDER BY c.at", [uuid]).fetchall()]
