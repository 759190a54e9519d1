"""Solving a CP-SAT model for several objectives in order, shared by the side-event
allocator and the roster: stages.py."""

from __future__ import annotations

from bsm_desk.services.solving.stages import (
    Cancel,
    Outcome,
    Stage,
    solve_in_order,
    solve_parts_in_order,
    workers,
)

__all__ = ["Cancel", "Outcome", "solve_in_order", "solve_parts_in_order", "Stage", "workers"]
