"""Finding the compiled translation from a checkout, a wheel or a frozen build."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bsm_desk import paths, translations


@pytest.fixture
def shipped_i18n(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "i18n"
    folder.mkdir()
    monkeypatch.setattr(paths, "shipped", lambda name: folder)
    return folder


def test_the_ts_is_compiled_once_into_the_cache(shipped_i18n: Path) -> None:
    shutil.copy(Path(__file__).parent.parent / "i18n" / "bsm_desk_ru.ts", shipped_i18n)
    first = translations.qm_file("ru")
    assert first is not None and first.parent == paths.cache_dir() / "i18n"
    stamp = first.stat().st_mtime_ns
    assert translations.qm_file("ru") == first
    assert first.stat().st_mtime_ns == stamp


def test_a_frozen_build_uses_its_shipped_qm(shipped_i18n: Path, tmp_path: Path) -> None:
    translations.compile_ts(Path(__file__).parent.parent / "i18n" / "bsm_desk_ru.ts",
                            shipped_i18n / "bsm_desk_ru.qm")
    assert translations.qm_file("ru") == shipped_i18n / "bsm_desk_ru.qm"
    translate = translations.translate_function("ru")
    assert translate("MainWindow", "&File") == "&Файл"


def test_a_stale_qm_is_still_used_when_lrelease_is_missing(
        shipped_i18n: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = Path(__file__).parent.parent / "i18n" / "bsm_desk_ru.ts"
    translations.compile_ts(source, shipped_i18n / "bsm_desk_ru.qm")
    shutil.copy(source, shipped_i18n)
    os.utime(shipped_i18n / "bsm_desk_ru.qm", (1, 1))  # older than the .ts
    monkeypatch.setattr(translations, "lrelease", lambda: None)
    assert translations.qm_file("ru") == shipped_i18n / "bsm_desk_ru.qm"


def test_english_needs_no_translator() -> None:
    assert translations.app_translator("en") is None
    assert translations.translate_function("en")("Cli", "Event") == "Event"
