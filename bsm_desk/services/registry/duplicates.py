"""Likely duplicates: one person registered twice, under two spellings or scripts.

A pair is proposed when two current records share an e-mail or passport number, or
when their folded names are the same or near (rapidfuzz) and they also share the
delegation or the date of birth. Pairs a user has dismissed are not proposed again.
Merging keeps one record, fills its empty fields from the other, and marks the other
as merged into it: nothing is deleted, and both histories stay.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime

from rapidfuzz import fuzz, process
from sqlite_utils import Database

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.domain.model import DELEGATE_FIELDS, Delegate
from bsm_desk.domain.names import fold
from bsm_desk.services.operators import Acting, Permission, requires
from bsm_desk.store import atomic, history, journal
from bsm_desk.store import delegates as store

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


def _name_keys(d: Delegate) -> list[str]:
    keys = [fold(f"{d.family_name} {d.given_name}"), fold(f"{d.family_name_cyr} "
                                                          f"{d.given_name_cyr}")]
    return [k for k in dict.fromkeys(keys) if k]


_MATRIX_CELLS = 4_000_000  # scores compared at once (bytes of the score matrix)


def _blocks(members: list[Delegate], keys_of: Callable[[Delegate], list[str]] = _name_keys
            ) -> dict[str, list[tuple[int, str]]]:
    """Names that may be near put side by side: each folded name goes into one block per
    word, by the word's first two letters. Two names a typo apart share a word's start,
    so all pairs need not be compared (a list of 100,000 in one delegation stays small)."""
    blocks: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for d in members:
        if d.id is None:
            continue
        for key in keys_of(d):
            for prefix in dict.fromkeys(word[:2] for word in key.split()):
                blocks[prefix].append((d.id, key))
    return blocks


def _name_score(a: Delegate, b: Delegate,
                keys_of: Callable[[Delegate], list[str]] = _name_keys) -> int:
    return int(max((fuzz.token_sort_ratio(x, y) for x in keys_of(a) for y in keys_of(b)),
                   default=0))


def find_duplicates(db: Database, among: Iterable[int] | None = None) -> list[Pair]:
    """Likely duplicate pairs; with ``among``, only pairs that involve those ids."""
    people = store.all_delegates(db)
    dismissed = {(r[0], r[1]) for r in db.execute(
        "SELECT first_id, second_id FROM duplicate_dismissed").fetchall()}
    finder = _Finder(people, set(among) if among is not None else None, dismissed)
    finder.same_keys()
    by_delegation: dict[object, list[Delegate]] = defaultdict(list)
    by_birth: dict[object, list[Delegate]] = defaultdict(list)
    for d in people:
        by_delegation[d.delegation_id].append(d)
        if d.birth_date:
            by_birth[d.birth_date].append(d)
    finder.similar_within(by_delegation, SIMILAR, SAME_NAME, SIMILAR_NAME)
    finder.similar_within(by_birth, SIMILAR_SAME_BIRTH, SAME_BIRTH, SAME_BIRTH)
    return sorted(finder.found.values(), key=lambda p: (-p.score, p.ids))


class _Finder:
    """The pairs found so far, and the ways of finding more."""

    def __init__(self, people: list[Delegate], focus: set[int] | None,
                 dismissed: set[tuple[int, int]]) -> None:
        self.people = people
        self.by_id = {d.id: d for d in people}
        self.focus = focus
        self.dismissed = dismissed
        self.found: dict[tuple[int, int], Pair] = {}
        self._keys: dict[int | None, list[str]] = {}  # each person's names, folded once

    def keys_of(self, d: Delegate) -> list[str]:
        found = self._keys.get(d.id)
        if found is None:
            found = self._keys[d.id] = _name_keys(d)
        return found

    def propose(self, a: int, b: int, reason: str) -> None:
        key = (min(a, b), max(a, b))
        if a == b or key in self.found or key in self.dismissed:
            return
        if self.focus is not None and not (key[0] in self.focus or key[1] in self.focus):
            return
        first, second = self.by_id[key[0]], self.by_id[key[1]]
        self.found[key] = Pair(first, second, reason,
                               _name_score(first, second, self.keys_of))

    def same_keys(self) -> None:
        """The same e-mail or passport number, however written."""
        for attribute, reason in (("email", SAME_EMAIL), ("passport_no", SAME_PASSPORT)):
            groups: dict[str, list[int]] = defaultdict(list)
            for d in self.people:
                value = getattr(d, attribute)
                if value and d.id is not None:
                    groups["".join(value.casefold().split())].append(d.id)
            for ids in groups.values():
                for other in ids[1:]:
                    self.propose(ids[0], other, reason)

    def similar_within(self, groups: dict[object, list[Delegate]], cutoff: int, exact: str,
                       near: str) -> None:
        for members in groups.values():
            if len(members) < 2:
                continue
            for entries in _blocks(members, self.keys_of).values():
                self.compare(entries, cutoff, exact, near)

    def compare(self, entries: list[tuple[int, str]], cutoff: int, exact: str,
                near: str) -> None:
        # Only the people in focus are compared with their block, when there is a focus.
        queries = [e for e in entries if self.focus is None or e[0] in self.focus]
        if len(entries) < 2 or not queries:
            return
        keys = [k for _, k in entries]
        # In slices, so that a block of many thousands never makes one huge matrix.
        step = max(1, _MATRIX_CELLS // len(keys))
        for start in range(0, len(queries), step):
            part = queries[start:start + step]
            scores = process.cdist([k for _, k in part], keys, scorer=fuzz.token_sort_ratio,
                                   score_cutoff=cutoff, workers=-1)
            rows, columns = scores.nonzero()
            for i, j in zip(rows.tolist(), columns.tolist(), strict=True):
                a, b = part[i][0], entries[j][0]
                if a != b:
                    self.propose(a, b, exact if part[i][1] == keys[j] else near)


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
