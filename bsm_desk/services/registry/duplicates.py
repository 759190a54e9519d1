"""Likely duplicates: one person registered twice, under two spellings or scripts.

A pair is proposed when two current records share an e-mail or passport number, or
when their folded names are the same or near (rapidfuzz) and they also share the
delegation or the date of birth. Pairs a user has dismissed are not proposed again.
Merging keeps one record, fills its empty fields from the other, and marks the other
as merged into it: nothing is deleted, and both histories stay.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.domain.names import fold_pair
from bsm_desk.domain.people import DELEGATE_FIELDS, Delegate
from bsm_desk.services.operators import Acting, Permission, requires
from bsm_desk.store import atomic, history, journal
from bsm_desk.store import delegates as store

if TYPE_CHECKING:
    from sqlite_utils import Database

SIMILAR = 90  # token_sort_ratio of folded names, for people of one delegation
SIMILAR_SAME_BIRTH = 85

SAME_EMAIL = QT_TRANSLATE_NOOP("Duplicates", "same e-mail")
SAME_PASSPORT = QT_TRANSLATE_NOOP("Duplicates", "same passport number")
SAME_NAME = QT_TRANSLATE_NOOP("Duplicates", "same name, same delegation")
SIMILAR_NAME = QT_TRANSLATE_NOOP("Duplicates", "similar names, same delegation")
SAME_BIRTH = QT_TRANSLATE_NOOP("Duplicates", "similar names, same date of birth")
CANNOT_MERGE = QT_TRANSLATE_NOOP("UserError", "Delegates #{keep} and #{drop} cannot be merged.")


@dataclass(frozen=True)
class Pair:
    first: Delegate
    second: Delegate
    reason: str  # a template above
    score: int  # 0-100, how alike the names are

    @property
    def ids(self) -> tuple[int, int]:
        assert self.first.id is not None and self.second.id is not None
        return (self.first.id, self.second.id)


def _name_keys(row: store.NameRow) -> list[str]:
    """A person's names folded (any script, any spelling), each once."""
    _, family, given, family_cyr, given_cyr = row
    keys = [fold_pair(family, given), fold_pair(family_cyr, given_cyr)]
    return [k for k in dict.fromkeys(keys) if k]


_MATRIX_CELLS = 4_000_000  # scores compared at once (bytes of the score matrix)
# Below this many scores one thread compares faster than starting several: a matrix of
# 50 x 50 took 0.23 ms with all cores and 0.05 ms with one, and an import of 10,000
# people compares some 1,400 such blocks.
_ONE_THREAD_CELLS = 40_000
# Pairs found at most: past this a list is no longer one to review by hand (a list whose
# people share a handful of names); the search stops, keeping those found first (the same
# e-mail or passport number first, then by delegation).
MOST = 10_000


def _blocks(keys: dict[int, list[str]]) -> dict[str, list[tuple[int, str]]]:
    """Names that may be near put side by side: each folded name goes into one block per
    word, by the word's first two letters. Two names a typo apart share a word's start,
    so all pairs need not be compared (a list of 100,000 in one delegation stays small)."""
    blocks: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for person, names in keys.items():
        for key in names:
            for prefix in dict.fromkeys(word[:2] for word in key.split()):
                blocks[prefix].append((person, key))
    return blocks


@lru_cache(maxsize=65536)
def _words_ordered(key: str) -> str:
    """A folded name's words in alphabetical order (what token_sort_ratio compares)."""
    return " ".join(sorted(key.split()))


def _score(a: list[str], b: list[str]) -> int:
    return int(max((fuzz.token_sort_ratio(x, y) for x in a for y in b), default=0))


def find_duplicates(db: Database, among: Iterable[int] | None = None) -> list[Pair]:
    """Likely duplicate pairs, the likeliest first; with ``among``, only pairs that
    involve those ids."""
    found = _Finder(db, among).run()
    people = {d.id: d for d in store.get_delegates(
        db, sorted({person for pair in found for person in pair}))}
    return [Pair(people[a], people[b], reason, score)
            for (a, b), (reason, score) in _ordered(found)]


def duplicate_ids(db: Database, among: Iterable[int] | None = None) -> list[tuple[int, int]]:
    """The ids of the pairs ``find_duplicates`` finds, in its order, without reading
    the people themselves (an import of 400,000 rows asks this)."""
    return [pair for pair, _ in _ordered(_Finder(db, among).run())]


def _ordered(found: dict[tuple[int, int], tuple[str, int]]
             ) -> list[tuple[tuple[int, int], tuple[str, int]]]:
    return sorted(found.items(), key=lambda item: (-item[1][1], item[0]))


class _Focus:
    """The ids pairs must involve (all, for None): a set while they are few (a look is
    a hash), kept sorted in an array when many, so that the 400,000 people an import
    wrote take 3 MB, not a set's 25."""

    SET_UP_TO = 50_000  # about 2.5 MB as a set

    def __init__(self, among: Iterable[int] | None) -> None:
        self.ids: array[int] | None = None
        self.few: frozenset[int] | None = None
        if among is not None:
            ids = sorted(among)
            if len(ids) <= self.SET_UP_TO:
                self.few = frozenset(ids)
            else:
                self.ids = array("q", ids)

    def __contains__(self, person: object) -> bool:
        if self.few is not None:
            return person in self.few
        if self.ids is None:
            return True
        at = bisect_left(self.ids, person)  # type: ignore[call-overload]
        return bool(at < len(self.ids) and self.ids[at] == person)


class _Finder:
    """The pairs found so far (reason and score), and the ways of finding more. People
    are read a group at a time (a delegation, or those born on one day); the keys shared
    by several (an e-mail, a passport number, a day of birth) are found by SQLite in a
    temporary table, on disk, so that what is held at once stays small however many
    people the event has."""

    def __init__(self, db: Database, among: Iterable[int] | None) -> None:
        self.db = db
        self.focus = _Focus(among)
        self.dismissed = {(r[0], r[1]) for r in db.execute(
            "SELECT first_id, second_id FROM duplicate_dismissed").fetchall()}
        self.found: dict[tuple[int, int], tuple[str, int]] = {}
        self.unscored: list[tuple[int, int]] = []  # same e-mail or passport: named later

    def run(self) -> dict[tuple[int, int], tuple[str, int]]:
        delegations, births = self.same_keys()
        for delegation in delegations:
            if self.full:
                break
            keys = {row[0]: _name_keys(row)
                    for row in store.names_in_delegation(self.db, delegation)}
            self.similar(keys, SIMILAR, SAME_NAME, SIMILAR_NAME)
        for ids in births:
            if self.full:
                break
            keys = {row[0]: _name_keys(row) for row in store.names_of(self.db, ids)}
            self.similar(keys, SIMILAR_SAME_BIRTH, SAME_BIRTH, SAME_BIRTH)
        for start in range(0, len(self.unscored), 2_000):
            part = self.unscored[start:start + 2_000]
            keys = {row[0]: _name_keys(row) for row in store.names_of(
                self.db, sorted({person for pair in part for person in pair}))}
            for pair in part:
                self.found[pair] = (self.found[pair][0],
                                    _score(keys.get(pair[0], []), keys.get(pair[1], [])))
        return self.found

    @property
    def full(self) -> bool:
        return len(self.found) >= MOST

    def propose(self, a: int, b: int, reason: str,
                keys: dict[int, list[str]] | None = None) -> None:
        key = (min(a, b), max(a, b))
        if a == b or key in self.found or key in self.dismissed or self.full:
            return
        if key[0] not in self.focus and key[1] not in self.focus:
            return
        if keys is None:
            self.found[key] = (reason, 0)
            self.unscored.append(key)
        else:
            self.found[key] = (reason, _score(keys[a], keys[b]))

    def same_keys(self) -> tuple[list[int | None], list[list[int]]]:
        """The same e-mail or passport number, however written; and on the way, the
        delegations to look into (those with someone in focus) and the days of birth
        that more than one person shares (with someone in focus)."""
        db = self.db
        db.execute("CREATE TEMP TABLE IF NOT EXISTS duplicate_key (kind INTEGER NOT NULL,"
                   " key TEXT NOT NULL, id INTEGER NOT NULL)")
        db.execute("DELETE FROM temp.duplicate_key")
        delegations: dict[int | None, bool] = {}
        try:
            batch: list[tuple[int, str, int]] = []
            for person, delegation, email, passport, birth in store.identities(db):
                focused = person in self.focus
                delegations[delegation] = delegations.get(delegation, False) or focused
                for kind, value in ((0, email), (1, passport)):
                    if value:
                        batch.append((kind, "".join(value.casefold().split()), person))
                if birth:
                    batch.append((2, birth.isoformat(), person))
                if len(batch) >= 5_000:
                    db.conn.executemany("INSERT INTO temp.duplicate_key VALUES (?, ?, ?)",
                                        batch)
                    batch = []
            db.conn.executemany("INSERT INTO temp.duplicate_key VALUES (?, ?, ?)", batch)
            db.execute("CREATE INDEX IF NOT EXISTS temp.duplicate_key_at"
                       " ON duplicate_key (kind, key, id)")
            births: list[list[int]] = []
            group: list[int] = []
            last: tuple[int, str] | None = None
            # Each shared key with its people, the first (lowest id) first: the e-mails,
            # then the passport numbers (a pair sharing both is said by its e-mail), then
            # the days of birth.
            for kind, key, person in db.execute(
                    "SELECT kind, key, id FROM temp.duplicate_key k WHERE EXISTS"
                    " (SELECT 1 FROM temp.duplicate_key o WHERE o.kind = k.kind AND"
                    " o.key = k.key AND o.id != k.id) ORDER BY kind, key, id"):
                if (kind, key) != last:
                    self._shared(last, group, births)
                    last, group = (kind, key), []
                group.append(person)
            self._shared(last, group, births)
        finally:
            db.execute("DROP TABLE IF EXISTS temp.duplicate_key")
        return [d for d, focused in delegations.items() if focused], births

    def _shared(self, key: tuple[int, str] | None, group: list[int],
                births: list[list[int]]) -> None:
        if key is None or len(group) < 2:
            return
        if key[0] == 2:
            if any(person in self.focus for person in group):
                births.append(group)
            return
        reason = SAME_EMAIL if key[0] == 0 else SAME_PASSPORT
        for other in group[1:]:
            self.propose(group[0], other, reason)

    def similar(self, keys: dict[int, list[str]], cutoff: int, exact: str,
                near: str) -> None:
        if len(keys) < 2 or self.full:
            return
        for entries in _blocks(keys).values():
            self.compare(entries, keys, cutoff, exact, near)

    def compare(self, entries: list[tuple[int, str]], keys: dict[int, list[str]],
                cutoff: int, exact: str, near: str) -> None:
        # Only the people in focus are compared with their block, when there is a focus.
        queries = [e for e in entries if e[0] in self.focus]
        if len(entries) < 2 or not queries or self.full:
            return
        names = [k for _, k in entries]
        # token_sort_ratio is the ratio of the names' words in order: ordered once here
        # rather than at each of the block's comparisons (a third of the time; the keys
        # are folded: single spaces between plain words, so the two are equal).
        ordered = [_words_ordered(k) for k in names]
        # In slices, so that a block of many thousands never makes one huge matrix.
        step = max(1, _MATRIX_CELLS // len(names))
        for start in range(0, len(queries), step):
            part = queries[start:start + step]
            scores = process.cdist([_words_ordered(k) for _, k in part], ordered,
                                   scorer=fuzz.ratio, score_cutoff=cutoff,
                                   workers=1 if len(part) * len(names) < _ONE_THREAD_CELLS
                                   else -1)
            rows, columns = scores.nonzero()
            for i, j in zip(rows.tolist(), columns.tolist(), strict=True):
                a, b = part[i][0], entries[j][0]
                if a != b:
                    self.propose(a, b, exact if part[i][1] == names[j] else near, keys)


@requires(Permission.EDIT_DELEGATES)
def dismiss(db: Database, first_id: int, second_id: int, *, who: Acting) -> None:
    """Not the same person: do not propose this pair again."""
    a, b = sorted((first_id, second_id))
    with atomic(db):
        db.execute("INSERT OR IGNORE INTO duplicate_dismissed (first_id, second_id, at, desk_id)"
                   " VALUES (?, ?, ?, ?)", [a, b, datetime.now(UTC).isoformat(), who.desk_id])


@requires(Permission.MERGE)
def merge(db: Database, keep_id: int, drop_id: int, *, who: Acting) -> Delegate:
    """Keep ``keep_id``, completed from ``drop_id``; ``drop_id`` is marked merged into it."""
    keep, drop = store.get_delegate(db, keep_id), store.get_delegate(db, drop_id)
    if keep is None or drop is None or keep_id == drop_id or keep.merged_into or \
            drop.merged_into:
        raise UserError(CANNOT_MERGE, keep=keep_id, drop=drop_id)
    empty = {f.name: f.default for f in fields(Delegate)}
    filled = {name: getattr(drop, name) for name in DELEGATE_FIELDS
              if getattr(keep, name) in (empty.get(name), "", None)
              and getattr(drop, name) not in (empty.get(name), "", None)}
    merged = replace(keep, **filled)
    with atomic(db):
        if filled:
            store.update_delegate(db, merged)
        store.set_merged_into(db, drop_id, keep_id)
        history.record(db, keep_id, desk_id=who.desk_id, operator=who.name, action="merged",
                       changes={"merged_from": [None, drop_id],
                                **{k: [store.column_value(keep, k), store.column_value(merged, k)]
                                   for k in filled}})
        history.record(db, drop_id, desk_id=who.desk_id, operator=who.name, action="merged_into",
                       changes={"merged_into": [None, keep_id]})
        journal.record(db, desk_id=who.desk_id, operator=who.name, action="delegates.merged",
                       subject=f"{drop_id}->{keep_id}")
    return merged
