"""Delegates: storing them, reading them back, and counting them by status and gender.

Lists of them (a filter's or a search's ordered ids, and the rows on screen) are
store.delegate_lists'.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from bsm_desk.domain.model import DelegateStatus, Gender, ProtocolRank
from bsm_desk.domain.names import fold_words
from bsm_desk.domain.people import DELEGATE_FIELDS, Delegate
from bsm_desk.store.db import id_chunks, next_id
from bsm_desk.store.privacy import PROTECTED, Sealer

if TYPE_CHECKING:
    from sqlite_utils import Database


_COLUMNS = (*DELEGATE_FIELDS, "search_key")
_INSERT = (
    f"INSERT INTO delegate (id, {', '.join(_COLUMNS)}, created_at, updated_at)"
    f" VALUES (?, {', '.join('?' for _ in _COLUMNS)}, ?, ?)"
)
_UPDATE = (
    f"UPDATE delegate SET {', '.join(f'{c} = ?' for c in _COLUMNS)}, updated_at = ?"
    " WHERE id = ?"
)


def search_key(d: Delegate) -> str:
    """The folded words that find this delegate (see domain.names)."""
    return " ".join(fold_words(d.family_name, d.given_name, d.family_name_cyr,
                               d.given_name_cyr, d.external_id))


def column_value(d: Delegate, name: str) -> Any:
    """A field as stored: enums by value, dates as ISO text, flags as 0/1."""
    value = getattr(d, name)
    if isinstance(value, DelegateStatus | Gender | ProtocolRank):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _values(d: Delegate, sealer: Sealer) -> tuple[Any, ...]:
    # Spelled out rather than looping over column_value: this runs 100,000 times in bulk.
    seal = sealer.seal
    return (
        d.external_id, d.family_name, d.given_name, d.family_name_cyr, d.given_name_cyr,
        d.gender.value, d.honorific, d.function_en, d.function_ru, d.delegation_id,
        d.category_id, d.email, seal("phone", d.phone), seal("passport_no", d.passport_no),
        d.nationality, d.status.value,
        d.credentials_received.isoformat() if d.credentials_received else None,
        seal("birth_date", d.birth_date.isoformat() if d.birth_date else None),
        int(d.latin_generated), d.protocol_rank.value, int(d.rank_by_hand), search_key(d),
    )


def _index(db: Database, first: int, last: int) -> None:
    """Put the rows with ids first..last into the search index, in one statement."""
    db.execute("INSERT INTO delegate_fts(rowid, search_key)"
               " SELECT id, search_key FROM delegate WHERE id BETWEEN ? AND ?", [first, last])


def first_free_id(db: Database) -> int:
    """The id the next new delegate gets (see :func:`bsm_desk.store.db.next_id`)."""
    return next_id(db, "delegate")


def add_delegates(db: Database, delegates: Iterable[Delegate]) -> int:
    """Insert many delegates (ids from :func:`first_free_id` on, one after another) and
    index them; the caller holds the transaction."""
    now = datetime.now(UTC).isoformat()
    first = first_free_id(db)
    sealer = Sealer(db)
    rows = [(first + n, *_values(d, sealer), now, now) for n, d in enumerate(delegates)]
    from bsm_desk.store.audit import insert_logged  # not for reading (the first paint)

    count = insert_logged(db, "delegate", _INSERT, rows, ids=range(first, first + len(rows)))
    if rows:
        _index(db, first, first + len(rows) - 1)
    return count


def add_delegate(db: Database, delegate: Delegate) -> int:
    now = datetime.now(UTC).isoformat()
    new_id = first_free_id(db)
    db.execute(_INSERT, [new_id, *_values(delegate, Sealer(db)), now, now])
    _index(db, new_id, new_id)
    return new_id


def update_delegate(db: Database, delegate: Delegate) -> None:
    """Write every field of ``delegate`` over the row with its id."""
    if delegate.id is None:
        raise ValueError("update_delegate needs a delegate with an id")
    values = list(_values(delegate, Sealer(db)))
    if delegate.sealed:  # what this desk cannot read stays as it is stored
        kept = db.execute(f"SELECT {', '.join(_COLUMNS)} FROM delegate WHERE id = ?",
                          [delegate.id]).fetchone()
        for name in delegate.sealed:
            if name in _COLUMNS and kept is not None:
                values[_COLUMNS.index(name)] = kept[_COLUMNS.index(name)]
    db.execute(_UPDATE, [*values, datetime.now(UTC).isoformat(), delegate.id])


def set_stored(db: Database, delegate_id: int, name: str, stored: str | None) -> None:
    """A protected field set to a value sealed elsewhere (another desk's edit), as is."""
    if name not in PROTECTED:
        raise ValueError(f"{name} is not a protected field")
    db.execute(f"UPDATE delegate SET {name} = ?, updated_at = ? WHERE id = ?",
               [stored, datetime.now(UTC).isoformat(), delegate_id])


def set_merged_into(db: Database, delegate_id: int, kept_id: int) -> None:
    db.execute("UPDATE delegate SET merged_into = ?, updated_at = ? WHERE id = ?",
               [kept_id, datetime.now(UTC).isoformat(), delegate_id])


def get_delegate(db: Database, delegate_id: int) -> Delegate | None:
    rows = list(db.query("SELECT * FROM delegate WHERE id = ?", [delegate_id]))
    return _delegate(rows[0], Sealer(db)) if rows else None


def cancelled_ids(db: Database) -> set[int]:
    return {int(r[0]) for r in db.execute(
        "SELECT id FROM delegate WHERE status = 'cancelled'").fetchall()}


def get_delegates(db: Database, ids: Sequence[int]) -> list[Delegate]:
    """These delegates, in the order of ``ids`` (missing ids are skipped)."""
    found: dict[int, Delegate] = {}
    sealer = Sealer(db)
    for chunk, marks in id_chunks(ids):
        for row in db.query(f"SELECT * FROM delegate WHERE id IN ({marks})", chunk):
            found[row["id"]] = _delegate(row, sealer)
    return [found[i] for i in ids if i in found]


def all_delegates(db: Database) -> list[Delegate]:
    """Every current delegate (merged records left out)."""
    sealer = Sealer(db)
    return [_delegate(r, sealer) for r in db.query(
        "SELECT * FROM delegate WHERE merged_into IS NULL ORDER BY id")]


def identities(db: Database) -> Iterator[tuple[int, int | None, str, str, date | None]]:
    """Each current delegate's id, delegation, e-mail, passport number and date of birth
    (opened where sealed; empty where this desk cannot open them), read as a stream."""
    sealer = Sealer(db)
    for r in db.execute("SELECT id, delegation_id, email, passport_no, birth_date"
                        " FROM delegate WHERE merged_into IS NULL ORDER BY id"):
        passport = sealer.open("passport_no", r[3])[0] if sealer.on else r[3]
        birth = sealer.open("birth_date", r[4])[0] if sealer.on else r[4]
        yield (int(r[0]), r[1], r[2] or "", passport or "",
               _iso_date(birth) if isinstance(birth, str) else None)


NameRow = tuple[int, str, str, str, str]  # id, family, given, family (Cyrillic), given


def names_in_delegation(db: Database, delegation_id: int | None) -> list[NameRow]:
    """The names of a delegation's current members (of those without one, for None)."""
    return [tuple(r) for r in db.execute(
        "SELECT id, family_name, given_name, family_name_cyr, given_name_cyr FROM delegate"
        " WHERE delegation_id IS ? AND merged_into IS NULL ORDER BY id", [delegation_id])]


def names_of(db: Database, ids: Sequence[int]) -> list[NameRow]:
    """These delegates' names, by id."""
    found: list[NameRow] = []
    for chunk, marks in id_chunks(ids):
        found.extend(tuple(r) for r in db.execute(
            "SELECT id, family_name, given_name, family_name_cyr, given_name_cyr"
            f" FROM delegate WHERE id IN ({marks}) ORDER BY id", chunk))
    return found


def _iso_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _delegate(r: dict[str, Any], sealer: Sealer) -> Delegate:
    sealed = set()
    if sealer.on:
        r = dict(r)
        for name in PROTECTED:
            r[name], locked = sealer.open(name, r.get(name))
            if locked:
                sealed.add(name)
                r[name] = None if name == "birth_date" else ""
    return Delegate(
        id=r["id"], external_id=r["external_id"], family_name=r["family_name"],
        given_name=r["given_name"], family_name_cyr=r["family_name_cyr"],
        given_name_cyr=r["given_name_cyr"], gender=Gender(r["gender"]), honorific=r["honorific"],
        function_en=r["function_en"], function_ru=r["function_ru"],
        delegation_id=r["delegation_id"], category_id=r["category_id"], email=r["email"],
        phone=r["phone"] or "", passport_no=r["passport_no"] or "", nationality=r["nationality"],
        status=DelegateStatus(r["status"]),
        credentials_received=_iso_date(r["credentials_received"]),
        birth_date=_iso_date(r.get("birth_date")), latin_generated=bool(r.get("latin_generated")),
        protocol_rank=ProtocolRank(r.get("protocol_rank") or ProtocolRank.MEMBER),
        rank_by_hand=bool(r.get("rank_by_hand")),
        merged_into=r.get("merged_into"), sealed=frozenset(sealed),
    )


def ids_with_status(db: Database, status: DelegateStatus) -> list[int]:
    return [int(r[0]) for r in db.execute(
        "SELECT id FROM delegate WHERE status = ? ORDER BY id", [status.value]).fetchall()]


def names_in_both(db: Database, delegate_id: int) -> tuple[str, str, str, str, str, str] | None:
    """(family, given, family in Cyrillic, given in Cyrillic, delegation in English, in
    Russian) of one delegate."""
    row = db.execute(
        "SELECT d.family_name, d.given_name, d.family_name_cyr, d.given_name_cyr,"
        " g.name_en, g.name_ru FROM delegate d JOIN delegation g ON g.id = d.delegation_id"
        " WHERE d.id = ?", [delegate_id]).fetchone()
    return tuple(str(v or "") for v in row) if row else None  # type: ignore[return-value]
