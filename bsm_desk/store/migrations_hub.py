"""The schema steps of a desk's place on a hub (numbered with the others in
migrations.py, and like them never edited once shipped)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bsm_desk.store.hub_row_changes import Shared, baseline, triggers_sql

if TYPE_CHECKING:
    from sqlite_utils import Database


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
    between desks as row changes (store/hub_row_changes.py): triggers note each changed row; the
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


# The shared tables as they stood at migration 27 (a later step adds its own).
_V27_TABLES = (*_V21_TABLES, Shared("operator", ("id",)), Shared("data_key", ("id",)))


def _v27_hybrid_clock(db: Database) -> None:
    """Changes of the shared tables stamped by a hybrid logical clock (shared.HLC_NOW):
    a desk whose clock is years ahead no longer wins every later change for good."""
    from bsm_desk.store.hub_row_changes import HLC_NOW

    for table in _V27_TABLES:
        for action in ("insert", "update", "delete"):
            db.execute(f"DROP TRIGGER IF EXISTS shared_{table.name}_{action}")
    for statement in triggers_sql(_V27_TABLES, at=HLC_NOW):
        db.execute(statement)


_V31_TABLES = (Shared("seating_layout", ("room_id",)), Shared("seating_need", ("delegation_id",)),
               Shared("seating_plan", ("session_id",)), Shared("seat", ("session_id", "place")))


def _v31_seating(db: Database) -> None:
    """Where delegations sit (issue 32): a room's layout, a delegation's need of an
    accessible place or other number of places, a session's plan (its language, the
    draw, the podium) and its seats; shared between desks like the programme."""
    from bsm_desk.store import audit
    from bsm_desk.store.hub_row_changes import HLC_NOW

    for statement in (
        """CREATE TABLE seating_layout (
            room_id INTEGER PRIMARY KEY REFERENCES room(id) ON DELETE CASCADE,
            shape TEXT NOT NULL CHECK (shape IN ('theatre', 'classroom', 'u_shape',
                                                 'hollow_square', 'boardroom')),
            rows INTEGER NOT NULL CHECK (rows BETWEEN 0 AND 80),
            per_row INTEGER NOT NULL CHECK (per_row BETWEEN 1 AND 400),
            podium INTEGER NOT NULL DEFAULT 3 CHECK (podium BETWEEN 0 AND 40),
            accessible TEXT NOT NULL DEFAULT '' CHECK (length(accessible) <= 20000),
            removed TEXT NOT NULL DEFAULT '' CHECK (length(removed) <= 20000)
        )""",
        """CREATE TABLE seating_need (
            delegation_id INTEGER PRIMARY KEY REFERENCES delegation(id) ON DELETE CASCADE,
            accessible INTEGER NOT NULL DEFAULT 0 CHECK (accessible IN (0, 1)),
            places INTEGER CHECK (places IS NULL OR places BETWEEN 1 AND 3)
        )""",
        """CREATE TABLE seating_plan (
            session_id INTEGER PRIMARY KEY REFERENCES session(id) ON DELETE CASCADE,
            lang TEXT NOT NULL DEFAULT 'en' CHECK (lang IN ('en', 'ru')),
            seed INTEGER CHECK (seed IS NULL OR seed BETWEEN 0 AND 999999999),
            drawn_id INTEGER REFERENCES delegation(id) ON DELETE SET NULL,
            podium TEXT NOT NULL DEFAULT '' CHECK (length(podium) <= 2000),
            places TEXT NOT NULL DEFAULT '' CHECK (length(places) <= 2000),
            at TEXT NOT NULL
        )""",
        """CREATE TABLE seat (
            session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
            place INTEGER NOT NULL CHECK (place BETWEEN 1 AND 2000),
            delegation_id INTEGER NOT NULL REFERENCES delegation(id) ON DELETE CASCADE,
            locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
            PRIMARY KEY (session_id, place)
        )""",
        "CREATE INDEX seat_delegation ON seat(delegation_id)",
        # What this desk last printed on each delegation's plate for a session (a
        # digest of the text): after a change, only the plates that changed print.
        """CREATE TABLE seating_printed (
            session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
            delegation_id INTEGER NOT NULL,
            digest TEXT NOT NULL,
            PRIMARY KEY (session_id, delegation_id)
        )""",
        *triggers_sql(_V31_TABLES, at=HLC_NOW),
    ):
        db.execute(statement)
    for table in (*(t.name for t in _V31_TABLES), "seating_printed"):
        audit.make_triggers(db, table)


def _v28_checkins_by_desk(db: Database) -> None:
    """A desk's own check-ins found by their desk: each round asks how far this file has
    recorded (services/hub/continuity.py) without reading every check-in."""
    db.execute("CREATE INDEX checkin_desk ON checkin(desk_id)")
