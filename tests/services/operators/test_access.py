"""Each role's allowed and refused actions, through every service entry point that
changes data: a table of (entry point, what it needs), checked for every role; a check
that no entry point that changes data is missing from the table; and who acts — an
object made at sign-in, which a service takes and checks, never a name or a desk."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from typing import Any

import pytest
from sqlite_utils import Database

import bsm_desk.services as services
from bsm_desk.domain.model import BadgeLayout as Layout
from bsm_desk.domain.model import ReissueReason
from bsm_desk.domain.operators import Permission, Refused, Role, may
from bsm_desk.services import operators
from tests.acting import who_at
from tests.services.operators.conftest import DESK, sign_in_as

P = Permission
# (module, function): what it needs. Called with stand-in arguments: a refusal comes
# before the function looks at them; an allowed call may fail on them, not be refused.
TABLE: dict[tuple[str, str], Permission] = {
    ("badges.issuing", "set_photo"): P.EDIT_DELEGATES,
    ("checkin.desk", "set_readmit"): P.PROGRAMME,
    ("checkin.desk", "set_access"): P.PROGRAMME,
    ("checkin.desk", "check_in"): P.CHECK_IN,
    ("interpreters.people", "import_file"): P.ROSTER,
    ("interpreters.people", "save_interpreter"): P.ROSTER,
    **{("interpreters.rostering", name): P.ROSTER for name in (
        "apply", "apply_proposal", "set_booth", "withdraw", "set_rules")},
    **{("interpreters.board", name): P.ROSTER for name in ("restore", "set_team", "set_teams")},
    **{("programme.editing", name): P.PROGRAMME for name in (
        "save_session", "save_rooms", "delete_room", "delete_session", "delete_sessions",
        "restore_session")},
    ("programme.allocation", "apply"): P.PROGRAMME,
    ("programme.side_event_import", "import_requests"): P.PROGRAMME,
    ("programme.side_events", "save_request"): P.PROGRAMME,
    ("programme.side_events", "delete_request"): P.PROGRAMME,
    ("registry.records", "save_delegate"): P.EDIT_DELEGATES,
    ("registry.records", "save_delegation"): P.EDIT_DELEGATES,
    ("registry.records", "change_many"): P.EDIT_DELEGATES,
    ("registry.records", "restore"): P.EDIT_DELEGATES,
    ("registry.duplicates", "dismiss"): P.EDIT_DELEGATES,
    ("registry.duplicates", "merge"): P.MERGE,
    ("registry.importer", "import_file"): P.IMPORT,
    ("registry.importer", "import_rows"): P.IMPORT,
    **{("speakers.lists", name): P.EDIT_SPEAKERS for name in (
        "set_statement_limit", "set_order", "set_officials_place", "inscribe", "close",
        "reopen", "end", "next_speaker", "pause", "move", "withdraw", "reinstate")},
    ("speakers.texts", "hand_in_text"): P.EDIT_SPEAKERS,
    **{("seating.plans", name): P.PROGRAMME for name in (
        "set_layout", "make_plan", "move", "lock", "reuse", "set_need", "restore_seats")},
    ("seating.nameplates", "print_nameplates"): P.EXPORT,
    ("hub.joining", "init_hub"): P.EVENT_SETTINGS,
    ("hub.enrolment", "add_desk"): P.EVENT_SETTINGS,
    ("hub.joining", "adopt"): P.EVENT_SETTINGS,
    ("hub.enrolment", "remove_desk"): P.EVENT_SETTINGS,
    ("hub.enrolment", "desks"): P.READ,
    ("event.making", "save_backup"): P.BACKUP,
    ("operators.accounts", "set_role"): P.OPERATORS,
    ("operators.accounts", "set_disabled"): P.OPERATORS,
}
# Entry points that check inside (what they need depends on what is asked), make a new
# file (nobody can be signed in to it yet), or are the sync machinery (it takes in what
# operators did at other desks, checked there).
CHECKED_INSIDE = {("badges.issuing", "log_prints"), ("badges.issuing", "write_pdf"),
                  ("badges.issuing", "reissue"),
                  ("badges.issuing", "reprint"), ("operators.accounts", "add_operator"),
                  ("operators.accounts", "set_secret"), ("operators.accounts", "sign_in"),
                  ("operators.privacy", "protect"), ("operators.privacy", "purge"),
                  ("operators.privacy", "reveal"), ("operators.trail", "show"),
                  ("reports.participants", "export")}
# Entry points that pass who on to one that checks (registry.change_many).
PASSED_ON = {("registry.records", "set_category"), ("registry.records", "mark_credentials"),
             ("registry.records", "cancel")}
# Where who acts is made: the desk itself, or an operator once the password matched.
MAKERS = {("operators.acting", "at_desk"), ("operators.acting", "made_at_sign_in"),
          ("operators.acting", "check"),  # and the checks
          ("operators.access", "require")}
NEW_FILE = {("demo.build", "build_demo"), ("demo._attendance", "simulate"),
            ("event.making", "create_event"), ("hub.joining", "join"),
            ("demo.build", "add_demo_operators"),
            ("hub.joining", "join_with_code"),
            ("demo._showcase", "showcase")}
MACHINERY = {("hub.rounds", "sync_once"), ("hub.rounds", "status"),
             ("hub.rounds", "follow"),
             ("hub.pulling", "pull_events"), ("hub.pulling", "pull_checkins"),
             ("hub.rows", "push"), ("hub.rows", "take"), ("event.making", "note_copy"),
             ("hub.rounds", "hub_audit_head"),
             ("hub.joining", "republish_after_sealing"), ("hub.event_file", "republish"),
             ("hub.event_file", "reseal"), ("event.files", "desk_of"),
             ("hub.continuity", "relay"), ("hub.continuity", "one_file"),
             ("hub.continuity", "recover"), ("hub.joining", "seal_hub_copy"),
             ("hub.pulling", "take_events"), ("hub.pulling", "recover_own")}


def entry_points() -> dict[tuple[str, str], Callable[..., Any]]:
    found = {}
    for info in pkgutil.walk_packages(services.__path__, "bsm_desk.services."):
        module = importlib.import_module(info.name)
        short = info.name.removeprefix("bsm_desk.services.")
        for name, function in vars(module).items():
            if inspect.isfunction(function) and function.__module__ == module.__name__ \
                    and not name.startswith("_") and \
                    {"desk_id", "who"} & set(inspect.signature(function).parameters):
                found[(short, name)] = function
    return found


def test_every_entry_point_that_changes_data_says_what_it_needs() -> None:
    found = entry_points()
    assert set(found) == set(TABLE) | CHECKED_INSIDE | PASSED_ON | NEW_FILE | MACHINERY \
        | MAKERS
    for key, needed in TABLE.items():
        assert getattr(found[key], "permission", None) is needed, key


def _call(function: Callable[..., Any], db: Database) -> BaseException | None:
    parameters = list(inspect.signature(function).parameters.values())[1:]
    args = [None for p in parameters if p.default is inspect.Parameter.empty
            and p.kind is p.POSITIONAL_OR_KEYWORD]
    kwargs = {p.name: None for p in parameters if p.default is inspect.Parameter.empty
              and p.kind is p.KEYWORD_ONLY}
    kwargs["who"] = who_at(db, DESK)
    try:
        with _rolled_back(db):
            function(db, *args, **kwargs)
    except Refused as refused:
        return refused
    except Exception:  # noqa: BLE001 - stand-in arguments: any other failure is allowed
        return None
    return None


class _rolled_back:
    """Whatever an allowed call managed to change is undone."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("SAVEPOINT access_table")

    def __exit__(self, *exc: object) -> None:
        self.db.execute("ROLLBACK TO access_table")
        self.db.execute("RELEASE access_table")


@pytest.mark.parametrize("role", list(Role))
def test_each_role_is_allowed_and_refused_as_the_table_says(staffed: Database,
                                                          role: Role) -> None:
    found = entry_points()
    sign_in_as(staffed, role)
    wrong = []
    for key, needed in TABLE.items():
        refused = _call(found[key], staffed)
        if (refused is None) != may(role, needed):
            wrong.append((key, role.value, "refused" if refused else "allowed"))
    assert wrong == []


def test_nobody_signed_in_is_refused_everything_once_operators_exist(staffed: Database
                                                                    ) -> None:
    found = entry_points()
    for key in TABLE:
        refused = _call(found[key], staffed)
        assert refused is not None and "sign in first" in refused.message(), key


def test_without_operators_everything_works_as_before(demo_copy) -> None:  # type: ignore[no-untyped-def]
    from bsm_desk.store import connect

    found = entry_points()
    with connect(demo_copy) as db:
        assert not operators.has_operators(db)
        assert all(_call(found[key], db) is None for key in TABLE)


@pytest.mark.parametrize(("role", "reason", "allowed"), [
    (Role.DESK, ReissueReason.DAMAGED, False), (Role.REGISTRAR, ReissueReason.DAMAGED, True),
    (Role.REGISTRAR, ReissueReason.LOST, False), (Role.SUPERVISOR, ReissueReason.LOST, True)])
def test_reprints_and_revocations(staffed: Database, role: Role, reason: ReissueReason,
                                  allowed: bool) -> None:
    from bsm_desk.services import badges

    sign_in_as(staffed, role)
    if allowed:
        assert badges.reissue(staffed, 3, reason, who=who_at(staffed, DESK)) == 2
    else:
        with pytest.raises(Refused):
            badges.reissue(staffed, 3, reason, who=who_at(staffed, DESK))


def test_a_desk_prints_one_badge_on_arrival_not_a_batch(staffed: Database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from bsm_desk.services import badges

    sign_in_as(staffed, Role.DESK)
    badges.write_pdf(staffed, [7], tmp_path / "one.pdf", Layout.CR80, who=who_at(staffed, DESK))
    with pytest.raises(Refused, match="print or reprint"):
        badges.write_pdf(staffed, [7], tmp_path / "again.pdf", Layout.CR80,
                         who=who_at(staffed, DESK))
    with pytest.raises(Refused):
        badges.write_pdf(staffed, [8, 9], tmp_path / "two.pdf", Layout.CR80,
                         who=who_at(staffed, DESK))
    assert not (tmp_path / "two.pdf").exists()


def test_the_signed_in_name_is_recorded_not_a_typed_one(staffed: Database) -> None:
    from bsm_desk.services import checkin
    from tests.services.hub.test_hub import DAY_ONE, codes

    sign_in_as(staffed, Role.DESK)
    point = checkin.default_checkpoint(staffed, DAY_ONE).id
    checkin.check_in(staffed, codes(staffed, 1)[0], point,
                     who=who_at(staffed, DESK, "somebody else"),
                     now=DAY_ONE)
    row = staffed.execute("SELECT operator FROM checkin ORDER BY rowid DESC LIMIT 1"
                          ).fetchone()
    assert row[0] == "Aliya"
    entry = staffed.execute("SELECT operator, role, desk_id FROM audit WHERE tbl = 'checkin'"
                            " ORDER BY id DESC LIMIT 1").fetchone()
    assert tuple(entry) == ("Aliya", "desk", DESK)


@pytest.mark.parametrize("role", [Role.DESK, Role.REGISTRAR, Role.SUPERVISOR])
def test_only_an_administrator_seals_or_purges(staffed: Database, role: Role) -> None:
    from bsm_desk.services.operators import privacy

    sign_in_as(staffed, role)
    with pytest.raises(Refused, match="change the event's settings"):
        privacy.protect(staffed, "a-long-passphrase", who=who_at(staffed, DESK))
    with pytest.raises(Refused, match="change the event's settings"):
        privacy.purge(staffed, keep_names=True, who=who_at(staffed, DESK))
