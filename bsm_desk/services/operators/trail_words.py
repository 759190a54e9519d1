"""What an audit entry is about, in words: "check-in of RAHMONOV Farrukh at the
entrance, 18.10", "preferred slot 2 of the side-event request “Border communities”",
rather than ``checkin ["3fcc…"]`` or ``request_slot [8,1]``.

``describe`` gives a template (translated by the window in the "Trail" context) and its
fields; names of people, sessions and requests are read once per batch of entries.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP
from bsm_desk.domain.model import pick
from bsm_desk.store import audit_log

if TYPE_CHECKING:
    from sqlite_utils import Database

TEMPLATES: dict[str, str] = {
    "delegate": QT_TRANSLATE_NOOP("Trail", "delegate {person}"),
    "delegation": QT_TRANSLATE_NOOP("Trail", "delegation {name}"),
    "checkin": QT_TRANSLATE_NOOP(
        "Trail", "check-in of {person} at {checkpoint}: {verdict}"),
    "badge_issue": QT_TRANSLATE_NOOP("Trail", "new badge (version {version}) for {person}"),
    "badge_print": QT_TRANSLATE_NOOP("Trail", "badge printed for {person} (version {version})"),
    "delegate_photo": QT_TRANSLATE_NOOP("Trail", "photo of {person}"),
    "delegate_history": QT_TRANSLATE_NOOP("Trail", "change record of {person}"),
    "duplicate_dismissed": QT_TRANSLATE_NOOP("Trail", "not duplicates: {person} and {other}"),
    "session": QT_TRANSLATE_NOOP("Trail", "session “{title}”"),
    "session_access": QT_TRANSLATE_NOOP("Trail", "who may enter “{session}”"),
    "session_person": QT_TRANSLATE_NOOP("Trail", "{person} at “{session}”"),
    "checkpoint_rule": QT_TRANSLATE_NOOP("Trail", "re-entry rule of {checkpoint}"),
    "room": QT_TRANSLATE_NOOP("Trail", "room {name}"),
    "day": QT_TRANSLATE_NOOP("Trail", "opening hours of {date}"),
    "category": QT_TRANSLATE_NOOP("Trail", "category {name}"),
    "event": QT_TRANSLATE_NOOP("Trail", "the event “{title}”"),
    "side_event_request": QT_TRANSLATE_NOOP("Trail", "side-event request “{title}”"),
    "request_slot": QT_TRANSLATE_NOOP(
        "Trail", "preferred time {rank} of the side-event request “{request}”"),
    "request_panellist": QT_TRANSLATE_NOOP(
        "Trail", "{person} on the panel of the side-event request “{request}”"),
    "speaker_entry": QT_TRANSLATE_NOOP(
        "Trail", "{person} on the list of speakers of “{session}”"),
    "speaker_event": QT_TRANSLATE_NOOP("Trail", "list of speakers of “{session}”: {what}"),
    "speaker_limit": QT_TRANSLATE_NOOP("Trail", "speaking time limit at “{session}”"),
    "speaker_text": QT_TRANSLATE_NOOP("Trail", "text of a statement (list entry {entry})"),
    "interpreter": QT_TRANSLATE_NOOP("Trail", "interpreter {name}"),
    "interpreter_rule": QT_TRANSLATE_NOOP("Trail", "interpreters' rule {name}"),
    "roster_assignment": QT_TRANSLATE_NOOP(
        "Trail", "{interpreter} in the {booth} booth at “{session}”"),
    "operator": QT_TRANSLATE_NOOP("Trail", "operator {name}"),
    "operator_lock": QT_TRANSLATE_NOOP("Trail", "sign-in lock of {name}"),
    "data_key": QT_TRANSLATE_NOOP("Trail", "the key of the sealed personal data"),
    "journal": QT_TRANSLATE_NOOP("Trail", "record: {action} {subject}"),
}
OTHER = QT_TRANSLATE_NOOP("Trail", "{table} {key}")
ENTRANCE = QT_TRANSLATE_NOOP("Trail", "the entrance, {day}")


def _image(row: dict[str, Any]) -> dict[str, Any]:
    try:
        found = json.loads(row.get("after") or row.get("before") or "{}")
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


class _Names:
    """Names by id for one batch of entries, each table read once."""

    def __init__(self, db: Database, rows: Sequence[dict[str, Any]], lang: str) -> None:
        self.lang = lang
        images = [_image(r) for r in rows]

        def ids(*keys: str) -> list[int]:
            return sorted({int(i[k]) for i in images for k in keys
                           if isinstance(i.get(k), int)})

        people = ids("delegate_id", "first_id", "second_id")
        people += [int(i["id"]) for r, i in zip(rows, images, strict=True)
                   if r.get("table") == "delegate" and isinstance(i.get("id"), int)]
        sessions = ids("session_id")
        self.people = audit_log.labels(db, "delegate", ("family_name", "given_name"), people)
        self.sessions = audit_log.labels(db, "session", ("title_en", "title_ru"), sessions)
        self.requests = audit_log.labels(db, "side_event_request", ("title_en", "title_ru"),
                                     ids("request_id"))
        self.interpreters = audit_log.labels(db, "interpreter", ("name",),
                                         ids("interpreter_id"))
        self.operators = audit_log.labels(db, "operator", ("name",), ids("operator_id"))

    def person(self, value: Any, image: dict[str, Any] | None = None) -> str:
        if image and image.get("family_name"):
            return f"{str(image['family_name']).upper()} {image.get('given_name') or ''}".strip()
        found = self.people.get(value) if isinstance(value, int) else None
        return f"{str(found[0]).upper()} {found[1]}".strip() if found else f"#{value}"

    def session(self, value: Any) -> str:
        found = self.sessions.get(value) if isinstance(value, int) else None
        return pick(self.lang, str(found[0]), str(found[1])) if found else f"#{value}"

    def request(self, value: Any) -> str:
        found = self.requests.get(value) if isinstance(value, int) else None
        return pick(self.lang, str(found[0]), str(found[1])) if found else f"#{value}"

    def interpreter(self, value: Any) -> str:
        found = self.interpreters.get(value) if isinstance(value, int) else None
        return str(found[0]) if found else f"#{value}"


def _checkpoint(point: Any, names: _Names) -> tuple[str, dict[str, Any]] | str:
    text = str(point or "")
    if text.startswith("entrance-"):
        return ENTRANCE, {"day": text[len("entrance-"):]}
    if text.startswith("session-") and text[len("session-"):].isdigit():
        return f"“{names.session(int(text[len('session-'):]))}”"
    return text


def describe_all(db: Database, rows: Sequence[dict[str, Any]],
                 lang: str = "en") -> list[tuple[str, dict[str, Any]]]:
    """For each entry (as trail.show gives them): a template and its fields. A field
    that is itself a (template, fields) pair is to be translated and filled first."""
    names = _Names(db, rows, lang)
    return [_describe(row, _image(row), names) for row in rows]


def _describe(row: dict[str, Any], i: dict[str, Any],
              names: _Names) -> tuple[str, dict[str, Any]]:
    table = str(row.get("table") or "")
    template = TEMPLATES.get(table)
    if template is None:
        return OTHER, {"table": table, "key": row.get("key") or ""}
    fields: dict[str, Any] = {
        "person": names.person(i.get("delegate_id", i.get("first_id", i.get("id"))),
                               i if table == "delegate" else None),
        "other": names.person(i.get("second_id")),
        "entry": i.get("entry_id", ""),
        "name": pick(names.lang, str(i.get("name_en") or i.get("name") or ""),
                     str(i.get("name_ru") or i.get("name") or "")) or str(i.get("id", "")),
        "title": pick(names.lang, str(i.get("title_en") or ""), str(i.get("title_ru") or "")),
        "session": names.session(i.get("session_id")),
        "request": names.request(i.get("request_id")),
        "interpreter": names.interpreter(i.get("interpreter_id")),
        "checkpoint": _checkpoint(i.get("checkpoint"), names),
        "verdict": i.get("verdict", ""), "version": i.get("version", ""),
        "rank": (i["rank"] + 1) if isinstance(i.get("rank"), int) else "",
        "booth": i.get("booth", ""), "date": i.get("date", ""),
        "what": i.get("what", ""), "action": i.get("action", ""),
        "subject": i.get("subject", ""),
    }
    if table == "operator_lock":
        found = names.operators.get(i.get("operator_id"))  # type: ignore[arg-type]
        fields["name"] = str(found[0]) if found else f"#{i.get('operator_id')}"
    return template, fields
