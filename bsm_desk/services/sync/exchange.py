"""Several desks, one event: each desk keeps its own SQLite file and exchanges its
events with a PostgreSQL hub on the venue LAN.

One round (``sync_once``): push this desk's new check-ins (upload first, as pretixSCAN
does; the hub ignores any it already has, so a retry after a lost answer doubles
nothing), then pull the others' in the hub's order. The watermarks move only after the
hub has answered, in the desk's own transaction: a desk killed between the two pushes
again what it had pushed, and nothing more happens. A scan never waits for any of it.

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
from pathlib import Path
from typing import Any

import psycopg
from sqlite_utils import Database

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.services.operators import Acting, Permission, requires
from bsm_desk.services.sync import continuity, enrolment, event_file, pulling, rows, tls, transit
from bsm_desk.services.sync.clock import clock_skew, note_clock
from bsm_desk.services.sync.connection import (
    KEYRING_SERVICE,  # noqa: F401 - its name, as the tests and docs know it
    REFUSED,
    keyring_password,
    open_hub,
    said,
    store_password,
)
from bsm_desk.services.sync.connection import remember as _remember
from bsm_desk.services.sync.continuity import (
    HUB_CHANGED,
    TWO_FILES,
    WENT_BACK,
    desk_of,
    desk_of_file,
    forget_hub,
)
from bsm_desk.services.sync.event_file import NO_EVENT
from bsm_desk.services.sync.pulling import review
from bsm_desk.services.sync.pushing import BATCH, pushed_each
from bsm_desk.store import atomic, hub, shared
from bsm_desk.store import event as event_store
from bsm_desk.store import sync as state
from bsm_desk.store.db import block_floor

_open = open_hub  # the name the round uses

NO_HUB = QT_TRANSLATE_NOOP("UserError", "This event file has no hub: run bsm-desk hub init or "
                                        "hub join first.")
EMPTY_HUB = QT_TRANSLATE_NOOP("UserError", "The hub at {url} holds no event yet: run bsm-desk "
                                           "hub init on the first desk.")
EXISTS = QT_TRANSLATE_NOOP("UserError", "{path} exists already: choose a new file to join "
                                        "into.")
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


@requires(Permission.EVENT_SETTINGS)
def init_hub(db: Database, url: str, *, who: Acting, desk_name: str = "",
             authority: bytes | None = None) -> SyncReport:
    """Make (or bring up to date) the hub's schema, publish this desk's event file as the
    one others join from, and exchange a first round. ``authority``: the hub's own
    certificate authority (DER, services/sync/tls.py): this desk, and every desk enrolled
    from it, then reach the hub over TLS pinned to it."""
    event = event_store.required(db, NO_EVENT)
    if authority is not None and not tls.is_socket(hub.without_password(url)):
        url = tls.pinned(url, tls.pin_file(event.code, authority))
    conn = _open(url)
    transit.ensure_key(db)  # the desks' key: in enrolment codes, never on the hub
    try:
        with said(url):
            hub.migrate(conn, url)
            hub.make_desk_role(conn)
            identity = hub.identity(conn)
            if state.get(db, state.HUB_ID) not in ("", identity):  # a hub made again
                forget_hub(db)  # everything this desk holds goes to the new one
            hub.publish(conn, event.code, event_file.snapshot(db), who.desk_id, url)
            block = hub.claim_block(conn, who.desk_id, publisher=True)
            hub.seen(conn, who.desk_id, desk_name or who.desk_name)
    finally:
        hub.close_quietly(conn)
    _remember(db, url)
    with atomic(db):
        state.put(db, state.ID_BLOCK, str(block))
        state.put(db, state.HUB_ID, identity)
        state.put(db, state.DESK_ID, who.desk_id)
    return sync_once(db, desk_id=who.desk_id)


@requires(Permission.EVENT_SETTINGS)
def adopt(db: Database, *, who: Acting, code: str | None = None) -> SyncReport:
    """This event's hub was made again (or moved): this desk takes the hub now at its
    address as its own, sends it everything and takes everything from it. ``code``: a
    new enrolment code for this desk (a hub made again knows no desk), whose address,
    login and keys replace the ones this desk kept."""
    if code:
        fields = enrolment.read_code(code)
        event = event_store.required(db, NO_EVENT)
        if fields["event"] != event.code:
            raise UserError(enrolment.WRONG_EVENT, code=fields["event"], held=event.code)
        _remember(db, enrolment.url_of(fields))
        if fields.get("hk") is not None:
            transit.keep_key(db, fields["hk"])
    url = state.get(db, state.URL)
    if not url:
        raise UserError(NO_HUB)
    desk_id = desk_of(db, who.desk_id)
    event = event_store.required(db, NO_EVENT)
    conn = _open(url)
    try:
        with said(url):
            hub.require(conn, url)
            held = hub.event_code(conn)
            if held is not None and held != event.code:
                raise UserError(hub.OTHER_EVENT, url=hub.safe_url(url), hub=held,
                                local=event.code)
            identity = hub.identity(conn)
            forget_hub(db)
            mine = state.get(db, state.ID_BLOCK)
            if held is None:  # made again and empty: this desk's event is its first
                hub.publish(conn, event.code, event_file.snapshot(db), desk_id, url)
                block = hub.claim_block(conn, desk_id, publisher=True)
            elif mine.isdigit():  # its own block back: the old hub gave it to no other
                block = hub.block_back(conn, desk_id, int(mine), block_floor(db))
            else:
                block = hub.new_block(conn, desk_id, block_floor(db))
            hub.seen(conn, desk_id, "")
    finally:
        hub.close_quietly(conn)
    with atomic(db):
        state.put(db, state.ID_BLOCK, str(block))
        state.put(db, state.HUB_ID, identity)
    return sync_once(db, desk_id=desk_id)


def republish_after_sealing(db: Database, *, desk_id: str) -> bool:
    """The event's personal data was just sealed: the copy new desks join from must not
    keep it in clear. Replaced on the hub now if it can be reached, else at the next
    round (the desk notes it). False if it is still to do."""
    if not state.get(db, state.URL):
        return True
    with atomic(db):
        state.put(db, state.REPUBLISH, "1")
        state.put(db, state.RESEAL, "1")
    try:
        report = sync_once(db, desk_id=desk_id)
    except UserError:
        return False
    return report.online and state.get(db, state.REPUBLISH) not in ("1",
                                                                     event_file.REFUSED)


def hub_copy_to_seal(db: Database) -> bool:
    """Whether the hub's copy and record of delegates wait for this desk's data key (it
    published the event, and the key came from the desk that sealed it)."""
    return state.get(db, state.RESEAL) == "1"


def seal_hub_copy(path: str | Path, *, desk_id: str) -> SyncReport:
    """One exchange on a connection of its own, in the process that holds the data key
    (the window's sync worker, a process of its own, does not)."""
    from contextlib import closing

    from bsm_desk.store import connect

    with closing(connect(path)) as db:
        return sync_once(db, desk_id=desk_id)


def join(url: str, path: str | Path, *, desk_id: str, desk_name: str = "",
         event_code: str | None = None, hub_key: bytes | None = None) -> SyncReport:
    """A new desk's event file, made from the hub's in one step, then caught up.
    ``event_code``, ``hub_key``: the event an enrolment code named (the hub must hold
    it) and the desks' key it carried (transit.py)."""
    from bsm_desk.store import connect

    path = Path(path)
    if path.exists():
        raise UserError(EXISTS, path=str(path))
    conn = _open(url)
    try:
        with said(url):
            hub.require(conn, url)
            found = hub.event_file(conn)
            if found is None:
                raise UserError(EMPTY_HUB, url=hub.safe_url(url))
            if event_code is not None and found[0] != event_code:
                raise UserError(enrolment.WRONG_EVENT, code=event_code, held=found[0])
            block = hub.claim_block(conn, desk_id, publisher=False)
            hub.seen(conn, desk_id, desk_name)
            identity = hub.identity(conn)
    finally:
        hub.close_quietly(conn)
    _code, snapshot = found
    partial = path.with_name(path.name + ".part")
    partial.parent.mkdir(parents=True, exist_ok=True)
    partial.write_bytes(snapshot)
    partial.replace(path)
    db = connect(path)
    try:
        with atomic(db):
            for name in (state.PUSHED, state.PULLED, state.LAST_SYNC):
                state.clear(db, name)
            # The snapshot's events are the publisher's: this desk has none to push.
            top = db.execute("SELECT coalesce(max(rowid), 0) FROM checkin").fetchone()[0]
            state.put(db, state.PUSHED, str(top))
            state.clear(db, state.PULLED_EVENTS)
            state.clear(db, state.OFFLINE_SINCE)
            state.clear(db, state.REPUBLISH)  # the publisher's, not this desk's to do
            state.clear(db, state.RESEAL)
            db.execute("DELETE FROM sync_review")
            for kind in state.KINDS:
                top = db.execute(f"SELECT coalesce(max(rowid), 0) FROM {kind}").fetchone()[0]
                state.put(db, state.pushed_name(kind), str(top))
            top = db.execute("SELECT coalesce(max(rowid), 0) FROM delegate_history").fetchone()
            state.put(db, state.pushed_name(state.EDIT), str(top[0]))
            state.put(db, state.pushed_name(state.CREATED), str(top[0]))
            state.put(db, state.ID_BLOCK, str(block))
            state.put(db, state.HUB_ID, identity)
            state.put(db, state.DESK_ID, desk_id)
            state.clear(db, state.RESTORED)
            state.clear(db, state.EPOCH)  # the publisher's: this file takes its own
        if hub_key is not None:  # the operators' secrets, sealed in the hub's copy
            transit.keep_key(db, hub_key)
            transit.open_copy(db, hub_key)
        with atomic(db):
            shared.baseline(db)  # the snapshot's rows are the hub's: none to send
        _remember(db, url)
        return sync_once(db, desk_id=desk_id)
    finally:
        db.close()


def hub_address(db: Database) -> str:
    """The hub this event's desk exchanges with ("" if none)."""
    return state.get(db, state.URL)


def probe(url: str) -> str | None:
    """Reach a hub at ``url`` (UserError in words if it cannot be): the event code of the
    hub's event, "" for a hub with none yet, None for a server that is not a hub yet."""
    conn = hub.connect(url)
    try:
        if not hub.version(conn):
            return None
        return hub.event_code(conn) or ""
    finally:
        hub.close_quietly(conn)


def role_sql(database: str) -> list[str]:
    """The SQL a database owner runs to make the hub's roles (``hub role-sql``)."""
    return list(hub.role_sql(database))


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
        if woken is None:
            if link.pushed > int(state.get(db, state.PUSHED, "0") or 0):
                _keep_watermark(db, link)  # the window closes: write it down now
            link.drop()
            return


__all__ = ["HUB_CHANGED", "TWO_FILES", "WENT_BACK", "Link", "SyncReport", "adopt", "desk_of",
           "desk_of_file", "follow", "forget_hub", "hub_copy_to_seal", "seal_hub_copy",
           "hub_audit_head",
           "init_hub", "join",
           "republish_after_sealing",
           "keyring_password", "review",
           "status", "store_password", "sync_once"]


def join_with_code(code: str, path: str | Path, *, desk_id: str, desk_name: str = "") -> Any:
    """A new desk's event file from the hub an enrolment code names; its password kept by
    the OS keyring or libpq's password file."""
    fields = enrolment.read_code(code)
    joined = join(enrolment.url_of(fields), path, desk_id=desk_id,
                       desk_name=desk_name or fields["name"], event_code=fields["event"],
                       hub_key=fields.get("hk"))
    if fields.get("ek") is not None:
        _keep_event_key(path, fields["ek"])
    return joined


def _keep_event_key(path: str | Path, event_key: bytes) -> None:
    """The event's key from the code, kept on this desk (not in its file) if it is the
    event's: operators can sign in here with no passphrase asked."""
    from contextlib import closing

    from bsm_desk.services.operators import keystore, privacy
    from bsm_desk.store import connect
    from bsm_desk.store import privacy as sealing

    with closing(connect(path)) as db:
        if sealing.protected(db) and sealing.fits(db, event_key):
            keystore.put(db, event_key)
            privacy.unlock(db)
