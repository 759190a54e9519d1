"""Who may do what, checked in the services (so the GUI, the CLI and the hub obey the same
rules): :func:`require` before a change, or :func:`requires` on an entry point.

An event with no operators works as it always did: anyone at the laptop may do
anything, and the name a caller gives is the one recorded. Once an operator exists,
each change needs a signed-in operator whose role allows it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar, cast

from sqlite_utils import Database

from bsm_desk.domain.operators import Permission, Role, may, refusal
from bsm_desk.store import audit

F = TypeVar("F", bound=Callable[..., Any])


def has_operators(db: Database) -> bool:
    try:
        return bool(db.execute("SELECT EXISTS (SELECT 1 FROM operator WHERE disabled = 0)"
                               ).fetchone()[0])
    except Exception:  # noqa: BLE001 - a file from before operators (read-only use)
        return False


def signed_in(db: Database) -> audit.SignedIn | None:
    return audit.SIGNED.get(audit.actor(db).path)


def role_of(db: Database) -> Role | None:
    """The signed-in operator's role; None when nobody is (or the event has none)."""
    found = signed_in(db)
    return Role(found.role) if found else None


def allows(db: Database, permission: Permission) -> bool:
    """Whether this may be done now (the GUI greys out what it may not)."""
    if not has_operators(db):
        return True
    role = role_of(db)
    return role is not None and may(role, permission)


def require(db: Database, permission: Permission) -> None:
    """Refused (a UserError, said in one line) unless the signed-in operator may."""
    if not has_operators(db):
        return
    found = signed_in(db)
    if found is None:
        raise refusal(None, None, permission)
    if not may(Role(found.role), permission):
        raise refusal(found.name, Role(found.role), permission)


def acting(db: Database, *, desk_id: str | None = None, operator: str | None = None) -> str:
    """Note who acts on this connection (for the audit log); returns the name to record:
    the signed-in operator's, else the one given."""
    who = audit.actor(db)
    if desk_id is not None:
        who.desk_id = desk_id
    if operator is not None:
        who.operator = operator
    found = signed_in(db)
    return found.name if found else (operator if operator is not None else who.operator)


def requires(permission: Permission) -> Callable[[F], F]:
    """An entry point that changes data: checked before it runs; who acts noted, and the
    signed-in operator's name recorded in place of a typed one."""
    def wrap(function: F) -> F:
        @functools.wraps(function)
        def checked(db: Database, *args: Any, **kwargs: Any) -> Any:
            require(db, permission)
            name = acting(db, desk_id=kwargs.get("desk_id"), operator=kwargs.get("operator"))
            if "operator" in kwargs or _takes_operator(function):
                kwargs["operator"] = name
            return function(db, *args, **kwargs)

        checked.permission = permission  # type: ignore[attr-defined]
        return cast(F, checked)

    return wrap


@functools.cache
def _takes_operator(function: Callable[..., Any]) -> bool:
    import inspect

    return "operator" in inspect.signature(function).parameters
