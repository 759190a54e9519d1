"""Delegates: storing them, and listing 100,000 of them without loading them all.

A list is asked for in two steps: :func:`list_ids` gives the ordered ids for a
filter (cheap, one indexed query), and :func:`list_rows` fetches the display rows
for the ids actually on screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlite_utils import Database

from bsm_desk.domain.model import Delegate, DelegateStatus, Gender

_FIELDS = (
    "external_id", "family_name", "given_name", "family_name_cyr", "given_name_cyr", "gender",
    "honorific", "function_en", "function_ru", "delegation_id", "category_id", "email",
    "phone", "passport_no", "nationality", "status", "credentials_received",
)
_INSERT = (
    f"INSERT INTO delegate ({', '.join(_FIELDS)}, created_at, updated_at)"
    f" VALUES ({', '.join('?' for _ in _FIELDS)}, ?, ?)"
)


def _values(d: Delegate, now: str) -> tuple[Any, ...]:
    return (
        d.external_id, d.family_name, d.given_name, d.family_name_cyr, d.given_name_cyr,
        d.gender.value, d.honorific, d.function_en, d.function_ru, d.delegation_id,
        d.category_id, d.email, d.phone, d.passport_no, d.nationality, d.status.value,
        d.credentials_received.isoformat() if d.credentials_received else None, now, now,
    )


def add_delegates(db: Database, delegates: Iterable[Delegate]) -> int:
    """Insert many delegates; the caller holds the transaction."""
    now = datetime.now(UTC).isoformat()
    cursor = db.conn.executemany(_INSERT, (_values(d, now) for d in delegates))
    return cursor.rowcount


def add_delegate(db: Database, delegate: Delegate) -> int:
    cursor = db.execute(_INSERT, list(_values(delegate, datetime.now(UTC).isoformat())))
    return int(cursor.lastrowid or 0)


def get_delegate(db: Database, delegate_id: int) -> Delegate | None:
    rows = list(db.query("SELECT * FROM delegate WHERE id = ?", [delegate_id]))
    return _delegate(rows[0]) if rows else None


def _delegate(r: dict[str, Any]) -> Delegate:
    received = r["credentials_received"]
    return Delegate(
        id=r["id"], external_id=r["external_id"], family_name=r["family_name"],
        given_name=r["given_name"], family_name_cyr=r["family_name_cyr"],
        given_name_cyr=r["given_name_cyr"], gender=Gender(r["gender"]), honorific=r["honorific"],
        function_en=r["function_en"], function_ru=r["function_ru"],
        delegation_id=r["delegation_id"], category_id=r["category_id"], email=r["email"],
        phone=r["phone"], passport_no=r["passport_no"], nationality=r["nationality"],
        status=DelegateStatus(r["status"]),
        credentials_received=date.fromisoformat(received) if received else None,
    )


@dataclass(frozen=True, slots=True)
class DelegateQuery:
    """Which delegates a list shows, and in which order."""

    delegation_id: int | None = None
    category_id: int | None = None
    status: DelegateStatus | None = None
    sort: str = "name"
    descending: bool = False
    lang: str = "en"


# Sort keys a list may ask for. Each is an expression over delegate d, delegation g and
# category c; the id breaks ties so that the order is stable between fetches.
_SORTS = {
    "id": "d.id",
    "name": "d.family_name COLLATE NOCASE {dir}, d.given_name COLLATE NOCASE",
    "name_cyr": "d.family_name_cyr = '', d.family_name_cyr {dir}, d.given_name_cyr",
    "gender": "d.gender",
    "delegation": "g.name_{lang} COLLATE NOCASE",
    "category": "c.name_{lang} COLLATE NOCASE",
    "function": "d.function_{lang} COLLATE NOCASE",
    "status": "d.status",
}
SORT_KEYS = tuple(_SORTS)


def _where(query: DelegateQuery) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if query.delegation_id is not None:
        clauses.append("d.delegation_id = ?")
        params.append(query.delegation_id)
    if query.category_id is not None:
        clauses.append("d.category_id = ?")
        params.append(query.category_id)
    if query.status is not None:
        clauses.append("d.status = ?")
        params.append(query.status.value)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def list_ids(db: Database, query: DelegateQuery) -> list[int]:
    if query.sort not in _SORTS:
        raise ValueError(f"unknown sort key {query.sort!r}")
    lang = "ru" if query.lang == "ru" else "en"
    direction = "DESC" if query.descending else "ASC"
    expression = _SORTS[query.sort].format(lang=lang, dir=direction)
    where, params = _where(query)
    joins = ""
    if query.sort == "delegation":
        joins = " JOIN delegation g ON g.id = d.delegation_id"
    elif query.sort == "category":
        joins = " JOIN category c ON c.id = d.category_id"
    sql = (f"SELECT d.id FROM delegate d{joins}{where}"
           f" ORDER BY {expression} {direction}, d.id {direction}")
    return [row[0] for row in db.execute(sql, params).fetchall()]


def count(db: Database, query: DelegateQuery | None = None) -> int:
    where, params = _where(query or DelegateQuery())
    return int(db.execute(f"SELECT count(*) FROM delegate d{where}", params).fetchone()[0])


LIST_COLUMNS = (
    "id", "family_name", "given_name", "family_name_cyr", "given_name_cyr", "gender",
    "delegation_en", "delegation_ru", "category_en", "category_ru", "colour",
    "function_en", "function_ru", "status", "email",
)


def list_rows(db: Database, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
    """Display rows (see LIST_COLUMNS) for these ids, keyed by id."""
    result: dict[int, tuple[Any, ...]] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        marks = ",".join("?" for _ in chunk)
        cursor = db.execute(
            "SELECT d.id, d.family_name, d.given_name, d.family_name_cyr, d.given_name_cyr,"
            " d.gender, g.name_en, g.name_ru, c.name_en, c.name_ru, c.colour,"
            " d.function_en, d.function_ru, d.status, d.email"
            " FROM delegate d JOIN delegation g ON g.id = d.delegation_id"
            f" JOIN category c ON c.id = d.category_id WHERE d.id IN ({marks})",
            chunk,
        )
        for row in cursor.fetchall():
            result[row[0]] = tuple(row)
    return result


@dataclass(frozen=True, slots=True)
class Counts:
    """Delegates by status, and by gender among those not cancelled."""

    by_status: dict[DelegateStatus, int]
    by_gender: dict[Gender, int]


def counts(db: Database) -> Counts:
    """One pass over the (status, gender) index, however many delegates there are."""
    by_status = dict.fromkeys(DelegateStatus, 0)
    by_gender = dict.fromkeys(Gender, 0)
    for status, gender, n in db.execute(
            "SELECT status, gender, count(*) FROM delegate GROUP BY status, gender"):
        by_status[DelegateStatus(status)] += n
        if status != DelegateStatus.CANCELLED.value:
            by_gender[Gender(gender)] += n
    return Counts(by_status, by_gender)
