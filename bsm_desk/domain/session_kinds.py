"""How each kind of session looks wherever the programme is shown (the timetables, the
PDF for the doors, calendars, legends, the overview): its name in both languages and its
colour — apart from the programme's rules (programme.py), which no first screen needs."""

from __future__ import annotations

from dataclasses import dataclass

from bsm_desk.domain.model import SessionKind


@dataclass(frozen=True)
class KindStyle:
    """How a kind of session looks wherever the programme is shown: timetables, the PDF
    for the doors, calendars, legends. One palette, defined here once."""

    name_en: str
    name_ru: str
    colour: str

    def name(self, lang: str) -> str:
        return self.name_ru if lang == "ru" else self.name_en


KIND_STYLE: dict[SessionKind, KindStyle] = {
    SessionKind.PLENARY: KindStyle("Plenary session", "Пленарное заседание", "#0b6fb8"),
    SessionKind.THEMATIC: KindStyle("Thematic session", "Тематическая сессия", "#2e7d5b"),
    SessionKind.CLOSED: KindStyle("Closed session", "Закрытое заседание", "#8e3b46"),
    SessionKind.SIDE_EVENT: KindStyle("Side event", "Параллельное мероприятие", "#b26a00"),
}
