"""Who acts: one object, made once — at sign-in, or for a desk where nobody signs in — and
handed to every service that changes data (``who=``). The services take the desk and
the name they record from it, never from a string a caller typed, and check it before
they run (:func:`check`).

An :class:`Acting` with an operator is made only by ``operators.sign_in`` after the
password matched, and stays good until that operator signs out (or another signs in at
this process): an object kept from before is refused then. :func:`at_desk` makes the
other kind — the desk itself, nobody signed in — which is all an event with no operators
needs, and which an event with operators refuses for anything that needs a role.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from bsm_desk.domain.operators import Permission, Role, may, refusal
from bsm_desk.store import audit
from bsm_desk.store import operators as operator_store

if TYPE_CHECKING:
    from sqlite_utils import Database

    from bsm_desk.store.reading import Reads

_MADE = object()  # only this module makes an Acting
WRONG_EVENT = "who acts was made for another event file"


@dataclass(frozen=True, eq=False)
class Acting:
    event: str  # the event file, resolved (as the audit log's connection knows it)
    desk_id: str
    desk_name: str
    name: str  # recorded as the operator: the signed-in operator's, else the desk's name
    role: Role | None = None  # None: nobody signed in
    operator_id: int | None = None
    signed: audit.SignedIn | None = field(default=None, repr=False)  # holds the keys
    made: object = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.made is not _MADE:
            raise TypeError("who acts is made at sign-in (operators.sign_in) or for a desk "
                            "(operators.at_desk), never by hand")

    @property
    def signed_in(self) -> bool:
        return self.operator_id is not None


def has_operators(db: Reads) -> bool:
    return operator_store.any_enabled(db)


_CURRENT: dict[str, Acting] = {}  # per event file: the operator signed in in this process


def at_desk(db: Database, *, desk_id: str, desk_name: str = "") -> Acting:
    """The desk itself, nobody signed in: enough for an event with no operators."""
    name = " ".join(str(desk_name or "").split())[:60]
    return Acting(audit.actor(db).path, str(desk_id), name, name, made=_MADE)


class Desk(Protocol):
    """What a desk knows of itself (its settings)."""
    desk_id: str
    desk_name: str


def acting_at(db: Database, desk: Desk) -> Acting:
    """Who acts at this desk now: the operator signed in to this event file (the object
    made at sign-in), else the desk itself. The window and the command line ask this for
    each change they make."""
    return current(db) or at_desk(db, desk_id=desk.desk_id, desk_name=desk.desk_name)


def made_at_sign_in(db: Database, signed: audit.SignedIn, *, desk_id: str,
                    desk_name: str = "") -> Acting:
    """For operators.sign_in only, once the password matched: the operator acts on this
    event file, in this process, until sign-out."""
    path = audit.actor(db).path
    who = Acting(path, str(desk_id), " ".join(str(desk_name or "").split())[:60],
                 signed.name, Role(signed.role), signed.operator_id, signed, made=_MADE)
    audit.SIGNED[path] = signed
    _CURRENT[path] = who
    return who


def ended(db: Database) -> None:
    """Sign-out: the operator's Acting is good no more."""
    path = audit.actor(db).path
    audit.SIGNED.pop(path, None)
    _CURRENT.pop(path, None)


def current(db: Database) -> Acting | None:
    """The operator signed in to this event file in this process, as made at sign-in."""
    path = audit.actor(db).path
    found = _CURRENT.get(path)
    return found if found is not None and _live(found, path) else None


def _live(who: Acting, path: str) -> bool:
    """Made at the sign-in still in force here, and as it was made (an object copied
    with another role or name — dataclasses.replace — is not)."""
    signed = who.signed
    return signed is not None and audit.SIGNED.get(path) is signed \
        and (who.operator_id, who.name, who.role) == (signed.operator_id, signed.name,
                                                      Role(signed.role))


def check(db: Database, who: object, permission: Permission | None) -> Acting:
    """Refused (a UserError, said in one line) unless ``who`` may do this on this file
    now; then it is who the audit log names on this connection. ``permission`` None: no
    role needed (what anyone at the desk may do), only a true Acting for this file."""
    if not isinstance(who, Acting):
        raise TypeError(f"who acts must be an Acting, not {type(who).__name__}")
    actor = audit.actor(db)
    if who.event != actor.path:
        raise ValueError(WRONG_EVENT)
    if who.signed is not None and not _live(who, actor.path):
        raise refusal(None, None, permission or Permission.READ)  # stale, or altered
    if has_operators(db) and permission is not None:
        if not who.signed_in or not _live(who, actor.path):
            raise refusal(None, None, permission)
        if who.role is None or not may(who.role, permission):
            raise refusal(who.name, who.role, permission)
    actor.desk_id, actor.operator = who.desk_id, who.name
    return who
