"""Setting an event up from the command line, as the window does: a new event, rooms,
sessions with access and interpretation, delegations' types and names, accreditation,
inscribing a speaker by name. Each refusal is one line and exit 2, and nothing changes."""

from __future__ import annotations

import json
from contextlib import closing
from pathlib import Path

import pytest

from bsm_desk.services import badges
from bsm_desk.store import connect
from tests.cli.test_cli import run


def made(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    db = tmp_path / "new.sqlite"
    code, out, err = run(capsys, "event", "new", "--db", str(db), "--title-en",
                         "Regional Workshop", "--title-ru", "Региональный семинар",
                         "--start", "2023-05-10", "--end", "2023-05-11", "--json")
    assert code == 0, err
    facts = json.loads(out)
    assert facts["days"] == ["2023-05-10", "2023-05-11"] and "hod" in facts["categories"]
    return db


def test_an_event_set_up_from_scratch(capsys: pytest.CaptureFixture[str],
                                      tmp_path: Path) -> None:
    db = made(capsys, tmp_path)
    code, out, err = run(capsys, "rooms", "add", "--db", str(db), "--name-en", "Hall A",
                         "--name-ru", "Зал А", "--capacity", "300", "--booths", "2",
                         "--equipment", "projector, microphones", "--json")
    assert code == 0, err
    room = json.loads(out)
    assert room["name_ru"] == "Зал А" and room["equipment"] == ["projector", "microphones"]
    code, out, err = run(capsys, "rooms", "edit", "--db", str(db), str(room["id"]),
                         "--capacity", "250", "--json")
    assert code == 0 and json.loads(out)["capacity"] == 250 and json.loads(out)["booths"] == 2
    code, out, err = run(capsys, "sessions", "add", "--db", str(db), "--kind", "closed",
                         "--title-en", "Heads of Delegation", "--title-ru", "Главы делегаций",
                         "--room", str(room["id"]), "--start", "2023-05-10 09:30",
                         "--end", "11:00", "--access", "hod", "--interpretation", "yes",
                         "--json")
    assert code == 0, err
    session = json.loads(out)
    assert session["start"] == "2023-05-10T09:30:00+05:00"
    assert session["end"] == "2023-05-10T11:00:00+05:00"
    assert session["access"] == ["hod"] and session["room"] == "Hall A"
    code, out, err = run(capsys, "sessions", "edit", "--db", str(db), str(session["id"]),
                         "--interpretation", "no", "--access", "default", "--json")
    changed = json.loads(out)
    assert code == 0 and changed["interpretation"] is False and changed["access"] == []
    assert changed["title_ru"] == "Главы делегаций"  # only what was given changed
    code, out, _ = run(capsys, "sessions", "list", "--db", str(db))
    assert out.splitlines()[0].split("\t") == ["id", "when", "room", "kind", "title"]
    assert "Heads of Delegation" in out
    # A room that holds a session stays; once the session is gone it can go.
    code, _, err = run(capsys, "rooms", "remove", "--db", str(db), str(room["id"]))
    assert code == 2 and "move or remove them first" in err
    assert run(capsys, "sessions", "remove", "--db", str(db), str(session["id"]))[0] == 0
    assert run(capsys, "rooms", "remove", "--db", str(db), str(room["id"]))[0] == 0
    code, out, _ = run(capsys, "rooms", "list", "--db", str(db), "--json")
    assert json.loads(out) == []


@pytest.mark.parametrize("args, words", [
    (("sessions", "add", "--start", "10 May 09:30", "--title-en", "X"), "YYYY-MM-DD HH:MM"),
    (("sessions", "add", "--start", "2023-05-10 09:30", "--end", "08:00",
      "--title-en", "X"), "end"),
    (("sessions", "add", "--start", "2023-05-10 09:30", "--access", "nobody",
      "--title-en", "X"), "no category"),
    (("sessions", "add", "--start", "2023-05-10 09:30", "--room", "7", "--title-en", "X"),
     "no room #7"),
    (("sessions", "add", "--start", "2023-05-10 09:30", "--languages", "english",
      "--title-en", "X"), "two-letter"),
    (("sessions", "edit", "99"), "no session #99"),
    (("sessions", "remove", "99999999999999999999999999"), "not a record number"),
    (("rooms", "add", "--capacity", "-4", "--name-en", "X"), "0 to"),
    (("rooms", "add", "--name-en", "   "), "name"),
    (("rooms", "edit", "5", "--name-en", "X"), "no room #5"),
    (("delegations", "edit", "42"), "no delegation #42"),
])
def test_refusals_are_one_line_and_change_nothing(capsys: pytest.CaptureFixture[str],
                                                  tmp_path: Path, args: tuple[str, ...],
                                                  words: str) -> None:
    db = made(capsys, tmp_path)
    before = db.read_bytes()
    code, out, err = run(capsys, *args[:2], "--db", str(db), *args[2:])
    assert code == 2 and out == ""
    assert words.casefold() in err.casefold() and "Traceback" not in err
    assert len([line for line in err.splitlines() if line.startswith("bsm-desk")]) == 1
    with closing(connect(db)) as conn:
        assert conn.execute("SELECT count(*) FROM session").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM room").fetchone()[0] == 0
    assert before  # the file was there and stays an event


def test_event_new_refuses_an_existing_file_and_bad_facts(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = made(capsys, tmp_path)
    code, _, err = run(capsys, "event", "new", "--db", str(db), "--title-en", "Again",
                       "--start", "2023-05-10")
    assert code == 2 and "exists" in err
    for bad in (("--start", "yesterday"), ("--start", "2023-05-10", "--end", "2023-05-01"),
                ("--start", "2023-05-10", "--zone", "Mars/Olympus")):
        code, _, err = run(capsys, "event", "new", "--db", str(tmp_path / "x.sqlite"),
                           "--title-en", "X", *bad)
        assert code == 2 and err.startswith("bsm-desk") and "Traceback" not in err
        assert not (tmp_path / "x.sqlite").exists()


def test_without_db_a_command_takes_the_last_event(capsys: pytest.CaptureFixture[str],
                                                   tmp_path: Path) -> None:
    code, _, err = run(capsys, "sessions", "list")
    assert code == 2 and "--db PATH" in err  # none yet: it says so
    made(capsys, tmp_path)  # event new remembers the file, as the window does
    code, out, err = run(capsys, "info", "--json")
    assert code == 0 and json.loads(out)["title_en"] == "Regional Workshop"
    code, _, err = run(capsys, "event", "new", "--title-en", "X", "--start", "2023-01-01")
    assert code == 2 and "--db PATH" in err  # a command that makes a file is never guessed


def test_a_delegation_made_a_member_state_with_names_in_both_languages(
        capsys: pytest.CaptureFixture[str], demo_copy: Path) -> None:
    code, out, _ = run(capsys, "delegations", "list", "--db", str(demo_copy), "--json")
    listed = json.loads(out)
    tajikistan = next(d for d in listed if d["name_en"] == "Tajikistan")
    code, out, err = run(capsys, "delegations", "edit", "--db", str(demo_copy),
                         str(tajikistan["id"]), "--type", "other", "--name-ru",
                         "Республика\x1b[2J Таджикистан", "--json")
    assert code == 0, err
    saved = json.loads(out)
    assert saved["type"] == "other" and saved["name_ru"] == "Республика[2J Таджикистан"
    assert saved["name_en"] == "Tajikistan"  # not given: kept
    code, _, err = run(capsys, "delegations", "edit", "--db", str(demo_copy),
                       str(tajikistan["id"]), "--iso", "T1")
    assert code == 2 and "country code" in err


def test_accredit_named_people_or_everyone_registered(capsys: pytest.CaptureFixture[str],
                                                      demo_copy: Path) -> None:
    with closing(connect(demo_copy)) as db:
        waiting = [r[0] for r in db.execute(
            "SELECT id FROM delegate WHERE status = 'registered' ORDER BY id").fetchall()]
    assert len(waiting) > 3
    code, out, err = run(capsys, "accredit", "--db", str(demo_copy), str(waiting[0]),
                         str(waiting[1]), "--day", "2022-10-17", "--json")
    assert code == 0, err
    assert json.loads(out)["accredited"] == sorted(waiting[:2])
    code, _, err = run(capsys, "accredit", "--db", str(demo_copy), "999999")
    assert code == 2 and "no delegate #999999" in err
    code, out, err = run(capsys, "accredit", "--db", str(demo_copy), "--all-registered",
                         "--json")
    assert code == 0 and len(json.loads(out)["accredited"]) == len(waiting) - 2
    with closing(connect(demo_copy)) as db:
        assert db.execute("SELECT count(*) FROM delegate WHERE status = 'registered'"
                          ).fetchone()[0] == 0
    code, _, err = run(capsys, "accredit", "--db", str(demo_copy))
    assert code == 2 and "--all-registered" in err


def test_speakers_add_by_name_and_a_list_that_says_its_columns(
        capsys: pytest.CaptureFixture[str], demo_copy: Path) -> None:
    with closing(connect(demo_copy)) as db:
        rows = db.execute("SELECT id, family_name, given_name FROM delegate WHERE status !="
                          " 'cancelled' ORDER BY id").fetchall()
        families: dict[str, list[int]] = {}
        for delegate_id, family, _ in rows:
            families.setdefault(family.casefold(), []).append(delegate_id)
        shared = next(f for f, ids in families.items() if len(ids) > 1)
        alone_id, alone_family, alone_given = next(
            r for r in rows if len(families[r[1].casefold()]) == 1)
        codes = dict(badges.codes(db, [alone_id, *families[shared]]))
    run(capsys, "checkin", "--db", str(demo_copy), "--checkpoint", "entrance-2022-10-18",
        *codes.values())
    code, out, err = run(capsys, "speakers", "--db", str(demo_copy), "--session", "1", "add",
                         f"{alone_family} {alone_given}", "--json")
    assert code == 0, err
    assert json.loads(out)["delegate_id"] == alone_id
    code, out, err = run(capsys, "speakers", "--db", str(demo_copy), "--session", "1", "add",
                         shared)
    assert code == 2 and "give the id" in err
    assert all(str(i) in err for i in families[shared])  # the candidates are listed
    code, out, _ = run(capsys, "speakers", "--db", str(demo_copy), "--session", "1", "list")
    header, first = out.splitlines()[:2]
    assert header.split("\t") == ["id", "position", "status", "kind", "name", "delegation",
                                  "language"]
    assert first.split("\t")[1] == "1"


def test_checkin_says_one_word_for_one_meaning_in_venue_time(
        capsys: pytest.CaptureFixture[str], demo_copy: Path) -> None:
    """A welcome re-entry is WELCOME_BACK in the text (as the window's "Welcome back"),
    the JSON keeps its verdict and says the same outcome; times carry the venue's offset;
    a checkpoint of another day than today at the venue is noted, and still recorded."""
    with closing(connect(demo_copy)) as db:
        person = badges.select(db)[0]
        code = dict(badges.codes(db, [person]))[person]
    code_, out, err = run(capsys, "checkin", "--db", str(demo_copy), "--checkpoint",
                          "entrance-2022-10-18", code, code)
    first, second = (line.split("\t") for line in out.splitlines())
    assert first[0] == "OK" and second[0] == "WELCOME_BACK"
    assert first[4].endswith("+05:00")  # Dushanbe
    assert "checkpoint of 2022-10-18; today at the venue is" in err
    code_, out, _ = run(capsys, "checkin", "--db", str(demo_copy), "--checkpoint",
                        "entrance-2022-10-18", "--json", code)
    verdict = json.loads(out)
    assert verdict["verdict"] == "ALREADY" and verdict["outcome"] == "WELCOME_BACK"
    assert verdict["accepted"] is True and verdict["at"].endswith("+05:00")


def test_a_checkpoint_of_today_says_nothing_more(capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path) -> None:
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    today = datetime.now(UTC).astimezone(ZoneInfo("Asia/Dushanbe")).date()
    db = tmp_path / "today.sqlite"
    run(capsys, "event", "new", "--db", str(db), "--title-en", "Today",
        "--start", today.isoformat())
    code, out, err = run(capsys, "checkin", "--db", str(db), "B1-NOT-A-BADGE")
    assert out.startswith("FORGED") and "today at the venue" not in err


def test_the_roster_previewed_is_the_roster_applied(capsys: pytest.CaptureFixture[str],
                                                    demo_copy: Path, bsm_home: Path) -> None:
    code, out, err = run(capsys, "interpreters", "roster", "--db", str(demo_copy),
                         "--time-limit", "3", "--json")
    assert code == 0, err
    previewed = json.loads(out)
    code, out, err = run(capsys, "interpreters", "roster", "--db", str(demo_copy), "--apply",
                         "--json")
    applied = json.loads(out)
    assert code == 0 and "previewed before was applied" in err
    assert applied["assignments"] == previewed["assignments"] and applied["applied"]
    with closing(connect(demo_copy)) as db:
        seats = {(r[0], r[1], r[2]) for r in db.execute(
            "SELECT session_id, booth, interpreter_id FROM roster_assignment").fetchall()}
    wanted = {(s, row["booth"], i) for row in previewed["assignments"]
              for s in row["session_ids"] for i in row["interpreters"]}
    assert seats == wanted
    # Nothing kept after an apply: the next --apply solves afresh.
    code, _, err = run(capsys, "interpreters", "roster", "--db", str(demo_copy), "--apply",
                       "--time-limit", "3")
    assert code == 0 and "previewed before" not in err


def test_a_preview_made_before_a_change_is_not_applied(capsys: pytest.CaptureFixture[str],
                                                       demo_copy: Path, bsm_home: Path) -> None:
    run(capsys, "interpreters", "roster", "--db", str(demo_copy), "--time-limit", "3")
    code, _, err = run(capsys, "interpreters", "withdraw", "--db", str(demo_copy), "1")
    assert code == 0, err
    code, _, err = run(capsys, "interpreters", "roster", "--db", str(demo_copy), "--apply",
                       "--time-limit", "3")
    assert code == 0 and "previewed before" not in err  # solved again, with the change
    with closing(connect(demo_copy)) as db:
        assert db.execute("SELECT count(*) FROM roster_assignment WHERE interpreter_id = 1"
                          ).fetchone()[0] == 0


def test_a_damaged_kept_preview_is_ignored(capsys: pytest.CaptureFixture[str],
                                           demo_copy: Path, bsm_home: Path) -> None:
    run(capsys, "interpreters", "roster", "--db", str(demo_copy), "--time-limit", "3")
    kept = next((bsm_home / "cache" / "roster-previews").glob("*.json"))
    for junk in ("{not json", '{"assignments": "nope"}', "[]", "\x00" * 10):
        kept.write_text(junk, encoding="utf-8")
        code, _, err = run(capsys, "interpreters", "roster", "--db", str(demo_copy),
                           "--apply", "--time-limit", "2")
        assert code == 0 and "Traceback" not in err and "previewed before" not in err


def test_a_kept_preview_naming_strangers_is_refused(capsys: pytest.CaptureFixture[str],
                                                    demo_copy: Path, bsm_home: Path) -> None:
    run(capsys, "interpreters", "roster", "--db", str(demo_copy), "--time-limit", "3")
    kept = next((bsm_home / "cache" / "roster-previews").glob("*.json"))
    proposal = json.loads(kept.read_text(encoding="utf-8"))
    proposal["assignments"][0]["interpreters"] = [987654]
    kept.write_text(json.dumps(proposal), encoding="utf-8")
    code, _, err = run(capsys, "interpreters", "roster", "--db", str(demo_copy), "--apply")
    assert code == 2 and "make it again" in err
    with closing(connect(demo_copy)) as db:
        assert db.execute("SELECT count(*) FROM roster_assignment WHERE interpreter_id ="
                          " 987654").fetchone()[0] == 0


def test_speakers_times_are_the_venues(capsys: pytest.CaptureFixture[str],
                                       tmp_path: Path) -> None:
    from bsm_desk.services.demo import build_demo

    path = tmp_path / "shown.sqlite"
    build_demo(path, desk_id="d", showcase=True)
    code, out, _ = run(capsys, "speakers", "--db", str(path), "--session", "1", "list",
                       "--json")
    first = json.loads(out)[0]
    assert first["inscribed_at"].endswith("+05:00") and first["started_at"].endswith("+05:00")
