"""The booths the demo's programme needs: meetings across short breaks, a booth per
language or one two-way booth, the team by the meeting's length."""

from __future__ import annotations

import json
from contextlib import closing
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from bsm_desk.cli import main
from bsm_desk.domain.interpreters import TWO_WAY, Rules
from bsm_desk.services import interpreters
from bsm_desk.store import connect
from bsm_desk.store import rooms as room_store
from bsm_desk.store import sessions as session_store


def test_the_demos_needs(demo_copy: Path) -> None:
    with closing(connect(demo_copy)) as db:
        found = interpreters.needs(db)
        sessions = {s.id: s for s in session_store.list_sessions(db)}
        rooms = {r.id: r for r in room_store.list_rooms(db)}
    assert found
    covered = {i for n in found for i in n.meeting.session_ids}
    wanted = {i for i, s in sessions.items()
              if s.interpretation and s.room_id is not None and rooms[s.room_id].booths}
    assert covered == wanted  # every interpreted session, and only those
    for need in found:
        assert need.booth in ("en", "ru") and need.team == Rules().team(need.meeting.minutes)
        members = sorted((sessions[i] for i in need.meeting.session_ids),
                         key=lambda s: s.starts_at)
        for before, after in zip(members, members[1:], strict=False):
            assert after.starts_at - before.ends_at < timedelta(minutes=30)
    # Each meeting has both booths, English and Russian.
    by_meeting: dict[tuple[int, ...], set[str]] = {}
    for need in found:
        by_meeting.setdefault(need.meeting.session_ids, set()).add(need.booth)
    assert all(booths == {"en", "ru"} for booths in by_meeting.values())


def test_a_room_with_one_booth_works_both_ways(demo_copy: Path) -> None:
    with closing(connect(demo_copy)) as db:
        plenary = next(r for r in room_store.list_rooms(db) if r.booths)
        room_store.update_room(db, replace(plenary, booths=1))
        db.conn.commit()
        found = [n for n in interpreters.needs(db) if n.meeting.room_id == plenary.id]
    assert found and all(n.booth == TWO_WAY for n in found)
    assert all(n.team == Rules().team(n.meeting.minutes, two_way=True) for n in found)


def test_the_needs_command(demo_copy: Path, capsys) -> None:
    assert main(["interpreters", "needs", "--db", str(demo_copy), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and set(rows[0]) >= {"session_ids", "room", "start", "end", "booth", "team"}
    assert rows[0]["start"].endswith("+05:00")  # Dushanbe
