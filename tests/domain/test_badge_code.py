import re

import pytest

from bsm_desk.domain import badge_code
from bsm_desk.domain.badge_code import Outcome

SECRET = bytes(range(32))


def test_a_code_verifies_and_names_the_delegate_and_version():
    code = badge_code.make("BSM22", SECRET, 417, 2)
    assert re.fullmatch(r"B1-BSM22-417-2-[A-Z2-7]{16}", code)
    checked = badge_code.verify(code, "BSM22", SECRET)
    assert checked.outcome is Outcome.VALID
    assert (checked.delegate_id, checked.version) == (417, 2)


def test_the_mac_carries_at_least_80_bits():
    mac = badge_code.make("BSM22", SECRET, 1, 1).rsplit("-", 1)[1]
    assert len(mac) * 5 >= 80


@pytest.mark.parametrize("change", [
    lambda c: c.replace("-417-", "-418-"),  # another delegate
    lambda c: c.replace("-417-2-", "-417-3-"),  # a newer version, forged by hand
    lambda c: c[:-1] + ("A" if c[-1] != "A" else "B"),  # one letter of the MAC
    lambda c: c[:-1],  # cut short
    lambda c: c + "A",
    lambda c: c.replace("B1-", "B2-"),  # unknown format
    lambda c: "",
    lambda c: "hello world",
    lambda c: c.replace("-417-", "-0417-"),  # not canonical
])
def test_a_changed_code_is_forged(change):
    code = badge_code.make("BSM22", SECRET, 417, 2)
    assert badge_code.verify(change(code), "BSM22", SECRET).outcome is Outcome.FORGED


def test_another_secret_means_forged():
    code = badge_code.make("BSM22", SECRET, 5, 1)
    assert badge_code.verify(code, "BSM22", b"x" * 32).outcome is Outcome.FORGED


def test_a_code_of_another_event_is_wrong_event():
    code = badge_code.make("OSCE23", b"other", 5, 1)
    checked = badge_code.verify(code, "BSM22", SECRET)
    assert checked.outcome is Outcome.WRONG_EVENT
    assert checked.event_code == "OSCE23"


def test_a_scanner_typing_into_a_russian_layout_still_reads():
    code = badge_code.make("BSM22", SECRET, 12, 1)
    us = "qwertyuiopasdfghjklzxcvbnm"
    ru = "йцукенгшщзфывапролдячсмить"
    typed = code.lower().translate(str.maketrans(us, ru))
    assert typed != code
    assert badge_code.verify(f"  {typed}\n", "BSM22", SECRET).outcome is Outcome.VALID


def test_only_qr_alphanumeric_characters():
    code = badge_code.make("BSM22", SECRET, 999_999, 12)
    assert set(code) <= set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")


@pytest.mark.parametrize("event", ["", "bsm22", "BSM-22", "ABCDEFGHIJKLM"])
def test_event_codes_are_checked(event):
    assert not badge_code.valid_event_code(event)
    with pytest.raises(ValueError):
        badge_code.make(event, SECRET, 1, 1)
