"""The screens of the main window, made when first shown (or first asked for).

Start-up pays only for the overview; every other screen is imported, built, wired to
the window and given the open event the first time it is needed. ``MainWindow``
mixes this in; it provides ``settings``, ``db``, ``overview``, ``db_path``,
``stack``, ``refresh_overview`` and ``reprint_badge``.
"""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtWidgets import QWidget

# The screens in navigation order (their icons have the same names), and where the
# ones made on demand live.
SCREENS = ("overview", "delegates", "badges", "checkin", "attendance", "programme")

SCREEN_CLASSES = {
    "delegates": "bsm_desk.ui.registry.screen:DelegatesScreen",
    "badges": "bsm_desk.ui.badges.screen:BadgesScreen",
    "checkin": "bsm_desk.ui.checkin.screen:CheckinScreen",
    "attendance": "bsm_desk.ui.reports.screen:AttendanceScreen",
    "programme": "bsm_desk.ui.programme.screen:ProgrammeScreen",
}


class ScreenRegistry:
    _made: dict[str, QWidget]

    def screen(self, name: str) -> QWidget:
        """The screen called ``name``, made (and given the open event) the first time."""
        made = self._made.get(name)
        if made is not None:
            return made
        module, cls = SCREEN_CLASSES[name].split(":")
        screen: Any = getattr(importlib.import_module(module), cls)(self.settings)
        status = self.statusBar()
        if hasattr(screen, "message"):
            screen.message.connect(lambda text: status.showMessage(text, 10000))
        if name in ("delegates", "badges", "programme"):
            screen.changed.connect(self.refresh_overview)
        if name == "delegates":
            screen.reprint_requested.connect(self.reprint_badge)
        if name == "checkin":
            screen.print_badge_requested.connect(
                lambda delegate_id: self.badges_screen.actions.print_ids([delegate_id]))
        index = SCREENS.index(name)
        placeholder = self.stack.widget(index)
        self.stack.insertWidget(index, screen)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self._made[name] = screen
        if self.db is not None and self.overview is not None:
            screen.load(self.db, self.overview, self.db_path)
        return screen

    def _others(self) -> list[QWidget]:
        return [s for n, s in self._made.items() if n != "overview"]

    @property
    def delegates_screen(self) -> Any:
        return self.screen("delegates")

    @property
    def badges_screen(self) -> Any:
        return self.screen("badges")

    @property
    def checkin_screen(self) -> Any:
        return self.screen("checkin")

    @property
    def attendance_screen(self) -> Any:
        return self.screen("attendance")

    @property
    def programme_screen(self) -> Any:
        return self.screen("programme")
