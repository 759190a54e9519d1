"""The programme on paper and in calendars: a bilingual PDF for the doors (a day per
page group), a workbook with a sheet per day, and an iCalendar file per room."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from babel.dates import format_date
from icalendar import Calendar
from icalendar import Event as CalendarEvent
from openpyxl import Workbook
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.domain.model import Event, Room, Session
from bsm_desk.domain.session_kinds import KIND_STYLE
from bsm_desk.services.output import cells
from bsm_desk.services.output.files import CANNOT_WRITE, save_workbook, written
from bsm_desk.services.output.text import BOLD, REGULAR, paragraph_text, register_fonts
from bsm_desk.store import event as event_store
from bsm_desk.store import rooms as room_store
from bsm_desk.store import sessions as session_store

if TYPE_CHECKING:
    from sqlite_utils import Database

NO_EVENT = QT_TRANSLATE_NOOP("UserError", "This database has no programme to export.")
KINDS = {kind: (style.name_en, style.name_ru, style.colour)
         for kind, style in KIND_STYLE.items()}


def _load(db: Database) -> tuple[Event, dict[int, Room], list[Session]]:
    event = event_store.required(db, NO_EVENT)
    return event, {r.id or 0: r for r in room_store.list_rooms(db)}, \
        session_store.list_sessions(db)


def write_pdf(db: Database, out: str | Path) -> Path:
    """Day by day, each session with its time, room, kind and title in both languages."""
    event, rooms, sessions = _load(db)
    register_fonts()
    zone = event.zone
    by_day: dict[date, list[Session]] = defaultdict(list)
    for s in sessions:
        by_day[s.local_day(zone)].append(s)
    heading = ParagraphStyle("h", fontName=BOLD, fontSize=16, leading=20, spaceAfter=6)
    sub = ParagraphStyle("s", fontName=REGULAR, fontSize=9, leading=11,
                         textColor=colors.HexColor("#555555"), spaceAfter=8)
    cell = ParagraphStyle("c", fontName=REGULAR, fontSize=9.5, leading=12)
    strong = ParagraphStyle("b", parent=cell, fontName=BOLD)
    story: list[object] = []
    for index, day in enumerate(sorted(by_day)):
        if index:
            story.append(PageBreak())
        story.append(Paragraph(
            f"Programme — {format_date(day, 'EEEE d MMMM y', locale='en')} · Программа — "
            f"{format_date(day, 'EEEE, d MMMM y', locale='ru')}", heading))
        story.append(Paragraph(paragraph_text(f"{event.title_en} · {event.title_ru}"), sub))
        rows = [[Paragraph("Time / Время", strong), Paragraph("Room / Зал", strong),
                 Paragraph("Session / Заседание", strong)]]
        styles = [("VALIGN", (0, 0), (-1, -1), "TOP"),
                  ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#cccccc"))]
        for row, s in enumerate(sorted(by_day[day], key=lambda s: (s.starts_at, s.room_id)),
                                start=1):
            room = rooms.get(s.room_id or 0)
            english, russian, colour = KINDS[s.kind]
            start, end = s.starts_at.astimezone(zone), s.ends_at.astimezone(zone)
            rows.append([
                Paragraph(f"{start:%H:%M}–{end:%H:%M}", strong),
                Paragraph(f"{paragraph_text(room.name_en)}<br/>{paragraph_text(room.name_ru)}"
                          if room else "—", cell),
                Paragraph("<br/>".join(
                    [f"<b>{paragraph_text(s.title('en'))}</b>"]
                    + ([paragraph_text(s.title_ru)] if s.title_en and s.title_ru else [])
                    + [f"<font color='{colour}'>{english} · {russian}</font>"]), cell)])
            styles.append(("LINEBEFORE", (2, row), (2, row), 3, colors.HexColor(colour)))
        table = Table(rows, colWidths=[28 * mm, 55 * mm, 180 * mm], repeatRows=1)
        table.setStyle(TableStyle(styles))
        story.append(table)
    with written(out) as target:
        SimpleDocTemplate(str(target), pagesize=landscape(A4), leftMargin=12 * mm,
                          rightMargin=12 * mm, topMargin=12 * mm, bottomMargin=12 * mm,
                          title="Programme / Программа", author="BSM Desk").build(story)
    return Path(out)


def write_xlsx(db: Database, out: str | Path) -> Path:
    """A sheet per day: start and end as date-times in the venue's zone, room, titles."""
    event, rooms, sessions = _load(db)
    zone = event.zone
    wb = Workbook(write_only=True)
    by_day: dict[date, list[Session]] = defaultdict(list)
    for s in sessions:
        by_day[s.local_day(zone)].append(s)
    for day in sorted(by_day):
        ws = wb.create_sheet(day.isoformat())
        ws.freeze_panes = "A2"
        for column, width in zip("ABCDEFGHIJ", (17, 17, 28, 60, 60, 18, 10, 14, 10, 30),
                                 strict=True):
            ws.column_dimensions[column].width = width
        ws.append(["Start / Начало", "End / Конец", "Room / Зал", "Title", "Название",
                   "Kind / Вид", "Languages", "Interpretation", "Expected", "Organizer"])
        for s in sorted(by_day[day], key=lambda s: (s.starts_at, s.room_id)):
            room = rooms.get(s.room_id or 0)
            ws.append([cells.xlsx(v, ws) for v in (
                s.starts_at.astimezone(zone).replace(tzinfo=None),
                s.ends_at.astimezone(zone).replace(tzinfo=None),
                room.name_en if room else "", s.title_en, s.title_ru, KINDS[s.kind][0],
                ", ".join(s.languages), "yes" if s.interpretation else "no", s.expected,
                s.organizer)])
    return save_workbook(wb, out)


def write_ics(db: Database, folder: str | Path) -> list[Path]:
    """One calendar per room (for the screen beside its door, or the room manager)."""
    event, rooms, sessions = _load(db)
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(CANNOT_WRITE, path=str(folder), reason=exc.strerror or str(exc)) \
            from exc
    files = []
    for room_id, room in rooms.items():
        calendar = Calendar()
        calendar.add("prodid", "-//BSM Desk//Programme//EN")
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", f"{event.code} · {room.name_en}")
        for s in sessions:
            if s.room_id != room_id:
                continue
            item = CalendarEvent()
            item.add("uid", f"session-{s.id}-{event.code.lower()}@bsm-desk")
            item.add("summary", s.title("en"))
            other = [s.title_ru] if s.title_en and s.title_ru else []
            item.add("description", "\n".join([*other, f"{KINDS[s.kind][0]} · {KINDS[s.kind][1]}"]))
            item.add("location", f"{room.name_en} / {room.name_ru}")
            item.add("dtstart", s.starts_at.astimezone(event.zone))
            item.add("dtend", s.ends_at.astimezone(event.zone))
            item.add("dtstamp", s.starts_at)
            calendar.add_component(item)
        calendar.add_missing_timezones()  # a VTIMEZONE, so every calendar reads the times
        slug = re.sub(r"[^a-z0-9]+", "-", room.name_en.casefold()).strip("-") or f"room-{room_id}"
        with written(folder / f"{slug}.ics") as target:
            target.write_bytes(calendar.to_ical())
        files.append(folder / f"{slug}.ics")
    return files
