"""What the room and the booths see of the list of speakers: two windows that follow the
Speakers screen at once (they are fed by its signals, not by a timer of their own).

The projector shows the current speaker's name and delegation in English and Russian,
the countdown in its colours, and who is next; it opens full screen on the second screen
(the one chosen last time, remembered). The booths window shows the current and next
speakers with the language each will speak, marks where relay is needed and where the
statement's text has been handed in, and opens the current speaker's text.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from bsm_desk.services.speakers import Listed, SpeakerList, text_of
from bsm_desk.services.speakers.queries import both_names
from bsm_desk.ui.shell.state import window_settings

if TYPE_CHECKING:
    from sqlite_utils import Database

SCREEN_KEY = "speakers/projector_screen"
LANGUAGE_NAMES = {"en": ("English", "английский"), "ru": ("Russian", "русский"),
                  "other": ("another language — relay", "другой язык — релей")}


def _label(size: int, bold: bool = False) -> QLabel:
    label = QLabel()
    font = QFont(label.font())
    font.setPointSize(size)
    font.setBold(bold)
    label.setFont(font)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class ProjectorWindow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setStyleSheet("QWidget { background: #101418; color: white; }")
        self.name = _label(44, bold=True)
        self.delegation = _label(28)
        self.clock = _label(120, bold=True)
        self.next_up = _label(20)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 40, 60, 40)
        layout.addStretch(1)
        for widget in (self.name, self.delegation, self.clock, self.next_up):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.setWindowTitle("BSM Desk — Speakers")

    def show_list(self, listed: SpeakerList, db: Database | None) -> None:
        current = listed.current
        if current is None:
            self.name.setText("")
            self.delegation.setText("")
            self.clock.setText("")
        else:
            self.name.setText(both_names(db, current)[0])
            self.delegation.setText(both_names(db, current)[1])
        upcoming = listed.waiting()[:3]
        self.next_up.setText(("Next · Далее: " + "; ".join(e.name for e in upcoming))
                             if upcoming else "")

    def show_clock(self, text: str, colour: str, state: str) -> None:
        self.clock.setText(text)
        self.clock.setStyleSheet(f"color: {colour};")
        self.clock.setProperty("state", state)

    def open_on_the_second_screen(self) -> None:
        """Full screen on the screen chosen last time, else on the second one."""
        screens = QGuiApplication.screens()
        wanted = str(window_settings().value(SCREEN_KEY, ""))
        screen = next((s for s in screens if s.name() == wanted),
                      screens[1] if len(screens) > 1 else screens[0])
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        window_settings().setValue(SCREEN_KEY, screen.name())


class BoothsWindow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.current = _label(20, bold=True)
        self.next_up = QLabel()
        self.next_up.setWordWrap(True)
        font = QFont(self.next_up.font())
        font.setPointSize(14)
        self.next_up.setFont(font)
        self.open_button = QPushButton("Open the current statement's text · "
                                       "Открыть текст текущего выступления")
        self.open_button.clicked.connect(self.open_text)
        self.open_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.current)
        layout.addWidget(self.next_up, 1)
        layout.addWidget(self.open_button)
        self.db: Database | None = None
        self.current_id: int | None = None
        self.setWindowTitle("BSM Desk — Booths · Кабины")
        self.resize(720, 420)

    def line(self, db: Database | None, entry: Listed) -> str:
        names, delegation = both_names(db, entry)
        english, russian = LANGUAGE_NAMES.get(entry.language, (entry.language,) * 2)
        relay = "  ⚠ RELAY · РЕЛЕЙ" if entry.language == "other" else ""
        text = "  ✎ TEXT · ТЕКСТ" if entry.has_text else ""
        return f"{names} — {delegation} — {english} · {russian}{relay}{text}"

    def show_list(self, listed: SpeakerList, db: Database | None) -> None:
        current = listed.current
        self.db = db
        self.current_id = current.id if current else None
        self.open_button.setEnabled(current is not None and current.has_text)
        self.current.setText(("Now · Сейчас: " + self.line(db, current)) if current
                             else "—")
        self.next_up.setText("\n".join(
            f"{index}. {self.line(db, entry)}"
            for index, entry in enumerate(listed.waiting()[:5], start=1)))

    def open_text(self) -> Path | None:
        """Write the current statement's text to a private temporary folder and open it in
        the system's viewer; returns where it was written."""
        if self.db is None or self.current_id is None:
            return None
        found = text_of(self.db, self.current_id)
        if found is None:
            return None
        name, content = found
        # Only the last part of the name is kept: a name like "../x" stays in the folder.
        path = Path(tempfile.mkdtemp(prefix="bsm-desk-text-")) / Path(name).name
        path.write_bytes(content)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path
