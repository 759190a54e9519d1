"""The roster with the event file: the problem read from the programme, the pool and the
seats as they stand; the answer written back (locked seats kept); a booth changed by
hand; an interpreter withdrawn; the recruitment the programme needs; and the totals.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.domain.interpreters import (
    RULE_FIELDS,
    Found,
    Interpreter,
    Meeting,
    Rules,
    Seat,
    check_schedule,
    format_rule,
    with_rule,
    working_periods,
)
from bsm_desk.services.interpreters.needs import Need, needs, relay_languages
from bsm_desk.services.interpreters.problem import Key, Problem, Seating, Text
from bsm_desk.services.interpreters.solver import EXTRA_LANGUAGES, Roster, recruit, solve
from bsm_desk.services.operators import Acting, Permission, requires
from bsm_desk.services.solving import Cancel
from bsm_desk.store import atomic, journal
from bsm_desk.store import event as event_store
from bsm_desk.store import interpreters as store

if TYPE_CHECKING:
    from sqlite_utils import Database

NO_EVENT = QT_TRANSLATE_NOOP("UserError", "This database has no event.")
NO_SUCH = QT_TRANSLATE_NOOP("UserError", "There is no interpreter with the id {id}.")
OUTSIDE = QT_TRANSLATE_NOOP("UserError", "{day} is not a day of the event ({start} to {end}).")
NOT_A_BOOTH = QT_TRANSLATE_NOOP("UserError", "No booth of the programme has these sessions "
                                             "and this booth.")
TOO_MANY = QT_TRANSLATE_NOOP("UserError", "The booth takes {team} interpreters, not {count}.")


def problem(db: Database, *, rules: Rules | None = None, lang: str = "en") -> Problem:
    event = event_store.required(db, NO_EVENT)
    rules = rules or store.rules(db)
    found = needs(db, rules, lang)
    seated, locked = current(db, found)
    return Problem(found, store.all_interpreters(db), event.zone, rules, locked, seated,
                   relay_languages(db, found), lang)


def current(db: Database, found: Sequence[Need]
            ) -> tuple[dict[Key, frozenset[int]], dict[Key, frozenset[int]]]:
    """The seats as they stand, per booth of each meeting (a meeting's team is what is
    written on any of its sessions), and those locked."""
    by_session: dict[tuple[int, str], list[Seat]] = defaultdict(list)
    for seat in store.seats(db):
        by_session[seat.session_id, seat.booth].append(seat)
    seated: dict[Key, frozenset[int]] = {}
    locked: dict[Key, frozenset[int]] = {}
    for need in found:
        rows = [s for i in need.meeting.session_ids for s in by_session.get((i, need.booth), ())]
        if rows:
            seated[need.key] = frozenset(s.interpreter_id for s in rows)
            locked[need.key] = frozenset(s.interpreter_id for s in rows if s.locked)
    return seated, locked


def make_roster(db: Database, *, time_limit: float = 10.0, lang: str = "en",
                cancel: Cancel | None = None,
                on_stage: Callable[[int, int], None] | None = None,
                deterministic: bool = False) -> Roster:
    """``deterministic``: the same roster on every machine (one worker; see
    solving.solve_in_order), for the demo and for tests that name seats."""
    return solve(problem(db, lang=lang), time_limit=time_limit, cancel=cancel,
                 on_stage=on_stage, deterministic=deterministic)


@requires(Permission.ROSTER)
def apply(db: Database, roster: Roster, *, who: Acting) -> int:
    """The roster becomes the event's (locked seats stay locked); the seats written."""
    seated: dict[tuple[int, str], list[tuple[int, bool]]] = {}
    for seating in roster.seatings:
        people = [(i, i in seating.locked) for i in seating.interpreters if i > 0]
        for session_id in seating.need.meeting.session_ids:
            seated[session_id, seating.need.booth] = people
    count = sum(len(s.interpreters) for s in roster.seatings)
    return _write_seats(db, seated, roster.status, count, who=who)


def _write_seats(db: Database, seated: dict[tuple[int, str], list[tuple[int, bool]]], status: str,
                 count: int, *, who: Acting) -> int:
    with atomic(db):
        store.replace_seats(db, seated)
        journal.record(db, desk_id=who.desk_id, operator=who.name, action="roster.applied",
                       detail={"seats": count, "status": status})
    return count


# What a roster depends on: a proposal made from them stays good while none changed.
ROSTER_TABLES = ("session", "room", "day", "interpreter", "interpreter_rule",
                 "roster_assignment", "event")


def fingerprint(db: Database) -> int:
    """Moves whenever anything a roster is made from changes (the audit log's newest
    entry for those tables)."""
    from bsm_desk.store import audit_log

    return audit_log.last_entry_of(db, ROSTER_TABLES)


@requires(Permission.ROSTER)
def apply_proposal(db: Database, proposal: Mapping[str, Any], *, who: Acting) -> int:
    """Apply a roster as ``as_dict`` showed it (the one previewed), seat for seat; refused
    when anything it was made from has changed since (make it again then)."""
    if proposal.get("fingerprint") != fingerprint(db):
        raise UserError(STALE_PROPOSAL)
    seated: dict[tuple[int, str], list[tuple[int, bool]]] = {}
    count = 0
    try:
        for row in proposal["assignments"]:
            count += len(row["interpreters"])
            locked = {int(i) for i in row["locked"]}
            people = [(int(i), int(i) in locked) for i in row["interpreters"] if int(i) > 0]
            for session_id in row["session_ids"]:
                seated[int(session_id), str(row["booth"])] = people
    except (KeyError, TypeError, ValueError) as exc:
        raise UserError(STALE_PROPOSAL) from exc
    known = {p.id for p in store.all_interpreters(db)}
    booths = {(session_id, need.booth) for need in needs(db)
              for session_id in need.meeting.session_ids}
    if not set(seated) <= booths or any(person not in known for people in seated.values()
                                        for person, _ in people):
        raise UserError(STALE_PROPOSAL)  # not a roster of this event as it stands
    return _write_seats(db, seated, str(proposal.get("status", "")), count, who=who)


STALE_PROPOSAL = QT_TRANSLATE_NOOP("UserError", "The programme, the pool or the rules changed "
                                                "since that roster was made: make it again.")


@requires(Permission.ROSTER)
def set_booth(db: Database, key: Key, interpreter_ids: Sequence[int], *,
              locked: Iterable[int] = (), who: Acting) -> None:
    """One booth's team, set by hand (``locked``: those the solver must keep)."""
    need = next((n for n in needs(db) if n.key == key), None)
    if need is None:
        raise UserError(NOT_A_BOOTH)
    if len(set(interpreter_ids)) > need.team:
        raise UserError(TOO_MANY, team=need.team, count=len(set(interpreter_ids)))
    known = {p.id for p in store.all_interpreters(db)}
    for person in interpreter_ids:
        if person not in known:
            raise UserError(NO_SUCH, id=person)
    keep = set(locked)
    with atomic(db):
        for session_id in need.meeting.session_ids:
            db.execute("DELETE FROM roster_assignment WHERE session_id = ? AND booth = ?",
                       [session_id, need.booth])
            for person in dict.fromkeys(interpreter_ids):
                db.execute("INSERT INTO roster_assignment (session_id, booth, interpreter_id,"
                           " locked, at) VALUES (?, ?, ?, ?, datetime('now'))",
                           [session_id, need.booth, person, int(person in keep)])
        journal.record(db, desk_id=who.desk_id, operator=who.name, action="roster.booth",
                       subject=f"{','.join(map(str, key[0]))}:{key[1]}",
                       detail={"interpreters": list(interpreter_ids), "locked": sorted(keep)})


@requires(Permission.ROSTER)
def withdraw(db: Database, interpreter_ids: Sequence[int], *, from_day: date | None = None,
             who: Acting) -> int:
    """The interpreters are unavailable from ``from_day`` (None: the whole event); their
    seats from that day on are given up (locked or not). Returns the seats given up."""
    event = event_store.required(db, NO_EVENT)
    days = [d.date for d in event_store.list_days(db)]
    if from_day is not None and days and not days[0] <= from_day <= days[-1]:
        raise UserError(OUTSIDE, day=from_day.isoformat(), start=days[0].isoformat(),
                        end=days[-1].isoformat())
    start = from_day or (days[0] if days else date.min)
    people = {p.id: p for p in store.all_interpreters(db)}
    for person in interpreter_ids:
        if person not in people:
            raise UserError(NO_SUCH, id=person)
    given_up = 0
    zone = event.zone
    with atomic(db):
        for person in dict.fromkeys(interpreter_ids):
            store.save(db, replace(people[person], withdrawn_from=start))
            for seat_id, starts in db.execute(
                    "SELECT a.id, s.starts_at FROM roster_assignment a JOIN session s ON"
                    " s.id = a.session_id WHERE a.interpreter_id = ?", [person]).fetchall():
                if _local_day(starts, zone) >= start:
                    db.execute("DELETE FROM roster_assignment WHERE id = ?", [seat_id])
                    given_up += 1
        journal.record(db, desk_id=who.desk_id, operator=who.name, action="interpreters.withdrawn",
                       detail={"interpreters": list(interpreter_ids), "from": start.isoformat(),
                               "seats": given_up})
    return given_up


def _local_day(stored: str, zone: Any) -> date:
    return datetime.fromisoformat(stored).astimezone(zone).date()


@dataclass(frozen=True)
class Extra:
    day: date
    booth: str
    extra: int
    cost: float | None  # at the pool's median freelance fee; None: no fee known

    @property
    def languages(self) -> dict[str, str]:
        return {code: c.value for code, c in EXTRA_LANGUAGES[self.booth].items()}

    def as_dict(self) -> dict[str, Any]:
        return {"day": self.day.isoformat(), "booth": self.booth, "extra": self.extra,
                "languages": self.languages, "cost": self.cost}


def recruitment(db: Database, *, time_limit: float = 10.0, lang: str = "en"
                ) -> tuple[list[Extra], Roster]:
    """The fewest interpreters to hire per day and booth, with what they would cost."""
    asked = problem(db, lang=lang)
    answer = recruit(asked, time_limit=time_limit)
    fees = [p.fee for p in asked.pool if not p.staff and p.fee > 0]
    fee = statistics.median(fees) if fees else None
    extras = [Extra(day, booth, count, None if fee is None else round(fee * count, 2))
              for (day, booth), count in sorted(answer.extra.items()) if count]
    return extras, answer


# --- reading a roster ---------------------------------------------------------------------

@dataclass(frozen=True)
class Totals:
    booth_minutes: int
    periods: int
    days: int
    fee: float  # freelance days times the daily fee (0 for staff)


def schedules(roster: Roster) -> dict[int, list[Meeting]]:
    return {person: [s.need.meeting for s in seatings]
            for person, seatings in roster.by_interpreter().items() if person > 0}


def totals(asked: Problem, roster: Roster) -> dict[int, Totals]:
    people = {p.id: p for p in asked.pool}
    found = {}
    for person, assigned in schedules(roster).items():
        by_day: dict[date, list[Meeting]] = defaultdict(list)
        for meeting in assigned:
            by_day[asked.day_of(meeting.starts_at)].append(meeting)
        periods = sum(len(working_periods(ms, asked.rules)) for ms in by_day.values())
        who = people.get(person)
        fee = 0.0 if who is None or who.staff else who.fee * len(by_day)
        found[person] = Totals(round(sum(m.booth_minutes for m in assigned)), periods,
                               len(by_day), fee)
    return found


def breaches(asked: Problem, assigned: Mapping[int, Sequence[Meeting]]
             ) -> dict[int, list[Found]]:
    """Every rule each interpreter's seats break (the domain's referee, not the model)."""
    people: dict[int | None, Interpreter] = {p.id: p for p in asked.pool}
    found = {}
    for person, meetings in assigned.items():
        who = people.get(person)
        days = {asked.day_of(m.starts_at) for m in meetings}
        available = None if who is None else [d for d in days if who.works_on(d)]
        within = None if who is None or who.hours is None else (
            lambda m, who=who: who.free_for(m.starts_at, m.ends_at, asked.zone))
        broken = check_schedule(meetings, day_of=asked.day_of, available=available,
                                within=within, rules=asked.rules)
        if broken:
            found[person] = broken
    return found


def as_dict(asked: Problem, roster: Roster,
            translate: Callable[[str], str] | None = None) -> dict[str, Any]:
    """The JSON of ``bsm-desk interpreters roster``."""
    zone = asked.zone

    def span(meeting: Meeting) -> dict[str, Any]:
        return {"start": meeting.starts_at.astimezone(zone).isoformat(),
                "end": meeting.ends_at.astimezone(zone).isoformat()}

    return {
        "status": roster.status,
        "seconds": round(roster.seconds, 3),
        "assignments": [{"session_ids": list(s.need.meeting.session_ids), "room": s.need.room,
                         "room_id": s.need.meeting.room_id, **span(s.need.meeting),
                         "booth": s.need.booth, "interpreters": list(s.interpreters),
                         "locked": sorted(s.locked), "staffed": s.staffed}
                        for s in roster.seatings],
        "unstaffed": [{"session_ids": list(s.need.meeting.session_ids), "booth": s.need.booth,
                       "needed": s.need.team, "assigned": len(s.interpreters),
                       "reason": s.reason.render(translate) if s.reason else ""}
                      for s in roster.unstaffed],
        "relay_missing": [{"session_ids": list(meeting.session_ids), "language": language,
                           "reason": reason.render(translate)}
                          for meeting, language, reason in roster.relay_missing],
        "breaches": [b.render(translate) for b in roster.breaches],
    }



# --- the event's rules ---------------------------------------------------------------------

RULE_NAMES = {
    "team_table": QT_TRANSLATE_NOOP("Roster", "Team per booth by the meeting's length "
                                              "(up to minutes: interpreters)"),
    "team_longer": QT_TRANSLATE_NOOP("Roster", "Team for a longer meeting"),
    "two_way_extra": QT_TRANSLATE_NOOP("Roster", "More in a two-way booth (over the first "
                                                 "row's length)"),
    "merge_gap_min": QT_TRANSLATE_NOOP("Roster", "A break shorter than this joins sessions "
                                                 "into one meeting"),
    "min_rest_min": QT_TRANSLATE_NOOP("Roster", "Rest between working periods, at least"),
    "max_periods_day": QT_TRANSLATE_NOOP("Roster", "Working periods a day, at most"),
    "max_period_min": QT_TRANSLATE_NOOP("Roster", "Booth time in one working period, at most"),
    "max_day_min": QT_TRANSLATE_NOOP("Roster", "Booth time in a day, at most"),
    "max_periods_week": QT_TRANSLATE_NOOP("Roster", "Working periods a week, at most"),
}


UNITS = {"min:team": QT_TRANSLATE_NOOP("Roster", "minutes: interpreters"),
         "interpreters": QT_TRANSLATE_NOOP("Roster", "interpreters"),
         "min": QT_TRANSLATE_NOOP("Roster", "minutes"),
         "periods": QT_TRANSLATE_NOOP("Roster", "periods")}


def rules_table(db: Database) -> list[dict[str, Any]]:
    """Each rule with its value, unit and default: what ``interpreters rules`` shows."""
    chosen, default = store.rules(db), Rules()
    return [{"rule": name, "value": format_rule(chosen, name), "unit": unit,
             "default": format_rule(default, name), "meaning": RULE_NAMES[name]}
            for name, unit in RULE_FIELDS]


@requires(Permission.ROSTER)
def set_rules(db: Database, values: Mapping[str, str], *, reset: bool = False,
              who: Acting) -> Rules:
    """Set some rules from what a user typed (all checked before any is kept); ``reset``
    starts from the defaults."""
    chosen = Rules() if reset else store.rules(db)
    for name, text in values.items():
        chosen = with_rule(chosen, name, text)
    with atomic(db):
        store.save_rules(db, chosen)
        journal.record(db, desk_id=who.desk_id, operator=who.name, action="interpreters.rules",
                       detail={name: format_rule(chosen, name) for name, _ in RULE_FIELDS})
    return chosen


__all__ = ["UNITS", "Extra", "Problem", "Roster", "Seating", "Text", "Totals", "apply",
           "as_dict", "breaches", "current", "make_roster", "problem", "recruit",
           "recruitment", "rules_table", "schedules", "set_booth", "set_rules", "solve",
           "totals", "withdraw"]
