"""Importing a delegation list: all rows or none, with every problem named by row.

A plan is made first (nothing written): each row becomes a new delegate, an update of
one already registered (matched by external id, else e-mail, else passport number),
or stays as it is. Only a plan with no errors is applied, in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from bsm_desk.domain import importing as rules
from bsm_desk.domain.delegation_names import looks_like_organization
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.domain.importing import RowProblem, cell_text, normalize_header
from bsm_desk.domain.model import (
    DELEGATE_FIELDS,
    Delegate,
    Delegation,
    DelegationType,
)
from bsm_desk.domain.names import fold, script
from bsm_desk.services.operators import Acting, Permission, requires
from bsm_desk.services.registry._rows import (
    Lookup,
    add_patronymic,
    delegate_of,
    delegation_key,
    header,
    latin_from_cyrillic,
    passport_key,
    present_fields,
    read_cells,
)
from bsm_desk.services.registry.states import recognize
from bsm_desk.services.registry.tables import Table, read_table
from bsm_desk.store import atomic, history, journal
from bsm_desk.store import delegates as delegate_store
from bsm_desk.store import delegations as delegation_store

NO_HEADER = QT_TRANSLATE_NOOP(
    "UserError", "{path}: no header row with a family name column was found in the first "
    "20 rows.")
NO_ROWS = QT_TRANSLATE_NOOP("UserError", "{path} has a header row but no delegates under it.")

Progress = Callable[[int, int], None]
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
class ImportReport:
    file: str
    sheet: str
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    created_delegations: list[str] = field(default_factory=list)
    errors: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # header -> field
    dry_run: bool = False
    imported: bool = False
    planned: list[Planned] = field(default_factory=list, repr=False)
    new_delegation_type: DelegationType = DelegationType.OTHER
    duplicates: list[tuple[int, int]] = field(default_factory=list)  # likely, to review
    ignored_columns: list[str] = field(default_factory=list)  # headers not imported

    def as_dict(self, translate: Any = None) -> dict[str, Any]:
        def problem(p: RowProblem) -> dict[str, Any]:
            return {"row": p.row, "column": p.column, "message": p.message(translate)}

        return {
            "file": self.file, "sheet": self.sheet, "rows": self.rows, "added": self.added,
            "updated": self.updated, "unchanged": self.unchanged,
            "created_delegations": self.created_delegations,
            "errors": [problem(p) for p in self.errors],
            "warnings": [problem(p) for p in self.warnings],
            "columns": self.columns, "dry_run": self.dry_run, "imported": self.imported,
            "duplicates": [list(pair) for pair in self.duplicates],
            "ignored_columns": self.ignored_columns,
        }


@requires(Permission.IMPORT)
def import_file(db: Database, path: str | Path, *, who: Acting, sheet: str | None = None,
                dry_run: bool = False, mapping: dict[int, str] | None = None,
                progress: Progress | None = None) -> ImportReport:
    """Plan the import of ``path`` and, if no row has an error and not ``dry_run``, apply it."""
    report = plan(db, read_table(path, sheet), mapping=mapping, progress=progress)
    report.dry_run = dry_run
    if not report.errors and not dry_run:
        apply(db, report, who=who)
    return report


def plan(db: Database, table: Table, *, mapping: dict[int, str] | None = None,
         progress: Progress | None = None) -> ImportReport:
    """Read every row and say what importing it would do; writes nothing."""
    report = ImportReport(file=str(table.path), sheet=table.sheet)
    rows = table.rows
    header_at, found = rules.find_header([cells for _, cells in rows])
    if header_at < 0:
        raise UserError(NO_HEADER, path=table.path.name)
    mapping = dict(found if mapping is None else mapping)
    headers = list(rows[header_at][1])
    body = rows[header_at + 1:]
    if not body:
        raise UserError(NO_ROWS, path=table.path.name)
    for column, name in list(mapping.items()):
        if name == "external_id" and _running_number([cells for _, cells in body], column):
            mapping[column] = "row_number"
            report.warnings.append(RowProblem(rows[header_at][0], header(headers, column),
                                              rules.RUNNING_NUMBER,
                                              {"column": header(headers, column)}))
    report.columns = {header(headers, c): f for c, f in sorted(mapping.items())}
    report.ignored_columns = [header(headers, c) for c in range(len(headers))
                              if c not in mapping and cell_text(headers[c])]
    for column, name in sorted(mapping.items()):
        if name in rules.NOT_STORED:
            report.ignored_columns.append(header(headers, column))
    # A column headed "Country" names Member States; other new delegations are "other".
    new_type = DelegationType.OTHER
    if any(normalize_header(header(headers, c)) in rules.COUNTRY_HEADERS
           for c, f in mapping.items() if f == "delegation"):
        new_type = DelegationType.MEMBER_STATE
    report.new_delegation_type = new_type
    lookup = Lookup(db)
    seen: dict[tuple[str, str], int] = {}
    for done, (number, cells) in enumerate(body, start=1):
        planned = _row(number, cells, mapping, headers, lookup, report, seen)
        if planned is not None:
            report.planned.append(planned)
        if progress and (done % 500 == 0 or done == len(body)):
            progress(done, len(body))
    report.rows = len(body)
    _compare_with_registered(db, report, lookup)
    # "OSCE" and "ОБСЕ" in one list are one new delegation, under the name seen first.
    first_names: dict[str, str] = {}
    for p in report.planned:
        if p.new_delegation:
            p.new_delegation = first_names.setdefault(delegation_key(p.new_delegation),
                                                      p.new_delegation)
    report.created_delegations = sorted(first_names.values(), key=str.casefold)
    return report


def _running_number(body: list[list[Any]], column: int) -> bool:
    """1, 2, 3… down the rows: a row number, whatever the header says."""
    values = [cell_text(cells[column]) if column < len(cells) else "" for cells in body]
    return len(values) > 1 and values == [str(n) for n in range(1, len(values) + 1)]


def _row(number: int, cells: list[Any], mapping: dict[int, str], headers: list[Any],
         lookup: Lookup, report: ImportReport,
         seen: dict[tuple[str, str], int]) -> Planned | None:
    """One row as a delegate, its problems added to the report."""
    row = read_cells(number, cells, mapping, headers)
    add_patronymic(row)
    named = lookup.delegation(row.values["delegation"]) if row.values.get("delegation") \
        else None
    generated = latin_from_cyrillic(row, lookup.countries.get(named or 0, ""))
    if not row.latin["family_name"] and not row.problems:
        row.problem(row.name_column(), rules.MISSING_FAMILY)
    delegate, category, new_delegation = delegate_of(row, lookup, generated)
    report.warnings.extend(row.notes)
    problems = row.problems
    if not problems:
        problems.extend(_duplicate_in_file(number, delegate, row.values, row.columns, headers,
                                           seen))
    hint = rules.spilled(number, headers, cells, problems)
    if hint is not None:
        problems.append(hint)
    report.errors.extend(problems)
    if problems:
        return None
    return Planned(number, delegate, new_delegation=new_delegation,
                   present=present_fields(row, category, delegate))


_KEY_NAMES = {
    "external_id": QT_TRANSLATE_NOOP("ImportError", "external id"),
    "email": QT_TRANSLATE_NOOP("ImportError", "e-mail"),
    "passport_no": QT_TRANSLATE_NOOP("ImportError", "passport number"),
    "name": QT_TRANSLATE_NOOP("ImportError", "name and delegation"),
}


def _duplicate_in_file(number: int, d: Delegate, values: dict[str, str],
                       columns: dict[str, int], headers: list[Any],
                       seen: dict[tuple[str, str], int]) -> list[RowProblem]:
    keys = [
        ("external_id", d.external_id),
        ("email", d.email.casefold()),
        ("passport_no", passport_key(d.passport_no)),
        ("name", f"{fold(d.family_name)}|{fold(d.given_name)}|"
                 f"{d.delegation_id or fold(values.get('delegation', ''))}"),
    ]
    for kind, value in keys:
        if not value or value.startswith("|"):
            continue
        other = seen.get((kind, value))
        if other is not None:
            column = columns.get(kind, columns.get("family_name", columns.get("full_name", 0)))
            return [RowProblem(number, header(headers, column), rules.DUPLICATE_ROW,
                               {"other": other, "key": _KEY_NAMES[kind]})]
    for kind, value in keys:
        if value and not value.startswith("|"):
            seen[(kind, value)] = number
    return []


def _compare_with_registered(db: Database, report: ImportReport, lookup: Lookup) -> None:
    """Split the plan into new people, updates (with what changes) and unchanged rows."""
    matched = {p.row: lookup.match(p.delegate) for p in report.planned}
    existing = {d.id: d for d in delegate_store.get_delegates(
        db, [m[0] for m in matched.values() if m])}
    default = lookup.categories.get(DEFAULT_CATEGORY)
    for p in report.planned:
        match = matched[p.row]
        found = existing.get(match[0]) if match else None
        if match is not None and match[1] == "names":
            ids = lookup.by_name(p.delegate)
            report.errors.append(RowProblem(p.row, "", rules.NAMESAKES, {
                "count": len(ids), "ids": ", #".join(str(i) for i in ids),
                "family": p.delegate.family_name or p.delegate.family_name_cyr,
                "given": p.delegate.given_name or p.delegate.given_name_cyr}))
            continue
        if found is not None and match is not None and match[1] == "name":
            other = _other_identity(found, p.delegate)
            if other is not None:
                report.errors.append(RowProblem(p.row, "", rules.NAMESAKE, {
                    "name": f"{found.family_name} {found.given_name}".strip(),
                    "id": found.id, "key": _KEY_NAMES[other]}))
                continue
        if found is not None and match is not None and _other_person(found, p.delegate):
            report.errors.append(RowProblem(p.row, "", rules.NAME_CONFLICT, {
                "name": f"{found.family_name} {found.given_name}".strip(), "id": found.id,
                "key": _KEY_NAMES[match[1]], "family": p.delegate.family_name,
                "given": p.delegate.given_name}))
            continue
        if found is None:
            if not p.delegate.delegation_id and not p.new_delegation:
                report.errors.append(RowProblem(p.row, "", rules.MISSING_DELEGATION))
                continue
            if not p.delegate.category_id and default is not None and default.id:
                p.delegate = replace(p.delegate, category_id=default.id)
            report.added += 1
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
            report.warnings.append(RowProblem(p.row, "", rules.NAME_CHANGED, {
                "old": f"{found.family_name} {found.given_name}".strip(),
                "new": f"{updated.family_name} {updated.given_name}".strip(),
                "id": found.id}))
        if p.changes:
            report.updated += 1
        else:
            report.unchanged += 1
    report.errors.sort(key=lambda e: (e.row, e.column))
    report.warnings.sort(key=lambda w: w.row)


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


@requires(Permission.IMPORT)
def apply(db: Database, report: ImportReport, *, who: Acting) -> None:
    """Write a plan that has no errors, all in one transaction."""
    assert not report.errors, "a plan with errors is never applied"
    with atomic(db):
        created: dict[str, int] = {}
        for name in report.created_delegations:
            known = recognize(name)  # a State or an organization: its type, both names
            made = Delegation(
                name_en=known.name_en, name_ru=known.name_ru, type=known.type,
                iso_code=known.iso_code, order_key=f"9|{known.name_en.casefold()}",
            ) if known is not None else Delegation(
                name_en=name if script(name) != "cyrillic" else "",
                name_ru=name if script(name) == "cyrillic" else "",
                type=(DelegationType.INTERNATIONAL_ORGANIZATION
                      if looks_like_organization(name) else report.new_delegation_type),
                order_key=f"9|{name.casefold()}")
            created[normalize_header(name)] = delegation_store.add_delegation(db, made)
        new: list[Planned] = []
        for p in report.planned:
            if p.new_delegation:
                p.delegate = replace(p.delegate,
                                     delegation_id=created[normalize_header(p.new_delegation)])
            if p.existing is None:
                new.append(p)
            elif p.changes:
                delegate_store.update_delegate(db, p.delegate)
                assert p.delegate.id is not None
                history.record(db, p.delegate.id, desk_id=who.desk_id, operator=who.name,
                               action="imported", changes=p.changes)
        first = delegate_store.first_free_id(db)
        delegate_store.add_delegates(db, [p.delegate for p in new])
        source = Path(report.file).name
        for offset, p in enumerate(new):
            p.delegate = replace(p.delegate, id=first + offset)
        history.record_many(db, [(first + offset, "created",
                                  {"source": [None, source], "row": [None, p.row]})
                                 for offset, p in enumerate(new)],
                            desk_id=who.desk_id, operator=who.name)
        # The likely duplicates are found before the commit, on the rows just written:
        # whatever can fail fails while nothing is written yet.
        from bsm_desk.services.registry.duplicates import find_duplicates

        touched = [p.delegate.id for p in report.planned if p.delegate.id is not None]
        report.duplicates = [pair.ids for pair in find_duplicates(db, among=touched)]
        journal.record(db, desk_id=who.desk_id, operator=who.name, action="delegates.imported",
                       subject=Path(report.file).name,
                       detail={"added": report.added, "updated": report.updated,
                               "unchanged": report.unchanged,
                               "created_delegations": report.created_delegations})
    report.imported = True
