"""Protocol rank, proposed from what a person's function says, in English or Russian.

The list of speakers orders statements by it (within the delegation's type), so a
Minister speaks before a Deputy Minister, an Ambassador before a counsellor. A desk
can always correct the proposal: it is a proposal, shown and editable.
"""

from __future__ import annotations

import re

from bsm_desk.domain.model import ProtocolRank

# Each rank as lists and forms name it, in English and Russian.
RANK_NAMES: dict[ProtocolRank, tuple[str, str]] = {
    ProtocolRank.HEAD_OF_STATE: ("Head of State", "Глава государства"),
    ProtocolRank.HEAD_OF_GOVERNMENT: ("Head of Government", "Глава правительства"),
    ProtocolRank.VICE_PRESIDENT: ("Vice-President", "Вице-президент"),
    ProtocolRank.DEPUTY_PRIME_MINISTER: ("Deputy Prime Minister",
                                         "Заместитель главы правительства"),
    ProtocolRank.MINISTER: ("Minister", "Министр"),
    ProtocolRank.DEPUTY_MINISTER: ("Deputy Minister", "Заместитель министра"),
    ProtocolRank.AMBASSADOR: ("Ambassador", "Посол"),
    ProtocolRank.HEAD_OF_DELEGATION: ("Head of delegation", "Глава делегации"),
    ProtocolRank.MEMBER: ("Member of a delegation", "Член делегации"),
}


def rank_name(rank: ProtocolRank, lang: str) -> str:
    english, russian = RANK_NAMES[rank]
    return russian if lang == "ru" else english


# Checked in this order: the first that matches wins, so "Deputy Minister" is found
# before "Minister" and "Vice-President" before "President". Matched on the casefolded
# function with ё read as е.
_RULES: tuple[tuple[ProtocolRank, tuple[str, ...]], ...] = (
    (ProtocolRank.DEPUTY_PRIME_MINISTER, (
        r"\bdeputy prime minister\b", r"\bvice[- ]prime minister\b",
        r"\bзаместитель (председателя правительства|премьер[- ]министра)\b",
        r"\bвице[- ]премьер\b")),
    (ProtocolRank.VICE_PRESIDENT, (r"\bvice[- ]president\b", r"\bвице[- ]президент\b")),
    (ProtocolRank.HEAD_OF_GOVERNMENT, (
        r"\bprime minister\b", r"\bpremier\b", r"\bпремьер[- ]министр\b",
        r"\bпредседатель правительства\b")),
    (ProtocolRank.HEAD_OF_STATE, (
        r"^(his |her )?(excellency )?(the )?president( of (the )?(republic|state|country))?\b",
        r"^президент\b", r"\bhead of state\b", r"\bглава государства\b", r"\bking\b",
        r"\bemir\b", r"\bsultan\b")),
    (ProtocolRank.DEPUTY_MINISTER, (
        r"\bdeputy minister\b", r"\bvice[- ]minister\b", r"\bassistant minister\b",
        r"\bstate secretary\b", r"\bзаместитель министра\b", r"\bзам\.? министра\b",
        r"\bстатс[- ]секретарь\b")),
    (ProtocolRank.MINISTER, (r"\bminister\b", r"\bминистр\b")),
    (ProtocolRank.AMBASSADOR, (
        r"\bambassador\b", r"\bpermanent representative\b", r"\bпосол\b",
        r"\bпостоянный представитель\b")),
)
_COMPILED = tuple((rank, tuple(re.compile(p) for p in patterns)) for rank, patterns in _RULES)


def propose_rank(function_en: str, function_ru: str = "", *,
                 leads_delegation: bool = False) -> ProtocolRank:
    """The rank a function suggests; a head of delegation below ambassador is
    ``head_of_delegation``, anyone else ``member``."""
    for text in (function_en, function_ru):
        folded = " ".join(text.casefold().replace("ё", "е").split())
        if not folded:
            continue
        for rank, patterns in _COMPILED:
            if any(p.search(folded) for p in patterns):
                return rank
    return ProtocolRank.HEAD_OF_DELEGATION if leads_delegation else ProtocolRank.MEMBER
