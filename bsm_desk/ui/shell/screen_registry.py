"""The screens of the main window: what a screen is to the window, the one table that
lists them, and their making when first shown.

A screen is any widget that follows :class:`Screen`. To add one, write its package and
add a :class:`ScreenSpec` to ``SCREENS``: the navigation entry, its Ctrl+number
shortcut, the View menu, making it on demand and wiring its signals all come from that
line. Start-up pays only for the screens marked ``eager`` (the overview).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtWidgets import QWidget

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from sqlite_utils import Database

    from bsm_desk.services.event import Overview
    from bsm_desk.services.event.changes import Changes


@runtime_checkable
class Screen(Protocol):
    """What the main window needs of a screen."""

    message: SignalInstance  # (str) a line for the status bar
    changed: SignalInstance  # the registry or the programme changed: new figures

    def load(self, db: Database, overview: Overview, path: Path | None = None) -> None: ...

    def set_overview(self, overview: Overview) -> None: ...

    def follow(self, changes: Changes) -> None:
        """The file changed (tables its ScreenSpec follows were written, by anyone): read
        again what it shows, keeping the selection, the scroll position and any edit in
        progress. New overview figures come separately, through set_overview."""

    def unload(self) -> None: ...

    def retranslate_ui(self) -> None: ...


@dataclass(frozen=True)
class ScreenSpec:
    name: str  # also its icon's name and its key in the settings
    title: str  # English, translated in the "MainWindow" context
    where: str  # "module:Class"
    eager: bool = False  # made with the window, not when first shown
    # Its "changed" means new figures for the overview (the registry or the programme);
    # a check-in screen's, at every scan, does not.
    refreshes_overview: bool = False
    # The screen's own request signals, each connected to the window's method of that name.
    requests: tuple[tuple[str, str], ...] = ()
    # The tables whose changes it shows (None: every one). It is told of them at once
    # while in front (or always, with follows_hidden), else when it next comes forward.
    follows: frozenset[str] | None = frozenset()
    follows_hidden: bool = False

    def make(self, settings: Any) -> QWidget:
        module, cls = self.where.split(":")
        return getattr(importlib.import_module(module), cls)(settings)  # type: ignore[no-any-return]

    def label(self) -> str:
        return QCoreApplication.translate("MainWindow", self.title)


# In navigation order.
SCREENS: tuple[ScreenSpec, ...] = (
    ScreenSpec("overview", QT_TRANSLATE_NOOP("MainWindow", "Event overview"),
               "bsm_desk.ui.event.overview:OverviewScreen", eager=True),
    ScreenSpec("delegates", QT_TRANSLATE_NOOP("MainWindow", "Delegates"),
               "bsm_desk.ui.registry.screen:DelegatesScreen", refreshes_overview=True,
               requests=(("reprint_requested", "reprint_badge"),),
               follows=frozenset({"delegate", "delegation", "category", "badge_issue",
                                  "badge_print"})),
    ScreenSpec("badges", QT_TRANSLATE_NOOP("MainWindow", "Badges"),
               "bsm_desk.ui.badges.screen:BadgesScreen", refreshes_overview=True,
               follows=frozenset({"delegate", "delegation", "category", "badge_issue",
                                  "badge_print", "delegate_photo"})),
    ScreenSpec("checkin", QT_TRANSLATE_NOOP("MainWindow", "Check-in"),
               "bsm_desk.ui.checkin.screen:CheckinScreen",
               requests=(("print_badge_requested", "print_badge"), ("changed", "hub_poke")),
               follows=frozenset({"checkin", "checkpoint_rule", "session", "day",
                                  "session_access", "delegate", "badge_issue"})),
    ScreenSpec("attendance", QT_TRANSLATE_NOOP("MainWindow", "Attendance"),
               "bsm_desk.ui.reports.screen:AttendanceScreen",
               follows=frozenset({"checkin", "delegate", "session", "day", "category",
                                  "delegation", "session_access"})),
    ScreenSpec("programme", QT_TRANSLATE_NOOP("MainWindow", "Programme"),
               "bsm_desk.ui.programme.screen:ProgrammeScreen", refreshes_overview=True,
               follows=frozenset({"session", "room", "day", "session_access",
                                  "side_event_request", "request_slot",
                                  "request_panellist", "session_person", "category"})),
    ScreenSpec("seating", QT_TRANSLATE_NOOP("MainWindow", "Seating"),
               "bsm_desk.ui.seating.screen:SeatingScreen",
               follows=frozenset({"seat", "seating_plan", "seating_layout", "seating_need",
                                  "session", "room", "delegation", "checkin",
                                  "session_access", "session_person", "delegate"})),
    # The projector and booths windows show its list even when another screen is in front.
    ScreenSpec("speakers", QT_TRANSLATE_NOOP("MainWindow", "Speakers"),
               "bsm_desk.ui.speakers.screen:SpeakersScreen",
               follows=frozenset({"speaker_entry", "speaker_event", "speaker_limit",
                                  "speaker_text", "session", "delegate", "seat"}),
               follows_hidden=True),
    ScreenSpec("roster", QT_TRANSLATE_NOOP("MainWindow", "Roster"),
               "bsm_desk.ui.interpreters.screen:RosterScreen",
               follows=frozenset({"interpreter", "interpreter_rule", "roster_assignment",
                                  "session", "day", "room", "speaker_entry"})),
    ScreenSpec("history", QT_TRANSLATE_NOOP("MainWindow", "History"),
               "bsm_desk.ui.history.screen:HistoryScreen", follows=None),
)
NAMES = tuple(spec.name for spec in SCREENS)


class Screens:
    """The window's screens by name, each made (wired, and given the open event) the
    first time it is asked for."""

    def __init__(self, settings: Any, stack: Any, *, status: Callable[[str], None],
                 changed: Callable[[], None], window: object,
                 event: Callable[[], tuple[Database | None, Overview | None, Path | None]]
                 ) -> None:
        self.settings, self.stack, self.window = settings, stack, window
        self._status, self._changed, self._event = status, changed, event
        self.made: dict[str, Screen] = {}
        self._stale: dict[str, Changes] = {}
        for spec in SCREENS:
            if spec.eager:
                self.stack.addWidget(self._wired(spec))
            else:
                self.stack.addWidget(QWidget())  # holds the place until first shown

    def get(self, name: str) -> Any:
        made = self.made.get(name)
        if made is not None:
            return made
        db, overview, path = self._event()  # asked first: it may finish opening the event
        spec = SCREENS[NAMES.index(name)]
        widget = self._wired(spec)
        index = NAMES.index(name)
        placeholder = self.stack.widget(index)
        self.stack.insertWidget(index, widget)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        if db is not None and overview is not None:
            self.made[name].load(db, overview, path)
        return widget

    def _wired(self, spec: ScreenSpec) -> QWidget:
        widget = spec.make(self.settings)
        screen: Screen = widget  # type: ignore[assignment]
        screen.message.connect(self._status)
        if spec.refreshes_overview:
            screen.changed.connect(self._changed)
        for signal, slot in spec.requests:
            getattr(widget, signal).connect(getattr(self.window, slot))
        self.made[spec.name] = screen
        return widget

    def all(self) -> list[Screen]:
        return list(self.made.values())

    def follow(self, changes: Changes, in_front: str) -> None:
        """Tell each made screen that shows what changed; one not in front (and not
        following while hidden) is told when it comes forward (see come_forward)."""
        for spec in SCREENS:
            screen = self.made.get(spec.name)
            if screen is None or not (spec.follows is None or changes.touches(spec.follows)):
                continue
            if spec.name == in_front or spec.follows_hidden:
                screen.follow(changes)
            else:
                stale = self._stale.get(spec.name)
                self._stale[spec.name] = changes if stale is None else stale | changes

    def forget_stale(self) -> None:
        """Another event was opened: every screen reads it whole."""
        self._stale.clear()

    def come_forward(self, name: str) -> None:
        """``name`` is now in front: what changed while it was not, it reads now."""
        stale = self._stale.pop(name, None)
        screen = self.made.get(name)
        if stale and screen is not None:
            screen.follow(stale)
