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
from bsm_desk.store.sync import CHECKIN_COLUMNS

UNREACHABLE = QT_TRANSLATE_NOOP("UserError", "The hub at {url} cannot be reached: {reason}")
OTHER_EVENT = QT_TRANSLATE_NOOP("UserError", "The hub at {url} holds the event {hub}, not "
                                             "{local}.")
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
    version,
)

CONNECT_TIMEOUT_S = 3
PUSH_LOCK = 4_242_017  # the advisory lock key that orders pushes
COPY_FROM = 64  # rows in a push from which COPY pays



def safe_url(url: str) -> str:
    """The URL without its password: what may be shown, logged or kept."""
    try:
        params = conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "…"
    params.pop("password", None)
    host = str(params.get("host", ""))
    user = str(params.get("user", ""))
    name = str(params.get("dbname", ""))
    port = f":{params['port']}" if params.get("port") else ""
    if host.startswith("/"):
        return f"postgresql://{user}@/{name}?host={host}"
    return f"postgresql://{user}@{host}{port}/{name}"


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
        raise UserError(UNREACHABLE, url=safe_url(url),
                        reason=str(exc).strip().splitlines()[0][:200] if str(exc) else
                        type(exc).__name__) from exc


# --- the event file ---------------------------------------------------------------------

def publish(conn: psycopg.Connection[Any], code: str, snapshot: bytes, desk_id: str,
            url: str, *, replace: bool = False) -> None:
    """The event file desks join from (the first publisher's; a hub holds one event);
    ``replace``: this desk's copy replaces it (once its personal data is sealed)."""
    with conn.transaction(), conn.cursor() as cur:
        cur.execute("SELECT code FROM hub_event_file WHERE id = 1 FOR UPDATE")
        row = cur.fetchone()
        if row is not None and row[0] != code:
            raise UserError(OTHER_EVENT, url=safe_url(url), hub=row[0], local=code)
        if row is None:
            cur.execute("INSERT INTO hub_event_file (id, code, snapshot, desk_id)"
                        " VALUES (1, %s, %s, %s)", [code, snapshot, desk_id])
        elif replace:
            cur.execute("UPDATE hub_event_file SET snapshot = %s, desk_id = %s WHERE id = 1",
                        [snapshot, desk_id])


def event_file(conn: psycopg.Connection[Any]) -> tuple[str, bytes] | None:
    with conn.cursor() as cur:
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


def claim_block(conn: psycopg.Connection[Any], desk_id: str, *, publisher: bool) -> int:
    """This desk's block of ids: the one it has, else 0 for the publisher and the next
    free one for a desk that joins."""
    with conn.transaction(), conn.cursor() as cur:
        cur.execute("SELECT pg_advisory_xact_lock(%s)", [PUSH_LOCK + 1])
        cur.execute("SELECT block FROM hub_desk WHERE desk_id = %s", [desk_id])
        row = cur.fetchone()
        if row is not None and row[0] is not None:
            return int(row[0])
        if publisher:
            block = 0
        else:
            cur.execute("SELECT coalesce(max(block), 0) + 1 FROM hub_desk")
            found = cur.fetchone()
            block = int(found[0]) if found else 1
        cur.execute("INSERT INTO hub_desk (desk_id, block) VALUES (%s, %s) ON CONFLICT"
                    " (desk_id) DO UPDATE SET block = EXCLUDED.block", [desk_id, block])
        return block


def seen(conn: psycopg.Connection[Any], desk_id: str, name: str) -> None:
    with conn.transaction(), conn.cursor() as cur:
        cur.execute("INSERT INTO hub_desk (desk_id, name) VALUES (%s, %s) ON CONFLICT"
                    " (desk_id) DO UPDATE SET name = EXCLUDED.name, seen_at = now()",
                    [desk_id, name])


def note_audit_head(conn: psycopg.Connection[Any], desk_id: str,
                    head: tuple[int, str, str]) -> None:
    """The desk's audit head (id, at, hash), kept on the hub (only ever moving on)."""
    with conn.transaction(), conn.cursor() as cur:
        cur.execute("UPDATE hub_desk SET audit_id = %s, audit_at = %s, audit_hash = %s"
                    " WHERE desk_id = %s AND (audit_id IS NULL OR audit_id <= %s)",
                    [head[0], head[1], head[2], desk_id, head[0]])


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


def push_checkins(conn: psycopg.Connection[Any], rows: Sequence[tuple[int, Sequence[Any]]]
                  ) -> int:
    """Insert (desk_seq, CHECKIN_COLUMNS values) rows; those the hub has already are
    left as they are. Returns how many were new."""
    if not rows:
        return 0
    return _insert(conn, "hub_checkin", ("desk_seq", *CHECKIN_COLUMNS),
                   [(seq, *_to_hub(values)) for seq, values in rows])


def _insert(conn: psycopg.Connection[Any], table: str, names: Sequence[str],
            values: Sequence[Sequence[Any]]) -> int:
    """Insert rows, leaving those whose uuid the hub has; how many were new. A large
    batch goes by COPY into a staging table of this session first (several times faster
    than row by row), then into the table in one statement."""
    columns = ", ".join(names)
    with conn.transaction(), conn.cursor() as cur:
        source = None
        if len(values) >= COPY_FROM:
            source = f"{table}_in"
            cur.execute(f"CREATE TEMP TABLE IF NOT EXISTS {source} ON COMMIT DELETE ROWS AS"
                        f" SELECT {columns} FROM {table} WITH NO DATA")
            with cur.copy(f"COPY {source} ({columns}) FROM STDIN") as copy:
                for row in values:
                    copy.write_row(row)
        # One push at a time: the sequence numbers are then given in the order the pushes
        # commit, so a desk that has pulled up to N can never later find an N - 1 that
        # was still uncommitted when it looked (readers are not held up by this lock).
        # (An advisory lock: the desks' role may take it, as it may not lock the table.)
        cur.execute("SELECT pg_advisory_xact_lock(%s)", [PUSH_LOCK])
        if source is None:
            marks = ", ".join(["%s"] * len(names))
            cur.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})"
                            " ON CONFLICT (uuid) DO NOTHING", values)
        else:
            cur.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {source}"
                        " ORDER BY desk_seq ON CONFLICT (uuid) DO NOTHING")
        return max(cur.rowcount, 0)


def _to_hub(values: Sequence[Any]) -> list[Any]:
    out = list(values)
    out[CHECKIN_COLUMNS.index("accepted")] = bool(out[CHECKIN_COLUMNS.index("accepted")])
    return out


def pull_checkins(conn: psycopg.Connection[Any], after: int, *, not_from: str,
                  limit: int = 5000) -> list[Pulled]:
    """What came after ``after`` from the other desks, in the hub's order."""
    with conn.cursor() as cur:
        cur.execute(f"SELECT seq, {', '.join(CHECKIN_COLUMNS)} FROM hub_checkin"
                    " WHERE seq > %s AND desk_id <> %s ORDER BY seq LIMIT %s",
                    [after, not_from, limit])
        rows = cur.fetchall()
    conn.rollback()
    return [Pulled(int(r[0]), dict(zip(CHECKIN_COLUMNS, r[1:], strict=True))) for r in rows]


def push_events(conn: psycopg.Connection[Any], kind: str,
                rows: Sequence[tuple[int, str, str, dict[str, Any]]]) -> int:
    """Insert (desk_seq, uuid, desk_id, row) events of ``kind``; those known are left."""
    if not rows:
        return 0
    from psycopg.types.json import Jsonb

    return _insert(conn, "hub_event", ("desk_seq", "uuid", "kind", "desk_id", "row"),
                   [(seq, uuid, kind, desk, Jsonb(row)) for seq, uuid, desk, row in rows])


def pull_events(conn: psycopg.Connection[Any], after: int, *, not_from: str,
                limit: int = 500) -> list[tuple[int, str, str, dict[str, Any]]]:
    """(seq, kind, uuid, row) of the other desks' events after ``after``, in the hub's
    order; a row that is not a JSON object comes as an empty one (to be refused)."""
    with conn.cursor() as cur:
        cur.execute("SELECT seq, kind, uuid, row FROM hub_event WHERE seq > %s AND"
                    " desk_id <> %s ORDER BY seq LIMIT %s", [after, not_from, limit])
        rows = [(int(r[0]), str(r[1]), str(r[2]), r[3] if isinstance(r[3], dict) else {})
                for r in cur.fetchall()]
    conn.rollback()
    return rows


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
           "make_desk_role", "migrate", "require", "role_sql", "version"]


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
