"""Operators (travel between desks like the programme) and, on this desk only, their
failed sign-ins."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from bsm_desk.store.db import next_id

if TYPE_CHECKING:
    from sqlite_utils import Database

    from bsm_desk.domain.operators import Operator, Role
    from bsm_desk.store.reading import Reads


def _operator(row: Any) -> Operator:
    from bsm_desk.domain.operators import Operator, Role  # not for a first look's check

    return Operator(int(row[0]), str(row[1]), Role(row[2]), bool(row[3]))


def any_enabled(db: Reads) -> bool:
    """Whether the event has an operator who may sign in (False for a file from before
    operators, opened read-only)."""
    try:
        return bool(db.execute("SELECT EXISTS (SELECT 1 FROM operator WHERE disabled = 0)"
                               ).fetchone()[0])
    except Exception:  # noqa: BLE001 - a file from before operators (read-only use)
        return False


def any_operators(db: Database) -> bool:
    return bool(db.execute("SELECT EXISTS (SELECT 1 FROM operator)").fetchone()[0])


def all_operators(db: Database) -> list[Operator]:
    return [_operator(r) for r in db.execute(
        "SELECT id, name, role, disabled FROM operator ORDER BY name").fetchall()]


def by_name(db: Database, name: str) -> Operator | None:
    """The operator of that name, in any case of any script (SQLite's NOCASE folds only
    ASCII: "мадина саидова" is Мадина Саидова too)."""
    wanted = " ".join(str(name or "").split()).casefold()
    for row in db.execute("SELECT id, name, role, disabled FROM operator").fetchall():
        if str(row[1]).casefold() == wanted:
            return _operator(row)
    return None


def secret_of(db: Database, operator_id: int) -> str:
    """The argon2id hash of the operator's password (never leaves the services)."""
    row = db.execute("SELECT secret FROM operator WHERE id = ?", [operator_id]).fetchone()
    return str(row[0]) if row else ""


def add(db: Database, name: str, role: Role, secret: str, sign_key: str = "",
        sign_secret: str = "") -> Operator:
    now = datetime.now(UTC).isoformat()
    new_id = next_id(db, "operator")
    db.execute("INSERT INTO operator (id, name, role, secret, sign_key, sign_secret,"
               " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               [new_id, name, role.value, secret, sign_key, sign_secret, now, now])
    from bsm_desk.domain.operators import Operator

    return Operator(new_id, name, role)


def update(db: Database, operator_id: int, **values: Any) -> None:
    allowed = {"role", "secret", "disabled", "sign_key", "sign_secret"}
    if not values or set(values) - allowed:
        raise ValueError(f"not an operator's field: {set(values) - allowed}")
    sets = ", ".join(f"{name} = ?" for name in values)
    db.execute(f"UPDATE operator SET {sets}, updated_at = ? WHERE id = ?",
               [*values.values(), datetime.now(UTC).isoformat(), operator_id])


def failures(db: Database, operator_id: int) -> tuple[int, str]:
    row = db.execute("SELECT failures, locked_until FROM operator_lock WHERE operator_id = ?",
                     [operator_id]).fetchone()
    return (int(row[0]), str(row[1])) if row else (0, "")


def set_failures(db: Database, operator_id: int, count: int, locked_until: str) -> None:
    db.execute("INSERT INTO operator_lock (operator_id, failures, locked_until) VALUES"
               " (?, ?, ?) ON CONFLICT (operator_id) DO UPDATE SET failures ="
               " excluded.failures, locked_until = excluded.locked_until",
               [operator_id, count, locked_until])


def clear_failures(db: Database, operator_id: int) -> None:
    db.execute("DELETE FROM operator_lock WHERE operator_id = ?", [operator_id])


def first_created(db: Database) -> str | None:
    """When sign-in began for this event (the first operator's creation), UTC ISO."""
    row = db.execute("SELECT min(created_at) FROM operator").fetchone()
    return str(row[0]) if row and row[0] else None
