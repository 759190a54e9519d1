"""The hub's copy of an event file as a desk writes it on joining (it travels packed)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from bsm_desk.services.hub import event_file


def unpacked(snapshot: bytes) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "copy.sqlite"
        event_file.unpack_to(snapshot, target)
        return target.read_bytes()
