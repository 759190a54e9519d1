"""The shipped fonts, and fitting text: into a box on a badge (shrink first, then wrap,
never overflow) and into PDF paragraphs (cut, escaped, cleaned).

Widths scale linearly with the font size, so each word is measured once at size 1
and every candidate size is a multiplication: fitting a badge's dozen lines costs
a few dozen ``stringWidth`` calls, which keeps batch printing fast.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from reportlab.pdfbase.pdfmetrics import registerFont, registerFontFamily, stringWidth
from reportlab.pdfbase.ttfonts import TTFont

from bsm_desk import paths

REGULAR = "BSMSans"
BOLD = "BSMSans-Bold"
FONT_FILES = {REGULAR: "NotoSans-Regular.ttf", BOLD: "NotoSans-Bold.ttf"}
LEADING = 1.18  # line height as a multiple of the font size


# What a PDF paragraph shows of one stored value at most: a name or title pasted with a
# whole paragraph (or worse) still fits a table row on one page, instead of stopping the
# List of Participants or the programme with a layout error.
PARAGRAPH_LIMIT = 300
_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def paragraph_text(text: str, limit: int = PARAGRAPH_LIMIT) -> str:
    """A stored value as safe Paragraph markup: control characters out, &<> escaped, cut
    with an ellipsis past ``limit`` characters."""
    text = _INVISIBLE.sub("", text)
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@lru_cache(maxsize=1)
@cache
def register_fonts() -> tuple[TTFont, ...]:
    """Load the shipped fonts once per process; reportlab embeds the used glyphs. Every
    function here that measures text calls it first, so no caller has to."""
    fonts = tuple(TTFont(name, str(paths.resource("fonts", file)))
                  for name, file in FONT_FILES.items())
    for font in fonts:
        registerFont(font)
    # <b> in paragraphs (lists, programmes) picks the bold face.
    registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
    return fonts


def missing_glyphs(text: str) -> set[str]:
    """Letters of ``text`` the shipped fonts cannot draw (spaces and marks aside)."""
    regular, bold = register_fonts()
    return {ch for ch in text if not ch.isspace()
            and (ord(ch) not in regular.face.charToGlyph or ord(ch) not in bold.face.charToGlyph)}


@dataclass(frozen=True, slots=True)
class Fitted:
    lines: tuple[str, ...]
    size: float  # font size in points, the same for every line
    font: str

    @property
    def height(self) -> float:
        return len(self.lines) * self.size * LEADING if self.lines else 0.0


@lru_cache(maxsize=4096)
def _unit_width(text: str, font: str) -> float:
    return float(stringWidth(text, font, 1.0))


def _tokens(text: str) -> tuple[list[str], list[bool]]:
    """Words, split after hyphens too; ``glued[i]`` says token i follows i-1 with no space."""
    tokens: list[str] = []
    glued: list[bool] = []
    for word in text.split(" "):
        parts = re.split(r"(?<=-)(?=.)", word)
        for index, part in enumerate(parts):
            tokens.append(part)
            glued.append(index > 0)
    return tokens, glued


def _wrap(tokens: list[str], glued: list[bool], widths: list[float], space: float,
          limit: float) -> list[str]:
    """Greedy wrap of tokens whose widths are given at the same size as ``limit``."""
    lines: list[str] = []
    current = ""
    used = 0.0
    for token, joined, width in zip(tokens, glued, widths, strict=True):
        gap = 0.0 if joined else space
        if current and used + gap + width > limit:
            lines.append(current)
            current, used = token, width
        else:
            current = current + ("" if joined or not current else " ") + token
            used = used + gap + width if current != token else width
    if current:
        lines.append(current)
    return lines


def cut_to(text: str, font: str, size: float, width: float) -> str:
    """``text`` on one line of ``width`` points at ``size``: whole if it fits, else
    shortened with an ellipsis (a footer, a name beside a drawing, a legend's line)."""
    register_fonts()
    if _unit_width(text, font) * size <= width:
        return text
    while len(text) > 1 and (_unit_width(text + "…", font) * size > width):
        text = text[:-1]
    return text.rstrip() + "…"


def fit(text: str, font: str, width: float, max_size: float, min_size: float,
        max_lines: int = 2) -> Fitted:
    """The largest size (down to ``min_size``) at which ``text`` fits ``width``.

    One line if it fits at ``min_size`` or more; otherwise wrapped (at spaces and
    after hyphens) into up to ``max_lines`` at the largest size that allows it; and
    if even that fails, smaller than ``min_size`` until it fits: text is never cut.
    """
    register_fonts()
    text = " ".join(text.split())
    if not text:
        return Fitted((), max_size, font)
    whole = _unit_width(text, font)
    if whole * min_size <= width:
        return Fitted((text,), min(max_size, width / whole), font)
    words = text.split(" ")
    word_widths = [_unit_width(w, font) for w in words]
    tokens, glued = _tokens(text)
    widths = [_unit_width(t, font) for t in tokens]
    space = _unit_width(" ", font)
    size = min(max_size, width / max(widths))
    while size >= min_size:
        if max(word_widths) * size <= width:  # break at spaces while every word fits
            lines = _wrap(words, [False] * len(words), [w * size for w in word_widths],
                          space * size, width)
        else:  # and after hyphens when a compound name is wider than the box
            lines = _wrap(tokens, glued, [w * size for w in widths], space * size, width)
        if len(lines) <= max_lines:
            return Fitted(tuple(lines), size, font)
        size -= 0.5
    # Below the minimum: the wrap at min_size, scaled until its widest line fits.
    lines = _wrap(tokens, glued, [w * min_size for w in widths], space * min_size, width)
    if len(lines) > max_lines:
        lines = lines[:max_lines - 1] + [" ".join(lines[max_lines - 1:])]
    longest = max(_unit_width(line, font) for line in lines)
    return Fitted(tuple(lines), min(min_size, width / longest), font)


CELL_PADDING = 12.0  # reportlab's Table pads each cell 6 points left and right


def column_widths(headers: Sequence[str], wanted: Sequence[float], total: float,
                  font: str = BOLD, size: float = 9.0) -> list[float]:
    """Widths (points) for a PDF table whose header words never break mid-word: each
    column at least as wide as its header's longest word, else as ``wanted``; what that
    costs is taken from the columns with room to spare, never below their own need; all
    of it scaled down only if even the needs do not fit ``total``."""
    register_fonts()
    need = [max((stringWidth(word, font, size) for word in header.split()), default=0.0)
            + CELL_PADDING + 1 for header in headers]
    widths = [max(w, n) for w, n in zip(wanted, need, strict=True)]
    over = sum(widths) - total
    if over > 0:
        spare = [w - n for w, n in zip(widths, need, strict=True)]
        room = sum(spare)
        if room >= over:
            widths = [w - over * s / room for w, s in zip(widths, spare, strict=True)]
        else:
            widths = [n * total / sum(need) for n in need]
    return widths
