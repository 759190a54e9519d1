"""Seating by protocol (issue 32): the layouts' places, the alphabetical order in each
language from a delegation drawn by lot, the blocks in their order, the podium, the
accessibility swaps, the locks kept."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bsm_desk.domain.seating import (
    AROUND_TABLES,
    Block,
    Layout,
    Seated,
    Shape,
    alphabetical,
    capacity,
    draw,
    order,
    places,
    seat,
)

STATES = [Seated(1, "Tajikistan", "Таджикистан", Block.MEMBER_STATES),
          Seated(2, "Kazakhstan", "Казахстан", Block.MEMBER_STATES),
          Seated(3, "Qatar", "Катар", Block.MEMBER_STATES),
          Seated(4, "Uzbekistan", "Узбекистан", Block.MEMBER_STATES),
          Seated(5, "Afghanistan", "Афганистан", Block.MEMBER_STATES),
          Seated(6, "Türkiye", "Турция", Block.MEMBER_STATES)]
OTHERS = [Seated(10, "OSCE", "ОБСЕ", Block.ORGANIZATIONS),
          Seated(11, "UNOCT", "УВКБ ООН", Block.UN_SYSTEM),
          Seated(12, "Holy See", "Святейший Престол", Block.OBSERVERS),
          Seated(13, "Saferworld", "Сейферворлд", Block.CIVIL_SOCIETY)]


def test_alphabetical_in_each_language() -> None:
    assert [d.id for d in alphabetical(STATES, "en")] == [5, 2, 3, 1, 6, 4]
    assert [d.id for d in alphabetical(STATES, "ru")] == [5, 2, 3, 1, 6, 4]
    # Not the same order in both: "Türkiye" after "Tajikistan"; "Турция" before "Узбекистан".
    tajik = [Seated(20, "Kulob", "Кӯлоб", Block.MEMBER_STATES),
             Seated(21, "Kurgan", "Курган", Block.MEMBER_STATES),
             Seated(22, "Khujand", "Хуҷанд", Block.MEMBER_STATES),
             Seated(23, "Hisor", "Ҳисор", Block.MEMBER_STATES),
             Seated(24, "Shymkent", "Шымкент", Block.MEMBER_STATES),
             Seated(25, "Qyzylorda", "Қызылорда", Block.MEMBER_STATES),
             Seated(26, "Oskemen", "Өскемен", Block.MEMBER_STATES)]
    # Қ after К, Ӯ after У, Ҳ after Х, Ҷ after Ч (not after Я, as code points have it),
    # Ө after О.
    assert [d.name("ru") for d in alphabetical(tajik, "ru")] == [
        "Курган", "Кӯлоб", "Қызылорда", "Өскемен", "Хуҷанд", "Ҳисор", "Шымкент"]


def test_the_draw_is_reproducible_and_starts_the_member_states() -> None:
    first = draw(STATES, 2022, "en")
    assert first is not None
    assert draw(list(reversed(STATES)), 2022, "en") == first  # the input's order: no matter
    drawn = {draw(STATES, seed, "en").id for seed in range(200)}  # type: ignore[union-attr]
    assert drawn == {d.id for d in STATES}, "every Member State can be drawn"
    ordered = order([*OTHERS, *STATES], "en", first.id)
    assert ordered[0] == first
    states = [d.id for d in ordered[:len(STATES)]]
    alpha = [d.id for d in alphabetical(STATES, "en")]
    at = alpha.index(first.id)
    assert states == alpha[at:] + alpha[:at]
    assert draw([], 1, "en") is None


def test_the_blocks_in_their_order_and_the_podium_apart() -> None:
    ordered = order([*OTHERS, *STATES], "ru", None, podium=[1, 11])
    assert [d.block for d in ordered] == [Block.MEMBER_STATES] * 5 + [
        Block.OBSERVERS, Block.ORGANIZATIONS, Block.CIVIL_SOCIETY]
    assert 1 not in {d.id for d in ordered} and 11 not in {d.id for d in ordered}


def test_layouts_number_their_places_and_give_a_capacity() -> None:
    theatre = Layout(Shape.THEATRE, rows=10, per_row=20, podium=5)
    assert capacity(theatre) == 200  # the podium's places apart
    numbers = [p.number for p in places(theatre)]
    assert numbers == list(range(1, 206))
    assert [p.podium for p in places(theatre)][:6] == [True] * 5 + [False]
    u = Layout(Shape.U_SHAPE, rows=1, per_row=30, podium=3)
    spots = places(u)
    assert len([p for p in spots if p.at_table and not p.podium]) == 30
    behind = [p for p in spots if not p.at_table]
    assert len(behind) == 30 and all(p.behind for p in behind)
    removed = Layout(Shape.THEATRE, rows=2, per_row=3, podium=0, removed=frozenset({2}))
    assert [p.number for p in places(removed)] == [1, 3, 4, 5, 6]
    assert Layout(Shape.THEATRE, rows=0, per_row=3).problem()
    assert Layout(Shape.U_SHAPE, rows=3, per_row=30).problem()
    assert Layout(Shape.THEATRE, rows=80, per_row=120).problem()  # over the limit


@settings(max_examples=60, deadline=None)
@given(shape=st.sampled_from(list(Shape)), rows=st.integers(0, 12),
       per_row=st.integers(2, 40), podium=st.integers(0, 6))
def test_no_two_places_at_one_spot(shape: Shape, rows: int, per_row: int,
                                   podium: int) -> None:
    if shape in AROUND_TABLES:
        rows = min(rows, 2)
    layout = Layout(shape, rows=max(rows, 1 if shape not in AROUND_TABLES else 0),
                    per_row=per_row, podium=podium)
    spots = places(layout)
    assert len({(round(p.x, 3), round(p.y, 3)) for p in spots}) == len(spots)
    assert len({p.number for p in spots}) == len(spots)


def test_each_delegation_its_places_head_at_the_table() -> None:
    u = places(Layout(Shape.U_SHAPE, rows=1, per_row=10, podium=2))
    states = [Seated(d.id, d.name_en, d.name_ru, d.block, places=2) for d in STATES]
    plan = seat(u, [*states, *OTHERS], "en", first=2, podium=[1])
    by_place = {p.number: p for p in u}
    assert plan.seats[1] == 1  # the host at the podium
    for d in STATES[1:]:  # two places each: one at the table, the chair behind it
        mine = [by_place[n] for n, who in plan.seats.items() if who == d.id]
        assert len(mine) == 2
        head = next(p for p in mine if p.at_table)
        assert next(p for p in mine if not p.at_table).behind == head.number
    assert not plan.unseated
    theatre = places(Layout(Shape.THEATRE, rows=1, per_row=5, podium=0))
    small = seat(theatre, states, "en", first=None)
    assert sorted(small.seats) == [1, 2, 3, 4, 5]
    assert small.unseated  # six delegations of two in five places: some are not seated


def test_an_accessible_place_by_a_swap_with_the_nearest_neighbour() -> None:
    theatre = places(Layout(Shape.THEATRE, rows=2, per_row=4, podium=0,
                            accessible=frozenset({1, 2})))
    needing = [d if d.id != 3 else Seated(3, "Qatar", "Катар", Block.MEMBER_STATES,
                                          places=2, accessible=True)
               for d in STATES[:4]]
    needing = [Seated(d.id, d.name_en, d.name_ru, d.block, places=2,
                      accessible=d.accessible) for d in needing]
    plan = seat(theatre, needing, "en", first=None)
    # Alphabetically: Kazakhstan (1-2), Qatar (3-4), Tajikistan, Uzbekistan. Qatar needs
    # an accessible place: it changes with Kazakhstan, its nearest neighbour with one.
    assert plan.seats[1] == plan.seats[2] == 3
    assert plan.seats[3] == plan.seats[4] == 2
    assert plan.swaps == [(3, 2)]


def test_locked_places_are_kept_when_the_plan_is_redone() -> None:
    theatre = places(Layout(Shape.THEATRE, rows=2, per_row=6, podium=0))
    plan = seat(theatre, STATES, "en", first=None, locked={11: 5, 12: 5})
    assert plan.seats[11] == plan.seats[12] == 5  # Afghanistan stays at the back
    assert [n for n, who in plan.seats.items() if who == 5] == [11, 12]
    assert not plan.unseated


names = st.text(alphabet="абвгғдеёжзиӣйкқлмнңоөпрстуӯүұфхҳһцчҷшщъыьэюяәі ABCXYZ-", min_size=1,
                max_size=30)


@settings(max_examples=80, deadline=None)
@given(shape=st.sampled_from(list(Shape)), per_row=st.integers(2, 30),
       rows=st.integers(0, 5), podium=st.integers(0, 4),
       wanted=st.lists(st.tuples(names, st.sampled_from(list(Block)[1:]),
                                 st.integers(1, 3), st.booleans()), max_size=40),
       accessible=st.sets(st.integers(1, 120), max_size=6),
       lang=st.sampled_from(["en", "ru"]), first=st.integers(0, 60),
       locks=st.dictionaries(st.integers(1, 200), st.integers(0, 39), max_size=5))
def test_any_seating_is_sound(shape: Shape, per_row: int, rows: int, podium: int,
                              wanted: list[tuple[str, Block, int, bool]],
                              accessible: set[int], lang: str, first: int,
                              locks: dict[int, int]) -> None:
    """Whatever the room and the delegations: no place twice, nobody more places than it
    wants, the locked kept, everyone seated or said to be unseated, the podium only for
    the podium's delegations."""
    if shape in AROUND_TABLES:
        rows = min(rows, 2)
    layout = Layout(shape, max(rows, 0 if shape in AROUND_TABLES else 1), per_row, podium,
                    accessible=frozenset(accessible))
    spots = places(layout)
    numbers = {p.number for p in spots}
    people = [Seated(i, n, n, block, count, need)
              for i, (n, block, count, need) in enumerate(wanted)]
    locked = {place: who for place, who in locks.items() if place in numbers and who < len(people)}
    on_podium = [d.id for d in people[:2]]
    plan = seat(spots, people, lang, first if first < len(people) else None, on_podium, locked)
    assert set(plan.seats) <= numbers
    for place, who in locked.items():
        assert plan.seats[place] == who
    held = set(locked.values())
    by_number = {p.number: p for p in spots}
    for d in people:
        mine = [n for n, who in plan.seats.items() if who == d.id]
        if d.id not in held:
            assert len(mine) <= max(d.places, 1)
        assert mine or d.id in plan.unseated, d
        if d.id not in on_podium and d.id not in held:
            assert not any(by_number[n].podium for n in mine)
