"""Badges: which ones to print, their signed codes, the PDF, the print log and reprints.

A badge is printed from a PDF made here, whether it goes to a file, a card printer
or a sheet printer. Each print is logged (append-only) once the PDF is whole; a
reprint first records a new badge version, so the lost badge scans as REVOKED
even if the new one is never printed.
"""

from __future__ import annotations

import enum
import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from bsm_desk.domain import badge_code
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.domain.model import DelegateStatus, Event, ReissueReason
from bsm_desk.domain.people import Delegate
from bsm_desk.services.badges.pdf import BadgeFace, Header, Layout, event_dates, render
from bsm_desk.services.operators import Acting, Permission, require, requires
from bsm_desk.services.output.files import written
from bsm_desk.services.output.text import missing_glyphs
from bsm_desk.store import atomic, history
from bsm_desk.store import badges as store
from bsm_desk.store import categories as category_store
from bsm_desk.store import delegates as delegate_store
from bsm_desk.store import delegations as delegation_store
from bsm_desk.store import event as event_store

if TYPE_CHECKING:
    from sqlite_utils import Database

Progress = Callable[[int, int], None]

NO_EVENT = QT_TRANSLATE_NOOP("UserError", "This database has no event to print badges for.")
NO_DELEGATION = QT_TRANSLATE_NOOP("UserError", "There is no delegation called {name}.")
NO_CATEGORY = QT_TRANSLATE_NOOP("UserError", "There is no category called {name}.")
NO_DELEGATE = QT_TRANSLATE_NOOP("UserError", "There is no delegate #{id}.")
NOT_ACTIVE = QT_TRANSLATE_NOOP(
    "UserError", "Delegate #{id} is cancelled or merged into another record: no badge.")
NOTHING_TO_PRINT = QT_TRANSLATE_NOOP("UserError", "No badges match: nothing was written.")
BAD_LAYOUT = QT_TRANSLATE_NOOP("UserError", "Unknown badge layout {layout}: use {known}.")
BAD_PHOTO = QT_TRANSLATE_NOOP(
    "UserError", "{name} is not a picture BSM Desk can read: use a JPEG or PNG photo.")
BAD_REASON = QT_TRANSLATE_NOOP("UserError", "Unknown reprint reason {reason}: use {known}.")
UNPRINTABLE_NAME = QT_TRANSLATE_NOOP(
    "UserError", "The badge of #{id} “{name}” cannot be printed: the badge fonts have no "
    "letters {letters}. Correct the name to the Latin letters of the passport.")


E = TypeVar("E", bound=enum.StrEnum)


def _choice(kind: type[E], value: str, template: str, field: str) -> E:
    try:
        return kind(value)
    except ValueError:
        raise UserError(template, **{field: value},
                        known=", ".join(x.value for x in kind)) from None


def layout_of(name: str) -> Layout:
    return _choice(Layout, name, BAD_LAYOUT, "layout")


def reason_of(name: str) -> ReissueReason:
    return _choice(ReissueReason, name, BAD_REASON, "reason")


def _event(db: Database) -> Event:
    return event_store.required(db, NO_EVENT)


def header(event: Event) -> Header:
    return Header(event.title_en, event.title_ru if event.title_ru != event.title_en else "",
                  event_dates(event.start_date, event.end_date, "en"),
                  event_dates(event.start_date, event.end_date, "ru"))


# --- choosing ----------------------------------------------------------------------

def _find(name: str, candidates: Sequence[tuple[int, Sequence[str | None]]]) -> int | None:
    wanted = name.strip().casefold()
    for item_id, names in candidates:
        if any(n and n.strip().casefold() == wanted for n in names):
            return item_id
    return None


def select(db: Database, *, delegation: str | None = None, category: str | None = None,
           only_unprinted: bool = False, ids: Sequence[int] | None = None) -> list[int]:
    """Delegates to badge, in envelope order (delegation, then name).

    Names match a delegation's English or Russian name or ISO code, and a
    category's code or either name, ignoring case. Cancelled and merged records
    never get a badge; asking for one by id is an error rather than a silent skip.
    """
    where = ["d.status != 'cancelled'", "d.merged_into IS NULL"]
    params: list[object] = []
    for wanted, column, template, candidates in (
        (delegation, "delegation_id", NO_DELEGATION,
         lambda: [(g.id or 0, (g.name_en, g.name_ru, g.iso_code))
                  for g in delegation_store.list_delegations(db)]),
        (category, "category_id", NO_CATEGORY,
         lambda: [(k.id or 0, (k.code, k.name_en, k.name_ru))
                  for k in category_store.list_categories(db)]),
    ):
        if wanted:
            found = _find(wanted, candidates())
            if found is None:
                raise UserError(template, name=wanted)
            where.append(f"d.{column} = ?")
            params.append(found)
    if ids is not None:
        _checked(db, ids)
        unique = list(dict.fromkeys(ids))
        marks = ",".join("?" for _ in unique) or "NULL"
        where.append(f"d.id IN ({marks})")
        params.extend(unique)
    chosen = [r[0] for r in db.execute(
        "SELECT d.id FROM delegate d JOIN delegation g ON g.id = d.delegation_id"
        f" WHERE {' AND '.join(where)}"
        " ORDER BY g.order_key, g.name_en, d.family_name COLLATE NOCASE,"
        " d.given_name COLLATE NOCASE, d.id", params).fetchall()]
    if only_unprinted:
        waiting = set(store.unprinted_ids(db, chosen))
        chosen = [i for i in chosen if i in waiting]
    return chosen


def _checked(db: Database, ids: Sequence[int]) -> list[int]:
    known = {d.id: d for d in delegate_store.get_delegates(db, list(ids))}
    for delegate_id in ids:
        delegate = known.get(delegate_id)
        if delegate is None:
            raise UserError(NO_DELEGATE, id=delegate_id)
        if delegate.status is DelegateStatus.CANCELLED or delegate.merged_into is not None:
            raise UserError(NOT_ACTIVE, id=delegate_id)
    return list(ids)


# --- what a badge shows ------------------------------------------------------------

def faces(db: Database, ids: Sequence[int]) -> list[BadgeFace]:
    """The badges of these delegates as they print now (current version, signed)."""
    event = _event(db)
    delegations = {g.id: g for g in delegation_store.list_delegations(db)}
    categories = {k.id: k for k in category_store.list_categories(db)}
    states = store.states(db, ids)
    photos = store.photos(db, ids)
    result = []
    for d in delegate_store.get_delegates(db, ids):
        assert d.id is not None
        g = delegations[d.delegation_id]
        k = categories[d.category_id]
        version = states[d.id].version
        unprintable = missing_glyphs(f"{d.family_name}{d.given_name}{d.cyrillic_name}")
        if unprintable:  # never a badge with an empty name line
            raise UserError(UNPRINTABLE_NAME, id=d.id,
                            name=f"{d.family_name} {d.given_name}".strip(),
                            letters="".join(sorted(unprintable))[:20])
        result.append(BadgeFace(
            delegate_id=d.id, version=version,
            code=badge_code.make(event.code, event.secret, d.id, version),
            family_name=d.family_name, given_name=d.given_name,
            cyrillic_name=d.cyrillic_name, delegation_en=g.name_en,
            delegation_ru=g.name_ru, function_en=d.function_en, function_ru=d.function_ru,
            category_en=k.name_en, category_ru=k.name_ru, colour=k.colour,
            photo=photos.get(d.id)))
    return result


def codes(db: Database, ids: Sequence[int]) -> list[tuple[int, str]]:
    """(delegate id, current code) for each of ``ids``."""
    event = _event(db)
    states = store.states(db, ids)
    return [(i, badge_code.make(event.code, event.secret, i, states[i].version))
            for i in ids if i in states]


@dataclass(frozen=True, slots=True)
class Prepared:
    """Badges ready to print: the PDF, and what to log once the printer has them."""

    pdf: bytes
    printed: list[tuple[int, int]]  # (delegate id, version), in page order
    pages: int
    layout: Layout


def prepare(db: Database, ids: Sequence[int], layout: Layout,
            progress: Progress | None = None) -> Prepared:
    """The PDF of these badges, in memory (preview and printing)."""
    chosen = faces(db, ids)
    if not chosen:
        raise UserError(NOTHING_TO_PRINT)
    buffer = io.BytesIO()
    pages = render(chosen, header(_event(db)), layout, buffer, progress=progress)
    return Prepared(buffer.getvalue(), [(f.delegate_id, f.version) for f in chosen], pages,
                    layout)


def pdf_bytes(db: Database, ids: Sequence[int], layout: Layout,
              progress: Progress | None = None) -> bytes:
    return prepare(db, ids, layout, progress).pdf


# --- printing and the log ----------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Batch:
    path: Path | None
    badges: int
    pages: int
    logged: bool


def _print_permission(db: Database, ids: Sequence[int]) -> Permission:
    """A desk may print one badge never printed before (a person arriving without one);
    more at once, or a badge printed before, is a registrar's."""
    if len(set(ids)) == 1 and not store.prints(db, next(iter(ids))):
        return Permission.PRINT_ON_ARRIVAL
    return Permission.PRINT_BADGES


def log_prints(db: Database, printed: Sequence[tuple[int, int]], layout: Layout, *,
               who: Acting) -> None:
    """Record that these (delegate id, version) badges came out of a printer."""
    require(db, who, _print_permission(db, [delegate for delegate, _ in printed]))
    with atomic(db):
        store.record_prints(db, printed, layout.value, desk_id=who.desk_id, operator=who.name)


def write_pdf(db: Database, ids: Sequence[int], out: str | Path, layout: Layout, *,
              who: Acting, log: bool = True, progress: Progress | None = None) -> Batch:
    """Write the badges of ``ids`` to ``out`` and, if ``log``, record them as printed.

    The file appears whole or not at all: it is written beside the target and
    renamed, so a full disk or a Cancel leaves no half PDF and logs nothing.
    """
    require(db, who, _print_permission(db, ids))
    chosen = faces(db, ids)
    if not chosen:
        raise UserError(NOTHING_TO_PRINT)
    out = Path(out)
    with written(out) as partial:
        with open(partial, "wb") as target:
            pages = render(chosen, header(_event(db)), layout, target, progress=progress)
            target.flush()
            os.fsync(target.fileno())
        # Logged before the file takes its name: when the log cannot be written, the
        # half-made file is removed, so no badge exists without its entry in the log.
        if log:
            log_prints(db, [(f.delegate_id, f.version) for f in chosen], layout, who=who)
    return Batch(out, len(chosen), pages, log)


def reissue(db: Database, delegate_id: int, reason: ReissueReason, *, who: Acting) -> int:
    """Give the delegate a new badge version (the old badge is revoked); returns it. A
    lost badge may be in other hands: revoking it is a supervisor's call; a damaged one
    or a corrected name (the old badge handed back) is a registrar's."""
    require(db, who, Permission.REVOKE if reason is ReissueReason.LOST else
            Permission.PRINT_BADGES)
    _checked(db, [delegate_id])
    with atomic(db):
        old = store.current_version(db, delegate_id)
        version = store.reissue(db, delegate_id, reason.value, desk_id=who.desk_id,
                                operator=who.name)
        history.record(db, delegate_id, desk_id=who.desk_id, operator=who.name,
                       action="badge.reissued",
                       changes={"badge_version": [old, version], "reason": reason.value})
    return version


def reprint(db: Database, delegate_id: int, reason: ReissueReason, out: str | Path, layout: Layout,
            *, who: Acting) -> Batch:
    reissue(db, delegate_id, reason, who=who)
    return write_pdf(db, [delegate_id], out, layout, who=who)


@dataclass(frozen=True, slots=True)
class BadgeStatus:
    version: int
    printed: int  # prints of the current version
    reissues: list[store.Issue]
    prints: list[store.Print]


def status(db: Database, delegate_id: int) -> BadgeStatus:
    version = store.current_version(db, delegate_id)
    prints = store.prints(db, delegate_id)
    return BadgeStatus(version, sum(1 for p in prints if p.version == version),
                       store.issues(db, delegate_id), prints)


PHOTO_PIXELS = (480, 640)  # enough for 30 mm at 400 dpi; keeps the event file small


@requires(Permission.EDIT_DELEGATES)
def set_photo(db: Database, delegate_id: int, image: bytes | None, *, who: Acting,
              name: str = "") -> None:
    """Give the delegate a badge photo (any JPEG or PNG, stored as a small JPEG), or
    take it away with ``image=None``."""
    _checked(db, [delegate_id])
    stored: bytes | None = None
    if image is not None:
        from PIL import Image, UnidentifiedImageError

        try:
            with Image.open(io.BytesIO(image)) as opened:
                picture = opened.convert("RGB")
            picture.thumbnail(PHOTO_PIXELS)
            out = io.BytesIO()
            picture.save(out, "JPEG", quality=85)
            stored = out.getvalue()
        except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) \
                as exc:
            raise UserError(BAD_PHOTO, name=name or "?") from exc
    with atomic(db):
        store.set_photo(db, delegate_id, "image/jpeg", stored)
        history.record(db, delegate_id, desk_id=who.desk_id, operator=who.name,
                       action="photo.set" if stored else "photo.removed")


def has_photo(db: Database, delegate_id: int) -> bool:
    return bool(store.photos(db, [delegate_id]))


BADGE_NAME_FIELDS = ("family_name", "given_name", "family_name_cyr", "given_name_cyr")


def printed_name_changed(db: Database, before: Delegate, after: Delegate) -> bool:
    """Whether an edit made the name on an already printed badge wrong."""
    if before.id is None or all(getattr(before, f) == getattr(after, f)
                                for f in BADGE_NAME_FIELDS):
        return False
    return status(db, before.id).printed > 0


def unprinted(db: Database) -> list[int]:
    """Delegates whose current badge has not been printed yet ("print on arrival")."""
    return store.unprinted_ids(db)
