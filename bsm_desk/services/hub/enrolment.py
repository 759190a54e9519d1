"""Each desk its own hub login. An administrator enrols a desk (``hub add-desk NAME``):
the hub gets a login for it, and the administrator gets a one-time enrolment code (also
shown as a QR in the Hub dialog) holding where the hub is, that login and its password,
and the event's code. The new desk joins with it (``hub join --code``); its password goes
to the OS keyring or libpq's password file, never into the event file. The hub binds the
login to the first desk id that writes with it, so one desk's login can only ever write
as that desk; ``hub remove-desk`` disables the login and the hub refuses (and counts)
whatever it sends afterwards.

The code is a secret, like a password: shown once, never kept on the administrator's
desk. Anything typed or scanned as a code is checked field by field before use.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from psycopg import conninfo

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.services.hub import tls, transit
from bsm_desk.services.hub.connection import open_hub, said
from bsm_desk.services.hub.event_file import NO_EVENT
from bsm_desk.services.operators import Acting, Permission, requires
from bsm_desk.store import atomic, audit, hub, hub_logins
from bsm_desk.store import event as event_store
from bsm_desk.store import hub_desk_state as state
from bsm_desk.store import privacy as sealing

if TYPE_CHECKING:
    from sqlite_utils import Database

PREFIX = "BSMHUB1-"
CODE_LIMIT = 2_000
BAD_CODE = QT_TRANSLATE_NOOP("UserError", "This is not a BSM Desk enrolment code (it should "
                                          "start with BSMHUB1-): ask the administrator for "
                                          "a new one.")
NOT_OWNER = QT_TRANSLATE_NOOP("UserError", "This desk's hub login may not make logins for "
                                           "other desks: enrol desks at the desk that ran "
                                           "hub init, or have the database administrator "
                                           "run hub role-sql.")
DESK_EXISTS = QT_TRANSLATE_NOOP("UserError", "The hub already has a desk called {name}: "
                                             "choose another name, or remove that one first.")
NO_SUCH_DESK = QT_TRANSLATE_NOOP("UserError", "The hub has no desk called {name}.")
BAD_NAME = QT_TRANSLATE_NOOP("UserError", "A desk's name is 1 to 60 letters, digits or "
                                          "spaces, such as \u201cDoor B\u201d.")
WRONG_EVENT = QT_TRANSLATE_NOOP("UserError", "This enrolment code is for the event {code}, "
                                             "but the hub holds {held}: ask for a new code.")
NO_HUB = QT_TRANSLATE_NOOP("UserError", "This event file has no hub: run bsm-desk hub init "
                                        "first.")
_NAME = re.compile(r"^[\w][\w .\-()]{0,59}$")
_FIELDS: dict[str, re.Pattern[str]] = {
    "host": re.compile(r"^[A-Za-z0-9._:/\-\[\]]{1,255}$"),
    "port": re.compile(r"^\d{1,5}$"),
    "dbname": re.compile(r"^[A-Za-z0-9_\-]{1,63}$"),
    "user": re.compile(r"^bsm_[a-z0-9_]{1,59}$"),
    "password": re.compile(r"^[A-Za-z0-9_\-]{16,200}$"),
    "event": re.compile(r"^[A-Za-z0-9_\-]{1,40}$"),
    "name": _NAME,
}
REQUIRED = ("host", "dbname", "user", "password", "event", "name")
NEEDS_TLS = QT_TRANSLATE_NOOP("UserError", "This hub is reached over the network without its "
                                           "own certificate authority, so a desk could not "
                                           "tell it from a machine pretending to be it: make "
                                           "the files with bsm-desk hub tls, put them on the "
                                           "hub's server, then run hub init --ca here again.")


@dataclass(frozen=True)
class Enrolment:
    name: str
    login: str
    code: str  # a secret: shown once

    def as_dict(self) -> dict[str, str]:
        return {"name": self.name, "login": self.login, "code": self.code}


def clean_desk_name(name: str) -> str:
    found = " ".join(str(name or "").split())
    if not _NAME.match(found):
        raise UserError(BAD_NAME)
    return found


def make_code(fields: dict[str, Any]) -> str:
    text = json.dumps(fields, separators=(",", ":"), ensure_ascii=False)
    return PREFIX + base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def read_code(code: str) -> dict[str, Any]:
    """The fields of an enrolment code, each checked; UserError(BAD_CODE) for anything
    else (a mistyped, truncated, huge or hostile code)."""
    text = "".join(str(code or "").split())
    if not text.startswith(PREFIX) or len(text) > CODE_LIMIT:
        raise UserError(BAD_CODE)
    body = text[len(PREFIX):]
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        fields = json.loads(raw.decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise UserError(BAD_CODE) from exc
    if not isinstance(fields, dict) or fields.get("v") != 1 or \
            any(key not in fields for key in REQUIRED):
        raise UserError(BAD_CODE)
    found: dict[str, Any] = {}
    if "hk" in fields:  # the desks' key: operators' secrets travel sealed with it
        desks_key = transit.decoded(fields["hk"])
        if desks_key is None:
            raise UserError(BAD_CODE)
        found["hk"] = desks_key
    if "ek" in fields:  # the event's key: the desk keeps it, outside its file
        event_key = transit.decoded(fields["ek"])
        if event_key is None:
            raise UserError(BAD_CODE)
        found["ek"] = event_key
    if "ca" in fields:  # the hub's own certificate authority: the desk pins it
        authority = tls.decoded(fields["ca"])
        if authority is None:
            raise UserError(BAD_CODE)
        found["ca"] = authority
    for key, pattern in _FIELDS.items():
        value = fields.get(key)
        if value is None and key not in REQUIRED:
            continue
        if not isinstance(value, str) or not pattern.match(value):
            raise UserError(BAD_CODE)
        found[key] = value
    return found


def url_of(fields: dict[str, Any]) -> str:
    """The connection string a code names; pinned to its authority when it carries one
    (the authority written to this desk's data folder, where libpq reads it)."""
    params = {k: fields[k] for k in ("host", "port", "dbname", "user", "password")
              if k in fields}
    url = conninfo.make_conninfo(**params)
    if fields.get("ca") is not None and not tls.is_socket(url):
        url = tls.pinned(url, tls.pin_file(str(fields["event"]), fields["ca"]))
    return url


def _hub_url(db: Database) -> str:
    url = state.get(db, state.URL)
    if not url:
        raise UserError(NO_HUB)
    return url


@requires(Permission.EVENT_SETTINGS)
def add_desk(db: Database, name: str, *, who: Acting) -> Enrolment:
    """A login on the hub for a new desk, and the code that desk joins with."""
    name = clean_desk_name(name)
    event = event_store.required(db, NO_EVENT)
    url = _hub_url(db)
    if not tls.is_socket(url) and tls.authority_of(url) is None:
        raise UserError(NEEDS_TLS)
    conn = open_hub(url)
    try:
        with said(url):
            hub.require(conn, url)
            if not hub_logins.may_make_logins(conn):
                raise UserError(NOT_OWNER)
            password = secrets.token_urlsafe(24)
            try:
                login = hub_logins.add_login(conn, name, password)
            except ValueError as exc:
                raise UserError(DESK_EXISTS, name=name) from exc
            parts = hub_logins.connection_parts(conn)
    finally:
        hub.close_quietly(conn)
    fields: dict[str, Any] = {"v": 1, **parts, "user": login, "password": password,
                              "event": event.code, "name": name}
    authority = tls.authority_of(url)
    if authority is not None:
        fields["ca"] = tls.encoded(authority)
    desks_key = transit.key_of(db)
    if desks_key is not None:
        fields["hk"] = transit.encoded(desks_key)
    event_key = sealing.key(db)  # held: an administrator is signed in here
    if event_key is not None:
        fields["ek"] = transit.encoded(event_key)
    code = make_code(fields)
    with atomic(db):
        audit.record(db, "hub_add_desk", {"name": name, "login": login})
    return Enrolment(name, login, code)


@requires(Permission.EVENT_SETTINGS)
def remove_desk(db: Database, name: str, *, who: Acting) -> str:
    """The desk can no longer reach the hub; what it sends is refused. Its login."""
    wanted = " ".join(str(name or "").split())[:64]
    url = _hub_url(db)
    conn = open_hub(url)
    try:
        with said(url):
            hub.require(conn, url)
            if not hub_logins.may_make_logins(conn):
                raise UserError(NOT_OWNER)
            login = hub_logins.remove_login(conn, wanted)
    finally:
        hub.close_quietly(conn)
    if login is None:
        raise UserError(NO_SUCH_DESK, name=wanted)
    with atomic(db):
        audit.record(db, "hub_remove_desk", {"name": wanted, "login": login})
    return login


@requires(Permission.READ)
def desks(db: Database, *, who: Acting) -> list[dict[str, Any]]:
    """The hub's desks: name, login, desk id, last seen, removed, refused rows."""
    url = _hub_url(db)
    conn = open_hub(url)
    try:
        with said(url):
            hub.require(conn, url)
            found = hub_logins.enrolled(conn)
    finally:
        hub.close_quietly(conn)
    return [{"name": d.name, "login": d.login, "desk_id": d.desk_id,
             "seen_at": d.seen_at.isoformat() if d.seen_at else None,
             "removed_at": d.revoked_at.isoformat() if d.revoked_at else None,
             "refused": d.refused} for d in found]
