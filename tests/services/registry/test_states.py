"""Delegations recognized by name (issue 28): the 193 Member States and the observer
States in English and Russian (CLDR, and the UN's names), the organizations of the
region by name or acronym; an imported list naming them makes Member States and
organizations with both names, whatever column header it used."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel import Locale
from hypothesis import given
from hypothesis import strategies as st

from bsm_desk.domain.model import DelegationType
from bsm_desk.domain.states import MEMBER_STATES, OBSERVER_STATES, ORGANIZATIONS
from bsm_desk.services.registry.states import known, recognize
from tests.acting import who_at


def test_193_member_states_each_named_in_both_languages() -> None:
    assert len(set(MEMBER_STATES)) == 193 and not set(MEMBER_STATES) & set(OBSERVER_STATES)
    english, russian = Locale.parse("en").territories, Locale.parse("ru").territories
    for code in MEMBER_STATES:
        found = known(code)
        assert found is not None and found.type is DelegationType.MEMBER_STATE
        assert found.name_en and found.name_ru and found.iso_code == code
        assert any("а" <= c <= "я" for c in found.name_ru.casefold()), code
        for name in (english[code], russian[code]):
            assert recognize(name) == found, name


@pytest.mark.parametrize(("name", "key"), [
    ("Россия", "RU"), ("РФ", "RU"), ("Russian Federation", "RU"), ("UK", "GB"),
    ("Кыргызстан", "KG"), ("Киргизия", "KG"), ("Tajikistan", "TJ"),
    ("Республика Таджикистан", "TJ"), ("People's Republic of Bangladesh", "BD"),
    ("United Kingdom of Great Britain and Northern Ireland", "GB"), ("Holy See", "VA"),
    ("ОДКБ", "CSTO"), ("OSCE", "OSCE"), ("УНП ООН", "UNODC"), ("СВМДА", "CICA"),
])
def test_the_names_lists_use(name: str, key: str) -> None:
    found = recognize(name)
    assert found is not None and found.key == key


def test_every_organization_has_both_names() -> None:
    for key, (en, ru) in ORGANIZATIONS.items():
        found = known(key)
        assert found is not None and (found.name_en, found.name_ru) == (en, ru)
        assert found.type is DelegationType.INTERNATIONAL_ORGANIZATION


@given(st.text(max_size=200))
def test_any_text_is_recognized_or_not_without_failing(text: str) -> None:
    assert recognize(text) is None or recognize(text).key  # type: ignore[union-attr]


def test_an_imported_delegation_column_makes_member_states_in_both_languages(
        demo_copy: Path, tmp_path: Path) -> None:
    from contextlib import closing

    from bsm_desk.services.registry.importer import import_file
    from bsm_desk.store import connect
    from bsm_desk.store import delegations as delegation_store
    from tests.conftest import DESK

    path = tmp_path / "list.csv"
    path.write_text("Family name,Given name,Delegation\nDlamini,Sipho,Eswatini\n"
                    "Mamba,Thandi,Эсватини\nBerg,Lena,ОДКБ\nHossain,Rafi,"
                    "People's Republic of Bangladesh\n", encoding="utf-8")
    with closing(connect(demo_copy)) as db:
        report = import_file(db, path, who=who_at(db, DESK))
        assert report.errors == [] and report.added == 4
        made = {d.iso_code or d.name_en: d for d in delegation_store.list_delegations(db)}
        assert (made["SZ"].name_en, made["SZ"].name_ru, made["SZ"].type) == (
            "Eswatini", "Эсватини", DelegationType.MEMBER_STATE)
        assert made["BD"].type is DelegationType.MEMBER_STATE
        csto = made["Collective Security Treaty Organization (CSTO)"]
        assert csto.name_ru.endswith("(ОДКБ)")
        assert csto.type is DelegationType.INTERNATIONAL_ORGANIZATION
        assert sum(1 for d in made.values() if d.iso_code == "SZ") == 1  # one, not two
