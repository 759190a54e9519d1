"""Editing the registry: one person, many at once, and a delegation as a whole.

Every change goes into the delegate's append-only history with the desk and operator.
Bulk changes return what they replaced, so the window can offer Undo.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from bsm_desk.domain import validation
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.domain.importing import clean_text
from bsm_desk.domain.model import DelegateStatus, Delegation, DelegationType, Gender, ProtocolRank
from bsm_desk.domain.people import DELEGATE_FIELDS, Delegate
from bsm_desk.services.operators import Acting, Permission, requires
from bsm_desk.store import atomic, history
from bsm_desk.store import categories as category_store
from bsm_desk.store import delegates as store
from bsm_desk.store import delegations as delegation_store

if TYPE_CHECKING:
    from sqlite_utils import Database

INVALID = QT_TRANSLATE_NOOP("UserError", "The record cannot be saved: {problems}")
NOT_FOUND = QT_TRANSLATE_NOOP("UserError", "There is no delegate #{id}.")

Changes = dict[int, dict[str, Any]]  # delegate id -> field -> stored value


@requires(Permission.EDIT_DELEGATES)
def save_delegate(db: Database, delegate: Delegate, *, who: Acting) -> int:
    """Add a new delegate (no id) or write an edited one; returns its id."""
    delegate = cleaned(delegate)
    found = validation.problems(delegate)
    if found:
        raise UserError(INVALID, problems="; ".join(found.values()))
    with atomic(db):
        if delegate.id is None:
            new_id = store.add_delegate(db, delegate)
            history.record(db, new_id, desk_id=who.desk_id, operator=who.name, action="created",
                           changes={f: [None, store.column_value(delegate, f)]
                                    for f in DELEGATE_FIELDS
                                    if store.column_value(delegate, f) not in ("", None, 0)})
            return new_id
        before = store.get_delegate(db, delegate.id)
        if before is None:
            raise UserError(NOT_FOUND, id=delegate.id)
        changes = _diff(before, delegate)
        if changes:
            store.update_delegate(db, delegate)
            history.record(db, delegate.id, desk_id=who.desk_id, operator=who.name,
                           action="updated", changes=changes)
        return delegate.id


def cleaned(delegate: Delegate) -> Delegate:
    """Text fields as they may be stored: no control characters, NFC, single spaces (a
    name pasted from a PDF or a chat brings all three); no emoji in names."""
    changes: dict[str, Any] = {}
    for name in DELEGATE_FIELDS:
        value = getattr(delegate, name)
        if isinstance(value, str) and value:
            text = clean_text(value, emoji=name in _NAMES)[0]
            if text != value:
                changes[name] = text
    return replace(delegate, **changes) if changes else delegate


_NAMES = ("family_name", "given_name", "family_name_cyr", "given_name_cyr")


def _diff(before: Delegate, after: Delegate) -> dict[str, list[Any]]:
    return {f: [store.column_value(before, f), store.column_value(after, f)]
            for f in DELEGATE_FIELDS if getattr(before, f) != getattr(after, f)}


@requires(Permission.EDIT_DELEGATES)
def change_many(db: Database, ids: list[int], *, who: Acting, action: str = "updated",
                **fields: Any) -> Changes:
    """Set the same fields on several delegates; returns the values they had (for undo)."""
    return restore(db, {i: fields for i in ids}, action=action, who=who)


@requires(Permission.EDIT_DELEGATES)
def restore(db: Database, values: Changes, *, who: Acting, action: str = "undone") -> Changes:
    """Write per-delegate field values; returns what they replaced (undo of an undo)."""
    previous: Changes = {}
    with atomic(db):
        for delegate in store.get_delegates(db, list(values)):
            assert delegate.id is not None
            wanted = {k: typed_value(k, v) for k, v in values[delegate.id].items()}
            after = replace(delegate, **wanted)
            changes = _diff(delegate, after)
            if not changes:
                continue
            previous[delegate.id] = {f: getattr(delegate, f) for f in changes}
            store.update_delegate(db, after)
            history.record(db, delegate.id, desk_id=who.desk_id, operator=who.name,
                           action=action, changes=changes)
    return previous


def typed_value(name: str, value: Any) -> Any:
    """A field's value as stored in a change record, back in its type."""
    if name == "status" and isinstance(value, str):
        return DelegateStatus(value)
    if name == "gender" and isinstance(value, str):
        return Gender(value)
    if name == "protocol_rank" and isinstance(value, str):
        return ProtocolRank(value)
    if name in ("latin_generated", "rank_by_hand"):
        return bool(value)
    if name in ("credentials_received", "birth_date") and isinstance(value, str):
        return date.fromisoformat(value)
    return value


def set_category(db: Database, ids: list[int], category_id: int, *, who: Acting) -> Changes:
    return change_many(db, ids, category_id=category_id, who=who)


def mark_credentials(db: Database, ids: list[int], day: date, *, who: Acting) -> Changes:
    """Credentials received: the delegate is accredited from ``day``."""
    return change_many(db, ids, credentials_received=day, status=DelegateStatus.ACCREDITED,
                       action="accredited", who=who)


def cancel(db: Database, ids: list[int], *, who: Acting) -> Changes:
    return change_many(db, ids, status=DelegateStatus.CANCELLED, action="cancelled", who=who)


@dataclass(frozen=True)
class DelegationSummary:
    delegation: Delegation
    members: int  # not cancelled
    women: int
    head: Delegate | None
    size_limit: int | None

    @property
    def over_limit(self) -> int:
        return max(self.members - self.size_limit, 0) if self.size_limit else 0


def delegation_summary(db: Database, delegation_id: int) -> DelegationSummary | None:
    delegation = next((d for d in delegation_store.list_delegations(db)
                       if d.id == delegation_id), None)
    if delegation is None:
        return None
    members, women = db.execute(
        "SELECT count(*), coalesce(sum(gender = 'F'), 0) FROM delegate WHERE delegation_id = ?"
        " AND status != 'cancelled' AND merged_into IS NULL", [delegation_id]).fetchone()
    head_code = {c.id: c.code for c in category_store.list_categories(db)}
    head_ids = [r[0] for r in db.execute(
        "SELECT id, category_id FROM delegate WHERE delegation_id = ? AND status != 'cancelled'"
        " AND merged_into IS NULL ORDER BY id", [delegation_id]).fetchall()
        if head_code.get(r[1]) == "hod"]
    head = store.get_delegate(db, head_ids[0]) if head_ids else None
    return DelegationSummary(delegation, members, women, head, delegation.size_limit)


# -- delegations --------------------------------------------------------------------------

TYPE_ORDER = {DelegationType.MEMBER_STATE: 0, DelegationType.INTERNATIONAL_ORGANIZATION: 1,
              DelegationType.CIVIL_SOCIETY: 2, DelegationType.OTHER: 3}
NO_DELEGATION = QT_TRANSLATE_NOOP("UserError", "There is no delegation #{id}.")
DELEGATION_NAME = QT_TRANSLATE_NOOP("UserError", "A delegation needs a name in English or in "
                                                 "Russian, of at most {limit} characters.")
BAD_ISO = QT_TRANSLATE_NOOP("UserError", "“{code}” is not a country code: two or three Latin "
                                         "letters (TJ, TJK).")
BAD_SIZE = QT_TRANSLATE_NOOP("UserError", "A delegation's size limit is 1 to 10,000 people, "
                                          "or none.")
NAME_LIMIT = 200


def delegations(db: Database) -> list[Delegation]:
    """Every delegation, in the order of lists (Member States first)."""
    return delegation_store.list_delegations(db)


def delegation(db: Database, delegation_id: int) -> Delegation:
    found = next((d for d in delegation_store.list_delegations(db) if d.id == delegation_id),
                 None)
    if found is None:
        raise UserError(NO_DELEGATION, id=delegation_id)
    return found


@requires(Permission.EDIT_DELEGATES)
def save_delegation(db: Database, changed: Delegation, *, who: Acting) -> Delegation:
    """A delegation's type, names, country code or size limit changed; where it stands
    in lists follows its type and English name."""
    name_en, name_ru = clean_text(changed.name_en)[0], clean_text(changed.name_ru)[0]
    if not (name_en or name_ru) or max(len(name_en), len(name_ru)) > NAME_LIMIT:
        raise UserError(DELEGATION_NAME, limit=NAME_LIMIT)
    iso = (changed.iso_code or "").strip().upper() or None
    if iso is not None and not (iso.isascii() and iso.isalpha() and len(iso) in (2, 3)):
        raise UserError(BAD_ISO, code=iso)
    if changed.size_limit is not None and not 1 <= changed.size_limit <= 10_000:
        raise UserError(BAD_SIZE)
    saved = replace(changed, name_en=name_en, name_ru=name_ru, iso_code=iso,
                    order_key=f"{TYPE_ORDER[changed.type]}|{(name_en or name_ru).casefold()}")
    with atomic(db):
        if changed.id is None or not delegation_store.update_delegation(db, saved):
            raise UserError(NO_DELEGATION, id=changed.id)
    return saved


def registered_ids(db: Database) -> list[int]:
    """Everyone registered whose credentials have not been received yet."""
    return store.ids_with_status(db, DelegateStatus.REGISTERED)


def delegate(db: Database, delegate_id: int) -> Delegate:
    """One delegate, or the refusal that names the missing number."""
    found = store.get_delegate(db, delegate_id)
    if found is None:
        raise UserError(NOT_FOUND, id=delegate_id)
    return found
