"""The demo people open shows the roster and the speakers' lists working, the same on
every machine: the pool rostered, the opening sessions' lists filled in protocol order,
the first statement under way (paused at three minutes)."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import pytest

from bsm_desk.domain.model import ProtocolRank
from bsm_desk.services import speakers
from bsm_desk.services.demo import build_demo
from bsm_desk.services.interpreters import board as roster_board
from bsm_desk.store import connect
from tests.conftest import DESK


@pytest.fixture(scope="module")
def shown(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("showcase")
    first, second = folder / "a.sqlite", folder / "b.sqlite"
    build_demo(first, desk_id=DESK, showcase=True)
    build_demo(second, desk_id=DESK, showcase=True)
    return first, second


def _state(path: Path) -> tuple[list[tuple[object, ...]], ...]:
    with closing(connect(path)) as db:
        return tuple(db.execute(sql).fetchall() for sql in (
            "SELECT session_id, booth, interpreter_id, locked FROM roster_assignment"
            " ORDER BY 1, 2, 3",
            "SELECT session_id, delegate_id, kind, language, inscribed_at FROM speaker_entry"
            " ORDER BY id",
            "SELECT session_id, entry_id, what, at FROM speaker_event ORDER BY id",
            "SELECT checkpoint, delegate_id, verdict FROM checkin ORDER BY at, delegate_id"))


def test_the_same_demo_on_every_build(shown: tuple[Path, Path]) -> None:
    first, second = shown
    assert _state(first) == _state(second)


def test_every_booth_is_staffed_and_no_rule_broken(shown: tuple[Path, Path]) -> None:
    with closing(connect(shown[0])) as db:
        board = roster_board.board(db)
    assert board.teams and all(team for team in board.teams.values())
    assert not any(board.short.values()) and not any(board.broken.values())


def test_the_opening_list_is_in_protocol_order_and_a_statement_is_under_way(
        shown: tuple[Path, Path]) -> None:
    with closing(connect(shown[0])) as db:
        opening = db.execute("SELECT id FROM session WHERE kind = 'plenary'"
                             " ORDER BY starts_at LIMIT 1").fetchone()[0]
        listed = speakers.speaker_list(db, opening)
        thematic = db.execute("SELECT id FROM session WHERE kind = 'thematic'"
                              " ORDER BY starts_at LIMIT 1").fetchone()[0]
        later = speakers.speaker_list(db, thematic)
        host = db.execute("SELECT name_en FROM delegation WHERE iso_code = 'TJ'").fetchone()[0]
    assert len(listed.entries) == 8 and len(later.waiting()) == 5
    assert host in {e.delegation for e in listed.entries}
    current = listed.current
    assert current is not None and current.position == 1
    assert current.spoken_seconds == 180  # paused at three minutes: the same any day
    waiting = listed.waiting()
    ranks = [e.protocol_rank for e in waiting]
    order = [r.value for r in ProtocolRank]  # the order of precedence
    assert [order.index(r) for r in ranks] == sorted(order.index(r) for r in ranks)


def test_the_plain_demo_stays_bare(demo_file: Path) -> None:
    with closing(connect(demo_file)) as db:
        assert db.execute("SELECT count(*) FROM roster_assignment").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM speaker_entry").fetchone()[0] == 0
