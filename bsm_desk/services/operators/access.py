"""Who may do what, checked in the services (so the GUI, the CLI and the hub obey the same
rules): :func:`require` before a change, or :func:`requires` on an entry point.

Every change is made by someone: an :class:`~acting.Acting`, made at sign-in (or, where
nobody signs in, for the desk), given as ``who=``. An event with no operators works as
it always did: anyone at the laptop may do anything, and the desk's name is recorded.
Once an operator exists, each change needs an operator signed in whose role allows it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

from bsm_desk.domain.operators import Permission, Role, may
from bsm_desk.services.operators.acting import Acting, check, has_operators
from bsm_desk.store import audit

if TYPE_CHECKING:
    from sqlite_utils import Database

F = TypeVar("F", bound=Callable[..., Any])


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


def require(db: Database, who: object, permission: Permission) -> Acting:
    """Refused (a UserError, said in one line) unless ``who`` — made at sign-in, or the
    desk itself where the event has no operators — may do this now."""
    return check(db, who, permission)


def requires(permission: Permission) -> Callable[[F], F]:
    """An entry point that changes data: called with ``who=`` (an :class:`Acting`),
    checked before it runs; the desk and name it records are who's."""
    def wrap(function: F) -> F:
        @functools.wraps(function)
        def checked(db: Database, *args: Any, **kwargs: Any) -> Any:
            check(db, kwargs.get("who"), permission)
            return function(db, *args, **kwargs)

        checked.permission = permission  # type: ignore[attr-defined]
        return cast(F, checked)

    return wrap


__all__ = ["Acting", "allows", "has_operators", "require", "requires", "role_of", "signed_in"]
