"""The demo conference is the Dushanbe event of 18-19 October 2022, reproducibly."""

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bsm_desk.domain.errors import UserError
from bsm_desk.services.demo import build_demo
from bsm_desk.services.event import overview
from bsm_desk.store import connect
from tests.conftest import DESK


def _rows(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT family_name, given_name, family_name_cyr, given_name_cyr, gender, email,"
        " delegation_id, category_id, status FROM delegate ORDER BY id").fetchall()
    conn.close()
    return rows


def test_the_reference_event(demo_file: Path) -> None:
    ov = overview(connect(demo_file))
    e = ov.event
    assert "Border Security and Management" in e.title_en
    assert "безопасности и управления границами" in e.title_ru
    assert (e.start_date.isoformat(), e.end_date.isoformat()) == ("2022-10-18", "2022-10-19")
    assert e.time_zone == "Asia/Dushanbe"
    assert "Kokhi Somon" in e.venue_en and "Кохи Сомон" in e.venue_ru
    assert e.languages == ("en", "ru")
    assert len(e.secret) == 32
    assert [d.date.isoformat() for d in ov.days] == ["2022-10-18", "2022-10-19"]
    assert ov.delegates == 700
    assert 55 <= len(ov.delegations) <= 65


def test_the_programme(demo_file: Path) -> None:
    ov = overview(connect(demo_file))
    kinds = [s.kind.value for s in ov.sessions]
    assert kinds.count("thematic") == 4
    assert kinds.count("side_event") == 4
    assert kinds.count("closed") == 1  # the Heads of Delegation Session
    titles = [s.title_en for s in ov.sessions]
    assert titles[0] == "High-Level Opening Session"
    assert titles[-1].startswith("Closing Session")
    side = next(s for s in ov.sessions if s.title_en.startswith("The Role of the National"))
    assert side.starts_at == datetime(2022, 10, 18, 8, 30, tzinfo=UTC)  # 13:30 in Dushanbe
    assert side.ends_at == datetime(2022, 10, 18, 9, 30, tzinfo=UTC)
    room = ov.room(side.room_id)
    assert room is not None and "2nd floor" in room.name_en
    assert side.organizer == "UNOCT/UNCCT Border Security and Management Programme"
    hod = next(s for s in ov.sessions if s.kind.value == "closed")
    codes = {c.id: c.code for c in ov.categories}
    assert "media" not in {codes[i] for i in hod.access}
    assert "hod" in {codes[i] for i in hod.access}


def test_names_in_every_script_the_region_writes(demo_file: Path) -> None:
    rows = _rows(demo_file)
    cyrillic = "".join(r[2] + r[3] for r in rows)
    for letter in "ҳқғҷӯӣ":  # Tajik
        assert letter in cyrillic.lower(), letter
    for letter in "әңөүұі":  # Kazakh (and Kyrgyz ң ө ү)
        assert letter in cyrillic.lower(), letter
    assert any(r[2] == "" for r in rows), "some delegates have no Cyrillic name"
    assert all(r[0] and r[0].isascii() or r[0][0].isalpha() for r in rows)
    assert len({r[5] for r in rows}) == len(rows), "e-mail addresses are unique"


def test_a_realistic_gender_mix(demo_file: Path) -> None:
    genders = [r[4] for r in _rows(demo_file)]
    women = genders.count("F") / len(genders)
    assert 0.25 <= women <= 0.45
    assert genders.count("X") < len(genders) * 0.05


def test_one_head_per_member_state(demo_file: Path) -> None:
    conn = sqlite3.connect(demo_file)
    heads = conn.execute(
        "SELECT g.name_en, count(*) FROM delegate d JOIN delegation g ON g.id = d.delegation_id"
        " JOIN category c ON c.id = d.category_id WHERE c.code = 'hod' AND g.type ="
        " 'member_state' GROUP BY g.id").fetchall()
    states = conn.execute("SELECT count(*) FROM delegation WHERE type = 'member_state'")
    assert len(heads) == states.fetchone()[0]
    assert all(n == 1 for _, n in heads)


def test_same_seed_same_database_other_seed_other_people(tmp_path: Path) -> None:
    a = build_demo(tmp_path / "a.sqlite", delegates=300, seed=7, desk_id=DESK).path
    b = build_demo(tmp_path / "b.sqlite", delegates=300, seed=7, desk_id=DESK).path
    c = build_demo(tmp_path / "c.sqlite", delegates=300, seed=8, desk_id=DESK).path
    assert _rows(a) == _rows(b)
    assert _rows(a) != _rows(c)


def test_an_existing_file_is_kept_unless_forced(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    build_demo(path, delegates=10, desk_id=DESK)
    with pytest.raises(UserError, match="already exists"):
        build_demo(path, delegates=20, desk_id=DESK)
    assert len(_rows(path)) == 10
    build_demo(path, delegates=20, desk_id=DESK, force=True)
    assert len(_rows(path)) == 20


def test_an_interrupted_build_leaves_the_old_file_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    build_demo(path, delegates=10, desk_id=DESK)

    def cancel(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build_demo(path, delegates=12_000, desk_id=DESK, force=True, progress=cancel)
    assert len(_rows(path)) == 10
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.sqlite"]


def test_progress_is_reported_to_the_end(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    build_demo(tmp_path / "d.sqlite", delegates=12_000, desk_id=DESK,
               progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (12_000, 12_000)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_the_build_is_journalled_with_the_desk(demo_file: Path) -> None:
    from bsm_desk.store import journal

    entries = journal.entries(connect(demo_file))
    assert {e.action for e in entries} == {"event.created", "demo.built"}
    assert {e.desk_id for e in entries} == {DESK}


def test_bad_counts_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="between 0 and"):
        build_demo(tmp_path / "x.sqlite", delegates=-1, desk_id=DESK)


def test_the_demo_has_people_registered_twice_for_the_duplicates_dialog(demo_file: Path) -> None:
    from bsm_desk.services.registry.duplicates import (
        SAME_EMAIL,
        SAME_NAME,
        SAME_PASSPORT,
        find_duplicates,
    )

    db = connect(demo_file)
    pairs = find_duplicates(db)
    reasons = {p.reason for p in pairs}
    assert {SAME_NAME, SAME_EMAIL, SAME_PASSPORT} <= reasons
    generated = [p for p in pairs if p.second.latin_generated]
    assert generated and generated[0].second.family_name_cyr == generated[0].first.family_name_cyr
    assert len(pairs) <= 8, "no flood of accidental namesakes"
