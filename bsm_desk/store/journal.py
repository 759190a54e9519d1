"""The append-only journal: what was done, by which desk and operator, when (UTC)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True, slots=True)
class Entry:
    uuid: str
    at: datetime
    desk_id: str
    operator: str
    action: str
    subject: str
    detail: dict[str, Any]


def record(
    db: Database, *, desk_id: str, action: str, subject: str = "", operator: str = "",
    detail: dict[str, Any] | None = None, at: datetime | None = None,
) -> str:
    entry_id = str(uuid.uuid4())
    db.execute(
        "INSERT INTO journal (uuid, at, desk_id, operator, action, subject, detail)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [entry_id, (at or datetime.now(UTC)).isoformat(), desk_id, operator, action, subject,
         json.dumps(detail or {}, ensure_ascii=False)],
    )
    return entry_id


def entries(db: Database, limit: int = 100) -> list[Entry]:
    return [
        Entry(uuid=r["uuid"], at=datetime.fromisoformat(r["at"]), desk_id=r["desk_id"],
              operator=r["operator"], action=r["action"], subject=r["subject"],
              detail=json.loads(r["detail"]))
        for r in db.query("SELECT * FROM journal ORDER BY at DESC LIMIT ?", [limit])
    ]


def subjects(db: Database, action: str) -> list[str]:
    """The subjects of every entry of one kind (the copies saved elsewhere, say)."""
    return [str(r[0]) for r in db.execute(
        "SELECT DISTINCT subject FROM journal WHERE action = ? AND subject <> ''", [action])]
