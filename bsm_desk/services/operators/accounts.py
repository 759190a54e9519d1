"""Operators: who signs in at a desk, with which role (domain/operators.py), their
passwords or PINs kept as argon2id verifiers *keyed* with a pepper derived from the
event's key (never kept or logged in clear, and not testable from the event file alone);
sign-in, five failures lock an operator for a minute; every change and every sign-in in
the audit log.

Creating the first operator (an administrator) turns sign-in on for the event and sets
its passphrase: the event's key is made then (personal data sealed from that moment on)
and kept on this desk (services/operators/keystore.py). Until then it works as it always
did.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

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
    allows,
    has_operators,
    require,
    requires,
    role_of,
    signed_in,
)
from bsm_desk.services.operators.acting import (
    Acting,
    acting_at,
    at_desk,
    check,
    current,
    ended,
    made_at_sign_in,
)
from bsm_desk.store import atomic, audit
from bsm_desk.store import operators as store
from bsm_desk.store import privacy as sealing

if TYPE_CHECKING:
    from sqlite_utils import Database

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
SEALED_FOR_DESKS = "hk1:"  # services/hub/transit.py's mark
NEEDS_KEY = QT_TRANSLATE_NOOP("UserError", "This desk does not hold the event's key, so it "
                                           "cannot check or set passwords: an administrator "
                                           "unlocks it once with the event's passphrase "
                                           "(Unlock this desk… in the sign-in; bsm-desk "
                                           "unlock), or enrols it with a code from the hub.")
NEEDS_PASSPHRASE = QT_TRANSLATE_NOOP("UserError", "The first administrator sets the event's "
                                                  "passphrase (at least 10 characters): it "
                                                  "seals personal data and keys the "
                                                  "operators' passwords. Keep it safe: "
                                                  "another desk needs it once.")
PEPPERED = "pep1:"  # a verifier keyed with the event's pepper
LAST_ADMIN = QT_TRANSLATE_NOOP("UserError", "{name} is the last administrator: add another "
                                            "before disabling this one.")
@cache
def _hasher() -> Any:
    """argon2id with the library's current parameters (imported when first needed: the
    window and most commands never hash a password)."""
    from argon2 import PasswordHasher

    return PasswordHasher()


def _keyed(pepper: bytes, secret: str) -> str:
    return hmac.new(pepper, secret.encode("utf-8"), hashlib.sha256).hexdigest()


def verifier(db: Database, secret: str) -> str:
    """What the file keeps of a new password: argon2id over the password keyed with the
    event's pepper (HMAC-SHA256), so that a copy of the file cannot test a guess."""
    pepper = sealing.pepper(db)
    if pepper is None:
        raise UserError(NEEDS_KEY)
    return PEPPERED + str(_hasher().hash(_keyed(pepper, secret)))


def sealing_secret(db: Database, secret: str) -> str:
    """What an operator's signing key is sealed under: the password keyed with the
    event's pepper (the file alone then opens nothing to confirm a guess with), or the
    password itself where the event has no key."""
    pepper = sealing.pepper(db)
    return _keyed(pepper, secret) if pepper is not None else secret


def _matches(db: Database, stored: str, secret: str) -> bool:
    """Whether ``secret`` is the password ``stored`` verifies (a verifier from before
    peppering is checked as it was written)."""
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        if stored.startswith(PEPPERED):
            pepper = sealing.pepper(db)
            if pepper is None:
                raise UserError(NEEDS_KEY)
            return bool(_hasher().verify(stored[len(PEPPERED):], _keyed(pepper, secret)))
        return bool(_hasher().verify(stored, secret))
    except (VerificationError, InvalidHashError):
        return False


def _needs_new_verifier(db: Database, stored: str) -> bool:
    if not stored.startswith(PEPPERED):
        return sealing.pepper(db) is not None  # keyed now that the key is held
    return bool(_hasher().check_needs_rehash(stored[len(PEPPERED):]))


def add_operator(db: Database, name: str, role: Role, secret: str, *, who: Acting,
                 passphrase: str | None = None) -> Operator:
    """A new operator. The first needs no sign-in, must be an administrator, and sets the
    event's passphrase (unless the event was protected already: its key must be held
    here); later ones need an administrator signed in."""
    name, secret = clean_name(name), check_secret(secret)
    first = not store.any_operators(db)
    if first and role is not Role.ADMINISTRATOR:
        raise UserError(FIRST_IS_ADMIN)
    if not first:
        require(db, who, Permission.OPERATORS)
    else:
        check(db, who, None)
    if store.by_name(db, name) is not None:
        raise UserError(EXISTS, name=name)
    if first and not sealing.protected(db):
        if not passphrase:
            raise UserError(NEEDS_PASSPHRASE)
        from bsm_desk.services.operators import privacy

        privacy.protect(db, passphrase, remember=True, who=who)
    private, public, sealed = signing.new_keys_for(sealing_secret(db, secret))
    with atomic(db):
        if store.by_name(db, name) is not None:
            raise UserError(EXISTS, name=name)
        made = store.add(db, name, role, verifier(db, secret), public, sealed)
        # The first administrator vouches for itself; later ones, whoever added them.
        signing.sign_noted(db, key=private if first else None,
                           signer=made.id if first else None)
    return made


@requires(Permission.OPERATORS)
def set_role(db: Database, name: str, role: Role, *, who: Acting) -> Operator:
    found = _named(db, name)
    with atomic(db):
        if found.role is Role.ADMINISTRATOR and role is not Role.ADMINISTRATOR:
            _keep_an_admin(db, found)
        store.update(db, found.id, role=role.value)
        signing.sign_noted(db)
    return _named(db, name)


def set_secret(db: Database, name: str, secret: str, *, who: Acting) -> None:
    """A new password or PIN: one's own (signed in as that operator), or anyone's by an
    administrator."""
    found = _named(db, name)
    own = who.operator_id == found.id
    require(db, who, Permission.READ if own else Permission.OPERATORS)
    me = who.signed
    secret = check_secret(secret)
    new = verifier(db, secret)  # the event's key is needed first
    own = own and me is not None and me.key is not None
    if own and me is not None and me.key is not None:  # the same key, sealed anew
        keys = {"sign_secret": authority.seal_key(me.key, sealing_secret(db, secret))}
    else:  # another's: the old key cannot be opened; a new one, vouched for by me
        _private, public, sealed = signing.new_keys_for(sealing_secret(db, secret))
        keys = {"sign_key": public, "sign_secret": sealed}
    with atomic(db):
        store.update(db, found.id, secret=new, **keys)
        store.clear_failures(db, found.id)
        signing.sign_noted(db)


@requires(Permission.OPERATORS)
def set_disabled(db: Database, name: str, disabled: bool = True, *, who: Acting) -> Operator:
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


def sign_in(db: Database, name: str, secret: str, *, desk_id: str, desk_name: str = "",
            now: datetime | None = None) -> Acting:
    """Check the password; returns who acts from now on (:class:`Acting`, the one way to
    act as this operator), good on every connection of this process to the event file
    until :func:`sign_out`. Five failures lock the name for a minute."""
    now = now or datetime.now(UTC)
    check(db, at_desk(db, desk_id=desk_id, desk_name=str(name or "")[:60]), None)
    found = store.by_name(db, " ".join(str(name or "").split()))
    if found is None:
        with atomic(db):
            audit.record(db, "sign_in_failed", {"name": str(name or "")[:60]})
        raise UserError(UNKNOWN)
    # the name as registered, whatever case was typed
    check(db, at_desk(db, desk_id=desk_id, desk_name=found.name), None)
    if store.secret_of(db, found.id).startswith(PEPPERED) and sealing.pepper(db) is None:
        from bsm_desk.services.operators import privacy

        privacy.unlock(db)  # the key this desk keeps, if it keeps one
    if store.secret_of(db, found.id).startswith(PEPPERED) and sealing.pepper(db) is None:
        # Nothing can be checked here: no attempt is counted against the name.
        with atomic(db):
            audit.record(db, "sign_in_failed", {"name": found.name, "no_event_key": True})
        raise UserError(NEEDS_KEY)
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
    secret = secret if isinstance(secret, str) else ""
    secret = secret.encode("utf-8", "replace").decode("utf-8")  # bytes that are not
    # text cannot be anybody's password: compared as such, they simply do not match
    good = _matches(db, stored, str(secret or ""))
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
    private, made = signing.open_key(db, found.id, sealing_secret(db, str(secret)),
                                     legacy=str(secret))
    who = made_at_sign_in(db, audit.SignedIn(found.id, found.name, found.role.value,
                                             key=private), desk_id=desk_id,
                          desk_name=desk_name)
    check(db, who, None)
    with atomic(db):
        store.clear_failures(db, found.id)  # this attempt, and any before it
        if _needs_new_verifier(db, stored):  # keyed with the pepper, current parameters
            store.update(db, found.id, secret=verifier(db, str(secret)))
        if made is not None:  # an operator from before keys: one now
            store.update(db, found.id, sign_key=made[0], sign_secret=made[1])
        audit.record(db, "sign_in", {"name": found.name, "role": found.role.value})
        signing.sign_noted(db)
    return who


def sign_out(db: Database) -> None:
    found = audit.SIGNED.get(audit.actor(db).path)
    if found is not None:
        with atomic(db):  # written while still signed in: the entry names who and role
            audit.record(db, "sign_out", {"name": found.name})
        ended(db)


__all__ = ["Acting", "Operator", "Permission", "Role", "acting_at", "add_operator", "allows",
           "at_desk", "check", "current", "has_operators", "operators", "require",
           "requires", "role_of", "set_disabled", "set_role", "set_secret", "sign_in",
           "sign_out", "signed_in"]
