"""The schema steps of the speakers' lists and the interpreters' roster (13 to 19),
numbered with the others in migrations.py and, like them, never edited once shipped."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


def _v13_speakers(db: Database) -> None:
    """The list of speakers: each inscription, and everything that happens to it or to
    the list afterwards (start, pause, resume, end, withdraw, move, close, reopen) as
    append-only events, from which the list's state is derived."""
    for statement in (
        """CREATE TABLE speaker_entry (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            session_id INTEGER NOT NULL REFERENCES session(id),
            delegate_id INTEGER NOT NULL REFERENCES delegate(id),
            kind TEXT NOT NULL,
            language TEXT NOT NULL DEFAULT 'en',
            inscribed_at TEXT NOT NULL,
            override_reason TEXT NOT NULL DEFAULT '',
            desk_id TEXT NOT NULL,
            operator TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX speaker_entry_session ON speaker_entry(session_id)",
        """CREATE TABLE speaker_event (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            session_id INTEGER NOT NULL REFERENCES session(id),
            entry_id INTEGER REFERENCES speaker_entry(id),
            what TEXT NOT NULL,
            position INTEGER,
            reason TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL,
            desk_id TEXT NOT NULL,
            operator TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX speaker_event_session ON speaker_event(session_id, id)",
    ):
        db.execute(statement)


def _v14_speaker_texts(db: Database) -> None:
    """The written text of a statement, handed to the interpreters: kept in the event
    file, so it travels with it to every desk and booth."""
    db.execute("""CREATE TABLE speaker_text (
        entry_id INTEGER PRIMARY KEY REFERENCES speaker_entry(id),
        file_name TEXT NOT NULL,
        content BLOB NOT NULL,
        at TEXT NOT NULL,
        desk_id TEXT NOT NULL,
        operator TEXT NOT NULL DEFAULT ''
    )""")


def _v15_statement_limits(db: Database) -> None:
    """A session's own limit for statements, set by the chair (no row: the default)."""
    db.execute("""CREATE TABLE speaker_limit (
        session_id INTEGER PRIMARY KEY REFERENCES session(id),
        statement_limit_s INTEGER NOT NULL CHECK (statement_limit_s >= 0)
    )""")


def _v16_interpreters(db: Database) -> None:
    """The interpreters: their languages with AIIC classes ("en:A; ru:B"), staff or
    freelance, the days they can work (empty: every day of the event), fee, contact."""
    db.execute("""CREATE TABLE interpreter (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        name_cyr TEXT NOT NULL DEFAULT '',
        languages TEXT NOT NULL,
        staff INTEGER NOT NULL DEFAULT 0,
        available TEXT NOT NULL DEFAULT '',
        fee REAL NOT NULL DEFAULT 0,
        email TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
    )""")
    db.execute("CREATE INDEX interpreter_email ON interpreter(lower(email))")


def _v17_roster(db: Database) -> None:
    """The roster: who sits in which booth of which session (a meeting's team is written
    on each of its sessions), and whether it was locked by hand; an interpreter's
    withdrawal (unavailable from a day on), phone and the rooms or sessions they would
    rather not work ("room:3;session:7")."""
    for statement in (
        "ALTER TABLE interpreter ADD COLUMN withdrawn_from TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE interpreter ADD COLUMN phone TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE interpreter ADD COLUMN avoid TEXT NOT NULL DEFAULT ''",
        """CREATE TABLE roster_assignment (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
            booth TEXT NOT NULL,
            interpreter_id INTEGER NOT NULL REFERENCES interpreter(id) ON DELETE CASCADE,
            locked INTEGER NOT NULL DEFAULT 0,
            at TEXT NOT NULL,
            UNIQUE (session_id, booth, interpreter_id)
        )""",
        "CREATE INDEX roster_interpreter ON roster_assignment(interpreter_id)",
    ):
        db.execute(statement)


def _v18_interpreter_hours(db: Database) -> None:
    """The hours an interpreter can work each day ("09:00-13:00"; empty: any)."""
    db.execute("ALTER TABLE interpreter ADD COLUMN hours TEXT NOT NULL DEFAULT ''")


def _v19_interpreter_rules(db: Database) -> None:
    """The event's own interpreters' rules, where it departs from AIIC's defaults: one
    row per rule set (name, as typed); a rule without a row has its default."""
    db.execute("CREATE TABLE interpreter_rule (name TEXT PRIMARY KEY, value TEXT NOT NULL)")


def _v30_rank_by_hand(db: Database) -> None:
    """A protocol rank a registrar set by hand is marked so: a re-import with a new
    function proposes none over it. The delegate's audit triggers anew, with the column,
    and its rows as they stand."""
    from bsm_desk.store import audit

    db.execute("ALTER TABLE delegate ADD COLUMN rank_by_hand INTEGER NOT NULL DEFAULT 0")
    audit.make_triggers(db, "delegate")
    audit.baseline(db, "delegate")
