"""The command line for the programme: the timetable, the rooms, side-event requests
and their allocation."""

from __future__ import annotations

import argparse
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

from bsm_desk import config
from bsm_desk.cli.common import (
    Commands,
    Parser,
    Translate,
    acting_at,
    db_option,
    print_json,
    print_problems,
    record_id,
)
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError


def _side_events(args: argparse.Namespace, settings: config.Settings,
                 translate: Translate) -> int:
    from bsm_desk.services.event.files import connect
    from bsm_desk.services.programme import side_events
    from bsm_desk.services.programme.side_event_import import import_requests

    with closing(connect(args.db)) as db:
        if args.side_command == "list":
            found = side_events.requests(db, waiting_only=args.waiting)
            zone = _zone(db)
            rows = [{"id": r.id, "title_en": r.title_en, "title_ru": r.title_ru,
                     "organizer": r.organizer, "expected": r.expected,
                     "duration_min": r.duration_min, "interpretation": r.interpretation,
                     "slots": [s.astimezone(zone).isoformat() for s in r.slots],
                     "session_id": r.session_id} for r in found]
            if args.json:
                print_json(rows)
            else:
                print("\t".join(("id", "title", "organizer", "minutes", "placed")))
                lang = config.ui_language(settings)
                for r in found:
                    print("\t".join((str(r.id), r.title(lang), r.organizer,
                                     str(r.duration_min),
                                     f"session-{r.session_id}" if r.session_id else "-")))
            return 0
        if args.side_command == "remove":
            gone = side_events.delete_request(db, args.request_id, who=acting_at(db, settings))
            print(translate("Cli", "Request #{id} removed: {title}").format(
                id=args.request_id, title=gone.title_en or gone.title_ru))
            return 0
        report = import_requests(db, args.file, who=acting_at(db, settings))
    print_problems(report.file, report.problems, translate)
    if report.problems:
        print(translate("Cli", "Nothing was imported: correct the rows above and import "
                               "again."), file=sys.stderr)
        return 1
    print(translate("Cli", "{file}: {count} side-event requests imported.").format(
        file=report.file, count=report.added))
    return 0


def _zone(db: Any) -> Any:
    from bsm_desk.services.event import overview

    return overview(db).event.zone


BAD_DAY = QT_TRANSLATE_NOOP("UserError", "--day takes a date as YYYY-MM-DD, not {value}.")


def _programme(args: argparse.Namespace, settings: config.Settings,
               translate: Translate) -> int:
    from datetime import date

    from bsm_desk.services.event.files import connect
    from bsm_desk.services.programme import queries

    day = None
    if args.day:
        try:
            day = date.fromisoformat(args.day)
        except ValueError:
            raise UserError(BAD_DAY, value=args.day) from None
    lang = config.ui_language(settings)
    with closing(connect(args.db)) as db:
        event = queries.event(db)
        rooms = {r.id: r for r in queries.rooms(db)}
        sessions = queries.sessions(db)
    zone = event.zone if event else None
    chosen = [s for s in sessions if day is None or (zone and s.local_day(zone) == day)]
    if args.json:
        print_json([{"id": s.id, "kind": s.kind.value, "title_en": s.title_en,
                      "title_ru": s.title_ru,
                      "room": rooms[s.room_id].name_en if s.room_id in rooms else None,
                      "start": s.starts_at.astimezone(zone).isoformat(),
                      "end": s.ends_at.astimezone(zone).isoformat(),
                      "languages": list(s.languages)} for s in chosen])
        return 0
    for s in chosen:
        room = rooms[s.room_id].name(lang) if s.room_id in rooms else "-"
        start, end = s.starts_at.astimezone(zone), s.ends_at.astimezone(zone)
        print("\t".join((f"{start:%Y-%m-%d %H:%M}-{end:%H:%M}", room, s.kind.value,
                         s.title(lang))))
    return 0


def _rooms(args: argparse.Namespace, settings: config.Settings, translate: Translate) -> int:
    from bsm_desk.services.event.files import connect
    from bsm_desk.services.programme import queries

    lang = config.ui_language(settings)
    with closing(connect(args.db)) as db:
        if args.rooms_command == "list":
            rooms = queries.rooms(db)
            if args.json:
                print_json([{"id": r.id, "name": r.name_en, "name_ru": r.name_ru,
                              "floor": r.floor, "capacity": r.capacity, "booths": r.booths,
                              "equipment": list(r.equipment)} for r in rooms])
            else:
                for r in rooms:
                    print("\t".join((r.name(lang), str(r.capacity), str(r.booths),
                                     ", ".join(r.equipment))))
            return 0
        if args.rooms_command in ("add", "edit", "remove", "hours"):
            from bsm_desk.cli.venue import room_action

            return room_action(db, args, settings, translate)
        return _allocate(db, args, settings, translate)


def _allocate(db: Any, args: argparse.Namespace, settings: config.Settings,
              translate: Translate) -> int:
    from bsm_desk.services.programme import allocation

    if args.buffer is not None and not 0 <= args.buffer <= 240:
        raise UserError(BAD_BUFFER)
    proposal = allocation.allocate(db, time_limit=args.time_limit, buffer=args.buffer)
    reasons = {why: translate("Allocation", text) for why, text in allocation.REASONS.items()}
    rows = proposal.as_dicts(reasons)
    if args.apply:
        allocation.apply(db, proposal, who=acting_at(db, settings))
    if args.json:
        print_json(rows)
    elif not rows:
        print(translate("Cli", "No side-event requests are waiting."), file=sys.stderr)
    else:
        for row in rows:
            where = (f"{row['room']}\t{row['start']}\t{row['end']}" if not row.get("unplaced")
                     else translate("Cli", "not placed: {reason}").format(reason=row["reason"]))
            print(f"{row['request_id']}\t{row['title']}\t{where}")
        print(translate("Cli", "Optimal.") if proposal.optimal else
              translate("Cli", "Best found within the time limit."), file=sys.stderr)
    return 0


BAD_BUFFER = QT_TRANSLATE_NOOP("UserError", "The change-over buffer is 0 to 240 minutes.")


def add_commands(sub: Commands) -> None:
    side = sub.add_parser("side-events", help="side-event requests")
    side_commands = side.add_subparsers(dest="side_command", metavar="ACTION",
                                        parser_class=Parser, required=True)
    side_import = side_commands.add_parser(
        "import", help="import side-event requests from an .xlsx or .csv list",
        description="Columns (English or Russian headers): title, organizer, expected "
                    "participants, duration in minutes, preferred slots (YYYY-MM-DD HH:MM; "
                    "several separated by ;, best first), interpretation (yes/no), "
                    "equipment, panellists (e-mails or names of registered delegates). All "
                    "rows or none: any error and nothing is written (exit 1).")
    db_option(side_import)
    side_import.add_argument("file", type=Path, metavar="FILE", help="the list to import")
    side_list = side_commands.add_parser("list", help="the requests, with their ids")
    db_option(side_list)
    side_list.add_argument("--waiting", action="store_true", help="only those not placed yet")
    side_list.add_argument("--json", action="store_true",
                           help="id, title_en, title_ru, organizer, expected, duration_min, "
                                "interpretation, slots, session_id")
    side_remove = side_commands.add_parser("remove", help="remove a request still waiting "
                                                          "for a room")
    db_option(side_remove)
    side_remove.add_argument("request_id", type=record_id, metavar="ID",
                             help="the request's id (side-events list)")
    side.set_defaults(handler=_side_events)

    programme = sub.add_parser("programme", help="print the timetable",
                               description="The sessions, day by day, in the venue's time.")
    db_option(programme)
    programme.add_argument("--day", metavar="YYYY-MM-DD", help="only this day")
    programme.add_argument("--json", action="store_true",
                           help="a list of sessions: id, kind, title_en, title_ru, room, start, "
                                "end, languages")
    programme.set_defaults(handler=_programme)

    rooms = sub.add_parser("rooms", help="the venue's rooms; allocate side events to them")
    room_commands = rooms.add_subparsers(dest="rooms_command", metavar="ACTION",
                                         parser_class=Parser, required=True)
    room_list = room_commands.add_parser("list", help="list the rooms")
    db_option(room_list)
    room_list.add_argument("--json", action="store_true", help="print the result as JSON")
    allocate = room_commands.add_parser(
        "allocate", help="find rooms and times for the side-event requests",
        description="Propose a room and a start time for every pending side-event request "
                    "(OR-Tools CP-SAT), keeping the programme as it is; --apply puts the "
                    "placed ones into the programme.")
    db_option(allocate)
    allocate.add_argument("--time-limit", type=float, default=5.0, metavar="S",
                          help="seconds the solver may take (default 5)")
    allocate.add_argument("--buffer", type=int, default=None, metavar="MIN",
                          help="minutes kept free in a room between two events, for the "
                               "change-over (default: the event's setting, 15 unless "
                               "changed in Rooms and hours)")
    allocate.add_argument("--apply", action="store_true", help="add the placed events")
    allocate.add_argument("--json", action="store_true", help="print the proposal as JSON")
    from bsm_desk.cli.venue import add_room_actions

    add_room_actions(room_commands)
    rooms.set_defaults(handler=_rooms)
