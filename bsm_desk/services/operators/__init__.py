"""Operators: who signs in at a desk, with which role (domain/operators.py), their
passwords or PINs hashed with argon2id (never kept or logged in clear); sign-in, five
failures lock an operator for a minute; every change and every sign-in in the audit log.

Creating the first operator (an administrator) turns sign-in on for the event; until
then it works as it always did.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

from sqlite_utils import Database

from bsm_desk.domain import authority
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.domain.operators import (
    FAILURES_BEFORE_LOCK,
    LOCKED_FOR_S,
    Operator,
    Permission,
    Role,
    check_secret,
    clean_name,
)
from bsm_desk.services.operators import signing
from bsm_desk.services.operators.access import (
    acting,
    allows,
    has_operators,
    require,
    requires,
    role_of,
    signed_in,
)
from bsm_desk.store import atomic, audit
from bsm_desk.store import operators as store

FIRST_IS_ADMIN = QT_TRANSLATE_NOOP("UserError", "The first operator must be an administrator "
                                                "(who can then add the others).")
EXISTS = QT_TRANSLATE_NOOP("UserError", "There is already an operator called {name}.")
UNKNOWN = QT_TRANSLATE_NOOP("UserError", "Wrong name or password.")
LOCKED = QT_TRANSLATE_NOOP("UserError", "Too many wrong passwords for {name}: try again in "
                                        "{seconds} s.")
DISABLED = QT_TRANSLATE_NOOP("UserError", "Operator {name} is disabled.")
NO_SUCH = QT_TRANSLATE_NOOP("UserError", "There is no operator called {name}.")
NO_DESKS_KEY = QT_TRANSLATE_NOOP("UserError", "Operators cannot sign in at this desk: it was "
                                              "made from the hub without an enrolment code, "
                                              "so it cannot open their passwords. Ask an "
                                              "administrator for a code (hub add-desk) and "
                                              "join again.")
SEALED_FOR_DESKS = "hk1:"  # services/sync/transit.py's mark
LAST_ADMIN = QT_TRANSLATE_NOOP("UserError", "{name} is the last administrator: add another "
                                            "before disabling this one.")
@cache
def _hasher() -> Any:
    """argon2id with the library's current parameters (imported when first needed: the
    window and most commands never hash a password)."""
    from argon2 import PasswordHasher

    return PasswordHasher()


def add_operator(db: Database, name: str, role: Role, secret: str, *, desk_id: str) -> Operator:
    """A new operator. The first needs no sign-in and must be an administrator; later
    ones need an administrator signed in."""
    name, secret = clean_name(name), check_secret(secret)
    first = not store.any_operators(db)
    if first and role is not Role.ADMINISTRATOR:
        raise UserError(FIRST_IS_ADMIN)
    if not first:
        require(db, Permission.OPERATORS)
    acting(db, desk_id=desk_id)
    private, public, sealed = signing.new_keys_for(secret)
    with atomic(db):
        if store.by_name(db, name) is not None:
            raise UserError(EXISTS, name=name)
        made = store.add(db, name, role, _hasher().hash(secret), public, sealed)
        # The first administrator vouches for itself; later ones, whoever added them.
        signing.sign_noted(db, key=private if first else None,
                           signer=made.id if first else None)
    return made


@requires(Permission.OPERATORS)
def set_role(db: Database, name: str, role: Role, *, desk_id: str) -> Operator:
    found = _named(db, name)
    with atomic(db):
        if found.role is Role.ADMINISTRATOR and role is not Role.ADMINISTRATOR:
            _keep_an_admin(db, found)
        store.update(db, found.id, role=role.value)
        signing.sign_noted(db)
    return _named(db, name)


def set_secret(db: Database, name: str, secret: str, *, desk_id: str) -> None:
    """A new password or PIN: one's own (signed in as that operator), or anyone's by an
    administrator."""
    found = _named(db, name)
    me = signed_in(db)
    if me is None or me.operator_id != found.id:
        require(db, Permission.OPERATORS)
    acting(db, desk_id=desk_id)
    secret = check_secret(secret)
    own = me is not None and me.operator_id == found.id and me.key is not None
    if own and me is not None and me.key is not None:  # the same key, sealed anew
        keys = {"sign_secret": authority.seal_key(me.key, secret)}
    else:  # another's: the old key cannot be opened; a new one, vouched for by me
        _private, public, sealed = signing.new_keys_for(secret)
        keys = {"sign_key": public, "sign_secret": sealed}
    with atomic(db):
        store.update(db, found.id, secret=_hasher().hash(secret), **keys)
        store.clear_failures(db, found.id)
        signing.sign_noted(db)


@requires(Permission.OPERATORS)
def set_disabled(db: Database, name: str, disabled: bool = True, *, desk_id: str) -> Operator:
    found = _named(db, name)
    with atomic(db):
        if disabled and found.role is Role.ADMINISTRATOR:
            _keep_an_admin(db, found)
        store.update(db, found.id, disabled=int(disabled))
        signing.sign_noted(db)
    return _named(db, name)


def _keep_an_admin(db: Database, found: Operator) -> None:
    others = [o for o in store.all_operators(db)
              if o.role is Role.ADMINISTRATOR and not o.disabled and o.id != found.id]
    if not others:
        raise UserError(LAST_ADMIN, name=found.name)


def _named(db: Database, name: str) -> Operator:
    found = store.by_name(db, " ".join(str(name or "").split()))
    if found is None:
        raise UserError(NO_SUCH, name=name)
    return found


def operators(db: Database) -> list[Operator]:
    return store.all_operators(db)


def sign_in(db: Database, name: str, secret: str, *, desk_id: str,
            now: datetime | None = None) -> Operator:
    """Check the password; the operator acts on every connection of this process to the
    event file until :func:`sign_out`. Five failures lock the name for a minute."""
    now = now or datetime.now(UTC)
    acting(db, desk_id=desk_id, operator=str(name or "")[:60])
    found = store.by_name(db, " ".join(str(name or "").split()))
    if found is None:
        with atomic(db):
            audit.record(db, "sign_in_failed", {"name": str(name or "")[:60]})
        raise UserError(UNKNOWN)
    acting(db, desk_id=desk_id, operator=found.name)  # the name as registered, any case typed
    # The attempt is counted before the password is checked, in the same write
    # transaction as the check of the lock: forty guesses sent at once are forty
    # attempts, and the sixth on finds the name locked (argon2's time is no window).
    with atomic(db):
        failures, until = store.failures(db, found.id)
        locked_now = bool(until) and datetime.fromisoformat(until) > now
        if locked_now:
            audit.record(db, "sign_in_locked", {"name": found.name})
        else:
            failures += 1
            locked = (now + timedelta(seconds=LOCKED_FOR_S)).isoformat() \
                if failures >= FAILURES_BEFORE_LOCK else ""
            store.set_failures(db, found.id, 0 if locked else failures, locked)
    if locked_now:
        seconds = int((datetime.fromisoformat(until) - now).total_seconds()) + 1
        raise UserError(LOCKED, name=found.name, seconds=seconds)
    stored = store.secret_of(db, found.id)
    if stored.startswith(SEALED_FOR_DESKS):  # a desk made from the hub without a code
        with atomic(db):
            audit.record(db, "sign_in_failed", {"name": found.name, "no_desks_key": True})
        raise UserError(NO_DESKS_KEY)
    try:
        secret = secret if isinstance(secret, str) else ""
        secret = secret.encode("utf-8", "replace").decode("utf-8")  # bytes that are not
        # text cannot be anybody's password: compared as such, they simply do not match
        good: bool = _hasher().verify(stored, str(secret or ""))
    except Exception as exc:  # noqa: BLE001 - argon2's own errors, imported lazily
        from argon2.exceptions import InvalidHashError, VerificationError

        if not isinstance(exc, (VerificationError, InvalidHashError)):
            raise
        good = False
    if not good:
        with atomic(db):
            audit.record(db, "sign_in_failed", {"name": found.name, "failures": failures})
        if locked:
            raise UserError(LOCKED, name=found.name, seconds=LOCKED_FOR_S)
        raise UserError(UNKNOWN)
    if found.disabled:
        with atomic(db):
            audit.record(db, "sign_in_failed", {"name": found.name, "disabled": True})
        raise UserError(DISABLED, name=found.name)
    private, made = signing.open_key(db, found.id, str(secret))
    audit.SIGNED[audit.actor(db).path] = audit.SignedIn(found.id, found.name,
                                                        found.role.value, key=private)
    with atomic(db):
        store.clear_failures(db, found.id)  # this attempt, and any before it
        if _hasher().check_needs_rehash(stored):
            store.update(db, found.id, secret=_hasher().hash(str(secret)))
        if made is not None:  # an operator from before keys: one now
            store.update(db, found.id, sign_key=made[0], sign_secret=made[1])
        audit.record(db, "sign_in", {"name": found.name, "role": found.role.value})
        signing.sign_noted(db)
    return found


def sign_out(db: Database) -> None:
    found = audit.SIGNED.get(audit.actor(db).path)
    if found is not None:
        with atomic(db):  # written while still signed in: the entry names who and role
            audit.record(db, "sign_out", {"name": found.name})
        audit.SIGNED.pop(audit.actor(db).path, None)


__all__ = ["Operator", "Permission", "Role", "acting", "add_operator", "allows",
           "has_operators", "operators", "require", "requires", "role_of", "set_disabled",
           "set_role", "set_secret", "sign_in", "sign_out", "signed_in"]
