"""Every test runs with its own BSM Desk home (settings, data, cache) and Qt offscreen."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bsm_desk.services.demo import build_demo  # noqa: E402
from bsm_desk.store import connect  # noqa: E402

DESK = "00000000-0000-4000-8000-00000000d35c"


@pytest.fixture(autouse=True)
def bsm_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("BSM_DESK_HOME", str(home))
    monkeypatch.delenv("BSM_DESK_LANG", raising=False)
    return home


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 700-delegate demo, built once; tests that write must copy it."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo(path, desk_id=DESK)
    return path


@pytest.fixture
def demo_copy(demo_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo.sqlite"
    db = connect(demo_file)
    try:
        from bsm_desk.store import backup_to

        backup_to(db, target)
    finally:
        db.close()
    return target
