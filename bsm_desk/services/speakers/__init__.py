"""The list of speakers (lists.py: inscribe, order, run a session's list, the record of
statements); the statements' texts for the booths in texts.py, its reads in queries.py,
its export in export.py."""

from __future__ import annotations

from bsm_desk.services.speakers.lists import (
    BAD_LEVEL,
    BAD_LIMIT,
    BAD_ORDER,
    CANCELLED,
    MAX_LIMIT_S,
    NEED_REASON,
    NO_DELEGATE,
    NO_ENTRY,
    NO_EVENT,
    NO_SESSION,
    NOBODY_SPEAKS,
    NOBODY_WAITS,
    NOT_WITHDRAWN,
    Listed,
    Refused,
    SpeakerList,
    close,
    default_statement_limit,
    end,
    inscribe,
    move,
    next_speaker,
    pause,
    reinstate,
    reopen,
    set_officials_place,
    set_order,
    set_statement_limit,
    speaker_list,
    statement_limit,
    withdraw,
)
from bsm_desk.services.speakers.texts import (
    NOT_A_FILE,
    TEXT_EMPTY,
    TEXT_KIND,
    TEXT_LIMIT_BYTES,
    TEXT_TOO_BIG,
    TEXT_UNREADABLE,
    entries_with_text,
    hand_in_text,
    text_of,
)

__all__ = ["BAD_LEVEL", "BAD_LIMIT", "BAD_ORDER", "CANCELLED", "close",
           "default_statement_limit", "end", "entries_with_text", "hand_in_text",
           "inscribe", "Listed", "MAX_LIMIT_S", "move", "NEED_REASON", "next_speaker",
           "NO_DELEGATE", "NO_ENTRY", "NO_EVENT", "NO_SESSION", "NOBODY_SPEAKS",
           "NOBODY_WAITS", "NOT_A_FILE", "NOT_WITHDRAWN", "pause", "Refused", "reinstate",
           "reopen", "set_officials_place", "set_order", "set_statement_limit",
           "speaker_list", "SpeakerList", "statement_limit", "TEXT_EMPTY", "TEXT_KIND",
           "TEXT_LIMIT_BYTES", "text_of", "TEXT_TOO_BIG", "TEXT_UNREADABLE", "withdraw"]
