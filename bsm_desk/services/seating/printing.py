"""A seating plan on paper: the room's chart (drawn to scale, delegation names in the
plan's language, a numbered legend, the draw noted), the nameplates (A4 landscape table
tents, the delegation's name on both faces, fitted to the plate) and the plan as a
workbook."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.domain.seating import AROUND_TABLES, Block, Seated, Shape, capacity
from bsm_desk.services.output import cells
from bsm_desk.services.output.files import save_workbook, written
from bsm_desk.services.output.text import (
    BOLD,
    LEADING,
    REGULAR,
    Fitted,
    cut_to,
    fit,
    register_fonts,
)
from bsm_desk.services.seating.people import Card
from bsm_desk.services.seating.plans import SeatingPlan

SEATING_KIND = QT_TRANSLATE_NOOP("UserError", "{file}: a seating plan is written as .pdf or "
                                              ".xlsx.")
PLATES_KIND = QT_TRANSLATE_NOOP("UserError", "{file}: nameplates are written as .pdf.")
PLATES_LANGUAGE = QT_TRANSLATE_NOOP("UserError", "Nameplates in “{lang}”: use en, ru or both.")
NOBODY_SEATED = QT_TRANSLATE_NOOP("UserError", "Nobody is seated at this session yet: make "
                                               "its plan first.")

L_SEATING = QT_TRANSLATE_NOOP("Seating", "Seating plan")
L_PODIUM = QT_TRANSLATE_NOOP("Seating", "Podium")
L_PLACE = QT_TRANSLATE_NOOP("Seating", "Place")
L_DELEGATION = QT_TRANSLATE_NOOP("Seating", "Delegation")
L_BLOCK = QT_TRANSLATE_NOOP("Seating", "Block")
L_LOCKED = QT_TRANSLATE_NOOP("Seating", "Locked")
L_AT_TABLE = QT_TRANSLATE_NOOP("Seating", "At the table")
L_ROW = QT_TRANSLATE_NOOP("Seating", "Row")
L_YES = QT_TRANSLATE_NOOP("Seating", "yes")
L_DRAWN = QT_TRANSLATE_NOOP("Seating", "Member States in alphabetical order ({language}) "
                                       "from {name}, drawn by lot (seed {seed}).")
L_NAMED = QT_TRANSLATE_NOOP("Seating", "Member States in alphabetical order ({language}) "
                                       "from {name}, chosen by the organizers.")
L_NOT_SEATED = QT_TRANSLATE_NOOP("Seating", "Not seated for want of places: {names}.")
L_PLACES = QT_TRANSLATE_NOOP("Seating", "{places} places")
SHAPE_WORDS = {Shape.THEATRE: QT_TRANSLATE_NOOP("Seating", "theatre"),
               Shape.CLASSROOM: QT_TRANSLATE_NOOP("Seating", "classroom"),
               Shape.U_SHAPE: QT_TRANSLATE_NOOP("Seating", "U-shape"),
               Shape.HOLLOW_SQUARE: QT_TRANSLATE_NOOP("Seating", "hollow square"),
               Shape.BOARDROOM: QT_TRANSLATE_NOOP("Seating", "boardroom")}
L_LANGUAGE = {"en": QT_TRANSLATE_NOOP("Seating", "English"),
              "ru": QT_TRANSLATE_NOOP("Seating", "Russian")}
BLOCK_WORDS = {
    Block.PODIUM: L_PODIUM,
    Block.MEMBER_STATES: QT_TRANSLATE_NOOP("Seating", "Member States"),
    Block.OBSERVERS: QT_TRANSLATE_NOOP("Seating", "Observer States"),
    Block.UN_SYSTEM: QT_TRANSLATE_NOOP("Seating", "United Nations system"),
    Block.ORGANIZATIONS: QT_TRANSLATE_NOOP("Seating", "Other organizations"),
    Block.CIVIL_SOCIETY: QT_TRANSLATE_NOOP("Seating", "Civil society"),
    Block.OTHERS: QT_TRANSLATE_NOOP("Seating", "Others"),
}
# A block's colour on the chart (the same in the window).
BLOCK_COLOURS = {Block.PODIUM: "#7a4f9a", Block.MEMBER_STATES: "#2f6690",
                 Block.OBSERVERS: "#3a7d44", Block.UN_SYSTEM: "#1b998b",
                 Block.ORGANIZATIONS: "#c47f17", Block.CIVIL_SOCIETY: "#b5475d",
                 Block.OTHERS: "#7f7f7f"}
EMPTY = "#d7dde5"
NAME_ROOM = 34 * mm  # beside the tables, for the delegations' names on the chart
NAME_SIZE = 6.0

Translate = Callable[[str], str]
PLATE_MARGIN = 14 * mm
PLATE_MAX = 120.0  # points: a short name as large as a plate takes, read from the back
PLATE_MIN = 28.0


def _t(translate: Translate | None) -> Translate:
    return translate or (lambda text: text)


def plate_names(delegation: Seated, lang: str) -> list[str]:
    """What a plate says on each face: the name in ``lang``, or both names ("both")."""
    if lang == "both":
        return [n for n in dict.fromkeys((delegation.name_en, delegation.name_ru)) if n]
    return [delegation.name(lang)]


def fit_plate(names: Sequence[str], width: float, height: float) -> list[Fitted]:
    """Each name fitted to the face's width, all within its height: on one line, or
    broken in two between words where that reads larger (up to :data:`PLATE_MAX`), never
    wider than the plate; both languages of one face at the same size."""
    share = height / max(len(names), 1)
    out = []
    for name in names:
        fitted = fit(name, BOLD, width, PLATE_MAX, PLATE_MIN, max_lines=2)
        if fitted.height > share:  # too tall: the same lines, smaller
            fitted = Fitted(fitted.lines, fitted.size * share / fitted.height, fitted.font)
        words = name.split()
        for cut in range(1, len(words)):  # every break between two words
            lines = (" ".join(words[:cut]), " ".join(words[cut:]))
            widest = max(stringWidth(line, BOLD, 1.0) for line in lines)
            size = min(PLATE_MAX, width / widest, share / (2 * LEADING))
            if size > fitted.size:
                fitted = Fitted(lines, size, BOLD)
        out.append(fitted)
    size = min(f.size for f in out)  # both languages the same size on one face
    return [Fitted(f.lines, size, f.font) if len(out) > 1 else f for f in out]


def plate_digest(delegation: Seated, lang: str) -> str:
    """What a printed plate shows, as a fingerprint: a plate whose text is unchanged
    need not be printed again."""
    return hashlib.sha256("\x1f".join(plate_names(delegation, lang)).encode()).hexdigest()[:16]


def write_nameplates(plan: SeatingPlan, out: str | Path, lang: str = "en", *,
                     only: set[int] | None = None) -> Path:
    """One A4 landscape page per seated delegation (``only``: those ids), folded in two
    along the middle: the name upright on the lower half, upside down on the upper, so
    that the folded tent reads the same from both sides."""
    out = Path(out)
    if out.suffix.lower() != ".pdf":
        raise UserError(PLATES_KIND, file=out.name)
    if lang not in ("en", "ru", "both"):
        raise UserError(PLATES_LANGUAGE, lang=lang[:20])
    seated = [d for d in plan.seated() if only is None or d.id in only]
    if not seated:
        raise UserError(NOBODY_SEATED)
    register_fonts()
    page_w, page_h = landscape(A4)
    face_w, face_h = page_w - 2 * PLATE_MARGIN, page_h / 2 - 2 * PLATE_MARGIN
    with written(out) as partial:
        canvas = Canvas(str(partial), pagesize=(page_w, page_h))
        canvas.setTitle(f"{plan.session.title_en} — nameplates")
        canvas.setAuthor("BSM Desk")
        for delegation in seated:
            fitted = fit_plate(plate_names(delegation, lang), face_w, face_h)
            canvas.setStrokeColor(colors.HexColor("#bbbbbb"))
            canvas.setDash(3, 3)
            canvas.line(8 * mm, page_h / 2, page_w - 8 * mm, page_h / 2)  # the fold
            canvas.setDash()
            _face(canvas, fitted, page_w / 2, page_h / 4)
            canvas.saveState()  # the other face, upside down
            canvas.translate(page_w, page_h)
            canvas.rotate(180)
            _face(canvas, fitted, page_w / 2, page_h / 4)
            canvas.restoreState()
            canvas.showPage()
        canvas.save()
    return out


def write_place_cards(cards: Sequence[Card], out: str | Path, title: str = "") -> Path:
    """One A4 landscape page per person, folded like a nameplate: the name as large as the
    face takes, the function and the delegation below it, on both faces."""
    out = Path(out)
    if out.suffix.lower() != ".pdf":
        raise UserError(PLATES_KIND, file=out.name)
    if not cards:
        raise UserError(NOBODY_SEATED)
    register_fonts()
    page_w, page_h = landscape(A4)
    face_w, face_h = page_w - 2 * PLATE_MARGIN, page_h / 2 - 2 * PLATE_MARGIN
    with written(out) as partial:
        canvas = Canvas(str(partial), pagesize=(page_w, page_h))
        canvas.setTitle(title or "Place cards")
        canvas.setAuthor("BSM Desk")
        for card in cards:
            name = fit_plate([card.name], face_w, face_h * 0.62)
            more = [fit(text, REGULAR, face_w, 22, 9, max_lines=2)
                    for text in (card.function, card.delegation) if text]
            fitted = name + more
            canvas.setStrokeColor(colors.HexColor("#bbbbbb"))
            canvas.setDash(3, 3)
            canvas.line(8 * mm, page_h / 2, page_w - 8 * mm, page_h / 2)
            canvas.setDash()
            _face(canvas, fitted, page_w / 2, page_h / 4)
            canvas.saveState()
            canvas.translate(page_w, page_h)
            canvas.rotate(180)
            _face(canvas, fitted, page_w / 2, page_h / 4)
            canvas.restoreState()
            canvas.showPage()
        canvas.save()
    return out


def _face(canvas: Canvas, fitted: Sequence[Fitted], x: float, middle: float) -> None:
    """The names centred on ``x``, the block of lines centred on ``middle``."""
    total = sum(f.height for f in fitted)
    y = middle + total / 2
    canvas.setFillColor(colors.black)
    for f in fitted:
        canvas.setFont(f.font, f.size)
        for line in f.lines:
            y -= f.size * 1.18
            canvas.drawCentredString(x, y + f.size * 0.25, line)


def write_chart(plan: SeatingPlan, out: str | Path, translate: Translate | None = None,
                lang: str | None = None) -> Path:
    """The room drawn to scale: each place a box in its block's colour, a delegation's
    number on its places, the legend of numbers and names after; the draw noted."""
    out = Path(out)
    if out.suffix.lower() != ".pdf":
        raise UserError(SEATING_KIND, file=out.name)
    t = _t(translate)
    lang = lang or plan.lang
    register_fonts()
    seated = plan.seated()
    number_of = {d.id: i for i, d in enumerate(seated, start=1)}
    page_w, page_h = landscape(A4)
    with written(out) as partial:
        canvas = Canvas(str(partial), pagesize=(page_w, page_h))
        canvas.setTitle(f"{t(L_SEATING)}: {plan.session.title(lang)}")
        canvas.setAuthor("BSM Desk")
        _header(canvas, plan, t, lang, page_w, page_h)
        _room(canvas, plan, number_of, t, (15 * mm, 22 * mm, page_w - 30 * mm,
                                           page_h - 67 * mm), lang)
        canvas.showPage()
        _legend(canvas, plan, seated, t, lang, page_w, page_h)
        canvas.save()
    return out


def draw_note(plan: SeatingPlan, t: Translate, lang: str) -> str:
    if plan.drawn is None:
        return ""
    language = t(L_LANGUAGE.get(plan.lang, plan.lang))
    if plan.seed is None:
        return t(L_NAMED).format(language=language, name=plan.drawn.name(lang))
    return t(L_DRAWN).format(language=language, name=plan.drawn.name(lang), seed=plan.seed)


def _header(canvas: Canvas, plan: SeatingPlan, t: Translate, lang: str, page_w: float,
            page_h: float) -> None:
    room = page_w - 30 * mm
    canvas.setFont(BOLD, 15)
    canvas.drawString(15 * mm, page_h - 15 * mm,
                      cut_to(f"{t(L_SEATING)}: {plan.session.title(lang)}", BOLD, 15, room))
    canvas.setFont(REGULAR, 9)
    start = plan.session.starts_at.astimezone(plan.zone)
    canvas.drawString(15 * mm, page_h - 21 * mm, cut_to(
        f"{plan.room.name(lang)} · {start:%Y-%m-%d %H:%M} · "
        f"{t(SHAPE_WORDS[plan.layout.shape])} · "
        f"{t(L_PLACES).format(places=capacity(plan.layout))}", REGULAR, 9, room))
    canvas.drawString(15 * mm, page_h - 26 * mm,
                      cut_to(draw_note(plan, t, lang), REGULAR, 9, room))
    x, y = 15 * mm, page_h - 33 * mm
    for block, colour in BLOCK_COLOURS.items():  # the key to the colours, on two lines if
        word = t(BLOCK_WORDS[block])             # it must
        wide = 5 * mm + canvas.stringWidth(word, REGULAR, 9) + 6 * mm
        if x + wide > page_w - 15 * mm:
            x, y = 15 * mm, y - 5 * mm
        canvas.setFillColor(colors.HexColor(colour))
        canvas.rect(x, y, 4 * mm, 3 * mm, stroke=0, fill=1)
        canvas.setFillColor(colors.black)
        canvas.drawString(x + 5 * mm, y + 0.4 * mm, word)
        x += wide


def _room(canvas: Canvas, plan: SeatingPlan, number_of: dict[int, int], t: Translate,
          box: tuple[float, float, float, float], lang: str = "en") -> None:
    """The places to scale inside ``box`` (x, y, width, height), the podium at the top;
    around tables, each delegation's name beside its place, outside the ring."""
    left, bottom, width, height = box
    named = plan.layout.shape in AROUND_TABLES
    margin = NAME_ROOM if named else 0.0  # room for the names on either side and below
    xs = [p.x for p in plan.places] or [0.0]
    ys = [p.y for p in plan.places] or [0.0]
    span_x, span_y = max(max(xs) - min(xs), 1.0) + 1.0, max(max(ys) - min(ys), 1.0) + 1.0
    # Points per metre, both ways the same.
    scale = min((width - 2 * margin) / span_x, (height - margin) / span_y)
    size = max(min(scale * 0.5, 12 * mm), 2.0)
    seats = plan.seats
    font = max(min(size * 0.45, 9.0), 3.0)
    where: dict[int, tuple[float, float]] = {}
    for place in plan.places:
        cx = left + (place.x - min(xs) + 0.5) * scale + (width - span_x * scale) / 2
        cy = bottom + height - (place.y - min(ys) + 0.5) * scale
        where[place.number] = (cx, cy)
        who = seats.get(place.number)
        delegation = plan.delegations.get(who[0]) if who else None
        colour = BLOCK_COLOURS[Block.PODIUM] if place.podium and delegation else \
            BLOCK_COLOURS[delegation.block] if delegation else EMPTY
        canvas.setFillColor(colors.HexColor(colour))
        canvas.setStrokeColor(colors.white if not place.accessible else colors.black)
        canvas.rect(cx - size / 2, cy - size / 2, size, size, stroke=1, fill=1)
        if delegation is not None:
            canvas.setFillColor(colors.white)
            canvas.setFont(BOLD, font)
            canvas.drawCentredString(cx, cy - font / 3, str(number_of.get(delegation.id, "")))
    if named:
        _names(canvas, plan, where, size, lang)
    canvas.setFillColor(colors.HexColor("#555555"))
    canvas.setFont(REGULAR, 8)
    canvas.drawString(left, bottom - 8 * mm,
                      f"1 m = {scale / mm:.1f} mm · {t(L_PODIUM)} ↑"[:100])


def _names(canvas: Canvas, plan: SeatingPlan, where: dict[int, tuple[float, float]],
           size: float, lang: str) -> None:
    """Each delegation's name beside its outermost place around the tables: to the left
    of the left arm, to the right of the right one, downwards under the bottom; above
    the podium, upwards."""
    table = [p for p in plan.places if p.at_table and not p.podium]
    if not table:
        return
    low, high = min(p.x for p in table), max(p.x for p in table)
    canvas.setFillColor(colors.HexColor("#222222"))
    for delegation in plan.seated():
        mine = plan.places_of(delegation.id)
        head = next((p for p in mine if p.at_table), None)
        if head is None:
            continue
        name = cut_to(delegation.name(lang), REGULAR, NAME_SIZE, NAME_ROOM - 3 * mm)
        # Beyond the last chair behind the head's place, taken or not.
        outer = max([head, *(p for p in plan.places if p.behind == head.number)],
                    key=lambda p: p.row)
        x, y = where[outer.number]
        canvas.saveState()
        canvas.setFont(REGULAR, NAME_SIZE)
        if head.podium:
            canvas.translate(x, y + size / 2 + 1.5)
            canvas.rotate(90)
            canvas.drawString(0, -NAME_SIZE / 3, name)
        elif abs(head.x - low) < 1e-6:
            canvas.drawRightString(x - size / 2 - 1.5, y - NAME_SIZE / 3, name)
        elif abs(head.x - high) < 1e-6:
            canvas.drawString(x + size / 2 + 1.5, y - NAME_SIZE / 3, name)
        else:
            canvas.translate(x, y - size / 2 - 1.5)
            canvas.rotate(-90)
            canvas.drawString(0, -NAME_SIZE / 3, name)
        canvas.restoreState()


def _legend(canvas: Canvas, plan: SeatingPlan, seated: list[Seated], t: Translate,
            lang: str, page_w: float, page_h: float) -> None:
    """Number, delegation and its places, in columns; those not seated after."""
    columns, top, row = 3, page_h - 18 * mm, 4.6 * mm
    col_w = (page_w - 30 * mm) / columns
    per_column = int((top - 18 * mm) // row)
    y, column = top, 0
    canvas.setFont(BOLD, 11)
    canvas.drawString(15 * mm, page_h - 12 * mm, f"{t(L_SEATING)}: {plan.session.title(lang)}"
                      [:110])
    for index, delegation in enumerate(seated, start=1):
        if index > 1 and (index - 1) % per_column == 0:
            column += 1
            y = top
            if column == columns:
                canvas.showPage()
                column = 0
        where = ",".join(str(p.number) for p in plan.places_of(delegation.id))
        canvas.setFont(BOLD, 8)
        x = 15 * mm + column * col_w
        canvas.drawString(x, y, f"{index}")
        canvas.setFont(REGULAR, 8)
        name = cut_to(delegation.name(lang), REGULAR, 8, col_w - 38 * mm)
        canvas.drawString(x + 8 * mm, y, name)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawRightString(x + col_w - 3 * mm, y, where[:24])
        canvas.setFillColor(colors.black)
        y -= row
    if plan.unseated:
        names = ", ".join(plan.delegations[i].name(lang) for i in plan.unseated
                          if i in plan.delegations)
        canvas.setFont(REGULAR, 8)
        canvas.drawString(15 * mm, 10 * mm, t(L_NOT_SEATED).format(names=names)[:220])


def write_workbook(plan: SeatingPlan, out: str | Path, translate: Translate | None = None,
                   lang: str | None = None) -> Path:
    """A row per place: its number, row, at the table or behind, the delegation in both
    languages, its block, locked or not."""
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise UserError(SEATING_KIND, file=out.name)
    t = _t(translate)
    lang = lang or plan.lang
    book = Workbook()
    sheet = book.active
    sheet.title = cells.sheet_title(t(L_SEATING))
    sheet.append([cells.clean(h) for h in (t(L_PLACE), t(L_ROW), t(L_AT_TABLE),
                                           t(L_DELEGATION), "English", "Русский", t(L_BLOCK),
                                           t(L_LOCKED))])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for place in plan.places:
        who = plan.seats.get(place.number)
        d = plan.delegations.get(who[0]) if who else None
        block = Block.PODIUM if place.podium else (d.block if d else None)
        sheet.append(cells.xlsx_row([
            place.number, place.row or None, t(L_YES) if place.at_table else "",
            d.name(lang) if d else "", d.name_en if d else "", d.name_ru if d else "",
            t(BLOCK_WORDS[block]) if block and d else "",
            t(L_YES) if who and who[1] else ""], sheet))
    sheet.freeze_panes = "A2"
    for column, width in zip("ABCDEFGH", (8, 6, 10, 44, 40, 40, 24, 8), strict=True):
        sheet.column_dimensions[column].width = width
    if plan.drawn is not None:
        sheet.append([])
        sheet.append([cells.clean(draw_note(plan, t, lang))])
    return save_workbook(book, out)


def write(plan: SeatingPlan, out: str | Path, translate: Translate | None = None,
          lang: str | None = None) -> Path:
    """FILE.pdf (the chart) or FILE.xlsx (the plan)."""
    suffix = Path(out).suffix.lower()
    if suffix == ".pdf":
        return write_chart(plan, out, translate, lang)
    if suffix == ".xlsx":
        return write_workbook(plan, out, translate, lang)
    raise UserError(SEATING_KIND, file=Path(out).name)
