"""Finding a delegate from whatever was typed: any script, any spelling, a typo.

The index does the work (see store.delegate_lists and domain.names): first every word as
a prefix; when that finds nobody, each word is compared with the index's vocabulary
(rapidfuzz) and the delegates having the nearest words are ranked by similarity.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from bsm_desk.domain.model import pick
from bsm_desk.domain.names import fold_words
from bsm_desk.store import delegate_lists as lists

if TYPE_CHECKING:
    from sqlite_utils import Database

NEAR_WORD_SCORE = 72  # rapidfuzz ratio, 0-100: "rahmanov" ~ "rahmonov" is 88
NEAR_WORDS = 12
FIRST_LETTERS_BONUS = 8


@dataclass(frozen=True)
class Hit:
    id: int
    family_name: str
    given_name: str
    family_name_cyr: str
    given_name_cyr: str
    delegation: str
    category: str
    status: str
    fuzzy: bool = False
    protocol_rank: str = "member"

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id, "family_name": self.family_name, "given_name": self.given_name,
            "family_name_cyr": self.family_name_cyr, "given_name_cyr": self.given_name_cyr,
            "delegation": self.delegation, "category": self.category, "status": self.status,
            "fuzzy": self.fuzzy, "protocol_rank": self.protocol_rank,
        }


def search_ids(db: Database, text: str, limit: int = 20) -> tuple[list[int], bool]:
    """Matching ids, best first, and whether they came from the typo-tolerant fallback."""
    if not fold_words(text):
        return [], False
    ids = lists.search_ids(db, text, limit)
    if ids:
        return ids, False
    return near_miss_ids(db, text, limit), True


def near_miss_ids(db: Database, text: str, limit: int = 20) -> list[int]:
    words = [w for w in fold_words(text) if len(w) >= 2]
    if not words:
        return []
    vocabulary = lists.search_vocabulary(db)
    groups = []
    for word in words:
        near = process.extract(word, vocabulary, scorer=fuzz.ratio,
                               score_cutoff=NEAR_WORD_SCORE, limit=NEAR_WORDS)
        groups.append([term for term, _, _ in near])
    candidates = lists.ids_with_words(db, groups) if all(groups) else []
    if not candidates:  # not every word has a near miss: let any word count
        candidates = lists.ids_with_words(db, [[t for g in groups for t in g]])

    def score(key: str) -> float:
        own = key.split()
        return sum(max((similarity(w, o) for o in own), default=0) for w in words) / len(words)

    ranked = sorted(candidates, key=lambda c: (-score(c[1]), c[1], c[0]))
    return [delegate_id for delegate_id, _ in ranked[:limit]]


def similarity(typed: str, word: str) -> float:
    """How near two folded words are, 0-108: a shared start counts extra, because people
    rarely mishear or mistype the first letters of a name."""
    return fuzz.ratio(typed, word) + (FIRST_LETTERS_BONUS if typed[:2] == word[:2] else 0)


def search(db: Database, text: str, limit: int = 20, lang: str = "en") -> list[Hit]:
    ids, fuzzy = search_ids(db, text, limit)
    rows = lists.list_rows(db, ids)
    c = {name: i for i, name in enumerate(lists.LIST_COLUMNS)}
    hits = []
    for delegate_id in ids:
        r = rows[delegate_id]
        hits.append(Hit(
            id=delegate_id, family_name=r[c["family_name"]], given_name=r[c["given_name"]],
            family_name_cyr=r[c["family_name_cyr"]], given_name_cyr=r[c["given_name_cyr"]],
            delegation=pick(lang, r[c["delegation_en"]], r[c["delegation_ru"]]),
            category=pick(lang, r[c["category_en"]], r[c["category_ru"]]),
            status=r[c["status"]], fuzzy=fuzzy, protocol_rank=r[c["protocol_rank"]],
        ))
    return hits
