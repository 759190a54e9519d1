"""The schema steps of a desk's place on a hub (numbered with the others in
migrations.py, and like them never edited once shipped)."""

from __future__ import annotations

from sqlite_utils import Database

from bsm_desk.store.sync_rows import Shared, baseline, triggers_sql


def _v20_sync(db: Database) -> None:
    """A desk and its hub: where it is (the connection string, never the password), how
    far it has pushed and pulled; and what the hub or this desk refused, for review."""
    for statement in (
        "CREATE TABLE sync_state (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE sync_review (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL,
            kind TEXT NOT NULL,
            reason TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL,
            UNIQUE (uuid, kind)
        )""",
    ):
        db.execute(statement)


# The shared tables as they stood at step 21 (a later step adds its own).
_V21_TABLES = (
    Shared("event", ("id",)), Shared("day", ("id",)), Shared("room", ("id",)),
    Shared("category", ("id",)), Shared("session", ("id",)),
    Shared("session_access", ("session_id", "category_id")),
    Shared("session_person", ("session_id", "delegate_id")),
    Shared("checkpoint_rule", ("checkpoint",)), Shared("side_event_request", ("id",)),
    Shared("request_slot", ("request_id", "rank")),
    Shared("request_panellist", ("request_id", "delegate_id")),
    Shared("speaker_limit", ("session_id",)), Shared("speaker_entry", ("id",)),
    Shared("speaker_event", ("uuid",), local=("id",)), Shared("speaker_text", ("entry_id",)),
    Shared("interpreter", ("id",)), Shared("interpreter_rule", ("name",)),
    Shared("roster_assignment", ("session_id", "booth", "interpreter_id"),
           local=("id", "at")),
    Shared("delegate_photo", ("delegate_id",)),
    Shared("duplicate_dismissed", ("first_id", "second_id")),
)


def _v21_shared_rows(db: Database) -> None:
    """The programme, speakers' lists, roster and the other edited-in-place tables travel
    between desks as row changes (store/sync_rows.py): triggers note each changed row; the
    last agreed version of every row is kept, all rows as they stand agreed from here."""
    for statement in (
        """CREATE TABLE sync_row (
            tbl TEXT NOT NULL,
            key TEXT NOT NULL,
            hash TEXT NOT NULL,
            at TEXT NOT NULL,
            desk_id TEXT NOT NULL,
            PRIMARY KEY (tbl, key)
        ) WITHOUT ROWID""",
        """CREATE TABLE sync_changed (
            tbl TEXT NOT NULL,
            key TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (tbl, key)
        )""",
        *triggers_sql(_V21_TABLES),
    ):
        db.execute(statement)
    baseline(db, _V21_TABLES)


def _v27_hybrid_clock(db: Database) -> None:
    """Changes of the shared tables stamped by a hybrid logical clock (shared.HLC_NOW):
    a desk whose clock is years ahead no longer wins every later change for good."""
    from bsm_desk.store.sync_rows import HLC_NOW, TABLES

    for table in TABLES:
        for action in ("insert", "update", "delete"):
            db.execute(f"DROP TRIGGER IF EXISTS shared_{table.name}_{action}")
    for statement in triggers_sql(TABLES, at=HLC_NOW):
        db.execute(statement)


def _v28_checkins_by_desk(db: Database) -> None:
    """A desk's own check-ins found by their desk: each round asks how far this file has
    recorded (services/sync/continuity.py) without reading every check-in."""
    db.execute("CREATE INDEX checkin_desk ON checkin(desk_id)")
