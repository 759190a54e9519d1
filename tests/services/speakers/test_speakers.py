"""The list of speakers on the demo: refusals and overrides, the order, running it, and
a desk that restarts mid-statement."""

from __future__ import annotations

import json
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bsm_desk.cli import main
from bsm_desk.domain.checkin import Checkpoint
from bsm_desk.domain.errors import UserError
from bsm_desk.domain.model import SessionKind
from bsm_desk.domain.speakers import EntryKind, EntryStatus
from bsm_desk.services import speakers
from bsm_desk.services.checkin import Desk
from bsm_desk.store import connect
from bsm_desk.store import sessions as session_store
from tests.acting import who_at
from tests.conftest import DESK

T = datetime(2022, 10, 18, 10, 5, tzinfo=UTC)  # 15:05 in Dushanbe, the first thematic


@pytest.fixture
def db(demo_copy: Path):
    database = connect(demo_copy)
    yield database
    database.close()


def thematic(db) -> int:
    return next(s.id for s in session_store.list_sessions(db)
                if s.kind is SessionKind.THEMATIC)


def heads(db, count: int) -> list[int]:
    """Heads of delegation of different Member States."""
    rows = db.execute(
        "SELECT d.id FROM delegate d JOIN category c ON c.id = d.category_id"
        " JOIN delegation g ON g.id = d.delegation_id WHERE c.code = 'hod'"
        " AND g.type = 'member_state' AND d.status != 'cancelled' ORDER BY d.id").fetchall()
    return [r[0] for r in rows[:count]]


def check_in(db, ids: list[int]) -> None:
    desk = Desk.open(db, Checkpoint.entrance_id(T.date()), who=who_at(db, DESK))
    for delegate_id in ids:
        desk.admit(delegate_id, now=T - timedelta(hours=5))


def test_not_checked_in_is_refused_unless_the_chair_overrides(db) -> None:
    session = thematic(db)
    first = heads(db, 1)[0]
    with pytest.raises(speakers.Refused, match="not been checked in"):
        speakers.inscribe(db, session, first, who=who_at(db, DESK), now=T)
    entry = speakers.inscribe(db, session, first, override="arrived through the VIP door",
                              who=who_at(db, DESK), now=T)
    assert entry.override_reason == "arrived through the VIP door"
    assert entry.status is EntryStatus.WAITING and entry.position == 1


def test_order_limits_and_running_the_list(db) -> None:
    session = thematic(db)
    a, b, c = heads(db, 3)
    check_in(db, [a, b, c])
    for minute, person in enumerate((a, b)):
        speakers.inscribe(db, session, person, who=who_at(db, DESK),
                          now=T + timedelta(minutes=minute))
    with pytest.raises(speakers.Refused, match="already has a statement"):
        speakers.inscribe(db, session, a, who=who_at(db, DESK), now=T + timedelta(minutes=3))
    point = speakers.inscribe(db, session, c, kind=EntryKind.POINT_OF_ORDER, who=who_at(db, DESK),
                              now=T + timedelta(minutes=4))
    listed = speakers.speaker_list(db, session, now=T + timedelta(minutes=5))
    assert listed.waiting()[0].id == point.id  # a point of order goes first
    started = speakers.next_speaker(db, session, who=who_at(db, DESK), now=T + timedelta(minutes=5))
    assert started.id == point.id and started.limit_s == 120
    speakers.close(db, session, who=who_at(db, DESK), now=T + timedelta(minutes=6))
    with pytest.raises(speakers.Refused, match="closed at 15:11"):
        speakers.inscribe(db, session, c, who=who_at(db, DESK), now=T + timedelta(minutes=7))
    reply = speakers.inscribe(db, session, a, kind=EntryKind.REPLY, who=who_at(db, DESK),
                              now=T + timedelta(minutes=7))
    second = speakers.inscribe(db, session, a, kind=EntryKind.REPLY, who=who_at(db, DESK),
                               now=T + timedelta(minutes=8))
    with pytest.raises(speakers.Refused, match="two rights of reply"):
        speakers.inscribe(db, session, a, kind=EntryKind.REPLY, who=who_at(db, DESK),
                          now=T + timedelta(minutes=9))
    limits = {e.id: e.limit_s for e in speakers.speaker_list(db, session).entries}
    assert (limits[reply.id], limits[second.id]) == (600, 300)
    waiting = speakers.speaker_list(db, session).waiting()
    assert [e.kind for e in waiting] == [EntryKind.STATEMENT, EntryKind.STATEMENT,
                                         EntryKind.REPLY, EntryKind.REPLY]
    speakers.move(db, session, waiting[1].id, 1, "the minister must leave early",
                  who=who_at(db, DESK))
    assert speakers.speaker_list(db, session).waiting()[0].id == waiting[1].id
    speakers.withdraw(db, session, second.id, who=who_at(db, DESK))
    statuses = {e.id: e.status for e in speakers.speaker_list(db, session).entries}
    assert statuses[second.id] is EntryStatus.WITHDRAWN and statuses[point.id] is \
        EntryStatus.SPEAKING


def test_a_desk_that_restarts_mid_statement_shows_the_time_spoken(demo_copy: Path) -> None:
    with closing(connect(demo_copy)) as db:
        session = thematic(db)
        person = heads(db, 1)[0]
        check_in(db, [person])
        speakers.inscribe(db, session, person, who=who_at(db, DESK), now=T)
        speakers.next_speaker(db, session, who=who_at(db, DESK), now=T + timedelta(seconds=10))
        speakers.pause(db, session, who=who_at(db, DESK), now=T + timedelta(seconds=70))
        speakers.pause(db, session, resume=True, who=who_at(db, DESK),
                       now=T + timedelta(seconds=100))
    # The desk died here; another process opens the file.
    with closing(connect(demo_copy)) as db:
        current = speakers.speaker_list(db, session, now=T + timedelta(seconds=130)).current
        assert current is not None and current.spoken_seconds == 90
        assert current.limit_s == 300  # a thematic session: five minutes


def test_the_speakers_command(demo_copy: Path, capsys) -> None:
    with closing(connect(demo_copy)) as db:
        session = thematic(db)
        a, b = heads(db, 2)
        check_in(db, [a])
    base = ["speakers", "--db", str(demo_copy), "--session", str(session)]
    assert main([*base, "add", str(b)]) == 1  # not checked in: refused, one line
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not been checked in" in err
    assert main([*base, "add", str(a), "--language", "ru", "--json"]) == 0
    added = json.loads(capsys.readouterr().out)
    assert set(added) >= {"id", "position"} and added["position"] == 1
    assert main([*base, "next", "--json"]) == 0
    capsys.readouterr()
    assert main([*base, "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert set(rows[0]) >= {"id", "position", "delegate_id", "name", "delegation", "kind",
                            "protocol_rank", "language", "status", "inscribed_at",
                            "started_at", "ended_at", "spoken_seconds"}
    assert (rows[0]["status"], rows[0]["language"]) == ("speaking", "ru")
    assert main([*base, "end"]) == 0 and main([*base, "close"]) == 0
    assert main([*base, "move", str(added["id"]), "1", "--reason", "x"]) == 2  # spoken
    assert main([*base, "withdraw", "999"]) == 2


def test_the_speakers_record_as_pdf_and_workbook(demo_copy: Path, tmp_path: Path,
                                                 capsys) -> None:
    import openpyxl

    with closing(connect(demo_copy)) as db:
        session = thematic(db)
        a, b = heads(db, 2)
        check_in(db, [a, b])
        for person in (a, b):
            speakers.inscribe(db, session, person, who=who_at(db, DESK), now=T)
        speakers.next_speaker(db, session, who=who_at(db, DESK), now=T)
        speakers.next_speaker(db, session, who=who_at(db, DESK), now=T + timedelta(minutes=4))
    for out, lang in ((tmp_path / "s.pdf", "en"), (tmp_path / "s.xlsx", "ru")):
        assert main(["export", "speakers", "--db", str(demo_copy), "--session", str(session),
                     "--out", str(out), "--lang", lang]) == 0
        assert out.stat().st_size > 1000
    sheet = openpyxl.load_workbook(tmp_path / "s.xlsx").worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][:2] == ["№", "Оратор"]
    assert rows[1][5] == "Выступил(а)" and rows[1][7] == 4.0  # four minutes, then the next
    assert rows[2][5] == "Выступает"
    assert main(["export", "speakers", "--db", str(demo_copy), "--out",
                 str(tmp_path / "all.pdf")]) == 0  # the whole event
    assert main(["export", "speakers", "--db", str(demo_copy), "--out",
                 str(tmp_path / "x.csv")]) == 2


def test_a_statements_text_is_kept_for_the_interpreters(db, tmp_path: Path) -> None:
    session = thematic(db)
    first = heads(db, 1)[0]
    check_in(db, [first])
    entry = speakers.inscribe(db, session, first, who=who_at(db, DESK), now=T)
    statement = tmp_path / "Заявление Таджикистан.txt"
    statement.write_text("Уважаемый председатель, Ҷумҳурии Тоҷикистон …", encoding="utf-8")
    assert speakers.hand_in_text(db, session, entry.id, statement, who=who_at(db, DESK)) == \
        statement.name
    assert speakers.text_of(db, entry.id) == (statement.name, statement.read_bytes())
    assert speakers.entries_with_text(db, session) == {entry.id}
    newer = tmp_path / "statement.pdf"
    newer.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n%%EOF\n")
    speakers.hand_in_text(db, session, entry.id, newer, who=who_at(db, DESK))
    assert speakers.text_of(db, entry.id) == ("statement.pdf", newer.read_bytes())


def test_hostile_statement_files_are_refused_and_nothing_is_kept(db, tmp_path: Path) -> None:
    session = thematic(db)
    first = heads(db, 1)[0]
    check_in(db, [first])
    entry = speakers.inscribe(db, session, first, who=who_at(db, DESK), now=T)
    picture = tmp_path / "photo.pdf"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)  # a picture renamed .pdf
    program = tmp_path / "statement.exe"
    program.write_bytes(b"MZ\x90\x00")
    binary = tmp_path / "statement.txt"
    binary.write_bytes(b"text\x00\x01\x02")
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as out:
        out.truncate(speakers.TEXT_LIMIT_BYTES + 1)  # sparse: no 20 MB written
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    cases = {picture: "PDF, a Word", program: "PDF, a Word", binary: "PDF, a Word",
             empty: "is empty", huge: "20 MB at most", folder: "Cannot read",
             tmp_path / "missing.pdf": "Cannot read"}
    for path, message in cases.items():
        with pytest.raises(UserError, match=message):
            speakers.hand_in_text(db, session, entry.id, path, who=who_at(db, DESK))
    good = tmp_path / "good.txt"
    good.write_text("Mr Chair", encoding="utf-8")
    with pytest.raises(UserError, match="999"):
        speakers.hand_in_text(db, session, 999_999, good, who=who_at(db, DESK))
    assert speakers.entries_with_text(db, session) == set()


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=2048), suffix=st.sampled_from([".txt", ".pdf", ".docx"]))
def test_any_bytes_are_kept_or_refused_with_a_message(db, tmp_path: Path, content: bytes,
                                                      suffix: str) -> None:
    session = thematic(db)
    path = tmp_path / f"any{suffix}"
    path.write_bytes(content)
    entry_id = speakers.speaker_list(db, session).entries[0].id if \
        speakers.speaker_list(db, session).entries else None
    if entry_id is None:
        first = heads(db, 1)[0]
        check_in(db, [first])
        entry_id = speakers.inscribe(db, session, first, who=who_at(db, DESK), now=T).id
    try:
        speakers.hand_in_text(db, session, entry_id, path, who=who_at(db, DESK))
    except UserError:
        return
    assert speakers.text_of(db, entry_id) == (path.name, content)


def test_the_text_command(demo_copy: Path, tmp_path: Path, capsys) -> None:
    with closing(connect(demo_copy)) as db:
        session = thematic(db)
        first = heads(db, 1)[0]
        check_in(db, [first])
        entry = speakers.inscribe(db, session, first, who=who_at(db, DESK), now=T)
    base = ["speakers", "--db", str(demo_copy), "--session", str(session), "text"]
    statement = tmp_path / "statement.txt"
    statement.write_text("Mr Chair", encoding="utf-8")
    assert main([*base, str(entry.id), str(statement)]) == 0
    assert capsys.readouterr().out.strip() == "statement.txt"
    assert main([*base, str(entry.id), str(tmp_path / "x.png")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "x.png" in err


def test_the_chair_sets_a_sessions_limit(db) -> None:
    session = thematic(db)
    first = heads(db, 1)[0]
    check_in(db, [first])
    entry = speakers.inscribe(db, session, first, who=who_at(db, DESK), now=T)
    limit_of = lambda: next(e.limit_s for e in speakers.speaker_list(db, session).entries  # noqa: E731
                            if e.id == entry.id)
    assert limit_of() == 300  # the default at a thematic session
    speakers.set_statement_limit(db, session, 180, who=who_at(db, DESK))
    assert limit_of() == 180
    speakers.set_statement_limit(db, session, 0, who=who_at(db, DESK))
    assert limit_of() == 0  # none: the clock counts up
    speakers.set_statement_limit(db, session, None, who=who_at(db, DESK))
    assert limit_of() == 300
    for wrong in (-1, 24 * 3600):
        with pytest.raises(UserError, match="from 0"):
            speakers.set_statement_limit(db, session, wrong, who=who_at(db, DESK))
    with pytest.raises(UserError, match="no session"):
        speakers.set_statement_limit(db, 999_999, 60, who=who_at(db, DESK))


def test_the_limit_command(demo_copy: Path, capsys) -> None:
    with closing(connect(demo_copy)) as db:
        session = thematic(db)
    base = ["speakers", "--db", str(demo_copy), "--session", str(session), "limit"]
    assert main([*base, "2,5"]) == 0
    with closing(connect(demo_copy)) as db:
        assert speakers.statement_limit(db, next(
            s for s in session_store.list_sessions(db) if s.id == session)) == 150
    for garbage in ("abc", "nan", "inf"):
        with pytest.raises(SystemExit) as exited:
            main([*base, garbage])
        assert exited.value.code == 2 and "not a number of minutes" in capsys.readouterr().err
    for wrong in ("-3", "1e9"):
        assert main([*base, wrong]) == 2, wrong
        assert capsys.readouterr().err.count("\n") == 1
    assert main([*base, "default"]) == 0


def test_a_withdrawal_by_mistake_is_reinstated_and_both_stay_on_record(db) -> None:
    session = thematic(db)
    first = heads(db, 1)[0]
    check_in(db, [first])
    entry = speakers.inscribe(db, session, first, who=who_at(db, DESK), now=T)
    with pytest.raises(UserError, match="not been withdrawn"):
        speakers.reinstate(db, session, entry.id, who=who_at(db, DESK))
    speakers.withdraw(db, session, entry.id, who=who_at(db, DESK))
    speakers.reinstate(db, session, entry.id, who=who_at(db, DESK))
    assert speakers.speaker_list(db, session).waiting()[0].id == entry.id
    assert [r[0] for r in db.execute(
        "SELECT what FROM speaker_event WHERE entry_id = ? ORDER BY id", [entry.id])] == \
        ["withdraw", "reinstate"]


def test_a_desk_killed_mid_statement_loses_nothing(demo_copy: Path) -> None:
    """The process that started the statement is killed (SIGKILL, no clean-up); the next
    one to open the file finds the speaker still speaking, with the time run since."""
    import signal
    import subprocess
    import sys
    import time

    with closing(connect(demo_copy)) as db:
        session = thematic(db)
        person = heads(db, 1)[0]
        check_in(db, [person])
        speakers.inscribe(db, session, person, who=who_at(db, DESK))
    child = subprocess.Popen([sys.executable, "-c", (
        "import sys, time\n"
        "from bsm_desk.services import operators, speakers\n"
        "from bsm_desk.store import connect\n"
        f"db = connect({str(demo_copy)!r})\n"
        f"speakers.next_speaker(db, {session}, who=operators.at_desk(db, desk_id='killed'))\n"
        "print('started', flush=True)\n"
        "time.sleep(600)\n")], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "started"
        started = time.monotonic()
        time.sleep(0.3)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    with closing(connect(demo_copy)) as db:
        current = speakers.speaker_list(db, session).current
        waited = time.monotonic() - started
    assert current is not None and current.delegate_id == person
    assert 0.3 <= current.spoken_seconds <= waited + 5


def test_a_cancelled_registration_is_refused_and_skipped(db) -> None:
    """Cancelled after inscription: struck out on the list (cancelled in the JSON),
    never called by next; a cancelled registration cannot be inscribed at all."""
    from bsm_desk.services import registry

    session = thematic(db)
    a, b, c = heads(db, 3)
    check_in(db, [a, b, c])
    first = speakers.inscribe(db, session, a, who=who_at(db, DESK), now=T)
    gone = speakers.inscribe(db, session, b, who=who_at(db, DESK), now=T + timedelta(minutes=1))
    registry.cancel(db, [b], who=who_at(db, DESK))
    listed = speakers.speaker_list(db, session, now=T + timedelta(minutes=2))
    cancelled = next(e for e in listed.entries if e.id == gone.id)
    assert cancelled.cancelled and cancelled.as_dict()["cancelled"] is True
    assert [e.id for e in listed.waiting()] == [first.id]
    speakers.next_speaker(db, session, who=who_at(db, DESK), now=T + timedelta(minutes=3))
    with pytest.raises(UserError, match="Nobody is waiting"):
        speakers.next_speaker(db, session, who=who_at(db, DESK), now=T + timedelta(minutes=4))
    with pytest.raises(UserError, match="registration is cancelled"):
        speakers.inscribe(db, session, b, override="the chair insists", who=who_at(db, DESK),
                          now=T + timedelta(minutes=5))


def test_a_session_ordered_by_inscription_alone(db) -> None:
    """Issue 28: by default statements go by level of representation, then inscription;
    an expert session orders them by inscription alone (recorded, and back again)."""
    from bsm_desk.domain.model import ProtocolRank

    session = thematic(db)
    a, b = heads(db, 2)
    check_in(db, [a, b])
    db.execute("UPDATE delegate SET protocol_rank = ? WHERE id = ?",
               [ProtocolRank.COUNSELLOR.value, a])
    db.execute("UPDATE delegate SET protocol_rank = ? WHERE id = ?",
               [ProtocolRank.MINISTER.value, b])
    early = speakers.inscribe(db, session, a, who=who_at(db, DESK), now=T)
    late = speakers.inscribe(db, session, b, who=who_at(db, DESK), now=T + timedelta(minutes=1))
    listed = speakers.speaker_list(db, session)
    assert [e.id for e in listed.waiting()] == [late.id, early.id]  # the minister first
    assert listed.order.value == "protocol"
    speakers.set_order(db, session, "inscription", who=who_at(db, DESK))
    listed = speakers.speaker_list(db, session)
    assert [e.id for e in listed.waiting()] == [early.id, late.id]
    assert listed.order.value == "inscription"
    with pytest.raises(UserError, match="not an order of speakers"):
        speakers.set_order(db, session, "alphabetical", who=who_at(db, DESK))
    speakers.set_order(db, session, "protocol", who=who_at(db, DESK))
    assert [e.id for e in speakers.speaker_list(db, session).waiting()] == [late.id,
                                                                            early.id]


def test_senior_officials_speak_where_the_events_protocol_puts_them(db) -> None:
    """Issue 28: heads of organisations and senior UN officials stand between heads of
    national agencies and ambassadors unless the session puts them elsewhere — just after
    heads of government, say, as at an opening where the Secretary-General speaks."""
    from bsm_desk.domain.model import ProtocolRank
    from bsm_desk.domain.speakers import rank_order

    session = thematic(db)
    a, b = heads(db, 2)
    check_in(db, [a, b])
    db.execute("UPDATE delegate SET protocol_rank = ? WHERE id = ?",
               [ProtocolRank.SENIOR_OFFICIAL.value, a])
    db.execute("UPDATE delegate SET protocol_rank = ? WHERE id = ?",
               [ProtocolRank.MINISTER.value, b])
    official = speakers.inscribe(db, session, a, who=who_at(db, DESK), now=T)
    minister = speakers.inscribe(db, session, b, who=who_at(db, DESK), now=T + timedelta(minutes=1))
    assert [e.id for e in speakers.speaker_list(db, session).waiting()] == [minister.id,
                                                                            official.id]
    speakers.set_officials_place(db, session, "head_of_government", who=who_at(db, DESK))
    listed = speakers.speaker_list(db, session)
    assert [e.id for e in listed.waiting()] == [official.id, minister.id]
    assert listed.officials_after is ProtocolRank.HEAD_OF_GOVERNMENT
    with pytest.raises(UserError, match="not a level of representation"):
        speakers.set_officials_place(db, session, "emperor", who=who_at(db, DESK))
    speakers.set_officials_place(db, session, None, who=who_at(db, DESK))
    assert [e.id for e in speakers.speaker_list(db, session).waiting()] == [minister.id,
                                                                            official.id]
    order = rank_order(ProtocolRank.HEAD_OF_GOVERNMENT)
    assert sorted(order.values()) == list(range(len(ProtocolRank)))
    assert order[ProtocolRank.SENIOR_OFFICIAL] == order[ProtocolRank.HEAD_OF_GOVERNMENT] + 1


def test_the_order_command_places_the_officials(demo_copy: Path,
                                                capsys) -> None:  # type: ignore[no-untyped-def]
    code = main(["speakers", "--db", str(demo_copy), "--session", "1", "order", "protocol",
                 "--officials-after", "head_of_state"])
    assert code == 0
    with closing(connect(demo_copy)) as db:
        assert speakers.speaker_list(db, 1).officials_after.value == "head_of_state"  # type: ignore[union-attr]
