"""The list of speakers in the database: inscriptions and the append-only events that
happen to them and to the list (its state is derived from them, never overwritten)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from bsm_desk.domain.model import DelegationType, ProtocolRank
from bsm_desk.domain.speakers import EntryKind
from bsm_desk.store.db import next_id

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class StoredEntry:
    id: int
    session_id: int
    delegate_id: int
    kind: EntryKind
    language: str
    inscribed_at: datetime
    override_reason: str
    # Of the delegate, for ordering and showing:
    name: str
    delegation_id: int
    delegation: str
    delegation_type: DelegationType
    observer: bool
    rank: ProtocolRank
    cancelled: bool = False  # the registration was cancelled after the inscription


@dataclass(frozen=True)
class Event:
    entry_id: int | None
    what: str  # start pause resume end withdraw move close reopen
    position: int | None
    reason: str
    at: datetime


def add_entry(db: Database, *, session_id: int, delegate_id: int, kind: EntryKind,
              language: str, at: datetime, override_reason: str, desk_id: str,
              operator: str) -> int:
    cursor = db.execute(
        "INSERT INTO speaker_entry (id, uuid, session_id, delegate_id, kind, language,"
        " inscribed_at, override_reason, desk_id, operator)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [next_id(db, "speaker_entry"), str(uuid.uuid4()), session_id, delegate_id, kind.value,
         language, at.isoformat(), override_reason, desk_id, operator])
    return int(cursor.lastrowid or 0)


def add_event(db: Database, *, session_id: int, what: str, at: datetime, desk_id: str,
              operator: str = "", entry_id: int | None = None, position: int | None = None,
              reason: str = "") -> None:
    db.execute(
        "INSERT INTO speaker_event (uuid, session_id, entry_id, what, position, reason, at,"
        " desk_id, operator) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [str(uuid.uuid4()), session_id, entry_id, what, position, reason, at.isoformat(),
         desk_id, operator])


def entries(db: Database, session_id: int, lang: str = "en") -> list[StoredEntry]:
    rows = db.execute(
        "SELECT e.id, e.session_id, e.delegate_id, e.kind, e.language, e.inscribed_at,"
        " e.override_reason, d.family_name, d.given_name, d.family_name_cyr,"
        " d.given_name_cyr, g.id, g.name_en, g.name_ru, g.type, c.code = 'observer',"
        " d.protocol_rank, d.status = 'cancelled'"
        " FROM speaker_entry e JOIN delegate d ON d.id = e.delegate_id"
        " JOIN delegation g ON g.id = d.delegation_id JOIN category c ON c.id = d.category_id"
        " WHERE e.session_id = ? ORDER BY e.inscribed_at, e.id", [session_id]).fetchall()
    found = []
    for r in rows:
        latin = f"{r[7].upper()} {r[8]}".strip()
        cyrillic = f"{r[9]} {r[10]}".strip()
        found.append(StoredEntry(
            r[0], r[1], r[2], EntryKind(r[3]), r[4], datetime.fromisoformat(r[5]), r[6],
            cyrillic if lang == "ru" and cyrillic else latin, r[11],
            (r[13] or r[12]) if lang == "ru" else (r[12] or r[13]), DelegationType(r[14]),
            bool(r[15]), ProtocolRank(r[16]), bool(r[17])))
    return found


def events(db: Database, session_id: int) -> list[Event]:
    return [Event(r[0], r[1], r[2], r[3], datetime.fromisoformat(r[4])) for r in db.execute(
        "SELECT entry_id, what, position, reason, at FROM speaker_event WHERE session_id = ?"
        " ORDER BY at, id", [session_id]).fetchall()]


def set_text(db: Database, entry_id: int, file_name: str, content: bytes, *, at: datetime,
             desk_id: str, operator: str) -> None:
    """The statement's text (a newer one replaces the older: the interpreters need the
    text as handed in last)."""
    db.execute("INSERT OR REPLACE INTO speaker_text (entry_id, file_name, content, at, desk_id,"
               " operator) VALUES (?, ?, ?, ?, ?, ?)",
               [entry_id, file_name, content, at.isoformat(), desk_id, operator])


def text(db: Database, entry_id: int) -> tuple[str, bytes] | None:
    row = db.execute("SELECT file_name, content FROM speaker_text WHERE entry_id = ?",
                     [entry_id]).fetchone()
    return (str(row[0]), bytes(row[1])) if row else None


def with_text(db: Database, session_id: int) -> set[int]:
    return {r[0] for r in db.execute(
        "SELECT t.entry_id FROM speaker_text t JOIN speaker_entry e ON e.id = t.entry_id"
        " WHERE e.session_id = ?", [session_id]).fetchall()}


def set_statement_limit(db: Database, session_id: int, seconds: int | None) -> None:
    """The session's own limit for statements; None goes back to the default."""
    if seconds is None:
        db.execute("DELETE FROM speaker_limit WHERE session_id = ?", [session_id])
    else:
        db.execute("INSERT OR REPLACE INTO speaker_limit (session_id, statement_limit_s)"
                   " VALUES (?, ?)", [session_id, seconds])


def statement_limit(db: Database, session_id: int) -> int | None:
    row = db.execute("SELECT statement_limit_s FROM speaker_limit WHERE session_id = ?",
                     [session_id]).fetchone()
    return int(row[0]) if row else None


def statement_languages(db: Database) -> dict[int, set[str]]:
    """Per session, the languages of its statements other than English and Russian (those
    withdrawn left out): what the booths must relay."""
    found: dict[int, set[str]] = {}
    for session_id, language in db.execute(
            "SELECT DISTINCT e.session_id, e.language FROM speaker_entry e"
            " WHERE e.language NOT IN ('en', 'ru') AND NOT EXISTS (SELECT 1 FROM"
            " speaker_event v WHERE v.entry_id = e.id AND v.what = 'withdraw')").fetchall():
        found.setdefault(int(session_id), set()).add(str(language))
    return found


def broken_rule(db: Database, entry_id: int) -> tuple[str, dict[str, Any]] | None:
    """Whether an entry that came from another desk breaks its list's rules as the list
    now stands here (both desks inscribed one delegation while they could not see each
    other; a statement inscribed after the list was closed elsewhere): the rule's
    template (context "Speakers") and fields, or None. An entry the chair overrode keeps
    its reason and breaks nothing."""
    from bsm_desk.domain.speakers import refusal

    row = db.execute("SELECT session_id, kind, inscribed_at, override_reason FROM"
                     " speaker_entry WHERE id = ?", [entry_id]).fetchone()
    if row is None or str(row[3]).strip():
        return None
    session_id = int(row[0])
    stored = entries(db, session_id)
    this = next((e for e in stored if e.id == entry_id), None)
    if this is None:
        return None
    withdrawn: set[int] = set()
    closed_at: datetime | None = None
    for event in events(db, session_id):
        if event.what == "withdraw" and event.entry_id is not None:
            withdrawn.add(event.entry_id)
        elif event.what == "reinstate" and event.entry_id is not None:
            withdrawn.discard(event.entry_id)
        elif event.what == "close":
            closed_at = event.at
        elif event.what == "reopen":
            closed_at = None
    others = [e for e in stored if e.id != entry_id and e.id not in withdrawn and
              e.delegation_id == this.delegation_id]
    closed = closed_at is not None and closed_at < this.inscribed_at
    name = db.execute("SELECT name_en FROM delegation WHERE id = ?",
                      [this.delegation_id]).fetchone()
    problem = refusal(EntryKind(str(row[1])), checked_in=True,
                      closed_at=closed_at.strftime("%H:%M") if closed and closed_at else None,
                      statements=sum(e.kind is EntryKind.STATEMENT for e in others),
                      replies=sum(e.kind is EntryKind.REPLY for e in others),
                      name="", delegation=str(name[0]) if name else "?")
    return None if problem is None else (problem.template, dict(problem.fields))


def last_mark(db: Database, entry_id: int) -> str | None:
    """The entry's last start, pause, resume or end."""
    row = db.execute(
        "SELECT what FROM speaker_event WHERE entry_id = ? AND what IN"
        " ('start', 'pause', 'resume', 'end') ORDER BY id DESC LIMIT 1", [entry_id]).fetchone()
    return str(row[0]) if row else None
