"""The Roster screen's board: each booth's team as it stands, the roster's totals and
breaches beside it, changes by hand (a team set, seats restored for Undo), and the
difference between the roster and a solver's proposal."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP
from bsm_desk.domain.interpreters import TWO_WAY, Meeting, Seat, booth_shortfall, can_staff
from bsm_desk.services.interpreters.needs import Need
from bsm_desk.services.interpreters.problem import Key, Problem, Seating, Text
from bsm_desk.services.interpreters.reasons import breach_text
from bsm_desk.services.interpreters.rostering import (
    Roster,
    Totals,
    breaches,
    problem,
    set_booth,
    totals,
)
from bsm_desk.services.operators import Acting, Permission, requires
from bsm_desk.store import atomic, journal
from bsm_desk.store import interpreters as store

if TYPE_CHECKING:
    from sqlite_utils import Database

SHORT = QT_TRANSLATE_NOOP("Roster", "{count} of {team} interpreters")
COMPOSITION = {False: QT_TRANSLATE_NOOP("Roster", "nobody has the booth's language as A"),
               True: QT_TRANSLATE_NOOP("Roster", "English and Russian are not both covered "
                                                 "as A or B")}
CANNOT_SIT = QT_TRANSLATE_NOOP("Roster", "{name} cannot work in this booth (languages)")

Team = list[tuple[int, bool]]  # (interpreter, locked), in seat order


def teams(db: Database, found: Sequence[Need]) -> dict[Key, Team]:
    """Each booth's team as it stands, in seat order (a meeting's first session's)."""
    by_session: dict[tuple[int, str], Team] = defaultdict(list)
    for seat in store.seats(db):
        by_session[seat.session_id, seat.booth].append((seat.interpreter_id, seat.locked))
    found_teams: dict[Key, Team] = {}
    for need in found:
        team: Team = []
        for session_id in need.meeting.session_ids:
            for person, locked in by_session.get((session_id, need.booth), []):
                if all(person != p for p, _ in team):
                    team.append((person, locked))
        found_teams[need.key] = team
    return found_teams


@dataclass(frozen=True)
class Board:
    """The roster as it stands, with everything wrong with it, for the screen."""

    asked: Problem
    teams: dict[Key, Team]
    # Per booth, what the team lacks (short of people, no A, a direction not covered).
    short: dict[Key, list[Text]]
    # Per interpreter, the rules their seats break, each with the booths involved.
    broken: dict[int, list[tuple[Text, frozenset[Key]]]]
    totals: dict[int, Totals]


def board(db: Database, *, lang: str = "en") -> Board:
    asked = problem(db, lang=lang)
    found = teams(db, asked.needs)
    people = {p.id: p for p in asked.pool}
    short: dict[Key, list[Text]] = {}
    for need in asked.needs:
        members = [people[i] for i, _ in found[need.key] if i in people]
        wrong = []
        if len(members) < need.team:
            wrong.append(Text(SHORT, {"count": len(members), "team": need.team}))
        elif booth_shortfall([m.languages for m in members], need.booth):
            wrong.append(Text(COMPOSITION[need.booth == TWO_WAY]))
        wrong += [Text(CANNOT_SIT, {"name": m.name}) for m in members
                  if not can_staff(m.languages, need.booth)]
        if wrong:
            short[need.key] = wrong
    assigned: dict[int, list[Meeting]] = defaultdict(list)
    keys_of: dict[int, dict[tuple[int, ...], Key]] = defaultdict(dict)
    for need in asked.needs:
        for person, _ in found[need.key]:
            assigned[person].append(need.meeting)
            keys_of[person][need.meeting.session_ids] = need.key
    broken: dict[int, list[tuple[Text, frozenset[Key]]]] = {}
    for person, breaches_ in breaches(asked, assigned).items():
        broken[person] = [(breach_text(f, asked.rules), frozenset(
            key for ids, key in keys_of[person].items() if set(ids) & set(f.session_ids)))
            for f in breaches_]
    seatings = [Seating(need, tuple(i for i, _ in found[need.key])) for need in asked.needs]
    return Board(asked, found, short, broken,
                 totals(asked, Roster("feasible", seatings, [], [], 0.0)))


def snapshot(db: Database) -> list[Seat]:
    return store.seats(db)


@requires(Permission.ROSTER)
def restore(db: Database, seats_: Sequence[Seat], *, who: Acting) -> None:
    """The roster as it was (undo)."""
    seated: dict[tuple[int, str], list[tuple[int, bool]]] = defaultdict(list)
    for seat in seats_:
        seated[seat.session_id, seat.booth].append((seat.interpreter_id, seat.locked))
    with atomic(db):
        store.replace_seats(db, seated)
        journal.record(db, desk_id=who.desk_id, operator=who.name, action="roster.restored",
                       detail={"seats": len(seats_)})


@requires(Permission.ROSTER)
def set_team(db: Database, key: Key, team: Team, *, who: Acting) -> None:
    set_booth(db, key, [p for p, _ in team], locked=[p for p, locked in team if locked], who=who)


@requires(Permission.ROSTER)
def set_teams(db: Database, teams: Mapping[Key, Team], *, who: Acting) -> None:
    """Several booths' teams written as one step (all or none)."""
    with atomic(db):
        for key, team in teams.items():
            set_team(db, key, team, who=who)


@dataclass(frozen=True)
class Change:
    need: Need
    before: tuple[int, ...]
    after: tuple[int, ...]


def diff(before: Mapping[Key, Team], roster: Roster) -> list[Change]:
    """The booths whose team the roster changes."""
    found = []
    for seating in roster.seatings:
        was = tuple(sorted(p for p, _ in before.get(seating.need.key, [])))
        now = tuple(sorted(i for i in seating.interpreters if i > 0))
        if was != now:
            found.append(Change(seating.need, was, now))
    return found
