"""Whatever bytes or cells come in, the importer answers with a report or one clear
error, and writes nothing unless every row is good."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bsm_desk.domain.errors import UserError
from bsm_desk.domain.importing import clean_text, readable_capitals, split_full_name
from bsm_desk.services.event.making import NewEvent, create_event
from bsm_desk.services.registry.importer import import_file
from bsm_desk.store import delegates as store
from tests.acting import who_at
from tests.conftest import DESK

HEADER = b"Family name;Given name;Country;E-mail;Gender;Title;Participant ID\r\n"


def _event(folder: Path):
    return create_event(folder / "event.sqlite", NewEvent(
        "Hostile", date(2022, 10, 18), date(2022, 10, 19), "Asia/Dushanbe"), desk_id=DESK)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.binary(max_size=2000))
def test_any_bytes_under_a_header_give_a_report_or_a_user_error(tmp_path_factory,
                                                                body: bytes) -> None:
    folder = tmp_path_factory.mktemp("hostile")
    db = _event(folder)
    path = folder / "list.csv"
    path.write_bytes(HEADER + body)
    try:
        report = import_file(db, path, who=who_at(db, DESK))
    except UserError:
        assert store.all_delegates(db) == []
        return
    finally:
        db.close()
    if report.errors:
        assert not report.imported


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_cleaned_text_has_no_control_characters_and_is_stable(text: str) -> None:
    cleaned, _ = clean_text(text, emoji=True)
    assert not any(ord(c) < 32 or 127 <= ord(c) < 160 for c in cleaned)
    assert clean_text(cleaned, emoji=True) == (cleaned, [])  # cleaning twice changes nothing
    assert cleaned == cleaned.strip()


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=60),
                 st.text(alphabet=st.characters(max_codepoint=127), max_size=60),
                 st.from_regex(r"[ -~]{0,30}", fullmatch=True),  # printable ASCII
                 st.text(alphabet=" \t\r\nAbc@.x\x00\x1b\x7fЖ", max_size=20)),
       st.booleans())
@example("Rahmonov  Jamshed", False)  # two spaces: tidied to one
@example(" a6\t", True)
def test_plain_cells_take_the_short_way_to_the_same_text(text: str, emoji: bool) -> None:
    """ASCII cells without controls or doubled spaces skip the cleaning: what they give
    is what the whole way gives, for any text."""
    from bsm_desk.domain.importing import _cleaned, other_letters

    assert clean_text(text, emoji=emoji) == _cleaned(text, emoji)
    assert other_letters(text) == any(
        c.isalpha() and not ("\u0000" <= c <= "\u024f" or "\u1e00" <= c <= "\u1eff"
                             or "\u0400" <= c <= "\u052f") for c in text)
    if text != text.upper() or sum(c.isalpha() for c in text) < 2:
        assert readable_capitals(text) == text  # only a name in capitals is changed


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(categories=("L", "Zs", "P")), max_size=80))
def test_a_full_name_splits_into_its_own_words(text: str) -> None:
    family, given = split_full_name(text)
    assert sorted(f"{family} {given}".replace(",", " ").split()) == \
        sorted(text.replace(",", " ").split())
    assert readable_capitals(family).casefold() == family.casefold()
