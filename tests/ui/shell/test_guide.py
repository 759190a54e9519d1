"""The user guide ships with the app and works offline: every page in English and in
Russian, every link and picture there, one page for every screen, and F1 opens the page
of the screen in front, in the desk's language."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from bsm_desk import paths
from bsm_desk.ui.shell.guide import SCREEN_PAGES
from bsm_desk.ui.shell.screen_registry import NAMES

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "packaging"))
import guide_pages  # noqa: E402


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_page_link_and_picture_is_there(lang: str) -> None:
    folder = paths.resource("guide", lang)
    pages = {p.stem for p in folder.glob("*.html")}
    assert pages == {"index", *guide_pages.ORDER}
    for page in pages:
        text = (folder / f"{page}.html").read_text(encoding="utf-8")
        assert "<h1>" in text and f'lang="{lang}"' in text
        for link in re.findall(r'href="([^"]+)"', text):
            assert (folder / link).exists(), (page, link)
        for picture in re.findall(r'src="([^"]+)"', text):
            assert (folder / picture).resolve().exists(), (page, picture)


def test_the_pages_are_what_the_script_writes() -> None:
    """Edited texts without running packaging/guide_pages.py fail here."""
    for lang in ("en", "ru"):
        for page in ["index", *guide_pages.ORDER]:
            shipped = paths.resource("guide", lang, f"{page}.html").read_text(encoding="utf-8")
            assert shipped == guide_pages.page(lang, page), (lang, page)


def test_every_screen_has_its_page() -> None:
    assert set(SCREEN_PAGES) == set(NAMES)
    assert set(SCREEN_PAGES.values()) <= set(guide_pages.ORDER)


def test_f1_opens_the_page_of_the_screen_in_front(window, demo_copy: Path) -> None:  # type: ignore[no-untyped-def]
    from bsm_desk.ui.shell import i18n

    window.open_database(demo_copy)
    window.navigation.setCurrentRow(NAMES.index("roster"))
    window.guide_action.trigger()
    assert window.guide.browser.source().fileName() == "roster.html"
    assert "interpreters' roster" in window.guide.browser.toPlainText()
    assert window.guide_action.shortcut().toString() == "F1"
    i18n.manager().set_language("ru")
    assert "График переводчиков" in window.guide.browser.toPlainText()
    window.navigation.setCurrentRow(NAMES.index("checkin"))
    window.guide_action.trigger()
    assert "/ru/checkin.html" in window.guide.browser.source().toLocalFile()
