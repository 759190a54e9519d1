"""The LAN hub: desks exchange through a PostgreSQL hub (exchange.py: init, join, adopt,
one round, follow, status); the hub's connection, rows, events, recovery and enrolment
in their own modules."""

from __future__ import annotations

from bsm_desk.services.sync.exchange import (
    EMPTY_HUB,
    EXISTS,
    HUB_CHANGED,
    KEEP_EVERY_S,
    LAST_SYNC_EVERY_S,
    MAX_BACKOFF_S,
    MIN_GAP_S,
    NO_HUB,
    TWO_FILES,
    WENT_BACK,
    Link,
    SyncReport,
    adopt,
    desk_of,
    desk_of_file,
    follow,
    forget_hub,
    hub_address,
    hub_audit_head,
    hub_copy_to_seal,
    init_hub,
    join,
    join_with_code,
    keyring_password,
    probe,
    republish_after_sealing,
    review,
    role_sql,
    seal_hub_copy,
    status,
    store_password,
    sync_once,
)

__all__ = ["adopt", "desk_of", "desk_of_file", "EMPTY_HUB", "EXISTS", "follow",
           "forget_hub", "hub_address", "hub_audit_head", "HUB_CHANGED", "hub_copy_to_seal",
           "init_hub", "join", "join_with_code", "KEEP_EVERY_S", "keyring_password",
           "LAST_SYNC_EVERY_S", "Link", "MAX_BACKOFF_S", "MIN_GAP_S", "NO_HUB", "probe",
           "republish_after_sealing", "review", "role_sql", "seal_hub_copy", "status",
           "store_password", "sync_once", "SyncReport", "TWO_FILES", "WENT_BACK"]
