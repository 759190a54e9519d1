"""Badge versions and the print log: append-only events, current state derived from them."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bsm_desk.domain.people import BadgeState
from bsm_desk.store.db import id_chunks

if TYPE_CHECKING:
    from sqlite_utils import Database

_CURRENT = "COALESCE((SELECT MAX(i.version) FROM badge_issue i WHERE i.delegate_id = {d}), 1)"


@dataclass(frozen=True, slots=True)
class Print:
    uuid: str
    delegate_id: int
    version: int
    layout: str
    at: datetime
    desk_id: str
    operator: str


@dataclass(frozen=True, slots=True)
class Issue:
    uuid: str
    delegate_id: int
    version: int
    reason: str
    at: datetime
    desk_id: str
    operator: str


def current_version(db: Database, delegate_id: int) -> int:
    row = db.execute(f"SELECT {_CURRENT.format(d='?')}", [delegate_id]).fetchone()
    return int(row[0])


def states(db: Database, ids: Sequence[int]) -> dict[int, BadgeState]:
    """Current version and last print of it, for each of ``ids``."""
    found: dict[int, BadgeState] = {}
    for chunk, marks in id_chunks(ids):
        rows = db.execute(
            "SELECT d.id, COALESCE(i.v, 1), (SELECT MAX(p.at) FROM badge_print p"
            "   WHERE p.delegate_id = d.id AND p.version = COALESCE(i.v, 1))"
            " FROM delegate d LEFT JOIN (SELECT delegate_id, MAX(version) AS v"
            "   FROM badge_issue GROUP BY delegate_id) i ON i.delegate_id = d.id"
            f" WHERE d.id IN ({marks})", chunk).fetchall()
        for delegate_id, version, printed in rows:
            found[delegate_id] = BadgeState(
                version, datetime.fromisoformat(printed) if printed else None)
    return found


# Of a delegate ``d``: the current version of their badge was never printed.
UNPRINTED = ("NOT EXISTS (SELECT 1 FROM badge_print p WHERE p.delegate_id = d.id"
             f" AND p.version = {_CURRENT.format(d='d.id')})")


def unprinted_ids(db: Database, among: Sequence[int] | None = None) -> list[int]:
    """Active delegates whose current badge has never been printed, by id."""
    sql = ("SELECT d.id FROM delegate d WHERE d.status != 'cancelled' AND d.merged_into IS NULL"
           f" AND {UNPRINTED}")
    if among is None:
        return [r[0] for r in db.execute(sql + " ORDER BY d.id").fetchall()]
    wanted = set(among)
    return [r[0] for r in db.execute(sql + " ORDER BY d.id").fetchall() if r[0] in wanted]


def reissue(db: Database, delegate_id: int, reason: str, *, desk_id: str,
            operator: str = "", at: datetime | None = None) -> int:
    """Record a new badge version for the delegate; every older one is revoked."""
    version = current_version(db, delegate_id) + 1
    db.execute(
        "INSERT INTO badge_issue (uuid, delegate_id, version, reason, at, desk_id, operator)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [str(uuid.uuid4()), delegate_id, version, reason,
         (at or datetime.now(UTC)).isoformat(), desk_id, operator])
    return version


def record_prints(db: Database, printed: Iterable[tuple[int, int]], layout: str, *,
                  desk_id: str, operator: str = "", at: datetime | None = None) -> int:
    """Log one print per (delegate id, version); returns how many were logged."""
    when = (at or datetime.now(UTC)).isoformat()
    rows = [(str(uuid.uuid4()), d, v, layout, when, desk_id, operator) for d, v in printed]
    db.conn.executemany(
        "INSERT INTO badge_print (uuid, delegate_id, version, layout, at, desk_id, operator)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    return len(rows)


def prints(db: Database, delegate_id: int) -> list[Print]:
    return [Print(r["uuid"], r["delegate_id"], r["version"], r["layout"],
                  datetime.fromisoformat(r["at"]), r["desk_id"], r["operator"])
            for r in db.query("SELECT * FROM badge_print WHERE delegate_id = ?"
                              " ORDER BY at, rowid", [delegate_id])]


def issues(db: Database, delegate_id: int) -> list[Issue]:
    return [Issue(r["uuid"], r["delegate_id"], r["version"], r["reason"],
                  datetime.fromisoformat(r["at"]), r["desk_id"], r["operator"])
            for r in db.query("SELECT * FROM badge_issue WHERE delegate_id = ?"
                              " ORDER BY version", [delegate_id])]


def photos(db: Database, ids: Sequence[int]) -> dict[int, bytes]:
    found: dict[int, bytes] = {}
    for chunk, marks in id_chunks(ids):
        for delegate_id, image in db.execute(
                f"SELECT delegate_id, image FROM delegate_photo WHERE delegate_id IN ({marks})",
                chunk).fetchall():
            found[delegate_id] = bytes(image)
    return found


def set_photo(db: Database, delegate_id: int, mime: str, image: bytes | None) -> None:
    if image is None:
        db.execute("DELETE FROM delegate_photo WHERE delegate_id = ?", [delegate_id])
    else:
        db.execute("INSERT OR REPLACE INTO delegate_photo (delegate_id, mime, image)"
                   " VALUES (?, ?, ?)", [delegate_id, mime, image])
