"""Each row of a delegation list checked, for the importer (importer.py): read into a
delegate, held against the rows before it in the list (a row repeated by its external
id, e-mail, passport number or name), and against the people registered (a new person,
an update with what changes, an unchanged row, or a question when a key matches someone
else or several namesakes)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from bsm_desk.domain import importing as rules
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP
from bsm_desk.domain.importing import RowProblem
from bsm_desk.domain.names import fold
from bsm_desk.domain.people import DELEGATE_FIELDS, Delegate
from bsm_desk.services.registry._rows import (
    Lookup,
    add_patronymic,
    delegate_of,
    header,
    latin_from_cyrillic,
    passport_key,
    present_fields,
    read_cells,
)
from bsm_desk.store import delegates as delegate_store

if TYPE_CHECKING:
    from sqlite_utils import Database

DEFAULT_CATEGORY = "delegate"


@dataclass
class Planned:
    row: int
    delegate: Delegate
    existing: Delegate | None = None
    changes: dict[str, list[Any]] = field(default_factory=dict)
    new_delegation: str = ""  # to be created, by this name
    present: set[str] = field(default_factory=set)  # fields the file gives for this row



@dataclass
class Read:
    """One row as read: the delegate it makes, or its problems."""

    number: int
    cells: list[Any]
    delegate: Delegate
    values: dict[str, str]
    columns: dict[str, int]
    problems: list[RowProblem]
    notes: list[RowProblem]
    new_delegation: str
    present: set[str]

    def planned(self) -> Planned:
        return Planned(self.number, self.delegate, new_delegation=self.new_delegation,
                       present=self.present)


def read_row(number: int, cells: list[Any], mapping: dict[int, str], headers: list[Any],
              lookup: Lookup) -> Read:
    """One row as a delegate, with its problems."""
    row = read_cells(number, cells, mapping, headers)
    add_patronymic(row)
    named = lookup.delegation(row.values["delegation"]) if row.values.get("delegation") \
        else None
    generated = latin_from_cyrillic(row, lookup.countries.get(named or 0, ""))
    if not row.latin["family_name"] and not row.problems:
        row.problem(row.name_column(), rules.MISSING_FAMILY)
    delegate, category, new_delegation = delegate_of(row, lookup, generated)
    return Read(number, cells, delegate, row.values, row.columns, row.problems, row.notes,
                 new_delegation, present_fields(row, category, delegate))


_KEY_NAMES = {
    "external_id": QT_TRANSLATE_NOOP("ImportError", "external id"),
    "email": QT_TRANSLATE_NOOP("ImportError", "e-mail"),
    "passport_no": QT_TRANSLATE_NOOP("ImportError", "passport number"),
    "name": QT_TRANSLATE_NOOP("ImportError", "name and delegation"),
}


def _keys(r: Read) -> list[tuple[str, str]]:
    """What makes two rows of a list one person."""
    d = r.delegate
    keys = [
        ("external_id", d.external_id),
        ("email", d.email.casefold()),
        ("passport_no", passport_key(d.passport_no)),
        ("name", f"{fold(d.family_name)}|{fold(d.given_name)}|"
                 f"{d.delegation_id or fold(r.values.get('delegation', ''))}"),
    ]
    return [(kind, value) for kind, value in keys if value and not value.startswith("|")]


def repeated_in_list(db: Database, reads: list[Read]) -> dict[int, tuple[str, int]]:
    """The rows (of these, in order) that repeat an earlier row of the list, with the key
    and that row; the keys of the others are kept (in SQLite's temporary table) for the
    rows after them."""
    keys = [(r.number, _keys(r)) for r in reads]
    values = list({value for _, found in keys for _, value in found})
    earlier: dict[tuple[str, str], int] = {}
    for start in range(0, len(values), 500):
        chunk = values[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        for kind, value, row in db.execute(
                f"SELECT kind, value, row FROM temp.import_seen WHERE value IN ({marks})",
                chunk):
            earlier[(kind, value)] = row
    repeated: dict[int, tuple[str, int]] = {}
    kept: list[tuple[str, str, int]] = []
    for number, found in keys:
        for key in found:
            other = earlier.get(key)
            if other is not None:
                repeated[number] = (key[0], other)
                break
        else:
            for key in found:
                earlier[key] = number
                kept.append((key[0], key[1], number))
    db.conn.executemany("INSERT OR IGNORE INTO temp.import_seen (kind, value, row)"
                        " VALUES (?, ?, ?)", kept)
    return repeated


def repeated_problem(r: Read, headers: list[Any], repeated: tuple[str, int]) -> RowProblem:
    kind, other = repeated
    column = r.columns.get(kind, r.columns.get("family_name", r.columns.get("full_name", 0)))
    return RowProblem(r.number, header(headers, column), rules.DUPLICATE_ROW,
                      {"other": other, "key": _KEY_NAMES[kind]}, words=("key",))


def compare_with_registered(db: Database, planned: list[Planned], lookup: Lookup,
                            errors: list[RowProblem], warnings: list[RowProblem]
                            ) -> tuple[int, int, int]:
    """Split a slice into new people, updates (with what changes) and unchanged rows,
    counted (added, updated, unchanged); the rows that can be none of them are taken
    out, their problems added to ``errors``."""
    matched = {p.row: lookup.match(p.delegate) for p in planned}
    existing = {d.id: d for d in delegate_store.get_delegates(
        db, [m[0] for m in matched.values() if m])}
    default = lookup.categories.get(DEFAULT_CATEGORY)
    refused: set[int] = set()
    counts = {"added": 0, "updated": 0, "unchanged": 0}
    for p in planned:
        match = matched[p.row]
        found = existing.get(match[0]) if match else None
        if match is not None and match[1] == "names":
            ids = lookup.by_name(p.delegate)
            refused.add(p.row)
            errors.append(RowProblem(p.row, "", rules.NAMESAKES, {
                "count": len(ids), "ids": ", #".join(str(i) for i in ids),
                "family": p.delegate.family_name or p.delegate.family_name_cyr,
                "given": p.delegate.given_name or p.delegate.given_name_cyr}))
            continue
        if found is not None and match is not None and match[1] == "name":
            other = _other_identity(found, p.delegate)
            if other is not None:
                refused.add(p.row)
                errors.append(RowProblem(p.row, "", rules.NAMESAKE, {
                    "name": f"{found.family_name} {found.given_name}".strip(),
                    "id": found.id, "key": _KEY_NAMES[other]}))
                continue
        if found is not None and match is not None and _other_person(found, p.delegate):
            refused.add(p.row)
            errors.append(RowProblem(p.row, "", rules.NAME_CONFLICT, {
                "name": f"{found.family_name} {found.given_name}".strip(), "id": found.id,
                "key": _KEY_NAMES[match[1]], "family": p.delegate.family_name,
                "given": p.delegate.given_name}))
            continue
        if found is None:
            if not p.delegate.delegation_id and not p.new_delegation:
                refused.add(p.row)
                errors.append(RowProblem(p.row, "", rules.MISSING_DELEGATION))
                continue
            if not p.delegate.category_id and default is not None and default.id:
                p.delegate = replace(p.delegate, category_id=default.id)
            counts["added"] += 1
            continue
        updated = replace(found, **{f: getattr(p.delegate, f) for f in p.present
                                    if f in DELEGATE_FIELDS and f != "delegation_id"})
        if "delegation_id" in p.present and p.delegate.delegation_id:
            updated = replace(updated, delegation_id=p.delegate.delegation_id)
        if (updated.function_en, updated.function_ru) != (found.function_en,
                                                          found.function_ru) \
                and not found.rank_by_hand:
            # A new function suggests a new rank; a rank set by hand stays as it was set.
            updated = replace(updated, protocol_rank=p.delegate.protocol_rank)
        p.existing = found
        p.changes = {f: [delegate_store.column_value(found, f),
                         delegate_store.column_value(updated, f)]
                     for f in DELEGATE_FIELDS
                     if getattr(found, f) != getattr(updated, f)}
        if p.new_delegation:
            p.changes["delegation"] = [None, p.new_delegation]
        p.delegate = updated
        if {"family_name", "given_name", "family_name_cyr", "given_name_cyr"} & set(p.changes):
            warnings.append(RowProblem(p.row, "", rules.NAME_CHANGED, {
                "old": f"{found.family_name} {found.given_name}".strip(),
                "new": f"{updated.family_name} {updated.given_name}".strip(),
                "id": found.id}))
        counts["updated" if p.changes else "unchanged"] += 1
    planned[:] = [p for p in planned if p.row not in refused]
    return counts["added"], counts["updated"], counts["unchanged"]


def _other_identity(registered: Delegate, row: Delegate) -> str | None:
    """The key (e-mail, passport number, external id) by which a row matched by name says
    it is somebody else: both have one, and they differ; None when nothing says so."""
    for key, old, new in (
            ("external_id", registered.external_id, row.external_id),
            ("email", registered.email.casefold(), row.email.casefold()),
            ("passport_no", passport_key(registered.passport_no or ""),
             passport_key(row.passport_no))):
        if old and new and old != new:
            return key
    return None


def _other_person(registered: Delegate, row: Delegate) -> bool:
    """Both the family and the given name differ (in either script): the key matched,
    but this is somebody else, and overwriting would lose a person."""
    def differs(field_latin: str, field_cyr: str) -> bool:
        old = {fold(getattr(registered, f)) for f in (field_latin, field_cyr)} - {""}
        new = {fold(getattr(row, f)) for f in (field_latin, field_cyr)} - {""}
        return bool(old and new) and not old & new

    return differs("family_name", "family_name_cyr") and differs("given_name",
                                                                  "given_name_cyr")
