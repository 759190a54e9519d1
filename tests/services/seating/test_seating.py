"""Seating a session of the demo (issue 32): who sits, the draw recorded and redone the
same, the podium, the blocks, locks and moves kept, a plan reused; the chart, the
workbook and the nameplates, read back; the command line."""

from __future__ import annotations

import json
from contextlib import closing
from pathlib import Path

import openpyxl
import pypdfium2 as pdfium
import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase.pdfmetrics import stringWidth

from bsm_desk.cli import main
from bsm_desk.domain.errors import UserError
from bsm_desk.domain.seating import Block, Layout, Seated, Shape, alphabetical
from bsm_desk.services import seating
from bsm_desk.services.demo import build_demo
from bsm_desk.services.seating.printing import PLATE_MARGIN, fit_plate, plate_names
from bsm_desk.store import connect
from tests.acting import who_at
from tests.conftest import DESK

OPENING, HEADS, SIDE = 1, 2, 3


@pytest.fixture(scope="module")
def shown(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo people open: rooms laid out, three sessions seated."""
    path = tmp_path_factory.mktemp("seating") / "demo.sqlite"
    build_demo(path, desk_id=DESK, showcase=True)
    return path


@pytest.fixture
def demo(shown: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "demo.sqlite"
    copy.write_bytes(shown.read_bytes())
    return copy


def _pages(path: Path) -> list[str]:
    return [page.get_textpage().get_text_range() for page in pdfium.PdfDocument(path)]


def test_the_opening_seated_by_protocol(demo: Path) -> None:
    with closing(connect(demo)) as db:
        kept = seating.plan_of(db, OPENING)
        plan = seating.make_plan(db, OPENING, who=who_at(db, DESK))  # the same draw
        sitting = seating.who_sits(db, plan.session)
    assert plan.seats == kept.seats
    assert plan.seed == 2022 and plan.drawn is not None
    assert not plan.unseated
    seated = plan.seated()
    # The co-organizers at the podium, the host first; nobody else there.
    podium = [plan.seats[p.number][0] for p in plan.places if p.podium]
    assert podium == list(plan.podium) and plan.delegations[podium[0]].name_en == "Tajikistan"
    floor = [d for d in seated if d.id not in plan.podium]
    blocks = [d.block for d in floor]
    assert blocks == sorted(blocks, key=list(Block).index), "the blocks in their order"
    states = [d for d in floor if d.block is Block.MEMBER_STATES]
    alpha = [d for d in alphabetical((d for d in sitting if d.block is Block.MEMBER_STATES
                                      and d.id not in plan.podium), "en")]
    start = alpha.index(plan.drawn)
    expected = [d.id for d in alpha[start:] + alpha[:start]]
    for needing, moved in plan.swaps:  # Kyrgyzstan's accessible place
        i, j = expected.index(needing), expected.index(moved)
        expected[i], expected[j] = expected[j], expected[i]
    assert plan.swaps and [d.id for d in states] == expected
    # Every delegation with someone registered sits, once, in its block's places.
    assert {d.id for d in seated} == {d.id for d in sitting}
    for d in floor:
        assert len(plan.places_of(d.id)) == d.places


def test_the_draw_is_recorded_and_the_plan_redone_the_same(demo: Path) -> None:
    with closing(connect(demo)) as db:
        who = who_at(db, DESK)
        before = seating.plan_of(db, OPENING).seats
        again = seating.make_plan(db, OPENING, who=who)  # no new lot: the recorded one
        assert again.seed == 2022 and again.seats == before
        other = seating.make_plan(db, OPENING, who=who, lot=7)
        assert other.seed == 7 and other.seats != before
        named = seating.make_plan(db, OPENING, who=who, draw_from="Japan")
        assert named.seed is None and named.drawn is not None \
            and named.drawn.name_en == "Japan"
        assert seating.make_plan(db, OPENING, who=who).drawn == named.drawn  # kept
        with pytest.raises(UserError, match="not a Member State"):
            seating.make_plan(db, OPENING, who=who, draw_from="European Union")
        with pytest.raises(UserError):
            seating.make_plan(db, OPENING, who=who, lot=-1)
        with pytest.raises(UserError):
            seating.make_plan(db, 999, who=who)


def test_in_russian_the_order_is_the_russian_alphabet(demo: Path) -> None:
    with closing(connect(demo)) as db:
        plan = seating.make_plan(db, OPENING, who=who_at(db, DESK), lang="ru",
                                 draw_from="Австралия")
    states = [d.name_ru for d in plan.seated()
              if d.block is Block.MEMBER_STATES and d.id not in plan.podium]
    assert states[0] == "Австралия"
    assert states == [d.name_ru for d in alphabetical(
        [Seated(i, "", n, Block.MEMBER_STATES) for i, n in enumerate(states)], "ru")]


def test_a_move_by_hand_is_locked_and_kept_when_redone(demo: Path) -> None:
    with closing(connect(demo)) as db:
        who = who_at(db, DESK)
        plan = seating.plan_of(db, OPENING)
        japan = next(d for d in plan.seated() if d.name_en == "Japan")
        back = [p.number for p in plan.places if not p.podium][-2:]  # the last row's end
        seating.move(db, OPENING, japan.id, back, who=who)
        again = seating.make_plan(db, OPENING, who=who, lot=99)
        assert [p.number for p in again.places_of(japan.id)] == back
        assert all(again.seats[n][1] for n in back), "still locked"
        seating.lock(db, OPENING, japan.id, False, who=who)
        freed = seating.make_plan(db, OPENING, who=who)
        assert [p.number for p in freed.places_of(japan.id)] != back
        with pytest.raises(UserError):
            seating.move(db, OPENING, japan.id, [5000], who=who)


def test_a_moved_delegation_changes_places_with_the_one_there(demo: Path) -> None:
    with closing(connect(demo)) as db:
        plan = seating.plan_of(db, OPENING)
        floor = [d for d in plan.seated() if d.id not in plan.podium]
        first, second = floor[0], floor[1]
        theirs = [p.number for p in plan.places_of(second.id)]
        mine = [p.number for p in plan.places_of(first.id)]
        seating.move(db, OPENING, first.id, theirs, who=who_at(db, DESK))
        after = seating.plan_of(db, OPENING)
    assert [p.number for p in after.places_of(first.id)] == theirs
    assert [p.number for p in after.places_of(second.id)] == mine


def test_an_accessible_place_for_the_delegation_that_needs_one(shown: Path) -> None:
    with closing(connect(shown)) as db:
        plan = seating.plan_of(db, OPENING)
    kyrgyzstan = next(d for d in plan.seated() if d.name_en == "Kyrgyzstan")
    assert kyrgyzstan.accessible
    assert any(p.accessible for p in plan.places_of(kyrgyzstan.id))


def test_the_closed_session_seats_those_its_rules_let_in(shown: Path) -> None:
    with closing(connect(shown)) as db:
        plan = seating.plan_of(db, HEADS)
        allowed = {r[0] for r in db.execute(
            "SELECT DISTINCT d.delegation_id FROM delegate d JOIN session_access a ON"
            " a.category_id = d.category_id AND a.session_id = ? WHERE d.status !="
            " 'cancelled' AND d.merged_into IS NULL", [HEADS]).fetchall()}
    assert allowed, "the closed session admits nobody: nothing was checked"
    assert {d.id for d in plan.seated()} == allowed
    assert plan.lang == "ru"


def test_a_layout_gives_the_room_its_seats(demo: Path) -> None:
    with closing(connect(demo)) as db:
        who = who_at(db, DESK)
        seating.set_layout(db, 4, Layout(Shape.HOLLOW_SQUARE, 1, 16, podium=2), who=who)
        assert db.execute("SELECT capacity FROM room WHERE id = 4").fetchone()[0] == 32
        with pytest.raises(UserError, match="cannot be"):
            seating.set_layout(db, 4, Layout(Shape.U_SHAPE, 5, 16), who=who)
        with pytest.raises(UserError):
            seating.set_layout(db, 99, Layout(Shape.THEATRE, 2, 2), who=who)


def test_a_session_reuses_another_plan(demo: Path) -> None:
    with closing(connect(demo)) as db:
        opening = seating.plan_of(db, OPENING)
        closing_session = db.execute("SELECT id FROM session WHERE title_en LIKE 'Closing%'"
                                     ).fetchone()[0]
        reused = seating.reuse(db, closing_session, OPENING, who=who_at(db, DESK))
    for number, (delegation, _locked) in opening.seats.items():
        if delegation in reused.delegations:
            assert reused.seats[number][0] == delegation


def test_the_nameplates_name_each_delegation_once_per_face(shown: Path,
                                                           tmp_path: Path) -> None:
    with closing(connect(shown)) as db:
        plan = seating.plan_of(db, OPENING)
        for lang in ("en", "ru", "both"):
            out, plates = seating.print_nameplates(db, OPENING, tmp_path / f"{lang}.pdf",
                                                   lang, who=who_at(db, DESK))
            pages = _pages(out)
            assert plates == len(pages) == len(plan.seated())
            for text, delegation in zip(pages, plan.seated(), strict=True):
                flat = " ".join(text.split())
                for name in plate_names(delegation, lang):
                    assert flat.count(" ".join(name.split())) == 2, (lang, name)


def test_the_widest_names_fit_the_plate() -> None:
    width = landscape(A4)[0] - 2 * PLATE_MARGIN
    height = landscape(A4)[1] / 2 - 2 * PLATE_MARGIN
    for names in (["United Kingdom of Great Britain and Northern Ireland"],
                  ["Соединённое Королевство Великобритании и Северной Ирландии"],
                  ["United Kingdom of Great Britain and Northern Ireland",
                   "Соединённое Королевство Великобритании и Северной Ирландии"],
                  ["Chad"], ["Босния и Герцеговина"],
                  ["Ҷумҳурии Тоҷикистон Ғ Қ Ӯ Ҳ Ә Ң Ө Ү Ұ І"]):
        fitted = fit_plate(names, width, height)
        for f in fitted:
            for line in f.lines:
                assert stringWidth(line, f.font, f.size) <= width + 0.01, line
        assert sum(f.height for f in fitted) <= height + 0.01
        assert " ".join(" ".join(f.lines) for f in fitted) == " ".join(names)
        assert min(f.size for f in fitted) >= 28 or len(names) > 1


def test_after_a_change_only_the_changed_plates_print(demo: Path, tmp_path: Path) -> None:
    with closing(connect(demo)) as db:
        who = who_at(db, DESK)
        seating.print_nameplates(db, OPENING, tmp_path / "all.pdf", "en", who=who)
        with pytest.raises(UserError, match="nothing changed"):
            seating.print_nameplates(db, OPENING, tmp_path / "none.pdf", "en",
                                     changed=True, who=who)
        db.execute("UPDATE delegation SET name_en = 'Japan (Government of)' WHERE"
                   " name_en = 'Japan'")
        _, plates = seating.print_nameplates(db, OPENING, tmp_path / "one.pdf", "en",
                                             changed=True, who=who)
    assert plates == 1
    assert "Japan (Government of)" in " ".join(_pages(tmp_path / "one.pdf")[0].split())


def test_the_chart_and_the_workbook(shown: Path, tmp_path: Path) -> None:
    with closing(connect(shown)) as db:
        plan = seating.plan_of(db, OPENING)
    chart = seating.write(plan, tmp_path / "chart.pdf")
    text = " ".join(" ".join(_pages(chart)).split())
    assert "drawn by lot (seed 2022)" in text
    for d in plan.seated()[:20]:
        assert d.name_en[:20] in text
    book = openpyxl.load_workbook(seating.write(plan, tmp_path / "plan.xlsx"))
    rows = list(book.active.iter_rows(min_row=2, values_only=True))
    by_place = {r[0]: r for r in rows if isinstance(r[0], int)}
    for number, (delegation, _locked) in plan.seats.items():
        assert by_place[number][4] == plan.delegations[delegation].name_en
    with pytest.raises(UserError):
        seating.write(plan, tmp_path / "plan.docx")


def test_the_command_line(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
                          ) -> None:
    db = str(demo)
    assert main(["seating", "plan", "--db", db, "--session", "1", "--lot", "5",
                 "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert plan["seed"] == 5 and plan["drawn"]["id"] and plan["seats"]
    assert {"place", "delegation_id", "name", "block", "locked"} <= set(plan["seats"][0])
    assert main(["seating", "plan", "--db", db, "--session", "1", "--draw-from",
                 "Japan", "--lang", "ru"]) == 0
    assert "Japan" not in capsys.readouterr().out  # the note names it in Russian
    assert main(["seating", "export", "--db", db, "--session", "1", "--out",
                 str(tmp_path / "c.pdf")]) == 0
    assert main(["seating", "export", "--db", db, "--session", "1", "--out",
                 str(tmp_path / "c.xlsx")]) == 0
    assert main(["seating", "nameplates", "--db", db, "--session", "1", "--out",
                 str(tmp_path / "n.pdf"), "--lang", "both"]) == 0
    assert (tmp_path / "n.pdf").read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    assert main(["seating", "plan", "--db", db, "--session", "1", "--draw-from", "Mars"]) == 2
    with pytest.raises(SystemExit) as refused:  # one way of choosing the first, not two
        main(["seating", "plan", "--db", db, "--session", "1", "--lot", "5", "--draw-from",
              "Japan"])
    assert refused.value.code == 2
    assert main(["seating", "nameplates", "--db", db, "--session", "4", "--out",
                 str(tmp_path / "x.pdf")]) == 2  # never seated
    capsys.readouterr()
    assert main(["seating", "nameplates", "--db", db, "--session", "999", "--out",
                 str(tmp_path / "x.pdf")]) == 2
    assert "no session #999" in capsys.readouterr().err
    assert main(["seating", "layout", "--db", db, "--room", "4", "--shape", "boardroom",
                 "--rows", "1", "--per-row", "12", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["capacity"] == 24
    assert main(["seating", "move", "--db", db, "--session", "1", "--delegation", "1",
                 "--places", "x,y"]) == 2
    # A podium of 2,000 ids (most of them nobody): those who sit here, 40 at most.
    many = ",".join(str(i) for i in range(1, 2001))
    capsys.readouterr()
    assert main(["seating", "plan", "--db", db, "--session", "1", "--podium", many,
                 "--json"]) == 0
    crowded = json.loads(capsys.readouterr().out)
    assert 0 < len(crowded["podium"]) <= 40
    assert len(crowded["podium"]) == len(set(crowded["podium"]))


def test_a_layout_that_cannot_be_is_not_drawn(demo: Path) -> None:
    """A layout of 80 rows of 400 chairs written straight into the file (the table's own
    checks allow it): the room is seated in rows for its seats instead."""
    with closing(connect(demo)) as db:
        db.execute("UPDATE seating_layout SET shape = 'theatre', rows = 80, per_row = 400"
                   " WHERE room_id = 1")
        room, layout = seating.session_layout(db, OPENING)
        assert layout == seating.default_layout(room)
        assert seating.make_plan(db, OPENING, who=who_at(db, DESK)).places


def test_where_a_speaker_sits(shown: Path) -> None:
    with closing(connect(shown)) as db:
        plan = seating.plan_of(db, OPENING)
        japan = next(d for d in plan.seated() if d.name_en == "Japan")
        delegate = db.execute("SELECT id FROM delegate WHERE delegation_id = ? LIMIT 1",
                              [japan.id]).fetchone()[0]
        assert seating.where_sits(db, OPENING, delegate) == \
            [p.number for p in plan.places_of(japan.id)]
        assert seating.where_sits(db, OPENING, 10**9) == []
        assert seating.where_sits(db, 4, delegate) == []  # a session nobody seated


def test_place_cards_name_the_people_at_each_place(shown: Path, tmp_path: Path) -> None:
    """The closed session: a card per seated place, the head of delegation first, as many
    as the delegation has places; names and functions as the registry has them."""
    with closing(connect(shown)) as db:
        plan = seating.plan_of(db, HEADS)
        cards = seating.place_cards(db, HEADS, "ru")
        heads = {r[0] for r in db.execute(
            "SELECT d.id FROM delegate d JOIN category c ON c.id = d.category_id WHERE"
            " c.code = 'hod' AND d.status != 'cancelled'").fetchall()}
    assert len(cards) <= len(plan.seats)
    for d in plan.seated():
        theirs = [c for c in cards if c.delegation_id == d.id]
        assert 0 < len(theirs) <= len(plan.places_of(d.id))
        assert theirs[0].delegation == d.name("ru")
        if any(c.delegate_id in heads for c in theirs):
            assert theirs[0].delegate_id in heads, "the head's card first"
    out = seating.write_place_cards(cards, tmp_path / "cards.pdf")
    pages = _pages(out)
    assert len(pages) == len(cards)
    for text, card in zip(pages, cards, strict=True):
        flat = " ".join(text.split())
        assert flat.count(" ".join(card.name.split())) == 2, card.name


def test_places_per_block_and_a_reused_plan_from_the_command_line(
        demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(demo)
    assert main(["seating", "plan", "--db", db, "--session", "1", "--places",
                 "member_states=1", "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    states = [s for s in plan["seats"] if s["block"] == "member_states" and not s["podium"]]
    assert len(states) == len({s["delegation_id"] for s in states}), "one place each"
    closing_id = 11
    assert main(["seating", "plan", "--db", db, "--session", str(closing_id), "--reuse", "1",
                 "--json"]) == 0
    reused = json.loads(capsys.readouterr().out)
    assert reused["seed"] == plan["seed"] and reused["drawn"] == plan["drawn"]
    assert main(["seating", "plan", "--db", db, "--session", "1", "--places",
                 "planets=4"]) == 2
    assert main(["seating", "plan", "--db", db, "--session", "1", "--places",
                 "member_states=9"]) == 2
    assert main(["seating", "placecards", "--db", db, "--session", "2", "--out",
                 str(demo.parent / "cards.pdf")]) == 0


def test_a_side_event_seats_those_who_came_through_its_door(tmp_path: Path) -> None:
    """Before the day everyone it admits; once people have come in through its door, their
    delegations (and its panel's)."""
    path = tmp_path / "day.sqlite"
    build_demo(path, desk_id=DESK, attendance=True, showcase=True)
    with closing(connect(path)) as db:
        plan = seating.make_plan(db, SIDE, who=who_at(db, DESK))
        came = seating.in_the_room(db, SIDE)
        everyone = db.execute("SELECT count(DISTINCT delegation_id) FROM delegate WHERE"
                              " status != 'cancelled'").fetchone()[0]
    assert came and len(came) < everyone
    assert set(plan.delegations) == came


def test_around_tables_the_chart_names_each_delegation(shown: Path, tmp_path: Path) -> None:
    """The U-shaped room of the first side event: each seated delegation's name beside
    its place (cut with an ellipsis when long), in the plan's language."""
    with closing(connect(shown)) as db:
        plan = seating.plan_of(db, SIDE)
    chart = seating.write(plan, tmp_path / "u.pdf", lang="ru")
    first_page = " ".join(_pages(chart)[0].split())
    for d in plan.seated():
        assert d.name("ru")[:8] in first_page, d.name("ru")
