"""Importing a delegation list: all rows or none, with every problem named by row.

The list is walked once, a thousand rows at a time, in one transaction: each row becomes
a new delegate, an update of one already registered (matched by external id, else
e-mail, else passport number), or stays as it is. Rows are written as they are read
while no row has an error; the first error stops the writing (the rows are still read,
to name every problem) and the whole transaction is rolled back, so nothing of a list
with an error is kept. A plan (``plan``, the wizard's check) walks the same way and
writes nothing. What is held at once is one slice of rows, the keys the registered
people are matched by, and the first thousand problems (the rest are counted), so a
list of 400,000 rows is imported in bounded memory; the keys that find a row repeated
in the list are kept in a temporary table of SQLite, on disk.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bsm_desk.domain import importing as rules
from bsm_desk.domain.delegation_names import looks_like_organization
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.domain.importing import RowProblem, cell_text, normalize_header
from bsm_desk.domain.model import (
    Delegation,
    DelegationType,
)
from bsm_desk.domain.names import script
from bsm_desk.services.operators import Acting, Permission, requires
from bsm_desk.services.registry._rows import (
    Lookup,
    delegation_key,
    header,
)
from bsm_desk.services.registry.row_checks import (
    Planned,
    compare_with_registered,
    read_row,
    repeated_in_list,
    repeated_problem,
)
from bsm_desk.services.registry.states import recognize
from bsm_desk.services.registry.tables import Row, Rows, open_list
from bsm_desk.store import atomic, history, journal
from bsm_desk.store import delegates as delegate_store
from bsm_desk.store import delegations as delegation_store

if TYPE_CHECKING:
    from sqlite_utils import Database

NO_HEADER = QT_TRANSLATE_NOOP(
    "UserError", "{path}: no header row with a family name column was found in the first "
    "20 rows.")
NO_ROWS = QT_TRANSLATE_NOOP("UserError", "{path} has a header row but no delegates under it.")

Progress = Callable[[int, int], None]
SLICE = 1_000  # rows read, checked and written together
LISTED = 1_000  # problems of each kind kept for the report, in row order; the rest counted


@dataclass
class ImportReport:
    file: str
    sheet: str
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    created_delegations: list[str] = field(default_factory=list)
    errors: list[RowProblem] = field(default_factory=list)  # the first LISTED
    warnings: list[RowProblem] = field(default_factory=list)  # the first LISTED
    columns: dict[str, str] = field(default_factory=dict)  # header -> field
    dry_run: bool = False
    imported: bool = False
    new_delegation_type: DelegationType = DelegationType.OTHER
    duplicates: list[tuple[int, int]] = field(default_factory=list)  # likely, to review
    ignored_columns: list[str] = field(default_factory=list)  # headers not imported
    error_count: int = 0  # all of them, listed or not
    warning_count: int = 0

    def note(self, errors: list[RowProblem], warnings: list[RowProblem]) -> None:
        """One slice's problems, in row order (slices come in row order)."""
        for kept, found in ((self.errors, errors), (self.warnings, warnings)):
            found.sort(key=lambda p: (p.row, p.column))
            kept.extend(found[:max(0, LISTED - len(kept))])
        self.error_count += len(errors)
        self.warning_count += len(warnings)

    def as_dict(self, translate: Any = None) -> dict[str, Any]:
        def problem(p: RowProblem) -> dict[str, Any]:
            return {"row": p.row, "column": p.column, "message": p.message(translate)}

        return {
            "file": self.file, "sheet": self.sheet, "rows": self.rows, "added": self.added,
            "updated": self.updated, "unchanged": self.unchanged,
            "created_delegations": self.created_delegations,
            "errors": [problem(p) for p in self.errors],
            "warnings": [problem(p) for p in self.warnings],
            "error_count": self.error_count, "warning_count": self.warning_count,
            "columns": self.columns, "dry_run": self.dry_run, "imported": self.imported,
            "duplicates": [list(pair) for pair in self.duplicates],
            "ignored_columns": self.ignored_columns,
        }


@requires(Permission.IMPORT)
def import_file(db: Database, path: str | Path, *, who: Acting, sheet: str | None = None,
                dry_run: bool = False, mapping: dict[int, str] | None = None,
                progress: Progress | None = None) -> ImportReport:
    """Import ``path`` if no row has an error (with ``dry_run``, only say what it would do)."""
    source = open_list(path, sheet)
    if dry_run:
        report = plan(db, source, mapping=mapping, progress=progress)
        report.dry_run = True
        return report
    return import_rows(db, source, who=who, mapping=mapping, progress=progress)


def plan(db: Database, source: Rows, *, mapping: dict[int, str] | None = None,
         progress: Progress | None = None) -> ImportReport:
    """Read every row and say what importing it would do; writes nothing."""
    return _walk_again_if_needed(db, source, mapping, progress, None)


@requires(Permission.IMPORT)
def import_rows(db: Database, source: Rows, *, who: Acting,
                mapping: dict[int, str] | None = None,
                progress: Progress | None = None) -> ImportReport:
    """Import the list if no row has an error, in one transaction; the report says what
    was done, or every problem (and then nothing was written)."""
    return _walk_again_if_needed(db, source, mapping, progress, who)


class _NotRunning(Exception):
    """A column taken for a running number (1, 2, 3…) turned out not to be one."""

    def __init__(self, column: int) -> None:
        super().__init__(column)
        self.column = column


class _Undone(Exception):
    def __init__(self, report: ImportReport) -> None:
        super().__init__()
        self.report = report


def _walk_again_if_needed(db: Database, source: Rows, mapping: dict[int, str] | None,
                          progress: Progress | None, who: Acting | None) -> ImportReport:
    """A walk, and another from the first row if a column taken for a running number
    is not one after all (rare: a list numbered 1, 2, 3… that then goes on otherwise)."""
    not_running: set[int] = set()
    # Made outside the transaction, so that SQLite's own rollback (a full disk) leaves it.
    # Keyed by value first: the rows before are looked up by their values (value IN …),
    # which a key beginning with the kind could not serve (each look a scan of the
    # table: 0.25 s of an import of 10,000 rows, growing with the square of the rows).
    db.execute("CREATE TEMP TABLE IF NOT EXISTS import_seen (kind TEXT NOT NULL,"
               " value TEXT NOT NULL, row INTEGER NOT NULL,"
               " PRIMARY KEY (value, kind)) WITHOUT ROWID")
    try:
        while True:
            try:
                if who is None:
                    return _Walk(db, source, mapping, progress, None, not_running).run()
                try:
                    with atomic(db):
                        report = _Walk(db, source, mapping, progress, who, not_running).run()
                        if report.error_count:
                            raise _Undone(report)  # rolls back whatever was written
                except _Undone as undone:
                    return undone.report
                report.imported = True
                return report
            except _NotRunning as again:
                not_running.add(again.column)
    finally:
        if not db.conn.in_transaction:
            db.execute("DROP TABLE IF EXISTS temp.import_seen")


class _Walk:
    """One walk down the list: each slice of rows read, checked against the list so far
    and the registered people, and (when writing, while no row has an error) written."""

    def __init__(self, db: Database, source: Rows, mapping: dict[int, str] | None,
                 progress: Progress | None, who: Acting | None,
                 not_running: set[int]) -> None:
        self.db, self.source, self.progress, self.who = db, source, progress, who
        self.given_mapping, self.not_running = mapping, not_running
        self.report = ImportReport(file=str(source.path), sheet=source.sheet)
        self.first_names: dict[str, str] = {}  # a new delegation's key -> name seen first
        self.created: dict[str, int] = {}  # ... -> its id, once written
        self.touched = array("q")  # ids written, for the likely duplicates (8 bytes each)
        self.running: dict[int, int] = {}  # column -> rows it numbered so far

    def run(self) -> ImportReport:
        rows = iter(self.source)
        head = list(islice(rows, 20))
        header_at, found = rules.find_header([cells for _, cells in head])
        report = self.report
        report.sheet = self.source.sheet
        if header_at < 0:
            raise UserError(NO_HEADER, path=self.source.path.name)
        self.mapping = dict(found if self.given_mapping is None else self.given_mapping)
        header_number, self.headers = head[header_at][0], list(head[header_at][1])
        self._columns()
        body = chain(head[header_at + 1:], rows)
        self.lookup = Lookup(self.db)
        self.db.execute("DELETE FROM temp.import_seen")  # a walk before this one's
        done = 0
        while part := list(islice(body, SLICE)):
            self._numbered(part, done)
            self._slice(part)
            done += len(part)
            if self.progress:
                self.progress(done, max(done, self.source.expected))
        if not done:
            raise UserError(NO_ROWS, path=self.source.path.name)
        for column, count in self.running.items():
            if count < 2:
                raise _NotRunning(column)
            running = RowProblem(header_number, header(self.headers, column),
                                 rules.RUNNING_NUMBER,
                                 {"column": header(self.headers, column)})
            report.warnings.insert(0, running)
            del report.warnings[LISTED:]
            report.warning_count += 1
        report.rows = done
        report.created_delegations = sorted(self.first_names.values(), key=str.casefold)
        if self.who is not None and not report.error_count:
            self._finish(self.who)
        return report

    def _columns(self) -> None:
        """What each column holds, what is left out, and what new delegations are."""
        report, headers, mapping = self.report, self.headers, self.mapping
        for column, name in list(mapping.items()):
            if name == "external_id" and column not in self.not_running:
                mapping[column] = "row_number"  # until a row says otherwise
                self.running[column] = 0
        report.columns = {header(headers, c): f for c, f in sorted(mapping.items())}
        report.ignored_columns = [header(headers, c) for c in range(len(headers))
                                  if c not in mapping and cell_text(headers[c])]
        for column, name in sorted(mapping.items()):
            if name in rules.NOT_STORED:
                report.ignored_columns.append(header(headers, column))
        # A column headed "Country" names Member States; other new delegations "other".
        if any(normalize_header(header(headers, c)) in rules.COUNTRY_HEADERS
               for c, f in mapping.items() if f == "delegation"):
            report.new_delegation_type = DelegationType.MEMBER_STATE

    def _numbered(self, part: list[Row], done: int) -> None:
        """1, 2, 3… down the rows: a row number, whatever the header says."""
        for column in self.running:
            for offset, (_, cells) in enumerate(part, start=done + 1):
                value = cell_text(cells[column]) if column < len(cells) else ""
                if value != str(offset):
                    raise _NotRunning(column)
            self.running[column] = done + len(part)

    def _slice(self, part: list[Row]) -> None:
        errors: list[RowProblem] = []
        warnings: list[RowProblem] = []
        read = [read_row(number, cells, self.mapping, self.headers, self.lookup)
                for number, cells in part]
        repeated = repeated_in_list(self.db, [r for r in read if not r.problems])
        planned: list[Planned] = []
        for r in read:
            warnings.extend(r.notes)
            problems = r.problems
            if not problems and r.number in repeated:
                problems.append(repeated_problem(r, self.headers, repeated[r.number]))
            hint = rules.spilled(r.number, self.headers, r.cells, problems)
            if hint is not None:
                problems.append(hint)
            errors.extend(problems)
            if not problems:
                planned.append(r.planned())
        added, updated, unchanged = compare_with_registered(self.db, planned, self.lookup,
                                                            errors, warnings)
        self.report.added += added
        self.report.updated += updated
        self.report.unchanged += unchanged
        for p in planned:  # "OSCE" and "ОБСЕ" in one list: one new delegation, named first
            if p.new_delegation:
                p.new_delegation = self.first_names.setdefault(
                    delegation_key(p.new_delegation), p.new_delegation)
        self.report.note(errors, warnings)
        if self.who is not None and not self.report.error_count:
            self._write(planned, self.who)

    def _write(self, planned: list[Planned], who: Acting) -> None:
        """A slice with no error (and none before it) written into the open transaction."""
        db, source = self.db, Path(self.report.file).name
        new: list[Planned] = []
        for p in planned:
            if p.new_delegation:
                p.delegate = replace(p.delegate,
                                     delegation_id=self._delegation(p.new_delegation))
            if p.existing is None:
                new.append(p)
            elif p.changes:
                delegate_store.update_delegate(db, p.delegate)
                assert p.delegate.id is not None
                history.record(db, p.delegate.id, desk_id=who.desk_id, operator=who.name,
                               action="imported", changes=p.changes)
                self.touched.append(p.delegate.id)
            elif p.delegate.id is not None:
                self.touched.append(p.delegate.id)
        first = delegate_store.first_free_id(db)
        delegate_store.add_delegates(db, [p.delegate for p in new])
        written = self.lookup.written  # one run of ids: each slice's follow the last's
        self.lookup.written = range(written.start if written else first, first + len(new))
        history.record_many(db, [(first + offset, "created",
                                  {"source": [None, source], "row": [None, p.row]})
                                 for offset, p in enumerate(new)],
                            desk_id=who.desk_id, operator=who.name)
        self.touched.extend(range(first, first + len(new)))

    def _delegation(self, name: str) -> int:
        """A new delegation's id, made when the first row that names it is written."""
        key = normalize_header(name)
        if key not in self.created:
            known = recognize(name)  # a State or an organization: its type, both names
            made = Delegation(
                name_en=known.name_en, name_ru=known.name_ru, type=known.type,
                iso_code=known.iso_code, order_key=f"9|{known.name_en.casefold()}",
            ) if known is not None else Delegation(
                name_en=name if script(name) != "cyrillic" else "",
                name_ru=name if script(name) == "cyrillic" else "",
                type=(DelegationType.INTERNATIONAL_ORGANIZATION
                      if looks_like_organization(name) else self.report.new_delegation_type),
                order_key=f"9|{name.casefold()}")
            self.created[key] = delegation_store.add_delegation(self.db, made)
        return self.created[key]

    def _finish(self, who: Acting) -> None:
        """Before the commit: the likely duplicates among the rows written (whatever can
        fail fails while nothing is kept yet), and the journal's line."""
        from bsm_desk.services.registry.duplicates import duplicate_ids

        report = self.report
        report.duplicates = duplicate_ids(self.db, among=self.touched)
        journal.record(self.db, desk_id=who.desk_id, operator=who.name,
                       action="delegates.imported", subject=Path(report.file).name,
                       detail={"added": report.added, "updated": report.updated,
                               "unchanged": report.unchanged,
                               "created_delegations": report.created_delegations})
