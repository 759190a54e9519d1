"""The command line for seating (issue 32): a room's layout, a delegation's needs, a
session's plan by protocol, moves by hand, and the plan on paper — the chart or the
workbook, and the nameplates."""

from __future__ import annotations

import argparse
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
    lazy_translate,
    print_json,
    record_id,
)
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError

BAD_PLACES_PER = QT_TRANSLATE_NOOP("UserError", "Places per block are BLOCK=N separated by "
                                                "commas (member_states=1,observers=1; "
                                                "blocks: {blocks}), not “{value}”.")
BAD_PLACES = QT_TRANSLATE_NOOP("UserError", "Places are numbers separated by commas "
                                            "(12,13), not “{value}”.")
SHAPES = ("theatre", "classroom", "u_shape", "hollow_square", "boardroom")


def _numbers(text: str) -> list[int]:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts or len(parts) > 2000 or any(not (p.isdigit() and len(p) < 6) for p in parts):
        raise UserError(BAD_PLACES, value=text[:40])
    return [int(p) for p in parts]


def _places_per(text: str) -> dict[Any, int]:
    from bsm_desk.domain.seating import FLOOR, Block

    out: dict[Any, int] = {}
    for part in (p.strip() for p in text.split(",") if p.strip()):
        name, _, count = part.partition("=")
        if name.strip() not in {b.value for b in FLOOR} or not count.strip().isdigit() \
                or len(count.strip()) > 2:
            raise UserError(BAD_PLACES_PER, value=text[:60],
                            blocks=", ".join(b.value for b in FLOOR))
        out[Block(name.strip())] = int(count)
    return out


def _seating(args: argparse.Namespace, settings: config.Settings, translate: Translate) -> int:
    from bsm_desk.services.event.files import connect

    with closing(connect(args.db)) as db:
        return int(_ACTIONS[args.seating_action](db, args, settings, translate))


def _plan_json(plan: Any, lang: str) -> dict[str, Any]:
    by_number = {p.number: p for p in plan.places}
    return {
        "session_id": plan.session.id, "room_id": plan.room.id, "lang": plan.lang,
        "shape": plan.layout.shape.value, "places": len(plan.places), "seed": plan.seed,
        "drawn": None if plan.drawn is None else {
            "id": plan.drawn.id, "name_en": plan.drawn.name_en, "name_ru": plan.drawn.name_ru},
        "podium": list(plan.podium),
        "seats": [{"place": n, "delegation_id": d, "name": plan.delegations[d].name(lang)
                   if d in plan.delegations else "",
                   "block": plan.delegations[d].block.value if d in plan.delegations else "",
                   "podium": by_number[n].podium if n in by_number else False,
                   "at_table": by_number[n].at_table if n in by_number else False,
                   "locked": locked}
                  for n, (d, locked) in sorted(plan.seats.items())],
        "unseated": [{"delegation_id": i, "name": plan.delegations[i].name(lang)}
                     for i in plan.unseated if i in plan.delegations],
        "swaps": [{"needing": a, "moved": b} for a, b in plan.swaps],
    }


def _plan(db: Any, args: argparse.Namespace, settings: config.Settings,
          translate: Translate) -> int:
    from bsm_desk.services import seating

    podium = _numbers(args.podium) if args.podium else None
    who = acting_at(db, settings)
    if args.reuse is not None:
        plan = seating.reuse(db, args.session, args.reuse, who=who)
    else:
        plan = seating.make_plan(db, args.session, who=who,
                                 lang=getattr(args, "seating_lang", None),
                                 draw_from=args.draw_from, lot=args.lot, podium=podium,
                                 places_per=_places_per(args.places) if args.places else None)
    if args.json:
        print_json(_plan_json(plan, plan.lang))
        return 0
    report_translate = lazy_translate(plan.lang)
    print(seating.draw_note(plan, lambda text: report_translate("Seating", text),
                                     plan.lang))
    print(translate("Cli", "Seated: {seated} delegations in {places} places; not seated: "
                           "{unseated}.").format(seated=len(plan.seated()),
                                                 places=len(plan.seats),
                                                 unseated=len(plan.unseated)))
    return 0


def _export(db: Any, args: argparse.Namespace, settings: config.Settings,
            translate: Translate) -> int:
    from bsm_desk.services import seating

    plan = seating.plan_of(db, args.session)
    lang = getattr(args, "seating_lang", None) or plan.lang
    report_translate = lazy_translate(lang)
    path = seating.write(plan, args.out, lambda text: report_translate("Seating", text), lang)
    print(translate("Cli", "Written: {path}").format(path=path))
    return 0


def _nameplates(db: Any, args: argparse.Namespace, settings: config.Settings,
                translate: Translate) -> int:
    from bsm_desk.services import seating

    lang = getattr(args, "seating_lang", None) or seating.plan_of(db, args.session).lang
    path, plates = seating.print_nameplates(db, args.session, args.out, lang,
                                            changed=args.changed, who=acting_at(db, settings))
    print(translate("Cli", "Written: {path} ({plates} nameplates)").format(path=path,
                                                                            plates=plates))
    return 0


def _placecards(db: Any, args: argparse.Namespace, settings: config.Settings,
                translate: Translate) -> int:
    from bsm_desk.services import seating

    lang = getattr(args, "seating_lang", None) or seating.plan_of(db, args.session).lang
    cards = seating.place_cards(db, args.session, lang)
    path = seating.write_place_cards(cards, args.out)
    print(translate("Cli", "Written: {path} ({plates} place cards)").format(
        path=path, plates=len(cards)))
    return 0


def _layout(db: Any, args: argparse.Namespace, settings: config.Settings,
            translate: Translate) -> int:
    from bsm_desk.domain.seating import Layout, Shape, capacity
    from bsm_desk.services import seating

    layout = seating.set_layout(
        db, args.room, Layout(Shape(args.shape), args.rows, args.per_row, args.podium,
                              frozenset(_numbers(args.accessible)) if args.accessible
                              else frozenset(),
                              frozenset(_numbers(args.removed)) if args.removed
                              else frozenset()),
        who=acting_at(db, settings))
    if args.json:
        print_json({"room_id": args.room, "shape": layout.shape.value, "rows": layout.rows,
                    "per_row": layout.per_row, "podium": layout.podium,
                    "capacity": capacity(layout)})
    else:
        print(translate("Cli", "Room #{room}: {places} places.").format(
            room=args.room, places=capacity(layout)))
    return 0


def _need(db: Any, args: argparse.Namespace, settings: config.Settings,
          translate: Translate) -> int:
    from bsm_desk.services import seating

    seating.set_need(db, args.delegation, args.accessible, args.places,
                     who=acting_at(db, settings))
    print(translate("Cli", "Saved."))
    return 0


def _move(db: Any, args: argparse.Namespace, settings: config.Settings,
          translate: Translate) -> int:
    from bsm_desk.services import seating

    seating.move(db, args.session, args.delegation, _numbers(args.places),
                 who=acting_at(db, settings))
    print(translate("Cli", "Saved."))
    return 0


def _lock(db: Any, args: argparse.Namespace, settings: config.Settings,
          translate: Translate) -> int:
    from bsm_desk.services import seating

    seating.lock(db, args.session, args.delegation, not args.free,
                 who=acting_at(db, settings))
    print(translate("Cli", "Saved."))
    return 0


_ACTIONS = {"lock": _lock, "placecards": _placecards, "plan": _plan, "export": _export,
            "nameplates": _nameplates, "layout": _layout, "need": _need, "move": _move}


def add_commands(sub: Commands) -> None:
    group = sub.add_parser(
        "seating", help="where delegations sit: rooms' layouts, plans by protocol, "
                        "nameplates",
        description="Seat a session by protocol (Member States alphabetically from one "
                    "drawn by lot, the podium, the other blocks after), print its chart, "
                    "workbook and nameplates.")
    actions = group.add_subparsers(dest="seating_action", metavar="ACTION",
                                   parser_class=Parser, required=True)
    plan = actions.add_parser(
        "plan", help="seat a session (locked places kept)",
        description="Member States in alphabetical order of their names in --lang from one "
                    "drawn by lot (--lot SEED, or the plan's own draw again, or a new one) "
                    "or named (--draw-from); the podium's delegations there; observers, the "
                    "UN system, organizations and civil society after.")
    drawn = plan.add_mutually_exclusive_group()
    drawn.add_argument("--draw-from", metavar="DELEGATION",
                       help="start from this Member State (its id or name)")
    drawn.add_argument("--lot", type=int, metavar="SEED",
                       help="draw the first Member State by lot from this seed (0-999999999)")
    drawn.add_argument("--reuse", type=record_id, metavar="SESSION",
                       help="seat it as that session is seated (its draw, podium and places)")
    plan.add_argument("--places", metavar="BLOCK=N,...",
                      help="places a delegation of a block takes, 1-3 (member_states=1,"
                           "observers=1; default: Member States and observers 2, others 1)")
    plan.add_argument("--podium", metavar="IDS",
                      help="the delegations at the podium, in order (ids: 5,12,40)")
    plan.add_argument("--json", action="store_true",
                      help="the plan as JSON: session_id, room_id, lang, shape, places, "
                           "seed, drawn, podium, seats (place, delegation_id, name, block, "
                           "podium, at_table, locked), unseated, swaps")
    export = actions.add_parser("export", help="the seating chart (.pdf) or the plan (.xlsx)")
    export.add_argument("--out", type=Path, required=True, metavar="FILE",
                        help="FILE.pdf (the room drawn to scale) or FILE.xlsx")
    plates = actions.add_parser(
        "nameplates", help="the nameplates: A4 landscape table tents (.pdf)",
        description="One page per seated delegation, folded along the dashed line: its "
                    "name on both faces, as large as the plate takes.")
    plates.add_argument("--out", type=Path, required=True, metavar="FILE",
                        help="FILE.pdf")
    plates.add_argument("--changed", action="store_true",
                        help="only the plates that changed since this desk last printed")
    cards = actions.add_parser(
        "placecards", help="personal place cards for a closed session (.pdf)",
        description="One folded card per person the session's access rules let in, from "
                    "each seated delegation, in the plan's order: name with honorific, "
                    "function, delegation.")
    cards.add_argument("--out", type=Path, required=True, metavar="FILE", help="FILE.pdf")
    for parser in (plan, export, cards):
        parser.add_argument("--lang", choices=("en", "ru"), default=argparse.SUPPRESS,
                            dest="seating_lang",
                            help="the names' language (plan: the alphabetical order's)")
    plates.add_argument("--lang", choices=("en", "ru", "both"), default=argparse.SUPPRESS,
                        dest="seating_lang", help="the plates' language (default: the plan's)")
    for parser in (plan, export, plates, cards):
        parser.add_argument("--session", type=record_id, required=True, metavar="ID",
                            help="the session (see bsm-desk programme --json)")
    layout = actions.add_parser("layout", help="a room's seating layout")
    layout.add_argument("--room", type=record_id, required=True, metavar="ID",
                        help="the room (see bsm-desk rooms list)")
    layout.add_argument("--shape", choices=SHAPES, required=True,
                        help="rows of chairs or of tables, or tables in a U, a hollow square "
                             "or one long table")
    layout.add_argument("--rows", type=int, required=True, metavar="N",
                        help="rows (theatre, classroom), or chairs behind each place at the "
                             "table (0-2)")
    layout.add_argument("--per-row", type=int, required=True, metavar="N",
                        help="places in a row, or at the table")
    layout.add_argument("--podium", type=int, default=3, metavar="N",
                        help="places at the podium (default 3)")
    layout.add_argument("--accessible", metavar="PLACES",
                        help="the places a wheelchair reaches (12,13)")
    layout.add_argument("--removed", metavar="PLACES", help="places taken out (a pillar)")
    layout.add_argument("--json", action="store_true",
                        help="room_id, shape, rows, per_row, podium, capacity")
    need = actions.add_parser("need", help="a delegation's seating need")
    need.add_argument("--delegation", type=record_id, required=True, metavar="ID",
                      help="the delegation (see bsm-desk delegations list)")
    need.add_argument("--accessible", action="store_true",
                      help="needs an accessible place (without: no longer)")
    need.add_argument("--places", type=int, choices=(1, 2, 3),
                      help="places it takes (default: its block's)")
    move = actions.add_parser("move", help="put a delegation at places by hand (locked)")
    move.add_argument("--session", type=record_id, required=True, metavar="ID",
                      help="the session whose plan changes")
    move.add_argument("--delegation", type=record_id, required=True, metavar="ID",
                      help="the delegation to move")
    move.add_argument("--places", required=True, metavar="PLACES",
                      help="its new places, numbers separated by commas (12,13)")
    lock = actions.add_parser("lock", help="lock a delegation's places (a new plan keeps "
                                            "them), or free them")
    lock.add_argument("--session", type=record_id, required=True, metavar="ID",
                      help="the session whose plan changes")
    lock.add_argument("--delegation", type=record_id, required=True, metavar="ID",
                      help="the delegation whose places are locked")
    lock.add_argument("--free", action="store_true",
                      help="free them instead: a new plan may move the delegation")
    for parser in (plan, export, plates, cards, layout, need, move, lock):
        db_option(parser)
    group.set_defaults(handler=_seating)
