"""Bugs of the Qt binding that would hurt a desk running for hours, pinned out in
pyproject.toml; these tests fail if a bad version comes back."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    plain = Signal()
    text = Signal(str)


def test_emitting_signals_does_not_leak_references_to_true(qapp) -> None:
    # PySide6 6.12.0 decremented True at every emit(); after ~4,000 scans the
    # interpreter aborted ("bool_dealloc: deallocating True or False").
    emitter = _Emitter()
    got: list[object] = []
    emitter.plain.connect(lambda: got.append(None))
    emitter.text.connect(got.append)
    before = sys.getrefcount(True)
    for _ in range(2000):
        emitter.plain.emit()
        emitter.text.emit("x")
    assert len(got) == 4000
    assert abs(sys.getrefcount(True) - before) < 50
