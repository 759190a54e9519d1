"""The verdict of a scan, big enough to read from two metres, in both languages.

Everything on it is in English and Russian together, the headline and the details under
it alike (the person at the door may read either, whatever the desk's own language).
One verdict, one colour: the panel and the list of the last scans take it from
:func:`look`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo
from functools import lru_cache

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPixmap, QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from bsm_desk.domain.checkin import Kind
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP
from bsm_desk.services.checkin import Verdict
from bsm_desk.ui.shell.i18n import follow_language

# Headline (English, Russian) and background of each verdict.
HEADLINES: dict[Kind, tuple[str, str, str]] = {
    Kind.OK: ("Welcome", "Проход разрешён", "#1b7f3b"),
    Kind.ALREADY: ("Already checked in", "Уже отмечен", "#a86400"),
    Kind.NOT_ALLOWED: ("Not allowed in here", "Вход сюда не разрешён", "#c62828"),
    Kind.REVOKED: ("Badge revoked", "Бейдж аннулирован", "#b71c1c"),
    Kind.CANCELLED: ("Registration cancelled", "Регистрация отменена", "#8e1b1b"),
    Kind.UNKNOWN: ("Unknown badge", "Неизвестный бейдж", "#6d2f2f"),
    Kind.FORGED: ("Invalid code", "Недействительный код", "#4a148c"),
    Kind.WRONG_EVENT: ("Badge of another event", "Бейдж другого мероприятия", "#5b3a99"),
}
REFUSED_ALREADY = "#c45100"  # a second entry where re-entry is not allowed
# The line under the headline, in the "VerdictPanel" context; shown in both languages.
DETAILS = {
    "already": QT_TRANSLATE_NOOP("VerdictPanel", "Checked in here at {when}, {desk}."),
    "replaced": QT_TRANSLATE_NOOP("VerdictPanel", "Badge version {version} was replaced on "
                                                  "{when}. Ask for the new badge."),
    "revoked": QT_TRANSLATE_NOOP("VerdictPanel",
                                 "An older badge version. Ask for the new badge."),
    "not_allowed": QT_TRANSLATE_NOOP("VerdictPanel",
                                     "This category may not enter this session."),
    "wrong_event": QT_TRANSLATE_NOOP("VerdictPanel", "The badge is for the event {code}."),
    "forged": QT_TRANSLATE_NOOP("VerdictPanel",
                                "The code is damaged or not a badge of this event."),
    "unknown": QT_TRANSLATE_NOOP("VerdictPanel",
                                 "A badge of this event, but nobody registered has it."),
    "cancelled": QT_TRANSLATE_NOOP("VerdictPanel", "The registration was cancelled. Send to "
                                                   "the registration desk."),
}
# A second entry where re-entry is welcome (an entrance) is a welcome, and looks like one.
WELCOME_BACK = ("Welcome back", "С возвращением", HEADLINES[Kind.OK][2])


def look(kind: Kind, accepted: bool) -> tuple[str, str, str]:
    """(English, Russian, colour) of a verdict, wherever it is shown."""
    if kind is Kind.ALREADY:
        return WELCOME_BACK if accepted else (*HEADLINES[kind][:2], REFUSED_ALREADY)
    return HEADLINES[kind]


@lru_cache(maxsize=1)
def _russian() -> Callable[[str, str], str]:
    from bsm_desk.translations import translate_function

    return translate_function("ru")
IDLE = ("Ready: scan a badge", "Готово: отсканируйте бейдж", "#37474f")
WAITING = ("Waiting for the database…", "Ожидание базы данных…", "#5d4037")
RADIUS = 14.0


class VerdictPanel(QFrame):
    """Painted here in the verdict's colour, its text white from the labels' own
    palette: a style sheet set at each verdict sent the panel and every label on it
    through Qt's style-sheet engine again, at every scan."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdict")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumHeight(300)
        self.colour = QColor()
        self.kind: Kind | None = None
        self.verdict: Verdict | None = None
        self.zone: tzinfo | None = None
        self.headline = QLabel()
        self.headline_ru = QLabel()
        self.name = QLabel()
        self.name_cyrillic = QLabel()
        self.delegation = QLabel()
        self.category = QLabel()
        self.detail = QLabel()
        self.photo = QLabel()
        self.photo.setFixedSize(150, 200)
        self.photo.setScaledContents(False)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for label, size, bold in ((self.headline, 40, True), (self.headline_ru, 30, True),
                                  (self.name, 28, True), (self.name_cyrillic, 22, False),
                                  (self.delegation, 17, False), (self.category, 15, True),
                                  (self.detail, 15, False)):
            font = QFont(label.font())
            font.setPointSize(size)
            font.setBold(bold)
            label.setFont(font)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, QColor("white"))
            label.setPalette(palette)
        text = QVBoxLayout()
        for label in (self.headline, self.headline_ru):
            text.addWidget(label)
        text.addSpacing(10)
        for label in (self.name, self.name_cyrillic, self.delegation, self.category,
                      self.detail):
            text.addWidget(label)
        text.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(28, 20, 28, 20)
        row.addLayout(text, 1)
        row.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        self.clear()
        follow_language(self, self._retranslate_detail)

    def clear(self) -> None:
        self.kind, self.verdict = None, None
        english, russian, colour = IDLE
        self._paint(colour, english, russian)
        for label in (self.name, self.name_cyrillic, self.delegation, self.category,
                      self.detail):
            label.clear()
            label.setVisible(False)
        self.photo.clear()
        self.photo.setVisible(False)

    def show_waiting(self, queued: int) -> None:
        """Another program holds the event file: the scans wait, none is lost."""
        self.kind, self.verdict = None, None
        english, russian, colour = WAITING
        self._paint(colour, english, russian)
        for label in (self.name, self.name_cyrillic, self.delegation, self.category):
            label.clear()
            label.setVisible(False)
        self.photo.setVisible(False)
        self.detail.setText(self.tr(
            "Scans waiting: {count}. Each is recorded as soon as the file is free; Esc "
            "cancels them.").format(count=queued))
        self.detail.setVisible(True)

    def show_verdict(self, verdict: Verdict) -> None:
        self.kind, self.verdict = verdict.kind, verdict
        english, russian, colour = look(verdict.kind, verdict.accepted)
        self._paint(colour, english, russian)
        self.name.setText(verdict.name_latin)
        self.name_cyrillic.setText(verdict.name_cyrillic)
        self.delegation.setText(" / ".join(x for x in (
            verdict.delegation_en, verdict.delegation_ru
            if verdict.delegation_ru != verdict.delegation_en else "") if x))
        categories = " / ".join(x for x in (verdict.category_en, verdict.category_ru) if x)
        self.category.setText(categories)
        # The category's colour comes from the event file: only ever a colour, written
        # as Qt writes one, goes into the sheet (never the file's text itself).
        shade = QColor(verdict.colour) if verdict.colour else QColor()
        chip = (f"color: white; background: {shade.name()}; padding: 2px 8px;"
                " border: 1px solid rgba(255,255,255,0.7); border-radius: 4px;"
                if shade.isValid() else "")
        if chip != self.category.styleSheet():  # most people share a few categories
            self.category.setStyleSheet(chip)
        self.category.setVisible(bool(categories))
        self.detail.setText(self._detail(verdict))
        for label in (self.name, self.name_cyrillic, self.delegation, self.detail):
            label.setVisible(bool(label.text()))
        self.photo.clear()
        self.photo.setVisible(False)
        if verdict.photo:
            pixmap = QPixmap()
            if pixmap.loadFromData(verdict.photo):
                self.photo.setPixmap(pixmap.scaled(
                    self.photo.size(), Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation))
                self.photo.setVisible(True)

    def _when(self, moment: datetime) -> str:
        return moment.astimezone(self.zone).strftime("%d.%m %H:%M")

    def _detail(self, verdict: Verdict) -> str:
        """The detail line in English, then in Russian."""
        english = self._detail_in(verdict, lambda text: text)
        russian = self._detail_in(verdict, lambda text: _russian()("VerdictPanel", text))
        return english if russian == english else f"{english}\n{russian}"

    def _detail_in(self, verdict: Verdict, tr: Callable[[str], str]) -> str:
        if verdict.kind is Kind.ALREADY and verdict.earlier is not None:
            return tr(DETAILS["already"]).format(
                when=self._when(verdict.earlier.at),
                desk=verdict.earlier.desk_name or verdict.earlier.desk_id[:8])
        if verdict.kind is Kind.REVOKED:
            if verdict.replaced_at is not None:
                return tr(DETAILS["replaced"]).format(version=verdict.version,
                                                      when=self._when(verdict.replaced_at))
            return tr(DETAILS["revoked"])
        if verdict.kind is Kind.WRONG_EVENT:
            return tr(DETAILS["wrong_event"]).format(code=verdict.event_code or "?")
        key = {Kind.NOT_ALLOWED: "not_allowed", Kind.FORGED: "forged",
               Kind.UNKNOWN: "unknown", Kind.CANCELLED: "cancelled"}.get(verdict.kind)
        return tr(DETAILS[key]) if key else ""

    def _paint(self, colour: str, english: str, russian: str) -> None:
        self.headline.setText(english)
        self.headline_ru.setText(russian)
        shade = QColor(colour)
        if shade != self.colour:
            self.colour = shade
            self.update()
        self.setProperty("colour", self.colour.name())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        # The Russian detail line's translation, read once the panel is on screen rather
        # than at the first scan that has a detail to show (a few milliseconds).
        QTimer.singleShot(0, _russian)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.colour)
        painter.drawRoundedRect(QRectF(self.rect()), RADIUS, RADIUS)
        painter.end()

    def _retranslate_detail(self) -> None:
        # The headlines are bilingual and stay; the detail line follows the interface.
        if self.verdict is not None:
            self.detail.setText(self._detail(self.verdict))
