"""The command line for operators and the audit trail: who may sign in with which role,
and the append-only log of every change (verify it, read it)."""

from __future__ import annotations

import argparse
import sys
from contextlib import closing
from typing import Any

from bsm_desk import config
from bsm_desk.cli.common import Commands, Parser, Translate, acting_at, count, db_option, print_json
from bsm_desk.domain.operators import ROLE_WORDS, Role


def _new_secret(translate: Translate) -> str:
    """The new password or PIN: from standard input (its first line), or typed twice."""
    if sys.stdin.isatty():
        import getpass

        first = getpass.getpass(translate("Cli", "New password or PIN: "))
        if getpass.getpass(translate("Cli", "Once more: ")) != first:
            from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError

            raise UserError(QT_TRANSLATE_NOOP("UserError", "The two passwords differ."))
        return first
    return sys.stdin.readline().rstrip("\r\n")


def _first_passphrase(db: Any, translate: Translate) -> str | None:
    """The event's passphrase, set with the first administrator (None when the event
    has operators, or its key already): BSM_DESK_PASSPHRASE, else typed twice, else the
    next line of standard input."""
    from bsm_desk.services import operators
    from bsm_desk.services.operators import privacy

    if operators.has_operators(db) or privacy.protected(db):
        return None
    import os

    if os.environ.get(PASSPHRASE_ENV) is not None or sys.stdin.isatty():
        return passphrase(translate, twice=True)
    return sys.stdin.readline().rstrip("\r\n")


def _operators(args: argparse.Namespace, settings: config.Settings,
               translate: Translate) -> int:
    from bsm_desk.services import operators
    from bsm_desk.services.event.files import connect

    with closing(connect(args.db)) as db:
        action = args.operators_action
        if action == "add":
            secret = _new_secret(translate)
            made = operators.add_operator(db, args.name, Role(args.role), secret,
                                          who=acting_at(db, settings),
                                          passphrase=_first_passphrase(db, translate))
            found = [made]
        elif action == "passwd":
            operators.set_secret(db, args.name, _new_secret(translate),
                                 who=acting_at(db, settings))
            found = [o for o in operators.operators(db) if o.name.lower() ==
                     args.name.strip().lower()]
        elif action == "disable":
            found = [operators.set_disabled(db, args.name, not args.enable,
                                            who=acting_at(db, settings))]
        elif action == "role":
            found = [operators.set_role(db, args.name, Role(args.role),
                                        who=acting_at(db, settings))]
        else:
            found = operators.operators(db)
    if getattr(args, "json", False):
        print_json([o.as_dict() for o in found])
        return 0
    for person in found:
        state = translate("Cli", " (disabled)") if person.disabled else ""
        print(f"{person.name}\t{translate('Operators', ROLE_WORDS[person.role])}{state}")
    return 0


def _audit(args: argparse.Namespace, settings: config.Settings, translate: Translate) -> int:
    from bsm_desk.services.event.files import connect
    from bsm_desk.services.operators import trail

    with closing(connect(args.db)) as db:
        if args.audit_action == "verify":
            from bsm_desk.services import hub

            # On a hub, the head it keeps of this desk's log is a witness too.
            head = hub.hub_audit_head(db, desk_id=settings.desk_id)
            verdict = trail.verify(db, hub_head=head)
            if args.json:
                print_json(verdict.as_dict(translate))
            elif verdict.ok:
                print(translate("Cli", "The audit trail holds: {count} entries, unbroken, "
                                       "and every table agrees with it.").format(
                    count=verdict.entries))
            else:
                for line in verdict.messages(translate):
                    print(line)
            return 0 if verdict.ok else 1
        rows = trail.show(db, who=acting_at(db, settings), operator=args.operator,
                          since=args.since, limit=args.limit)
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        what = f"{row['table']} {row['key']}".strip()
        print(f"{row['id']}\t{row['at']}\t{row['operator'] or '-'}\t{row['role'] or '-'}\t"
              f"{row['action']}\t{what}")
    return 0


PASSPHRASE_ENV = "BSM_DESK_PASSPHRASE"


def passphrase(translate: Translate, *, twice: bool = False) -> str:
    """The event's passphrase: from BSM_DESK_PASSPHRASE, else typed (twice when new)."""
    import os

    found = os.environ.get(PASSPHRASE_ENV)
    if found is not None:
        return found
    import getpass

    first = getpass.getpass(translate("Cli", "The event's passphrase: "))
    if twice and getpass.getpass(translate("Cli", "Once more: ")) != first:
        from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError

        raise UserError(QT_TRANSLATE_NOOP("UserError", "The two passwords differ."))
    return first


def _republish(db: Any, settings: config.Settings) -> bool:
    """A desk with a hub: the copy new desks join from is replaced by the sealed one."""
    from bsm_desk.services import hub

    return hub.republish_after_sealing(db, desk_id=settings.desk_id)


def _protect(args: argparse.Namespace, settings: config.Settings,
             translate: Translate) -> int:
    from bsm_desk.services.event.files import connect
    from bsm_desk.services.operators import privacy

    with closing(connect(args.db)) as db:
        done = privacy.protect(db, passphrase(translate, twice=True),
                               who=acting_at(db, settings), remember=args.keyring)
        hub_done = _republish(db, settings)
    count = done.delegates
    if not hub_done:
        print("bsm-desk: " + translate("Cli", "The hub could not be reached: its copy of the "
                                              "event file still holds the personal data in "
                                              "clear until this desk's next exchange with "
                                              "it replaces it."), file=sys.stderr)
    if args.json:
        print_json({"sealed": count, "hub_copy_sealed": hub_done, **done.copies.as_dict()})
    else:
        print(translate("Cli", "Personal data sealed for {count} delegates. Keep the "
                               "passphrase safe: without it nobody can read them.").format(
            count=count))
        _say_copies(done.copies.removed, done.copies.left, translate)
    return 0


def _say_copies(removed: int, left: Any, translate: Translate) -> None:
    """What became of the backups: how many were removed, which copies elsewhere still
    hold the data (the user put them there: they are named, not touched)."""
    if removed:
        print(translate("Cli", "{count} backups still held that personal data and were "
                               "removed; a new backup was taken in their place.").format(
            count=removed))
    for path in left:
        print("bsm-desk: " + translate("Cli", "This copy saved elsewhere still holds that "
                                              "personal data; remove it or keep it safe: "
                                              "{path}").format(path=path),
              file=sys.stderr)


def _unlock(args: argparse.Namespace, settings: config.Settings,
            translate: Translate) -> int:
    from bsm_desk.services.event.files import connect
    from bsm_desk.services.operators import keystore, privacy

    with closing(connect(args.db)) as db:
        if args.forget:
            keystore.drop(db)
            privacy.lock(db)
            kept = False
        elif not privacy.protected(db):
            from bsm_desk.domain.errors import UserError
            from bsm_desk.services.operators.privacy import NOT_PROTECTED

            raise UserError(NOT_PROTECTED)
        else:
            kept = privacy.keep_here(db, passphrase(translate))
    if args.json:
        print_json({"kept": kept, "forgotten": bool(args.forget)})
    elif args.forget:
        print(translate("Cli", "This desk no longer keeps the event's key."))
    elif kept:
        print(translate("Cli", "This desk now keeps the event's key (outside the event "
                               "file): operators can sign in here and personal data opens."))
    else:
        print(translate("Cli", "Unlocked for this run only: this computer has no keyring "
                               "and its configuration folder could not be written."))
    return 0


def _purge(args: argparse.Namespace, settings: config.Settings, translate: Translate) -> int:
    from bsm_desk.services.event.files import connect
    from bsm_desk.services.operators import privacy

    with closing(connect(args.db)) as db:
        counts = privacy.purge(db, keep_names=args.keep_names, who=acting_at(db, settings))
    if args.json:
        print_json(counts)
    else:
        print(translate("Cli", "Personal data removed ({delegates} delegates, {photos} "
                               "photos); the attendance figures are as they were.").format(
            delegates=counts.get("delegate", 0), photos=counts.get("photos", 0)))
        _say_copies(counts["backups_removed"], counts["copies_left"], translate)
    return 0


def add_commands(sub: Commands) -> None:
    roles = [r.value for r in Role]
    group = sub.add_parser(
        "operators", help="who may sign in, with which role",
        description="Roles: desk (check in, search, print a badge on arrival), registrar "
                    "(also edit and import delegates, print and reprint badges, speakers' "
                    "lists), supervisor (also revoke, merge, programme, roster, exports "
                    "with personal data, history, settings), administrator (also "
                    "operators). The first operator must be an administrator and turns "
                    "sign-in on; it also sets the event's passphrase (BSM_DESK_PASSPHRASE, "
                    "typed twice, or the line after the password), which seals personal "
                    "data and keys the passwords; later changes need an administrator "
                    "(--operator NAME). A PIN has at least 6 digits, a password at least "
                    "10 characters.")
    actions = group.add_subparsers(dest="operators_action", metavar="ACTION",
                                   parser_class=Parser, required=True)
    add = actions.add_parser("add", help="a new operator (the password from standard input)")
    db_option(add)
    add.add_argument("name", metavar="NAME",
                     help="the new operator's name, as they will type it to sign in")
    add.add_argument("--role", required=True, choices=roles, help="what they may do")
    listing = actions.add_parser("list", help="the operators and their roles")
    db_option(listing)
    passwd = actions.add_parser("passwd", help="a new password or PIN (from standard input)")
    db_option(passwd)
    passwd.add_argument("name", metavar="NAME", help="whose password or PIN changes")
    disable = actions.add_parser("disable", help="an operator may no longer sign in")
    db_option(disable)
    disable.add_argument("name", metavar="NAME", help="the operator to disable")
    disable.add_argument("--enable", action="store_true", help="may sign in again")
    role = actions.add_parser("role", help="give an operator another role")
    db_option(role)
    role.add_argument("name", metavar="NAME", help="whose role changes")
    role.add_argument("--role", required=True, choices=roles, help="the new role")
    for command in (add, listing, passwd, disable, role):
        command.add_argument("--json", action="store_true", help="print as JSON")
        command.set_defaults(handler=_operators)

    trail = sub.add_parser(
        "audit", help="the audit trail: every change, chained by hash",
        description="Every change of data is an entry chained by SHA-256 to the one "
                    "before; an edited, removed or re-ordered entry breaks the chain.")
    steps = trail.add_subparsers(dest="audit_action", metavar="ACTION", parser_class=Parser,
                                 required=True)
    verify = steps.add_parser("verify", help="check the chain and every table against it "
                                             "(exit 1 if anything is wrong)")
    db_option(verify)
    verify.add_argument("--json", action="store_true", help="ok, entries, first_broken, "
                                                            "problems")
    show = steps.add_parser("show", help="the entries, oldest first")
    db_option(show, operator_flag=False)
    show.add_argument("--operator", default=None, metavar="NAME", help="only this operator's")
    show.add_argument("--since", default=None, metavar="TIME",
                      help="only from this UTC time on (e.g. 2022-10-18 or 2022-10-18T09:00)")
    show.add_argument("--limit", type=count, default=None, metavar="N",
                      help="the newest N entries only")
    show.add_argument("--json", action="store_true", help="objects with id, at, desk_id, "
                                                          "operator, role, action, table, "
                                                          "key, before, after")
    for command in (verify, show):
        command.set_defaults(handler=_audit)

    protect = sub.add_parser(
        "protect", help="seal passport numbers, phones and dates of birth with a passphrase",
        description="Encrypts the event's personal data (AES-GCM) with a key wrapped by "
                    "the passphrase (from BSM_DESK_PASSPHRASE, else typed twice); the key "
                    "is never in the file. Desks unlock with the same passphrase (or the OS "
                    "keyring); one without it checks people in and prints badges as ever.")
    db_option(protect)
    protect.add_argument("--keyring", action="store_true",
                         help="also keep the key in this machine's OS keyring")
    protect.add_argument("--json", action="store_true", help="print as JSON")
    protect.set_defaults(handler=_protect, unlock_first=False)  # it makes the key
    unlock = sub.add_parser(
        "unlock", help="keep the event's key on this desk (the passphrase, once)",
        description="Opens the event's key with its passphrase (BSM_DESK_PASSPHRASE, else "
                    "typed) and keeps it on this computer, outside the event file (the OS "
                    "keyring, else a file only this user can read): operators can then sign "
                    "in here and personal data opens. --forget removes it.")
    db_option(unlock)
    unlock.add_argument("--forget", action="store_true",
                        help="remove the event's key from this computer")
    unlock.add_argument("--json", action="store_true", help="print as JSON")
    unlock.set_defaults(handler=_unlock, unlock_first=False)  # it asks for the passphrase
    purge = sub.add_parser(
        "purge", help="after the event: remove personal data, keep the attendance figures",
        description="Removes passport numbers, phones, dates of birth, e-mails, photos "
                    "(and names, unless --keep-names) from every table, the history and "
                    "the audit trail; the anonymous figures stay exactly as they were.")
    db_option(purge)
    purge.add_argument("--keep-names", action="store_true", help="keep people's names")
    purge.add_argument("--json", action="store_true", help="print what was removed")
    purge.set_defaults(handler=_purge)
