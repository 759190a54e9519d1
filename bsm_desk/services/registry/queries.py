"""What the registry's screens and commands read: the delegates' list (ids in the order
asked, then the rows shown), one delegate or several, a delegate's history, the
categories and who is cancelled. Domain values only; the SQL stays in the store."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from bsm_desk.domain.model import Category, Delegation
from bsm_desk.domain.people import Delegate, DelegateQuery, HistoryEntry
from bsm_desk.store import categories as category_store
from bsm_desk.store import delegate_lists as lists
from bsm_desk.store import delegates as store
from bsm_desk.store import delegations as delegation_store
from bsm_desk.store import history as history_store

if TYPE_CHECKING:
    from sqlite_utils import Database

# The columns of a list row (list_rows), and the sort keys a list may ask for.
LIST_COLUMNS: tuple[str, ...] = tuple(lists.LIST_COLUMNS)
SORT_KEYS: tuple[str, ...] = tuple(lists.SORT_KEYS)


def list_ids(db: Database, query: DelegateQuery, limit: int = -1) -> list[int]:
    """The delegates a list shows, in its order (a search in any script); with
    ``limit``, only the first of them."""
    return lists.list_ids(db, query, limit)


def count(db: Database, query: DelegateQuery) -> int:
    """How many delegates a list shows (as many as list_ids gives)."""
    return lists.count(db, query)


def kept(db: Database, query: DelegateQuery, ids: Sequence[int]) -> list[int]:
    """Of ``ids``, in their order, those the query's filters let through (its search
    aside): the nearest names of a search that found nobody, in the list's bounds."""
    return lists.kept(db, query, ids)


def list_rows(db: Database, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
    """The rows a list shows for these delegates (columns as LIST_COLUMNS)."""
    return lists.list_rows(db, ids)


def find(db: Database, delegate_id: int) -> Delegate | None:
    """One delegate, or None if there is none with this id."""
    return store.get_delegate(db, delegate_id)


def delegates(db: Database, ids: Sequence[int]) -> list[Delegate]:
    return store.get_delegates(db, ids)


def history(db: Database, delegate_id: int) -> list[HistoryEntry]:
    """A delegate's changes, oldest first (who, where, when, what)."""
    return history_store.for_delegate(db, delegate_id)


def delegations(db: Database) -> list[Delegation]:
    return delegation_store.list_delegations(db)


def categories(db: Database) -> list[Category]:
    return category_store.list_categories(db)


def cancelled_ids(db: Database) -> set[int]:
    """The delegates whose registration is cancelled."""
    return store.cancelled_ids(db)
