"""Protocol ranks proposed from functions, in English and Russian, against a corpus of
real function titles (protocol_titles.tsv) each with the level a protocol officer gives;
the words that proposed a rank; any text at all proposes a rank without failing."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bsm_desk.domain.model import ProtocolRank as R
from bsm_desk.domain.protocol import LEVELS, RANK_NAMES, explain_rank, propose_rank, words_of

CORPUS = Path(__file__).with_name("protocol_titles.tsv")


def _corpus() -> list[tuple[str, R]]:
    rows = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            function, rank = line.split("\t")
            rows.append((function, R(rank)))
    return rows


def test_the_corpus_is_large_and_covers_every_level_in_both_languages() -> None:
    rows = _corpus()
    assert len(rows) >= 150
    cyrillic = {rank for function, rank in rows if any("а" <= c <= "я" for c in
                                                       function.casefold())}
    latin = {rank for function, rank in rows if any("a" <= c <= "z" for c in
                                                    function.casefold())}
    assert latin == set(R) and cyrillic == set(R)


@pytest.mark.parametrize(("function", "rank"), _corpus())
def test_every_title_of_the_corpus(function: str, rank: R) -> None:
    found = explain_rank(function)
    assert found.rank is rank, f"{function!r}: {found.rank.value} from {found.words!r}"


def test_the_words_that_proposed_a_rank_are_said() -> None:
    assert explain_rank("Adviser to the Prime Minister").words == "adviser"
    assert explain_rank("Deputy-Minister of Internal Affairs").words == "deputy minister"
    assert explain_rank("Начальник отдела").words == ""


def test_russian_when_the_english_is_empty_and_heads_of_delegation() -> None:
    assert propose_rank("", "Посол") is R.AMBASSADOR
    assert propose_rank("Minister", leads_delegation=True) is R.MINISTER  # rank wins
    # A head of delegation is at least that, whatever lower title: a Counsellor leading
    # the delegation speaks at the heads of delegation's level.
    assert propose_rank("Counsellor", leads_delegation=True) is R.HEAD_OF_DELEGATION
    assert propose_rank("Head of Department", leads_delegation=True) is R.HEAD_OF_DELEGATION
    assert propose_rank("Head of Department") is R.MEMBER


def test_every_level_is_named_and_has_words() -> None:
    assert set(RANK_NAMES) == set(R)
    named = {rank for rank, phrases in LEVELS if phrases}
    assert named == set(R) - {R.MEMBER}


def test_every_hyphen_and_dash_reads_as_one() -> None:
    for dash in "-\u2010\u2011\u2012\u2013\u2014\u2212\uff0d":
        assert propose_rank(f"Prime{dash}Minister") is R.HEAD_OF_GOVERNMENT
        assert propose_rank(f"Вице{dash}министр") is R.DEPUTY_MINISTER
    assert words_of("Chargé d’affaires a.i.") == ["charge", "d", "affaires", "a", "i"]


@given(st.text(max_size=300), st.text(max_size=300), st.booleans())
def test_any_text_proposes_a_rank(english: str, russian: str, leads: bool) -> None:
    assert propose_rank(english, russian, leads_delegation=leads) in set(R)
