"""The list of speakers and the record of statements, for the secretariat's report: a
PDF or a workbook, of one session or of the whole event, in English or Russian."""

from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.domain.speakers import EntryKind, EntryStatus
from bsm_desk.services.output import cells
from bsm_desk.services.output.files import save_workbook, written
from bsm_desk.services.output.text import (
    BOLD,
    REGULAR,
    column_widths,
    paragraph_text,
    register_fonts,
)
from bsm_desk.services.speakers.lists import Listed, speaker_list
from bsm_desk.store import event as event_store
from bsm_desk.store import sessions as session_store

if TYPE_CHECKING:
    from sqlite_utils import Database

UNKNOWN_KIND = QT_TRANSLATE_NOOP("UserError", "{file}: write the speakers' record as .pdf or "
                                              ".xlsx.")
NO_EVENT = QT_TRANSLATE_NOOP("UserError", "This database has no event.")

# (English, Russian)
HEADERS = (("#", "№"), ("Speaker", "Оратор"), ("Delegation", "Делегация"),
           ("Kind", "Вид"), ("Language", "Язык"), ("Status", "Статус"),
           ("Started", "Начало"), ("Minutes spoken", "Минут"))
KIND_NAMES = {EntryKind.STATEMENT: ("Statement", "Выступление"),
              EntryKind.POINT_OF_ORDER: ("Point of order", "По порядку ведения"),
              EntryKind.REPLY: ("Right of reply", "Право на ответ")}
STATUS_NAMES = {EntryStatus.WAITING: ("Waiting", "Ожидает"),
                EntryStatus.SPEAKING: ("Speaking", "Выступает"),
                EntryStatus.DONE: ("Spoke", "Выступил(а)"),
                EntryStatus.WITHDRAWN: ("Withdrawn", "Снят(а)")}
TITLE = ("List of speakers", "Список ораторов")


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "ru" else pair[0]


def _rows(entry: Listed, lang: str, zone: tzinfo) -> list[object]:
    started = entry.started_at.astimezone(zone).strftime("%H:%M") if entry.started_at else ""
    return [entry.position, entry.name, entry.delegation, _pick(KIND_NAMES[entry.kind], lang),
            entry.language, _pick(STATUS_NAMES[entry.status], lang), started,
            round(entry.spoken_seconds / 60, 1)]


def write(db: Database, out: str | Path, *, session_id: int | None = None,
          lang: str = "en", now: datetime | None = None) -> Path:
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise UserError(UNKNOWN_KIND, file=out.name)
    event = event_store.required(db, NO_EVENT)
    chosen = [s for s in session_store.list_sessions(db)
              if session_id is None or s.id == session_id]
    lists = [speaker_list(db, s.id or 0, lang=lang, now=now) for s in chosen]
    if session_id is not None and not lists:
        from bsm_desk.services.speakers.lists import NO_SESSION

        raise UserError(NO_SESSION, id=session_id)
    lists = [lst for lst in lists if lst.entries or session_id is not None]
    zone = event.zone
    headers = [_pick(h, lang) for h in HEADERS]
    if suffix == ".xlsx":
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        used: set[str] = set()
        for listed in lists or []:
            start = listed.session.starts_at.astimezone(zone)
            title = f"{start:%d.%m %H%M} {listed.session.title(lang)}"
            sheet = book.create_sheet(cells.sheet_title(title, used))
            sheet.append(headers)
            for entry in listed.entries:
                sheet.append([cells.xlsx(v, sheet) for v in _rows(entry, lang, zone)])
        if not lists:
            book.create_sheet(_pick(TITLE, lang)).append(headers)
        save_workbook(book, out)
        return out
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    register_fonts()
    cell = ParagraphStyle("c", fontName=REGULAR, fontSize=9, leading=11)
    head = ParagraphStyle("h", fontName=BOLD, fontSize=13, leading=16, spaceAfter=4)
    story: list[object] = [Paragraph(paragraph_text(_pick(TITLE, lang)), ParagraphStyle(
        "t", fontName=BOLD, fontSize=17, leading=21, spaceAfter=6)),
        Paragraph(paragraph_text(event.title(lang)), cell), Spacer(1, 4 * mm)]
    for listed in lists:
        start = listed.session.starts_at.astimezone(zone)
        story.append(Paragraph(paragraph_text(
            f"{start:%d.%m.%Y %H:%M} · {listed.session.title(lang)}"), head))
        rows = [[Paragraph(f"<b>{paragraph_text(h)}</b>", cell) for h in headers]]
        rows += [[Paragraph(paragraph_text(str(v)), cell) for v in _rows(e, lang, zone)]
                 for e in listed.entries]
        table = Table(rows, colWidths=column_widths(
            headers, [w * mm for w in (10, 62, 62, 34, 16, 28, 18, 20)],
            landscape(A4)[0] - 24 * mm), repeatRows=1)
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.grey)]))
        story += [table, Spacer(1, 5 * mm)]
    with written(out) as partial:
        SimpleDocTemplate(str(partial), pagesize=landscape(A4), leftMargin=12 * mm,
                          rightMargin=12 * mm, topMargin=14 * mm, bottomMargin=14 * mm,
                          title=_pick(TITLE, lang), author="BSM Desk").build(story)
    return out
