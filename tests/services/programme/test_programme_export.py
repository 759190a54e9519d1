"""The programme's printed and calendar forms, for a session titled only in Russian."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pypdfium2 as pdfium
from icalendar import Calendar

from bsm_desk.domain.model import Session, SessionKind
from bsm_desk.services.programme import export as programme_export
from bsm_desk.services.programme.side_event_import import import_requests
from bsm_desk.store import connect
from bsm_desk.store import sessions as session_store
from bsm_desk.store import side_events as side_event_store
from tests.acting import who_at
from tests.conftest import DESK


def test_a_title_only_in_russian_is_the_title_everywhere(demo_copy: Path,
                                                         tmp_path: Path) -> None:
    db = connect(demo_copy)
    zone = ZoneInfo("Asia/Dushanbe")
    title = "Ҷаласаи кории ҳамкории марзӣ"  # Tajik letters too
    session_store.add_session(db, Session(
        SessionKind.SIDE_EVENT, "", title, datetime(2022, 10, 18, 19, 0, tzinfo=zone),
        datetime(2022, 10, 18, 19, 45, tzinfo=zone), room_id=6))
    programme_export.write_pdf(db, tmp_path / "p.pdf")
    text = "".join(p.get_textpage().get_text_range()
                   for p in pdfium.PdfDocument(tmp_path / "p.pdf"))
    assert text.count(title) == 1
    files = programme_export.write_ics(db, tmp_path / "ics")
    summaries = [str(e["summary"]) for f in files
                 for e in Calendar.from_ical(f.read_bytes()).walk("VEVENT")]
    assert title in summaries and "" not in summaries

    # A spreadsheet with one title column in Russian: it is the Russian title.
    sheet = tmp_path / "requests.csv"
    sheet.write_text("Название;Продолжительность\nПанель ОБСЕ и UNOCT по границам;60\n"
                     "Border panel;60\n", encoding="utf-8")
    assert import_requests(db, sheet, who=who_at(db, DESK)).added == 2
    russian, english = side_event_store.list_requests(db)[-2:]
    assert (russian.title_en, russian.title_ru) == ("", "Панель ОБСЕ и UNOCT по границам")
    assert (english.title_en, english.title_ru) == ("Border panel", "")
    db.close()
