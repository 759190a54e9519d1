"""Finding anyone in Latin or Cyrillic, in any common spelling, or with a typo."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bsm_desk.domain.model import Delegation, DelegationType, Gender
from bsm_desk.domain.people import Delegate
from bsm_desk.services.event.making import NewEvent, create_event
from bsm_desk.services.registry.search import search, search_ids
from bsm_desk.store import atomic, delegations
from bsm_desk.store import delegate_lists as lists
from bsm_desk.store import delegates as store
from tests.acting import who_at
from tests.conftest import DESK

PEOPLE = [
    ("Rahmonov", "Jamshed", "Раҳмонов", "Ҷамшед"),
    ("Rakhimova", "Malika", "Рахимова", "Малика"),
    ("Solovev", "Dmitrii", "Соловьёв", "Дмитрий"),
    ("Nurgalieva", "Aigerim", "Нұрғалиева", "Әйгерім"),
    ("Smith", "John", "", ""),
    ("Qurbonzoda", "Firdavs", "Қурбонзода", "Фирдавс"),
]


@pytest.fixture
def db(tmp_path: Path):
    db = create_event(tmp_path / "s.sqlite", NewEvent(
        "Search test", date(2022, 10, 18), date(2022, 10, 19), "Asia/Dushanbe"), desk_id=DESK)
    with atomic(db):
        delegation = delegations.add_delegation(
            db, Delegation("Tajikistan", "Таджикистан", DelegationType.MEMBER_STATE, "TJ"))
        store.add_delegates(db, [
            Delegate(f, g, delegation, 1, family_name_cyr=fc, given_name_cyr=gc,
                     gender=Gender.MALE) for f, g, fc, gc in PEOPLE])
    return db


def names(db, text: str) -> list[str]:
    return [h.family_name for h in search(db, text)]


@pytest.mark.parametrize("text", ["Рахмонов", "Раҳмонов", "Rakhmonov", "rahmonov", "Rahmonov",
                                  "RAHMONOV", "rah", "Ра"[:2] + "ҳм"])
def test_the_same_man_in_every_spelling(db, text: str) -> None:
    assert names(db, text)[0] == "Rahmonov"


def test_word_order_and_script_mix_are_ignored(db) -> None:
    assert names(db, "Jamshed Rahmonov") == ["Rahmonov"]
    assert names(db, "Ҷамшед Rahmonov") == ["Rahmonov"]
    assert names(db, "Dzhamshed Раҳмонов") == ["Rahmonov"]


def test_tajik_kazakh_and_yo_letters_fold(db) -> None:
    assert names(db, "Kurbonzoda") == ["Qurbonzoda"]
    assert names(db, "Курбонзода") == ["Qurbonzoda"]
    assert names(db, "Solovyov") == ["Solovev"]
    assert names(db, "Соловьев Дмитрий") == ["Solovev"]
    assert names(db, "Nurghalieva Aygerim") == ["Nurgalieva"]


def test_prefixes_start_at_two_letters(db) -> None:
    assert set(names(db, "Ra")) == {"Rahmonov", "Rakhimova"}
    assert names(db, "Rak")[:2] == ["Rahmonov", "Rakhimova"] or \
        set(names(db, "Rak")[:2]) == {"Rahmonov", "Rakhimova"}  # "Rak" may go on as "Rakh"
    assert names(db, "Rakhi") == ["Rakhimova"]
    assert search_ids(db, "R") == ([], True)


def test_a_typo_finds_the_nearest_names(db) -> None:
    hits = search(db, "Rahmanov")
    assert hits and hits[0].family_name == "Rahmonov" and hits[0].fuzzy
    assert search(db, "Smiht")[0].family_name == "Smith"


def test_nonsense_finds_nobody(db) -> None:
    assert search(db, "zzzz qqqq") == []
    assert search(db, "") == []
    assert search(db, "--- ***") == []


def test_results_carry_names_delegation_and_status(db) -> None:
    hit = search(db, "Firdavs", lang="ru")[0]
    assert (hit.family_name_cyr, hit.given_name_cyr) == ("Қурбонзода", "Фирдавс")
    assert hit.delegation == "Таджикистан"
    assert hit.status == "registered"


def test_a_renamed_delegate_is_found_by_the_new_name_only(db) -> None:
    person = store.get_delegate(db, lists.search_ids(db, "Smith")[0])
    from dataclasses import replace

    with atomic(db):
        store.update_delegate(db, replace(person, family_name="Jones"))
    assert names(db, "Jones") == ["Jones"]
    assert lists.search_ids(db, "Smith") == []


def test_the_demo_is_searchable_at_scale(demo_file: Path) -> None:
    from bsm_desk.store import connect

    db = connect(demo_file)
    anyone = store.get_delegate(db, 123)
    assert anyone is not None
    found = lists.search_ids(db, f"{anyone.given_name} {anyone.family_name}", 50)
    assert anyone.id in found
    if anyone.family_name_cyr:
        assert anyone.id in lists.search_ids(db, anyone.cyrillic_name, 50)


def test_a_family_name_typed_whole_comes_before_longer_ones(demo_copy) -> None:  # type: ignore[no-untyped-def]
    """"Rakhmon" finds Rakhmon first, then Rahmonov and Rahmonova (issue 28)."""
    from contextlib import closing

    from bsm_desk.domain.people import Delegate
    from bsm_desk.services import registry
    from bsm_desk.services.registry.search import search
    from bsm_desk.store import connect

    with closing(connect(demo_copy)) as db:
        first = db.execute("SELECT delegation_id, category_id FROM delegate LIMIT 1").fetchone()
        exact = registry.save_delegate(db, Delegate("Rakhmon", "Emomali", first[0], first[1]),
                                       who=who_at(db, "t"))
        hits = search(db, "Rakhmon", limit=5)
    assert hits and hits[0].id == exact


def test_exact_then_prefixes_as_typed_then_spelling_variants(demo_copy) -> None:  # type: ignore[no-untyped-def]
    """Issue 28: the name as typed, then names it begins as typed, then the same in
    another spelling (Rahmonov, Rahmonova): in Latin and in Cyrillic."""
    from contextlib import closing

    from bsm_desk.domain.people import Delegate
    from bsm_desk.services import registry
    from bsm_desk.services.registry.search import search
    from bsm_desk.store import connect

    with closing(connect(demo_copy)) as db:
        first = db.execute("SELECT delegation_id, category_id FROM delegate LIMIT 1").fetchone()
        exact = registry.save_delegate(db, Delegate("RAKHMON", "Emomali", first[0], first[1]),
                                       who=who_at(db, "t"))
        longer = registry.save_delegate(db, Delegate("RAKHMONOVA", "Ozoda", first[0],
                                                     first[1]), who=who_at(db, "t"))
        hits = [h.id for h in search(db, "rakhmon", limit=6)]
        assert hits[:2] == [exact, longer] and len(hits) > 2
        cyrillic = [h.family_name_cyr for h in search(db, "раҳмонова", limit=3)]
        assert cyrillic[0] == "Раҳмонова"
        # LIKE's own characters typed are only characters: no error, no wildcard.
        assert exact not in [h.id for h in search(db, "rakh%n", limit=50)][:1]
