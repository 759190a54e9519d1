"""The command line: its contract (commands, options, JSON) and its manners on errors."""

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bsm_desk import __version__
from bsm_desk.cli import main
from tests.acting import who_at


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"bsm-desk {__version__}"


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for word in ("demo", "info", "--db", "--demo", "--lang"):
        assert word in out


def test_demo_then_info_as_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite"
    code, out, _ = run(capsys, "demo", "--db", str(db), "--delegates", "150", "--seed", "3",
                       "--json")
    assert code == 0
    built = json.loads(out)
    assert built["delegates"] == 150 and built["sessions"] == 11 and built["seed"] == 3
    code, out, _ = run(capsys, "info", "--db", str(db), "--json")
    assert code == 0
    facts = json.loads(out)
    assert facts["code"] == "BSM22"
    assert facts["days"] == ["2022-10-18", "2022-10-19"]
    assert facts["delegates"] == 150
    assert facts["time_zone"] == "Asia/Dushanbe"
    assert sum(facts["by_status"].values()) == 150


def test_info_as_text(capsys: pytest.CaptureFixture[str], demo_file: Path) -> None:
    code, out, _ = run(capsys, "info", "--db", str(demo_file))
    assert code == 0
    assert "Kokhi Somon" in out and "700" in out


@pytest.mark.parametrize("args", [
    ("info",),
    ("info", "--db", "/no/such/file.sqlite"),
    ("demo", "--db", "{tmp}/x.sqlite", "--delegates", "-5"),
])
def test_user_errors_are_one_line_and_exit_2(capsys: pytest.CaptureFixture[str],
                                             tmp_path: Path, args: tuple[str, ...]) -> None:
    code, out, err = run(capsys, *(a.format(tmp=tmp_path) for a in args))
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("bsm-desk: ") and "Traceback" not in err


def test_a_file_that_is_not_ours(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_text("hello")
    code, _, err = run(capsys, "info", "--db", str(junk))
    assert code == 2 and "not a BSM Desk event database" in err


def test_errors_in_russian_when_the_desk_speaks_russian(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BSM_DESK_LANG", "ru")
    code, _, err = run(capsys, "info", "--db", "/no/such/file.sqlite")
    assert code == 2
    assert err.strip() == "bsm-desk: База данных мероприятия /no/such/file.sqlite не существует."


def test_lang_option_is_remembered(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    run(capsys, "--lang", "ru", "info", "--db", str(tmp_path / "none.sqlite"))
    code, _, err = run(capsys, "info", "--db", str(tmp_path / "none.sqlite"))
    assert code == 2 and "не существует" in err


def test_the_installed_command_runs(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "bsm_desk", "demo", "--db",
                             str(tmp_path / "d.sqlite"), "--delegates", "5"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "5 delegates" in result.stdout


def test_cli_defaults_match_the_demo_service() -> None:
    from bsm_desk.cli import event
    from bsm_desk.services import demo

    assert (event.DEFAULT_DELEGATES, event.DEFAULT_SEED) == (demo.DEFAULT_DELEGATES,
                                                             demo.DEFAULT_SEED)


def test_search_as_json(capsys: pytest.CaptureFixture[str], demo_file: Path) -> None:
    code, out, _ = run(capsys, "search", "--db", str(demo_file), "Раҳмонов", "--json")
    assert code == 0
    hits = json.loads(out)
    assert hits and all(h["family_name"].startswith("Rahmonov") for h in hits)
    for key in ("id", "family_name", "given_name", "family_name_cyr", "given_name_cyr",
                "delegation", "category", "status"):
        assert key in hits[0]
    code, out, _ = run(capsys, "search", "--db", str(demo_file), "ra", "--limit", "2",
                       "--json")
    assert len(json.loads(out)) == 2


def test_search_as_text(capsys: pytest.CaptureFixture[str], demo_file: Path) -> None:
    code, out, _ = run(capsys, "search", "--db", str(demo_file), "Rakhmonov")
    assert code == 0
    first = out.splitlines()[0].split("\t")
    assert first[1].startswith("RAHMONOV") and first[2].startswith("Раҳмонов")
    code, out, err = run(capsys, "search", "--db", str(demo_file), "zzzzqqq")
    assert code == 0 and out == "" and "Nobody found" in err


def test_import_and_template(capsys: pytest.CaptureFixture[str], demo_copy: Path,
                             tmp_path: Path) -> None:
    template = tmp_path / "template.xlsx"
    code, out, _ = run(capsys, "template", "--out", str(template), "--db", str(demo_copy))
    assert code == 0 and template.exists() and "Template written" in out
    import openpyxl

    book = openpyxl.load_workbook(template)
    sheet = book["Delegates"]
    sheet.append([None, None, "Раҳимова", "Ситора", None, "Ж", "Tajikistan",
                  "Delegate / Делегат"])
    sheet.append([None, "Ms.", "Ngozi", "Okafor", None, "F", "Nigeria", "Observer"])
    book.save(template)
    code, out, err = run(capsys, "import", "--db", str(demo_copy), str(template), "--dry-run")
    assert code == 0 and "2 added" in out and "Dry run" in out
    code, out, err = run(capsys, "import", "--db", str(demo_copy), str(template), "--json")
    assert code == 0
    report = json.loads(out)
    assert (report["added"], report["imported"]) == (2, True)
    assert report["created_delegations"] == ["Nigeria"]
    assert report["warnings"][0]["row"] == 4  # the generated Latin name, to check
    code, out, _ = run(capsys, "search", "--db", str(demo_copy), "Rahimova Sitora", "--json")
    assert any(h["family_name_cyr"] == "Раҳимова" for h in json.loads(out))


def test_import_errors_exit_1_and_name_the_row(capsys: pytest.CaptureFixture[str],
                                               demo_copy: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("Family name;Gender;Country\nSmith;M;Tajikistan\nJones;?;Tajikistan\n",
                   encoding="utf-8")
    code, out, err = run(capsys, "import", "--db", str(demo_copy), str(bad))
    assert code == 1 and out == ""
    assert "bad.csv, row 3, Gender: Unknown gender “?”" in err
    assert "Nothing was imported" in err
    code, out, _ = run(capsys, "import", "--db", str(demo_copy), str(bad), "--json")
    assert code == 1
    assert json.loads(out)["errors"] == [
        {"row": 3, "column": "Gender",
         "message": "Unknown gender “?”: use M or F (М or Ж), or leave it empty."}]


def test_duplicates_are_found_after_an_import(capsys: pytest.CaptureFixture[str],
                                              demo_copy: Path, tmp_path: Path) -> None:
    listing = tmp_path / "again.csv"
    listing.write_text("Фамилия,Имя,Страна\nНовиков,Пётр,Казахстан\nНовиков,Петр,Казахстан\n",
                       encoding="utf-8")
    code, out, err = run(capsys, "import", "--db", str(demo_copy), str(listing))
    assert code == 1 and "Same person as row 2" in err  # inside one file: an error
    assert "name and delegation" in err
    # In Russian, wholly: the key it matched by too.
    code, out, err = run(capsys, "--lang", "ru", "import", "--db", str(demo_copy),
                         str(listing))
    assert code == 1 and "строке 2" in err and "имя и делегация" in err, err
    assert "name and delegation" not in err
    run(capsys, "--lang", "en", "info", "--db", str(demo_copy))
    listing.write_text("Фамилия,Имя,Страна\nНовиков,Пётр,Казахстан\n", encoding="utf-8")
    assert run(capsys, "import", "--db", str(demo_copy), str(listing))[0] == 0
    # The same person in the Latin spelling of the same delegation is the same person:
    # matched by name, nobody added (issue 28).
    listing.write_text("Family name,Given name,Country\nNovikov,Petr,Kazakhstan\n",
                       encoding="utf-8")
    code, out, _ = run(capsys, "import", "--db", str(demo_copy), str(listing))
    assert code == 0 and "0 added, 1 updated" in out
    # A spelling the matching does not fold together is a likely duplicate to review.
    listing.write_text("Family name,Given name,Country\nNovikoff,Petr,Kazakhstan\n",
                       encoding="utf-8")
    code, out, _ = run(capsys, "import", "--db", str(demo_copy), str(listing))
    assert code == 0 and "Likely duplicates to review: 1" in out
    code, out, _ = run(capsys, "duplicates", "--db", str(demo_copy), "--json")
    pairs = json.loads(out)
    assert any(sorted(p["names"]) == ["NOVIKOFF Petr", "NOVIKOV Petr"] for p in pairs)


def test_badges_codes_pdf_and_reprint(capsys: pytest.CaptureFixture[str], demo_copy: Path,
                                      tmp_path: Path) -> None:
    from bsm_desk.domain import badge_code
    from bsm_desk.store import connect
    from bsm_desk.store.event import get_event

    db = str(demo_copy)
    code, out, _ = run(capsys, "badges", "--db", db, "--codes", "--delegation", "Tajikistan")
    assert code == 0
    lines = [line.split("\t") for line in out.splitlines()]
    assert len(lines) > 5
    conn = connect(demo_copy)
    event = get_event(conn)
    conn.close()
    for delegate_id, text in lines:
        checked = badge_code.verify(text, event.code, event.secret)
        assert checked.valid and checked.delegate_id == int(delegate_id)

    first, second = lines[0][0], lines[1][0]
    pdf = tmp_path / "two.pdf"
    code, out, _ = run(capsys, "badges", "--db", db, "--out", str(pdf), "--layout", "a4-4up",
                       "--ids", f"{first},{second}", "--json")
    assert code == 0 and pdf.read_bytes().startswith(b"%PDF")
    assert json.loads(out) == {"file": str(pdf), "badges": 2, "pages": 1,
                               "layout": "a4-4up", "logged": True}
    code, out, _ = run(capsys, "badges", "--db", db, "--codes", "--only-unprinted",
                       "--delegation", "Tajikistan")
    assert [line.split("\t")[0] for line in out.splitlines()] == [i for i, _ in lines[2:]]

    code, out, _ = run(capsys, "reprint", "--db", db, first, "--reason", "lost",
                       "--out", str(tmp_path / "again.pdf"))
    assert code == 0 and "1" in out and (tmp_path / "again.pdf").exists()
    code, out, _ = run(capsys, "badges", "--db", db, "--codes", "--ids", first)
    (new,) = out.splitlines()
    assert new.split("\t")[1].startswith(f"B1-{event.code}-{first}-2-")


def test_badges_errors(capsys: pytest.CaptureFixture[str], demo_file: Path,
                       tmp_path: Path) -> None:
    db = str(demo_file)
    for args, message in [
        (("badges", "--db", db), "--out"),
        (("badges", "--db", db, "--codes", "--ids", "1,x"), "1,x"),
        (("badges", "--db", db, "--codes", "--category", "Royalty"), "Royalty"),
        (("badges", "--db", db, "--out", str(tmp_path / "no" / "b.pdf")), "Could not write"),
        (("reprint", "--db", db, "999999", "--reason", "lost", "--out", "x.pdf"), "#999999"),
    ]:
        code, out, err = run(capsys, *args)
        assert code == 2 and message in err and out == "", args
    code, _, err = run(capsys, "reprint", "--db", db, "1", "--reason", "stolen", "--out", "x")
    assert code == 2 and "stolen" in err


def test_checkin_prints_a_verdict_per_code(capsys: pytest.CaptureFixture[str],
                                           demo_copy: Path) -> None:
    db = str(demo_copy)
    code, out, _ = run(capsys, "checkpoints", "--db", db, "--json")
    points = json.loads(out)
    assert points[0]["id"] == "entrance-2022-10-18" and points[0]["readmit"] is True
    code, out, _ = run(capsys, "badges", "--db", db, "--codes", "--delegation", "Tajikistan")
    (first, one), (second, two) = [line.split("\t") for line in out.splitlines()[:2]]
    code, out, _ = run(capsys, "checkin", "--db", db, one, two)
    assert code == 0
    assert [line.split("\t")[:2] for line in out.splitlines()] == [["OK", first],
                                                                  ["OK", second]]
    code, out, _ = run(capsys, "checkin", "--db", db, "--json", "--checkpoint",
                       "entrance-2022-10-19", one, "not-a-badge")
    assert code == 1
    verdicts = [json.loads(line) for line in out.splitlines()]
    assert verdicts[0]["verdict"] == "OK" and verdicts[0]["delegate_id"] == int(first)
    assert verdicts[0]["checkpoint"] == "entrance-2022-10-19" and verdicts[0]["name"]
    assert verdicts[0]["at"].startswith("20")
    assert verdicts[1]["verdict"] == "FORGED" and verdicts[1]["delegate_id"] is None
    code, _, err = run(capsys, "checkin", "--db", db, "--checkpoint", "nowhere", one)
    assert code == 2 and "nowhere" in err


def test_a_killed_checkin_keeps_the_verdict_it_printed(demo_copy: Path) -> None:
    """SIGKILL right after an accepted verdict was printed: the check-in is on disk."""
    import os
    import signal

    from bsm_desk.services import badges
    from bsm_desk.store import connect

    db = connect(demo_copy)
    ids = badges.select(db)[:300]
    codes = [c for _, c in badges.codes(db, ids)]
    db.close()
    env = dict(os.environ)
    proc = subprocess.Popen(
        [sys.executable, "-m", "bsm_desk", "checkin", "--db", str(demo_copy), *codes],
        stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert line.startswith("OK\t")
    accepted = int(line.split("\t")[1])
    db = connect(demo_copy)
    found = db.execute("SELECT verdict FROM checkin WHERE delegate_id = ?",
                       [accepted]).fetchall()
    db.close()
    assert found == [("OK",)]
    assert proc.returncode == -signal.SIGKILL


def test_checkin_gives_every_verdict(capsys: pytest.CaptureFixture[str],
                                     demo_copy: Path) -> None:
    from bsm_desk.domain import badge_code
    from bsm_desk.domain.model import ReissueReason
    from bsm_desk.services import badges, checkin, registry
    from bsm_desk.store import connect
    from bsm_desk.store.event import get_event

    conn = connect(demo_copy)
    first, lost, gone = badges.select(conn, delegation="Tajikistan")[:3]
    media = badges.select(conn, category="media")[0]
    codes = dict(badges.codes(conn, [first, lost, gone, media]))
    badges.reissue(conn, lost, ReissueReason.LOST, who=who_at(conn, "d"))
    registry.cancel(conn, [gone], who=who_at(conn, "d"))
    event = get_event(conn)
    door = next(c.id for c in checkin.checkpoints(conn)
                if c.session is not None and c.session.kind.value == "closed")
    conn.close()
    db = str(demo_copy)
    entrance = [codes[first], codes[first], codes[lost], codes[gone],
                badge_code.make(event.code, event.secret, 99999, 1),
                codes[first][:-1] + ("A" if codes[first][-1] != "A" else "B"),
                badge_code.make("OSCE23", b"x", 5, 1)]
    code, out, _ = run(capsys, "checkin", "--db", db, "--json", *entrance)
    assert code == 1
    assert [json.loads(line)["verdict"] for line in out.splitlines()] == [
        "OK", "ALREADY", "REVOKED", "CANCELLED", "UNKNOWN", "FORGED", "WRONG_EVENT"]
    code, out, _ = run(capsys, "checkin", "--db", db, "--checkpoint", door, codes[media])
    assert code == 1 and out.startswith("NOT_ALLOWED\t")


def test_export_attendance_and_participants(capsys: pytest.CaptureFixture[str],
                                            tmp_path: Path) -> None:
    from openpyxl import load_workbook

    db = str(tmp_path / "att.sqlite")
    assert run(capsys, "demo", "--db", db, "--attendance")[0] == 0
    for name, lang in (("a.xlsx", "en"), ("a-ru.xlsx", "ru"), ("a.csv", "en"),
                       ("lop.pdf", "ru"), ("lop.xlsx", "en")):
        report = "participants" if name.startswith("lop") else "attendance"
        code, out, _ = run(capsys, "export", report, "--db", db, "--out",
                           str(tmp_path / name), "--lang", lang)
        assert code == 0 and name in out and (tmp_path / name).stat().st_size > 1000
    assert load_workbook(tmp_path / "a-ru.xlsx").sheetnames[0] == "Сводка"
    code, _, err = run(capsys, "export", "participants", "--db", db, "--out",
                       str(tmp_path / "lop.txt"))
    assert code == 2 and ".pdf" in err


def test_programme_rooms_and_allocation(capsys: pytest.CaptureFixture[str],
                                        demo_copy: Path) -> None:
    from bsm_desk.services.programme.side_event_samples import sample_requests
    from bsm_desk.store import connect
    from bsm_desk.store import event as event_store
    from bsm_desk.store import side_events as side_event_store

    db = str(demo_copy)
    code, out, _ = run(capsys, "programme", "--db", db, "--day", "2022-10-18", "--json")
    sessions = json.loads(out)
    assert code == 0 and sessions and all(s["start"].startswith("2022-10-18T") for s in sessions)
    assert set(sessions[0]) >= {"id", "kind", "title_en", "title_ru", "room", "start", "end",
                                "languages"}
    assert sessions[0]["start"].endswith("+05:00")
    code, out, _ = run(capsys, "rooms", "list", "--db", db, "--json")
    assert {"name", "capacity", "booths", "equipment"} <= set(json.loads(out)[0])
    conn = connect(demo_copy)
    days = event_store.list_days(conn)
    waiting = len(side_event_store.list_requests(conn, pending_only=True))  # the demo's own
    for request in sample_requests(5, 6, days, event_store.get_event(conn).zone, []):
        side_event_store.add_request(conn, request)
    conn.close()
    code, out, _ = run(capsys, "rooms", "allocate", "--db", db, "--json", "--time-limit", "3",
                       "--apply")
    proposal = json.loads(out)
    assert code == 0 and len(proposal) == waiting + 6
    for item in proposal:
        assert {"request_id", "title"} <= set(item)
        assert ("room" in item and item["start"] < item["end"]) or item["unplaced"] is True
    code, out, _ = run(capsys, "programme", "--db", db, "--json")
    placed = [i for i in proposal if not i.get("unplaced")]
    assert len(json.loads(out)) == len(sessions) + 5 + len(placed)  # day 2 has 5 sessions
    code, out, _ = run(capsys, "rooms", "allocate", "--db", db, "--json")
    assert len(json.loads(out)) == len(proposal) - len(placed)  # placed ones are done
    code, _, err = run(capsys, "programme", "--db", db, "--day", "18.10.2022")
    assert code == 2 and "18.10.2022" in err


def test_side_events_import_all_or_nothing(capsys: pytest.CaptureFixture[str],
                                           demo_copy: Path, tmp_path: Path) -> None:
    from bsm_desk.store import connect
    from bsm_desk.store import side_events as side_event_store

    conn = connect(demo_copy)
    email, family = conn.execute("SELECT email, family_name FROM delegate WHERE email != ''"
                                 " LIMIT 1").fetchone()
    demo_requests = side_event_store.list_requests(conn)
    conn.close()
    good = tmp_path / "requests.csv"
    good.write_text(
        "Название;Организатор;Участников;Продолжительность;Предпочтительное время;"
        "Перевод;Оборудование;Докладчики\n"
        'Border strategies;UNOCT;40;60;"2022-10-18 13:30; 2022-10-19 13:30";да;projector;'
        f"{email}\n"
        "Behavioural insights;OSCE;25;90;2022-10-19 17:30;нет;;\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "title,duration,preferred slots,interpretation,panellists\n"
        "Fine,60,2022-10-18 13:30,yes,\n"
        "No time,sixty,2022-10-18 13:30,no,\n"
        "Wrong day,60,2021-01-01 10:00,maybe,Nobody Atall\n", encoding="utf-8")
    db = str(demo_copy)
    code, out, err = run(capsys, "side-events", "import", "--db", db, str(bad))
    assert code == 1 and "Nothing was imported" in err
    assert "row 3, duration" in err and "sixty" in err
    assert "row 4, preferred slots" in err and "row 4, interpretation" in err
    assert "row 4, panellists" in err and "Nobody Atall" in err
    conn = connect(demo_copy)
    assert side_event_store.list_requests(conn) == demo_requests  # nothing added
    conn.close()
    code, out, _ = run(capsys, "side-events", "import", "--db", db, str(good))
    assert code == 0 and "2 side-event requests imported" in out
    conn = connect(demo_copy)
    first, second = side_event_store.list_requests(conn)[len(demo_requests):]
    conn.close()
    assert first.interpretation and len(first.slots) == 2 and first.panellists
    assert first.slots[0].isoformat() == "2022-10-18T13:30:00+05:00"
    assert not second.interpretation and second.duration_min == 90 and family


def test_export_programme(capsys: pytest.CaptureFixture[str], demo_file: Path,
                          tmp_path: Path) -> None:
    import pypdfium2 as pdfium
    from icalendar import Calendar
    from openpyxl import load_workbook

    db = str(demo_file)
    assert run(capsys, "export", "programme", "--db", db, "--out",
               str(tmp_path / "p.pdf"))[0] == 0
    pages = [p.get_textpage().get_text_range() for p in pdfium.PdfDocument(tmp_path / "p.pdf")]
    assert len(pages) == 2 and "Программа" in pages[0] and "Programme" in pages[1]
    assert "Заседание глав делегаций" in pages[0] and "Heads of Delegation Session" in pages[0]
    assert run(capsys, "export", "programme", "--db", db, "--out",
               str(tmp_path / "p.xlsx"))[0] == 0
    book = load_workbook(tmp_path / "p.xlsx")
    assert book.sheetnames == ["2022-10-18", "2022-10-19"]
    first = book["2022-10-18"]["A2"]
    assert first.is_date and first.value.hour == 10  # venue time
    code, out, _ = run(capsys, "export", "programme", "--db", db, "--out", str(tmp_path / "ics"))
    files = sorted((tmp_path / "ics").glob("*.ics"))
    assert code == 0 and len(files) == 7
    calendar = Calendar.from_ical((tmp_path / "ics" / "plenary-hall.ics").read_bytes())
    events = [c for c in calendar.walk("VEVENT")]
    assert events and str(events[0]["dtstart"].dt.tzinfo) == "Asia/Dushanbe"
    assert calendar.walk("VTIMEZONE")


def test_rooms_allocate_buffer_option(capsys: pytest.CaptureFixture[str],
                                      demo_copy: Path) -> None:
    """--buffer overrides the event's change-over for one run; nonsense is refused."""
    db = str(demo_copy)
    from datetime import datetime, timedelta

    code, out, _ = run(capsys, "rooms", "allocate", "--db", db, "--buffer", "240",
                       "--time-limit", "2", "--json")
    placed = [p for p in json.loads(out) if not p.get("unplaced")]
    assert code == 0 and placed
    for index, a in enumerate(placed):
        for b in placed[index + 1:]:
            if a["room"] == b["room"]:
                gap = max(datetime.fromisoformat(b["start"]) - datetime.fromisoformat(a["end"]),
                          datetime.fromisoformat(a["start"]) - datetime.fromisoformat(b["end"]))
                assert gap >= timedelta(minutes=240)
    code, _, err = run(capsys, "rooms", "allocate", "--db", db, "--buffer", "999")
    assert code == 2 and "0 to 240 minutes" in err


def test_every_command_is_in_the_readme_table() -> None:
    """docs/cli.md's command table is the manual: a command added without its row fails
    here (as sqlite-utils checks its own docs)."""
    import argparse
    import re

    from bsm_desk.cli.parser import build_parser

    readme = (Path(__file__).resolve().parents[2] / "docs" / "cli.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `bsm-desk ([a-z][a-z-]*(?: [a-z][a-z-]*)?)", readme, re.M))

    def commands(parser: argparse.ArgumentParser, prefix: str = "") -> set[str]:
        found = set()
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    inner = commands(sub, f"{prefix}{name} ")
                    found |= inner or {f"{prefix}{name}"}
        return found

    wanted = commands(build_parser())
    assert len(wanted) >= 18
    missing = {c for c in wanted
               if c not in documented and c.split()[0] not in documented}
    assert missing == set(), f"commands missing from the README's table: {missing}"


def test_rooms_allocate_with_nothing_waiting_says_so(capsys: pytest.CaptureFixture[str],
                                                     tmp_path: Path) -> None:
    from bsm_desk.services.event.making import NewEvent, create_event

    db = tmp_path / "empty.sqlite"
    create_event(db, NewEvent("Nothing waits", date(2022, 10, 18), date(2022, 10, 19),
                              "Asia/Dushanbe"), desk_id="d").close()
    code, out, err = run(capsys, "rooms", "allocate", "--db", str(db))
    assert code == 0 and out == "" and "No side-event requests are waiting." in err


WINDOW_TOKENS = ["--db", "event.sqlite", "--demo", "--lang", "ru", "en", "xx", "--verbose",
                 "--version", "-h", "--help", "demo", "info", "--de", "--d", "--db=x.sqlite", "--",
                 "checkin", "--json", ""]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WINDOW_TOKENS), max_size=6))
def test_the_window_s_quick_parse_agrees_with_the_full_parser(argv: list[str]) -> None:
    """Opening the window skips building every command's parser; whenever the quick
    parse answers, the full parser would have read the same (and no command)."""
    from bsm_desk.cli.parser import build_parser, window_args

    if "--version" in argv:
        return  # both print the version and exit
    quick = window_args(argv)
    if quick is None:
        return
    full = build_parser().parse_args(argv)
    assert full.command is None
    assert {k: getattr(full, k) for k in vars(quick)} == vars(quick)


def test_the_window_s_quick_parse_leaves_commands_and_help_to_the_full_parser() -> None:
    from bsm_desk.cli.parser import window_args

    for argv in (["demo"], ["--help"], ["-h"], ["--db", "x", "info"], ["--lang", "xx"],
                 ["--db"], ["--d"]):
        assert window_args(argv) is None, argv
    assert window_args([]).command is None
    assert window_args(["--db", "e.sqlite", "--lang", "ru"]).lang == "ru"
