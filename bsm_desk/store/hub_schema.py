"""The hub's schema: numbered migrations applied in one locked transaction (like the
local store's), the desks' role that may only add events and read, and the check that a
hub is one this desk may use (not missing, not newer)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import psycopg
from psycopg import conninfo

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError

NOT_A_HUB = QT_TRANSLATE_NOOP("UserError", "{url} is not a BSM Desk hub yet: run "
                                           "bsm-desk hub init first.")
NEWER_HUB_BY = QT_TRANSLATE_NOOP("UserError", "The hub at {url} was brought up by BSM Desk "
                                              "{theirs} (schema {found}); this desk is BSM "
                                              "Desk {ours} (schema {known}): update this "
                                              "desk. Nothing was written to the hub.")
NEWER_HUB = QT_TRANSLATE_NOOP("UserError", "The hub at {url} was made by a newer BSM Desk "
                                           "(schema {found}); update this desk.")


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


def _v1(cur: psycopg.Cursor[Any]) -> None:
    cur.execute("""CREATE TABLE hub_event_file (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        code TEXT NOT NULL,
        snapshot BYTEA NOT NULL,
        published_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        desk_id TEXT NOT NULL
    )""")
    cur.execute("""CREATE TABLE hub_desk (
        desk_id TEXT PRIMARY KEY,
        name TEXT NOT NULL DEFAULT '',
        seen_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )""")
    cur.execute("""CREATE TABLE hub_checkin (
        seq BIGSERIAL PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        desk_seq BIGINT NOT NULL,
        checkpoint TEXT NOT NULL,
        delegate_id INTEGER,
        badge_version INTEGER,
        verdict TEXT NOT NULL,
        accepted BOOLEAN NOT NULL,
        method TEXT NOT NULL,
        code TEXT NOT NULL,
        undoes TEXT,
        reason TEXT NOT NULL,
        at TEXT NOT NULL,
        desk_id TEXT NOT NULL,
        operator TEXT NOT NULL,
        received_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )""")
    cur.execute("CREATE INDEX hub_checkin_desk ON hub_checkin(desk_id, desk_seq)")


def _v2(cur: psycopg.Cursor[Any]) -> None:
    """Every other kind of event (badge reissues and prints, and more to come), one
    table: its kind, and its row as the desk recorded it."""
    cur.execute("""CREATE TABLE hub_event (
        seq BIGSERIAL PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        desk_id TEXT NOT NULL,
        desk_seq BIGINT NOT NULL,
        row JSONB NOT NULL,
        received_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )""")
    cur.execute("CREATE INDEX hub_event_desk ON hub_event(desk_id, kind, desk_seq)")


def _v3(cur: psycopg.Cursor[Any]) -> None:
    """Each desk's block of ids for the delegates and delegations it adds (0: the desk
    that published the event)."""
    cur.execute("ALTER TABLE hub_desk ADD COLUMN block INTEGER UNIQUE")


def _v4(cur: psycopg.Cursor[Any]) -> None:
    """Which BSM Desk version applied each step: an older desk names it when it refuses
    a newer hub."""
    cur.execute("ALTER TABLE hub_schema ADD COLUMN app_version TEXT NOT NULL DEFAULT ''")


def _v5(cur: psycopg.Cursor[Any]) -> None:
    """Each desk's audit trail head (the last entry's id, time and hash), kept away from
    the desk: entries cut from the end of a desk's log are then seen."""
    cur.execute("ALTER TABLE hub_desk ADD COLUMN audit_id BIGINT,"
                " ADD COLUMN audit_at TEXT, ADD COLUMN audit_hash TEXT")


def _v6(cur: psycopg.Cursor[Any]) -> None:
    from bsm_desk.store import hub_functions

    hub_functions.v6(cur)


def _v7(cur: psycopg.Cursor[Any]) -> None:
    from bsm_desk.store import hub_function_steps

    hub_function_steps.v7(cur)


def _v8(cur: psycopg.Cursor[Any]) -> None:
    from bsm_desk.store import hub_function_steps

    hub_function_steps.v8(cur)


def _v9(cur: psycopg.Cursor[Any]) -> None:
    from bsm_desk.store import hub_function_steps

    hub_function_steps.v9(cur)


def _v10(cur: psycopg.Cursor[Any]) -> None:
    from bsm_desk.store import hub_function_steps

    hub_function_steps.v10(cur)


def _v11(cur: psycopg.Cursor[Any]) -> None:
    from bsm_desk.store import hub_function_steps

    hub_function_steps.v11(cur)


STEPS: list[tuple[int, Callable[[psycopg.Cursor[Any]], None]]] = [(1, _v1), (2, _v2),
                                                                  (3, _v3), (4, _v4),
                                                                  (5, _v5), (6, _v6),
                                                                  (7, _v7), (8, _v8),
                                                                  (9, _v9), (10, _v10),
                                                                  (11, _v11)]
LATEST = STEPS[-1][0]


def version(conn: psycopg.Connection[Any]) -> int:
    with conn.cursor() as cur:
        cur.execute("SELECT to_regclass('hub_schema') IS NOT NULL")
        row = cur.fetchone()
        if not row or not row[0]:
            return 0
        cur.execute("SELECT max(version) FROM hub_schema")
        found = cur.fetchone()
        return int(found[0]) if found and found[0] is not None else 0


def migrate(conn: psycopg.Connection[Any], url: str) -> int:
    """Bring the hub's schema up to date, in one transaction (a second desk doing the
    same at once waits on the lock, then finds nothing to do)."""
    with conn.transaction(), conn.cursor() as cur:
        cur.execute("CREATE TABLE IF NOT EXISTS hub_schema (version INTEGER PRIMARY KEY,"
                    " at TIMESTAMPTZ NOT NULL DEFAULT now())")
        cur.execute("LOCK TABLE hub_schema IN EXCLUSIVE MODE")
        cur.execute("SELECT coalesce(max(version), 0) FROM hub_schema")
        row = cur.fetchone()
        current = int(row[0]) if row else 0
        if current > LATEST:
            raise _newer(cur, url, current)
        from bsm_desk import __version__

        for number, step in STEPS:
            if number > current:
                step(cur)
                if number >= 4:
                    cur.execute("INSERT INTO hub_schema (version, app_version) VALUES"
                                " (%s, %s)", [number, __version__])
                else:
                    cur.execute("INSERT INTO hub_schema (version) VALUES (%s)", [number])
    return LATEST


DESK_ROLE = "bsm_desk_desks"  # the group every desk's login belongs to


def role_sql(database: str) -> list[str]:
    """What makes the desks' group role: read the hub's tables, write only through its
    functions (store/hub_functions.py), which check every row and that a login speaks
    for its own desk; never change or delete anything. For a DBA to run by hand, or run
    by ``hub init``."""
    from bsm_desk.store.hub_functions import FUNCTIONS, LATER_FUNCTIONS

    quoted = '"' + database.replace('"', '""') + '"'
    return [
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{DESK_ROLE}')"
        f" THEN CREATE ROLE {DESK_ROLE} NOLOGIN; END IF; END $$",
        f"GRANT CONNECT ON DATABASE {quoted} TO {DESK_ROLE}",
        f"GRANT USAGE ON SCHEMA public TO {DESK_ROLE}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {DESK_ROLE}",
        *[f"GRANT EXECUTE ON FUNCTION {name} TO {DESK_ROLE}" for name in
          (*FUNCTIONS, *LATER_FUNCTIONS)],
        "-- Then one login per desk (hub add-desk makes them), enrolled at this hub, e.g.:",
        f"-- CREATE ROLE desk1 LOGIN PASSWORD '...' IN ROLE {DESK_ROLE};",
        "-- INSERT INTO hub_enrolment (login, name) VALUES ('desk1', 'Desk 1');",
    ]


def make_desk_role(conn: psycopg.Connection[Any]) -> bool:
    """Run :func:`role_sql` if this connection may (CREATEROLE); False if not."""
    with conn.cursor() as cur:
        cur.execute("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname ="
                    " current_user")
        row = cur.fetchone()
        cur.execute("SELECT current_database()")
        name = cur.fetchone()
    conn.rollback()
    if not row or not row[0] or not name:
        return False
    with conn.transaction(), conn.cursor() as cur:
        for statement in role_sql(str(name[0])):
            if not statement.startswith("--"):
                cur.execute(statement)
    return True


def _newer(cur: psycopg.Cursor[Any], url: str, found: int) -> UserError:
    """The refusal of a hub newer than this desk, naming both versions where it can."""
    from bsm_desk import __version__

    try:
        cur.execute("SELECT app_version FROM hub_schema ORDER BY version DESC LIMIT 1")
        row = cur.fetchone()
        theirs = str(row[0])[:40] if row and row[0] else ""
    except psycopg.Error:
        theirs = ""
    if theirs:
        return UserError(NEWER_HUB_BY, url=safe_url(url), theirs=theirs, found=found,
                         ours=__version__, known=LATEST)
    return UserError(NEWER_HUB, url=safe_url(url), found=found)


def require(conn: psycopg.Connection[Any], url: str) -> None:
    found = version(conn)
    if found > LATEST:
        with conn.cursor() as cur:
            refusal = _newer(cur, url, found)
        conn.rollback()
        raise refusal
    conn.rollback()
    if found == 0:
        raise UserError(NOT_A_HUB, url=safe_url(url))


