"""The conference report (issue 31): every figure recomputed here from the raw record
with SQL of its own; a small event worked out by hand; the privacy rule; the workbook
with its charts; the command line."""

from __future__ import annotations

from collections import Counter
from contextlib import closing
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest

from bsm_desk.cli import main
from bsm_desk.domain.errors import UserError
from bsm_desk.services import conference, speakers
from bsm_desk.services.demo import build_demo
from bsm_desk.services.event.making import NewEvent, create_event
from bsm_desk.store import connect
from tests.acting import who_at
from tests.conftest import DESK

STANDING = ("accepted = 1 AND delegate_id IS NOT NULL AND uuid NOT IN"
            " (SELECT undoes FROM checkin WHERE undoes IS NOT NULL)")


@pytest.fixture(scope="module")
def happened(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo as if both days had happened, with the showcase's statements."""
    path = tmp_path_factory.mktemp("report") / "demo.sqlite"
    build_demo(path, desk_id=DESK, attendance=True, showcase=True)
    return path


def _genders(db, sql: str, params: list | None = None) -> Counter:  # type: ignore[no-untyped-def,type-arg]
    return Counter(row[0] for row in db.execute(sql, params or []).fetchall())


def test_participation_recomputed_from_the_raw_record(happened: Path) -> None:
    with closing(connect(happened)) as db:
        report = conference.build(db)
        active = ("FROM delegate d WHERE d.status != 'cancelled' AND d.merged_into IS NULL")
        registered = _genders(db, f"SELECT d.gender {active}")
        assert report.registered.total == sum(registered.values())
        assert (report.registered.women, report.registered.men) == (registered["F"],
                                                                    registered["M"])
        present = _genders(db, f"SELECT d.gender {active} AND d.id IN (SELECT delegate_id"
                               f" FROM checkin WHERE {STANDING})")
        assert report.present.total == sum(present.values())
        assert report.present.women == present["F"] and report.present.men == present["M"]
        heads = _genders(db, f"SELECT d.gender {active} AND d.category_id IN"
                             " (SELECT id FROM category WHERE code = 'hod')")
        assert report.heads.total == sum(heads.values())
        for line, day in zip(report.days, ("2022-10-18", "2022-10-19"), strict=True):
            came = _genders(db, f"SELECT d.gender {active} AND d.id IN (SELECT delegate_id"
                                f" FROM checkin WHERE {STANDING} AND (checkpoint ="
                                " 'entrance-' || ? OR checkpoint IN (SELECT 'session-' || id"
                                " FROM session WHERE date(starts_at, '+5 hours') = ?)))",
                            [day, day])
            assert line.present.total == sum(came.values()), day
        for line, session in zip(report.sessions, db.execute(
                "SELECT id FROM session ORDER BY starts_at, id").fetchall(), strict=True):
            came = _genders(db, f"SELECT d.gender {active} AND d.id IN (SELECT delegate_id"
                                f" FROM checkin WHERE {STANDING} AND checkpoint = ?)",
                            [f"session-{session[0]}"])
            assert line.present.total == sum(came.values()), line.label


def test_statements_recomputed_from_the_record(happened: Path) -> None:
    with closing(connect(happened)) as db:
        report = conference.build(db)
        listed = [e for s in db.execute("SELECT id FROM session").fetchall()
                  for e in speakers.speaker_list(db, s[0]).entries if e.spoken_seconds > 0]
        assert len(report.statements) == len(listed) == report.speaking_total.statements
        assert report.speaking_total.minutes == round(
            sum(e.spoken_seconds for e in listed) / 60, 1)
        assert {s.name for s in report.statements} == {e.name for e in listed}


def _small_event(folder: Path) -> Path:
    """Twelve people worked out by hand: 6 women, 5 men, 1 not stated; 3 women and 5 men
    come on the first day; one woman and one man speak."""
    from bsm_desk.domain.model import Delegation, DelegationType, Gender
    from bsm_desk.domain.people import Delegate
    from bsm_desk.services.checkin import Desk
    from bsm_desk.store import delegates as delegate_store
    from bsm_desk.store import delegations as delegation_store

    path = folder / "small.sqlite"
    db = create_event(path, NewEvent("Small", date(2022, 10, 18), date(2022, 10, 18),
                                     "Asia/Dushanbe"), desk_id=DESK)
    state = delegation_store.add_delegation(db, Delegation(
        name_en="Tajikistan", name_ru="Таджикистан", type=DelegationType.MEMBER_STATE))
    category = db.execute("SELECT id FROM category WHERE code = 'delegate'").fetchone()[0]
    genders = ["F"] * 6 + ["M"] * 5 + ["X"]
    delegate_store.add_delegates(db, [Delegate(
        family_name=f"Person{i}", given_name="A", gender=Gender(g), delegation_id=state,
        category_id=category) for i, g in enumerate(genders)])
    ids = [r[0] for r in db.execute("SELECT id FROM delegate ORDER BY id").fetchall()]
    desk = Desk.open(db, "entrance-2022-10-18", who=who_at(db, DESK))
    at = datetime(2022, 10, 18, 4, 0, tzinfo=UTC)
    for n, delegate_id in enumerate(ids[:3] + ids[6:11]):  # 3 women, 5 men
        desk.admit(delegate_id, now=at + timedelta(minutes=n))
    db.close()
    return path


def test_a_small_event_worked_out_by_hand(tmp_path: Path) -> None:
    with closing(connect(_small_event(tmp_path))) as db:
        report = conference.build(db)
    assert (report.registered.total, report.registered.women, report.registered.men) == \
        (12, 6, 5)
    # 3 women among 8 present: too few to show, and so the men are not shown either.
    assert (report.present.total, report.present.women, report.present.men) == (8, None, None)
    assert report.present.women_share is None
    assert report.groups[0].expected.total == 12
    assert report.speaking_total.statements == 0 and report.statements == []


@pytest.mark.parametrize("genders, shown", [
    ("FFFFFMMMMM", (5, 5)), ("FFFFMMMMMM", (None, None)), ("MMMMMMM", (0, 7)),
    ("FFMM", (None, None)), ("FFFFFMMMMMX", (5, 5)), ("", (None, None)),
])
def test_no_split_by_gender_names_anyone(genders: str, shown: tuple) -> None:  # type: ignore[type-arg]
    found = conference.split(genders)
    assert found.total == len(genders) and (found.women, found.men) == shown


def test_the_workbook_has_its_tables_and_charts(happened: Path, tmp_path: Path) -> None:
    with closing(connect(happened)) as db:
        report = conference.build(db, "ru")
    out = conference.write_workbook(report, tmp_path / "report.xlsx")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Summary", "Participation", "Delegations", "Speaking time",
                               "Arrivals", "Rooms", "Interpretation", "Statements"]
    assert book["Participation"]._charts and book["Speaking time"]._charts
    summary = book["Summary"]
    assert summary["B2"].value == report.registered.total  # typed numbers, not text
    assert isinstance(summary["B3"].value, int)
    with pytest.raises(UserError):
        conference.write_workbook(report, tmp_path / "report.pdf")


def test_one_day_and_a_day_outside_the_event(happened: Path) -> None:
    with closing(connect(happened)) as db:
        first = conference.build(db, day=date(2022, 10, 18))
        assert [line.label for line in first.days] == ["Day 2022-10-18"]
        assert all(line.label.startswith("18.10") for line in first.sessions)
        with pytest.raises(UserError, match="not a day of the event"):
            conference.build(db, day=date(2022, 10, 25))


def test_the_command_writes_the_report_in_russian(happened: Path, tmp_path: Path,
                                                  capsys) -> None:
    out = tmp_path / "отчёт.xlsx"
    assert main(["export", "report", "--db", str(happened), "--out", str(out), "--lang",
                 "ru"]) == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "Сводка"
    assert main(["export", "report", "--db", str(happened), "--out",
                 str(tmp_path / "r.docx")]) == 2
    assert ".pdf, .xlsx" in capsys.readouterr().err


def _pdf_text(path: Path) -> str:
    import pypdfium2 as pdfium

    return "\n".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(path))


@pytest.mark.parametrize("lang, heading", [("en", "Speaking time"),
                                           ("ru", "Время выступлений")])
def test_the_pdf_says_the_same_figures(happened: Path, tmp_path: Path, lang: str,
                                       heading: str) -> None:
    from bsm_desk.translations import translate_function

    tr = translate_function(lang)

    def t(text: str) -> str:
        return tr("Report", text)

    with closing(connect(happened)) as db:
        report = conference.build(db, lang, translate=t)
    out = conference.write_pdf(report, tmp_path / "report.pdf", translate=t)
    text = " ".join(_pdf_text(out).split())
    assert heading in text
    assert f"{report.registered.total}" in text and f"{report.registered.women}" in text
    for statement in report.statements:  # the rapporteur's list names every speaker
        assert statement.name in text
    with pytest.raises(UserError):
        conference.write_pdf(report, tmp_path / "report.xlsx")


def test_the_command_writes_both_into_a_folder(happened: Path, tmp_path: Path) -> None:
    assert main(["export", "report", "--db", str(happened), "--out", str(tmp_path),
                 "--day", "2022-10-18"]) == 0
    assert (tmp_path / "conference-report.pdf").stat().st_size > 0
    assert openpyxl.load_workbook(tmp_path / "conference-report.xlsx").sheetnames


def test_interpretation_recomputed_from_the_roster(happened: Path) -> None:
    with closing(connect(happened)) as db:
        work = conference.build(db).interpretation
        rows = db.execute(
            "SELECT i.id, i.staff, i.fee, date(s.starts_at, '+5 hours') FROM roster_assignment"
            " a JOIN interpreter i ON i.id = a.interpreter_id JOIN session s ON"
            " s.id = a.session_id").fetchall()
    assert rows, "the demo's roster is empty: nothing was checked"
    freelance_days = {(i, day) for i, staff, _fee, day in rows if not staff}
    fees = {i: fee for i, staff, fee, _day in rows if not staff}
    assert work.freelance_days == len(freelance_days)
    assert work.fees == pytest.approx(sum(fees[i] for i, _day in freelance_days))
    assert {w.name for w in work.people} and all(w.booth_minutes > 0 for w in work.people)
    # Two ways of adding up the same booth time: by booth and by interpreter.
    assert sum(work.booth_minutes.values()) == sum(w.booth_minutes for w in work.people)
    assert set(work.booth_minutes) <= {"en", "ru", "en-ru"}


def test_no_shows_seats_and_side_events_expected(happened: Path) -> None:
    with closing(connect(happened)) as db:
        report = conference.build(db)
        never = db.execute(
            "SELECT count(*) FROM delegate WHERE status != 'cancelled' AND merged_into IS NULL"
            f" AND id NOT IN (SELECT delegate_id FROM checkin WHERE {STANDING})").fetchone()[0]
        sessions = db.execute("SELECT s.expected, coalesce(r.capacity, 0) FROM session s"
                              " LEFT JOIN room r ON r.id = s.room_id"
                              " ORDER BY s.starts_at, s.id").fetchall()
    assert report.no_shows == never
    assert [line.seats for line in report.sessions] == [seats for _e, seats in sessions]
    for line, (expected, _seats) in zip(report.sessions, sessions, strict=True):
        if expected > 0:  # a side event expects its own number
            assert line.expected.total == expected and line.expected.women is None


@pytest.mark.parametrize("keep_names", [True, False])
def test_after_purge_the_report_comes_out_the_same(happened: Path, tmp_path: Path,
                                                    keep_names: bool) -> None:
    import shutil
    from dataclasses import replace

    from bsm_desk.services.operators import privacy

    copy = tmp_path / "purged.sqlite"
    shutil.copy(happened, copy)
    with closing(connect(copy)) as db:
        before = conference.build(db)
        privacy.purge(db, keep_names=keep_names, who=who_at(db, DESK))
        after = conference.build(db)

    def figures(report: conference.Report) -> conference.Report:
        """The report with the people's names and functions left out (a purge without
        keep_names removes them, and the interpreters' order by name with them); every
        figure kept."""
        work = report.interpretation
        people = sorted((replace(w, name="") for w in work.people),
                        key=lambda w: (w.staff, w.booth_minutes, w.days, w.fee))
        return replace(report, statements=[replace(s, name="", function="")
                                           for s in report.statements],
                       interpretation=replace(work, people=people))

    if keep_names:
        assert after == before
    else:
        assert figures(after) == figures(before)


def test_the_regional_groups_hold_every_member_state_once() -> None:
    import json

    from bsm_desk import paths
    from bsm_desk.services.conference import regions

    data = json.loads(paths.resource("data", "un_regional_groups.json").read_text("utf-8"))
    codes = [code for key in regions.GROUPS for code in data[key]]
    assert len(codes) == len(set(codes)) == 193
    assert regions.region_of("tj") == "asia_pacific" and regions.region_of("TR") == \
        "western_european_others" and regions.region_of("XX") == regions.region_of(None) == ""


def test_member_states_by_region_add_up(happened: Path) -> None:
    with closing(connect(happened)) as db:
        report = conference.build(db)
        states = _genders(db, "SELECT d.gender FROM delegate d JOIN delegation g ON"
                              " g.id = d.delegation_id WHERE g.type = 'member_state' AND"
                              " d.status != 'cancelled' AND d.merged_into IS NULL")
    assert sum(r.expected.total for r in report.regions) == sum(states.values())
    assert "Asia-Pacific States" in [r.label for r in report.regions]
    assert "Region not known" not in [r.label for r in report.regions]  # the demo's all known


def test_arrivals_per_quarter_hour_add_up_to_who_came_in(happened: Path,
                                                         tmp_path: Path) -> None:
    with closing(connect(happened)) as db:
        report = conference.build(db)
        for day, quarters in report.arrivals.items():
            came = db.execute(f"SELECT count(DISTINCT delegate_id) FROM checkin WHERE"
                              f" {STANDING} AND checkpoint = ?",
                              [f"entrance-{day.isoformat()}"]).fetchone()[0]
            assert sum(n for _at, n in quarters) == came, day
            assert all(at.minute % 15 == 0 for at, _n in quarters)
    book = openpyxl.load_workbook(conference.write_workbook(report, tmp_path / "r.xlsx"))
    assert len(book["Arrivals"]._charts) == len([q for q in report.arrivals.values() if q])


def test_speaking_by_kind_of_delegation_and_level_adds_up(happened: Path) -> None:
    with closing(connect(happened)) as db:
        report = conference.build(db)
    total = report.speaking_total
    for lines in (report.speaking_by_group, report.speaking_by_level):
        assert sum(s.statements for s in lines) == total.statements
        assert round(sum(s.minutes for s in lines), 1) == total.minutes


def test_participants_by_level_of_representation(happened: Path) -> None:
    from bsm_desk.domain.protocol import rank_name

    with closing(connect(happened)) as db:
        report = conference.build(db)
        ranks = dict(db.execute(
            "SELECT protocol_rank, count(*) FROM delegate WHERE status != 'cancelled' AND"
            " merged_into IS NULL GROUP BY protocol_rank").fetchall())
    from bsm_desk.domain.model import ProtocolRank

    expected = [(rank_name(rank, "en"), ranks[rank.value]) for rank in ProtocolRank
                if rank.value in ranks]
    assert [(line.label, line.expected.total) for line in report.levels] == expected


def test_every_label_is_in_russian_in_a_russian_report(happened: Path) -> None:
    """Not one English word left among the labels the report makes (kinds of delegation,
    regions, levels, days): only the sessions' own titles are the programme's."""
    import re

    from bsm_desk.translations import translate_function

    tr = translate_function("ru")
    with closing(connect(happened)) as db:
        report = conference.build(db, "ru", translate=lambda text: tr("Report", text))
    labels = [line.label for line in [*report.days, *report.groups, *report.regions,
                                       *report.levels]]
    labels += [s.label for s in [*report.speaking_by_group, *report.speaking_by_level]]
    assert labels and all(not re.search("[A-Za-z]", label) for label in labels), labels


def test_each_rooms_door_per_quarter_hour_recomputed(happened: Path, tmp_path: Path) -> None:
    """People through each room's doors per 15 minutes, and each session's busiest
    quarter, against SQL of its own (the venue is at UTC+5, the demo has no merges)."""
    with closing(connect(happened)) as db:
        report = conference.build(db)
        rows = db.execute(
            "SELECT r.name_en, date(f.at, '+5 hours'), strftime('%H', f.at, '+5 hours') ||"
            " ':' || printf('%02d', CAST(strftime('%M', f.at) AS INTEGER) / 15 * 15),"
            " f.session_id FROM (SELECT c.delegate_id, CAST(substr(c.checkpoint, 9) AS"
            f" INTEGER) AS session_id, MIN(c.at) AS at FROM checkin c WHERE {STANDING}"
            " AND c.checkpoint LIKE 'session-%' GROUP BY c.delegate_id, c.checkpoint) f"
            " JOIN delegate d ON d.id = f.delegate_id AND d.status != 'cancelled' AND"
            " d.merged_into IS NULL JOIN session s ON s.id = f.session_id JOIN room r ON"
            " r.id = s.room_id").fetchall()
        order = [s[0] for s in db.execute("SELECT id FROM session ORDER BY starts_at, id")]
    assert rows, "nobody came through a room's door: nothing was checked"
    by_room = Counter((room, day, quarter) for room, day, quarter, _s in rows)
    seen = 0
    for day, flows in report.rooms.items():
        spans = {(f.quarters[0][0], f.quarters[-1][0]) for f in flows}
        assert len(spans) == 1, "every room of a day is charted over the same quarters"
        for flow in flows:
            for at, n in flow.quarters:
                assert n == by_room.get((flow.room, day.isoformat(), f"{at:%H:%M}"), 0)
                seen += n
    assert seen == len(rows)
    per_session = Counter((s, quarter) for _r, _d, quarter, s in rows)
    for line, session_id in zip(report.sessions, order, strict=True):
        counts = {q: n for (s, q), n in per_session.items() if s == session_id}
        if not counts:
            assert line.peak is None
            continue
        assert line.peak is not None and line.peak[1] == max(counts.values())
        assert counts[f"{line.peak[0]:%H:%M}"] == line.peak[1]
    book = openpyxl.load_workbook(conference.write_workbook(report, tmp_path / "r.xlsx"))
    assert len(book["Rooms"]._charts) == len([f for f in report.rooms.values() if f])


def test_side_events_against_their_rooms_seats(happened: Path) -> None:
    with closing(connect(happened)) as db:
        report = conference.build(db)
        sides = db.execute("SELECT r.capacity FROM session s JOIN room r ON r.id ="
                           " s.room_id WHERE s.kind = 'side_event'"
                           " ORDER BY s.starts_at, s.id").fetchall()
    assert sides, "the demo has no side events: nothing was checked"
    assert [line.seats for line in report.side_events] == [c for (c,) in sides]
    assert all(line in report.sessions for line in report.side_events)


def test_relay_per_language_from_the_speakers_lists(demo_copy: Path) -> None:
    """A statement in Tajik asks for relay from Tajik: the report counts its meeting."""
    with closing(connect(demo_copy)) as db:
        session = db.execute("SELECT id FROM session WHERE title_en LIKE"
                             " 'Thematic Session III%'").fetchone()[0]
        before = conference.build(db).interpretation
        speaker = db.execute("SELECT id FROM delegate WHERE status != 'cancelled'"
                             " ORDER BY id LIMIT 1").fetchone()[0]
        speakers.inscribe(db, session, speaker, language="tg", override="test",
                          who=who_at(db, "t"))
        after = conference.build(db, "ru").interpretation
    assert before.relay_languages.get("tg", 0) == 0
    assert after.relay_languages["tg"] == 1 and after.relay == before.relay + 1
    assert conference.report.language_name("tg", "ru") == "таджикский"
    assert conference.report.language_name("tg", "en") == "Tajik"
    assert conference.report.language_name("zz", "ru") == "zz"  # no name: the code


def test_accredited_and_each_category_recomputed(happened: Path) -> None:
    with closing(connect(happened)) as db:
        report = conference.build(db)
        active = "FROM delegate d WHERE d.status != 'cancelled' AND d.merged_into IS NULL"
        accredited = _genders(db, f"SELECT d.gender {active} AND d.status = 'accredited'")
        categories = db.execute("SELECT id, name_en FROM category ORDER BY id").fetchall()
        by_category = {name: (_genders(db, f"SELECT d.gender {active} AND d.category_id = ?",
                                       [k]),
                              _genders(db, f"SELECT d.gender {active} AND d.category_id = ?"
                                           " AND d.id IN (SELECT delegate_id FROM checkin"
                                           f" WHERE {STANDING})", [k]))
                       for k, name in categories}
    assert report.accredited.total == sum(accredited.values()) > 0
    assert [line.label for line in report.categories] == \
        [name for name, (registered, _p) in by_category.items() if registered]
    for line in report.categories:
        registered, present = by_category[line.label]
        assert line.expected.total == sum(registered.values())
        assert line.present.total == sum(present.values())
    assert sum(line.expected.total for line in report.categories) == report.registered.total


def test_the_womens_share_of_minutes_spoken() -> None:
    from bsm_desk.services.conference.report import Report, Speaking, Split

    def report(women: float | None, men: float | None) -> Report:
        total = Speaking("Total", 12, Split(12, 6, 6), (women or 0) + (men or 0), women, men)
        return Report(
            "t", "v", (date(2022, 10, 18), date(2022, 10, 19)), *([Split(0, None, None)] * 2),
            0, *([Split(0, None, None)] * 2), [], [], [], [], [], {}, {}, [], [], [], [],
            total, [], None)  # type: ignore[arg-type]

    assert report(30.0, 90.0).minutes_women_share == 25.0
    assert report(None, None).minutes_women_share is None
    assert report(0.0, 0.0).minutes_women_share is None
