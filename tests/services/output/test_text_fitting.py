"""Fitting text to PDF tables and lines: headers whole, tables on their page, a line cut
to its width."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st


def test_table_headers_never_break_mid_word() -> None:
    """The speakers' PDF once printed "Langu/age": every column is at least as wide as
    its header's longest word, and the table still fits its page."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from bsm_desk.services.output.text import BOLD, CELL_PADDING, column_widths
    from bsm_desk.services.speakers.export import HEADERS

    for lang in (0, 1):
        headers = [h[lang] for h in HEADERS]
        wanted = [w * 2.835 for w in (10, 62, 62, 34, 16, 28, 18, 20)]
        widths = column_widths(headers, wanted, 273 * 2.835)
        assert sum(widths) <= 273 * 2.835 + 0.01
        for header, width in zip(headers, widths, strict=True):
            longest = max(stringWidth(word, BOLD, 9) for word in header.split())
            assert longest + CELL_PADDING <= width, (header, width)
    # Too many wide headers for the page: scaled down together, never over the total.
    squeezed = column_widths(["Продолжительность"] * 12, [40.0] * 12, 500.0)
    assert abs(sum(squeezed) - 500.0) < 0.01


@settings(max_examples=80, deadline=None)
@given(text=st.text(alphabet="ABCabc xyzАБВабвҒғҶҷ-", max_size=80),
       width=st.floats(min_value=10, max_value=400))
def test_cut_to_keeps_to_its_width(text: str, width: float) -> None:
    """A line cut to a width: whole when it fits, else its beginning and an ellipsis,
    never wider (a one-letter beginning at the least)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from bsm_desk.services.output.text import REGULAR, cut_to

    cut = cut_to(text, REGULAR, 8, width)
    if stringWidth(text, REGULAR, 8) <= width:
        assert cut == text
    else:
        assert cut.endswith("…") and text.startswith(cut[:-1].rstrip())
        assert stringWidth(cut, REGULAR, 8) <= width or len(cut) <= 2
