"""Every refusal the application raises is said in the desk's language (issue 28): each
template handed to a UserError (or one of its kinds) is found in the code, must be
marked for translation in the "UserError" context — where ``UserError.message`` looks
it up — and the Russian translation must be there, in Cyrillic, with the same
placeholders. A template marked in another context printed English under --lang ru."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
KINDS = {"UserError", "Refused", "NoKey", "WrongPassphrase", "DatabaseBusy",
         "DatabaseDamaged"}


def _marked(tree: ast.Module) -> dict[str, tuple[str, str]]:
    """NAME -> (context, text) of a module's QT_TRANSLATE_NOOP constants."""
    found = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            call = node.value
            if getattr(call.func, "id", "") == "QT_TRANSLATE_NOOP" and len(call.args) == 2 \
                    and all(isinstance(a, ast.Constant) for a in call.args):
                context, text = (a.value for a in call.args)  # type: ignore[attr-defined]
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        found[target.id] = (str(context), str(text))
    return found


def _raised_templates() -> list[tuple[str, str, str, str]]:
    """(file, constant, context, text) of every constant handed to a UserError."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8"))
             for path in sorted((ROOT / "bsm_desk").rglob("*.py"))}
    everywhere: dict[str, tuple[str, str]] = {}
    for tree in trees.values():
        everywhere.update(_marked(tree))
    used = []
    for path, tree in trees.items():
        own = {**everywhere, **_marked(tree)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name not in KINDS:
                continue
            first = node.args[0]
            constant = getattr(first, "id", getattr(first, "attr", None))
            if constant in own:
                context, text = own[constant]
                used.append((str(path.relative_to(ROOT)), constant, context, text))
    return used


def _russian() -> dict[tuple[str, str], str]:
    import xml.etree.ElementTree as ET

    found = {}
    for context in ET.parse(ROOT / "i18n" / "bsm_desk_ru.ts").getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            found[(name, message.findtext("source", ""))] = message.findtext(
                "translation", "") or ""
    return found


TEMPLATES = _raised_templates()


def test_the_walk_finds_the_refusals() -> None:
    assert len(TEMPLATES) > 150


@pytest.mark.parametrize(("where", "constant", "context", "text"), TEMPLATES,
                         ids=[f"{w}:{c}" for w, c, _, _ in TEMPLATES])
def test_every_refusal_is_translated_where_it_is_looked_up(where: str, constant: str,
                                                           context: str, text: str) -> None:
    assert context == "UserError", f"{where}: {constant} is marked in {context!r}"
    russian = _russian().get(("UserError", text), "")
    words = re.sub(r"\{\w+\}", "", text)
    if re.search("[a-z]", words, re.IGNORECASE):  # "{path}: {reason}" has nothing to say
        assert re.search("[а-яё]", russian, re.IGNORECASE), f"{where}: {constant} untranslated"
    assert set(re.findall(r"\{\w+\}", russian)) == set(re.findall(r"\{\w+\}", text))


def test_a_refusal_prints_in_russian(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from bsm_desk.cli import main

    code = main(["--lang", "ru", "speakers", "--db", str(tmp_path / "none.sqlite"),
                 "--session", "1", "list"])
    err = capsys.readouterr().err
    assert code == 2 and re.search("[а-яё]", err, re.IGNORECASE), err
