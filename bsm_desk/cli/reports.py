"""The command line for reports: the attendance workbook, the List of Participants,
the programme for the doors."""

from __future__ import annotations

import argparse
from contextlib import closing
from datetime import date
from pathlib import Path

from bsm_desk import config
from bsm_desk.cli.common import (
    Commands,
    Parser,
    Translate,
    acting_at,
    db_option,
    lazy_translate,
)
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError

# What each export writes, by the --out file's suffix (its help says the same).
KINDS = {"attendance": (".xlsx", ".csv"), "participants": (".pdf", ".xlsx", ".csv"),
         "speakers": (".pdf", ".xlsx"), "report": (".pdf", ".xlsx")}
BAD_EXPORT = QT_TRANSLATE_NOOP("UserError", "{file}: the {report} export writes {kinds}.")


def _export(args: argparse.Namespace, settings: config.Settings, translate: Translate) -> int:
    from bsm_desk.services.event.files import connect
    from bsm_desk.services.reports import attendance, attendance_files, participants

    if args.report == "programme":
        return _export_programme(args, translate)
    if args.report == "speakers":
        return _export_speakers(args, settings, translate)
    if args.report == "roster":
        return _export_roster(args, settings, translate)
    if args.report == "report":
        return _export_report(args, settings, translate)
    lang = getattr(args, "report_lang", None) or config.ui_language(settings)
    suffix = args.out.suffix.lower()
    kinds = KINDS[args.report]
    if suffix not in kinds:
        raise UserError(BAD_EXPORT, file=args.out.name, report=args.report,
                        kinds=", ".join(kinds))
    report_translate = lazy_translate(lang)
    with closing(connect(args.db)) as db:
        if args.report == "attendance":
            data = attendance.collect(db)
            if suffix == ".csv":
                path = attendance_files.write_csv(data, args.out, lang, report_translate)
            else:
                path = attendance_files.write_workbook(data, args.out, lang, report_translate)
        else:
            path = participants.export(db, args.out, lang, report_translate,
                                       personal=getattr(args, "personal", False),
                                       who=acting_at(db, settings))
    print(translate("Cli", "Written: {path}").format(path=path))
    return 0


def _export_programme(args: argparse.Namespace, translate: Translate) -> int:
    from bsm_desk.services.event.files import connect
    from bsm_desk.services.programme import export as programme_export

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


def _export_speakers(args: argparse.Namespace, settings: config.Settings,
                     translate: Translate) -> int:
    from bsm_desk.services.event.files import connect
    from bsm_desk.services.speakers import export as speakers_export

    lang = getattr(args, "report_lang", None) or config.ui_language(settings)
    with closing(connect(args.db)) as db:
        path = speakers_export.write(db, args.out, session_id=args.session, lang=lang)
    print(translate("Cli", "Written: {path}").format(path=path))
    return 0


def _export_report(args: argparse.Namespace, settings: config.Settings,
                   translate: Translate) -> int:
    from bsm_desk.services import conference
    from bsm_desk.services.event.files import connect

    lang = getattr(args, "report_lang", None) or config.ui_language(settings)
    if args.out.is_dir():  # a folder: both, named for the event's report
        targets = [args.out / "conference-report.pdf", args.out / "conference-report.xlsx"]
    elif args.out.suffix.lower() in KINDS["report"]:
        targets = [args.out]
    else:
        raise UserError(BAD_EXPORT, file=args.out.name, report=args.report,
                        kinds=", ".join(KINDS["report"]) + ", FOLDER")
    report_translate = lazy_translate(lang)

    def t(text: str) -> str:
        return report_translate("Report", text)

    with closing(connect(args.db)) as db:
        figures = conference.build(db, lang, day=args.day, translate=t)
    for target in targets:
        write = conference.write_pdf if target.suffix.lower() == ".pdf" \
            else conference.write_workbook
        path = write(figures, target, translate=t)
        print(translate("Cli", "Written: {path}").format(path=path))
    return 0


def _export_roster(args: argparse.Namespace, settings: config.Settings,
                   translate: Translate) -> int:
    from bsm_desk.services.event.files import connect
    from bsm_desk.services.interpreters import export as roster_export

    lang = getattr(args, "report_lang", None) or config.ui_language(settings)
    with closing(connect(args.db)) as db:
        written = roster_export.write(db, args.out, lang=lang)
    for path in written:
        print(translate("Cli", "Written: {path}").format(path=path))
    return 0


def add_commands(sub: Commands) -> None:
    export = sub.add_parser("export", help="attendance workbook, or the List of Participants",
                            description="Export reports for the organizers.")
    what = export.add_subparsers(dest="report", metavar="REPORT", parser_class=Parser,
                                 required=True)
    attendance = what.add_parser(
        "attendance", help="the attendance workbook (.xlsx), or its Participants sheet (.csv)",
        description="Summary per day and session (by gender and category), participants, "
                    "one sheet per session, by delegation. FILE.csv: the Participants sheet "
                    "alone, UTF-8 with BOM.")
    participants = what.add_parser(
        "participants", help="the List of Participants by delegation (.pdf or .xlsx)",
        description="Delegations in protocol order, each with its head first.")
    participants.add_argument("--personal", action="store_true",
                              help="with passport numbers, phones and dates of birth "
                                   "(.xlsx only; a supervisor's, audited)")
    programme_export = what.add_parser(
        "programme", help="the programme: bilingual PDF for the doors, .xlsx, or .ics per room",
        description="FILE.pdf: day by day, English and Russian, for printing at the doors; "
                    "FILE.xlsx: a sheet per day; a folder: one iCalendar file per room.")
    db_option(programme_export)
    programme_export.add_argument("--out", type=Path, required=True, metavar="FILE|FOLDER",
                                  help="FILE.pdf, FILE.xlsx, or a folder for .ics files")
    speakers = what.add_parser(
        "speakers", help="the list of speakers and the record of statements (.pdf, .xlsx)",
        description="Who spoke, for which delegation, kind, language, start and minutes "
                    "spoken: one session with --session, else every session with a list.")
    speakers.add_argument("--session", type=int, metavar="ID",
                          help="one session (default: the whole event)")
    roster = what.add_parser(
        "roster", help="the interpreters' roster: per day and booth, and each interpreter's "
                       "schedule (.pdf, .xlsx), or a folder of .ics",
        description="The roster as it stands (bsm-desk interpreters roster --apply): FILE.pdf "
                    "or FILE.xlsx per day and booth, then totals and a personal schedule per "
                    "interpreter; a folder: one iCalendar file per interpreter.")
    conference = what.add_parser(
        "report", help="the conference report: who came and who spoke, women and men "
                       "(.pdf, .xlsx, or a folder for both)",
        description="Participation by day, session and kind of delegation, heads of "
                    "delegation, the record of statements and speaking time, women and men "
                    "in each (a group of fewer than 5 is not split), with charts.")
    conference.add_argument("--day", type=date.fromisoformat, metavar="DATE",
                            help="one day of the event, YYYY-MM-DD (default: the whole event)")
    for report in (attendance, participants, speakers, roster, conference):
        db_option(report)
        report.add_argument("--out", type=Path, required=True,
                            metavar="FILE|FOLDER" if report in (roster, conference)
                            else "FILE",
                            help="FILE.pdf, FILE.xlsx, or a folder for .ics files"
                            if report is roster else
                            "the file to write: .pdf, .xlsx, or a folder for both"
                            if report is conference
                            else "the file to write: " + ", ".join(
                                KINDS[report.prog.split()[-1]]))
        report.add_argument("--lang", choices=config.LANGUAGES, default=argparse.SUPPRESS,
                            dest="report_lang",
                            help="language of the report (default: the desk's)")
    export.set_defaults(handler=_export)
