"""The Event overview: the event's facts, figures, rooms and the programme day by room."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP
from bsm_desk.domain.model import LANGUAGE_NAMES, DelegateStatus, Gender, Session
from bsm_desk.domain.session_kinds import KIND_STYLE
from bsm_desk.services.event import Overview
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.theme import give_role
from bsm_desk.ui.widgets.card import Card
from bsm_desk.ui.widgets.kind_legend import KindLegend
from bsm_desk.ui.widgets.timetable import Block, TimetableView


def _date(day: date, pattern: str = "d MMMM yyyy") -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def date_range(start: date, end: date) -> str:
    """'18–19 October 2022', or the two full dates when the month or year differs."""
    if start == end:
        return _date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{_date(end)}"
    return f"{_date(start)} – {_date(end)}"


class _Figure(Card):
    """A number with its caption, on a card."""

    def __init__(self) -> None:
        super().__init__()
        self.value = QLabel("0")
        give_role(self.value, "figure")
        self.caption = QLabel()
        give_role(self.caption, "subtitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)


class OverviewScreen(QWidget):
    message = Signal(str)  # a Screen's signals (screen_registry.Screen); unused here
    changed = Signal()

    def __init__(self, settings: object = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._overview: Overview | None = None
        self.title = QLabel()
        give_role(self.title, "title")
        self.title.setWordWrap(True)
        self.facts = QLabel()
        give_role(self.facts, "subtitle")
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.figures = {key: _Figure() for key in
                        ("delegates", "accredited", "delegations", "women", "sessions", "rooms")}
        figures = QGridLayout()
        for column, figure in enumerate(self.figures.values()):
            figures.addWidget(figure, 0, column)
        # Said while people are registered and nobody is accredited yet: how to do it.
        self.accredit_hint = QLabel()
        self.accredit_hint.setWordWrap(True)
        give_role(self.accredit_hint, "subtitle")
        self.accredit_hint.hide()

        self.programme_label = QLabel()
        give_role(self.programme_label, "title")
        self.days = QTabWidget()
        self.days.setDocumentMode(True)
        self.legend = KindLegend()
        self.rooms_label = QLabel()
        give_role(self.rooms_label, "title")
        self.rooms = QTableWidget(0, 5)
        self.rooms.verticalHeader().setVisible(False)
        self.rooms.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.rooms.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.rooms.horizontalHeader().setStretchLastSection(True)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addLayout(figures)
        layout.addWidget(self.accredit_hint)
        layout.addSpacing(6)
        layout.addWidget(self.programme_label)
        layout.addWidget(self.legend)
        layout.addWidget(self.days)
        layout.addSpacing(6)
        layout.addWidget(self.rooms_label)
        layout.addWidget(self.rooms)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        i18n.follow_language(self)

    def load(self, db: object, overview: Overview, path: Path | None = None) -> None:
        self.set_overview(overview)

    def set_overview(self, overview: Overview) -> None:
        self._overview = overview
        self._show()

    def unload(self) -> None:
        """The event closed: its facts stay on show until another one opens."""

    def follow(self, changes: object) -> None:
        """Nothing of its own: its figures come with set_overview."""

    # -- painting the facts ---------------------------------------------------------
    def _show(self) -> None:
        ov = self._overview
        if ov is None:
            return
        lang = i18n.language()
        e = ov.event
        self.title.setText(e.title(lang))
        languages = ", ".join(LANGUAGE_NAMES.get(code, (code, code))[1 if lang == "ru" else 0]
                              for code in e.languages)
        self.facts.setText(self.tr("{dates} · {venue} · time zone {zone} · working languages: "
                                   "{languages}").format(
            dates=date_range(e.start_date, e.end_date), venue=e.venue(lang),
            zone=e.time_zone, languages=languages))
        women = ov.by_gender.get(Gender.FEMALE, 0)
        counted = sum(ov.by_gender.values())
        values = {
            "delegates": i18n.number(ov.delegates),
            "accredited": i18n.number(ov.by_status.get(DelegateStatus.ACCREDITED, 0)),
            "delegations": i18n.number(len(ov.delegations)),
            "women": f"{round(100 * women / counted) if counted else 0} %",
            "sessions": str(len(ov.sessions)),
            "rooms": str(len(ov.rooms)),
        }
        for key, value in values.items():
            self.figures[key].value.setText(value)
        waiting = ov.by_status.get(DelegateStatus.REGISTERED, 0)
        self.accredit_hint.setVisible(waiting > 0)
        self.accredit_hint.setText(self.tr(
            "{count} registered people wait for accreditation: on the Delegates screen, "
            "select them and choose “Mark credentials received” once their credentials "
            "have arrived (or run bsm-desk accredit).").format(count=waiting))
        self._show_days()
        self._show_rooms()

    def _show_days(self) -> None:
        ov = self._overview
        assert ov is not None
        lang = i18n.language()
        current = self.days.currentIndex()
        self.days.clear()
        zone = ov.event.zone
        for day in ov.days:
            sessions = ov.sessions_on(day.date)
            used = [r for r in ov.rooms if any(s.room_id == r.id for s in sessions)]
            columns = {r.id: i for i, r in enumerate(used)}
            blocks = [
                Block(column=columns.get(s.room_id, 0), start=s.starts_at.astimezone(zone),
                      end=s.ends_at.astimezone(zone), title=s.title(lang), kind=s.kind.value,
                      tooltip=self._tooltip(s))
                for s in sessions
            ]
            view = TimetableView()
            view.set_day([r.name(lang) for r in used], blocks,
                         first_hour=int(day.opens[:2]), last_hour=int(day.closes[:2]))
            self.days.addTab(view, _date(day.date, "dddd, d MMMM"))
        if ov.days:
            self.days.setCurrentIndex(max(current, 0))
            height = max(tab.sizeHint().height() for i in range(self.days.count())
                         if (tab := self.days.widget(i)) is not None)
            self.days.setMinimumHeight(height + self.days.tabBar().sizeHint().height() + 4)

    def _tooltip(self, s: Session) -> str:
        ov = self._overview
        assert ov is not None
        lang = i18n.language()
        room = ov.room(s.room_id)
        zone = ov.event.zone
        kind = KIND_STYLE[s.kind].name(lang)
        lines = [f"<b>{s.title(lang)}</b>", kind,
                 f"{s.starts_at.astimezone(zone):%H:%M}–{s.ends_at.astimezone(zone):%H:%M}"
                 + (f" · {room.name(lang)}" if room else "")]
        if s.organizer:
            lines.append(self.tr("Organizer: {name}").format(name=s.organizer))
        return "<br>".join(lines)

    def _show_rooms(self) -> None:
        ov = self._overview
        assert ov is not None
        lang = i18n.language()
        self.rooms.setRowCount(len(ov.rooms))
        for row, room in enumerate(ov.rooms):
            cells = (room.name(lang), room.floor, str(room.capacity), str(room.booths),
                     ", ".join(self.tr(EQUIPMENT_NAMES.get(x, x)) for x in room.equipment))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.rooms.setItem(row, column, item)
        header = self.rooms.horizontalHeader().height()
        self.rooms.setFixedHeight(header + sum(self.rooms.rowHeight(r) for r in
                                               range(len(ov.rooms))) + 4)

    # -- language --------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        captions = {
            "delegates": self.tr("delegates"), "accredited": self.tr("accredited"),
            "delegations": self.tr("delegations"), "women": self.tr("women"),
            "sessions": self.tr("sessions"), "rooms": self.tr("rooms"),
        }
        for key, caption in captions.items():
            self.figures[key].caption.setText(caption)
        self.programme_label.setText(self.tr("Programme"))
        self.rooms_label.setText(self.tr("Rooms"))
        self.rooms.setHorizontalHeaderLabels([
            self.tr("Room"), self.tr("Floor"), self.tr("Seats"), self.tr("Booths"),
            self.tr("Equipment")])
        self._show()



EQUIPMENT_NAMES = {
    "projector": QT_TRANSLATE_NOOP("OverviewScreen", "projector"),
    "microphones": QT_TRANSLATE_NOOP("OverviewScreen", "microphones"),
    "streaming": QT_TRANSLATE_NOOP("OverviewScreen", "streaming"),
}
