"""Personal data: sealed with AES-GCM under a key that is never in the file (the
passport number is not in the file's bytes, nor in its WAL); a wrong passphrase is a
clear error; a desk without the key still checks people in and prints badges and keeps
the sealed fields as they are; a reveal is a registrar's and audited; the purge keeps
the attendance figures equal and leaves no passport number in the bytes."""

from __future__ import annotations

from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest
from sqlite_utils import Database

from bsm_desk.domain.errors import UserError
from bsm_desk.domain.model import BadgeLayout
from bsm_desk.domain.operators import Refused, Role
from bsm_desk.services import badges, checkin, registry
from bsm_desk.services.operators import privacy, trail
from bsm_desk.services.reports import attendance
from bsm_desk.store import connect
from bsm_desk.store import delegates as delegate_store
from bsm_desk.store import privacy as sealing
from tests.acting import who_at
from tests.services.hub.test_hub import DAY_ONE, codes
from tests.services.operators.conftest import DESK, sign_in_as

PASSPHRASE = "dushanbe-2022-border"


def file_bytes(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in (path, path.with_name(path.name + "-wal"))
                    if p.exists())


def a_passport(db: Database) -> tuple[int, str]:
    """A delegate with a passport number, and the number (opened: the staffed event is
    sealed from its first administrator on)."""
    row = db.execute("SELECT id FROM delegate WHERE passport_no <> ''"
                     " ORDER BY id LIMIT 1").fetchone()
    found = delegate_store.get_delegate(db, int(row[0]))
    assert found is not None and found.passport_no
    return int(row[0]), str(found.passport_no)


@pytest.fixture
def protected(demo_copy: Path):  # type: ignore[no-untyped-def]
    with closing(connect(demo_copy)) as db:
        person, passport = a_passport(db)
        # An edit before sealing puts the passport in the history and the audit trail.
        found = delegate_store.get_delegate(db, person)
        registry.save_delegate(db, replace(found, passport_no=passport + "X"), who=who_at(db, DESK))
        registry.save_delegate(db, replace(found, passport_no=passport), who=who_at(db, DESK))
        assert privacy.protect(db, PASSPHRASE, who=who_at(db, DESK)).delegates > 600
        sealing.forget(db)
    yield demo_copy, person, passport
    sealing.KEYS.clear()


def test_sealed_passports_are_not_in_the_files_bytes(protected) -> None:  # type: ignore[no-untyped-def]
    path, person, passport = protected
    raw = file_bytes(path)
    assert passport.encode() not in raw and (passport + "X").encode() not in raw
    with closing(connect(path)) as db:
        assert trail.verify(db).ok, trail.verify(db).messages()
        locked = delegate_store.get_delegate(db, person)
        assert locked.passport_no == "" and "passport_no" in locked.sealed
        privacy.unlock(db, PASSPHRASE)
        assert delegate_store.get_delegate(db, person).passport_no == passport


def test_a_wrong_passphrase_is_a_clear_error(protected) -> None:  # type: ignore[no-untyped-def]
    path, person, _passport = protected
    with closing(connect(path)) as db:
        with pytest.raises(UserError, match="not this event's passphrase"):
            privacy.unlock(db, "not-the-passphrase")
        assert "passport_no" in delegate_store.get_delegate(db, person).sealed


def test_a_desk_without_the_key_works_and_loses_nothing(protected, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path, person, passport = protected
    with closing(connect(path)) as db:
        point = checkin.default_checkpoint(db, DAY_ONE).id
        verdict = checkin.check_in(db, codes(db, 1)[0], point, who=who_at(db, DESK), now=DAY_ONE)
        assert verdict.accepted
        badges.write_pdf(db, [person], tmp_path / "b.pdf", BadgeLayout.CR80, who=who_at(db, DESK))
        locked = delegate_store.get_delegate(db, person)
        registry.save_delegate(db, replace(locked, function_en="Head of Border Guards"),
                               who=who_at(db, DESK))
        with pytest.raises(UserError, match="does not hold its key"):
            registry.save_delegate(db, replace(locked, phone="+992 900 000 000"),
                                   who=who_at(db, DESK))
        privacy.unlock(db, PASSPHRASE)
        kept = delegate_store.get_delegate(db, person)
        assert kept.passport_no == passport and kept.function_en == "Head of Border Guards"


def test_a_reveal_is_a_registrars_and_audited(staffed: Database) -> None:
    person, passport = a_passport(staffed)
    sign_in_as(staffed, Role.DESK)
    with pytest.raises(Refused, match="see personal data"):
        privacy.reveal(staffed, person, "passport_no", who=who_at(staffed, DESK))
    sign_in_as(staffed, Role.REGISTRAR)
    assert privacy.reveal(staffed, person, "passport_no", who=who_at(staffed, DESK)) == passport
    entry = staffed.execute("SELECT operator, after FROM audit WHERE action = 'reveal'"
                            ).fetchone()
    assert entry[0] == "Мадина Саидова" and '"passport_no"' in entry[1]
    assert passport not in entry[1]
    sealing.KEYS.clear()


def figures(db: Database) -> tuple[object, object]:
    att = attendance.collect(db)
    return ([(line.expected, line.present, dict(line.by_gender), dict(line.by_category))
             for line in attendance.summary(att, "en")], attendance.by_delegation(att, "en"))


@pytest.mark.parametrize("keep_names", [False, True])
def test_the_purge_keeps_the_figures_and_leaves_no_passport(demo_copy: Path,
                                                            keep_names: bool) -> None:
    with closing(connect(demo_copy)) as db:
        point = checkin.default_checkpoint(db, DAY_ONE).id
        for n, code in enumerate(codes(db, 60)):
            checkin.check_in(db, code, point, who=who_at(db, DESK), now=DAY_ONE.replace(minute=n))
        person, passport = a_passport(db)
        name = delegate_store.get_delegate(db, person).family_name
        registry.save_delegate(db, replace(delegate_store.get_delegate(db, person),
                                           phone="+992 93 555 0101"), who=who_at(db, DESK))
        before = figures(db)
        privacy.purge(db, keep_names=keep_names, who=who_at(db, DESK))
        assert figures(db) == before
        assert trail.verify(db).ok, trail.verify(db).messages()
        after = delegate_store.get_delegate(db, person)
        assert after.passport_no == after.phone == "" and after.birth_date is None
        assert (after.family_name == name) is keep_names
    raw = file_bytes(demo_copy)
    assert passport.encode() not in raw and b"+992 93 555 0101" not in raw
    assert (name.encode() in raw) is keep_names or len(name) < 4


def test_personal_data_leaves_only_when_a_supervisor_asks(staffed: Database,
                                                          tmp_path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    from bsm_desk.services import operators
    from bsm_desk.services.reports import participants

    person, passport = a_passport(staffed)
    sign_in_as(staffed, Role.REGISTRAR)
    plain = participants.export(staffed, tmp_path / "plain.xlsx")
    text = " ".join(str(c) for row in load_workbook(plain).active.iter_rows(values_only=True)
                    for c in row if c)
    assert passport not in text and "left out of this list" in text
    with pytest.raises(Refused, match="export personal data"):
        participants.export(staffed, tmp_path / "p.xlsx", personal=True,
                            who=operators.current(staffed))
    sign_in_as(staffed, Role.SUPERVISOR)
    with pytest.raises(UserError, match="only into a workbook"):
        participants.export(staffed, tmp_path / "p.pdf", personal=True,
                            who=operators.current(staffed))
    with pytest.raises(TypeError, match="must be an Acting"):  # not without who acts
        participants.export(staffed, tmp_path / "p.xlsx", personal=True)
    full = participants.export(staffed, tmp_path / "p.xlsx", personal=True,
                               who=operators.current(staffed))
    rows = list(load_workbook(full).active.iter_rows(values_only=True))
    assert "confidential" in str(rows[0]) and "Passport" in rows[1]
    assert any(passport in row for row in rows)
    entry = staffed.execute("SELECT operator, after FROM audit WHERE action ="
                            " 'export_personal'").fetchone()
    assert entry[0] == "Farrukh Nazarov" and "p.xlsx" in entry[1]


def test_a_sealed_event_is_opened_whole_before_anything_is_shown(protected, demo_file: Path
                                                                 ) -> None:  # type: ignore[no-untyped-def]
    """The window shows the overview before the rest of opening only for an event that
    asks nothing of the user first: a sealed one asks for its key (or passphrase)."""
    from bsm_desk.services.event.files import guarded, open_event

    path, _person, _passport = protected
    with closing(open_event(path)) as sealed, closing(open_event(demo_file)) as plain:
        assert guarded(sealed) and not guarded(plain)
