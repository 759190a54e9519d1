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
from sqlite_utils import Database

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from bsm_desk.services.event import Overview


@runtime_checkable
class Screen(Protocol):
    """What the main window needs of a screen."""

    message: SignalInstance  # (str) a line for the status bar
    changed: SignalInstance  # the registry or the programme changed: new figures

    def load(self, db: Database, overview: Overview, path: Path | None = None) -> None: ...

    def set_overview(self, overview: Overview) -> None: ...

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
               requests=(("reprint_requested", "reprint_badge"),)),
    ScreenSpec("badges", QT_TRANSLATE_NOOP("MainWindow", "Badges"),
               "bsm_desk.ui.badges.screen:BadgesScreen", refreshes_overview=True),
    ScreenSpec("checkin", QT_TRANSLATE_NOOP("MainWindow", "Check-in"),
               "bsm_desk.ui.checkin.screen:CheckinScreen",
               requests=(("print_badge_requested", "print_badge"), ("changed", "hub_poke"))),
    ScreenSpec("attendance", QT_TRANSLATE_NOOP("MainWindow", "Attendance"),
               "bsm_desk.ui.reports.screen:AttendanceScreen"),
    ScreenSpec("programme", QT_TRANSLATE_NOOP("MainWindow", "Programme"),
               "bsm_desk.ui.programme.screen:ProgrammeScreen", refreshes_overview=True),
    ScreenSpec("speakers", QT_TRANSLATE_NOOP("MainWindow", "Speakers"),
               "bsm_desk.ui.speakers.screen:SpeakersScreen"),
    ScreenSpec("roster", QT_TRANSLATE_NOOP("MainWindow", "Roster"),
               "bsm_desk.ui.interpreters.screen:RosterScreen"),
    ScreenSpec("history", QT_TRANSLATE_NOOP("MainWindow", "History"),
               "bsm_desk.ui.history.screen:HistoryScreen"),
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
        for spec in SCREENS:
            if spec.eager:
                self.stack.addWidget(self._wired(spec))
            else:
                self.stack.addWidget(QWidget())  # holds the place until first shown

    def get(self, name: str) -> Any:
        made = self.made.get(name)
        if made is not None:
            return made
        spec = SCREENS[NAMES.index(name)]
        widget = self._wired(spec)
        index = NAMES.index(name)
        placeholder = self.stack.widget(index)
        self.stack.insertWidget(index, widget)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        db, overview, path = self._event()
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
