"""Once an event has operators, nothing is done to it from the command line without
signing in — changed, copied, restored, replaced, exported or purged — but for a short
list of commands that show the event's public facts. Walked over every command the
parser has (a new command without its line in cli/access.py fails here)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from bsm_desk import config
from bsm_desk.cli import access, main
from bsm_desk.cli.parser import build_parser
from bsm_desk.domain.operators import Refused, Role
from bsm_desk.services import operators
from bsm_desk.store import audit, connect
from tests.acting import who_at
from tests.cli.test_cli import run

PUBLIC = {"info", "checkpoints", "programme", "rooms list", "sessions list",
          "delegations list", "speakers list", "interpreters list", "interpreters needs",
          "operators list", "audit verify", "hub status", "template", "event new",
          "hub join", "hub role-sql", "hub tls", "settings show", "settings set", "unlock"}


def commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
             ) -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                inner = commands(sub, (*prefix, name))
                found += inner or [((*prefix, name), sub)]
    return found


def smallest_args(parser: argparse.ArgumentParser) -> list[str]:
    """What the parser needs at least: a value for each required argument."""
    words: list[str] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            continue
        value = str(next(iter(action.choices))) if action.choices else "1"
        if not action.option_strings and action.nargs not in ("?", "*"):
            words += [value] * (2 if action.nargs == 2 else 1)
        elif action.required and action.option_strings:
            words += [action.option_strings[0], value]
    return words


def _options(parser: argparse.ArgumentParser) -> set[str]:
    return {o for a in parser._actions for o in a.option_strings}


@pytest.fixture
def staffed(demo_copy: Path) -> Path:
    with connect(demo_copy) as db:
        operators.add_operator(db, "Root", Role.ADMINISTRATOR, "root-password",
                               passphrase="dushanbe-passphrase", who=who_at(db, "d"))
    audit.SIGNED.clear()  # nobody signed in: as a fresh command would be
    return demo_copy


def test_every_command_has_its_line() -> None:
    missing = [" ".join(path) for path, _ in commands(build_parser())
               if " ".join(path) not in access.NEEDS and path[0] not in access.NEEDS]
    assert missing == []


def test_nothing_but_the_public_facts_without_signing_in(staffed: Path) -> None:
    parser = build_parser()
    for path, sub in commands(parser):
        # The group's own required options (speakers --session) before its action.
        top = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        group_parser = top.choices[path[0]]
        group = smallest_args(group_parser) if len(path) > 1 else []
        if len(path) > 1 and "--db" in _options(group_parser):
            group += ["--db", str(staffed)]
        argv = [path[0], *group, *path[1:], *smallest_args(sub)]
        if "--db" in _options(sub) and "--db" not in argv:
            argv += ["--db", str(staffed)]
        args = parser.parse_args(argv)
        key = access.command_key(args)
        if key in PUBLIC or path[0] in PUBLIC:
            access.gate(args, config.load())  # no refusal
            continue
        with pytest.raises(Refused, match="sign in first"):
            access.gate(args, config.load())


def test_the_public_list_is_short() -> None:
    public = [key for key, needs in access.NEEDS.items() if needs is None]
    assert set(public) == PUBLIC


def test_replacing_copying_restoring_and_exporting_need_sign_in(
        staffed: Path, tmp_path: Path, capsys) -> None:
    before = staffed.read_bytes()
    for argv in (["demo", "--db", str(staffed), "--force", "--delegates", "5"],
                 ["backup", "--db", str(staffed), "--out", str(tmp_path / "copy.sqlite")],
                 ["restore", "--db", str(staffed), str(tmp_path / "copy.sqlite")],
                 ["export", "attendance", "--db", str(staffed), "--out",
                  str(tmp_path / "a.xlsx")],
                 ["purge", "--db", str(staffed)]):
        code, out, err = run(capsys, *argv)
        assert code == 2 and "sign in first" in err, (argv, err)
    assert staffed.read_bytes() == before
    assert not (tmp_path / "copy.sqlite").exists() and not (tmp_path / "a.xlsx").exists()


def test_signed_in_with_the_right_role_it_is_done(staffed: Path, tmp_path: Path,
                                                  monkeypatch, capsys) -> None:
    monkeypatch.setenv("BSM_DESK_PASSWORD", "root-password")
    out = tmp_path / "copy.sqlite"
    assert main(["backup", "--db", str(staffed), "--out", str(out),
                 "--operator", "Root"]) == 0
    assert out.exists()
    audit.SIGNED.clear()
