"""The history of delegates: an import's entries carry UUIDs made in bulk, each a
proper random (version 4) UUID, none repeated."""

from __future__ import annotations

import uuid

from bsm_desk.store.history import _uuids


def test_bulk_uuids_are_random_uuids_each_once() -> None:
    made = _uuids(5_000)
    assert len(made) == len(set(made)) == 5_000
    for text in made:
        parsed = uuid.UUID(text)
        assert str(parsed) == text
        assert parsed.version == 4 and parsed.variant == uuid.RFC_4122
    assert _uuids(0) == []
