"""An interpreter entered by hand: checked as an imported row is, nothing written if wrong."""

from __future__ import annotations

import math
from contextlib import closing
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from bsm_desk.domain.errors import UserError
from bsm_desk.domain.interpreters import Interpreter, parse_languages
from bsm_desk.services import interpreters
from bsm_desk.store import connect
from tests.acting import who_at

GOOD = Interpreter("Zarina Nazarova", "Зарина Назарова", parse_languages("tg:A; ru:B; en:C"),
                   False, (), 300.0, "z.n@interpreters.example")


@pytest.mark.parametrize(("change", "said"), [
    ({"name": "  \u200f "}, "name is empty"),
    ({"name": "N" * 101}, "longer than 100"),
    ({"fee": -1.0}, "fee must be a number"),
    ({"fee": math.nan}, "fee must be a number"),
    ({"email": "z@"}, "not an e-mail address"),
    ({"languages": {}}, "No languages given"),
    ({"available": (date(2030, 1, 1),)}, "not a day of the event"),
    ({"name": "Elena Sokolova"}, "already in the pool"),
])
def test_wrong_entries_are_refused(demo_copy: Path, change: dict, said: str) -> None:
    with closing(connect(demo_copy)) as db:
        before = len(interpreters.interpreters(db))
        with pytest.raises(UserError) as raised:
            interpreters.save_interpreter(db, replace(GOOD, **change), who=who_at(db, "t"))
        assert said in raised.value.message()
        assert len(interpreters.interpreters(db)) == before


def test_a_good_entry_is_cleaned_and_kept(demo_copy: Path) -> None:
    with closing(connect(demo_copy)) as db:
        person_id = interpreters.save_interpreter(
            db, replace(GOOD, name="Zarina\x00 Nazarova\u202e ", phone="+992 93 000 00 00"),
            who=who_at(db, "t"))
        saved = next(p for p in interpreters.interpreters(db) if p.id == person_id)
    assert saved.name == "Zarina Nazarova" and saved.phone == "+992 93 000 00 00"
