"""Check-in at a desk (desk.py: one service call per scan, the verdict durable before it
is shown)."""

from __future__ import annotations

from bsm_desk.services.checkin.desk import (
    NO_CHECKPOINT,
    NO_DELEGATE,
    NO_EVENT,
    NOTHING_TO_UNDO,
    Desk,
    Verdict,
    check_in,
    checkpoint,
    checkpoints,
    default_checkpoint,
    not_today,
    set_access,
    set_readmit,
)

__all__ = ["check_in", "checkpoint", "checkpoints", "default_checkpoint", "Desk",
           "NO_CHECKPOINT", "NO_DELEGATE", "NO_EVENT", "not_today", "NOTHING_TO_UNDO",
           "set_access", "set_readmit", "Verdict"]
