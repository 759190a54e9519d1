"""The command line for check-in: badge codes scanned at a checkpoint, and the
checkpoints."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime

from bsm_desk import config
from bsm_desk.cli.common import (
    Commands,
    Translate,
    acting_at,
    db_option,
    print_json,
)
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError


def _codes_from(values: list[str]) -> Iterator[str]:
    for value in values:
        if value == "-":
            # Bytes, decoded line by line: a scanner's stray byte is one bad code (refused
            # as invalid), not the end of the session.
            for raw in sys.stdin.buffer:
                line = raw.decode("utf-8", errors="replace").strip()
                if line:
                    yield line
        else:
            yield value


LOCK_RETRY_S = 0.25
CODES_OR_UNDO = QT_TRANSLATE_NOOP("UserError", "Give badge codes to check in, or "
                                               "--undo-last REASON, not both.")
SET_READMIT = QT_TRANSLATE_NOOP("UserError", "--set CHECKPOINT and --readmit yes|no go "
                                             "together.")


def _checkin(args: argparse.Namespace, settings: config.Settings, translate: Translate) -> int:
    from bsm_desk.domain.errors import DatabaseBusy
    from bsm_desk.services import checkin
    from bsm_desk.services.event.files import connect

    if bool(args.codes) == (args.undo_last is not None):
        raise UserError(CODES_OR_UNDO)
    with closing(connect(args.db)) as db:
        point = args.checkpoint or settings.checkpoint
        if not args.checkpoint and point not in {c.id for c in checkin.checkpoints(db)}:
            point = checkin.default_checkpoint(db).id
        desk = checkin.Desk.open(db, point, who=acting_at(db, settings))
        zone = desk.event.zone
        today = checkin.not_today(desk.checkpoint, zone)
        if today is not None:
            print("bsm-desk: " + translate("Cli", "Note: {checkpoint} is the checkpoint of "
                                                  "{day}; today at the venue is {today}.")
                  .format(checkpoint=desk.checkpoint.id, day=desk.checkpoint.day.isoformat(),
                          today=today.isoformat()), file=sys.stderr, flush=True)
        if args.undo_last is not None:
            undone = desk.undo_last(args.undo_last)
            print(translate("Cli", "Undone: the check-in of #{id} at {checkpoint}, "
                                   "{at}.").format(id=undone.delegate_id,
                                                  checkpoint=desk.checkpoint.id,
                                                  at=undone.at.astimezone(zone).isoformat()))
            return 0
        all_accepted = True
        scanned = 0
        for code in _codes_from(args.codes):
            at = datetime.now(UTC)  # when it was scanned, even if it waits for the lock
            waited = False
            while True:
                try:
                    verdict = desk.scan(code, method="cli", now=at)
                    break
                except DatabaseBusy:
                    # Never drop a scan: wait for the other program (Ctrl+C cancels).
                    if not waited:
                        print("bsm-desk: " + translate("Cli", "Waiting for the database…"),
                              file=sys.stderr, flush=True)
                        waited = True
                    time.sleep(LOCK_RETRY_S)
            all_accepted = all_accepted and verdict.accepted
            if args.json:
                line = json.dumps(verdict.as_dict(zone), ensure_ascii=False)
            else:
                line = "\t".join((verdict.outcome, str(verdict.delegate_id or "-"),
                                  verdict.name_latin or "-", verdict.checkpoint,
                                  verdict.at.astimezone(zone).isoformat()))
            print(line, flush=True)  # after the commit: a printed verdict is on disk
            scanned += 1
            if scanned % 200 == 0:
                desk.idle()
    return 0 if all_accepted else 1


def _checkpoints(args: argparse.Namespace, settings: config.Settings,
                 translate: Translate) -> int:
    from bsm_desk.services import checkin
    from bsm_desk.services.event.files import connect

    lang = config.ui_language(settings)
    with closing(connect(args.db)) as db:
        if (args.set is None) != (args.readmit is None):
            raise UserError(SET_READMIT)
        if args.set is not None:
            checkin.set_readmit(db, args.set, args.readmit == "yes",
                                who=acting_at(db, settings))
        found = checkin.checkpoints(db)
    rows = []
    for point in found:
        if point.session is None:
            name = translate("Cli", "Entrance, {day}").format(day=point.day.isoformat())
        else:
            name = point.session.title(lang)
        rows.append({"id": point.id, "kind": point.kind, "day": point.day.isoformat(),
                     "name": name, "readmit": point.readmit})
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            print("\t".join(str(row[key]) for key in ("id", "day", "name")))
    return 0


def add_commands(sub: Commands) -> None:
    checkin = sub.add_parser("checkin", help="check in badge codes at a checkpoint",
                             description="Check in each CODE (or each line of standard input "
                                         "for -) at the checkpoint and print one verdict per "
                                         "line. Exit 0 when every one was accepted, 1 "
                                         "otherwise.")
    db_option(checkin)
    checkin.add_argument("codes", nargs="*", metavar="CODE", help="badge codes, or - for stdin")
    checkin.add_argument("--undo-last", dest="undo_last", metavar="REASON",
                         help="instead of scanning: take back this desk's last check-in at "
                              "the checkpoint (the reason is recorded), as the window's Undo")
    checkin.add_argument("--checkpoint", metavar="ID",
                         help="where (see the checkpoints command; default: this desk's "
                              "checkpoint, else the entrance today or on the first day)")
    checkin.add_argument("--json", action="store_true",
                         help="one JSON object per line: verdict, delegate_id, name, "
                              "checkpoint, at, ...")
    checkin.set_defaults(handler=_checkin)

    points = sub.add_parser("checkpoints", help="list the checkpoints of the event",
                            description="List the checkpoints: the entrance of each day and "
                                        "the door of each session.")
    db_option(points)
    points.add_argument("--json", action="store_true", help="print the result as JSON")
    points.add_argument("--set", metavar="ID", help="change this checkpoint's rule (with "
                                                    "--readmit), as Check-in → Rules…")
    points.add_argument("--readmit", choices=["yes", "no"],
                        help="a second scan is a welcome re-entry (yes) or refused (no)")
    points.set_defaults(handler=_checkpoints)
