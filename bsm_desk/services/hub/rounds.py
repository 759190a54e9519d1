"""One round with the hub, and the rounds a desk's worker keeps.

One round (``sync_once``): push this desk's new events and check-ins (upload first, as
pretixSCAN does; the hub ignores any it already has, so a retry after a lost answer
doubles nothing), then pull the others' in the hub's order. The watermarks move only
after the hub has answered, in the desk's own transaction: a desk killed between the two
pushes again what it had pushed, and nothing more happens. A scan never waits for any of
it.

What a desk cannot take in (a check-in of a delegate it does not know) is not dropped:
it goes to the review list with the reason. The password never reaches the event file:
it comes from the OS keyring or libpq's own password file.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING, Any

import psycopg

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.services.event.files import desk_of
from bsm_desk.services.hub import continuity, event_file, pulling, rows
from bsm_desk.services.hub.clock import clock_skew, note_clock
from bsm_desk.services.hub.connection import REFUSED, open_hub
from bsm_desk.services.hub.pushing import BATCH, pushed_each
from bsm_desk.store import atomic, hub
from bsm_desk.store import hub_desk_state as state

if TYPE_CHECKING:
    from sqlite_utils import Database

_open = open_hub  # the name the round uses

NO_HUB = QT_TRANSLATE_NOOP("UserError", "This event file has no hub: run bsm-desk hub init or "
                                        "hub join first.")
LAST_SYNC_EVERY_S = 30
MAX_BACKOFF_S = 30  # the longest wait between rounds while the hub cannot be reached
MIN_GAP_S = 1.0  # rounds asked for by scans: at most one a second
KEEP_EVERY_S = 10  # a worker writes down how far it has pushed at most this often


@dataclass(frozen=True)
class SyncReport:
    pushed: int  # new on the hub this round
    pulled: int  # new on this desk this round
    pending: int  # this desk's events not yet on the hub
    refused: int = 0  # sent to the review list this round
    online: bool = True

    def as_dict(self) -> dict[str, Any]:
        return {"pushed": self.pushed, "pulled": self.pulled, "pending": self.pending,
                "refused": self.refused, "online": self.online}



class Link:
    """A worker's lasting connection to the hub, and how far it has pushed: kept in
    memory and written down only now and then (a watermark behind the truth only means
    rows pushed again, which the hub takes once), so that rounds that only push leave
    the event file alone and a desk's scans never wait for them."""

    def __init__(self) -> None:
        self.conn: Any = None
        self.url = ""
        self.pushed = 0
        self.kept_at = 0.0
        self.audit_head: tuple[int, str, str] | None = None
        self.hub_id = ""  # the identity of the hub this connection reached, once checked
        self.checked_own = False  # has this connection compared what the hub holds from
        # this desk with what its file has (a file that went back in time)?

    def get(self, url: str) -> Any:
        if self.conn is None or self.conn.closed or url != self.url:
            self.drop()
            self.conn, self.url = _open(url), url
            hub.require(self.conn, url)
        return self.conn

    def drop(self) -> None:
        hub.close_quietly(self.conn)
        self.conn = None
        self.hub_id = ""
        self.checked_own = False


def sync_once(db: Database, *, desk_id: str, link: Link | None = None) -> SyncReport:
    """One round: push, then pull. Offline (the hub unreachable) is not an error: the
    report says so and the desk goes on. ``link``: a worker's lasting connection."""
    url = state.get(db, state.URL)
    if not url:
        raise UserError(NO_HUB)
    desk_id = desk_of(db, desk_id)
    mine = link or Link()
    try:
        conn = mine.get(url)
    except UserError as exc:
        if exc.template != hub.UNREACHABLE:  # reached, and not a hub this desk may use
            mine.drop()
            raise
        _offline(db)
        return SyncReport(0, 0, state.pending(db, desk_id, mine.pushed), online=False)
    except (psycopg.OperationalError, psycopg.InterfaceError):
        mine.drop()
        _offline(db)
        return SyncReport(0, 0, state.pending(db, desk_id, mine.pushed), online=False)
    except psycopg.Error as exc:  # reached, and refused
        mine.drop()
        raise UserError(REFUSED, url=hub.safe_url(url),
                        reason=str(exc).strip().splitlines()[0][:200]) from exc
    try:
        continuity.same_hub(db, conn, url, mine)
        continuity.one_file(db, conn, desk_id)
        note_clock(db, conn)
        event_file.republish(db, conn, desk_id)
        pushed = _push_events(db, conn, desk_id)
        pushed += _push(db, conn, desk_id, mine, lazy=link is not None)
        continuity.relay(db, conn, desk_id)
        recovered, refused_back = continuity.recover(db, conn, desk_id, mine)
        _note_audit_head(db, conn, desk_id, mine)
        pulled, refused = pulling.pull_events(db, conn, desk_id)
        pulled, refused = pulled + recovered, refused + refused_back
        more, refused_more = pulling.pull_checkins(db, conn, desk_id)
        pulled, refused = pulled + more, refused + refused_more
    except UserError:
        raise
    except hub.DeskRemoved as exc:
        raise UserError(hub.REMOVED, url=hub.safe_url(url)) from exc
    except (psycopg.OperationalError, psycopg.InterfaceError, OSError):
        mine.drop()
        _offline(db)  # the LAN dropped mid-round: the next round resumes
        return SyncReport(0, 0, state.pending(db, desk_id, mine.pushed), online=False)
    except psycopg.Error as exc:  # reached, and refused: say so, never as "offline"
        mine.drop()
        raise UserError(REFUSED, url=hub.safe_url(url),
                        reason=str(exc).strip().splitlines()[0][:200]) from exc
    finally:
        if link is None:
            mine.drop()
    _caught_up(db, news=bool(pulled or refused or (pushed and link is None)))
    return SyncReport(pushed, pulled, state.pending(db, desk_id, mine.pushed), refused)


def _note_audit_head(db: Database, conn: Any, desk_id: str, link: Link) -> None:
    """This desk's audit head to the hub, when it has moved (``audit verify`` then sees
    entries cut from the end of this desk's log)."""
    row = db.execute("SELECT id, at, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    if row is None:
        return
    head = (int(row[0]), str(row[1]), str(row[2]))
    if head != link.audit_head:
        hub.note_audit_head(conn, desk_id, head)
        link.audit_head = head


def hub_audit_head(db: Database, *, desk_id: str) -> tuple[int, str, str] | None:
    """What the hub keeps of this desk's audit head; None without a hub, or offline."""
    url = state.get(db, state.URL)
    if not url:
        return None
    try:
        conn = _open(url)
    except UserError:
        return None
    try:
        return hub.audit_head(conn, desk_id)
    except psycopg.Error:
        return None
    finally:
        hub.close_quietly(conn)


def _caught_up(db: Database, *, news: bool) -> None:
    """Note the round. An idle round writes nothing (at most every LAST_SYNC_EVERY_S), so
    a desk's scans rarely wait for the sync worker's commits."""
    now = datetime.now(UTC)
    last = state.get(db, state.LAST_SYNC)
    stale = not last or (now - datetime.fromisoformat(last)).total_seconds() > \
        LAST_SYNC_EVERY_S
    if news or stale or state.get(db, state.OFFLINE_SINCE):
        with atomic(db):
            state.put(db, state.LAST_SYNC, now.isoformat())
            state.clear(db, state.OFFLINE_SINCE)


def _offline(db: Database) -> None:
    if not state.get(db, state.OFFLINE_SINCE):
        with atomic(db):
            state.put(db, state.OFFLINE_SINCE, datetime.now(UTC).isoformat())


def _push(db: Database, conn: Any, desk_id: str, link: Link, *, lazy: bool) -> int:
    pushed = 0
    while True:
        after = max(int(state.get(db, state.PUSHED, "0") or 0), link.pushed)
        rows = state.to_push(db, desk_id, after, BATCH)
        if not rows:
            break
        pushed += pushed_each(db, rows, partial(hub.push_checkins, conn), "checkin",
                              lambda row: str(row[1][0]))
        # The hub has them (committed): only now does the watermark move.
        link.pushed = rows[-1][0]
        if not lazy or len(rows) == BATCH:
            _keep_watermark(db, link)
    if lazy and link.pushed and time.monotonic() - link.kept_at > KEEP_EVERY_S and \
            link.pushed > int(state.get(db, state.PUSHED, "0") or 0):
        _keep_watermark(db, link)
    return pushed


def _push_kind(db: Database, conn: Any, desk_id: str, kind: str,
               read: Callable[[Database, str, int, int], list[Any]]) -> int:
    """Push this desk's events of one kind after its watermark, moving the watermark as
    the hub takes each batch."""
    pushed = 0
    name = state.pushed_name(kind)
    while True:
        after = int(state.get(db, name, "0") or 0)
        rows = read(db, desk_id, after, BATCH)
        if not rows:
            return pushed
        pushed += pushed_each(db, rows, partial(hub.push_events, conn, kind), kind,
                              lambda row: str(row[1]))
        with atomic(db):
            state.put(db, name, str(rows[-1][0]))


def _events_of(kind: str, db: Database, desk_id: str, after: int, limit: int) -> list[Any]:
    return state.events_to_push(db, kind, desk_id, after, limit)


def _push_events(db: Database, conn: Any, desk_id: str) -> int:
    """New delegates first, then their badges, then edits, then the changed rows of the
    shared tables (check-ins come after)."""
    pushed = _push_kind(db, conn, desk_id, state.CREATED, state.created_to_push)
    for kind in state.KINDS:
        pushed += _push_kind(db, conn, desk_id, kind, partial(_events_of, kind))
    pushed += _push_kind(db, conn, desk_id, state.EDIT, state.edits_to_push)
    return pushed + rows.push(db, conn, desk_id)  # the programme, lists, roster …


def _keep_watermark(db: Database, link: Link) -> None:
    with atomic(db):
        state.put(db, state.PUSHED, str(link.pushed))
    link.kept_at = time.monotonic()


def status(db: Database, *, desk_id: str, probe: bool = True) -> dict[str, Any]:
    """``url`` (password hidden), ``online``, ``pending``, ``last_sync`` (and since when
    offline, what waits for review)."""
    url = state.get(db, state.URL)
    desk_id = desk_of(db, desk_id)
    online = False
    held: int | None = None
    if url and probe:
        try:
            conn = _open(url)
            hub.require(conn, url)
            try:
                held = hub.held_from(conn, desk_id)
            finally:
                hub.close_quietly(conn)
            online = True
        except (UserError, psycopg.Error):
            online = False
    here = int(db.execute("SELECT count(*) FROM checkin WHERE desk_id = ?",
                          [desk_id]).fetchone()[0])
    return {"url": hub.safe_url(url) if url else "", "online": online,
            "pending": state.pending(db, desk_id),
            "last_sync": state.get(db, state.LAST_SYNC) or None,
            "offline_since": state.get(db, state.OFFLINE_SINCE) or None,
            "review": len(state.reviews(db)), "clock_skew_s": clock_skew(db),
            # What the hub holds of this desk's check-ins against what the file has:
            # "nothing waiting" checked, not assumed (None when not asked or offline).
            "hub_holds": held, "here": here}


def follow(db: Database, *, desk_id: str, every: float, wake: Any, emit: Any,
           clock: Callable[[], float] = time.monotonic) -> None:
    """Rounds until ``wake`` says to stop: a round, then ``emit`` the status (a dict), then
    wait up to ``every`` seconds or until ``wake(timeout)`` returns True (something to
    send now); ``wake`` returning None means stop. Errors are emitted, not raised: the
    next round tries again. ``clock`` is monotonic seconds (a test's own)."""
    link = Link()
    desk_id = desk_of(db, desk_id)
    misses = 0  # rounds in a row without the hub: wait longer each time (a poke still
    # asks for a round at once), rather than knock at a dead hub every few seconds
    while True:
        began = clock()
        try:
            report = sync_once(db, desk_id=desk_id, link=link)
            found = status(db, desk_id=desk_id, probe=False)
            emit({**found, **report.as_dict()})
            misses = 0 if report.online else misses + 1
        except UserError as exc:
            emit({**status(db, desk_id=desk_id, probe=False), "online": False,
                  "error_template": exc.template, "error_fields": exc.fields})
            misses += 1
        woken = wake(min(every * 2 ** min(misses, 6), max(every, MAX_BACKOFF_S)))
        # Scans in a burst ask for a round each: one a MIN_GAP_S is enough.
        while woken and clock() - began < MIN_GAP_S:
            if wake(MIN_GAP_S - (clock() - began)) is None:
                woken = None
        # And those that came while a long round ran (a slow hub, a big push) are all
        # answered by the next one: taken one a round, they kept the worker busy long
        # after the scans stopped, and its end waited behind them.
        while woken and (queued := wake(0)) is not False:
            if queued is None:
                woken = None
        if woken is None:
            if link.pushed > int(state.get(db, state.PUSHED, "0") or 0):
                _keep_watermark(db, link)  # the window closes: write it down now
            link.drop()
            return
