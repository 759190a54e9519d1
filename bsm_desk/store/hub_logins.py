"""The desks' own logins at the hub: each desk enrolled gets a PostgreSQL role of its
own (made, dropped and listed here by the hub's owner), and what a desk needs to connect
as it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from bsm_desk.store.hub import PUSH_LOCK
from bsm_desk.store.hub_schema import DESK_ROLE

if TYPE_CHECKING:
    import psycopg


@dataclass(frozen=True)
class Enrolled:
    login: str
    name: str
    desk_id: str
    seen_at: datetime | None
    revoked_at: datetime | None
    refused: int  # rows it sent after it was removed


def login_for(name: str, database: str) -> str:
    """The PostgreSQL role of the desk called ``name`` at the hub ``database`` (roles
    belong to the whole server, which may hold several events' hubs): bsm_, the
    database's and the desk's names in ASCII letters, digits and underscores (a name in
    another script gets a short hash)."""
    import hashlib
    import re

    def plain(text: str, size: int) -> str:
        found = re.sub(r"[^a-z0-9]+", "_", text.casefold()).strip("_")
        if found and len(found) <= size:
            return found
        return (found[:size - 9] + "_" if found else "") + \
            hashlib.sha256(text.encode()).hexdigest()[:8]

    return f"bsm_{plain(database, 24)}_{plain(name, 30)}"


def may_make_logins(conn: psycopg.Connection[Any]) -> bool:
    with conn.cursor() as cur:
        cur.execute("SELECT hub_is_owner() AND (SELECT rolsuper OR rolcreaterole FROM"
                    " pg_roles WHERE rolname = current_user)")
        row = cur.fetchone()
    conn.rollback()
    return bool(row and row[0])


def add_login(conn: psycopg.Connection[Any], name: str, password: str) -> str:
    """A login for a new desk, member of the desks' group, listed as enrolled; its role
    name. ValueError if a desk of that name (or login) exists."""
    from psycopg import sql

    with conn.transaction(), conn.cursor() as cur:
        # Two administrators enrolling the same name at once: one after the other, the
        # second is told the desk exists (not a duplicate role from the server).
        cur.execute("SELECT pg_advisory_xact_lock(%s)", [PUSH_LOCK + 2])
        cur.execute("SELECT current_database()")
        found = cur.fetchone()
        login = login_for(name, str(found[0]) if found else "")
        cur.execute("SELECT 1 FROM hub_enrolment WHERE lower(name) = lower(%s) OR login = %s",
                    [name, login])
        if cur.fetchone() is not None:
            raise ValueError(login)
        cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [login])
        if cur.fetchone() is not None:  # this hub's database made again: the server
            # kept the role; enrolled anew, with a new password
            cur.execute(sql.SQL("ALTER ROLE {} LOGIN PASSWORD {}").format(
                sql.Identifier(login), sql.Literal(password)))
            cur.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(DESK_ROLE),
                                                         sql.Identifier(login)))
        else:
            cur.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
                sql.Identifier(login), sql.Literal(password), sql.Identifier(DESK_ROLE)))
        cur.execute("INSERT INTO hub_enrolment (login, name) VALUES (%s, %s)", [login, name])
    return login


def remove_login(conn: psycopg.Connection[Any], name: str) -> str | None:
    """The desk called ``name`` (or with that login) can no longer sign in, and the hub's
    functions refuse whatever it sends; its open connections are ended. Its login, or
    None if there is no such desk."""
    from psycopg import sql

    with conn.transaction(), conn.cursor() as cur:
        cur.execute("SELECT login FROM hub_enrolment WHERE lower(name) = lower(%s) OR login"
                    " = %s", [name, name])
        row = cur.fetchone()
        if row is None:
            cur.execute("SELECT login FROM hub_desk WHERE (lower(name) = lower(%s) OR"
                        " desk_id = %s OR login = %s) AND login IS NOT NULL", [name, name,
                                                                                name])
            row = cur.fetchone()
            if row is None:
                return None
            cur.execute("INSERT INTO hub_enrolment (login, name) VALUES (%s, %s) ON"
                        " CONFLICT DO NOTHING", [row[0], name])
        login = str(row[0])
        cur.execute("UPDATE hub_enrolment SET revoked_at = now() WHERE login = %s", [login])
        cur.execute(sql.SQL("ALTER ROLE {} NOLOGIN").format(sql.Identifier(login)))
        cur.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename"
                    " = %s", [login])
    return login


def enrolled(conn: psycopg.Connection[Any]) -> list[Enrolled]:
    """Every desk the hub knows: enrolled ones, and desks that wrote with another login."""
    with conn.cursor() as cur:
        cur.execute("""SELECT coalesce(e.login, d.login, ''), coalesce(e.name, d.name, ''),
                              coalesce(d.desk_id, ''), d.seen_at, e.revoked_at,
                              (SELECT coalesce(sum(r.rows), 0) FROM hub_refused r
                               WHERE r.login = coalesce(e.login, d.login))
                       FROM hub_enrolment e FULL JOIN hub_desk d ON d.login = e.login
                       ORDER BY coalesce(e.made_at, d.seen_at)""")
        found = [Enrolled(str(r[0]), str(r[1]), str(r[2]), r[3], r[4], int(r[5]))
                 for r in cur.fetchall()]
    conn.rollback()
    return found


def connection_parts(conn: psycopg.Connection[Any]) -> dict[str, str]:
    """Where this connection went (host, port, dbname), for another desk to go there."""
    info = conn.info
    parts = {"host": str(info.host or ""), "dbname": str(info.dbname or "")}
    if info.port and str(info.port) != "5432":
        parts["port"] = str(info.port)
    return parts
