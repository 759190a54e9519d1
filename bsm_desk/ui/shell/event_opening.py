"""Opening an event in the window, in two steps around its first paint (issue 30).

What the first screen shows comes at once: from the first look taken while the window's
code loaded (services/event/glance.py), or read through a bare connection. The rest —
the store's Database (and sqlite-utils with it), every screen loaded, the file watched
and checked, its hub followed, its operators asked for — once the window has painted,
or at once when something needs it sooner (a screen asked for before the paint). An
event that asks something of the user first (operators to sign in, sealed data to
unlock) is opened whole before anything is shown.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QEvent, QObject, QTimer

from bsm_desk import config
from bsm_desk.domain.errors import DatabaseDamaged, UserError
from bsm_desk.services import event as event_service
from bsm_desk.services.event.files import (
    as_database,
    desk_of,
    for_the_window,
    guarded,
    open_event,
    user_error,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

    from bsm_desk.services.event import Overview
    from bsm_desk.services.event.files import EventConnection
    from bsm_desk.services.event.glance import Glance


class Watched(Protocol):
    """What an event filter is put on (any QObject, the window above all)."""

    def installEventFilter(self, watcher: QObject) -> None: ...  # noqa: N802 - Qt's name

    def removeEventFilter(self, watcher: QObject) -> None: ...  # noqa: N802 - Qt's name


class OpeningHost(Watched, Protocol):
    """The window an event is opened in (ui/shell/main_window.py)."""

    settings: config.Settings
    db: Database | None
    db_path: Path | None
    overview: Overview | None
    screens: Any
    care: Any
    watch: Any
    hub_link: Any
    guard: Any

    def close_database(self) -> None: ...

    def retranslate_ui(self) -> None: ...

    def show_error(self, exc: BaseException) -> None: ...


def on_first_paint(widget: Watched, then: Callable[[], None]) -> QObject:
    """Call ``then`` when ``widget`` is first painted (at the paint event itself). The
    watcher is returned for the caller to keep: PySide6 drops a Python event filter
    nobody holds (it has no parent, so it is the caller's alone)."""

    class _Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                widget.removeEventFilter(self)
                then()
            return False

    painted = _Painted()
    widget.installEventFilter(painted)
    return painted


class EventOpening:
    """How an event is opened in ``window``, and what of it still waits for the paint."""

    def __init__(self, window: OpeningHost) -> None:
        self.window = window
        # Opened (or only looked at: its path), the rest after the first paint.
        self.pending: EventConnection | Path | None = None
        self._paint_watch: QObject | None = None

    def open(self, path: str | Path, *, rest_after_paint: bool = False,
             glance: Glance | None = None) -> bool:
        """Open ``path``; on failure say why and keep the event that was open.

        With ``rest_after_paint`` (the window's start), what the first screen does not
        need waits for the window's first paint: the overview is read through a bare
        connection — or taken from ``glance``, and the file itself opened after the
        paint. An event that asks something of the user first is opened whole at
        once."""
        window, path = self.window, Path(path)
        if rest_after_paint and glance is not None:
            window.close_database()
            window.settings.desk_id = glance.desk_id or window.settings.desk_id
            window.db_path, window.overview = path.resolve(), glance.overview
            return self._show_first(path.resolve(), glance.overview)
        conn: EventConnection | None = None
        try:
            conn = open_event(path, check=False)  # checked after the paint (file_care.py)
            overview = event_service.overview(conn, path)
            wait = rest_after_paint and not guarded(conn)
        except (UserError, sqlite3.DatabaseError) as exc:
            if conn is not None:
                conn.close()
            fault = user_error(exc, path) if isinstance(exc, sqlite3.DatabaseError) else exc
            if isinstance(fault, DatabaseDamaged):
                return bool(window.care.damaged(fault, path))
            window.show_error(fault)
            return False
        window.close_database()
        window.settings.desk_id = desk_of(conn, window.settings.desk_id)  # the file knows
        window.db_path, window.overview = path.resolve(), overview
        if not wait:
            self.pending = conn
            self.finish(conn)
            return True
        return self._show_first(conn, overview)

    def event_now(self) -> tuple[Database | None, Overview | None, Path | None]:
        """The open event, for a screen being made: the opening finished first if its
        rest still waits for the first paint (a screen asked for before it)."""
        if self.pending is not None:
            self.finish(self.pending)
        window = self.window
        return window.db, window.overview, window.db_path

    def drop(self) -> None:
        """The event is closed: what waited for the paint is let go (its connection
        closed)."""
        if isinstance(self.pending, sqlite3.Connection):
            self.pending.close()
        self.pending = None

    def finish(self, opening: EventConnection | Path) -> None:
        """The rest of opening an event: the file itself if only looked at so far, the
        store's Database, every screen loaded, the file watched and checked, its hub
        followed, its operators asked for."""
        window = self.window
        if self.pending is not opening or window.db_path is None or window.overview is None:
            return  # closed before its first paint (or another event opened since)
        self.pending = None
        conn = opening if not isinstance(opening, Path) else self._open_looked_at(opening)
        if conn is None:
            return
        db = window.db = as_database(for_the_window(conn))
        path, overview = window.db_path, window.overview
        window.care.opened(path)
        window.screens.forget_stale()
        for screen in window.screens.all():
            screen.load(db, overview, path)
        window.watch.watch(db)
        window.hub_link.opened(db, path, overview.event.zone)
        window.guard.opened(db)
        window.settings.last_db = str(path)
        config.save(window.settings)
        window.retranslate_ui()

    def _show_first(self, opening: EventConnection | Path, overview: Overview) -> bool:
        """The overview on show; the rest of opening once the window has painted."""
        self.pending = opening
        for screen in self.window.screens.all():
            screen.set_overview(overview)
        self.window.retranslate_ui()
        self._paint_watch = on_first_paint(
            self.window, lambda: QTimer.singleShot(0, lambda: self.finish(opening)))
        return True

    def _open_looked_at(self, path: Path) -> EventConnection | None:
        """The file the first look showed, opened now: its overview read again (a desk
        may have written since the look); a file that cannot be opened any more is said
        so, and no event is open (None)."""
        window = self.window
        try:
            conn = open_event(path, check=False)
            try:
                window.overview = event_service.overview(conn, path)
            except BaseException:
                conn.close()
                raise
        except (UserError, sqlite3.DatabaseError) as exc:
            window.db_path, window.overview = None, None  # its facts stay on show, as closed
            window.retranslate_ui()
            window.show_error(user_error(exc, path) if isinstance(exc, sqlite3.DatabaseError)
                              else exc)
            return None
        return conn
