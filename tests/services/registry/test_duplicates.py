"""Likely duplicates compared fast: a block's folded names scored by their words put in
order once, which scores exactly what token_sort_ratio scores."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789 ЖжҲӣ'-", max_size=30),
                min_size=1, max_size=6),
       st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789 ЖжҲӣ'-", max_size=30),
                min_size=1, max_size=6))
def test_ordered_words_compare_as_token_sort_ratio_does(first: list[str],
                                                        second: list[str]) -> None:
    """The blocks compare folded names by their words put in order once; for any folded
    names, that scores what token_sort_ratio scores."""
    from rapidfuzz import fuzz, process

    from bsm_desk.domain.names import fold
    from bsm_desk.services.registry.duplicates import _words_ordered

    a, b = [fold(t) for t in first], [fold(t) for t in second]
    slow = process.cdist(a, b, scorer=fuzz.token_sort_ratio)
    fast = process.cdist([_words_ordered(k) for k in a], [_words_ordered(k) for k in b],
                         scorer=fuzz.ratio)
    assert (slow == fast).all()
