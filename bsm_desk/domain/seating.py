"""Where delegations sit: a room's seating layout, its places, and the order in which
delegations take them (issue 32).

UN practice (UNON's meeting services, the General Assembly's seating): Member States
sit in the alphabetical order of their names in the meeting's language, starting from
one drawn by lot; the chair's party, the host and the co-organisers at the podium;
observer States, the United Nations system, other organizations and civil society in
their blocks after the Member States; a delegation that needs an accessible place
changes places with its nearest neighbour that has one.

Everything here is pure: the layout gives numbered places with their position in
metres, :func:`seat` gives each delegation its places. The services read and keep them.
"""

from __future__ import annotations

import enum
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from bsm_desk.domain.names import sort_key

SEAT = 0.6  # metres between two chairs in a row
TABLE = 0.8  # metres of table per place at a table
ROW = 0.95  # metres from one row to the next (or from a table to the chairs behind)
PODIUM_GAP = 2.5  # metres between the podium and the first row or the table
LIMIT = 2000  # places in one room, at most


class Shape(enum.StrEnum):
    THEATRE = "theatre"  # rows of chairs facing the podium
    CLASSROOM = "classroom"  # rows of tables facing the podium
    U_SHAPE = "u_shape"  # tables in a U open towards the podium
    HOLLOW_SQUARE = "hollow_square"  # tables on four sides, the podium one side's middle
    BOARDROOM = "boardroom"  # one long table, the podium at its head


# Shapes whose places are around tables, with chairs behind for the rest of a delegation.
AROUND_TABLES = frozenset({Shape.U_SHAPE, Shape.HOLLOW_SQUARE, Shape.BOARDROOM})


@dataclass(frozen=True)
class Layout:
    """A room's seating. ``rows`` × ``per_row`` for rows (theatre, classroom); for the
    shapes around tables ``per_row`` is the places at the table and ``rows`` the chairs
    behind each (0 to 2). ``podium``: places at the podium. ``accessible``: the floor
    places a wheelchair reaches (numbers); ``removed``: places taken out (a pillar, a
    door)."""

    shape: Shape
    rows: int
    per_row: int
    podium: int = 3
    accessible: frozenset[int] = frozenset()
    removed: frozenset[int] = frozenset()

    def problem(self) -> str | None:
        """Why this layout cannot be — "behind", "table", "rows", "podium" or "limit"
        (the services say it in the user's language) — or None."""
        if self.shape in AROUND_TABLES:
            if not 0 <= self.rows <= 2:
                return "behind"
            if not 2 <= self.per_row <= 400:
                return "table"
        elif not (1 <= self.rows <= 80 and 1 <= self.per_row <= 120):
            return "rows"
        if not 0 <= self.podium <= 40:
            return "podium"
        if self.rows * self.per_row + self.per_row + self.podium > LIMIT:
            return "limit"
        return None


@dataclass(frozen=True)
class Place:
    """One place: its number (from 1, the podium first), where it is (metres, the
    podium at the top, y growing towards the back), at the podium or not, at a table
    (a delegation's head sits there) or behind, and which table place it is behind."""

    number: int
    x: float
    y: float
    podium: bool = False
    at_table: bool = True
    behind: int = 0  # the number of the table place this chair is behind (0: none)
    accessible: bool = False
    row: int = 0  # the row (theatre, classroom) or 0 at the table, 1..2 behind


def places(layout: Layout) -> list[Place]:
    """The layout's places, numbered: the podium left to right, then the floor in the
    order delegations take it (front row left to right, then the next; around tables
    from the podium's left round to its right)."""
    out: list[Place] = []
    width = _width(layout)
    for i in range(layout.podium):
        out.append(Place(len(out) + 1, width / 2 + (i - (layout.podium - 1) / 2) * TABLE * 1.4,
                         0.0, podium=True))
    if layout.shape in AROUND_TABLES:
        table = [_around(layout, i) for i in range(layout.per_row)]
        for x, y, _dx, _dy in table:
            out.append(Place(len(out) + 1, x, y))
        firsts = {i: out[layout.podium + i].number for i in range(layout.per_row)}
        for behind in range(1, layout.rows + 1):
            for i, (x, y, dx, dy) in enumerate(table):
                out.append(Place(len(out) + 1, x + dx * ROW * behind, y + dy * ROW * behind,
                                 at_table=False, behind=firsts[i], row=behind))
    else:
        pitch = SEAT if layout.shape is Shape.THEATRE else TABLE
        for row in range(layout.rows):
            for i in range(layout.per_row):
                out.append(Place(len(out) + 1, i * pitch, PODIUM_GAP + row * ROW, row=row + 1))
    kept = [p for p in out if p.number not in layout.removed]
    return [Place(p.number, p.x, p.y, p.podium, p.at_table, p.behind,
                  p.number in layout.accessible and not p.podium, p.row) for p in kept]


def capacity(layout: Layout) -> int:
    """The places on the floor (the podium's apart): the room's seats in this layout."""
    return sum(1 for p in places(layout) if not p.podium)


def _width(layout: Layout) -> float:
    if layout.shape in AROUND_TABLES:
        side = _sides(layout)[1]
        return max(side, 2) * TABLE
    pitch = SEAT if layout.shape is Shape.THEATRE else TABLE
    return max(layout.per_row - 1, 1) * pitch


def _sides(layout: Layout) -> tuple[int, int, int]:
    """Places on the left arm, across (the bottom, or the far end), the right arm."""
    n = layout.per_row
    if layout.shape is Shape.BOARDROOM:  # both long sides, the far end across
        across = 1 if n % 2 else 2
        arm = (n - across) // 2
        return arm, across, n - across - arm
    if layout.shape is Shape.U_SHAPE:  # arms twice as long as the bottom
        across = max(n // 5, 1)
        arm = (n - across) // 2
        return arm, across, n - across - arm
    # a hollow square: the side under the podium is the table's fourth, places on it
    # counted with the arms' first
    across = n // 4
    arm = (n - across) // 2
    return arm, across, n - across - arm


def _around(layout: Layout, i: int) -> tuple[float, float, float, float]:
    """Where table place ``i`` is, and which way is "behind" it (a unit vector)."""
    left, across, _right = _sides(layout)
    width = _width(layout)
    top = PODIUM_GAP
    if i < left:  # down the left arm, the chairs behind to the left
        return 0.0, top + i * TABLE, -1.0, 0.0
    if i < left + across:  # along the bottom, from left to right, behind is below
        j = i - left
        x = (j + 0.5) * width / across if across else width / 2
        return x, top + left * TABLE, 0.0, 1.0
    j = i - left - across  # up the right arm, behind to the right
    return width, top + (left - 1 - j) * TABLE, 1.0, 0.0


# --- the order --------------------------------------------------------------------------

class Block(enum.StrEnum):
    """The blocks of a meeting room, in their order on the floor."""

    PODIUM = "podium"
    MEMBER_STATES = "member_states"
    OBSERVERS = "observers"
    UN_SYSTEM = "un_system"
    ORGANIZATIONS = "organizations"
    CIVIL_SOCIETY = "civil_society"
    OTHERS = "others"


FLOOR = tuple(b for b in Block if b is not Block.PODIUM)
# Places a delegation takes by block, unless the plan says otherwise: a Member State's
# head at the table and one adviser behind; one place for the others.
PLACES = {Block.MEMBER_STATES: 2, Block.OBSERVERS: 2, Block.UN_SYSTEM: 1,
          Block.ORGANIZATIONS: 1, Block.CIVIL_SOCIETY: 1, Block.OTHERS: 1}


@dataclass(frozen=True)
class Seated:
    """A delegation to seat: its id, its names, its block, its places wanted, whether
    it needs an accessible place."""

    id: int
    name_en: str
    name_ru: str
    block: Block
    places: int = 1
    accessible: bool = False

    def name(self, lang: str) -> str:
        return (self.name_ru or self.name_en) if lang == "ru" else (self.name_en or
                                                                    self.name_ru)


def alphabetical(delegations: Iterable[Seated], lang: str) -> list[Seated]:
    """By name in ``lang`` (Cyrillic in the region's alphabets' order), then id."""
    return sorted(delegations, key=lambda d: (sort_key(d.name(lang)), d.id))


def draw(member_states: Sequence[Seated], seed: int, lang: str) -> Seated | None:
    """The delegation the alphabetical order starts from, drawn by lot: the same seed
    over the same delegations in the same language draws the same one, on any machine
    (Python's Mersenne Twister, whose sequence for a seed is part of its contract)."""
    ordered = alphabetical(member_states, lang)
    if not ordered:
        return None
    return ordered[random.Random(seed).randrange(len(ordered))]


def order(delegations: Iterable[Seated], lang: str, first: int | None,
          podium: Sequence[int] = ()) -> list[Seated]:
    """Everyone in the order they take the floor's places: Member States alphabetically
    from the ``first`` (an id; None: from the top), then each other block alphabetically.
    The ``podium`` delegations (ids, in their order at the podium) are left out: they
    sit there."""
    at_podium = set(podium)
    rest = [d for d in delegations if d.id not in at_podium]
    out: list[Seated] = []
    for block in FLOOR:
        these = alphabetical((d for d in rest if d.block is block), lang)
        if block is Block.MEMBER_STATES and first is not None:
            start = next((i for i, d in enumerate(these) if d.id == first), 0)
            these = these[start:] + these[:start]
        out += these
    return out


@dataclass
class Plan:
    """Each place's delegation (place number → delegation id), and who could not be
    seated for want of places."""

    seats: dict[int, int] = field(default_factory=dict)
    unseated: list[int] = field(default_factory=list)
    swaps: list[tuple[int, int]] = field(default_factory=list)  # (needing, moved) ids


def seat(layout_places: Sequence[Place], delegations: Sequence[Seated], lang: str,
         first: int | None, podium: Sequence[int] = (),
         locked: Mapping[int, int] | None = None) -> Plan:
    """Give each delegation its places. ``locked``: place → delegation kept where it is
    (a lock, or a move by hand): those places and delegations are left out of the
    draw's order. A delegation that needs an accessible place and got none changes
    places in the order with its nearest neighbour that got one (and needs none)."""
    locked = dict(locked or {})
    held = set(locked.values())
    plan = Plan(seats=dict(locked))
    by_id = {d.id: d for d in delegations}
    podium_places = [p for p in layout_places if p.podium and p.number not in locked]
    for delegation_id in podium:
        if delegation_id in held or delegation_id not in by_id:
            continue
        if podium_places:
            plan.seats[podium_places.pop(0).number] = delegation_id
        else:
            plan.unseated.append(delegation_id)
    floor = [p for p in layout_places if not p.podium and p.number not in locked]
    queue = [d for d in order(delegations, lang, first, podium) if d.id not in held]
    placed = _fill(floor, queue)
    for needing in [d for d in queue if d.accessible]:
        if any(by_place.accessible for by_place in _places_of(floor, placed, needing.id)):
            continue
        here = queue.index(needing)
        candidates = sorted((abs(i - here), i) for i, d in enumerate(queue)
                            if not d.accessible and any(
                                p.accessible for p in _places_of(floor, placed, d.id)))
        if not candidates:
            continue
        there = candidates[0][1]
        plan.swaps.append((needing.id, queue[there].id))
        queue[here], queue[there] = queue[there], queue[here]
        placed = _fill(floor, queue)
    for number, delegation_id in placed.items():
        plan.seats[number] = delegation_id
    seated = set(plan.seats.values())
    plan.unseated += [d.id for d in queue if d.id not in seated]
    return plan


def _places_of(floor: Sequence[Place], placed: Mapping[int, int], delegation_id: int
               ) -> list[Place]:
    return [p for p in floor if placed.get(p.number) == delegation_id]


def _fill(floor: Sequence[Place], queue: Sequence[Seated]) -> dict[int, int]:
    """Places in order: around tables a delegation's head at the next table place and
    the others in the chairs behind it; in rows, consecutive places. A delegation whose
    head has no place left is not seated; one short of chairs behind sits with fewer."""
    at_table = [p for p in floor if p.at_table]
    behind: dict[int, list[Place]] = {}
    for p in floor:
        if not p.at_table:
            behind.setdefault(p.behind, []).append(p)
    out: dict[int, int] = {}
    rows = not behind and all(p.row for p in floor)
    i = 0
    for d in queue:
        if i >= len(at_table):
            break
        if rows:  # consecutive places, never split over a delegation's want
            take = at_table[i:i + max(d.places, 1)]
            i += len(take)
            for p in take:
                out[p.number] = d.id
            continue
        head = at_table[i]
        i += 1
        out[head.number] = d.id
        for p in sorted(behind.get(head.number, []), key=lambda q: q.row)[:max(d.places, 1) - 1]:
            out[p.number] = d.id
    return out
