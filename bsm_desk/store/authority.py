"""The signatures of this desk's changes of authority rows (operators, the event, the
data key), kept until the change is sent (domain/authority.py says what they cover)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from bsm_desk.domain import authority

if TYPE_CHECKING:
    from sqlite_utils import Database


def noted(db: Database) -> list[tuple[str, list[Any], str]]:
    """(table, key, at) of each noted change of an authority row."""
    marks = ", ".join("?" * len(authority.TABLES))
    found = []
    for name, key, at in db.execute(f"SELECT tbl, key, at FROM sync_changed WHERE tbl IN"
                                    f" ({marks})", sorted(authority.TABLES)).fetchall():
        try:
            values = json.loads(key)
        except ValueError:
            continue
        if isinstance(values, list):
            found.append((str(name), values, str(at)))
    return found


def key_text(key: Sequence[Any]) -> str:
    """The key as the triggers write it (SQLite's json_array)."""
    return json.dumps(list(key), ensure_ascii=False, separators=(",", ":"))


def keep(db: Database, table: str, key: Sequence[Any], row_hash: str, at: str, signer: int,
         signature: str) -> None:
    db.execute("INSERT OR REPLACE INTO authority_sig (tbl, key, hash, at, signer, signature)"
               " VALUES (?, ?, ?, ?, ?, ?)", [table, key_text(key), row_hash, at, signer,
                                              signature])


def signature_of(db: Database, table: str, key: Sequence[Any], row_hash: str,
                 at: str) -> tuple[int, str] | None:
    """(signer, signature) of that very version of the row, if this desk signed it."""
    row = db.execute("SELECT signer, signature FROM authority_sig WHERE tbl = ? AND key = ?"
                     " AND hash = ? AND at = ?", [table, key_text(key), row_hash,
                                                 at]).fetchone()
    return (int(row[0]), str(row[1])) if row else None


def signing_of(db: Database, operator_id: int) -> tuple[str, str]:
    """(public key, sealed private key) of an operator; empty strings if none."""
    row = db.execute("SELECT sign_key, sign_secret FROM operator WHERE id = ?",
                     [operator_id]).fetchone()
    return (str(row[0] or ""), str(row[1] or "")) if row else ("", "")


def trusted(db: Database) -> dict[int, tuple[str, bool, str]]:
    """Every operator: id -> (role, disabled, public key)."""
    return {int(r[0]): (str(r[1]), bool(r[2]), str(r[3] or "")) for r in db.execute(
        "SELECT id, role, disabled, sign_key FROM operator").fetchall()}
