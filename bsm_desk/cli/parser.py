"""The ``bsm-desk`` command line: its commands, options and help, as argparse sees them.

Options and JSON fields named in the issues are a contract that scripts rely on.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bsm_desk import __version__, config

# Services are imported inside the commands that use them: the window starts faster
# and `bsm-desk --help` answers at once.
DEFAULT_DELEGATES = 700
DEFAULT_SEED = 2022

EXIT_USER_ERROR = 2


class _Parser(argparse.ArgumentParser):
    """argparse with our exit code and one-line errors."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USER_ERROR, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="bsm-desk",
        description="BSM Desk: registration, badges, check-in and rooms for bilingual "
                    "conferences, offline. With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", type=Path, help="event database to open (default: the last one)")
    parser.add_argument("--demo", action="store_true",
                        help="build a fresh demo conference (Dushanbe 2022) and open it")
    parser.add_argument("--lang", choices=config.LANGUAGES,
                        help="language of the window and messages (remembered)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    demo = sub.add_parser("demo", help="build the Dushanbe 2022 demo conference",
                          description="Build the demo conference (Dushanbe, 18-19 October "
                                      "2022) into a new database. Same seed, same database.")
    _db_option(demo)
    demo.add_argument("--delegates", type=int, default=DEFAULT_DELEGATES,
                      metavar="N", help="number of synthetic delegates (default 700)")
    demo.add_argument("--seed", type=int, default=DEFAULT_SEED, metavar="S",
                      help="random seed (default 2022)")
    demo.add_argument("--force", action="store_true", help="replace the file if it exists")
    demo.add_argument("--attendance", action="store_true",
                      help="also check people in, as if both days had happened")
    demo.add_argument("--json", action="store_true", help="print the result as JSON")

    search = sub.add_parser("search", help="find delegates by name, in any script or spelling",
                            description="Find delegates by name: Latin or Cyrillic, any "
                                        "common spelling, word order ignored, prefixes from "
                                        "two letters; near misses when nothing matches.")
    _db_option(search)
    search.add_argument("text", metavar="TEXT", nargs="+", help="what to look for")
    search.add_argument("--limit", type=int, default=20, metavar="N",
                        help="at most N results (default 20)")
    search.add_argument("--json", action="store_true", help="print the result as JSON")

    imp = sub.add_parser("import", help="import delegates from an .xlsx or .csv list",
                         description="Import a delegation list (.xlsx, .csv or .txt; UTF-8, "
                                     "UTF-16 or cp1251; comma, semicolon or tab). All rows or "
                                     "none: any error and nothing is written (exit 1).")
    _db_option(imp)
    imp.add_argument("file", type=Path, metavar="FILE", help="the list to import")
    imp.add_argument("--sheet", metavar="NAME", help="worksheet to read (default: the first)")
    imp.add_argument("--dry-run", action="store_true",
                     help="check and report, write nothing")
    imp.add_argument("--json", action="store_true", help="print the report as JSON")

    template = sub.add_parser("template", help="write an empty delegates list to send out",
                              description="Write an empty delegates list (.xlsx) with "
                                          "bilingual headers and drop-downs for gender and "
                                          "category.")
    template.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx",
                          help="where to write it")
    template.add_argument("--db", type=Path, metavar="PATH",
                          help="take the categories and title from this event")

    dup = sub.add_parser("duplicates", help="list likely duplicate registrations",
                         description="List pairs of records that are probably one person "
                                     "(same e-mail or passport, or near names in one "
                                     "delegation).")
    _db_option(dup)
    dup.add_argument("--json", action="store_true", help="print the result as JSON")

    badges = sub.add_parser("badges", help="write badges to a PDF, or list their codes",
                            description="Write the badges of the chosen delegates to one PDF "
                                        "(each badge is logged as printed), or with --codes "
                                        "print 'id<TAB>code' lines instead. Cancelled and "
                                        "merged records get no badge.")
    _db_option(badges)
    badges.add_argument("--out", type=Path, metavar="FILE.pdf", help="the PDF to write")
    badges.add_argument("--codes", action="store_true",
                        help="print each delegate id and current code instead of a PDF")
    _badge_options(badges)
    badges.add_argument("--delegation", metavar="NAME",
                        help="only this delegation (English or Russian name, or ISO code)")
    badges.add_argument("--category", metavar="NAME",
                        help="only this category (code, English or Russian name)")
    badges.add_argument("--only-unprinted", action="store_true",
                        help="only delegates whose current badge was never printed")
    badges.add_argument("--ids", metavar="1,2,3", help="only these delegate ids")
    badges.add_argument("--proof", action="store_true",
                        help="a proof to look at: do not log the badges as printed")

    reprint = sub.add_parser("reprint", help="reprint one badge; the old one is revoked",
                             description="Give a delegate a new badge version (the old badge "
                                         "then scans as REVOKED) and write it to a PDF.")
    _db_option(reprint)
    reprint.add_argument("delegate_id", type=int, metavar="DELEGATE_ID")
    reprint.add_argument("--reason", required=True, choices=["lost", "damaged", "name"],
                         help="why: lost, damaged, or name corrected")
    reprint.add_argument("--out", type=Path, required=True, metavar="FILE.pdf",
                         help="the PDF to write")
    _badge_options(reprint)

    checkin = sub.add_parser("checkin", help="check in badge codes at a checkpoint",
                             description="Check in each CODE (or each line of standard input "
                                         "for -) at the checkpoint and print one verdict per "
                                         "line. Exit 0 when every one was accepted, 1 "
                                         "otherwise.")
    _db_option(checkin)
    checkin.add_argument("codes", nargs="+", metavar="CODE", help="badge codes, or - for stdin")
    checkin.add_argument("--checkpoint", metavar="ID",
                         help="where (see the checkpoints command; default: this desk's "
                              "checkpoint, else the entrance today or on the first day)")
    checkin.add_argument("--json", action="store_true",
                         help="one JSON object per line: verdict, delegate_id, name, "
                              "checkpoint, at, ...")

    points = sub.add_parser("checkpoints", help="list the checkpoints of the event",
                            description="List the checkpoints: the entrance of each day and "
                                        "the door of each session.")
    _db_option(points)
    points.add_argument("--json", action="store_true", help="print the result as JSON")

    export = sub.add_parser("export", help="attendance workbook, or the List of Participants",
                            description="Export reports for the organizers.")
    what = export.add_subparsers(dest="report", metavar="REPORT", parser_class=_Parser,
                                 required=True)
    attendance = what.add_parser(
        "attendance", help="the attendance workbook (.xlsx), or its Participants sheet (.csv)",
        description="Summary per day and session (by gender and category), participants, "
                    "one sheet per session, by delegation. FILE.csv: the Participants sheet "
                    "alone, UTF-8 with BOM.")
    participants = what.add_parser(
        "participants", help="the List of Participants by delegation (.pdf or .xlsx)",
        description="Delegations in protocol order, each with its head first.")
    programme_export = what.add_parser(
        "programme", help="the programme: bilingual PDF for the doors, .xlsx, or .ics per room",
        description="FILE.pdf: day by day, English and Russian, for printing at the doors; "
                    "FILE.xlsx: a sheet per day; a folder: one iCalendar file per room.")
    _db_option(programme_export)
    programme_export.add_argument("--out", type=Path, required=True, metavar="FILE|FOLDER",
                                  help="FILE.pdf, FILE.xlsx, or a folder for .ics files")
    for report in (attendance, participants):
        _db_option(report)
        report.add_argument("--out", type=Path, required=True, metavar="FILE",
                            help="the file to write (.xlsx, .csv or .pdf)")
        report.add_argument("--lang", choices=config.LANGUAGES, default=argparse.SUPPRESS,
                            dest="report_lang",
                            help="language of the report (default: the desk's)")

    side = sub.add_parser("side-events", help="side-event requests")
    side_commands = side.add_subparsers(dest="side_command", metavar="ACTION",
                                        parser_class=_Parser, required=True)
    side_import = side_commands.add_parser(
        "import", help="import side-event requests from an .xlsx or .csv list",
        description="Columns (English or Russian headers): title, organizer, expected "
                    "participants, duration in minutes, preferred slots (YYYY-MM-DD HH:MM; "
                    "several separated by ;, best first), interpretation (yes/no), "
                    "equipment, panellists (e-mails or names of registered delegates). All "
                    "rows or none: any error and nothing is written (exit 1).")
    _db_option(side_import)
    side_import.add_argument("file", type=Path, metavar="FILE", help="the list to import")

    programme = sub.add_parser("programme", help="print the timetable",
                               description="The sessions, day by day, in the venue's time.")
    _db_option(programme)
    programme.add_argument("--day", metavar="YYYY-MM-DD", help="only this day")
    programme.add_argument("--json", action="store_true",
                           help="a list of sessions: id, kind, title_en, title_ru, room, start, "
                                "end, languages")

    rooms = sub.add_parser("rooms", help="the venue's rooms; allocate side events to them")
    room_commands = rooms.add_subparsers(dest="rooms_command", metavar="ACTION",
                                         parser_class=_Parser, required=True)
    room_list = room_commands.add_parser("list", help="list the rooms")
    _db_option(room_list)
    room_list.add_argument("--json", action="store_true", help="print the result as JSON")
    allocate = room_commands.add_parser(
        "allocate", help="find rooms and times for the side-event requests",
        description="Propose a room and a start time for every pending side-event request "
                    "(OR-Tools CP-SAT), keeping the programme as it is; --apply puts the "
                    "placed ones into the programme.")
    _db_option(allocate)
    allocate.add_argument("--time-limit", type=float, default=5.0, metavar="S",
                          help="seconds the solver may take (default 5)")
    allocate.add_argument("--buffer", type=int, default=None, metavar="MIN",
                          help="minutes kept free in a room between two events, for the "
                               "change-over (default: the event's setting, 15 unless "
                               "changed in Rooms and hours)")
    allocate.add_argument("--apply", action="store_true", help="add the placed events")
    allocate.add_argument("--json", action="store_true", help="print the proposal as JSON")

    backup = sub.add_parser("backup", help="take a consistent backup of an event file",
                            description="Copy the event file with SQLite's backup API (safe "
                                        "while desks write) into its backups folder, or to "
                                        "FILE. Prints where the copy is.")
    _db_option(backup)
    backup.add_argument("--out", type=Path, metavar="FILE",
                        help="where to write it (default: the event's backups folder)")
    backup.add_argument("--list", action="store_true",
                        help="list the automatic backups instead, newest first")
    backup.add_argument("--json", action="store_true", help="print the result as JSON")

    restore = sub.add_parser("restore", help="put a backup in place of the event file",
                             description="Replace the event file with BACKUP. The current "
                                         "file is kept aside (renamed, never overwritten). "
                                         "Close the event on every desk first.")
    _db_option(restore)
    restore.add_argument("backup", type=Path, metavar="BACKUP", help="the backup file")
    restore.add_argument("--json", action="store_true", help="print the result as JSON")

    info = sub.add_parser("info", help="show the event, its days, rooms and counts",
                          description="Show the facts of an event database.")
    _db_option(info)
    info.add_argument("--json", action="store_true", help="print the result as JSON")
    return parser


def _badge_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--layout", choices=["cr80", "a6", "a4-4up"], default="a6",
                        help="cr80 card (85.6 x 54 mm), a6 badge (105 x 148 mm, the "
                             "default) or a4-4up (four A6 on A4 with cut marks)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


def _db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, default=argparse.SUPPRESS, metavar="PATH",
                        help="event database file")
