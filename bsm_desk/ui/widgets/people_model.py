"""The Delegates table over the store, smooth at 100,000 rows.

Only the ordered ids of the current filter are held (one indexed query); the
display rows are fetched in blocks when the view first paints them, and a block
is dropped again when the cache grows large. A new filter orders only its first
screenfuls and counts the rest: the whole order is asked for when a row past them
is (a search that matches thousands is shown at once, not after its full order).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP
from bsm_desk.domain.people import DelegateQuery
from bsm_desk.services.registry import queries as store
from bsm_desk.services.registry.search import near_miss_ids

if TYPE_CHECKING:
    from sqlite_utils import Database

BLOCK = 100  # a screenful or two: the first paint after a search waits for it
FIRST = 2 * BLOCK  # ids ordered at once for a new filter; the rest when scrolled to
MAX_CACHED = 20_000

Index = QModelIndex | QPersistentModelIndex


def model_text(text: str) -> str:
    """A label of this model (gender, status, column) in the interface language."""
    return QCoreApplication.translate("DelegatesModel", text)


_tr = model_text



# Column header, sort key; headers are translated when shown.
COLUMNS = (
    (QT_TRANSLATE_NOOP("DelegatesModel", "Name"), "name"),
    (QT_TRANSLATE_NOOP("DelegatesModel", "Name in Cyrillic"), "name_cyr"),
    (QT_TRANSLATE_NOOP("DelegatesModel", "Gender"), "gender"),
    (QT_TRANSLATE_NOOP("DelegatesModel", "Delegation"), "delegation"),
    (QT_TRANSLATE_NOOP("DelegatesModel", "Category"), "category"),
    (QT_TRANSLATE_NOOP("DelegatesModel", "Function"), "function"),
    (QT_TRANSLATE_NOOP("DelegatesModel", "Status"), "status"),
)
GENDERS = {
    "F": QT_TRANSLATE_NOOP("DelegatesModel", "Woman"),
    "M": QT_TRANSLATE_NOOP("DelegatesModel", "Man"),
    "X": QT_TRANSLATE_NOOP("DelegatesModel", "Not stated"),
}
STATUSES = {
    "registered": QT_TRANSLATE_NOOP("DelegatesModel", "Registered"),
    "accredited": QT_TRANSLATE_NOOP("DelegatesModel", "Accredited"),
    "cancelled": QT_TRANSLATE_NOOP("DelegatesModel", "Cancelled"),
}
_C = {name: i for i, name in enumerate(store.LIST_COLUMNS)}
ID = _C["id"]  # where a display row (store.LIST_COLUMNS) holds the delegate's id
_DECORATION = Qt.ItemDataRole.DecorationRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_ROLES_SHOWN = frozenset({Qt.ItemDataRole.DisplayRole.value, _DECORATION, _FOREGROUND,
                          Qt.ItemDataRole.ToolTipRole.value})


class Shown(NamedTuple):
    """What a row shows, worked out once: each column's text, the colour beside its
    category, and each column's text colour where one is not the usual (or None)."""

    texts: tuple[str | None, ...]
    colour: QColor
    foreground: tuple[QColor | None, ...] | None = None


class DelegatesModel(QAbstractTableModel):
    columns: tuple[tuple[str, str], ...] = COLUMNS

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self._db = db
        self._query = DelegateQuery()
        self._ids: list[int] = []  # in order: all of them, or the first (see _whole)
        self._total = 0  # the rows the list has (len(self._ids) once whole)
        self._whole = True
        self._rows: dict[int, tuple[Any, ...]] = {}
        self._shown: dict[int, Shown] = {}  # per delegate, what its row shows
        self._category_column = next(
            (n for n, (_, key) in enumerate(self.columns) if key == "category"), -1)
        self.fetches = 0  # blocks read from the database; tests use it to prove laziness
        self.near_misses = False  # the search found nobody; these are the nearest names

    # -- filtering and sorting -------------------------------------------------------
    @property
    def query(self) -> DelegateQuery:
        return self._query

    def set_query(self, query: DelegateQuery) -> None:
        # Read first: a file that cannot answer leaves the table as it was (not half reset).
        near_misses = False
        ids = store.list_ids(self._db, query, FIRST)
        whole = len(ids) < FIRST
        total = len(ids) if whole else store.count(self._db, query)
        whole = whole or total == len(ids)
        if not ids and query.search.strip():
            # The nearest names, among those the other filters let through (a delegation
            # chosen, the cancelled left out of the Badges list, ...).
            ids = store.kept(self._db, query,
                             near_miss_ids(self._db, query.search, limit=50))
            total, whole, near_misses = len(ids), True, bool(ids)
        self.beginResetModel()
        self._query, self._ids, self._total, self._whole = query, ids, total, whole
        self.near_misses = near_misses
        self._shown.clear()
        self._rows.clear()
        self.endResetModel()

    def _complete(self) -> None:
        """The whole order, when a row past the first is asked for."""
        if self._whole:
            return
        self._whole = True  # asked for once: a file that fails to answer says so once
        try:
            whole = store.list_ids(self._db, self._query)
        except Exception:
            # Reported by whoever asked (the window says what escapes); the table then
            # shows what it holds, without asking the file again.
            QTimer.singleShot(0, lambda query=self._query: self._hold(query))
            raise
        if len(whole) != self._total or whole[:len(self._ids)] != self._ids:
            # The file changed in between: rows past the list's end show nothing until
            # the list is read again, once Qt is done with the call that asked.
            self._read_again_soon()
        self._ids = whole

    def _read_again_soon(self) -> None:
        QTimer.singleShot(0, lambda query=self._query: self._read_again(query))

    def _read_again(self, query: DelegateQuery) -> None:
        if query is not self._query:
            return  # another filter since
        try:
            self.set_query(query)
        except Exception:
            self._hold(query)  # unreadable now: show what is held, and say so (once)
            raise

    def _hold(self, query: DelegateQuery) -> None:
        """The table as long as the rows it holds (the rest could not be read)."""
        if query is self._query and len(self._ids) != self._total:
            self.beginResetModel()
            self._total, self._whole = len(self._ids), True
            self.endResetModel()

    def _fetch(self, ids: list[int]) -> dict[int, tuple[Any, ...]]:
        """The display rows of a block of ids."""
        self.fetches += 1
        return store.list_rows(self._db, ids)

    def set_language(self, lang: str) -> None:
        if lang != self._query.lang:
            self.set_query(replace(self._query, lang=lang))
        else:
            self._shown.clear()  # the genders and statuses in the new language
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
            if self._total:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(self._total - 1, len(self.columns) - 1))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.columns) and self.columns[column][1] in store.SORT_KEYS:
            self.set_query(replace(self._query, sort=self.columns[column][1],
                                   descending=order == Qt.SortOrder.DescendingOrder))

    def delegate_id(self, row: int) -> int:
        found = self._id_at(row)
        if found is None:
            raise IndexError(row)
        return found

    def _id_at(self, row: int) -> int | None:
        """The delegate on ``row`` (the whole order read if the row is past the first),
        or None if the list is shorter."""
        if row >= len(self._ids):
            self._complete()
            if row >= len(self._ids):
                return None
        return self._ids[row]

    def ids(self) -> list[int]:
        self._complete()
        return self._ids

    def rows_of(self, ids: list[int]) -> list[int]:
        """The rows showing these delegates now (those still listed): looked for among
        the rows ordered so far, and in the whole order only if some are not there."""
        where = set(ids)
        rows = [row for row, delegate_id in enumerate(self._ids) if delegate_id in where]
        if len(rows) < len(where) and not self._whole:
            self._complete()
            rows = [row for row, delegate_id in enumerate(self._ids) if delegate_id in where]
        return rows

    def row_of(self, delegate_id: int) -> int | None:
        """The row showing this delegate, if listed (see rows_of)."""
        rows = self.rows_of([delegate_id])
        return rows[0] if rows else None

    # -- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.columns[section][0])
        return None

    def _row(self, row: int) -> tuple[Any, ...] | None:
        delegate_id = self._id_at(row)
        if delegate_id is None:
            return None
        found = self._rows.get(delegate_id)
        if found is None:
            if len(self._rows) > MAX_CACHED:
                self._rows.clear()
                self._shown.clear()
            start = row - row % BLOCK
            self._rows.update(self._fetch(self._ids[start:start + BLOCK]))
            found = self._rows.get(delegate_id)
        return found

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A repaint asks each visible cell for several roles (a thousand calls): what a
        # row shows is worked out once, and each call only picks from it.
        if role not in _ROLES_SHOWN:
            return None
        number = index.row()
        if not 0 <= number < self._total or not index.isValid():
            return None
        delegate_id = self._id_at(number)
        if delegate_id is None:
            return None
        shown = self._shown.get(delegate_id)
        if shown is None:
            row = self._row(number)
            if row is None:
                return None
            shown = self._shown[delegate_id] = self._shown_row(row)
        if role == _DECORATION:
            return shown.colour if index.column() == self._category_column else None
        if role == _FOREGROUND:
            return shown.foreground[index.column()] if shown.foreground else None
        return shown.texts[index.column()]

    def _shown_row(self, row: tuple[Any, ...]) -> Shown:
        """What each column shows for a row, and the colour beside its category."""
        return Shown(tuple(self._text(column, row) for _, column in self.columns),
                     QColor(row[_C["colour"]]))

    def _text(self, column: str, row: tuple[Any, ...]) -> str | None:
        ru = self._query.lang == "ru"
        if column == "name":
            return f"{row[_C['family_name']].upper()} {row[_C['given_name']]}"
        if column == "name_cyr":
            return f"{row[_C['family_name_cyr']]} {row[_C['given_name_cyr']]}".strip()
        if column == "gender":
            return _tr(GENDERS[row[_C["gender"]]])
        if column == "delegation":
            return row[_C["delegation_ru"]] or row[_C["delegation_en"]] if ru \
                else row[_C["delegation_en"]]
        if column == "category":
            return row[_C["category_ru"]] or row[_C["category_en"]] if ru \
                else row[_C["category_en"]]
        if column == "function":
            return row[_C["function_ru"]] or row[_C["function_en"]] if ru \
                else row[_C["function_en"]] or row[_C["function_ru"]]
        if column == "status":
            return _tr(STATUSES[row[_C["status"]]])
        return None
