"""An event with one operator of each role (argon2id hashing is slow on purpose: the
operators are made once per test that asks)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from bsm_desk.domain.operators import Role
from bsm_desk.services import operators
from bsm_desk.store import audit, connect
from tests.acting import who_at

DESK = "00000000-0000-4000-8000-0000000000d1"
SECRETS = {Role.ADMINISTRATOR: "admin-pass", Role.SUPERVISOR: "super-pass",
           Role.REGISTRAR: "regis-pass", Role.DESK: "482915"}
NAMES = {Role.ADMINISTRATOR: "Dilnoza Karimova", Role.SUPERVISOR: "Farrukh Nazarov",
         Role.REGISTRAR: "Мадина Саидова", Role.DESK: "Aliya"}


@pytest.fixture
def staffed(demo_copy: Path) -> Iterator[Database]:
    db = connect(demo_copy)
    operators.add_operator(db, NAMES[Role.ADMINISTRATOR], Role.ADMINISTRATOR,
                           SECRETS[Role.ADMINISTRATOR], passphrase="dushanbe-passphrase",
                           who=who_at(db, DESK))
    operators.sign_in(db, NAMES[Role.ADMINISTRATOR], SECRETS[Role.ADMINISTRATOR],
                      desk_id=DESK)
    for role in (Role.SUPERVISOR, Role.REGISTRAR, Role.DESK):
        operators.add_operator(db, NAMES[role], role, SECRETS[role], who=who_at(db, DESK))
    operators.sign_out(db)
    try:
        yield db
    finally:
        audit.SIGNED.pop(audit.actor(db).path, None)
        db.close()


def sign_in_as(db: Database, role: Role) -> None:
    operators.sign_in(db, NAMES[role], SECRETS[role], desk_id=DESK)
