"""A desk's life across what happens to its file and its hub: the desk it is (kept in
the file, not only in settings.json), a file that went back in time (a backup restored,
an older copy brought back) taking back from the hub what it had sent, a copy used on a
second computer refused, a hub made again said plainly and, once adopted, sent
everything (the other desks' rows relayed under their own names). Called from each round
(services/hub/__init__.py); the connection to the hub is the round's."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.services.hub import pulling
from bsm_desk.services.hub.pushing import BATCH, pushed_each
from bsm_desk.store import atomic, hub, hub_row_changes
from bsm_desk.store import hub_desk_state as state
from bsm_desk.store.db import block_floor

if TYPE_CHECKING:
    from sqlite_utils import Database

WENT_BACK = QT_TRANSLATE_NOOP("Sync", "This desk's file went back in time (a backup put in "
                                      "its place): {count} of its own records came back "
                                      "from the hub, and its new registrations take ids "
                                      "from a fresh block ({block}).")
TWO_FILES = QT_TRANSLATE_NOOP("UserError", "Another event file now speaks for this desk at "
                                           "the hub (a copy of this file, used on another "
                                           "computer): nothing was sent or taken. Make this "
                                           "computer a desk of its own (an enrolment code "
                                           "from an administrator, hub join); what this "
                                           "file recorded stays in it.")
HUB_CHANGED = QT_TRANSLATE_NOOP("UserError", "The hub at {url} is not the one this desk "
                                             "exchanged with: it was made again, or another "
                                             "one answers at that address. Nothing was sent "
                                             "or taken. If it is this event's new hub, adopt "
                                             "it (bsm-desk hub adopt, or Adopt this hub in "
                                             "the Hub dialog): this desk then sends it "
                                             "everything it holds.")

def forget_hub(db: Database) -> None:
    """This desk's place with a hub, forgotten: everything it recorded is sent again
    (the hub takes each row once) and everything the hub holds is taken again (this desk
    takes each once); rows that travelled are sent again as of their time."""
    with atomic(db):
        for name in (state.PUSHED, state.PULLED, state.PULLED_EVENTS, state.OFFLINE_SINCE,
                     *(state.pushed_name(kind) for kind in (*state.KINDS, state.EDIT,
                                                            state.CREATED))):
            state.clear(db, name)
        hub_row_changes.send_again(db)
        state.put(db, state.RELAY, "1")



def same_hub(db: Database, conn: Any, url: str, link: Any) -> None:
    """The hub answering is the one this desk exchanged with (checked once per
    connection): a hub made again is said plainly, never taken for one that has
    nothing new."""
    if link.hub_id:
        return
    found = hub.identity(conn)
    kept = state.get(db, state.HUB_ID)
    if kept and kept != found and state.get(db, state.RESTORED) == "1":
        # A backup from before the hub was made again, put in place on purpose: the
        # desk had adopted the hub now at its address; it sends it everything again.
        forget_hub(db)
        with atomic(db):
            state.put(db, state.HUB_ID, found)
        kept = found
    if kept and kept != found:
        raise UserError(HUB_CHANGED, url=hub.safe_url(url))
    if not kept:  # a desk from before hubs had an identity
        with atomic(db):
            state.put(db, state.HUB_ID, found)
    link.hub_id = found
    top = hub.blocks_top(conn)  # kept in the file: a hub made again does not know them
    kept_top = state.get(db, "blocks_top")
    if not kept_top.isdigit() or int(kept_top) < top:
        with atomic(db):
            state.put(db, "blocks_top", str(top))


def relay(db: Database, conn: Any, desk_id: str) -> None:
    """After adopting a hub made again: what the other desks had sent the old hub, as
    this desk holds it, goes to the new one too (a desk that cannot adopt, or that lost
    its file, finds it there). Once; the hub takes each row once."""
    if state.get(db, state.RELAY) != "1":
        return
    after = 0
    while rows := state.to_push(db, desk_id, after, BATCH, others=True):
        pushed_each(db, rows, partial(hub.relay_checkins, conn, desk_id), "checkin",
                    lambda row: str(row[1][0]))
        after = rows[-1][0]
    readers: list[tuple[str, Callable[..., list[Any]]]] = [
        (state.CREATED, state.created_to_push),
        *((kind, partial(state.events_to_push, db, kind)) for kind in state.KINDS),
        (state.EDIT, state.edits_to_push)]
    for kind, read in readers:
        after = 0
        while True:
            found = read(desk_id, after, BATCH, others=True) if kind in state.KINDS \
                else read(db, desk_id, after, BATCH, others=True)
            if not found:
                break
            pushed_each(db, found, partial(hub.relay_events, conn, desk_id, kind), kind,
                        lambda row: str(row[1]))
            after = found[-1][0]
    with atomic(db):
        state.clear(db, state.RELAY)


def _own_top(db: Database, desk_id: str) -> int:
    row = db.execute("SELECT coalesce(max(rowid), 0) FROM checkin WHERE desk_id = ?",
                     [desk_id]).fetchone()
    return int(row[0]) if row else 0


def _new_epoch(db: Database, conn: Any, desk_id: str) -> None:
    import uuid

    found = str(uuid.uuid4())
    hub.epoch(conn, desk_id, found, _own_top(db, desk_id), new=True)
    with atomic(db):
        state.put(db, state.EPOCH, found)


def one_file(db: Database, conn: Any, desk_id: str) -> None:
    """One file per desk at the hub: a file that went back (behind its own epoch) is
    marked to recover; a file whose epoch is no longer the desk's is refused."""
    if state.get(db, state.RESTORED) == "1":
        return  # a restore: it recovers, then takes a new epoch
    kept = state.get(db, state.EPOCH)
    if not kept:  # a desk from before epochs: this file is the desk's
        _new_epoch(db, conn, desk_id)
        return
    said = hub.epoch(conn, desk_id, kept, _own_top(db, desk_id))
    if said == "stale":
        raise UserError(TWO_FILES)
    if said == "behind":
        with atomic(db):
            state.put(db, state.RESTORED, "1")


def recover(db: Database, conn: Any, desk_id: str, link: Any) -> tuple[int, int]:
    """A file that went back in time (a backup restored, an older copy brought back by
    hand: the hub holds more of this desk's check-ins than the file does) takes back from
    the hub what it had sent, and a fresh block of ids, so that nothing it recorded is
    lost and no id it gave is given again. Checked once per connection, and at once
    after a restore."""
    restored = state.get(db, state.RESTORED) == "1"
    if not restored and link.checked_own:
        return 0, 0
    link.checked_own = True
    if not restored:
        here = db.execute("SELECT count(*) FROM checkin WHERE desk_id = ?",
                          [desk_id]).fetchone()[0]
        restored = hub.held_from(conn, desk_id) > int(here)
    if not restored:
        return 0, 0
    pulled, refused = pulling.recover_own(db, conn, desk_id)
    block = hub.new_block(conn, desk_id, block_floor(db))
    with atomic(db):
        state.put(db, state.ID_BLOCK, str(block))
    _new_epoch(db, conn, desk_id)  # this file is the desk's now
    with atomic(db):
        state.clear(db, state.RESTORED)
        state.add_review(db, f"went-back-{datetime.now(UTC).isoformat()}", "restored",
                         WENT_BACK, {"count": pulled, "block": block})
    return pulled, refused
