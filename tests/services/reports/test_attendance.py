from __future__ import annotations

import csv
import shutil
import subprocess
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from bsm_desk.domain.model import DelegationType
from bsm_desk.services.demo import build_demo
from bsm_desk.services.reports import attendance, attendance_files, participants
from bsm_desk.store import backup_to, connect
from bsm_desk.translations import translate_function
from tests.acting import who_at
from tests.conftest import DESK

HOSTILE = '=HYPERLINK("http://x","y")'


@pytest.fixture(scope="module")
def attended(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("att") / "demo.sqlite"
    build_demo(path, desk_id=DESK, attendance=True)
    return path


@pytest.fixture
def db(attended: Path, tmp_path: Path):
    copy = tmp_path / "copy.sqlite"
    source = connect(attended)
    backup_to(source, copy)
    source.close()
    database = connect(copy)
    yield database
    database.close()


def standing(db, checkpoint: str) -> int:
    return db.execute(
        "SELECT COUNT(DISTINCT c.delegate_id) FROM checkin c JOIN delegate d ON d.id ="
        " c.delegate_id WHERE c.checkpoint = ? AND c.accepted = 1 AND d.status != 'cancelled'"
        " AND c.uuid NOT IN (SELECT undoes FROM checkin WHERE undoes IS NOT NULL)",
        [checkpoint]).fetchone()[0]


def test_workbook_sheets_totals_and_types(db, tmp_path):
    db.execute("UPDATE delegate SET family_name = ? WHERE id = 1", [HOSTILE])
    data = attendance.collect(db)
    out = attendance_files.write_workbook(data, tmp_path / "a.xlsx", "en")
    wb = load_workbook(out)
    assert wb.sheetnames[:2] == ["Summary", "Participants"]
    assert wb.sheetnames[-1] == "By delegation"
    assert len(wb.sheetnames) == 3 + len(data.sessions)
    summary = wb["Summary"]
    header_row = next(r for r in range(1, 10) if summary.cell(r, 1).value == "Day or session")
    assert summary.freeze_panes == f"A{header_row + 1}"
    day_one = summary.cell(header_row + 1, 1)
    assert day_one.value == "2022-10-18"
    present = summary.cell(header_row + 1, 3).value
    assert isinstance(present, int) and present == standing(db, "entrance-2022-10-18")
    women, men, unstated = (summary.cell(header_row + 1, c).value for c in (4, 5, 6))
    assert women + men + unstated == present
    sheet = wb["Participants"]
    headers = [c.value for c in sheet[1]]
    assert headers[:3] == ["Family name", "Given name", "Family name (Cyrillic)"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
    first_day = headers.index("Day 2022-10-18: first check-in") + 1
    times = [sheet.cell(r, first_day) for r in range(2, sheet.max_row + 1)]
    filled = [c for c in times if c.value is not None]
    assert len(filled) == present
    assert all(isinstance(c.value, datetime) and c.data_type == "d" for c in filled)
    assert all(8 <= c.value.hour <= 11 for c in filled)  # venue time, not UTC
    hostile = [c for row in sheet.iter_rows() for c in row if c.value == HOSTILE]
    assert hostile and all(c.data_type == "s" for c in hostile)
    # On the sheets of the sessions person 1 attended too: text there as well.
    attended = [s.id for s in data.sessions if 1 in data.session_first[s.id or 0]]
    elsewhere = [c for ws in wb.worksheets[2:] for row in ws.iter_rows() for c in row
                 if c.value == HOSTILE]
    assert len(elsewhere) == len(attended) and all(c.data_type == "s" for c in elsewhere)
    # Each session attended marked on the person's row, and only those.
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == HOSTILE)
    marks = [c.value for c in row[first_day + len(data.days) - 1:]]
    assert [m == "yes" for m in marks] == [s.id in attended for s in data.sessions]


def test_workbook_in_russian(db, tmp_path):
    data = attendance.collect(db)
    out = attendance_files.write_workbook(data, tmp_path / "ru.xlsx", "ru",
                                          translate_function("ru"))
    wb = load_workbook(out)
    assert wb.sheetnames[:2] == ["Сводка", "Участники"]
    assert [c.value for c in wb["Участники"][1]][:2] == ["Фамилия", "Имя"]
    assert "Открытие конференции" in " ".join(wb.sheetnames)


def test_csv_opens_in_excel_with_cyrillic(db, tmp_path):
    db.execute("UPDATE delegate SET given_name = ? WHERE id = 2", [HOSTILE])
    out = attendance_files.write_csv(attendance.collect(db), tmp_path / "p.csv", "en")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][0] == "Family name"
    assert any("Ҷ" in cell or "Қ" in cell for row in rows for cell in row)
    assert any(cell == "'" + HOSTILE for row in rows for cell in row)


def test_no_shows_and_arrivals(db):
    data = attendance.collect(db)
    shows = data.no_shows()
    present = data.present_any_day()
    assert shows and not {p.id for p in shows} & present
    # Whoever was expected and never came: registered as well as accredited.
    assert {p.id for p in shows} == {p.id for p in data.people} - present
    assert all(p.status in ("registered", "accredited") for p in shows)
    quarters = attendance.arrivals_per_quarter(data, data.days[0])
    assert sum(n for _, n in quarters) == len(data.day_first[data.days[0]])
    assert all(t.minute % 15 == 0 for t, _ in quarters)


def test_list_of_participants_in_protocol_order(db, tmp_path):
    listed = participants.blocks(db, "en")
    kinds = [b.group for b in listed]
    assert kinds == sorted(kinds, key=participants.PROTOCOL.index)
    states = [b.delegation for b in listed if b.group is participants.Group.MEMBER_STATES]
    assert states == sorted(states, key=str.casefold)
    for block in listed:
        heads = [e.head for e in block.entries]
        assert heads == sorted(heads, reverse=True)  # the head first
    out = participants.export(db, tmp_path / "lop.pdf", "en")
    texts = [p.get_textpage().get_text_range() for p in pdfium.PdfDocument(str(out))]
    assert "List of Participants" in texts[0] and "Member States" in texts[0]
    assert "2" in [line.strip() for line in texts[1].splitlines()]  # page numbers
    ru = participants.export(db, tmp_path / "lop-ru.pdf", "ru", translate_function("ru"))
    first = pdfium.PdfDocument(str(ru))[0].get_textpage().get_text_range()
    assert "Список участников" in first and "Государства-члены" in first
    assert "Е. П." in first  # honorifics in Russian
    book = load_workbook(participants.export(db, tmp_path / "lop.xlsx", "ru",
                                             translate_function("ru")))
    rows = list(book.active.iter_rows(min_row=3, values_only=True))
    *people, _blank, note = rows  # the list, then the line that says what was left out
    assert len(people) == len(attendance.collect(db).people)
    assert note[0] and "паспорт" in note[0]


@pytest.mark.skipif(not shutil.which("soffice") and not shutil.which("libreoffice"),
                    reason="LibreOffice is not installed")
def test_libreoffice_opens_the_workbook(db, tmp_path):
    out = attendance_files.write_workbook(attendance.collect(db), tmp_path / "lo.xlsx", "en")
    office = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(out)], check=True, timeout=180, capture_output=True)
    assert (tmp_path / "lo.pdf").stat().st_size > 1000


def test_sheet_names_are_cut_cleanly() -> None:
    from bsm_desk.services.output.cells import sheet_title as _sheet_title

    assert _sheet_title("18.10 1000 High-Level Opening Session") == "18.10 1000 High-Level Opening"
    assert _sheet_title("A  b:  c/d   e") == "A b c d e"
    for title in ("x" * 40, "word " * 12, "  ", "18.10 1130 Heads of Delegation Session"):
        name = _sheet_title(title)
        assert 0 < len(name) <= 31 and name == name.strip() and "  " not in name


def test_a_session_expects_its_own_estimate_not_the_whole_conference(demo_copy) -> None:
    from contextlib import closing

    from bsm_desk.domain.model import SessionKind
    from bsm_desk.services.reports.attendance import collect, summary
    from bsm_desk.store import connect

    with closing(connect(demo_copy)) as db:
        att = collect(db)
    lines = {line.label: line for line in summary(att, "en")}
    side = [s for s in att.sessions if s.kind is SessionKind.SIDE_EVENT]
    assert side and all(s.expected > 0 for s in side)
    for session in side:
        line = next(v for k, v in lines.items() if k.endswith(session.title("en")))
        assert line.expected == session.expected < len(att.people)
    days = [line for line in lines.values() if line.kind == "day"]
    assert {line.expected for line in days} == {len(att.people)}  # everyone registered


def test_the_list_of_participants_gives_a_default_honorific_by_gender(tmp_path) -> None:
    from datetime import date

    from bsm_desk.domain.model import Delegation
    from bsm_desk.services.event.making import NewEvent, create_event
    from bsm_desk.services.registry.importer import import_file
    from bsm_desk.services.reports.participants import blocks
    from bsm_desk.store import atomic, delegations
    from tests.conftest import DESK

    db = create_event(tmp_path / "e.sqlite", NewEvent(
        "LoP", date(2022, 10, 18), date(2022, 10, 19), "Asia/Dushanbe"), desk_id=DESK)
    with atomic(db):
        delegations.add_delegation(db, Delegation("Tajikistan", "Таджикистан",
                                                  DelegationType.MEMBER_STATE, "TJ"))
    listing = tmp_path / "l.csv"
    listing.write_text("Title,Family name,Given name,Country,Gender\n"
                       ",Karimova,Malika,Tajikistan,F\n,Saidov,Farrukh,Tajikistan,M\n"
                       "H.E.,Rahmonov,Jamshed,Tajikistan,M\n,Nazarova,Zarina,Tajikistan,\n")
    assert import_file(db, listing, who=who_at(db, DESK)).added == 4
    entries = {e.name.split()[0]: e for e in blocks(db, "en")[0].entries}
    assert (entries["KARIMOVA"].honorific, entries["KARIMOVA"].honorific_default) == (
        "Ms.", True)
    assert (entries["SAIDOV"].honorific, entries["SAIDOV"].honorific_default) == ("Mr.", True)
    assert (entries["RAHMONOV"].honorific, entries["RAHMONOV"].honorific_default) == (
        "H.E.", False)
    assert entries["NAZAROVA"].honorific == ""  # gender not stated: no guess
    russian = {e.honorific for e in blocks(db, "ru")[0].entries}
    assert {"г-жа", "г-н"} <= russian  # the defaults as a Russian list writes them
    db.close()


def test_an_imported_list_nobody_accredited_has_its_no_shows(tmp_path):
    """Everyone imported stays "registered" until credentials are received; those who
    never came are no-shows all the same."""
    from datetime import date

    from bsm_desk.services import badges, checkin
    from bsm_desk.services.event.making import NewEvent, create_event
    from bsm_desk.services.registry.importer import import_file

    db = create_event(tmp_path / "event.sqlite", NewEvent(
        "Workshop", date(2023, 5, 10), date(2023, 5, 10), "Asia/Dushanbe"), desk_id="d")
    listed = tmp_path / "list.csv"
    listed.write_text("Family name,Given name,Delegation\n" + "".join(
        f"PERSON{i},Given{i},Tajikistan\n" for i in range(10)), encoding="utf-8")
    report = import_file(db, listed, who=who_at(db, "d"))
    assert not report.errors and report.added == 10
    ids = badges.select(db)
    entrance = checkin.checkpoints(db)[0].id
    for _, code in badges.codes(db, ids[:6]):
        checkin.check_in(db, code, entrance, who=who_at(db, "d"))
    assert {p.status for p in attendance.collect(db).people} == {"registered"}
    shows = attendance.collect(db).no_shows()
    assert sorted(p.id for p in shows) == sorted(ids[6:])


def test_the_list_of_participants_sets_observers_and_the_un_system_apart() -> None:
    """Issue 28: Member States, observer States, the United Nations system, other
    organizations, civil society, others — as UN lists of participants are grouped."""
    from bsm_desk.domain.model import Delegation

    def group(name: str, kind: DelegationType, iso: str | None = None) -> str:
        russian = any("а" <= c <= "я" for c in name.casefold())
        return participants.group_of(Delegation(
            name_en="" if russian else name, name_ru=name if russian else "", type=kind,
            iso_code=iso)).value

    assert group("Tajikistan", DelegationType.MEMBER_STATE, "TJ") == "member_states"
    assert group("Holy See", DelegationType.OTHER, "VA") == "observers"
    assert group("UNODC", DelegationType.INTERNATIONAL_ORGANIZATION) == "un_system"
    assert group("UN Women", DelegationType.INTERNATIONAL_ORGANIZATION) == "un_system"
    assert group("Организация Объединённых Наций", DelegationType.INTERNATIONAL_ORGANIZATION
                 ) == "un_system"
    assert group("OSCE", DelegationType.INTERNATIONAL_ORGANIZATION) == "organizations"
    assert group("Women in Security Network", DelegationType.CIVIL_SOCIETY) == \
        "civil_society"
    assert list(participants.PROTOCOL) == list(participants.Group)


@settings(max_examples=60, deadline=None)
@example(moments=[datetime(2020, 1, 1, tzinfo=UTC), datetime(2020, 4, 4, 15, 0, tzinfo=UTC)],
         zone="Australia/Lord_Howe")  # the hour its clock goes back half an hour
@given(moments=st.lists(st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1),
                                     timezones=st.just(UTC)), max_size=40),
       zone=st.sampled_from(["Asia/Dushanbe", "Europe/Vienna", "America/New_York",
                             "Asia/Kolkata", "Australia/Lord_Howe"]))
def test_quarters_are_each_moments_local_quarter(moments: list[datetime], zone: str) -> None:
    """Counting by quarter hour without converting each moment gives what converting each
    would — the quarters as the venue's clock reads them — across summer time's changes
    and zones half an hour off (Lord Howe's clock moves by 30 minutes)."""
    from zoneinfo import ZoneInfo

    where = ZoneInfo(zone)
    def quarter_of(local: datetime) -> datetime:  # converted one by one: the oracle
        return local.replace(minute=local.minute - local.minute % 15, second=0,
                             microsecond=0, tzinfo=None)

    expected = Counter(quarter_of(m.astimezone(where)) for m in moments)
    got: Counter[datetime] = Counter()
    for k, n in attendance.quarters(moments, where).items():
        assert k.minute % 15 == 0 and k.second == 0
        got[k.replace(tzinfo=None)] += n
    assert got == expected
