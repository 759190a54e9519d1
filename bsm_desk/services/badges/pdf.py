"""Drawing badges into a PDF with reportlab: three sizes, one design per category.

Everything here is vector: text in the shipped Noto Sans (embedded, subset), the
QR code as filled rectangles, the category band as a filled box. The design is
bilingual: category, event title, delegation and function in English and Russian,
the name as in the passport and, under it, in Cyrillic where it is known.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

import segno
from babel.dates import format_date
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from bsm_desk.domain.model import BadgeLayout
from bsm_desk.services.output.text import BOLD, LEADING, REGULAR, Fitted, fit, register_fonts

QR_MASK = 4  # a fixed mask: choosing the best of eight costs 4 ms a badge, for no scanner gain
QUIET_MODULES = 3


Layout = BadgeLayout  # the name the drawing code uses


@dataclass(frozen=True, slots=True)
class Header:
    """What every badge of the event carries."""

    title_en: str
    title_ru: str
    dates_en: str
    dates_ru: str


@dataclass(frozen=True, slots=True)
class BadgeFace:
    """What one badge shows, already chosen and signed."""

    delegate_id: int
    version: int
    code: str
    family_name: str
    given_name: str
    cyrillic_name: str
    delegation_en: str
    delegation_ru: str
    function_en: str
    function_ru: str
    category_en: str
    category_ru: str
    colour: str
    photo: bytes | None = None


def event_dates(start: date, end: date, locale: str) -> str:
    """'18–19 October 2022' in the locale's month names."""
    if start == end:
        return format_date(end, "d MMMM y", locale=locale)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{format_date(end, 'd MMMM y', locale=locale)}"
    if start.year == end.year:
        return (f"{format_date(start, 'd MMMM', locale=locale)} – "
                f"{format_date(end, 'd MMMM y', locale=locale)}")
    return (f"{format_date(start, 'd MMMM y', locale=locale)} – "
            f"{format_date(end, 'd MMMM y', locale=locale)}")


# --- geometry ----------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Design:
    width: float  # points
    height: float
    margin: float
    band: float  # height of the category band at the bottom
    qr: float  # side of the QR code, quiet zone included
    landscape: bool  # CR80: text left, QR right; A6: text above, QR below
    name_max: float  # before scale
    name_min: float
    scale: float  # of every other text size, relative to A6


A6_DESIGN = Design(105 * mm, 148 * mm, 6 * mm, 19 * mm, 34 * mm, False, 30, 15, 1.0)
CR80_DESIGN = Design(85.6 * mm, 54 * mm, 3.2 * mm, 8.5 * mm, 23 * mm, True, 26, 13, 0.62)
A4 = (210 * mm, 297 * mm)


def page_size(layout: Layout) -> tuple[float, float]:
    if layout is Layout.A4_4UP:
        return A4
    design = CR80_DESIGN if layout is Layout.CR80 else A6_DESIGN
    return design.width, design.height


def badges_per_page(layout: Layout) -> int:
    return 4 if layout is Layout.A4_4UP else 1


# --- drawing -----------------------------------------------------------------------

def _text_colour(background: str) -> tuple[float, float, float]:
    """Black or white, whichever reads better on the band's colour."""
    r, g, b = (int(background[i:i + 2], 16) / 255 for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return (0.0, 0.0, 0.0) if luminance > 0.55 else (1.0, 1.0, 1.0)


def _safe_colour(value: str) -> str:
    value = value.strip()
    if len(value) == 7 and value.startswith("#"):
        try:
            int(value[1:], 16)
            return value
        except ValueError:
            pass
    return "#607d8b"


def _draw_lines(c: Canvas, block: Fitted, x: float, top: float, width: float,
                centred: bool) -> float:
    """Draw a fitted block from ``top`` down; returns the y below it."""
    c.setFont(block.font, block.size)
    y = top
    for line in block.lines:
        y -= block.size * LEADING
        baseline = y + block.size * (LEADING - 1.0) / 2 + block.size * 0.2
        if centred:
            c.drawCentredString(x + width / 2, baseline, line)
        else:
            c.drawString(x, baseline, line)
    return y


def _draw_qr(c: Canvas, code: str, x: float, y: float, side: float) -> None:
    """The code as one filled path of module-sized runs, in a module-unit coordinate
    system: integers only in the page stream, one fill (no seams between modules)."""
    qr = segno.make_qr(code, error="m", boost_error=False, mask=QR_MASK)
    matrix = qr.matrix
    n = len(matrix)
    module = side / (n + 2 * QUIET_MODULES)
    left = x + QUIET_MODULES * module
    top = y + side - QUIET_MODULES * module
    ops = [f"q 0 g {module:.5f} 0 0 {-module:.5f} {left:.3f} {top:.3f} cm"]
    for row_index, row in enumerate(matrix):
        start = -1
        for col in range(n + 1):
            dark = col < n and row[col]
            if dark and start < 0:
                start = col
            elif not dark and start >= 0:
                ops.append(f"{start} {row_index} {col - start} 1 re")
                start = -1
    ops.append("f Q")
    c.addLiteral("\n".join(ops))


def _draw_photo(c: Canvas, photo: bytes, x: float, y: float, w: float, h: float) -> bool:
    try:
        image = ImageReader(io.BytesIO(photo))
        c.drawImage(image, x, y, w, h, preserveAspectRatio=True, anchor="c")
    except Exception:  # noqa: BLE001 - a broken photo must not stop a batch of badges
        return False
    return True


Spec = tuple[str, str, float, float, int]  # text, font, max size, min size, max lines


def _fit_blocks(specs: Sequence[Spec], width: float, height: float, scale: float,
                optional: int = 0) -> list[Fitted]:
    """Fit each block in ``width`` and shrink them all until they fill at most ``height``.

    The last ``optional`` blocks are dropped, last first, rather than shrinking the
    others below 85 % of their size: on a small card the name matters more.
    """
    specs = list(specs)
    factor = 1.0
    while True:
        blocks = [fit(text, font, width, top * scale * factor, low * scale * factor, lines)
                  for text, font, top, low, lines in specs]
        if sum(b.height for b in blocks) <= height or factor < 0.3:
            return blocks
        if optional and factor * 0.9 < 0.85:
            specs.pop()
            optional -= 1
            factor = 1.0
            continue
        factor *= 0.9


def _text_specs(face: BadgeFace, d: Design) -> tuple[list[Spec], list[Spec], list[Spec]]:
    """The name, organization and function lines a badge shows, largest first; a Russian
    line only where it says something the English one does not."""
    names: list[Spec] = [(face.family_name.upper(), BOLD, d.name_max, d.name_min, 2),
                         (face.given_name, REGULAR, 17, 10, 2)]
    if face.cyrillic_name:
        names.append((face.cyrillic_name, REGULAR, 13, 8, 2))
    org: list[Spec] = [(face.delegation_en, BOLD, 12, 7.5, 2)]
    if face.delegation_ru and face.delegation_ru != face.delegation_en:
        org.append((face.delegation_ru, REGULAR, 10, 6.5, 2))
    function: list[Spec] = []
    if face.function_en:
        function.append((face.function_en, REGULAR, 9.5, 6, 2))
    if face.function_ru and face.function_ru != face.function_en:
        function.append((face.function_ru, REGULAR, 9, 6, 2))
    return names, org, function


def draw_badge(c: Canvas, face: BadgeFace, header: Header, design: Design, x0: float,
               y0: float, with_qr: bool = True) -> None:
    d = design
    s = d.scale
    inner = d.width - 2 * d.margin
    colour = _safe_colour(face.colour)
    ink = _text_colour(colour)

    # Category band along the bottom, in both languages.
    c.setFillColor(colour)
    c.rect(x0, y0, d.width, d.band, stroke=0, fill=1)
    c.setFillColorRGB(*ink)
    band = _fit_blocks([(face.category_en, BOLD, 17, 7, 1), (face.category_ru, REGULAR, 12, 6, 1)],
                       inner, d.band - 2 * mm * s, s)
    top = y0 + (d.band + sum(b.height for b in band)) / 2
    for block in band:
        top = _draw_lines(c, block, x0 + d.margin, top, inner, centred=True)

    # Event title in both languages, and the dates.
    c.setFillColorRGB(0.2, 0.2, 0.2)
    title_lines = 2 if d.landscape else 3
    head = _fit_blocks([
        (header.title_en, BOLD, 8.5, 6, title_lines),
        (header.title_ru, REGULAR, 7.5, 5.5, title_lines),
        (f"{header.dates_en}  ·  {header.dates_ru}", REGULAR, 7.5, 5.5, 1),
    ], inner, (d.height * (0.22 if d.landscape else 0.24)), s)
    top = y0 + d.height - d.margin * 0.8
    for block in head:
        top = _draw_lines(c, block, x0 + d.margin, top, inner, centred=True)
    c.setStrokeColor(colour)
    c.setLineWidth(1.2 * s)
    rule = top - 1.5 * mm * s
    c.line(x0 + d.margin, rule, x0 + d.width - d.margin, rule)

    names, org, function = _text_specs(face, d)

    c.setFillColorRGB(0, 0, 0)
    gap = 2 * mm * s
    area_top = rule - gap
    bottom = y0 + d.band + gap
    if d.landscape:
        # CR80: photo and text on the left, the QR on the right, between rule and band.
        qr_x = x0 + d.width - d.margin - d.qr
        qr_y = bottom + (area_top - bottom - d.qr) / 2
        if with_qr:
            _draw_qr(c, face.code, qr_x, qr_y, d.qr)
        text_x = x0 + d.margin
        if face.photo:
            photo_w = 16 * mm
            if _draw_photo(c, face.photo, text_x, bottom, photo_w, area_top - bottom):
                text_x += photo_w + 2 * mm
        width = qr_x - text_x - 1 * mm
        blocks = _fit_blocks(names + org + function, width, area_top - bottom, s,
                             optional=len(function))
        top = area_top - (area_top - bottom - sum(b.height for b in blocks)) / 2
        for block in blocks:
            top = _draw_lines(c, block, text_x, top, width, centred=False)
        return

    # A6: names and delegation under the title; the QR at the bottom right above the
    # band, with the photo (or else the function) to its left.
    qr_x = x0 + d.width - d.margin - d.qr + QUIET_MODULES * 0.9 * mm
    qr_y = bottom - 1 * mm
    if with_qr:
        _draw_qr(c, face.code, qr_x, qr_y, d.qr)
    side_w = qr_x - (x0 + d.margin) - 1 * mm
    photo_drawn = bool(face.photo) and _draw_photo(
        c, face.photo or b"", x0 + d.margin, bottom, side_w * 0.62, d.qr - 2 * mm)
    upper = names + org + (function if photo_drawn else [])
    upper_bottom = qr_y + d.qr
    apart = 3 * mm
    blocks = _fit_blocks(upper, inner, area_top - upper_bottom - apart, s)
    top = area_top - (area_top - upper_bottom - apart - sum(b.height for b in blocks)) / 3
    for index, block in enumerate(blocks):
        if index == len(names):
            top -= apart  # the delegation set apart from the name
        top = _draw_lines(c, block, x0 + d.margin, top, inner, centred=True)
    if function and not photo_drawn:
        side = _fit_blocks(function, side_w, d.qr - 2 * mm, s)
        top = bottom + (d.qr - 2 * mm + sum(b.height for b in side)) / 2
        for block in side:
            top = _draw_lines(c, block, x0 + d.margin, top, side_w, centred=False)


def _cut_marks(c: Canvas) -> None:
    width, height = A4
    c.setStrokeColorRGB(0.45, 0.45, 0.45)
    c.setLineWidth(0.3)
    mid_x, mid_y = width / 2, height / 2
    length = 5 * mm
    for y in (0, height - length):
        c.line(mid_x, y, mid_x, y + length)
    for x in (0, width - length):
        c.line(x, mid_y, x + length, mid_y)
    c.line(mid_x - length / 2, mid_y, mid_x + length / 2, mid_y)
    c.line(mid_x, mid_y - length / 2, mid_x, mid_y + length / 2)


def render(faces: Sequence[BadgeFace], header: Header, layout: Layout, target: BinaryIO,
           *, progress: Callable[[int, int], None] | None = None, with_qr: bool = True,
           title: str = "Badges") -> int:
    """Write the badges as one PDF to ``target``; returns the number of pages."""
    register_fonts()
    c = Canvas(target, pagesize=page_size(layout), pageCompression=1)
    c.setTitle(title)
    c.setCreator("BSM Desk")
    pages = 0
    total = len(faces)
    for index, face in enumerate(faces):
        if layout is Layout.A4_4UP:
            slot = index % 4
            if slot == 0 and index:
                c.showPage()
            if slot == 0:
                _cut_marks(c)
                pages += 1
            x0 = (slot % 2) * A6_DESIGN.width
            y0 = (A4[1] / 2 + 0.5 * mm) if slot < 2 else 0.5 * mm
            draw_badge(c, face, header, A6_DESIGN, x0, y0, with_qr)
        else:
            if index:
                c.showPage()
            pages += 1
            design = CR80_DESIGN if layout is Layout.CR80 else A6_DESIGN
            draw_badge(c, face, header, design, 0, 0, with_qr)
        if progress and (index % 20 == 19 or index == total - 1):
            progress(index + 1, total)
    c.showPage()
    c.save()
    return pages
