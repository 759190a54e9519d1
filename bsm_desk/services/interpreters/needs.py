"""The booths the programme needs: sessions of a room joined into meetings, a booth per
target language (or one two-way booth), the team by the meeting's length; and the
languages a meeting needs relayed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bsm_desk.domain.interpreters import TWO_WAY, Meeting, Rules, Slot, meetings
from bsm_desk.store import interpreters as store
from bsm_desk.store import rooms as room_store
from bsm_desk.store import sessions as session_store
from bsm_desk.store import speakers as speaker_store

if TYPE_CHECKING:
    from sqlite_utils import Database

OFFICIAL = ("en", "ru")


@dataclass(frozen=True)
class Need:
    """A booth to staff: one meeting (sessions in a room across short breaks), one
    target language (or TWO_WAY), and the team the rules ask for."""

    meeting: Meeting
    room: str
    booth: str
    team: int
    title: str = ""  # the first session's title, for the roster's reasons

    @property
    def key(self) -> tuple[tuple[int, ...], str]:
        return self.meeting.session_ids, self.booth

    def as_dict(self, zone: Any) -> dict[str, Any]:
        return {"session_ids": list(self.meeting.session_ids), "room": self.room,
                "room_id": self.meeting.room_id,
                "start": self.meeting.starts_at.astimezone(zone).isoformat(),
                "end": self.meeting.ends_at.astimezone(zone).isoformat(),
                "booth": self.booth, "team": self.team,
                "minutes": round(self.meeting.minutes)}


def needs(db: Database, rules: Rules | None = None, lang: str = "en") -> list[Need]:
    """Every booth the programme needs staffed. A room's booth count is its setting: one
    booth works both ways (retour, TWO_WAY); two or more are one per target language
    (the UN way). Sessions without interpretation, or in a room without booths, need
    none."""
    rules = rules or store.rules(db)
    rooms = {r.id: r for r in room_store.list_rooms(db)}
    sessions = [s for s in session_store.list_sessions(db)
                if s.interpretation and s.room_id in rooms and rooms[s.room_id].booths > 0]
    languages = {s.id: s.languages for s in sessions}
    titles = {s.id: s.title(lang) for s in sessions}
    found: list[Need] = []
    for meeting in meetings([Slot(s.id or 0, s.room_id or 0, s.starts_at, s.ends_at)
                             for s in sessions], rules):
        room = rooms[meeting.room_id]
        if room.booths == 1:
            booths = [TWO_WAY]
        else:
            wanted = {code for i in meeting.session_ids for code in languages[i]}
            booths = [code for code in ("en", "ru") if code in wanted]
        for booth in booths:
            found.append(Need(meeting, room.name(lang), booth,
                              rules.team(meeting.minutes, two_way=booth == TWO_WAY),
                              titles[meeting.session_ids[0]]))
    return found


def relay_languages(db: Database, found: list[Need]) -> dict[tuple[int, ...], frozenset[str]]:
    """Per meeting, the languages other than English and Russian that someone in its
    booths must understand: declared on a session, or of a statement on its speakers'
    list (not withdrawn)."""
    declared = {s.id: set(s.languages) for s in session_store.list_sessions(db)}
    spoken = speaker_store.statement_languages(db)
    relay: dict[tuple[int, ...], frozenset[str]] = {}
    for need in found:
        ids = need.meeting.session_ids
        wanted = {code for i in ids for code in declared.get(i, set()) | spoken.get(i, set())}
        # Only languages named by their code: "other" on a speakers' list says nothing a
        # booth could be staffed for.
        wanted = {c for c in wanted - set(OFFICIAL) if 2 <= len(c) <= 3 and c.isalpha()}
        if wanted:
            relay[ids] = frozenset(wanted)
    return relay
