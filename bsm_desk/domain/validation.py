"""What makes a delegate's record acceptable, field by field (for the edit dialog as the
user types, and for the service before it writes)."""

from __future__ import annotations

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP
from bsm_desk.domain.importing import FIELD_LIMITS, other_letters, valid_email
from bsm_desk.domain.names import script
from bsm_desk.domain.people import Delegate

NEED_FAMILY = QT_TRANSLATE_NOOP("Validation", "The family name as in the passport is needed.")
LATIN_ONLY = QT_TRANSLATE_NOOP("Validation", "Use Latin letters, as in the passport.")
CYRILLIC_ONLY = QT_TRANSLATE_NOOP("Validation", "Use Cyrillic letters here.")
BAD_EMAIL = QT_TRANSLATE_NOOP("Validation", "This is not an e-mail address.")
TOO_LONG = QT_TRANSLATE_NOOP("Validation", "This is too long for a badge or a list.")
NEED_DELEGATION = QT_TRANSLATE_NOOP("Validation", "Choose a delegation.")
NEED_CATEGORY = QT_TRANSLATE_NOOP("Validation", "Choose a category.")


def problems(d: Delegate) -> dict[str, str]:
    """Field name -> message template, for every field that is not acceptable."""
    found: dict[str, str] = {}
    if not d.family_name.strip():
        found["family_name"] = NEED_FAMILY
    for name in ("family_name", "given_name"):
        value = getattr(d, name)
        if script(value) in ("cyrillic", "mixed") or other_letters(value):
            found[name] = LATIN_ONLY
    for name in ("family_name_cyr", "given_name_cyr"):
        value = getattr(d, name)
        if script(value) in ("latin", "mixed") or other_letters(value):
            found[name] = CYRILLIC_ONLY
    for name, limit in FIELD_LIMITS.items():
        value = getattr(d, name, None)
        if isinstance(value, str) and len(value) > limit:
            found.setdefault(name, TOO_LONG)
    if d.email and not valid_email(d.email):
        found["email"] = BAD_EMAIL
    if not d.delegation_id:
        found["delegation_id"] = NEED_DELEGATION
    if not d.category_id:
        found["category_id"] = NEED_CATEGORY
    return found


def mask_passport(number: str) -> str:
    """Show only the last three characters: enough to compare with the document."""
    return "•" * max(len(number) - 3, 0) + number[-3:] if number else ""
