"""Protocol ranks proposed from functions, in English and Russian."""

from __future__ import annotations

import pytest

from bsm_desk.domain.model import ProtocolRank as R
from bsm_desk.domain.protocol import propose_rank


@pytest.mark.parametrize(("function", "rank"), [
    ("President of the Republic of Tajikistan", R.HEAD_OF_STATE),
    ("Президент Республики Таджикистан", R.HEAD_OF_STATE),
    ("Prime Minister", R.HEAD_OF_GOVERNMENT),
    ("Премьер-министр", R.HEAD_OF_GOVERNMENT),
    ("Vice-President", R.VICE_PRESIDENT),
    ("Вице-президент", R.VICE_PRESIDENT),
    ("Deputy Prime Minister", R.DEPUTY_PRIME_MINISTER),
    ("Заместитель Премьер-министра", R.DEPUTY_PRIME_MINISTER),
    ("Minister of Foreign Affairs", R.MINISTER),
    ("Министр иностранных дел", R.MINISTER),
    ("Deputy Minister of Foreign Affairs", R.DEPUTY_MINISTER),  # never read as minister
    ("Заместитель министра внутренних дел", R.DEPUTY_MINISTER),
    ("First Deputy Minister", R.DEPUTY_MINISTER),
    ("Ambassador Extraordinary and Plenipotentiary", R.AMBASSADOR),
    ("Чрезвычайный и Полномочный Посол", R.AMBASSADOR),
    ("Permanent Representative to the OSCE", R.AMBASSADOR),
    ("Counsellor", R.MEMBER),
    ("Vice-President of the Commission", R.VICE_PRESIDENT),
    ("", R.MEMBER),
])
def test_ranks_from_functions(function: str, rank: R) -> None:
    assert propose_rank(function) is rank


def test_russian_function_when_the_english_is_empty_and_heads_of_delegation() -> None:
    assert propose_rank("", "Посол") is R.AMBASSADOR
    assert propose_rank("Head of the State Border Service", leads_delegation=True) \
        is R.HEAD_OF_DELEGATION
    assert propose_rank("Minister", leads_delegation=True) is R.MINISTER  # rank wins
    assert propose_rank("Head of the State Border Service") is R.MEMBER
