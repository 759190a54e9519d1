"""Who sits where, person by person: the named place cards of a closed session and the
places of a speaker's delegation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bsm_desk.domain.model import ProtocolRank, may_enter, pick
from bsm_desk.domain.people import honorific
from bsm_desk.services.seating.plans import plan_of
from bsm_desk.store import categories as category_store
from bsm_desk.store import seating as store

if TYPE_CHECKING:
    from sqlite_utils import Database

HEAD_CATEGORY = "hod"  # the head of delegation's category: first on a place card


@dataclass(frozen=True)
class Card:
    """A personal place card: the person's name with its honorific, function and
    delegation, in the card's language."""

    delegate_id: int
    delegation_id: int
    name: str
    function: str
    delegation: str


def place_cards(db: Database, session_id: int, lang: str = "en") -> list[Card]:
    """A card for each seated place of a closed session, named: each delegation's people
    whom the session's access rules let in, the head of delegation first, then by rank,
    as many as the delegation has places; delegations in the plan's order."""
    plan = plan_of(db, session_id)
    session = plan.session
    categories = {c.id: c for c in category_store.list_categories(db)}
    allowed = [k for k, c in categories.items() if may_enter(session, c)]
    heads = {k for k, c in categories.items() if c.code == HEAD_CATEGORY}
    order = {d.id: i for i, d in enumerate(plan.seated())}
    room = {d.id: len(plan.places_of(d.id)) for d in plan.seated()}
    marks = ",".join("?" * len(allowed)) or "NULL"
    rows = db.execute(
        "SELECT id, delegation_id, honorific, given_name, family_name, given_name_cyr,"
        " family_name_cyr, function_en, function_ru, protocol_rank, category_id FROM delegate"
        " WHERE status != 'cancelled' AND merged_into IS NULL AND category_id IN"
        f" ({marks})", allowed).fetchall()
    ranks = list(ProtocolRank)

    def rank(value: object) -> int:
        return ranks.index(ProtocolRank(str(value))) \
            if value in ProtocolRank._value2member_map_ else len(ranks)

    cards: list[Card] = []
    taken: dict[int, int] = {}
    for (i, delegation_id, title, given, family, given_cyr, family_cyr, function_en,
         function_ru, _rank, _category) in sorted(
            (r for r in rows if r[1] in order),
            key=lambda r: (order[r[1]], r[10] not in heads, rank(r[9]), r[0])):
        if taken.get(delegation_id, 0) >= room[delegation_id]:
            continue  # a card per place: the others sit behind, unnamed
        taken[delegation_id] = taken.get(delegation_id, 0) + 1
        if lang == "ru" and (family_cyr or given_cyr):
            name = f"{given_cyr} {family_cyr}".strip()
        else:
            name = f"{given} {str(family).upper()}".strip()
        words = honorific(str(title or ""), lang)
        delegation = plan.delegations[delegation_id].name(lang)
        cards.append(Card(int(i), int(delegation_id), f"{words} {name}".strip(),
                          pick(lang, str(function_en or ""), str(function_ru or "")),
                          delegation))
    return cards


def where_sits(db: Database, session_id: int, delegate_id: int) -> list[int]:
    """The places of a delegate's delegation in the session's plan (none: not seated)."""
    row = db.execute("SELECT delegation_id FROM delegate WHERE id = ?", [delegate_id]).fetchone()
    if row is None:
        return []
    return sorted(place for place, (who, _l) in store.seats(db, session_id).items()
                  if who == row[0])
