"""The command line for the interpreters: importing the pool, listing it, the booths the
programme needs, the roster, a withdrawal and the recruitment."""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

from bsm_desk import config
from bsm_desk.cli.common import (
    Commands,
    Parser,
    Translate,
    acting_at,
    db_option,
    print_import_result,
    print_json,
    record_id,
)
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError


def _interpreters(args: argparse.Namespace, settings: config.Settings,
                  translate: Translate) -> int:
    from bsm_desk.services.event.files import connect

    with closing(connect(args.db)) as db:
        action = _ACTIONS[args.interpreters_action]
        return action(db, args, settings, translate)


def _needs(db: Any, args: argparse.Namespace, settings: config.Settings,
           translate: Translate) -> int:
    from bsm_desk.services import interpreters
    from bsm_desk.services.programme.queries import required_event

    event = required_event(db, interpreters.NO_EVENT)
    found = interpreters.needs(db, lang=config.ui_language(settings))
    rows = [n.as_dict(event.zone) for n in found]
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            print("\t".join((row["start"][:16], row["end"][11:16], row["room"],
                             row["booth"], str(row["team"]))))
    return 0


def _list(db: Any, args: argparse.Namespace, settings: config.Settings,
          translate: Translate) -> int:
    from bsm_desk.services import interpreters

    people = interpreters.interpreters(db)
    if args.json:
        print_json([interpreters.as_dict(p) for p in people])
    else:
        for p in people:
            row = interpreters.as_dict(p)
            print("\t".join((str(p.id), p.name, p.name_cyr, "; ".join(
                f"{k}:{v}" for k, v in row["languages"].items()),
                "staff" if p.staff else "freelance")))
    return 0


def _import(db: Any, args: argparse.Namespace, settings: config.Settings,
            translate: Translate) -> int:
    from bsm_desk.services import interpreters

    report = interpreters.import_file(db, args.file, who=acting_at(db, settings),
                                      dry_run=args.dry_run)
    if args.json:
        print_json(report.as_dict(translate))
        return 1 if report.errors else 0
    return 0 if print_import_result(report, args.dry_run, translate) else 1


def _roster(db: Any, args: argparse.Namespace, settings: config.Settings,
            translate: Translate) -> int:
    """Preview a roster, or apply one. What was previewed is what --apply applies: the
    preview is kept (in the desk's cache, with a fingerprint of what it was made from),
    and --apply takes it as long as nothing it was made from has changed since; else it
    solves afresh."""
    from bsm_desk.services.interpreters import rostering

    lang = config.ui_language(settings)
    kept = _proposal_file(args.db)
    proposal = _read_proposal(kept) if args.apply else None
    if proposal is not None and proposal.get("fingerprint") == rostering.fingerprint(db):
        result = proposal
        rostering.apply_proposal(db, proposal, who=acting_at(db, settings))
        status = str(result["status"])
        print(translate("Cli", "The roster previewed before was applied."), file=sys.stderr)
    else:
        asked = rostering.problem(db, lang=lang)
        roster = rostering.solve(asked, time_limit=args.time_limit)
        status = roster.status
        if args.apply and status != "infeasible":
            rostering.apply(db, roster, who=acting_at(db, settings))
        result = rostering.as_dict(asked, roster, lambda text: translate("Roster", text))
        result["names"] = {str(p.id): p.name for p in asked.pool}
        result["fingerprint"] = rostering.fingerprint(db)
        if not args.apply:
            _keep_proposal(kept, result)
    result["applied"] = bool(args.apply and status != "infeasible")
    if args.apply:
        kept.unlink(missing_ok=True)
    if args.json:
        print_json({k: v for k, v in result.items() if k not in ("names", "fingerprint")})
    else:
        names = result.get("names", {})
        for row in result["assignments"]:
            print("\t".join((row["start"][:16], row["end"][11:16], row["room"], row["booth"],
                             ", ".join(names.get(str(i), str(i)) for i in row["interpreters"]))))
        for line in [*result["breaches"], *(u["reason"] for u in result["unstaffed"]),
                     *(r["reason"] for r in result["relay_missing"])]:
            print(line, file=sys.stderr)
        print(translate("Cli", _STATUS[status]), file=sys.stderr)
    return 1 if status == "infeasible" else 0


def _proposal_file(db_path: Any) -> Path:
    """Where this desk keeps the roster it last previewed for this event file."""
    import hashlib

    from bsm_desk import paths

    name = hashlib.sha256(str(Path(db_path).resolve()).encode()).hexdigest()[:16]
    return paths.cache_dir() / "roster-previews" / f"{name}.json"


def _read_proposal(path: Path) -> dict[str, Any] | None:
    """The kept preview, or None if there is none or it is not ours (a damaged or
    hand-edited cache file is ignored: the roster is solved again)."""
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) and isinstance(found.get("assignments"), list) \
        else None


def _keep_proposal(path: Path, result: dict[str, Any]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        partial.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
        partial.replace(path)
    except OSError:  # a full or read-only cache: --apply will solve again, that is all
        pass


_STATUS = {"optimal": QT_TRANSLATE_NOOP("Cli", "Optimal."),
           "feasible": QT_TRANSLATE_NOOP("Cli", "The best roster found in the time limit."),
           "infeasible": QT_TRANSLATE_NOOP("Cli", "No roster: the seats locked by hand break "
                                                  "the rules.")}


def _withdraw(db: Any, args: argparse.Namespace, settings: config.Settings,
              translate: Translate) -> int:
    from bsm_desk.services.interpreters import rostering

    given_up = rostering.withdraw(db, args.ids, from_day=args.from_day,
                                  who=acting_at(db, settings))
    print(translate("Cli", "Withdrawn; seats given up: {count}. Run the roster again to "
                           "fill them.").format(count=given_up))
    return 0


def _recruit(db: Any, args: argparse.Namespace, settings: config.Settings,
             translate: Translate) -> int:
    from bsm_desk.services.interpreters import rostering

    extras, answer = rostering.recruitment(db, time_limit=args.time_limit,
                                           lang=config.ui_language(settings))
    rows = [e.as_dict() for e in extras]
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        print("\t".join((row["day"], row["booth"], str(row["extra"]), "; ".join(
            f"{k}:{v}" for k, v in row["languages"].items()),
            "" if row["cost"] is None else str(row["cost"]))))
    if not rows:
        print(translate("Cli", "No one more is needed: the pool can staff every booth."),
              file=sys.stderr)
    for seating in answer.unstaffed:  # not even with extra interpreters (too long)
        print(seating.reason.render(lambda t: translate("Roster", t)) if seating.reason
              else "", file=sys.stderr)
    return 0


def _rules(db: Any, args: argparse.Namespace, settings: config.Settings,
           translate: Translate) -> int:
    from bsm_desk.services.interpreters import rostering

    values = {}
    for item in args.set or []:
        name, sep, value = item.partition("=")
        if not sep:
            raise UserError(NOT_A_SETTING, value=item[:60])
        values[name.strip()] = value
    if values or args.reset:
        rostering.set_rules(db, values, reset=args.reset, who=acting_at(db, settings))
    rows = rostering.rules_table(db)
    if args.json:
        print_json([{k: v for k, v in row.items() if k != "meaning"} | {
            "meaning": translate("Roster", row["meaning"])} for row in rows])
        return 0
    for row in rows:
        print("\t".join((row["rule"], row["value"], row["unit"],
                         translate("Roster", row["meaning"]))))
    return 0


NOT_A_SETTING = QT_TRANSLATE_NOOP("UserError", "\u201c{value}\u201d is not NAME=VALUE.")

NO_BOOTH = QT_TRANSLATE_NOOP("UserError", "Session #{session} has no {booth} booth to staff "
                                          "(see bsm-desk interpreters needs).")


def _seat(db: Any, args: argparse.Namespace, settings: config.Settings,
          translate: Translate) -> int:
    """One booth's team set by hand (the Roster screen's seat, empty and lock): those
    named sit there, those also in --lock stay through the next roster."""
    from bsm_desk.services import interpreters
    from bsm_desk.services.interpreters import rostering

    need = next((n for n in interpreters.needs(db) if args.session in n.meeting.session_ids
                 and n.booth == args.booth), None)
    if need is None:
        raise UserError(NO_BOOTH, session=args.session, booth=args.booth[:20])
    team = list(dict.fromkeys(args.ids))
    rostering.set_booth(db, need.key, team, locked=[i for i in args.lock if i in team],
                        who=acting_at(db, settings))
    print(translate("Cli", "The {booth} booth of session #{session}: {count} seated.")
          .format(booth=need.booth, session=args.session, count=len(team)))
    return 0


_ACTIONS = {"needs": _needs, "list": _list, "import": _import, "roster": _roster,
            "withdraw": _withdraw, "recruit": _recruit, "rules": _rules, "seat": _seat}


def _seconds(text: str) -> float:
    value = float(text)
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError("between 0 and 3600 seconds")
    return value


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("a day written as YYYY-MM-DD") from None


def add_commands(sub: Commands) -> None:
    group = sub.add_parser(
        "interpreters", help="the interpreters' pool",
        description="Import the interpreters (English or Russian headers), list them, "
                    "roster them into the booths, withdraw one, and find whom to recruit.")
    actions = group.add_subparsers(dest="interpreters_action", metavar="ACTION",
                                   parser_class=Parser, required=True)
    imp = actions.add_parser(
        "import", help="import interpreters from .xlsx or .csv (all rows or none)",
        description="Headers: Name, Name in Cyrillic, Languages (en:A; ru:B; fr:C), Staff "
                    "(yes/no), Available days (YYYY-MM-DD; ...), Fee, Email — or Имя, Имя "
                    "кириллицей, Языки, Штатный, Дни, Гонорар, Эл. почта. A re-import "
                    "updates the same people (by e-mail, else by name).")
    db_option(imp)
    imp.add_argument("file", metavar="FILE",
                     help="a workbook or CSV of interpreters (interpreters template writes one)")
    imp.add_argument("--dry-run", action="store_true", help="check and report; write nothing")
    imp.add_argument("--json", action="store_true", help="print the report as JSON")
    listing = actions.add_parser("list", help="the interpreters")
    db_option(listing)
    listing.add_argument("--json", action="store_true",
                         help="objects with id, name, name_cyr, languages (code: A/B/C), "
                              "staff, available (dates; empty: every day), fee, email")
    need = actions.add_parser("needs", help="every booth the programme needs staffed")
    db_option(need)
    need.add_argument("--json", action="store_true",
                      help="objects with session_ids, room, start, end (ISO 8601 with the "
                           "venue's offset), booth (en, ru, or en-ru for a two-way booth), "
                           "team (interpreters needed)")
    roster = actions.add_parser(
        "roster", help="who sits in which booth (OR-Tools CP-SAT)",
        description="Staff every booth under the rules (teams, working periods, hours), "
                    "keeping locked seats; then the fewest freelance days, an even spread "
                    "and the same team across a room's meetings. Exit 1 only when the "
                    "locked seats themselves break a rule.")
    db_option(roster)
    roster.add_argument("--time-limit", type=_seconds, default=10.0, metavar="S",
                        help="seconds to search (default 10)")
    roster.add_argument("--apply", action="store_true", help="make it the event's roster")
    roster.add_argument("--json", action="store_true",
                        help="status (optimal/feasible/infeasible), assignments (session_ids, "
                             "room, start, end, booth, interpreters), unstaffed (session_ids, "
                             "booth, needed, assigned, reason)")
    withdraw = actions.add_parser(
        "withdraw", help="an interpreter falls ill or leaves",
        description="Unavailable from a day on (default: the whole event); their seats "
                    "from then on are given up, and the next roster changes as few others "
                    "as it can.")
    db_option(withdraw)
    withdraw.add_argument("ids", metavar="ID", type=record_id, nargs="+",
                          help="the interpreters' ids (interpreters list)")
    seat = actions.add_parser(
        "seat", help="one booth's team by hand (no ids: the booth emptied)",
        description="Seat these interpreters in a session's booth (the whole meeting it "
                    "belongs to), as the Roster screen does; --lock keeps them there "
                    "through the next roster.")
    db_option(seat)
    seat.add_argument("--session", type=record_id, required=True, metavar="ID",
                      help="the session whose booth is set")
    seat.add_argument("--booth", required=True, metavar="BOOTH", help="en, ru or en-ru")
    seat.add_argument("ids", metavar="INTERPRETER_ID", type=record_id, nargs="*",
                      help="those who sit in the booth (none: the booth is emptied)")
    seat.add_argument("--lock", metavar="ID", type=record_id, nargs="*", default=[],
                      help="of those seated, the ones the solver must keep")
    withdraw.add_argument("--from", dest="from_day", type=_day, metavar="YYYY-MM-DD",
                          help="the first day they are unavailable (default: today at the venue)")
    recruit = actions.add_parser(
        "recruit", help="the fewest interpreters to hire, per day and booth",
        description="For the programme and the pool, the fewest extra interpreters each "
                    "day and booth needs to staff everything under the rules, and their "
                    "cost at the pool's median freelance fee.")
    db_option(recruit)
    recruit.add_argument("--time-limit", type=_seconds, default=10.0, metavar="S",
                         help="seconds to search (default 10)")
    recruit.add_argument("--json", action="store_true",
                         help="objects with day, booth, extra, languages (code: class), cost")
    rules = actions.add_parser(
        "rules", help="the event's interpreters' rules (AIIC defaults), shown or set",
        description="Team sizes by the meeting's length, breaks that join sessions, rest "
                    "between working periods, and the limits of a period, a day and a week.")
    db_option(rules)
    rules.add_argument("--set", action="append", metavar="NAME=VALUE",
                       help="set a rule, e.g. max_day_min=360 or team_table='40:1, 240:2, "
                            "360:3' (repeatable; all are checked before any is kept)")
    rules.add_argument("--reset", action="store_true", help="back to the defaults first")
    rules.add_argument("--json", action="store_true",
                       help="objects with rule, value, unit, default, meaning")
    group.set_defaults(handler=_interpreters)
