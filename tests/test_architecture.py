"""House rules that a machine can check: layering and translations."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "bsm_desk"
sys.path.insert(0, str(ROOT / "packaging"))

import update_translations  # noqa: E402

# SQL as we write it (a keyword in capitals, then what must follow it).
SQL = re.compile(r"\b(SELECT\s+[\w*(]|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|"
                 r"PRAGMA\s+[a-z_]+\s*(\(|=|;|$)|CREATE\s+(TABLE|INDEX|TRIGGER)|DROP\s+TABLE)")


def test_import_linter_contracts_hold() -> None:
    tool = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    result = subprocess.run([tool, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 7 kept, 0 broken" in result.stdout


def _tool(name: str) -> str:
    return shutil.which(name) or str(Path(sys.executable).parent / name)


def test_ruff_is_clean() -> None:
    result = subprocess.run([_tool("ruff"), "check", "."], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean_on_the_whole_package() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "bsm_desk" in (ROOT / "pyproject.toml").read_text() and "no issues" in result.stdout


@pytest.mark.parametrize("layer", ["ui", "cli"])
def test_the_window_and_the_command_line_reach_the_data_only_through_services(
        layer: str) -> None:
    """No import of the store (anywhere in a file), and no SQL in a string: the screens
    and the commands read and write through the services."""
    sql = SQL
    files = list((PACKAGE / layer).rglob("*.py"))
    assert len(files) > 10, f"bsm_desk/{layer} is missing or empty: nothing was checked"
    found = []
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            if any(n == "bsm_desk.store" or n.startswith("bsm_desk.store.") for n in names):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} imports the store")
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and sql.search(node.value):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} holds SQL")
    assert found == []


def test_the_sql_check_would_see_sql() -> None:
    """The check above is not blind: the forms it looks for are the forms we write."""
    sql = SQL
    for text in ("SELECT id FROM delegate", "PRAGMA integrity_check(20)",
                 "UPDATE delegate SET status = ?", "SELECT EXISTS (SELECT 1 FROM data_key)",
                 "PRAGMA user_version"):
        assert sql.search(text), text
    assert not sql.search("Select the delegates to print")
    assert not sql.search("one PRAGMA when nothing did")


@pytest.mark.parametrize("layer", ["domain", "store", "services"])
def test_no_qt_below_ui_even_inside_functions(layer: str) -> None:
    """import-linter sees imports anywhere too; this names the file and line if it breaks."""
    files = list((PACKAGE / layer).rglob("*.py"))
    assert len(files) > 3, f"bsm_desk/{layer} is missing or empty: nothing was checked"
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith(("PySide6", "shiboken6", "bsm_desk.ui")), \
                    f"{path.relative_to(ROOT)}:{node.lineno} imports {name}"


def test_every_string_in_the_code_is_in_the_ts_and_translated() -> None:
    for ts in sorted((ROOT / "i18n").glob("bsm_desk_*.ts")):
        assert update_translations.problems(ts) == []


def test_the_ts_compiles_and_placeholders_survive_translation(tmp_path: Path) -> None:
    import re
    import xml.etree.ElementTree as ET

    from bsm_desk.translations import compile_ts

    ts = ROOT / "i18n" / "bsm_desk_ru.ts"
    compile_ts(ts, tmp_path / "ru.qm")
    assert (tmp_path / "ru.qm").stat().st_size > 1000
    for message in ET.parse(ts).getroot().iter("message"):
        source = message.findtext("source", "")
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        for form in forms:
            assert set(re.findall(r"\{\w+\}", form)) == set(re.findall(r"\{\w+\}", source)), source
            assert ("%n" in form) == ("%n" in source), source


def test_translated_words_are_where_lupdate_finds_them() -> None:
    """lupdate (Python) reads self.tr(...) with the class's name as context, and
    QCoreApplication.translate("Context", "text") with two arguments only. A numerus
    translate(...) and self.tr in a mixin (whose context at run time is another class)
    would ship English in the Russian UI without failing the check above."""
    import ast

    wrong = []
    for path in sorted((ROOT / "bsm_desk").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]:
            uses_tr = any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
                          and n.func.attr == "tr" and isinstance(n.func.value, ast.Name)
                          and n.func.value.id == "self" for n in ast.walk(cls))
            if uses_tr and not cls.bases:
                wrong.append(f"{path.name}: class {cls.name} (no Qt base) calls self.tr")
        for call in [n for n in ast.walk(tree) if isinstance(n, ast.Call)]:
            if isinstance(call.func, ast.Attribute) and call.func.attr == "translate" \
                    and isinstance(call.func.value, ast.Name) \
                    and call.func.value.id == "QCoreApplication" and len(call.args) > 2:
                wrong.append(f"{path.name}:{call.lineno} translate() with a plural form")
    assert wrong == []


def test_every_capability_package_is_in_the_services_contract() -> None:
    """A capability added under services/ must take its place in the layers contract
    (else nothing checks which way its imports go)."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(c for c in config["tool"]["importlinter"]["contracts"]
                    if c["name"].startswith("Service capabilities"))
    named = {m.strip() for layer in contract["layers"] for m in layer.split("|")}
    packages = {f"bsm_desk.services.{p.name}" for p in (PACKAGE / "services").iterdir()
                if (p / "__init__.py").exists()}
    assert len(packages) >= 8
    assert packages == named
    loose = [p.name for p in (PACKAGE / "services").glob("*.py") if p.name != "__init__.py"]
    assert loose == [], f"modules outside any capability package: {loose}"


def test_every_screen_package_is_in_the_ui_contracts() -> None:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    independent = next(c for c in config["tool"]["importlinter"]["contracts"]
                       if c["name"].startswith("Screens of different capabilities"))
    packages = {f"bsm_desk.ui.{p.name}" for p in (PACKAGE / "ui").iterdir()
                if (p / "__init__.py").exists()} - {"bsm_desk.ui.shell", "bsm_desk.ui.widgets"}
    assert len(packages) >= 6
    assert packages == set(independent["modules"])
    loose = [p.name for p in (PACKAGE / "ui").glob("*.py") if p.name != "__init__.py"]
    assert loose == [], f"modules outside any ui package: {loose}"


def test_the_architecture_tree_lists_every_module() -> None:
    """docs/architecture.md's tree is generated (packaging/architecture_tree.py): it must
    be the package as it is, no module missing, none gone."""
    import architecture_tree

    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    start = text.index(architecture_tree.BEGIN) + len(architecture_tree.BEGIN)
    assert text[start:text.index(architecture_tree.END)].strip() == \
        architecture_tree.tree().strip(), "run: python packaging/architecture_tree.py"


def _imports_between_modules() -> dict[str, set[str]]:
    """Module → the package's modules it imports, anywhere in the file (inside functions
    and under TYPE_CHECKING too). ``from package import module`` counts as importing the
    module, not the package."""
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    edges: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                inner = [f"{node.module}.{a.name}" for a in node.names
                         if f"{node.module}.{a.name}" in modules]
                found.update(inner)
                if len(inner) < len(node.names):
                    found.add(node.module)
        edges[name] = {m for m in found if m in modules and m != name}
    return edges


def test_no_two_modules_import_each_other() -> None:
    edges = _imports_between_modules()
    assert len(edges) > 150, "the package was not found: nothing was checked"
    both = sorted({tuple(sorted((a, b))) for a, found in edges.items() for b in found
                   if a in edges.get(b, set())})
    assert both == []


def test_the_import_check_sees_a_pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                      ) -> None:
    """Not blind: two modules of a package that import each other (one under
    TYPE_CHECKING, inside a function) are found."""
    package = tmp_path / "bsm_desk"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from bsm_desk.b import thing\n")
    (package / "b.py").write_text("from typing import TYPE_CHECKING\n"
                                  "if TYPE_CHECKING:\n    from bsm_desk import a\n"
                                  "thing = 1\n")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", package)
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    edges = _imports_between_modules()
    assert "bsm_desk.b" in edges["bsm_desk.a"] and "bsm_desk.a" in edges["bsm_desk.b"]


def test_a_package_init_only_re_exports() -> None:
    """Code lives in modules named for what they do: an ``__init__.py`` holds its
    docstring, imports and ``__all__`` (the package root also its version and name)."""
    inits = list(PACKAGE.rglob("__init__.py"))
    assert len(inits) > 20, "the package was not found: nothing was checked"
    found = []
    for path in inits:
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Import | ast.ImportFrom):
                continue
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
                continue  # the docstring
            if isinstance(node, ast.Assign) and len(node.targets) == 1 \
                    and isinstance(node.targets[0], ast.Name):
                name = node.targets[0].id
                if name == "__all__" or (path.parent == PACKAGE
                                         and name in ("__version__", "APP_NAME")):
                    continue
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []
