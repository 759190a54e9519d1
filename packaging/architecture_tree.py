"""Write the module tree of bsm_desk/ into docs/architecture.md, between its markers,
each module with the first sentence of its docstring. Run it after adding, moving or
renaming a module (a test fails while the tree and the package disagree):

    .venv/bin/python packaging/architecture_tree.py
"""

from __future__ import annotations

import ast
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "architecture.md"
BEGIN, END = "<!-- tree: begin -->", "<!-- tree: end -->"
COLUMN = 30


def _first_sentence(path: Path) -> str:
    try:
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    except (OSError, SyntaxError):
        return ""
    text = " ".join((doc or "").split())
    cut = text.find(". ")
    return text[: cut + 1] if cut > 0 else text


def _entries(folder: Path, indent: int) -> list[tuple[int, str, str]]:
    found: list[tuple[int, str, str]] = []
    for path in sorted(folder.iterdir(), key=lambda p: (p.is_file(), p.name)):
        if path.name == "__pycache__":
            continue
        if path.is_dir() and (path / "__init__.py").exists():
            found.append((indent, path.name + "/", _first_sentence(path / "__init__.py")))
            found.extend(_entries(path, indent + 2))
        elif path.suffix == ".py" and path.name != "__init__.py":
            found.append((indent, path.name, _first_sentence(path)))
    return found


def tree() -> str:
    out = ["```", "bsm_desk/"]
    for indent, name, doc in _entries(ROOT / "bsm_desk", 2):
        head = " " * indent + name
        lines = textwrap.wrap(doc, 88 - COLUMN) or [""]
        if len(head) < COLUMN:
            out.append((head.ljust(COLUMN) + lines[0]).rstrip())
        else:
            out.append(head)
            out.append(" " * COLUMN + lines[0])
        out.extend(" " * COLUMN + line for line in lines[1:])
    out.append("```")
    return "\n".join(out)


def main() -> int:
    text = DOC.read_text(encoding="utf-8")
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    DOC.write_text(text[:start] + "\n" + tree() + "\n" + text[end:], encoding="utf-8")
    print(f"updated {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
