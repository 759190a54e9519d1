"""The registry (records.py: delegates and delegations saved, changed, restored); its
reads in queries.py, imports in importer.py, duplicates in duplicates.py."""

from __future__ import annotations

from bsm_desk.services.registry.records import (
    BAD_ISO,
    BAD_SIZE,
    DELEGATION_NAME,
    INVALID,
    NAME_LIMIT,
    NO_DELEGATION,
    NOT_FOUND,
    TYPE_ORDER,
    Changes,
    DelegationSummary,
    cancel,
    change_many,
    cleaned,
    delegate,
    delegation,
    delegation_summary,
    delegations,
    mark_credentials,
    registered_ids,
    restore,
    save_delegate,
    save_delegation,
    set_category,
    typed_value,
)

__all__ = ["BAD_ISO", "BAD_SIZE", "cancel", "change_many", "Changes", "cleaned", "delegate",
           "delegation", "DELEGATION_NAME", "delegation_summary", "delegations",
           "DelegationSummary", "INVALID", "mark_credentials", "NAME_LIMIT",
           "NO_DELEGATION", "NOT_FOUND", "registered_ids", "restore", "save_delegate",
           "save_delegation", "set_category", "TYPE_ORDER", "typed_value"]
