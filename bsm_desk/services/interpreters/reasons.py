"""The roster's words: why a booth is not staffed, which rule a seat breaks, and the
parts they are made of (booths, languages, hours), as texts to translate ("Roster"
context) with what goes into them. Read from the answer, with the domain's rules."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from zoneinfo import ZoneInfo

from babel.dates import format_date

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP
from bsm_desk.domain.interpreters import (
    TWO_WAY,
    Breach,
    Found,
    Interpreter,
    Meeting,
    Rules,
    booth_shortfall,
    can_staff,
    check_schedule,
)
from bsm_desk.services.interpreters.problem import Problem, Reason, Seating, Text

HOURS = QT_TRANSLATE_NOOP("Roster", "{h} h")
HOURS_MINUTES = QT_TRANSLATE_NOOP("Roster", "{h} h {m}")
BOOTH_NAMES = {
    "en": QT_TRANSLATE_NOOP("Roster", "English booth"),
    "ru": QT_TRANSLATE_NOOP("Roster", "Russian booth"),
    "fr": QT_TRANSLATE_NOOP("Roster", "French booth"),
    "es": QT_TRANSLATE_NOOP("Roster", "Spanish booth"),
    "zh": QT_TRANSLATE_NOOP("Roster", "Chinese booth"),
    "ar": QT_TRANSLATE_NOOP("Roster", "Arabic booth"),
    TWO_WAY: QT_TRANSLATE_NOOP("Roster", "two-way booth (English–Russian)"),
}
LANGUAGE_NAMES = {
    "en": QT_TRANSLATE_NOOP("Roster", "English"),
    "ru": QT_TRANSLATE_NOOP("Roster", "Russian"),
    "fr": QT_TRANSLATE_NOOP("Roster", "French"),
    "es": QT_TRANSLATE_NOOP("Roster", "Spanish"),
    "zh": QT_TRANSLATE_NOOP("Roster", "Chinese"),
    "ar": QT_TRANSLATE_NOOP("Roster", "Arabic"),
}


def booth_name(booth: str) -> str:
    """The booth's name to translate (the six UN languages'; another booth by its
    language's code, as the roster was given it)."""
    return BOOTH_NAMES.get(booth, booth)


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)
HEAD = QT_TRANSLATE_NOOP("Roster", "{session}, {booth}, {when}: interpreters needed: "
                                   "{needed}, assigned: {assigned}")
QUALIFIED = QT_TRANSLATE_NOOP("Roster", "only {count} in the pool can work in it ({who})")
WHO_BOOTH = QT_TRANSLATE_NOOP("Roster", "{target} as A or B, {source} at least as C")
WHO_TWO_WAY = QT_TRANSLATE_NOOP("Roster", "English or Russian as A or B, the other at "
                                          "least as C")
AVAILABLE = QT_TRANSLATE_NOOP("Roster", "only {count} of them are available at that time")
OF_THE_OTHERS = QT_TRANSLATE_NOOP("Roster", "of the {count} others who can work in it "
                                            "and are available that day, {details}")
TOO_LONG = QT_TRANSLATE_NOOP("Roster", "the meeting has {minutes} minutes of booth time, "
                                       "more than one working period allows ({limit})")
NOBODY_A = QT_TRANSLATE_NOOP("Roster", "nobody who could sit in it has {language} as A")
NOT_BOTH = QT_TRANSLATE_NOOP("Roster", "English and Russian are not both covered as A "
                                       "or B")
NOT_FOUND = QT_TRANSLATE_NOOP("Roster", "{count} could still sit in it but were not found "
                                        "in the time limit: solve again with more time")
LOCKED_FULL = QT_TRANSLATE_NOOP("Roster", "the seats locked by hand leave no room")
BUSY = {
    Breach.OVERLAP: QT_TRANSLATE_NOOP("Roster", "{count} in another booth at the time"),
    Breach.PERIOD_LONG: QT_TRANSLATE_NOOP("Roster", "{count} would pass {limit} of booth "
                                                    "time in one working period"),
    Breach.DAY_LONG: QT_TRANSLATE_NOOP("Roster", "{count} would pass {limit} of booth time "
                                                 "that day"),
    Breach.PERIODS: QT_TRANSLATE_NOOP("Roster", "{count} would work more than {limit} "
                                                "periods that day"),
    Breach.WEEK: QT_TRANSLATE_NOOP("Roster", "{count} would work more than {limit} periods "
                                             "that week"),
}
BREACHES = {
    Breach.OVERLAP: QT_TRANSLATE_NOOP("Roster", "in two booths at once"),
    Breach.PERIODS: QT_TRANSLATE_NOOP("Roster", "more than {periods} working periods in a "
                                                "day"),
    Breach.PERIOD_LONG: QT_TRANSLATE_NOOP("Roster", "more than {period} of booth time in one "
                                                    "working period"),
    Breach.DAY_LONG: QT_TRANSLATE_NOOP("Roster", "more than {day} of booth time in a day"),
    Breach.WEEK: QT_TRANSLATE_NOOP("Roster", "more than {week} working periods in a week"),
    Breach.UNAVAILABLE: QT_TRANSLATE_NOOP("Roster", "not available then"),
}
RELAY = QT_TRANSLATE_NOOP("Roster", "{session}, {when}: nobody in the booths understands "
                                    "{language} for relay")
LOCK_BREACH = QT_TRANSLATE_NOOP("Roster", "{name}: the seats locked by hand break a rule "
                                          "({detail})")
NO_ROSTER = QT_TRANSLATE_NOOP("Roster", "no roster can keep the seats locked by hand")
LOCK_UNFIT = QT_TRANSLATE_NOOP("Roster", "{name} is locked into the {booth} of {session} "
                                         "but cannot sit in it (languages or availability)")



def when(meeting: Meeting, zone: ZoneInfo, lang: str) -> str:
    """"19 Oct 10:00–13:15" (or "19 окт. 10:00–13:15")."""
    start, end = meeting.starts_at.astimezone(zone), meeting.ends_at.astimezone(zone)
    return f"{format_date(start.date(), 'd MMM', locale=lang)} " \
           f"{start:%H:%M}–{end:%H:%M}"


def hours(minutes: int) -> Text:
    """210 → "3 h 30", 420 → "7 h" (the reasons' way of writing a limit)."""
    h, m = divmod(minutes, 60)
    return Text(HOURS_MINUTES, {"h": h, "m": f"{m:02d}"}) if m else Text(HOURS, {"h": h})


def whole_minutes(meeting: Meeting) -> int:
    return math.ceil(meeting.booth_minutes - 1e-9)


def explain(problem: Problem, people: Sequence[Interpreter], seating: Seating,
            assigned: Mapping[int, Sequence[Meeting]]) -> Reason:
    """Why this booth lacks interpreters, in plain words (``people`` indexes)."""
    need, rules, lang = seating.need, problem.rules, problem.lang
    meeting = need.meeting
    head = Text(HEAD, {"session": need.title, "booth": Text(booth_name(need.booth)),
                       "when": when(meeting, problem.zone, lang), "needed": need.team,
                       "assigned": len(seating.interpreters)})
    if whole_minutes(meeting) > min(rules.max_period_min, rules.max_day_min):
        return Reason((head, Text(TOO_LONG, {"minutes": whole_minutes(meeting),
                                             "limit": hours(rules.max_period_min)})))
    qualified = [i for i, p in enumerate(people) if can_staff(p.languages, need.booth)]
    if need.booth == TWO_WAY:
        who = Text(WHO_TWO_WAY)
    else:
        other = "ru" if need.booth == "en" else "en"
        who = Text(WHO_BOOTH, {"target": Text(language_name(need.booth)),
                               "source": Text(language_name(other))})
    if len(qualified) < need.team:
        return Reason((head, Text(QUALIFIED, {"count": len(qualified), "who": who})))
    free = [i for i in qualified
            if people[i].free_for(meeting.starts_at, meeting.ends_at, problem.zone)]
    if len(free) < need.team:
        return Reason((head, Text(QUALIFIED, {"count": len(qualified), "who": who}),
                       Text(AVAILABLE, {"count": len(free)})))
    if len(seating.interpreters) >= need.team:
        members = [people[i].languages for i in seating.interpreters]
        if need.booth == TWO_WAY or booth_shortfall(members, need.booth) is None:
            return Reason((head, Text(NOT_BOTH)))
        return Reason((head, Text(NOBODY_A, {"language": Text(language_name(need.booth))})))
    others = [i for i in free if i not in seating.interpreters]
    counts: dict[Breach, int] = defaultdict(int)
    could = 0
    for i in others:
        found = check_schedule([*assigned.get(i, ()), meeting], day_of=problem.day_of,
                               rules=rules)
        kinds = {f.breach for f in found}
        first = next((b for b in BUSY if b in kinds), None)
        if first is None:
            could += 1
        else:
            counts[first] += 1
    limits = {Breach.PERIOD_LONG: hours(rules.max_period_min),
              Breach.DAY_LONG: hours(rules.max_day_min), Breach.PERIODS: rules.max_periods_day,
              Breach.WEEK: rules.max_periods_week, Breach.OVERLAP: ""}
    details = tuple(Text(BUSY[b], {"count": counts[b], "limit": limits[b]})
                    for b in BUSY if counts[b])
    if could:
        details += (Text(NOT_FOUND, {"count": could}),)
    parts = [Text(OF_THE_OTHERS, {"count": len(others), "details": details})] if others \
        else []
    if not others and seating.locked:
        parts.append(Text(LOCKED_FULL))
    return Reason((head, *parts))


def relay_reason(problem: Problem, meeting: Meeting, language: str) -> Reason:
    title = next((n.title for n in problem.needs if n.meeting == meeting), "")
    return Reason((Text(RELAY, {"session": title, "when": when(meeting, problem.zone,
                                                               problem.lang),
                                "language": language}),))


def lock_breaches(problem: Problem, people: Sequence[Interpreter]) -> list[Text]:
    """The rules the locked seats break by themselves, per interpreter."""
    by_person: dict[int, list[Meeting]] = defaultdict(list)
    for need in problem.needs:
        for person_id in problem.locked.get(need.key, frozenset()):
            by_person[person_id].append(need.meeting)
    names = {p.id: p.name for p in people}
    found = []
    for person_id, assigned in by_person.items():
        if person_id not in names:
            continue
        for breach in check_schedule(assigned, day_of=problem.day_of, rules=problem.rules):
            found.append(Text(LOCK_BREACH, {"name": names[person_id],
                                            "detail": breach_text(breach, problem.rules)}))
    return found


def breach_text(found: Found, rules: Rules) -> Text:
    """The rule a schedule breaks, in words to translate."""
    return Text(BREACHES[found.breach], {
        "periods": rules.max_periods_day, "period": hours(rules.max_period_min),
        "day": hours(rules.max_day_min), "week": rules.max_periods_week})


