"""The commands that do what only the window did: delegates one at a time, duplicates
merged or dismissed, a check-in undone, a door's re-entry rule, the venue's hours,
side-event requests, a booth's team by hand, a speaker's clock paused, desk settings."""

from __future__ import annotations

import json
from contextlib import closing
from pathlib import Path

import pytest

from bsm_desk import config
from bsm_desk.services import badges, speakers
from bsm_desk.store import connect
from tests.cli.test_cli import run


def test_a_delegate_added_edited_moved_and_cancelled(capsys: pytest.CaptureFixture[str],
                                                     demo_copy: Path) -> None:
    code, out, err = run(capsys, "delegates", "add", "--db", str(demo_copy), "--family-name",
                         "Qurbonov", "--given-name", "Jamshed", "--family-name-cyr",
                         "Қурбонов", "--delegation", "Таджикистан", "--category", "delegate",
                         "--gender", "M", "--json")
    assert code == 0, err
    added = json.loads(out)
    assert added["family_name_cyr"] == "Қурбонов" and added["status"] == "registered"
    ident = str(added["id"])
    code, out, _ = run(capsys, "delegates", "edit", "--db", str(demo_copy), ident,
                       "--function-en", "Adviser", "--json")
    assert json.loads(out)["function_en"] == "Adviser"
    assert json.loads(out)["given_name"] == "Jamshed"  # not given: kept
    assert run(capsys, "delegates", "category", "--db", str(demo_copy), ident, "--to",
               "observer")[0] == 0
    assert run(capsys, "delegates", "cancel", "--db", str(demo_copy), ident)[0] == 0
    code, out, _ = run(capsys, "delegates", "show", "--db", str(demo_copy), ident)
    assert json.loads(out)["status"] == "cancelled"
    for bad in (("add", "--family-name", "X", "--delegation", "Atlantis", "--category",
                 "delegate"),
                ("add", "--family-name", "X", "--delegation", "Tajikistan", "--category",
                 "king"),
                ("edit", "999999", "--given-name", "Y"),
                ("photo", ident, str(Path(__file__))),
                ("photo", ident)):
        code, out, err = run(capsys, "delegates", bad[0], "--db", str(demo_copy), *bad[1:])
        assert code == 2 and out == "" and err.startswith("bsm-desk: "), (bad, err)


def test_a_badge_photo_set_and_removed(capsys: pytest.CaptureFixture[str], demo_copy: Path,
                                       tmp_path: Path) -> None:
    from PIL import Image

    photo = tmp_path / "face.jpg"
    Image.new("RGB", (300, 400), (200, 160, 120)).save(photo)
    assert run(capsys, "delegates", "photo", "--db", str(demo_copy), "5", str(photo))[0] == 0
    with closing(connect(demo_copy)) as db:
        assert db.execute("SELECT count(*) FROM delegate_photo WHERE delegate_id = 5"
                          ).fetchone()[0] == 1
    assert run(capsys, "delegates", "photo", "--db", str(demo_copy), "5", "--remove")[0] == 0
    with closing(connect(demo_copy)) as db:
        assert db.execute("SELECT count(*) FROM delegate_photo WHERE delegate_id = 5"
                          ).fetchone()[0] == 0


def test_duplicates_merged_or_dismissed(capsys: pytest.CaptureFixture[str],
                                        demo_copy: Path) -> None:
    code, out, _ = run(capsys, "duplicates", "--db", str(demo_copy), "--json")
    pairs = json.loads(out)
    assert len(pairs) >= 2
    first, second = pairs[0]["ids"], pairs[1]["ids"]
    code, out, err = run(capsys, "duplicates", "--db", str(demo_copy), "--dismiss",
                         str(first[0]), str(first[1]))
    assert code == 0, err
    code, out, err = run(capsys, "duplicates", "--db", str(demo_copy), "--merge",
                         str(second[0]), str(second[1]))
    assert code == 0, err
    code, out, _ = run(capsys, "duplicates", "--db", str(demo_copy), "--json")
    left = [p["ids"] for p in json.loads(out)]
    assert first not in left and second not in left
    with closing(connect(demo_copy)) as db:
        merged = db.execute("SELECT merged_into FROM delegate WHERE id = ?",
                            [second[1]]).fetchone()[0]
    assert merged == second[0]


def test_a_check_in_undone_and_a_door_that_refuses_re_entry(
        capsys: pytest.CaptureFixture[str], demo_copy: Path) -> None:
    with closing(connect(demo_copy)) as db:
        person = badges.select(db)[0]
        code = dict(badges.codes(db, [person]))[person]
    run(capsys, "checkin", "--db", str(demo_copy), "--checkpoint", "session-1", code)
    status, out, err = run(capsys, "checkin", "--db", str(demo_copy), "--checkpoint",
                           "session-1", "--undo-last", "scanned at the wrong door")
    assert status == 0 and f"#{person}" in out
    status, _, err = run(capsys, "checkin", "--db", str(demo_copy), "--checkpoint",
                         "session-1", "--undo-last", "again")
    assert status == 2 and err.startswith("bsm-desk: ")  # nothing left to undo
    status, out, _ = run(capsys, "checkpoints", "--db", str(demo_copy), "--set", "session-1",
                         "--readmit", "no", "--json")
    assert next(p for p in json.loads(out) if p["id"] == "session-1")["readmit"] is False
    run(capsys, "checkin", "--db", str(demo_copy), "--checkpoint", "session-1", code)
    status, out, _ = run(capsys, "checkin", "--db", str(demo_copy), "--checkpoint",
                         "session-1", code)
    assert out.startswith("ALREADY") and status == 1  # refused: no re-entry here
    assert run(capsys, "checkin", "--db", str(demo_copy))[0] == 2  # neither codes nor undo


def test_hours_side_events_and_a_booth_by_hand(capsys: pytest.CaptureFixture[str],
                                               demo_copy: Path) -> None:
    code, out, err = run(capsys, "rooms", "hours", "--db", str(demo_copy), "--day",
                         "2022-10-18", "--opens", "07:30", "--changeover", "20")
    assert code == 0 and "2022-10-18\t07:30-20:00" in out, err
    assert run(capsys, "rooms", "hours", "--db", str(demo_copy), "--day", "2022-10-18",
               "--opens", "25:00")[0] == 2
    code, out, _ = run(capsys, "side-events", "list", "--db", str(demo_copy), "--json")
    requests = json.loads(out)
    assert len(requests) == 8
    code, out, err = run(capsys, "side-events", "remove", "--db", str(demo_copy),
                         str(requests[0]["id"]))
    assert code == 0, err
    code, out, _ = run(capsys, "side-events", "list", "--db", str(demo_copy), "--json")
    assert len(json.loads(out)) == 7
    code, out, err = run(capsys, "interpreters", "seat", "--db", str(demo_copy), "--session",
                         "1", "--booth", "ru", "2", "3", "--lock", "2")
    assert code == 0, err
    with closing(connect(demo_copy)) as db:
        seated = db.execute("SELECT interpreter_id, locked FROM roster_assignment WHERE"
                            " session_id = 1 AND booth = 'ru' ORDER BY 1").fetchall()
    assert [tuple(r) for r in seated] == [(2, 1), (3, 0)]
    assert run(capsys, "interpreters", "seat", "--db", str(demo_copy), "--session", "1",
               "--booth", "xx", "2")[0] == 2


def test_a_speakers_clock_paused_and_resumed(capsys: pytest.CaptureFixture[str],
                                             demo_copy: Path) -> None:
    with closing(connect(demo_copy)) as db:
        person = badges.select(db, delegation="Tajikistan")[0]
        code = dict(badges.codes(db, [person]))[person]
    run(capsys, "checkin", "--db", str(demo_copy), "--checkpoint", "entrance-2022-10-18",
        code)
    for action in (("add", str(person)), ("next",), ("pause",)):
        assert run(capsys, "speakers", "--db", str(demo_copy), "--session", "1",
                   *action)[0] == 0
    with closing(connect(demo_copy)) as db:
        last = db.execute("SELECT what FROM speaker_event ORDER BY id DESC LIMIT 1"
                          ).fetchone()[0]
        assert last == "pause"
    assert run(capsys, "speakers", "--db", str(demo_copy), "--session", "1", "resume")[0] == 0
    with closing(connect(demo_copy)) as db:
        assert speakers.speaker_list(db, 1).current is not None


def test_desk_settings_from_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "settings", "set", "sounds=off", "lock_after_min=12",
                         "desk_name=Door 3", "--json")
    assert code == 0, err
    shown = json.loads(out)
    assert shown["sounds"] is False and shown["lock_after_min"] == 12
    assert config.load().desk_name == "Door 3"
    for bad in ("sounds=loud", "lock_after_min=0", "lock_after_min=²", "desk_id=x",
                "backup_folder=/no/such/folder", "language=fr", "nonsense"):
        code, out, err = run(capsys, "settings", "set", bad)
        assert code == 2 and err.startswith("bsm-desk: "), bad
    assert config.load().lock_after_min == 12  # nothing changed by the refusals
