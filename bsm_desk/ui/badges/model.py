"""The Badges list: the delegates table without the cancelled, with each badge's state."""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtGui import QColor
from sqlite_utils import Database

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP
from bsm_desk.domain.model import BadgeState
from bsm_desk.services.badges import queries as badge_queries
from bsm_desk.services.registry import queries as registry_queries
from bsm_desk.ui.widgets.people_model import DelegatesModel, Index

NOT_PRINTED = QT_TRANSLATE_NOOP("BadgesModel", "v{version} · not printed")
PRINTED = QT_TRANSLATE_NOOP("BadgesModel", "v{version} · printed {when}")


def _tr(text: str) -> str:
    return QCoreApplication.translate("BadgesModel", text)


class BadgesModel(DelegatesModel):
    columns = (
        (QT_TRANSLATE_NOOP("DelegatesModel", "Name"), "name"),
        (QT_TRANSLATE_NOOP("DelegatesModel", "Name in Cyrillic"), "name_cyr"),
        (QT_TRANSLATE_NOOP("DelegatesModel", "Delegation"), "delegation"),
        (QT_TRANSLATE_NOOP("DelegatesModel", "Category"), "category"),
        (QT_TRANSLATE_NOOP("DelegatesModel", "Badge"), "badge"),
    )
    orders_later = False  # its _filter leaves the cancelled and the printed out

    def __init__(self, db: Database, parent: Any = None) -> None:
        self._states: dict[int, BadgeState] = {}
        self.unprinted_only = False
        self.zone: tzinfo | None = None  # the venue's: times are shown as the venue lives them
        super().__init__(db, parent)

    def set_unprinted_only(self, value: bool) -> None:
        self.unprinted_only = value
        self.set_query(self.query)

    def _filter(self, ids: list[int]) -> list[int]:
        cancelled = registry_queries.cancelled_ids(self._db)
        kept = [i for i in ids if i not in cancelled]
        if self.unprinted_only:
            waiting = set(badge_queries.unprinted_ids(self._db))
            kept = [i for i in kept if i in waiting]
        self._states.clear()
        return kept

    def _fetch(self, ids: list[int]) -> dict[int, tuple[Any, ...]]:
        self._states.update(badge_queries.states(self._db, ids))
        return super()._fetch(ids)

    def forget(self, ids: list[int]) -> None:
        """These badges changed (printed, reissued): read them again when shown."""
        for delegate_id in ids:
            self._rows.pop(delegate_id, None)
            self._shown.pop(delegate_id, None)
            self._states.pop(delegate_id, None)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._ids) - 1, len(self.columns) - 1))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.columns[index.column()][1] != "badge" \
                or index.row() >= len(self._ids):
            return super().data(index, role)
        if self._row(index.row()) is None:
            return None
        state = self._states.get(self._ids[index.row()])
        if state is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if state.printed_at is None:
                return _tr(NOT_PRINTED).format(version=state.version)
            at = state.printed_at.astimezone(self.zone)
            when = QLocale().toString(
                QDateTime(QDate(at.year, at.month, at.day), QTime(at.hour, at.minute)),
                QLocale.FormatType.ShortFormat)
            return _tr(PRINTED).format(version=state.version, when=when)
        if role == Qt.ItemDataRole.ForegroundRole and state.printed_at is None:
            return QColor("#b45309")
        return None
