"""The schema, as numbered steps that are only ever appended.

A file records the last step applied in ``PRAGMA user_version``. Never edit a
step that has shipped: add the next one. tests/store/test_migrations.py upgrades
a database from every earlier version.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from bsm_desk.store.migrations_audit import (
    _v22_operators_and_audit,
    _v23_data_key,
    _v24_app_meta,
    _v25_signed_authority,
    _v26_secrets_digested,
    _v29_audit_marks,
    _v32_audit_entries_computed_once,
)
from bsm_desk.store.migrations_hub import (
    _v20_sync,
    _v21_shared_rows,
    _v27_hybrid_clock,
    _v28_checkins_by_desk,
    _v31_seating,
)
from bsm_desk.store.migrations_people import (
    _v13_speakers,
    _v14_speaker_texts,
    _v15_statement_limits,
    _v16_interpreters,
    _v17_roster,
    _v18_interpreter_hours,
    _v19_interpreter_rules,
    _v30_rank_by_hand,
)

if TYPE_CHECKING:
    from sqlite_utils import Database


def _v1_conference(db: Database) -> None:
    for statement in V1_SQL.split(";\n"):
        if statement.strip():
            db.execute(statement)


V1_SQL = """
CREATE TABLE event (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    code TEXT NOT NULL,
    title_en TEXT NOT NULL,
    title_ru TEXT NOT NULL DEFAULT '',
    venue_en TEXT NOT NULL DEFAULT '',
    venue_ru TEXT NOT NULL DEFAULT '',
    time_zone TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    languages TEXT NOT NULL DEFAULT 'en,ru',
    secret BLOB NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE day (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL UNIQUE,
    opens TEXT NOT NULL DEFAULT '08:00',
    closes TEXT NOT NULL DEFAULT '20:00'
);
CREATE TABLE room (
    id INTEGER PRIMARY KEY,
    name_en TEXT NOT NULL,
    name_ru TEXT NOT NULL DEFAULT '',
    floor TEXT NOT NULL DEFAULT '',
    capacity INTEGER NOT NULL DEFAULT 0 CHECK (capacity >= 0),
    booths INTEGER NOT NULL DEFAULT 0 CHECK (booths >= 0),
    equipment TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE category (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name_en TEXT NOT NULL,
    name_ru TEXT NOT NULL DEFAULT '',
    colour TEXT NOT NULL DEFAULT '#607d8b',
    access TEXT NOT NULL DEFAULT 'open' CHECK (access IN ('all', 'open', 'staff'))
);
CREATE TABLE delegation (
    id INTEGER PRIMARY KEY,
    name_en TEXT NOT NULL,
    name_ru TEXT NOT NULL DEFAULT '',
    type TEXT NOT NULL CHECK (type IN
        ('member_state', 'international_organization', 'civil_society', 'other')),
    iso_code TEXT,
    order_key TEXT NOT NULL DEFAULT '',
    size_limit INTEGER CHECK (size_limit IS NULL OR size_limit > 0)
);
CREATE TABLE session (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('plenary', 'thematic', 'closed', 'side_event')),
    title_en TEXT NOT NULL,
    title_ru TEXT NOT NULL DEFAULT '',
    room_id INTEGER REFERENCES room(id),
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    languages TEXT NOT NULL DEFAULT 'en,ru',
    interpretation INTEGER NOT NULL DEFAULT 1,
    expected INTEGER NOT NULL DEFAULT 0,
    organizer TEXT NOT NULL DEFAULT '',
    CHECK (ends_at > starts_at)
);
CREATE INDEX session_starts ON session(starts_at);
CREATE TABLE session_access (
    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    category_id INTEGER NOT NULL REFERENCES category(id),
    PRIMARY KEY (session_id, category_id)
);
CREATE TABLE delegate (
    id INTEGER PRIMARY KEY,
    external_id TEXT NOT NULL DEFAULT '',
    family_name TEXT NOT NULL,
    given_name TEXT NOT NULL DEFAULT '',
    family_name_cyr TEXT NOT NULL DEFAULT '',
    given_name_cyr TEXT NOT NULL DEFAULT '',
    gender TEXT NOT NULL DEFAULT 'X' CHECK (gender IN ('F', 'M', 'X')),
    honorific TEXT NOT NULL DEFAULT '',
    function_en TEXT NOT NULL DEFAULT '',
    function_ru TEXT NOT NULL DEFAULT '',
    delegation_id INTEGER NOT NULL REFERENCES delegation(id),
    category_id INTEGER NOT NULL REFERENCES category(id),
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    passport_no TEXT NOT NULL DEFAULT '',
    nationality TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'registered'
        CHECK (status IN ('registered', 'accredited', 'cancelled')),
    credentials_received TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX delegate_delegation ON delegate(delegation_id);
CREATE INDEX delegate_category ON delegate(category_id);
CREATE INDEX delegate_name ON delegate(family_name COLLATE NOCASE, given_name COLLATE NOCASE);
CREATE TABLE delegate_photo (
    delegate_id INTEGER PRIMARY KEY REFERENCES delegate(id),
    mime TEXT NOT NULL,
    image BLOB NOT NULL
)
"""


def _v2_journal(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE journal (
            uuid TEXT PRIMARY KEY,
            at TEXT NOT NULL,
            desk_id TEXT NOT NULL,
            operator TEXT NOT NULL DEFAULT '',
            action TEXT NOT NULL,
            subject TEXT NOT NULL DEFAULT '',
            detail TEXT NOT NULL DEFAULT '{}'
        )
        """
    )
    db.execute("CREATE INDEX journal_at ON journal(at)")


def _v3_counts_index(db: Database) -> None:
    # The overview counts delegates by status and gender at every start: a covering
    # index keeps that one short scan at 100,000 delegates.
    db.execute("CREATE INDEX delegate_status_gender ON delegate(status, gender)")


def _v4_registry(db: Database) -> None:
    """Search across scripts, generated Latin names, merges, and the change history."""
    from bsm_desk.domain.names import fold_words

    for statement in (
        "ALTER TABLE delegate ADD COLUMN search_key TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE delegate ADD COLUMN latin_generated INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE delegate ADD COLUMN birth_date TEXT",
        "ALTER TABLE delegate ADD COLUMN merged_into INTEGER REFERENCES delegate(id)",
        "CREATE INDEX delegate_external_id ON delegate(external_id) WHERE external_id != ''",
        "CREATE INDEX delegate_email ON delegate(email COLLATE NOCASE) WHERE email != ''",
        "CREATE INDEX delegate_passport ON delegate(passport_no) WHERE passport_no != ''",
    ):
        db.execute(statement)
    # Keys first, index after: the update trigger below must only ever see indexed rows.
    rows = db.execute("SELECT id, family_name, given_name, family_name_cyr, given_name_cyr,"
                      " external_id FROM delegate").fetchall()
    db.conn.executemany("UPDATE delegate SET search_key = ? WHERE id = ?",
                        [(" ".join(fold_words(*r[1:])), r[0]) for r in rows])
    for statement in (
        # The folded words of each name, prefix-indexed from two letters.
        "CREATE VIRTUAL TABLE delegate_fts USING fts5(search_key, content='delegate',"
        " content_rowid='id', tokenize='unicode61', prefix='2 3')",
        "INSERT INTO delegate_fts(delegate_fts) VALUES ('rebuild')",
        # Its distinct words, for the typo-tolerant fallback.
        "CREATE VIRTUAL TABLE delegate_fts_vocab USING fts5vocab(delegate_fts, 'row')",
        # New rows are indexed by store.delegates in one statement per batch: an insert
        # trigger would make FTS5 flush at every row (25 times slower in bulk).
        "CREATE TRIGGER delegate_fts_delete AFTER DELETE ON delegate BEGIN"
        " INSERT INTO delegate_fts(delegate_fts, rowid, search_key)"
        " VALUES ('delete', old.id, old.search_key); END",
        "CREATE TRIGGER delegate_fts_update AFTER UPDATE OF search_key ON delegate BEGIN"
        " INSERT INTO delegate_fts(delegate_fts, rowid, search_key)"
        " VALUES ('delete', old.id, old.search_key);"
        " INSERT INTO delegate_fts(rowid, search_key) VALUES (new.id, new.search_key); END",
        """CREATE TABLE delegate_history (
            uuid TEXT PRIMARY KEY,
            delegate_id INTEGER NOT NULL REFERENCES delegate(id),
            at TEXT NOT NULL,
            desk_id TEXT NOT NULL,
            operator TEXT NOT NULL DEFAULT '',
            action TEXT NOT NULL,
            changes TEXT NOT NULL DEFAULT '{}'
        )""",
        "CREATE INDEX delegate_history_delegate ON delegate_history(delegate_id, at)",
        """CREATE TABLE duplicate_dismissed (
            first_id INTEGER NOT NULL REFERENCES delegate(id),
            second_id INTEGER NOT NULL REFERENCES delegate(id),
            at TEXT NOT NULL,
            desk_id TEXT NOT NULL,
            PRIMARY KEY (first_id, second_id),
            CHECK (first_id < second_id)
        )""",
    ):
        db.execute(statement)


def _v5_badges(db: Database) -> None:
    """Badge reissues and prints, as append-only events.

    A delegate's badge is version 1 until a reissue (lost, damaged, name corrected)
    records version 2, 3, ...; the highest version is the one the doors accept.
    """
    for statement in (
        """CREATE TABLE badge_issue (
            uuid TEXT PRIMARY KEY,
            delegate_id INTEGER NOT NULL REFERENCES delegate(id),
            version INTEGER NOT NULL CHECK (version >= 2),
            reason TEXT NOT NULL CHECK (reason IN ('lost', 'damaged', 'name')),
            at TEXT NOT NULL,
            desk_id TEXT NOT NULL,
            operator TEXT NOT NULL DEFAULT '',
            UNIQUE (delegate_id, version)
        )""",
        """CREATE TABLE badge_print (
            uuid TEXT PRIMARY KEY,
            delegate_id INTEGER NOT NULL REFERENCES delegate(id),
            version INTEGER NOT NULL CHECK (version >= 1),
            layout TEXT NOT NULL,
            at TEXT NOT NULL,
            desk_id TEXT NOT NULL,
            operator TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX badge_print_delegate ON badge_print(delegate_id, version)",
    ):
        db.execute(statement)


def _v6_checkins(db: Database) -> None:
    """Check-ins as append-only events; an undo is one more event pointing at another."""
    for statement in (
        """CREATE TABLE checkin (
            uuid TEXT PRIMARY KEY,
            checkpoint TEXT NOT NULL,
            delegate_id INTEGER REFERENCES delegate(id),
            badge_version INTEGER,
            verdict TEXT NOT NULL,
            accepted INTEGER NOT NULL CHECK (accepted IN (0, 1)),
            method TEXT NOT NULL DEFAULT 'scan',
            code TEXT NOT NULL DEFAULT '',
            undoes TEXT REFERENCES checkin(uuid),
            reason TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL,
            desk_id TEXT NOT NULL,
            operator TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX checkin_checkpoint_delegate ON checkin(checkpoint, delegate_id, at)",
        "CREATE INDEX checkin_checkpoint_at ON checkin(checkpoint, at)",
        "CREATE INDEX checkin_undoes ON checkin(undoes) WHERE undoes IS NOT NULL",
        """CREATE TABLE checkpoint_rule (
            checkpoint TEXT PRIMARY KEY,
            readmit INTEGER NOT NULL CHECK (readmit IN (0, 1))
        )""",
    ):
        db.execute(statement)


def _v7_checkin_counts(db: Database) -> None:
    # Who is in at a checkpoint, read from the index alone: 77,000 check-ins counted in
    # a few tens of milliseconds instead of half a second.
    db.execute("CREATE INDEX checkin_accepted ON checkin(checkpoint, accepted, delegate_id)")


def _v8_side_events(db: Database) -> None:
    """Who speaks in which session, and the side-event requests waiting for a room."""
    for statement in (
        """CREATE TABLE session_person (
            session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
            delegate_id INTEGER NOT NULL REFERENCES delegate(id),
            role TEXT NOT NULL DEFAULT 'panellist',
            PRIMARY KEY (session_id, delegate_id)
        )""",
        """CREATE TABLE side_event_request (
            id INTEGER PRIMARY KEY,
            title_en TEXT NOT NULL,
            title_ru TEXT NOT NULL DEFAULT '',
            organizer TEXT NOT NULL DEFAULT '',
            contact TEXT NOT NULL DEFAULT '',
            expected INTEGER NOT NULL DEFAULT 0 CHECK (expected >= 0),
            duration_min INTEGER NOT NULL CHECK (duration_min > 0),
            languages TEXT NOT NULL DEFAULT 'en,ru',
            interpretation INTEGER NOT NULL DEFAULT 0,
            equipment TEXT NOT NULL DEFAULT '[]',
            avoid_plenary INTEGER NOT NULL DEFAULT 0,
            session_id INTEGER REFERENCES session(id),
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE request_slot (
            request_id INTEGER NOT NULL REFERENCES side_event_request(id) ON DELETE CASCADE,
            rank INTEGER NOT NULL,
            starts_at TEXT NOT NULL,
            PRIMARY KEY (request_id, rank)
        )""",
        """CREATE TABLE request_panellist (
            request_id INTEGER NOT NULL REFERENCES side_event_request(id) ON DELETE CASCADE,
            delegate_id INTEGER NOT NULL REFERENCES delegate(id),
            PRIMARY KEY (request_id, delegate_id)
        )""",
    ):
        db.execute(statement)


def _v9_merged_index(db: Database) -> None:
    # Merged records are few: finding them by an index lets the start-up figures count
    # everyone from the (status, gender) index and take the merged ones off.
    db.execute("CREATE INDEX delegate_merged ON delegate(merged_into)"
               " WHERE merged_into IS NOT NULL")


def _v10_changeover(db: Database) -> None:
    # Minutes kept free in a room between two events, for the change-over: one figure
    # for the event, used by the side-event allocator.
    db.execute("ALTER TABLE event ADD COLUMN changeover_min INTEGER NOT NULL DEFAULT 15")


def _v11_session_times_in_utc(db: Database) -> None:
    # Sessions placed by the allocator or edited on the timetable were written with the
    # venue's offset (+05:00) beside UTC ones, so ORDER BY starts_at was not time order.
    from datetime import UTC, datetime

    rows = db.execute("SELECT id, starts_at, ends_at FROM session").fetchall()
    db.conn.executemany(
        "UPDATE session SET starts_at = ?, ends_at = ? WHERE id = ?",
        [(datetime.fromisoformat(start).astimezone(UTC).isoformat(),
          datetime.fromisoformat(end).astimezone(UTC).isoformat(), session_id)
         for session_id, start, end in rows])


def _v12_protocol_rank(db: Database) -> None:
    """Every delegate gets a protocol rank, proposed from the function (the list of
    speakers orders by it); heads of delegation below ambassador lead as such."""
    from bsm_desk.domain.protocol import propose_rank

    db.execute("ALTER TABLE delegate ADD COLUMN protocol_rank TEXT NOT NULL "
               "DEFAULT 'member'")
    rows = db.execute(
        "SELECT d.id, d.function_en, d.function_ru, c.code = 'hod' FROM delegate d"
        " LEFT JOIN category c ON c.id = d.category_id").fetchall()
    db.conn.executemany("UPDATE delegate SET protocol_rank = ? WHERE id = ?", [
        (propose_rank(en or "", ru or "", leads_delegation=bool(head)).value, delegate_id)
        for delegate_id, en, ru, head in rows])


STEPS: list[tuple[int, Callable[[Database], None]]] = [
    (1, _v1_conference),
    (2, _v2_journal),
    (3, _v3_counts_index),
    (4, _v4_registry),
    (5, _v5_badges),
    (6, _v6_checkins),
    (7, _v7_checkin_counts),
    (8, _v8_side_events),
    (9, _v9_merged_index),
    (10, _v10_changeover),
    (11, _v11_session_times_in_utc),
    (12, _v12_protocol_rank),
    (13, _v13_speakers),
    (14, _v14_speaker_texts),
    (15, _v15_statement_limits),
    (16, _v16_interpreters),
    (17, _v17_roster),
    (18, _v18_interpreter_hours),
    (19, _v19_interpreter_rules),
    (20, _v20_sync),
    (21, _v21_shared_rows),
    (22, _v22_operators_and_audit),
    (23, _v23_data_key),
    (24, _v24_app_meta),
    (25, _v25_signed_authority),
    (26, _v26_secrets_digested),
    (27, _v27_hybrid_clock),
    (28, _v28_checkins_by_desk),
    (29, _v29_audit_marks),
    (30, _v30_rank_by_hand),
    (31, _v31_seating),
    (32, _v32_audit_entries_computed_once),
]
LATEST = STEPS[-1][0]  # equal to schema.LATEST (a test holds it)
