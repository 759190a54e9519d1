"""Protocol rank, proposed from what a person's function says, in English or Russian.

The list of speakers orders statements by it (within the delegation's type), so a
Minister speaks before a Deputy Minister, an Ambassador before a counsellor. A desk
can always correct the proposal: it is a proposal, shown with the words it came from.

The rank is data: :data:`LEVELS` names each level in the words and abbreviations lists
use, in both languages. A function is read word by word (case, ё, every hyphen and dash,
dots and brackets set aside), and the phrase found **first** in it decides — the head of
a title comes first in both languages, so "Adviser to the Prime Minister" is an adviser
and "Заместитель министра" a deputy minister — the longest phrase where two start at
the same word ("Minister-Counsellor" is not a Minister). Phrases that name a lower level
with a higher level's words ("President of the Supreme Court", "Vice-President of the
Bank", "Советник министра") are listed under the lower level.

A phrase is words separated by spaces; ``a|b`` is either word (one word each: a phrase
of two words is a phrase of its own), and ``*`` stands for up to four words of any kind
("chairman of * committee" reads "Chairman of the State Committee").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from bsm_desk.domain.model import ProtocolRank

R = ProtocolRank

# Each rank as lists and forms name it, in English and Russian.
RANK_NAMES: dict[ProtocolRank, tuple[str, str]] = {
    R.HEAD_OF_STATE: ("Head of State", "Глава государства"),
    R.VICE_PRESIDENT: ("Vice-President", "Вице-президент"),
    R.HEAD_OF_GOVERNMENT: ("Head of Government", "Глава правительства"),
    R.DEPUTY_PRIME_MINISTER: ("Deputy Prime Minister", "Заместитель главы правительства"),
    R.MINISTER: ("Minister", "Министр"),
    R.DEPUTY_MINISTER: ("Deputy Minister", "Заместитель министра"),
    R.HEAD_OF_AGENCY: ("Head of a national agency or state committee",
                       "Руководитель национального ведомства"),
    R.SENIOR_OFFICIAL: ("Head of an organisation or senior UN official",
                        "Руководитель организации или старшее должностное лицо ООН"),
    R.AMBASSADOR: ("Ambassador", "Посол"),
    R.CHARGE_D_AFFAIRES: ("Chargé d'affaires", "Временный поверенный в делах"),
    R.HEAD_OF_DELEGATION: ("Head of delegation", "Глава делегации"),
    R.MINISTER_COUNSELLOR: ("Minister-Counsellor", "Советник-посланник"),
    R.COUNSELLOR: ("Counsellor", "Советник"),
    R.FIRST_SECRETARY: ("First Secretary", "Первый секретарь"),
    R.SECOND_SECRETARY: ("Second Secretary", "Второй секретарь"),
    R.THIRD_SECRETARY: ("Third Secretary", "Третий секретарь"),
    R.ATTACHE: ("Attaché", "Атташе"),
    R.EXPERT: ("Expert or adviser", "Эксперт или советник"),
    R.MEMBER: ("Member of a delegation", "Член делегации"),
}


def rank_name(rank: ProtocolRank, lang: str) -> str:
    english, russian = RANK_NAMES[rank]
    return russian if lang == "ru" else english


# Institutions whose president or chairman heads an institution, not a State.
_INSTITUTION = ("court|bank|academy|society|association|committee|union|federation|"
                "university|chamber|council|commission|company|foundation|institute|"
                "corporation|agency|organization|organisation|assembly|senate|parliament|"
                "board|fund|cross|crescent")
_INSTITUTION_RU = ("суда|банка|академии|общества|ассоциации|комитета|союза|федерации|"
                   "университета|палаты|совета|комиссии|компании|фонда|института|"
                   "корпорации|агентства|организации|ассамблеи|сената|парламента|"
                   "креста|полумесяца")
_AGENCY = "agency|service|committee|authority|troops|forces|guard|guards|police|inspectorate"
_AGENCY_RU = "агентства|службы|комитета|ведомства|войск|сил|полиции|инспекции"
_HEAD = "chairman|chairperson|chair|director|head|chief|commander|commissioner"
_HEAD_RU = "председателя|директора|руководителя|начальника|командующего"
_HEADS_RU = ("министра|президента|председателя|премьер|главы|заместителя|посла|"
             "генерального|директора|руководителя|начальника|мэра|хокима|губернатора")

# The levels, each with the phrases that name it. English, then Russian.
LEVELS: tuple[tuple[ProtocolRank, tuple[str, ...]], ...] = (
    (R.HEAD_OF_STATE, (
        "president", "president of the republic|state|country",
        "head of state", "king", "queen", "emir", "amir", "sultan", "grand duke",
        "prince of monaco|liechtenstein", "governor general",
        "президент", "глава государства", "король", "королева", "эмир", "султан")),
    (R.VICE_PRESIDENT, (
        "vice president", "vicepresident", "crown prince",
        "вице президент", "наследный принц")),
    (R.HEAD_OF_GOVERNMENT, (
        "prime minister", "premier", "head of government", "chancellor",
        "taoiseach", "chief minister",
        "премьер министр", "премьер", "председатель правительства",
        "глава правительства", "федеральный канцлер", "канцлер")),
    (R.DEPUTY_PRIME_MINISTER, (
        "deputy prime minister", "vice prime minister", "vice premier",
        "first deputy prime minister", "deputy head of government",
        "deputy chairman of the government", "deputy premier",
        "заместитель премьер министра", "первый заместитель премьер министра",
        "вице премьер", "заместитель председателя правительства",
        "первый заместитель председателя правительства",
        "заместитель главы правительства")),
    (R.MINISTER, (
        "minister", "secretary of state", "foreign secretary", "home secretary",
        "attorney general", "secretary of the security council",
        "министр", "государственный секретарь", "генеральный прокурор",
        "секретарь совета безопасности")),
    (R.DEPUTY_MINISTER, (
        "deputy minister", "vice minister", "first deputy minister", "assistant minister",
        "deputy secretary of state", "state secretary", "under secretary of state",
        "parliamentary secretary", "junior minister", "dep minister", "deputy foreign minister",
        "minister of state",
        "заместитель министра", "первый заместитель министра", "зам министра",
        "замминистра", "вице министр", "статс секретарь",
        "статс секретарь заместитель министра", "заместитель государственного секретаря",
        f"deputy {_HEAD} of * {_AGENCY}", f"first deputy {_HEAD} of * {_AGENCY}",
        f"заместитель {_HEAD_RU} * {_AGENCY_RU}",
        f"первый заместитель {_HEAD_RU} * {_AGENCY_RU}")),
    (R.HEAD_OF_AGENCY, (
        f"chairman|chairperson|chair|president of * {_AGENCY}",
        f"{_HEAD} of * {_AGENCY}",
        f"president of * {_INSTITUTION}", "director general", "commander in chief",
        "prosecutor general", "chief of general staff", "governor of the central bank",
        f"председатель|директор|руководитель|начальник|командующий * {_AGENCY_RU}",
        "командующий пограничными войсками", f"президент * {_INSTITUTION_RU}",
        "генеральный директор", "главнокомандующий", "генеральный прокурор республики",
        "председатель госкомитета", "председатель гкнб", "директор фсб",
        "председатель национального банка")),
    (R.SENIOR_OFFICIAL, (
        "secretary general", "deputy secretary general", "under secretary general",
        "assistant secretary general", "special representative",
        "special representative of the secretary general", "special envoy",
        "high commissioner", "executive secretary", "executive director",
        "director general of the international", "resident coordinator",
        "personal envoy", "usg", "asg", "srsg", f"vice president of * {_INSTITUTION}",
        "генеральный секретарь", "заместитель генерального секретаря",
        "помощник генерального секретаря", "специальный представитель",
        "специальный посланник", "верховный комиссар", "исполнительный секретарь",
        "исполнительный директор", "координатор системы оон", "постоянный координатор")),
    (R.AMBASSADOR, (
        "ambassador", "ambassador extraordinary and plenipotentiary",
        "permanent representative", "high commissioner to", "ambassador at large",
        "посол", "чрезвычайный и полномочный посол", "постоянный представитель",
        "посол по особым поручениям")),
    (R.CHARGE_D_AFFAIRES, (
        "charge d affaires", "chargé d affaires", "charge d affaires ai",
        "acting permanent representative",
        "временный поверенный", "временный поверенный в делах",
        "временно исполняющий обязанности постоянного представителя")),
    (R.HEAD_OF_DELEGATION, (
        "head of delegation", "head of the delegation", "chief of delegation",
        "глава делегации", "руководитель делегации")),
    (R.MINISTER_COUNSELLOR, (
        "minister counsellor", "minister counselor", "minister plenipotentiary",
        "counsellor minister", "deputy permanent representative", "deputy head of mission",
        "советник посланник", "посланник", "посланник советник",
        "заместитель постоянного представителя")),
    (R.COUNSELLOR, (
        "counsellor", "counselor", "senior counsellor", "first counsellor",
        "советник", "старший советник", "первый советник")),
    (R.FIRST_SECRETARY, ("first secretary", "первый секретарь")),
    (R.SECOND_SECRETARY, ("second secretary", "второй секретарь")),
    (R.THIRD_SECRETARY, ("third secretary", "третий секретарь")),
    (R.ATTACHE, ("attache", "attaché", "defence attache", "military attache",
                 "атташе", "военный атташе")),
    (R.EXPERT, (
        "expert", "adviser", "advisor", "senior adviser", "assistant to", "aide to",
        "consultant", "specialist", "analyst", "legal adviser", "technical adviser",
        "interpreter", "press secretary",
        "эксперт", "консультант", "специалист", "аналитик", "помощник", "референт",
        f"советник {_HEADS_RU}", "советник по", "переводчик", "пресс секретарь",
        "главный специалист", "ведущий специалист")),
)

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63"
                                 "\uff0d-_"), " ")
_MARKS = re.compile(r"[.,;:()\[\]{}«»\"'’‘`/\\!?*+]")
WILDCARD_WORDS = 4


def words_of(text: str) -> list[str]:
    """A function as the table reads it: casefolded, ё as е, Latin accents dropped, every
    hyphen, dash, dot and bracket a space between words; a soft hyphen joins."""
    folded = unicodedata.normalize("NFC", str(text or "")).casefold().replace("ё", "е")
    folded = folded.replace("\u00ad", "").translate(_DASHES)
    folded = "".join(_plain_latin(ch) for ch in _MARKS.sub(" ", folded))
    return folded.split()


def _plain_latin(ch: str) -> str:
    if "\u00c0" <= ch <= "\u024f":  # Latin letters with accents: é -> e (Cyrillic kept)
        return "".join(c for c in unicodedata.normalize("NFD", ch)
                       if not unicodedata.combining(c))
    return ch


@dataclass(frozen=True)
class Proposal:
    """A proposed rank and the words of the function that proposed it ("" when none
    did: a head of delegation, or a member)."""

    rank: ProtocolRank
    words: str = ""


@dataclass(frozen=True)
class _Phrase:
    rank: ProtocolRank
    tokens: tuple[frozenset[str] | None, ...]  # None: the wildcard


@cache
def _phrases() -> dict[str, tuple[_Phrase, ...]]:
    """Every phrase of the table, found by its first word."""
    found: dict[str, list[_Phrase]] = {}
    for rank, phrases in LEVELS:
        for phrase in phrases:
            tokens = tuple(None if word == "*" else frozenset(
                _one_word(alternative, phrase) for alternative in word.split("|"))
                for word in phrase.split())
            first = tokens[0]
            assert first is not None, phrase
            for word in first:
                found.setdefault(word, []).append(_Phrase(rank, tokens))
    return {word: tuple(items) for word, items in found.items()}


def _one_word(text: str, phrase: str) -> str:
    found = words_of(text)
    if len(found) != 1:
        raise ValueError(f"{text!r} in the protocol phrase {phrase!r} is not one word")
    return found[0]


def _match(words: list[str], start: int, tokens: tuple[frozenset[str] | None, ...]
           ) -> int | None:
    """The end of the phrase read from ``start`` (the shortest reading), or None."""
    if not tokens:
        return start
    head, rest = tokens[0], tokens[1:]
    if head is None:
        for skip in range(WILDCARD_WORDS + 1):
            if start + skip > len(words):
                break
            end = _match(words, start + skip, rest)
            if end is not None:
                return end
        return None
    if start < len(words) and words[start] in head:
        return _match(words, start + 1, rest)
    return None


_ORDER = {rank: index for index, rank in enumerate(ProtocolRank)}


def _first_phrase(words: list[str]) -> tuple[ProtocolRank, int, int] | None:
    phrases = _phrases()
    for start, word in enumerate(words):
        best: tuple[int, ProtocolRank] | None = None
        for phrase in phrases.get(word, ()):
            end = _match(words, start, phrase.tokens)
            # The longest phrase; of two as long, the level listed first.
            if end is not None and (best is None or end > best[0] or (
                    end == best[0] and _ORDER[phrase.rank] < _ORDER[best[1]])):
                best = (end, phrase.rank)
        if best is not None:
            return best[1], start, best[0]
    return None


@lru_cache(maxsize=4096)  # a list of 10,000 people has a few hundred functions
def explain_rank(function_en: str, function_ru: str = "", *,
                 leads_delegation: bool = False) -> Proposal:
    """The rank a function proposes and the words that proposed it; a head of delegation
    whose function says less is ``head_of_delegation``, anyone else ``member``."""
    for text in (function_en, function_ru):
        words = words_of(text)
        found = _first_phrase(words)
        if found is None:
            continue
        rank, start, end = found
        said = " ".join(words[start:end])
        if leads_delegation and _ORDER[rank] > _ORDER[R.HEAD_OF_DELEGATION]:
            return Proposal(R.HEAD_OF_DELEGATION, said)
        return Proposal(rank, said)
    return Proposal(R.HEAD_OF_DELEGATION if leads_delegation else R.MEMBER)


def propose_rank(function_en: str, function_ru: str = "", *,
                 leads_delegation: bool = False) -> ProtocolRank:
    """The rank a function suggests (see :func:`explain_rank`)."""
    return explain_rank(function_en, function_ru, leads_delegation=leads_delegation).rank
