"""The LAN hub: desks exchange through a PostgreSQL hub. joining.py makes, joins and
adopts a hub; rounds.py runs one round and a worker's rounds (and the status); the hub's
connection, rows, events, recovery and enrolment are in their own modules."""

from __future__ import annotations

from bsm_desk.services.event.files import desk_of, desk_of_file, hub_address
from bsm_desk.services.hub.connection import keyring_password, store_password
from bsm_desk.services.hub.continuity import (
    HUB_CHANGED,
    TWO_FILES,
    WENT_BACK,
    forget_hub,
)
from bsm_desk.services.hub.joining import (
    EMPTY_HUB,
    EXISTS,
    adopt,
    hub_copy_to_seal,
    init_hub,
    join,
    join_with_code,
    probe,
    republish_after_sealing,
    role_sql,
    seal_hub_copy,
)
from bsm_desk.services.hub.pulling import review
from bsm_desk.services.hub.rounds import (
    KEEP_EVERY_S,
    LAST_SYNC_EVERY_S,
    MAX_BACKOFF_S,
    MIN_GAP_S,
    NO_HUB,
    Link,
    SyncReport,
    follow,
    hub_audit_head,
    status,
    sync_once,
)

__all__ = ["adopt", "desk_of", "desk_of_file", "EMPTY_HUB", "EXISTS", "follow",
           "forget_hub", "hub_address", "hub_audit_head", "HUB_CHANGED", "hub_copy_to_seal",
           "init_hub", "join", "join_with_code", "KEEP_EVERY_S", "keyring_password",
           "LAST_SYNC_EVERY_S", "Link", "MAX_BACKOFF_S", "MIN_GAP_S", "NO_HUB", "probe",
           "republish_after_sealing", "review", "role_sql", "seal_hub_copy", "status",
           "store_password", "sync_once", "SyncReport", "TWO_FILES", "WENT_BACK"]
