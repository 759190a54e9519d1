"""The written statement a speaker hands in, kept for the interpreters: a PDF, a Word
(.docx) or a plain text file of at most 20 MB, checked by what it starts with (a renamed
picture or program is refused) and read no further than the limit, whatever it claims
(a pipe or a device is refused unread)."""

from __future__ import annotations

import stat
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.services.operators import Acting, Permission, requires
from bsm_desk.services.speakers.lists import NO_ENTRY, speaker_list
from bsm_desk.store import atomic
from bsm_desk.store import speakers as store

if TYPE_CHECKING:
    from sqlite_utils import Database

TEXT_KIND = QT_TRANSLATE_NOOP(
    "UserError", "{file}: a statement's text is a PDF, a Word (.docx) or a plain text file.")
TEXT_TOO_BIG = QT_TRANSLATE_NOOP(
    "UserError", "{file} is {size} MB; a statement's text may be {limit} MB at most.")
TEXT_EMPTY = QT_TRANSLATE_NOOP("UserError", "{file} is empty.")
TEXT_UNREADABLE = QT_TRANSLATE_NOOP("UserError", "Cannot read {file}: {reason}")

TEXT_LIMIT_BYTES = 20 * 1024 * 1024
# What each kind of text starts with: a renamed picture or program is refused.
_TEXT_MAGIC = {".pdf": (b"%PDF",), ".docx": (b"PK\x03\x04",), ".txt": ()}


NOT_A_FILE = "not a file (a folder, a pipe or a device)"


@requires(Permission.EDIT_SPEAKERS)
def hand_in_text(db: Database, session_id: int, entry_id: int, path: str | Path, *,
                 who: Acting, now: datetime | None = None) -> str:
    """Keep the text of a statement for the interpreters (PDF, DOCX or TXT, at most
    20 MB); returns its file name."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in _TEXT_MAGIC:
        raise UserError(TEXT_KIND, file=path.name)
    try:
        found = path.stat()
        if not stat.S_ISREG(found.st_mode):  # a pipe or a device would be read forever
            raise UserError(TEXT_UNREADABLE, file=path.name, reason=NOT_A_FILE)
        if found.st_size > TEXT_LIMIT_BYTES:
            raise UserError(TEXT_TOO_BIG, file=path.name, size=found.st_size // (1024 * 1024),
                            limit=TEXT_LIMIT_BYTES // (1024 * 1024))
        with open(path, "rb") as handle:  # never more than the limit, whatever it claims
            content = handle.read(TEXT_LIMIT_BYTES + 1)
        if len(content) > TEXT_LIMIT_BYTES:
            raise UserError(TEXT_TOO_BIG, file=path.name, size=len(content) // (1024 * 1024),
                            limit=TEXT_LIMIT_BYTES // (1024 * 1024))
    except OSError as exc:
        raise UserError(TEXT_UNREADABLE, file=path.name, reason=exc.strerror or str(exc)) \
            from exc
    if not content:
        raise UserError(TEXT_EMPTY, file=path.name)
    starts = _TEXT_MAGIC[suffix]
    if starts and not content.startswith(starts):
        raise UserError(TEXT_KIND, file=path.name)
    if suffix == ".txt" and b"\x00" in content[:4096]:
        raise UserError(TEXT_KIND, file=path.name)  # a binary file called .txt
    with atomic(db):
        if not any(e.id == entry_id for e in speaker_list(db, session_id).entries):
            raise UserError(NO_ENTRY, id=entry_id)
        store.set_text(db, entry_id, path.name, content, at=now or datetime.now(UTC),
                       desk_id=who.desk_id, operator=who.name)
    return path.name


def text_of(db: Database, entry_id: int) -> tuple[str, bytes] | None:
    """(file name, content) of the text handed in for this entry, if any."""
    return store.text(db, entry_id)


def entries_with_text(db: Database, session_id: int) -> set[int]:
    return store.with_text(db, session_id)
