"""The schema steps of operators and the audit trail (numbered with the others in
migrations.py, and like them never edited once shipped)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bsm_desk.store import audit, audit_log
from bsm_desk.store.hub_row_changes import Shared, triggers_sql

if TYPE_CHECKING:
    from sqlite_utils import Database


def _v22_operators_and_audit(db: Database) -> None:
    """Operators (their password or PIN as an argon2id hash) and, on this desk only, how
    often each failed to sign in; the append-only audit log, its entries chained by
    hash, with triggers on every table of data; every row as it stands is its first
    entry. Operators travel between desks like the programme."""
    for statement in (
        """CREATE TABLE operator (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            role TEXT NOT NULL CHECK (role IN ('desk', 'registrar', 'supervisor',
                                               'administrator')),
            secret TEXT NOT NULL,
            disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        """CREATE TABLE operator_lock (
            operator_id INTEGER PRIMARY KEY REFERENCES operator(id) ON DELETE CASCADE,
            failures INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT NOT NULL DEFAULT ''
        )""",
        """CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            desk_id TEXT NOT NULL,
            operator TEXT NOT NULL,
            role TEXT NOT NULL,
            action TEXT NOT NULL,
            tbl TEXT NOT NULL DEFAULT '',
            key TEXT NOT NULL DEFAULT '',
            before TEXT,
            after TEXT,
            prev TEXT NOT NULL,
            hash TEXT NOT NULL
        )""",
        "CREATE INDEX audit_operator ON audit(operator, at)",
        "CREATE INDEX audit_at ON audit(at)",
        """CREATE TABLE audit_columns (
            tbl TEXT PRIMARY KEY,
            columns TEXT NOT NULL,
            key TEXT NOT NULL
        )""",
        "CREATE TRIGGER audit_kept_update BEFORE UPDATE ON audit BEGIN"
        " SELECT RAISE(ABORT, 'the audit log is append-only'); END",
        "CREATE TRIGGER audit_kept_delete BEFORE DELETE ON audit BEGIN"
        " SELECT RAISE(ABORT, 'the audit log is append-only'); END",
        *triggers_sql([Shared("operator", ("id",))]),
    ):
        db.execute(statement)
    for table in audit.audited_tables(db):
        audit.make_triggers(db, table)
        audit.baseline(db, table)


def _v23_data_key(db: Database) -> None:
    """An event's personal data may be sealed (store/privacy.py): the data key, wrapped
    by the passphrase (scrypt), and a probe that tells a key that fits. Travels between
    desks like the programme; audited like every table."""
    for statement in (
        """CREATE TABLE data_key (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            salt BLOB NOT NULL,
            wrapped BLOB NOT NULL,
            probe BLOB NOT NULL,
            created_at TEXT NOT NULL
        )""",
        *triggers_sql([Shared("data_key", ("id",))]),
    ):
        db.execute(statement)
    audit.make_triggers(db, "data_key")


def _v24_app_meta(db: Database) -> None:
    """Which BSM Desk version brought the schema up to date: an older app that finds a
    newer file names both versions when it refuses it (and writes nothing)."""
    db.execute("CREATE TABLE app_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")


def _v25_signed_authority(db: Database) -> None:
    """Signed authority (domain/authority.py): each operator's public signing key, and
    the private one sealed under the operator's password, in the operator's row (both
    travel); on this desk only, the signature of each change of an authority row it
    made, sent with the change."""
    for statement in (
        "ALTER TABLE operator ADD COLUMN sign_key TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE operator ADD COLUMN sign_secret TEXT NOT NULL DEFAULT ''",
        """CREATE TABLE authority_sig (
            tbl TEXT NOT NULL,
            key TEXT NOT NULL,
            hash TEXT NOT NULL,
            at TEXT NOT NULL,
            signer INTEGER NOT NULL,
            signature TEXT NOT NULL,
            PRIMARY KEY (tbl, key)
        )""",
    ):
        db.execute(statement)
    audit.make_triggers(db, "operator")
    audit.baseline(db, "operator")


def _v26_secrets_digested(db: Database) -> None:
    """The log keeps operators' password verifiers and sealed signing keys as digests
    only (audit.DIGESTED): the triggers anew, and the images already written rewritten
    (the chain sealed again, and an entry saying so)."""
    import json

    audit.make_triggers(db, "operator")
    names = [c for t, c in audit.DIGESTED if t == "operator"]

    def image(text: str | None) -> str | None:
        if not text:
            return text
        try:
            row = json.loads(text)
        except ValueError:
            return text
        if not isinstance(row, dict):
            return text
        found = {n: audit.digest(row[n]) for n in names
                 if isinstance(row.get(n), str) and not row[n].startswith("sha256:")}
        if not found:
            return text
        row.update(found)
        return json.dumps(row, ensure_ascii=False, separators=(",", ":"))

    def images(entry: audit_log.Entry) -> tuple[str | None, str | None] | None:
        if entry.table != "operator":
            return None
        return image(entry.before), image(entry.after)

    if db.execute("SELECT EXISTS (SELECT 1 FROM audit WHERE tbl = 'operator')").fetchone()[0]:
        audit_log.rewrite(db, images, "operator_secrets_digested", {})


def _v29_audit_marks(db: Database) -> None:
    """Each entry of the log carries a mark made with the event's key (HMAC, kept outside
    the file) when the desk writing it holds the key: the column, and every audited
    table's triggers anew so that they write it."""
    db.execute("ALTER TABLE audit ADD COLUMN mark TEXT")
    for table in audit.audited_tables(db):
        audit.make_triggers(db, table)


def _v32_audit_entries_computed_once(db: Database) -> None:
    """Every audited table's triggers made anew, each entry's values computed once (see
    audit._ONCE); what they write, hashes included, is as before."""
    for table in audit.audited_tables(db):
        audit.make_triggers(db, table)

