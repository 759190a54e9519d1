"""The Badges list: the delegates table without the cancelled, with each badge's state."""

from __future__ import annotations

from dataclasses import replace
from datetime import tzinfo
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime
from PySide6.QtGui import QColor

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP
from bsm_desk.domain.people import BadgeState, DelegateQuery
from bsm_desk.services.badges import queries as badge_queries
from bsm_desk.ui.widgets.people_model import ID, DelegatesModel, Shown

if TYPE_CHECKING:
    from sqlite_utils import Database

NOT_PRINTED = QT_TRANSLATE_NOOP("BadgesModel", "v{version} · not printed")
PRINTED = QT_TRANSLATE_NOOP("BadgesModel", "v{version} · printed {when}")
_NOT_PRINTED_COLOUR = QColor("#b45309")  # amber: still to print


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
    # The text colours of a row whose badge is not printed: the badge column's, amber.
    _unprinted = tuple(_NOT_PRINTED_COLOUR if key == "badge" else None for _, key in columns)

    def __init__(self, db: Database, parent: Any = None) -> None:
        self._states: dict[int, BadgeState] = {}
        self.zone: tzinfo | None = None  # the venue's: times are shown as the venue lives them
        super().__init__(db, parent)

    def set_query(self, query: DelegateQuery) -> None:
        """The query, without the cancelled: asked of the file (as "not printed yet" is,
        ``query.unprinted_only``), so that the list is counted and its first rows ordered
        at once, as the Delegates list is."""
        self._states.clear()
        super().set_query(replace(query, active_only=True))

    def _fetch(self, ids: list[int]) -> dict[int, tuple[Any, ...]]:
        self._states.update(badge_queries.states(self._db, ids))
        return super()._fetch(ids)

    def forget(self, ids: list[int]) -> None:
        """These badges changed (printed, reissued): read them again when shown."""
        for delegate_id in ids:
            self._rows.pop(delegate_id, None)
            self._shown.pop(delegate_id, None)
            self._states.pop(delegate_id, None)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, len(self.columns) - 1))

    def _text(self, column: str, row: tuple[Any, ...]) -> str | None:
        if column != "badge":
            return super()._text(column, row)
        state = self._states.get(row[ID])
        if state is None:
            return None
        if state.printed_at is None:
            return _tr(NOT_PRINTED).format(version=state.version)
        at = state.printed_at.astimezone(self.zone)
        when = QLocale().toString(
            QDateTime(QDate(at.year, at.month, at.day), QTime(at.hour, at.minute)),
            QLocale.FormatType.ShortFormat)
        return _tr(PRINTED).format(version=state.version, when=when)

    def _shown_row(self, row: tuple[Any, ...]) -> Shown:
        """What the row shows, its badge column in amber while the badge is not printed
        (worked out once a row, like the rest: a repaint asks each cell for seven roles)."""
        shown = super()._shown_row(row)
        state = self._states.get(row[ID])
        if state is None or state.printed_at is not None:
            return shown
        return shown._replace(foreground=self._unprinted)
