"""The command line for the list of speakers: inscribing, running a session, reading the
list back."""

from __future__ import annotations

import argparse
import json
import math
import sys
from contextlib import closing
from typing import Any

from bsm_desk import config
from bsm_desk.cli.common import (
    Commands,
    Parser,
    Translate,
    acting_at,
    db_option,
    print_json,
    record_id,
)
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.domain.model import ProtocolRank

KINDS = {"statement": "statement", "point-of-order": "point_of_order", "reply": "reply"}


def _speakers(args: argparse.Namespace, settings: config.Settings, translate: Translate) -> int:
    from bsm_desk.domain.speakers import EntryKind
    from bsm_desk.services import speakers
    from bsm_desk.services.event.files import connect

    lang = config.ui_language(settings)
    session = args.session
    with closing(connect(args.db)) as db:
        from bsm_desk.services.event import overview

        zone = overview(db, args.db).event.zone  # times as the venue reads them
        who = acting_at(db, settings)
        action = args.speakers_action
        if action == "list":
            entries = speakers.speaker_list(db, session, lang=lang).entries
            if args.json:
                print_json([e.as_dict(zone) for e in entries])
            else:
                print("\t".join(("id", "position", "status", "kind", "name", "delegation",
                                 "language")))
                for e in entries:
                    print("\t".join((str(e.id), str(e.position), e.status.value,
                                     e.kind.value, e.name, e.delegation, e.language)))
            return 0
        if action == "add":
            delegate_id = _who(db, args.delegate, lang, translate)
            try:
                added = speakers.inscribe(db, session, delegate_id,
                                          kind=EntryKind(KINDS[args.kind]),
                                          language=args.language, override=args.override or "",
                                          lang=lang, who=who)
            except speakers.Refused as exc:
                print(f"bsm-desk: {exc.message(translate)}", file=sys.stderr)
                return 1
            _show(added.as_dict(zone), args.json)
            return 0
        if action in ("next", "end"):
            run = speakers.next_speaker if action == "next" else speakers.end
            _show(run(db, session, lang=lang, who=who).as_dict(zone),
                  args.json)
            return 0
        if action in ("pause", "resume"):
            speakers.pause(db, session, resume=action == "resume", who=who)
            return 0
        if action in ("close", "reopen"):
            (speakers.close if action == "close" else speakers.reopen)(
                db, session, who=who)
        elif action == "move":
            speakers.move(db, session, args.entry_id, args.position, args.reason,
                          who=who)
        elif action == "withdraw":
            speakers.withdraw(db, session, args.entry_id, who=who)
        elif action == "limit":
            speakers.set_statement_limit(db, session, args.minutes, who=who)
        elif action == "order":
            speakers.set_order(db, session, args.order, who=who)
            if args.officials_after is not None:
                speakers.set_officials_place(
                    db, session, None if args.officials_after == "default"
                    else args.officials_after, who=who)
        elif action == "text":
            print(speakers.hand_in_text(db, session, args.entry_id, args.file, who=who))
    return 0


NOBODY = QT_TRANSLATE_NOOP("UserError", "Nobody registered is called “{text}”.")
AMBIGUOUS = QT_TRANSLATE_NOOP("UserError", "“{text}” could be {count} people: give the id of "
                                           "one of them (listed above).")


def _who(db: Any, typed: str, lang: str, translate: Translate) -> int:
    """A delegate id as typed, or a name to search for: one exact match is taken; more
    are listed (stderr) and refused, so a chair never inscribes the wrong person."""
    text = typed.strip()
    if text.isascii() and text.isdigit():
        return record_id(text)
    from bsm_desk.services.registry.search import search

    hits = [h for h in search(db, text, limit=10, lang=lang) if not h.fuzzy]
    if not hits:
        raise UserError(NOBODY, text=text[:80])
    if len(hits) > 1:
        for h in hits:
            print("\t".join((str(h.id), f"{h.family_name.upper()} {h.given_name}",
                             h.delegation, h.status)), file=sys.stderr)
        raise UserError(AMBIGUOUS, text=text[:80], count=len(hits))
    return hits[0].id


def _minutes(text: str) -> int | None:
    """Seconds from minutes as typed ("2.5", "2,5"); None for "default"."""
    if text.strip().lower() == "default":
        return None
    try:
        minutes = float(text.replace(",", "."))
    except ValueError:
        minutes = math.nan
    if not math.isfinite(minutes):
        raise argparse.ArgumentTypeError(f"not a number of minutes: {text!r}")
    return round(minutes * 60)


def _show(entry: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print(json.dumps(entry, ensure_ascii=False))
    else:
        print("\t".join(str(entry[k]) for k in ("id", "position", "status", "name",
                                               "delegation")))


def add_commands(sub: Commands) -> None:
    speakers = sub.add_parser(
        "speakers", help="the list of speakers of a session",
        description="Inscribe speakers, run the list (next, end, close, reopen, move, "
                    "withdraw) and read it back in speaking order.")
    db_option(speakers)
    speakers.add_argument("--session", type=record_id, required=True, metavar="ID",
                          help="the session (see bsm-desk programme --json)")
    actions = speakers.add_subparsers(dest="speakers_action", metavar="ACTION",
                                      parser_class=Parser, required=True)
    listing = actions.add_parser("list", help="the list in speaking order")
    listing.add_argument("--json", action="store_true",
                         help="objects with id, position, delegate_id, name, delegation, "
                              "kind, protocol_rank, language, status, inscribed_at, "
                              "started_at, ended_at, spoken_seconds")
    add = actions.add_parser("add", help="inscribe a delegate, speaking for their delegation")
    add.add_argument("delegate", metavar="DELEGATE",
                     help="the delegate's id, or a name to search for (in any script; one "
                          "exact match is taken, several are listed and refused)")
    add.add_argument("--kind", choices=list(KINDS), default="statement",
                     help="a statement (default), a point of order or a right of reply")
    add.add_argument("--language", choices=["en", "ru", "other"], default="en",
                     help="the language of the statement (other: the booths need relay)")
    add.add_argument("--override", metavar="REASON",
                     help="the chair's reason to accept what the rules refuse (recorded)")
    add.add_argument("--json", action="store_true", help="print the entry as JSON")
    for name, text in (("close", "no new statements (points of order and replies still)"),
                       ("reopen", "take statements again"),
                       ("pause", "stop the current speaker's clock"),
                       ("resume", "let the current speaker's clock run again")):
        actions.add_parser(name, help=text)
    for name, text in (("next", "end the current statement and start the next; print it"),
                       ("end", "end the current statement; print it")):
        action = actions.add_parser(name, help=text)
        action.add_argument("--json", action="store_true", help="print the entry as JSON")
    move = actions.add_parser("move", help="put a waiting entry at a position (1: next)")
    move.add_argument("entry_id", type=record_id, metavar="ENTRY_ID",
                      help="the entry to move (speakers list)")
    move.add_argument("position", type=record_id, metavar="POSITION",
                      help="its new place in the list, from 1")
    move.add_argument("--reason", required=True, metavar="TEXT", help="why (recorded)")
    withdraw = actions.add_parser("withdraw", help="take a waiting entry off the list")
    withdraw.add_argument("entry_id", type=record_id, metavar="ENTRY_ID",
                          help="the entry to withdraw (speakers list)")
    limit = actions.add_parser("limit", help="this session's limit for a statement")
    limit.add_argument("minutes", metavar="MINUTES", type=_minutes,
                       help="minutes (2.5 is two and a half; 0: no limit; default: back to "
                            "5 at thematic sessions, none elsewhere)")
    order = actions.add_parser("order", help="how statements are ordered: protocol (by "
                                             "level, then inscription) or inscription")
    order.add_argument("order", choices=["protocol", "inscription"],
                       help="by level of representation (protocol) or by time of inscription")
    order.add_argument("--officials-after", metavar="LEVEL",
                       choices=["default", *(r.value for r in ProtocolRank
                                             if r is not ProtocolRank.SENIOR_OFFICIAL)],
                       help="heads of organisations and senior UN officials speak just "
                            "after this level (head_of_state, head_of_government, minister, "
                            "…; default: between heads of national agencies and "
                            "ambassadors)")
    text = actions.add_parser("text", help="hand in the text of a statement for the "
                                           "interpreters (PDF, DOCX or TXT, 20 MB at most)")
    text.add_argument("entry_id", type=record_id, metavar="ENTRY_ID",
                      help="the entry whose text it is (speakers list)")
    text.add_argument("file", metavar="FILE", help="the text: PDF, DOCX or TXT, 20 MB at most")
    speakers.set_defaults(handler=_speakers)
