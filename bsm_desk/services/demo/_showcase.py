"""What the demo shows working from the first minute: the interpreters' pool rostered,
and the opening sessions' lists of speakers filled in protocol order, the first
statement of the first day under way (paused at three minutes, so the clock shows the
same on any day the demo is opened).

Everything here is deterministic: fixed times on the first day of the event, the
roster solved with one worker in CP-SAT's deterministic time. The same seed, the same
file.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from bsm_desk.domain.checkin import Checkpoint
from bsm_desk.domain.model import SessionKind
from bsm_desk.services import badges, checkin, speakers
from bsm_desk.services.interpreters import rostering
from bsm_desk.services.operators import Acting
from bsm_desk.services.programme import load as load_programme

if TYPE_CHECKING:
    from sqlite_utils import Database

SPEAKERS = 8  # heads of delegation inscribed at the opening session
THEMATIC_SPEAKERS = 5  # and at the first thematic session


def showcase(db: Database, *, who: Acting) -> None:
    _roster(db, who)
    _speakers(db, who)
    _seating(db, who)


def _roster(db: Database, who: Acting) -> None:
    found = rostering.solve(rostering.problem(db), time_limit=20.0, deterministic=True)
    if found.status != "infeasible":
        rostering.apply(db, found, who=who)


def _heads(db: Database, count: int, skip: int = 0) -> list[int]:
    """Heads of Member States' delegations, one per delegation: the host's first, then
    in the list's order."""
    rows = db.execute(
        "SELECT MIN(d.id) FROM delegate d JOIN category c ON c.id = d.category_id"
        " JOIN delegation g ON g.id = d.delegation_id WHERE c.code = 'hod'"
        " AND g.type = 'member_state' AND d.status != 'cancelled' AND d.merged_into IS NULL"
        " GROUP BY d.delegation_id ORDER BY g.iso_code IS NOT 'TJ', g.order_key").fetchall()
    return [int(r[0]) for r in rows][skip:skip + count]


def _speakers(db: Database, who: Acting) -> None:
    programme = load_programme(db)
    event = programme.event
    first_day = event.start_date
    zone = event.zone
    sessions = sorted((s for s in programme.sessions if s.local_day(zone) == first_day),
                      key=lambda s: s.starts_at)
    opening = next((s for s in sessions if s.kind is SessionKind.PLENARY), None)
    thematic = next((s for s in sessions if s.kind is SessionKind.THEMATIC), None)
    if opening is None or opening.id is None:
        return
    heads = _heads(db, SPEAKERS + THEMATIC_SPEAKERS)
    morning = datetime.combine(first_day, time(8, 40), zone)
    entrance = Checkpoint.entrance_id(first_day)
    here = {int(r[0]) for r in db.execute(  # the simulated day may have let them in already
        "SELECT delegate_id FROM checkin WHERE checkpoint = ? AND accepted = 1",
        [entrance]).fetchall()}
    arriving = [person for person in heads if person not in here]
    for n, (_, code) in enumerate(badges.codes(db, arriving)):
        checkin.check_in(db, code, entrance, who=who,
                         now=morning + timedelta(minutes=n))
    for n, person in enumerate(heads[:SPEAKERS]):  # the host's in Russian, the others' in English
        speakers.inscribe(db, opening.id, person, who=who,
                          language="ru" if n == 0 else "en",
                          now=morning + timedelta(minutes=30 + n))
    if thematic is not None and thematic.id is not None:
        for n, person in enumerate(heads[SPEAKERS:]):
            speakers.inscribe(db, thematic.id, person, who=who,
                              now=morning + timedelta(minutes=45 + n))
    start = max(opening.starts_at, morning) + timedelta(minutes=5)
    speakers.next_speaker(db, opening.id, who=who, now=start)
    speakers.pause(db, opening.id, who=who, now=start + timedelta(minutes=3))


# The co-organizers at the podium of the opening, the host first (conference-2022.md).
PODIUM = ("Tajikistan", "United Nations Office of Counter-Terrorism (UNOCT)",
          "United Nations Regional Centre for Preventive Diplomacy for Central Asia (UNRCCA)",
          "European Union", "Organization for Security and Co-operation in Europe (OSCE)",
          "Saudi Arabia", "Qatar")


def _seating(db: Database, who: Acting) -> None:
    """The rooms' layouts (each keeps its seats), a delegation that needs an accessible
    place, and the opening session, the heads of delegation and the first side event
    seated by lot."""
    from bsm_desk.domain.seating import Layout, Shape
    from bsm_desk.services import seating

    shapes = {"Plenary Hall": Layout(Shape.CLASSROOM, 20, 40, podium=7,
                                     accessible=frozenset({8, 47})),
              "Conference room, 2nd floor": Layout(Shape.U_SHAPE, 2, 40, podium=3,
                                                   accessible=frozenset({4, 43})),
              "Meeting Room A": Layout(Shape.BOARDROOM, 1, 20, podium=2),
              "Meeting Room B": Layout(Shape.THEATRE, 5, 6, podium=2)}
    rooms = dict(db.execute("SELECT name_en, id FROM room").fetchall())
    for name, layout in shapes.items():
        if name in rooms:
            seating.set_layout(db, rooms[name], layout, who=who)
    ids = dict(db.execute("SELECT name_en, id FROM delegation").fetchall())
    if "Kyrgyzstan" in ids:
        seating.set_need(db, ids["Kyrgyzstan"], True, None, who=who)
    sessions = [r[0] for r in db.execute("SELECT id FROM session ORDER BY starts_at, id")]
    if len(sessions) >= 3:
        seating.make_plan(db, sessions[0], who=who, lang="en", lot=2022,
                          podium=[ids[n] for n in PODIUM if n in ids])
        seating.make_plan(db, sessions[1], who=who, lang="ru", lot=1810,
                          podium=[ids[n] for n in PODIUM[:1] if n in ids])
        seating.make_plan(db, sessions[2], who=who, lang="en", lot=1330)
