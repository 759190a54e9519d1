"""What a desk checks in every row it pulls from the hub before the row touches a local
table: the hub is shared by every desk, and one desk's login (a laptop left at a door)
must not be able to stop, crash or mislead the others.

Pure checks, no I/O: a row passes (None) or gets a reason (a template in the "Sync"
context and its fields) and goes to the review list; the round goes on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from bsm_desk.domain import badge_code
from bsm_desk.domain.checkin import Kind
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP

BAD_FIELD = QT_TRANSLATE_NOOP("Sync", "A {what} from desk {desk} has a wrong {field} "
                                      "(“{value}”): not taken in.")
BAD_BADGE = QT_TRANSLATE_NOOP("Sync", "A check-in from desk {desk} ({at}) names delegate "
                              "{delegate}, but its badge code is not a badge of this person "
                              "at this event: not counted.")
BY_NAME = QT_TRANSLATE_NOOP("Sync", "Desk {desk} let delegate {delegate} in by name, with no "
                                    "badge ({at}): counted, listed to look into.")

TEXT_LIMIT = 2_000  # names, titles, reasons: far beyond any real one
ID_LIMIT = 2**62
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UUID = re.compile(r"^[0-9A-Za-z-]{1,64}$")
_CHECKPOINT = re.compile(r"^(entrance-\d{4}-\d{2}-\d{2}|session-\d{1,15})$")
_METHOD = re.compile(r"^[a-z_]{1,20}$")
VERDICTS = frozenset(k.value for k in Kind) | {"UNDO"}
Problem = tuple[str, dict[str, Any]]


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else value
    return _CONTROL.sub("?", text)[:60]


def is_time(value: Any) -> bool:
    """An ISO 8601 moment with its offset, as desks write them."""
    if not isinstance(value, str) or len(value) > 40:
        return False
    try:
        return datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def is_day(value: Any) -> bool:
    if not isinstance(value, str) or len(value) != 10:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def is_text(value: Any, limit: int = TEXT_LIMIT) -> bool:
    """Text a desk could have written: not too long, no control characters (an ESC
    sequence in a name would be printed raw by a terminal), no bidi overrides."""
    return isinstance(value, str) and len(value) <= limit and not _CONTROL.search(value)


def is_id(value: Any, *, optional: bool = False) -> bool:
    if value is None:
        return optional
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < ID_LIMIT


def checkin_problem(values: Mapping[str, Any], *, event_code: str,
                    secret: bytes) -> Problem | None:
    """Why a check-in pulled from the hub cannot be taken in, or None. An accepted scan
    must carry a badge code that verifies with this event's key and names the person and
    badge version it claims: a desk of another event, or a forged row, changes no
    verdict here."""
    checks: dict[str, Callable[[Any], bool]] = {
        "uuid": lambda v: isinstance(v, str) and bool(_UUID.match(v)),
        "checkpoint": lambda v: isinstance(v, str) and bool(_CHECKPOINT.match(v)),
        "delegate_id": lambda v: is_id(v, optional=True),
        "badge_version": lambda v: v is None or (is_id(v) and v < 1_000_000),
        "verdict": lambda v: v in VERDICTS,
        "accepted": lambda v: isinstance(v, bool) or v in (0, 1),
        "method": lambda v: isinstance(v, str) and bool(_METHOD.match(v)),
        "code": lambda v: is_text(v, 200),
        "undoes": lambda v: v is None or (isinstance(v, str) and bool(_UUID.match(v))),
        "reason": lambda v: is_text(v, 500),
        "at": is_time,
        "desk_id": lambda v: is_text(v, 64) and bool(v),
        "operator": lambda v: is_text(v, 200),
    }
    desk = _shown(values.get("desk_id", "?"))
    for field, ok in checks.items():
        value = values.get(field)
        if field not in values or not ok(value):
            return BAD_FIELD, {"what": "check-in", "desk": desk, "field": field,
                               "value": _shown(value)}
    if not values["accepted"] or values["verdict"] == "UNDO":
        return None  # a refusal or an undo changes no one's admission here
    if values["delegate_id"] is None:
        return BAD_FIELD, {"what": "check-in", "desk": desk, "field": "delegate_id",
                           "value": "None"}
    if not values["code"]:
        return None  # admitted by name: counted, and listed (see by_name)
    checked = badge_code.verify(str(values["code"]), event_code, secret)
    if checked.outcome is not badge_code.Outcome.VALID or \
            checked.delegate_id != values["delegate_id"] or \
            checked.version != values["badge_version"]:
        return BAD_BADGE, {"desk": desk, "at": _shown(values["at"]),
                           "delegate": values["delegate_id"]}
    return None


def by_name(values: Mapping[str, Any]) -> Problem | None:
    """An admission with no badge (the desk found the person by name): taken in, and
    listed for a supervisor, as nothing proves it but the desk's word."""
    if values.get("accepted") and not values.get("code") and values.get("verdict") != "UNDO":
        return BY_NAME, {"desk": _shown(values.get("desk_id")), "at": _shown(values.get("at")),
                         "delegate": values.get("delegate_id")}
    return None


# Columns whose values are moments or days, in every shared table.
DAY_COLUMNS = frozenset({"date", "start_date", "end_date"})


def row_problem(table: str, row: Mapping[str, Any] | None) -> Problem | None:
    """Why a row of a shared table (the programme, the lists, the roster…) pulled from
    the hub cannot be taken in, or None: times that parse, days that are days, numbers
    in range, text of a sane length without control characters. The table's own
    constraints (foreign keys, CHECKs) still apply after this."""
    if row is None:
        return None  # a deletion
    for field, value in row.items():
        ok = True
        if field == "at" or field.endswith("_at"):
            ok = value is None or is_time(value) or (field == "created_at" and is_text(value, 40))
        elif field in DAY_COLUMNS:
            ok = value is None or is_day(value)
        elif isinstance(value, bool):
            ok = True
        elif isinstance(value, int):
            ok = -ID_LIMIT < value < ID_LIMIT
        elif isinstance(value, float):
            ok = value == value and abs(value) < 1e15  # not NaN, not absurd
        elif isinstance(value, str):
            limit = 30_000_000 if field in ("content", "image", "wrapped") else 100_000
            ok = len(value) <= limit and (field in ("content", "image") or
                                          not _CONTROL.search(value))
        if not ok:
            return BAD_FIELD, {"what": table, "desk": "?", "field": field,
                               "value": _shown(value)}
    return None


def _common_problem(what: str, row: Mapping[str, Any]) -> Problem | None:
    """The fields every event from a desk carries."""
    checks: dict[str, Callable[[Any], bool]] = {
        "uuid": lambda v: isinstance(v, str) and bool(_UUID.match(v)),
        "at": is_time,
        "desk_id": lambda v: is_text(v, 64) and bool(v),
    }
    for field, ok in checks.items():
        if not ok(row.get(field)):
            return BAD_FIELD, {"what": what, "desk": _shown(row.get("desk_id", "?")),
                               "field": field, "value": _shown(row.get(field))}
    return None


def event_problem(kind: str, row: Mapping[str, Any]) -> Problem | None:
    """Why an event of another kind than a check-in or a row change (a badge issued or
    printed, a delegate added or edited) cannot be taken in, or None. Unknown kinds are
    the caller's to list (a newer desk's)."""
    what = kind.replace("_", " ")[:40]
    found = _common_problem(what, row)
    if found is not None:
        return found
    desk = _shown(row.get("desk_id"))
    fields: dict[str, Callable[[Any], bool]] = {}
    if kind in ("badge_issue", "badge_print"):
        fields = {"delegate_id": is_id, "version": lambda v: is_id(v) and v < 1_000_000,
                  "operator": lambda v: v is None or is_text(v, 200),
                  "reason" if kind == "badge_issue" else "layout":
                      lambda v: v is None or is_text(v, 500)}
    elif kind == "delegate_edit":
        fields = {"delegate_id": is_id, "operator": lambda v: v is None or is_text(v, 200),
                  "action": lambda v: isinstance(v, str) and bool(_METHOD.match(v)),
                  "created_at": lambda v: is_text(v, 40) and bool(v),
                  "changes": lambda v: isinstance(v, dict) and len(v) <= 200 and all(
                      is_text(k, 64) and isinstance(c, list) and len(c) == 2
                      and row_problem("delegate", {"value": c[1]}) is None
                      for k, c in v.items())}
    elif kind == "delegate_created":
        delegate, delegation = row.get("delegate"), row.get("delegation")
        if not isinstance(delegate, dict) or not is_id(delegate.get("id")) or \
                not is_text(delegate.get("created_at"), 40):
            return BAD_FIELD, {"what": what, "desk": desk, "field": "delegate",
                               "value": _shown(delegate)}
        if delegation is not None and (not isinstance(delegation, dict) or
                                       not is_id(delegation.get("id"))):
            return BAD_FIELD, {"what": what, "desk": desk, "field": "delegation",
                               "value": _shown(delegation)}
        for part in (delegate, delegation or {}):
            problem = row_problem("delegate", part)
            if problem is not None:
                return problem[0], {**problem[1], "desk": desk}
        return None
    for field, ok in fields.items():
        if not ok(row.get(field)):
            return BAD_FIELD, {"what": what, "desk": desk, "field": field,
                               "value": _shown(row.get(field))}
    return None
