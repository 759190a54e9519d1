"""The event: what its overview shows (overview.py, re-exported here); a new event made
and a copy saved in making.py, the file in files.py, backups in backups.py, what changed
in it in changes.py — each imported by its own name, so that reading the overview (the
window's first paint) does not load the rest."""

from __future__ import annotations

from bsm_desk.services.event.overview import Overview, overview

__all__ = ["Overview", "overview"]
