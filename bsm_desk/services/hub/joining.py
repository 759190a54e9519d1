"""A desk's place at the hub: make the hub and publish the event (the first desk),
join it (a new desk's file made from the hub's copy, with or without an enrolment
code), adopt a hub made again or moved, and replace the hub's copy once the personal
data is sealed. Each ends with one round (rounds.py)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.services.event.files import desk_of
from bsm_desk.services.hub import enrolment, event_file, tls, transit
from bsm_desk.services.hub.connection import (
    open_hub,
    said,
)
from bsm_desk.services.hub.connection import remember as _remember
from bsm_desk.services.hub.continuity import (
    forget_hub,
)
from bsm_desk.services.hub.event_file import NO_EVENT
from bsm_desk.services.hub.rounds import NO_HUB, SyncReport, sync_once
from bsm_desk.services.operators import Acting, Permission, requires
from bsm_desk.store import atomic, hub, hub_row_changes
from bsm_desk.store import event as event_store
from bsm_desk.store import hub_desk_state as state
from bsm_desk.store.db import block_floor

if TYPE_CHECKING:
    from sqlite_utils import Database

EMPTY_HUB = QT_TRANSLATE_NOOP("UserError", "The hub at {url} holds no event yet: run bsm-desk "
                                           "hub init on the first desk.")
EXISTS = QT_TRANSLATE_NOOP("UserError", "{path} exists already: choose a new file to join "
                                        "into.")


@requires(Permission.EVENT_SETTINGS)
def init_hub(db: Database, url: str, *, who: Acting, desk_name: str = "",
             authority: bytes | None = None) -> SyncReport:
    """Make (or bring up to date) the hub's schema, publish this desk's event file as the
    one others join from, and exchange a first round. ``authority``: the hub's own
    certificate authority (DER, services/hub/tls.py): this desk, and every desk enrolled
    from it, then reach the hub over TLS pinned to it."""
    event = event_store.required(db, NO_EVENT)
    if authority is not None and not tls.is_socket(hub.without_password(url)):
        url = tls.pinned(url, tls.pin_file(event.code, authority))
    conn = open_hub(url)
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
    conn = open_hub(url)
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
    conn = open_hub(url)
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
    partial = path.with_name(path.name + ".part")
    partial.parent.mkdir(parents=True, exist_ok=True)
    try:
        event_file.unpack_to(found[1], partial)
    except UserError:
        partial.unlink(missing_ok=True)
        raise
    finally:
        found = None  # hundreds of megabytes at a big event: not held while catching up
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
            hub_row_changes.baseline(db)  # the snapshot's rows are the hub's: none to send
        _remember(db, url)
        return sync_once(db, desk_id=desk_id)
    finally:
        db.close()


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
