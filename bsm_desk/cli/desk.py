"""The command-line handlers for the desk's work: badges, check-in, reports, the
programme and rooms.

Each takes the parsed arguments, the desk's settings and a translate function, calls
one service, prints, and returns the exit status; ``bsm_desk.cli`` parses and
dispatches. User errors are raised as ``UserError`` and printed by ``cli.main``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from bsm_desk import config
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError

if TYPE_CHECKING:
    from bsm_desk.domain.importing import RowProblem

Translate = Callable[[str, str], str]


def print_problems(file: str, problems: Sequence[RowProblem], translate: Translate) -> None:
    """Each problem of an import on its own line of stderr: file, row, column, message."""
    for problem in problems:
        column = f", {problem.column}" if problem.column else ""
        print(translate("Cli", "{file}, row {row}{column}: {message}").format(
            file=file, row=problem.row, column=column, message=problem.message(translate)),
            file=sys.stderr)


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def _lazy_translate(lang: str) -> Translate:
    """Load Qt's translator only when a message is actually printed."""
    loaded: list[Translate] = []

    def translate(context: str, text: str) -> str:
        if not loaded:
            from bsm_desk.translations import translate_function

            loaded.append(translate_function(lang))
        return loaded[0](context, text)

    return translate


BAD_IDS = QT_TRANSLATE_NOOP("UserError", "--ids takes delegate numbers separated by commas, "
                                         "not {value}.")


BADGES_NEED_OUT = QT_TRANSLATE_NOOP("UserError", "The badges command needs --out FILE.pdf "
                                                 "or --codes.")


def _parse_ids(value: str | None) -> list[int] | None:
    if value is None:
        return None
    try:
        ids = [int(part) for part in value.replace(" ", "").split(",") if part]
    except ValueError:
        raise UserError(BAD_IDS, value=value) from None
    if not ids or min(ids) < 1:
        raise UserError(BAD_IDS, value=value)
    return ids


def _batch_report(batch: Any, args: argparse.Namespace, translate: Translate) -> int:
    if args.json:
        _print_json({"file": str(batch.path), "badges": batch.badges, "pages": batch.pages,
                     "layout": args.layout, "logged": batch.logged})
        return 0
    print(translate("Cli", "Badges written: {count}; pages: {pages}; file: {path}").format(
        count=batch.badges, path=batch.path, pages=batch.pages))
    return 0


def _badges(args: argparse.Namespace, settings: config.Settings, translate: Translate) -> int:
    from bsm_desk.services import badges
    from bsm_desk.store import connect

    if args.out is None and not args.codes:
        raise UserError(BADGES_NEED_OUT)
    ids = _parse_ids(args.ids)
    with closing(connect(args.db)) as db:
        chosen = badges.select(db, delegation=args.delegation, category=args.category,
                               only_unprinted=args.only_unprinted, ids=ids)
        if args.codes:
            pairs = badges.codes(db, chosen)
            if args.json:
                _print_json([{"id": i, "code": code} for i, code in pairs])
            else:
                sys.stdout.write("".join(f"{i}\t{code}\n" for i, code in pairs))
            return 0
        batch = badges.write_pdf(db, chosen, args.out, badges.layout_of(args.layout),
                                 desk_id=settings.desk_id, operator=settings.desk_name,
                                 log=not args.proof)
    return _batch_report(batch, args, translate)


def _reprint(args: argparse.Namespace, settings: config.Settings, translate: Translate) -> int:
    from bsm_desk.services import badges
    from bsm_desk.store import connect

    with closing(connect(args.db)) as db:
        batch = badges.reprint(db, args.delegate_id, badges.reason_of(args.reason), args.out,
                               badges.layout_of(args.layout), desk_id=settings.desk_id,
                               operator=settings.desk_name)
    return _batch_report(batch, args, translate)


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


def _checkin(args: argparse.Namespace, settings: config.Settings, translate: Translate) -> int:
    from bsm_desk.domain.errors import DatabaseBusy
    from bsm_desk.services import checkin
    from bsm_desk.store import connect

    with closing(connect(args.db)) as db:
        point = args.checkpoint or settings.checkpoint
        if not args.checkpoint and point not in {c.id for c in checkin.checkpoints(db)}:
            point = checkin.default_checkpoint(db).id
        desk = checkin.Desk.open(db, point, desk_id=settings.desk_id,
                                 operator=settings.desk_name)
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
                line = json.dumps(verdict.as_dict(), ensure_ascii=False)
            else:
                line = "\t".join((verdict.kind.value, str(verdict.delegate_id or "-"),
                                  verdict.name_latin or "-", verdict.checkpoint,
                                  verdict.at.isoformat()))
            print(line, flush=True)  # after the commit: a printed verdict is on disk
            scanned += 1
            if scanned % 200 == 0:
                desk.idle()
    return 0 if all_accepted else 1


def _checkpoints(args: argparse.Namespace, settings: config.Settings,
                 translate: Translate) -> int:
    from bsm_desk.services import checkin
    from bsm_desk.store import connect

    lang = config.ui_language(settings)
    with closing(connect(args.db)) as db:
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
        _print_json(rows)
    else:
        for row in rows:
            print("\t".join((row["id"], row["day"], row["name"])))
    return 0


def _side_events(args: argparse.Namespace, settings: config.Settings,
                 translate: Translate) -> int:
    from bsm_desk.services.programme.side_event_import import import_requests
    from bsm_desk.store import connect

    with closing(connect(args.db)) as db:
        report = import_requests(db, args.file, desk_id=settings.desk_id,
                                 operator=settings.desk_name)
    print_problems(report.file, report.problems, translate)
    if report.problems:
        print(translate("Cli", "Nothing was imported: correct the rows above and import "
                               "again."), file=sys.stderr)
        return 1
    print(translate("Cli", "{file}: {count} side-event requests imported.").format(
        file=report.file, count=report.added))
    return 0


BAD_DAY = QT_TRANSLATE_NOOP("UserError", "--day takes a date as YYYY-MM-DD, not {value}.")


def _programme(args: argparse.Namespace, settings: config.Settings,
               translate: Translate) -> int:
    from datetime import date

    from bsm_desk.store import connect
    from bsm_desk.store import event as event_store
    from bsm_desk.store import rooms as room_store
    from bsm_desk.store import sessions as session_store

    day = None
    if args.day:
        try:
            day = date.fromisoformat(args.day)
        except ValueError:
            raise UserError(BAD_DAY, value=args.day) from None
    lang = config.ui_language(settings)
    with closing(connect(args.db)) as db:
        event = event_store.get_event(db)
        rooms = {r.id: r for r in room_store.list_rooms(db)}
        sessions = session_store.list_sessions(db)
    zone = event.zone if event else None
    chosen = [s for s in sessions if day is None or (zone and s.local_day(zone) == day)]
    if args.json:
        _print_json([{"id": s.id, "kind": s.kind.value, "title_en": s.title_en,
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
    from bsm_desk.store import connect
    from bsm_desk.store import rooms as room_store

    lang = config.ui_language(settings)
    with closing(connect(args.db)) as db:
        if args.rooms_command == "list":
            rooms = room_store.list_rooms(db)
            if args.json:
                _print_json([{"id": r.id, "name": r.name_en, "name_ru": r.name_ru,
                              "floor": r.floor, "capacity": r.capacity, "booths": r.booths,
                              "equipment": list(r.equipment)} for r in rooms])
            else:
                for r in rooms:
                    print("\t".join((r.name(lang), str(r.capacity), str(r.booths),
                                     ", ".join(r.equipment))))
            return 0
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
        allocation.apply(db, proposal, desk_id=settings.desk_id, operator=settings.desk_name)
    if args.json:
        _print_json(rows)
    else:
        for row in rows:
            where = (f"{row['room']}\t{row['start']}\t{row['end']}" if not row.get("unplaced")
                     else translate("Cli", "not placed: {reason}").format(reason=row["reason"]))
            print(f"{row['request_id']}\t{row['title']}\t{where}")
        print(translate("Cli", "Optimal.") if proposal.optimal else
              translate("Cli", "Best found within the time limit."), file=sys.stderr)
    return 0


BAD_BUFFER = QT_TRANSLATE_NOOP("UserError", "The change-over buffer is 0 to 240 minutes.")
BAD_EXPORT = QT_TRANSLATE_NOOP("UserError", "{file}: the {report} export writes {kinds}.")


def _export(args: argparse.Namespace, settings: config.Settings, translate: Translate) -> int:
    from bsm_desk.services.reports import attendance, participants
    from bsm_desk.store import connect

    if args.report == "programme":
        return _export_programme(args, translate)
    lang = getattr(args, "report_lang", None) or config.ui_language(settings)
    suffix = args.out.suffix.lower()
    kinds = {"attendance": (".xlsx", ".csv"), "participants": (".pdf", ".xlsx")}[args.report]
    if suffix not in kinds:
        raise UserError(BAD_EXPORT, file=args.out.name, report=args.report,
                        kinds=", ".join(kinds))
    report_translate = _lazy_translate(lang)
    with closing(connect(args.db)) as db:
        if args.report == "attendance":
            data = attendance.collect(db)
            if suffix == ".csv":
                path = attendance.write_csv(data, args.out, lang, report_translate)
            else:
                path = attendance.write_workbook(data, args.out, lang, report_translate)
        else:
            path = participants.export(db, args.out, lang, report_translate)
    print(translate("Cli", "Written: {path}").format(path=path))
    return 0


def _export_programme(args: argparse.Namespace, translate: Translate) -> int:
    from bsm_desk.services.programme import export as programme_export
    from bsm_desk.store import connect

    with closing(connect(args.db)) as db:
        suffix = args.out.suffix.lower()
        if suffix == ".pdf":
            written = [programme_export.write_pdf(db, args.out)]
        elif suffix == ".xlsx":
            written = [programme_export.write_xlsx(db, args.out)]
        else:
            written = programme_export.write_ics(db, args.out)
    for path in written:
        print(translate("Cli", "Written: {path}").format(path=path))
    return 0
