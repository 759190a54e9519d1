"""The command line for setting an event up without the window: a new event file, its
rooms and its sessions (with their access rules and interpretation). Each command
changes what the window changes, through the same services, and refuses in one line
(exit 2) what the window refuses."""

from __future__ import annotations

import argparse
from contextlib import closing
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from bsm_desk import config
from bsm_desk.cli.common import (
    NEW,
    Commands,
    Parser,
    Translate,
    acting_at,
    db_option,
    print_json,
    record_id,
)
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError

BAD_DATE = QT_TRANSLATE_NOOP("UserError", "{option} takes a date as YYYY-MM-DD, not “{value}”.")
BAD_WHEN = QT_TRANSLATE_NOOP("UserError", "{option} takes a time as “YYYY-MM-DD HH:MM” (or "
                                          "“HH:MM” on the start's day), not “{value}”.")
NO_SESSION = QT_TRANSLATE_NOOP("UserError", "There is no session #{id}.")
NO_ROOM = QT_TRANSLATE_NOOP("UserError", "There is no room #{id}.")
NO_CATEGORY = QT_TRANSLATE_NOOP("UserError", "There is no category “{code}” (known: {known}).")
BAD_LANGUAGES = QT_TRANSLATE_NOOP("UserError", "Languages are two-letter codes separated by "
                                               "commas (en,ru), not “{value}”.")
EXISTS = QT_TRANSLATE_NOOP("UserError", "{path} already exists: a new event needs a new file "
                                        "name.")
BAD_COUNT = QT_TRANSLATE_NOOP("UserError", "{option} is a whole number from 0 to {limit}.")
TEXT_LIMIT = 300
COUNT_LIMIT = 1_000_000


# -- values as typed ------------------------------------------------------------------------

def _date(option: str, text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(BAD_DATE, option=option, value=text[:40]) from None


def _when(option: str, text: str, zone: Any, day: date | None = None) -> datetime:
    """A local time at the venue, as typed: "2022-10-18 09:30", or "11:00" on ``day``."""
    text = text.strip()
    try:
        if day is not None and len(text) <= 5:
            clock = datetime.strptime(text, "%H:%M").time()
            return datetime.combine(day, clock, zone)
        return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=zone)
    except ValueError:
        raise UserError(BAD_WHEN, option=option, value=text[:40]) from None


def _languages(text: str) -> tuple[str, ...]:
    codes = tuple(code.strip().lower() for code in text.split(",") if code.strip())
    if not codes or any(not (len(c) == 2 and c.isascii() and c.isalpha()) for c in codes):
        raise UserError(BAD_LANGUAGES, value=text[:40])
    return codes


def _count(option: str, value: int | None) -> int | None:
    if value is not None and not 0 <= value <= COUNT_LIMIT:
        raise UserError(BAD_COUNT, option=option, limit=COUNT_LIMIT)
    return value


def _text(value: str | None) -> str | None:
    from bsm_desk.domain.importing import clean_text

    return None if value is None else clean_text(value)[0][:TEXT_LIMIT]


def _given(args: argparse.Namespace, *names: str) -> dict[str, Any]:
    """The options actually typed (an edit changes only those)."""
    return {name: getattr(args, name) for name in names if getattr(args, name) is not None}


# -- event new -----------------------------------------------------------------------------

def _event(args: argparse.Namespace, settings: config.Settings, translate: Translate) -> int:
    from bsm_desk.services import event as event_service
    from bsm_desk.services.event import making

    if Path(args.db).exists():
        raise UserError(EXISTS, path=str(args.db))
    spec = making.NewEvent(
        title_en=_text(args.title_en) or "", title_ru=_text(args.title_ru) or "",
        venue_en=_text(args.venue_en) or "", venue_ru=_text(args.venue_ru) or "",
        start_date=_date("--start", args.start), end_date=_date("--end", args.end or args.start),
        time_zone=args.zone, languages=_languages(args.languages), code=args.code or "",
        opens=args.opens, closes=args.closes)
    db = making.create_event(args.db, spec, desk_id=settings.desk_id,
                                    operator=settings.desk_name)
    try:
        found = event_service.overview(db, args.db)
    finally:
        db.close()
    settings.last_db = str(Path(args.db).resolve())
    config.save(settings)
    e = found.event
    facts = {"path": str(args.db), "code": e.code, "title_en": e.title_en, "title_ru": e.title_ru,
             "start": e.start_date.isoformat(), "end": e.end_date.isoformat(),
             "time_zone": e.time_zone, "languages": list(e.languages),
             "days": [d.date.isoformat() for d in found.days],
             "categories": [c.code for c in found.categories]}
    if args.json:
        print_json(facts)
    else:
        print(translate("Cli", "Event created: {path} ({code}, {start} to {end}).").format(
            **facts))
    return 0


# -- rooms add|edit|remove -----------------------------------------------------------------

ROOM_FIELDS = ("name_en", "name_ru", "floor", "capacity", "booths")


def _room_dict(room: Any) -> dict[str, Any]:
    return {"id": room.id, "name": room.name_en, "name_ru": room.name_ru, "floor": room.floor,
            "capacity": room.capacity, "booths": room.booths,
            "equipment": list(room.equipment)}


def room_action(db: Any, args: argparse.Namespace, settings: config.Settings,
                translate: Translate) -> int:
    """rooms add / edit / remove (rooms list and allocate stay in cli/programme.py)."""
    from bsm_desk.domain.model import Room
    from bsm_desk.services import programme as programme_service

    who = acting_at(db, settings)
    if args.rooms_command == "hours":
        return _hours(db, args, who, translate)
    if args.rooms_command == "remove":
        programme_service.delete_room(db, args.room_id, who=who)
        print(translate("Cli", "Room #{id} removed.").format(id=args.room_id))
        return 0
    for option in ("capacity", "booths"):
        _count("--" + option, getattr(args, option))
    given: dict[str, Any] = {k: (_text(v) if isinstance(v, str) else v)
             for k, v in _given(args, *ROOM_FIELDS).items()}
    if args.equipment is not None:
        given["equipment"] = tuple(t for t in (_text(x) for x in args.equipment.split(","))
                                   if t)
    rooms = programme_service.load(db).rooms
    if args.rooms_command == "add":
        room = Room(**{"name_en": "", "name_ru": "", **given})
    else:
        old = next((r for r in rooms if r.id == args.room_id), None)
        if old is None:
            raise UserError(NO_ROOM, id=args.room_id)
        room = replace(old, **given)
    programme_service.save_rooms(db, [room], [], who=who)
    saved = [r for r in programme_service.load(db).rooms
             if (r.id == room.id if room.id is not None else r.id not in {o.id for o in rooms})]
    if args.json:
        print_json(_room_dict(saved[0]))
    else:
        print(f"{saved[0].id}\t{saved[0].name_en}\t{saved[0].name_ru}\t{saved[0].capacity}")
    return 0


NO_DAY = QT_TRANSLATE_NOOP("UserError", "{day} is not a day of the event ({days}).")
BAD_CLOCK = QT_TRANSLATE_NOOP("UserError", "{option} takes a time as HH:MM, not “{value}”.")


def _clock(option: str, text: str | None) -> str | None:
    if text is None:
        return None
    try:
        return datetime.strptime(text.strip(), "%H:%M").strftime("%H:%M")
    except ValueError:
        raise UserError(BAD_CLOCK, option=option, value=text[:40]) from None


def _hours(db: Any, args: argparse.Namespace, who: Any,
           translate: Translate) -> int:
    """The venue's opening hours of a day, and the change-over kept between events."""
    from bsm_desk.services import programme as programme_service

    days = programme_service.load(db).days
    changed = []
    if args.day is not None:
        wanted = _date("--day", args.day)
        day = next((d for d in days if d.date == wanted), None)
        if day is None:
            raise UserError(NO_DAY, day=wanted.isoformat(),
                            days=", ".join(d.date.isoformat() for d in days))
        changed.append(replace(day, opens=_clock("--opens", args.opens) or day.opens,
                               closes=_clock("--closes", args.closes) or day.closes))
    programme_service.save_rooms(db, [], changed, changeover=args.changeover, who=who)
    for d in programme_service.load(db).days:
        print(f"{d.date.isoformat()}\t{d.opens}-{d.closes}")
    return 0


def add_room_actions(room_commands: Any) -> None:
    """Add, edit and remove, beside rooms list and allocate."""
    for verb, text in (("add", "add a room"), ("edit", "change a room (only what is given)")):
        action = room_commands.add_parser(verb, help=text)
        db_option(action)
        if verb == "edit":
            action.add_argument("room_id", type=record_id, metavar="ROOM_ID",
                                help="the room's id (rooms list)")
        action.add_argument("--name-en", dest="name_en", metavar="TEXT",
                            help="the room's name in English")
        action.add_argument("--name-ru", dest="name_ru", metavar="TEXT", help="its name in Russian")
        action.add_argument("--floor", metavar="TEXT", help="where it is (floor or wing)")
        action.add_argument("--capacity", type=int, metavar="N", help="seats")
        action.add_argument("--booths", type=int, metavar="N", help="interpreters' booths")
        action.add_argument("--equipment", metavar="A,B", help="what the room has, by commas")
        action.add_argument("--json", action="store_true",
                            help="the room: id, name, name_ru, floor, capacity, booths, "
                                 "equipment")
    hours = room_commands.add_parser("hours", help="the venue's hours of a day, the "
                                                   "change-over between events")
    db_option(hours)
    hours.add_argument("--day", metavar="YYYY-MM-DD",
                       help="the day (default: every day of the event)")
    hours.add_argument("--opens", metavar="HH:MM", help="when the room opens that day")
    hours.add_argument("--closes", metavar="HH:MM", help="when it closes")
    hours.add_argument("--changeover", type=int, metavar="MIN",
                       help="minutes kept free in a room between two events (0 to 240)")
    remove = room_commands.add_parser("remove", help="remove a room no session uses")
    db_option(remove)
    remove.add_argument("room_id", type=record_id, metavar="ROOM_ID",
                        help="the room's id (rooms list)")


# -- sessions list|add|edit|remove ---------------------------------------------------------

def session_dict(session: Any, zone: Any, rooms: dict[int, Any],
                 categories: dict[int, Any]) -> dict[str, Any]:
    room = rooms.get(session.room_id)
    return {"id": session.id, "kind": session.kind.value, "title_en": session.title_en,
            "title_ru": session.title_ru, "room_id": session.room_id,
            "room": room.name_en if room else None,
            "start": session.starts_at.astimezone(zone).isoformat(),
            "end": session.ends_at.astimezone(zone).isoformat(),
            "languages": list(session.languages), "interpretation": session.interpretation,
            "expected": session.expected, "organizer": session.organizer,
            "access": [categories[c].code for c in session.access if c in categories]}


def _sessions(args: argparse.Namespace, settings: config.Settings,
              translate: Translate) -> int:
    from bsm_desk.services import programme as programme_service
    from bsm_desk.services.event import overview
    from bsm_desk.services.event.files import connect

    lang = config.ui_language(settings)
    with closing(connect(args.db)) as db:
        who = acting_at(db, settings)
        facts = overview(db, args.db)
        zone = facts.event.zone
        rooms = {r.id or 0: r for r in facts.rooms}
        categories = {c.id or 0: c for c in facts.categories}
        action = args.sessions_action
        if action == "list":
            day = _date("--day", args.day) if args.day else None
            chosen = [s for s in facts.sessions if day is None or s.local_day(zone) == day]
            if args.json:
                print_json([session_dict(s, zone, rooms, categories) for s in chosen])
                return 0
            print("\t".join(("id", "when", "room", "kind", "title")))
            for s in chosen:
                start, end = s.starts_at.astimezone(zone), s.ends_at.astimezone(zone)
                room = rooms[s.room_id].name(lang) if s.room_id in rooms else "-"
                print("\t".join((str(s.id), f"{start:%Y-%m-%d %H:%M}-{end:%H:%M}", room,
                                 s.kind.value, s.title(lang))))
            return 0
        existing = {s.id: s for s in facts.sessions}
        if action in ("edit", "remove") and args.session_id not in existing:
            raise UserError(NO_SESSION, id=args.session_id)
        if action == "remove":
            programme_service.delete_session(db, args.session_id, who=who)
            print(translate("Cli", "Session #{id} removed.").format(id=args.session_id))
            return 0
        session = _session_from(args, existing.get(getattr(args, "session_id", None)), zone,
                                rooms, facts.categories, facts.sessions)
        session_id = programme_service.save_session(db, session, who=who)
        saved = next(s for s in programme_service.load(db).sessions if s.id == session_id)
    if args.json:
        print_json(session_dict(saved, zone, rooms, categories))
    else:
        print(f"{saved.id}\t{saved.title(lang)}")
    return 0


def _session_from(args: argparse.Namespace, old: Any, zone: Any, rooms: dict[int, Any],
                  categories: list[Any], sessions: list[Any]) -> Any:
    """The session as typed: a new one from the options, or ``old`` with what changed."""
    from bsm_desk.domain.model import Session, SessionKind

    if args.room is not None and args.room not in rooms:
        raise UserError(NO_ROOM, id=args.room)
    _count("--expected", args.expected)
    given: dict[str, Any] = {k: (_text(v) if isinstance(v, str) else v) for k, v in _given(
        args, "title_en", "title_ru", "organizer", "expected").items()}
    if args.room is not None:
        given["room_id"] = args.room
    if args.kind is not None:
        given["kind"] = SessionKind(args.kind)
    if args.languages is not None:
        given["languages"] = _languages(args.languages)
    if args.interpretation is not None:
        given["interpretation"] = args.interpretation == "yes"
    if args.access is not None:
        given["access"] = _access(args.access, categories)
    if args.start is not None:
        given["starts_at"] = _when("--start", args.start, zone)
    start = given.get("starts_at", old.starts_at if old else None)
    if args.end is not None:
        local_day = start.astimezone(zone).date() if start else None
        given["ends_at"] = _when("--end", args.end, zone, local_day)
    elif old is None and start is not None:
        given["ends_at"] = start + timedelta(hours=1, minutes=30)
    if old is not None:
        return replace(old, **given)
    if "starts_at" not in given:
        raise UserError(BAD_WHEN, option="--start", value="")
    from bsm_desk.services.programme import likely_kind

    kind = likely_kind(sessions, given.get("room_id"))
    return Session(**{"kind": kind, "title_en": "", "title_ru": "", **given})


def _access(text: str, categories: list[Any]) -> tuple[int, ...]:
    """Category codes by commas ("hod,delegate"); "default" for each category's own."""
    if text.strip().lower() in ("", "default"):
        return ()
    by_code = {c.code.casefold(): c.id for c in categories}
    chosen = []
    for code in (c.strip() for c in text.split(",") if c.strip()):
        if code.casefold() not in by_code:
            raise UserError(NO_CATEGORY, code=code[:40],
                            known=", ".join(c.code for c in categories))
        chosen.append(by_code[code.casefold()])
    return tuple(dict.fromkeys(chosen))


def add_commands(sub: Commands) -> None:
    event = sub.add_parser("event", help="make a new event file",
                           description="Make a new event: its file, days and the usual "
                                       "categories. Rooms and sessions follow with bsm-desk "
                                       "rooms add and bsm-desk sessions add.")
    event_actions = event.add_subparsers(dest="event_action", metavar="ACTION",
                                         parser_class=Parser, required=True)
    new = event_actions.add_parser("new", help="make a new event file (it must not exist)")
    db_option(new)
    new.set_defaults(event_file=NEW)
    new.add_argument("--title-en", dest="title_en", required=True, metavar="TEXT",
                     help="the event's title in English")
    new.add_argument("--title-ru", dest="title_ru", metavar="TEXT", help="its title in Russian")
    new.add_argument("--venue-en", dest="venue_en", metavar="TEXT", help="the venue in English")
    new.add_argument("--venue-ru", dest="venue_ru", metavar="TEXT", help="the venue in Russian")
    new.add_argument("--start", required=True, metavar="YYYY-MM-DD", help="the first day")
    new.add_argument("--end", metavar="YYYY-MM-DD", help="the last day (default: --start)")
    new.add_argument("--zone", default="Asia/Dushanbe", metavar="ZONE",
                     help="the venue's time zone (default Asia/Dushanbe)")
    new.add_argument("--languages", default="en,ru", metavar="en,ru",
                     help="working languages (default en,ru)")
    new.add_argument("--code", metavar="CODE", help="the event's code on badges (default: "
                                                    "from the title and year)")
    new.add_argument("--opens", default="08:00", metavar="HH:MM", help="the venue opens")
    new.add_argument("--closes", default="20:00", metavar="HH:MM", help="the venue closes")
    new.add_argument("--json", action="store_true",
                     help="path, code, title_en, title_ru, start, end, time_zone, "
                          "languages, days, categories")
    event.set_defaults(handler=_event)

    sessions = sub.add_parser("sessions", help="the sessions of the programme",
                              description="List, add, change and remove sessions, with "
                                          "their room, time, access rules and "
                                          "interpretation. Times are the venue's.")
    actions = sessions.add_subparsers(dest="sessions_action", metavar="ACTION",
                                      parser_class=Parser, required=True)
    listing = actions.add_parser("list", help="the sessions, with their ids")
    db_option(listing)
    listing.add_argument("--day", metavar="YYYY-MM-DD", help="only this day")
    listing.add_argument("--json", action="store_true", help=SESSION_JSON)
    for verb, text in (("add", "add a session"),
                       ("edit", "change a session (only what is given)")):
        action = actions.add_parser(verb, help=text)
        db_option(action)
        if verb == "edit":
            action.add_argument("session_id", type=record_id, metavar="SESSION_ID",
                                help="the session's id (sessions list)")
        action.add_argument("--kind", choices=["plenary", "thematic", "closed", "side_event"],
                            help="default for a new one: what its room usually holds")
        action.add_argument("--title-en", dest="title_en", metavar="TEXT",
                            help="the session's title in English")
        action.add_argument("--title-ru", dest="title_ru", metavar="TEXT",
                            help="its title in Russian")
        action.add_argument("--room", type=record_id, metavar="ROOM_ID",
                            help="see bsm-desk rooms list --json")
        action.add_argument("--start", metavar="'YYYY-MM-DD HH:MM'", required=verb == "add",
                            help="when it starts, at the venue")
        action.add_argument("--end", metavar="'HH:MM'",
                            help="the end, the same day (or 'YYYY-MM-DD HH:MM'); a new "
                                 "session lasts 90 minutes unless told")
        action.add_argument("--languages", metavar="en,ru", help="its working languages, by commas")
        action.add_argument("--interpretation", choices=["yes", "no"],
                            help="whether it has interpretation")
        action.add_argument("--expected", type=int, metavar="N", help="people expected")
        action.add_argument("--organizer", metavar="TEXT",
                            help="who organises it (a side event's host)")
        action.add_argument("--access", metavar="CODES",
                            help="who may enter: category codes by commas (hod,delegate), "
                                 "or 'default' for each category's own rule")
        action.add_argument("--json", action="store_true", help=SESSION_JSON)
    remove = actions.add_parser("remove", help="remove a session nobody was checked in at")
    db_option(remove)
    remove.add_argument("session_id", type=record_id, metavar="SESSION_ID",
                        help="the session's id (sessions list)")
    sessions.set_defaults(handler=_sessions)


SESSION_JSON = ("id, kind, title_en, title_ru, room_id, room, start, end, languages, "
                "interpretation, expected, organizer, access")
