"""The interpreters (people.py: the pool, imported or edited); their roster found by
solver.py (its CP-SAT model in solver_model.py) and kept in the event file by
rostering.py, the words that explain it in reasons.py."""

from __future__ import annotations

# needs is the function (the booths to staff), not its module of the same name.
from bsm_desk.services.interpreters.needs import needs
from bsm_desk.services.interpreters.people import (
    BAD_DAY,
    BAD_EMAIL,
    BAD_FEE,
    BAD_HOURS,
    BAD_STAFF,
    DAY_NOT_OF_EVENT,
    DAY_OUTSIDE,
    EMAIL_WRONG,
    FEE_WRONG,
    HEADERS,
    NAME_EMPTY,
    NAME_LIMIT,
    NAME_TOO_LONG,
    NEED_NAME,
    NO_DAY,
    NO_EVENT,
    NO_HEADER,
    NO_ROWS,
    SAME_PERSON,
    TOO_LONG,
    TWICE_IN_FILE,
    InterpretersReport,
    Need,
    as_dict,
    import_file,
    interpreters,
    known_language,
    relay_languages,
    save_interpreter,
)

__all__ = ["as_dict", "BAD_DAY", "BAD_EMAIL", "BAD_FEE", "BAD_HOURS", "BAD_STAFF",
           "DAY_NOT_OF_EVENT", "DAY_OUTSIDE", "EMAIL_WRONG", "FEE_WRONG", "HEADERS",
           "import_file", "interpreters", "InterpretersReport", "known_language",
           "NAME_EMPTY", "NAME_LIMIT", "NAME_TOO_LONG", "Need", "NEED_NAME", "needs",
           "NO_DAY", "NO_EVENT", "NO_HEADER", "NO_ROWS", "relay_languages", "SAME_PERSON",
           "save_interpreter", "TOO_LONG", "TWICE_IN_FILE"]
