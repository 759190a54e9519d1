"""Lists of delegates, 100,000 of them without loading them all.

A list is asked for in two steps: :func:`list_ids` gives the ordered ids for a filter
or a search (cheap, one indexed query; with a limit, only its first), and
:func:`list_rows` fetches the display rows for the ids actually on screen.
:func:`count` says how long the list is without ordering it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from bsm_desk.domain.names import fold_words
from bsm_desk.domain.people import DelegateQuery
from bsm_desk.store.badges import UNPRINTED
from bsm_desk.store.db import id_chunks

if TYPE_CHECKING:
    from sqlite_utils import Database

# Sort keys a list may ask for. Each is an expression over delegate d, delegation g and
# category c; the id breaks ties so that the order is stable between fetches.
_SORTS = {
    "id": "d.id",
    "name": "d.family_name COLLATE NOCASE {dir}, d.given_name COLLATE NOCASE",
    "name_cyr": "d.family_name_cyr = '', bsm_sort_key(d.family_name_cyr) {dir},"
                " bsm_sort_key(d.given_name_cyr)",
    "gender": "d.gender",
    "delegation": "g.name_{lang} COLLATE NOCASE",
    "category": "c.name_{lang} COLLATE NOCASE",
    "function": "d.function_{lang} COLLATE NOCASE",
    "status": "d.status",
}
SORT_KEYS = tuple(_SORTS)

# A search that matches more records than this is listed by name (see _many_by_name).
MANY_MATCHES = 1_000


def match_expression(text: str, initial: bool = False) -> str:
    """An FTS5 query: every folded word of ``text`` as a prefix, in any order.

    Prefixes start at two letters: a one-letter word must match a whole word, and is
    left out altogether when longer words are given ("R Rahmonov"). ``initial``: the
    first word must begin the search key (the family name, which comes first in it).
    """
    words = fold_words(text)
    longer = [w for w in words if len(w) >= 2]
    terms = [_prefix(w) for w in longer] if longer else [f'"{w}"' for w in words]
    if initial and terms:
        terms[0] = terms[0].replace('"', '^"', 1) if terms[0].startswith('"') else \
            terms[0].replace('("', '(^"').replace(' OR "', ' OR ^"')
    return " AND ".join(terms)


# A word typed so far may end inside a digraph that folding merges: "Rak" may be the
# start of "Rakh" (folded "rah"), "Dz" of "Dzh" ("j"), "Z" of "Zh" ("j").
_UNFINISHED = (("dz", "j"), ("k", "h"), ("z", "j"))


def _prefix(word: str) -> str:
    options = [word]
    for ending, merged in _UNFINISHED:
        if word.endswith(ending) and len(word) > len(ending):
            options.append(word[: -len(ending)] + merged)
            break
    if len(options) == 1:
        return f'"{word}"*'
    return "(" + " OR ".join(f'"{o}"*' for o in options) + ")"


def _where(query: DelegateQuery) -> tuple[str, list[Any]]:
    clauses: list[str] = ["d.merged_into IS NULL"]
    params: list[Any] = []
    if query.search.strip():
        clauses.append("d.id IN (SELECT rowid FROM delegate_fts WHERE delegate_fts MATCH ?)")
        params.append(match_expression(query.search) or '""')
    if query.delegation_id is not None:
        clauses.append("d.delegation_id = ?")
        params.append(query.delegation_id)
    if query.category_id is not None:
        clauses.append("d.category_id = ?")
        params.append(query.category_id)
    if query.status is not None:
        clauses.append("d.status = ?")
        params.append(query.status.value)
    if query.active_only or query.unprinted_only:
        clauses.append("d.status != 'cancelled'")
    if query.unprinted_only:
        clauses.append(UNPRINTED)
    return " WHERE " + " AND ".join(clauses), params


def list_ids(db: Database, query: DelegateQuery, limit: int = -1) -> list[int]:
    """The ids a list shows, in its order; with ``limit``, the first of them (the same
    order: the first ``limit`` of the whole list)."""
    if query.sort == "relevance":
        return _ranked_ids(db, query, limit)
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
           f" ORDER BY {expression} {direction}, d.id {direction} LIMIT ?")
    return [row[0] for row in db.execute(sql, [*params, limit]).fetchall()]


def _ranked_ids(db: Database, query: DelegateQuery, limit: int = -1) -> list[int]:
    """A search's matches, best first (bm25), then by name."""
    expression = match_expression(query.search)
    if not expression:
        return list_ids(db, DelegateQuery(**{**_fields(query), "sort": "name"}), limit)
    where, params = _where(DelegateQuery(**{**_fields(query), "search": ""}))
    if _matches(db, expression) > MANY_MATCHES:
        return _many_by_name(db, query.search, where, params, limit)
    # The family name as typed comes first ("Rakhmon"), then family names it begins as
    # typed ("Rakhmonova"), then the same in folded spelling (transliteration variants:
    # "Rahmon", "Rahmonova"), then a match elsewhere, each by relevance.
    first = expression.split()[0].strip('"*(')
    typed = (query.search.split() or [""])[0]
    pattern = typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    forms = [typed, typed.capitalize(), typed.upper()]  # as Cyrillic names are kept
    sql = (f"SELECT d.id FROM delegate_fts f JOIN delegate d ON d.id = f.rowid{where}"
           " AND delegate_fts MATCH ? ORDER BY"
           " NOT (d.family_name LIKE ? ESCAPE '\\' OR d.family_name_cyr IN (?, ?, ?)),"
           " NOT (d.family_name LIKE ? || '%' ESCAPE '\\'"
           "      OR substr(d.family_name_cyr, 1, ?) IN (?, ?, ?)),"
           " NOT (d.search_key = ? OR d.search_key LIKE ? || ' %'),"
           " d.search_key NOT LIKE ? || '%', f.rank,"
           " d.family_name COLLATE NOCASE, d.given_name COLLATE NOCASE, d.id LIMIT ?")
    return [row[0] for row in db.execute(sql, [
        *params, expression, pattern, *forms, pattern, len(typed), *forms, first, first,
        first, limit]).fetchall()]


def _matches(db: Database, expression: str) -> int:
    """How many records the index matches (the merged ones too): at once, from the index
    alone."""
    return int(db.execute("SELECT count(*) FROM delegate_fts WHERE delegate_fts MATCH ?",
                          [expression]).fetchone()[0])


def _many_by_name(db: Database, text: str, where: str, params: list[Any],
                  limit: int) -> list[int]:
    """The matches of a search that matches many, by name: those whose family name begins
    with the first word first, then the rest.

    Ranking thousands of matches (bm25, the spellings of every family name) took 25 ms
    for a two-letter prefix at 100,000; by name, the first screenful takes a few (the
    rest is asked for only when scrolled to), and a list of thousands is read by name.
    """
    initial = match_expression(text, initial=True)
    ids: list[int] = []
    for expression in (initial, f"({match_expression(text)}) NOT ({initial})"):
        ids += [row[0] for row in db.execute(
            f"SELECT d.id FROM delegate d{where} AND d.id IN (SELECT rowid FROM delegate_fts"
            " WHERE delegate_fts MATCH ?) ORDER BY d.family_name COLLATE NOCASE,"
            " d.given_name COLLATE NOCASE, d.id LIMIT ?",
            [*params, expression, limit - len(ids) if limit >= 0 else -1]).fetchall()]
        if 0 <= limit <= len(ids):
            break
    return ids


def kept(db: Database, query: DelegateQuery, ids: Sequence[int]) -> list[int]:
    """Of ``ids``, in their order, those the query's filters let through (not its
    search)."""
    where, params = _where(DelegateQuery(**{**_fields(query), "search": ""}))
    found: set[int] = set()
    for chunk, marks in id_chunks(ids):
        found.update(r[0] for r in db.execute(
            f"SELECT d.id FROM delegate d{where} AND d.id IN ({marks})", [*params, *chunk]))
    return [i for i in ids if i in found]


def _fields(query: DelegateQuery) -> dict[str, Any]:
    return {name: getattr(query, name) for name in query.__dataclass_fields__}


def search_ids(db: Database, text: str, limit: int = 50) -> list[int]:
    """Delegates whose names match ``text`` in any script or spelling, best first."""
    return _ranked_ids(db, DelegateQuery(search=text, sort="relevance"), limit)


def search_vocabulary(db: Database) -> list[str]:
    """Every distinct folded word in the search index (a few thousand, even at 100,000)."""
    return [r[0] for r in db.execute("SELECT term FROM delegate_fts_vocab").fetchall()]


def ids_with_words(db: Database, groups: Sequence[Sequence[str]],
                   limit: int = 500) -> list[tuple[int, str]]:
    """(id, search key) of delegates that have, for each group, one of its whole words."""
    expression = " AND ".join(
        "(" + " OR ".join(f'"{w}"' for w in group) + ")" for group in groups if group)
    if not expression:
        return []
    return [(r[0], r[1]) for r in db.execute(
        "SELECT d.id, d.search_key FROM delegate_fts f JOIN delegate d ON d.id = f.rowid"
        " WHERE delegate_fts MATCH ? AND d.merged_into IS NULL LIMIT ?",
        [expression, limit]).fetchall()]


def count(db: Database, query: DelegateQuery | None = None) -> int:
    """How many a list shows: the length of :func:`list_ids` for the same query."""
    query = query or DelegateQuery()
    if (query.delegation_id, query.category_id, query.status, query.unprinted_only) == (
            None, None, None, False):
        # Everyone, or a search alone (the cancelled left out or not): counted from an
        # index, less the (few) records merged into others and, if asked, the cancelled
        # (at 100,000: 15 ms for everyone read row by row, 4.5 ms for a search's 8,500
        # matches joined to their records; 5 and 2 ms so, and a search 0.5 ms when SQLite
        # itself leaves out the merged: 2 ms when their ids came to Python to be taken
        # away).
        parts = ["SELECT id FROM delegate INDEXED BY delegate_merged"
                 " WHERE merged_into IS NOT NULL"]
        if query.active_only:
            parts.append("SELECT id FROM delegate WHERE status = 'cancelled'")
        if not query.search.strip():  # (a merged record may be cancelled too: once)
            return int(db.execute(
                "SELECT (SELECT count(*) FROM delegate)"
                f" - (SELECT count(*) FROM ({' UNION '.join(parts)}))").fetchone()[0])
        expression = match_expression(query.search)
        if expression:
            return int(db.execute(
                "SELECT count(*) FROM delegate_fts WHERE delegate_fts MATCH ?"
                f" AND rowid NOT IN ({' UNION ALL '.join(parts)})", [expression]
            ).fetchone()[0])
    where, params = _where(query)
    return int(db.execute(f"SELECT count(*) FROM delegate d{where}", params).fetchone()[0])


LIST_COLUMNS = (
    "id", "family_name", "given_name", "family_name_cyr", "given_name_cyr", "gender",
    "delegation_en", "delegation_ru", "category_en", "category_ru", "colour",
    "function_en", "function_ru", "status", "email", "protocol_rank",
)


def list_rows(db: Database, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
    """Display rows (see LIST_COLUMNS) for these ids, keyed by id."""
    result: dict[int, tuple[Any, ...]] = {}
    for chunk, marks in id_chunks(ids):
        cursor = db.execute(
            "SELECT d.id, d.family_name, d.given_name, d.family_name_cyr, d.given_name_cyr,"
            " d.gender, g.name_en, g.name_ru, c.name_en, c.name_ru, c.colour,"
            " d.function_en, d.function_ru, d.status, d.email, d.protocol_rank"
            " FROM delegate d JOIN delegation g ON g.id = d.delegation_id"
            f" JOIN category c ON c.id = d.category_id WHERE d.id IN ({marks})",
            chunk,
        )
        for row in cursor.fetchall():
            result[row[0]] = tuple(row)
    return result
