"""The roster printed: PDF and workbook per day and booth with personal schedules, in
English or Russian; one calendar per interpreter; hostile names and bad targets."""

from __future__ import annotations

from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from bsm_desk.cli import main
from bsm_desk.domain.errors import UserError
from bsm_desk.services.interpreters import export, rostering
from bsm_desk.store import connect
from bsm_desk.store import interpreters as store
from tests.acting import who_at


@pytest.fixture
def rostered(demo_copy: Path) -> Path:
    with closing(connect(demo_copy)) as db:
        rostering.apply(db, rostering.make_roster(db, time_limit=10, deterministic=True),
                        who=who_at(db, "t"))
    return demo_copy


def _pdf_text(path: Path) -> str:
    return "".join(p.get_textpage().get_text_range() for p in pdfium.PdfDocument(path))


def test_pdf_in_russian_has_every_booth_and_every_schedule(rostered: Path,
                                                           tmp_path: Path) -> None:
    out = tmp_path / "roster.pdf"
    assert main(["export", "roster", "--db", str(rostered), "--out", str(out),
                 "--lang", "ru"]) == 0
    text = _pdf_text(out)
    assert "График устных переводчиков" in text and "вторник 18 октября 2022" in text
    assert "Русская" in text and "Личные графики" in text and "По кабинам" in text
    with closing(connect(rostered)) as db:
        asked = rostering.problem(db)
    used = {i for ids in asked.previous.values() for i in ids}
    for person in asked.pool:
        assert (person.name_cyr in text) == (person.id in used)


def test_workbook_sheets_and_totals(rostered: Path, tmp_path: Path) -> None:
    out = tmp_path / "roster.xlsx"
    with closing(connect(rostered)) as db:
        assert export.write(db, out) == [out]
        asked = rostering.problem(db)
    book = load_workbook(out, read_only=True)
    assert book.sheetnames[:3] == ["18 Oct", "19 Oct", "Interpreter"]
    rows = list(book["18 Oct"].iter_rows(values_only=True))
    assert rows[1] == ("Time", "Room", "Sessions", "Booth", "Team", "Interpreters")
    assert len(rows) - 2 == sum(1 for n in asked.needs
                                if n.meeting.starts_at.astimezone(asked.zone).day == 18)
    totals = list(book["Interpreter"].iter_rows(values_only=True))[1:]
    used = {i for ids in asked.previous.values() for i in ids}
    assert len(totals) == len(used) == len(book.sheetnames) - 3
    # Booth time of everyone adds up to the seats' booth time.
    seats = sum(n.meeting.booth_minutes * len(asked.previous.get(n.key, ()))
                for n in asked.needs)
    assert round(sum(r[2] for r in totals) * 60) == round(seats)


def test_one_calendar_per_interpreter(rostered: Path, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "ics"
    assert main(["export", "roster", "--db", str(rostered), "--out", str(folder)]) == 0
    files = sorted(folder.glob("*.ics"))
    with closing(connect(rostered)) as db:
        asked = rostering.problem(db)
    seats = {}
    for need in asked.needs:
        for person in asked.previous.get(need.key, ()):
            seats[person] = seats.get(person, 0) + 1
    assert len(files) == len(seats)
    for path in files:
        calendar = Calendar.from_ical(path.read_bytes())
        events = list(calendar.walk("VEVENT"))
        person = int(path.name.split("-")[0])
        assert len(events) == seats[person]
        assert events[0]["dtstart"].dt.utcoffset().total_seconds() == 5 * 3600  # Dushanbe


def test_hostile_names_and_bad_targets(rostered: Path, tmp_path: Path) -> None:
    with closing(connect(rostered)) as db:
        for person in store.all_interpreters(db):
            store.save(db, replace(person, name="=HYPERLINK(\"x\")/[a]:*?" + person.name,
                                   name_cyr=""))
        db.conn.commit()
        out = tmp_path / "roster.xlsx"
        export.write(db, out)
        book = load_workbook(out)
        sheet = book["Interpreter"]
        assert sheet["A2"].data_type == "s" and sheet["A2"].value.startswith("=HYPERLINK")
        with pytest.raises(UserError):
            export.write(db, tmp_path / "roster.docx")
        locked = tmp_path / "locked"
        locked.write_text("a file, not a folder")
        with pytest.raises(UserError):
            export.write(db, locked)


def test_an_empty_roster_still_prints(demo_copy: Path, tmp_path: Path, capsys) -> None:
    for name in ("r.pdf", "r.xlsx"):
        assert main(["export", "roster", "--db", str(demo_copy), "--out",
                     str(tmp_path / name)]) == 0
    assert capsys.readouterr().out.count("Written:") == 2
    text = _pdf_text(tmp_path / "r.pdf")
    assert "not fully staffed" in text and "Personal schedules" in text
