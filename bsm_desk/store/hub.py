"""The hub: a PostgreSQL database on the venue LAN holding the union of every desk's
events and the event file they started from. Reached with psycopg 3; its schema has
numbered migrations, like the local store's.

Every event carries its UUID; an insert of one the hub already has does nothing (``ON
CONFLICT DO NOTHING``), so a push retried after a lost answer never doubles anything.
The hub numbers what it receives (``seq``): a desk pulls what came after the last
number it has seen. Pushes take a lock one after another, so the numbers are given in
commit order and no row can appear behind a number a desk has already passed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg import conninfo

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.store.hub_desk_state import CHECKIN_COLUMNS

UNREACHABLE = QT_TRANSLATE_NOOP("UserError", "The hub at {url} cannot be reached: {reason}")
OTHER_EVENT = QT_TRANSLATE_NOOP("UserError", "The hub at {url} holds the event {hub}, not "
                                             "{local}.")
NOT_TRUSTED = QT_TRANSLATE_NOOP("UserError", "The machine at {url} did not prove it is this "
                                             "event's hub (its certificate is not signed by "
                                             "the event's own authority, or names another "
                                             "machine): nothing was sent to it. Check the "
                                             "address with the administrator. ({reason})")
REMOVED = QT_TRANSLATE_NOOP("UserError", "The hub at {url} no longer takes this desk: an "
                                         "administrator removed it (hub remove-desk). "
                                         "Nothing was lost here; ask for a new enrolment "
                                         "code.")
BAD_URL = QT_TRANSLATE_NOOP("UserError", "\u201c{url}\u201d is not a hub address: write it "
                                         "as postgresql://user@host/database.")
from bsm_desk.store.hub_schema import (  # noqa: E402 - the schema, in its own module
    DESK_ROLE,
    LATEST,
    NEWER_HUB,
    NEWER_HUB_BY,
    NOT_A_HUB,
    STEPS,
    make_desk_role,
    migrate,
    require,
    role_sql,
    safe_url,
    version,
)

CONNECT_TIMEOUT_S = 3
PUSH_LOCK = 4_242_017  # the advisory lock key that orders pushes



def parsed(url: str) -> dict[str, Any]:
    """The connection string's parts, or UserError naming what was typed (its password
    hidden, as far as it can be told)."""
    text = (url or "").strip()
    try:
        params = conninfo.conninfo_to_dict(text) if text else {}
    except psycopg.ProgrammingError:
        params = None
    if not params or not (params.get("host") or params.get("dbname")):
        shown = text.split("@")[-1] if "@" in text else text
        raise UserError(BAD_URL, url=shown[:80])
    return dict(params)


def without_password(url: str) -> str:
    """The connection string to keep: everything but the password."""
    params = parsed(url)
    params.pop("password", None)
    return conninfo.make_conninfo(**{k: str(v) for k, v in params.items()})


def connect(url: str, *, password: Callable[[str], str | None] | None = None
            ) -> psycopg.Connection[Any]:
    """A connection to the hub (autocommit off), or UserError saying why not. The
    password, when the URL has none, comes from ``password(url)`` (the OS keyring) or
    libpq's own ~/.pgpass."""
    params = parsed(url)
    if "password" not in params and password is not None:
        found = password(safe_url(url))
        if found:
            params["password"] = found
    params.setdefault("connect_timeout", str(CONNECT_TIMEOUT_S))
    params.setdefault("application_name", "bsm-desk")
    params.setdefault("sslmode", "prefer")  # TLS when the server offers it
    try:
        return psycopg.connect(conninfo.make_conninfo(**{k: str(v) for k, v in
                                                         params.items()}))
    except psycopg.Error as exc:
        reason = str(exc).strip().splitlines()[0][:200] if str(exc) else \
            type(exc).__name__
        if _not_proven(str(exc)):  # reached something, and it is not the hub
            raise UserError(NOT_TRUSTED, url=safe_url(url), reason=reason) from exc
        raise UserError(UNREACHABLE, url=safe_url(url), reason=reason) from exc


def _not_proven(text: str) -> bool:
    """libpq's words for a server certificate that does not verify or does not match."""
    said = text.lower()
    return any(words in said for words in ("certificate verify failed", "ssl error:",
                                           "does not match host name",
                                           "server certificate for",
                                           "root certificate file",
                                           "server does not support ssl"))


# --- the event file ---------------------------------------------------------------------

def publish(conn: psycopg.Connection[Any], code: str, snapshot: bytes, desk_id: str,
            url: str, *, replace: bool = False) -> None:
    """The event file desks join from (the first publisher's; a hub holds one event);
    ``replace``: this desk's copy replaces it (once its personal data is sealed). Through
    the hub's own function: only its owner publishes first, only the publisher (or the
    owner) replaces."""
    with conn.transaction(), conn.cursor() as cur:
        cur.execute("SELECT hub_publish(%s, %s, %s, %s)", [desk_id, code, snapshot, replace])
        row = cur.fetchone()
    held = str(row[0]) if row else ""
    if held == "revoked":
        raise UserError(REMOVED, url=safe_url(url))
    if held != code:
        raise UserError(OTHER_EVENT, url=safe_url(url), hub=held, local=code)


def event_file(conn: psycopg.Connection[Any]) -> tuple[str, bytes] | None:
    # In binary: as text, a copy of hundreds of megabytes would travel (and be held) as
    # hex twice its size.
    with conn.cursor(binary=True) as cur:
        cur.execute("SELECT code, snapshot FROM hub_event_file WHERE id = 1")
        row = cur.fetchone()
    conn.rollback()
    return (str(row[0]), bytes(row[1])) if row else None


def event_code(conn: psycopg.Connection[Any]) -> str | None:
    with conn.cursor() as cur:
        cur.execute("SELECT code FROM hub_event_file WHERE id = 1")
        row = cur.fetchone()
    conn.rollback()
    return str(row[0]) if row else None


def _called(conn: psycopg.Connection[Any], sql: str, params: Sequence[Any]) -> int:
    """One of the hub's functions, in its own transaction; -1 (a desk removed from the
    hub) becomes the refusal it is."""
    with conn.transaction(), conn.cursor() as cur:
        cur.execute(sql, params)  # our own fixed statements
        row = cur.fetchone()
    found = int(row[0]) if row and row[0] is not None else 0
    if found < 0:
        raise DeskRemoved()
    return found


class DeskRemoved(Exception):
    """The hub refused this desk: an administrator removed it (hub remove-desk)."""


def claim_block(conn: psycopg.Connection[Any], desk_id: str, *, publisher: bool) -> int:
    """This desk's block of ids: the one it has, else 0 for the publisher and the next
    free one for a desk that joins."""
    return _called(conn, "SELECT hub_claim_block(%s, %s)", [desk_id, publisher])


def new_block(conn: psycopg.Connection[Any], desk_id: str, floor: int) -> int:
    """A fresh block of ids for this desk, above every block given and ``floor``."""
    return _called(conn, "SELECT hub_new_block(%s, %s)", [desk_id, floor])


def epoch(conn: psycopg.Connection[Any], desk_id: str, file_epoch: str, top: int, *,
          new: bool = False) -> str:
    """What the hub says of this file of the desk: 'ok', 'behind' (it went back),
    'stale' (another file now speaks for the desk) or 'revoked'."""
    with conn.transaction(), conn.cursor() as cur:
        cur.execute("SELECT hub_epoch(%s, %s, %s, %s)", [desk_id, file_epoch, top, new])
        row = cur.fetchone()
    found = str(row[0]) if row else ""
    if found == "revoked":
        raise DeskRemoved()
    return found


def block_back(conn: psycopg.Connection[Any], desk_id: str, block: int, floor: int) -> int:
    """This desk's own block again, on a hub made again (a fresh one if taken)."""
    return _called(conn, "SELECT hub_block_back(%s, %s, %s)", [desk_id, block, floor])


def identity(conn: psycopg.Connection[Any]) -> str:
    """The hub's own id: made with it, so a hub made again is another hub."""
    with conn.cursor() as cur:
        cur.execute("SELECT hub_id FROM hub_identity WHERE id = 1")
        row = cur.fetchone()
    conn.rollback()
    return str(row[0]) if row else ""


def seen(conn: psycopg.Connection[Any], desk_id: str, name: str) -> None:
    _called(conn, "SELECT hub_seen(%s, %s)", [desk_id, name])


def note_audit_head(conn: psycopg.Connection[Any], desk_id: str,
                    head: tuple[int, str, str]) -> None:
    """The desk's audit head (id, at, hash), kept on the hub (only ever moving on)."""
    _called(conn, "SELECT hub_note_audit(%s, %s, %s, %s)", [desk_id, *head])


def audit_head(conn: psycopg.Connection[Any], desk_id: str) -> tuple[int, str, str] | None:
    with conn.cursor() as cur:
        cur.execute("SELECT audit_id, audit_at, audit_hash FROM hub_desk WHERE desk_id = %s",
                    [desk_id])
        row = cur.fetchone()
    conn.rollback()
    if not row or row[0] is None:
        return None
    return int(row[0]), str(row[1]), str(row[2])


# --- check-ins ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Pulled:
    seq: int
    values: dict[str, Any]  # CHECKIN_COLUMNS


def relay_checkins(conn: psycopg.Connection[Any], desk_id: str,
                   rows: Sequence[tuple[int, Sequence[Any]]]) -> int:
    """Send other desks' check-ins this desk holds (to a hub made again)."""
    if not rows:
        return 0
    from psycopg.types.json import Jsonb

    sent = [{"desk_seq": seq, **dict(zip(CHECKIN_COLUMNS, _to_hub(values), strict=True))}
            for seq, values in rows]
    return _called(conn, "SELECT hub_relay_checkins(%s, %s)", [desk_id, Jsonb(sent)])


def relay_events(conn: psycopg.Connection[Any], desk_id: str, kind: str,
                 rows: Sequence[tuple[int, str, str, dict[str, Any]]]) -> int:
    """Send other desks' events of ``kind`` this desk holds (to a hub made again)."""
    if not rows:
        return 0
    from psycopg.types.json import Jsonb

    sent = [{"desk_seq": seq, "uuid": uuid, "desk_id": desk, "row": row}
            for seq, uuid, desk, row in rows]
    return _called(conn, "SELECT hub_relay_events(%s, %s, %s)", [desk_id, kind, Jsonb(sent)])


def push_checkins(conn: psycopg.Connection[Any], rows: Sequence[tuple[int, Sequence[Any]]]
                  ) -> int:
    """Send (desk_seq, CHECKIN_COLUMNS values) rows of one desk through the hub's
    function; those the hub has already are left as they are. Returns how many were
    new."""
    if not rows:
        return 0
    from psycopg.types.json import Jsonb

    desk = str(rows[0][1][CHECKIN_COLUMNS.index("desk_id")])
    sent = [{"desk_seq": seq, **dict(zip(CHECKIN_COLUMNS, _to_hub(values), strict=True))}
            for seq, values in rows]
    return _called(conn, "SELECT hub_push_checkins(%s, %s)", [desk, Jsonb(sent)])


def _to_hub(values: Sequence[Any]) -> list[Any]:
    out = list(values)
    out[CHECKIN_COLUMNS.index("accepted")] = bool(out[CHECKIN_COLUMNS.index("accepted")])
    return out


def pull_checkins(conn: psycopg.Connection[Any], after: int, *, not_from: str = "",
                  only_from: str = "", limit: int = 5000) -> list[Pulled]:
    """What came after ``after`` from the other desks (``only_from``: from that desk
    alone), in the hub's order."""
    where, desk = ("desk_id = %s", only_from) if only_from else _not_mine(not_from)
    with conn.cursor() as cur:
        cur.execute(f"SELECT seq, {', '.join(CHECKIN_COLUMNS)} FROM hub_checkin"
                    f" WHERE seq > %s AND {where} ORDER BY seq LIMIT %s",
                    [after, desk, limit])
        rows = cur.fetchall()
    conn.rollback()
    return [Pulled(int(r[0]), dict(zip(CHECKIN_COLUMNS, r[1:], strict=True))) for r in rows]


def _not_mine(desk_id: str) -> tuple[str, str]:
    """The rows a desk pulls: the other desks', and its own that another desk relayed
    (to a hub made again: the desk may have lost them)."""
    return "(desk_id <> %s OR login NOT IN ('', session_user))", desk_id


def blocks_top(conn: psycopg.Connection[Any]) -> int:
    """The highest block of ids the hub has given a desk."""
    with conn.cursor() as cur:
        cur.execute("SELECT coalesce(max(block), 0) FROM hub_desk")
        row = cur.fetchone()
    conn.rollback()
    return int(row[0]) if row else 0


def held_from(conn: psycopg.Connection[Any], desk_id: str) -> int:
    """How many check-ins the hub holds from that desk."""
    with conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM hub_checkin WHERE desk_id = %s", [desk_id])
        row = cur.fetchone()
    conn.rollback()
    return int(row[0]) if row else 0


def push_events(conn: psycopg.Connection[Any], kind: str,
                rows: Sequence[tuple[int, str, str, dict[str, Any]]]) -> int:
    """Send (desk_seq, uuid, desk_id, row) events of ``kind`` of one desk through the
    hub's function; those known are left."""
    if not rows:
        return 0
    from psycopg.types.json import Jsonb

    sent = [{"desk_seq": seq, "uuid": uuid, "desk_id": desk, "row": row}
            for seq, uuid, desk, row in rows]
    return _called(conn, "SELECT hub_push_events(%s, %s, %s)", [rows[0][2], kind,
                                                                Jsonb(sent)])


def pull_events(conn: psycopg.Connection[Any], after: int, *, not_from: str = "",
                only_from: str = "", limit: int = 500
                ) -> list[tuple[int, str, str, dict[str, Any], bool]]:
    """(seq, kind, uuid, row, by_owner) of the other desks' events (``only_from``: that
    desk's alone) after ``after``, in the hub's order; a row that is not a JSON object
    comes as an empty one (to be refused). ``by_owner``: the hub's owner wrote it (set
    by the hub, not the desk)."""
    where, desk = ("desk_id = %s", only_from) if only_from else _not_mine(not_from)
    with conn.cursor() as cur:
        cur.execute(f"SELECT seq, kind, uuid, row, by_owner FROM hub_event WHERE seq > %s"
                    f" AND {where} ORDER BY seq LIMIT %s", [after, desk, limit])
        rows = [(int(r[0]), str(r[1]), str(r[2]), r[3] if isinstance(r[3], dict) else {},
                 bool(r[4])) for r in cur.fetchall()]
    conn.rollback()
    return rows


def personal_events(conn: psycopg.Connection[Any], after: int, limit: int = 500
                    ) -> list[tuple[int, str, str, dict[str, Any]]]:
    """(seq, uuid, kind, row) of the delegates added or edited at any desk, after
    ``after``: the events that may hold personal data."""
    with conn.cursor() as cur:
        cur.execute("SELECT seq, uuid, kind, row FROM hub_event WHERE seq > %s AND kind IN"
                    " ('delegate_created', 'delegate_edit') ORDER BY seq LIMIT %s",
                    [after, limit])
        rows = [(int(r[0]), str(r[1]), str(r[2]), r[3] if isinstance(r[3], dict) else {})
                for r in cur.fetchall()]
    conn.rollback()
    return rows


def reseal(conn: psycopg.Connection[Any], desk_id: str, rows: Sequence[dict[str, Any]]
           ) -> int:
    """Replace those events' rows with sealed ones (the publisher's desk only)."""
    from psycopg.types.json import Jsonb

    return _called(conn, "SELECT hub_reseal(%s, %s)", [desk_id, Jsonb(list(rows))])


def last_seq(conn: psycopg.Connection[Any]) -> int:
    with conn.cursor() as cur:
        cur.execute("SELECT coalesce(max(seq), 0) FROM hub_checkin")
        row = cur.fetchone()
    conn.rollback()
    return int(row[0]) if row else 0


def checkin_uuids(conn: psycopg.Connection[Any]) -> set[str]:
    with conn.cursor() as cur:
        cur.execute("SELECT uuid FROM hub_checkin")
        found = {str(r[0]) for r in cur.fetchall()}
    conn.rollback()
    return found


def desks(conn: psycopg.Connection[Any]) -> list[tuple[str, str, datetime]]:
    with conn.cursor() as cur:
        cur.execute("SELECT desk_id, name, seen_at FROM hub_desk ORDER BY seen_at")
        found = [(str(a), str(b), c) for a, b, c in cur.fetchall()]
    conn.rollback()
    return found


__all__ = ["DESK_ROLE", "LATEST", "NEWER_HUB", "NEWER_HUB_BY", "NOT_A_HUB", "STEPS",
           "make_desk_role", "migrate", "require", "role_sql", "safe_url", "version"]


def close_quietly(conn: psycopg.Connection[Any] | None) -> None:
    if conn is not None:
        try:
            conn.close()
        except psycopg.Error:
            pass



def hub_now(conn: psycopg.Connection[Any]) -> datetime:
    """The hub's clock (the database server's), to compare a desk's with."""
    with conn.cursor() as cur:
        cur.execute("SELECT now()")
        row = cur.fetchone()
    conn.rollback()
    assert row is not None
    found: datetime = row[0]
    return found
