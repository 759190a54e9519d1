"""Every repository path the README and docs/ name exists: a newcomer who follows one
finds the file (a rename that forgets the docs fails here)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOP = r"(?:bsm_desk|tests|packaging|benchmarks|resources|docs|i18n|requirements|\.ci)"
LAYER = r"(?:ui|services|store|domain|cli)"
GENERATED = {"benchmarks/.cache"}  # made when the benchmarks run, never committed


def _exists(path: Path) -> bool:
    """A file or folder, or ``module.name`` naming something inside module.py."""
    if path.exists():
        return True
    stem, dot, _name = path.name.partition(".")
    return bool(dot) and path.with_name(stem + ".py").exists()


def named_paths() -> list[tuple[str, str]]:
    found = []
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = doc.read_text(encoding="utf-8")
        for link in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
            if not link.startswith(("http:", "https:", "mailto:")):
                found.append((doc.name, str((doc.parent / link).resolve().relative_to(ROOT))))
        for path in re.findall(rf"`({TOP}/[\w./-]+)`", text):
            found.append((doc.name, path.rstrip("/.")))
        for path in re.findall(rf"`({LAYER}/[\w./-]+)`", text):
            found.append((doc.name, "bsm_desk/" + path.rstrip("/.")))
    return found


def test_every_path_the_docs_name_exists() -> None:
    named = named_paths()
    assert len(named) > 50
    missing = [(doc, path) for doc, path in named
               if path not in GENERATED and not _exists(ROOT / path)]
    assert missing == []
