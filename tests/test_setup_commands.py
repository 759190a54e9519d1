"""The README's two set-up commands are the promise a new user leans on: both install
the locked versions, .ci/run runs the test command exactly as written, and the lock
agrees with the ranges in pyproject.toml."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", setup)


def _locked(name: str) -> dict[str, str]:
    """Package -> pinned version in requirements/NAME.txt (a marker-split package keeps
    every version it is pinned at, joined)."""
    pins: dict[str, set[str]] = {}
    for line in (ROOT / "requirements" / name).read_text(encoding="utf-8").splitlines():
        found = re.match(r"^([A-Za-z0-9_.-]+)==([^ ;\\]+)", line)
        if found:
            key = found[1].lower().replace("_", "-")
            pins.setdefault(key, set()).add(found[2])
    return {key: ",".join(sorted(versions)) for key, versions in pins.items()}


def test_the_readme_has_two_commands_and_both_install_the_lock() -> None:
    app, tests = _readme_commands()
    assert "--require-hashes -r requirements/app.txt" in app and app.endswith("--demo")
    assert "--require-hashes -r requirements/test.txt" in tests
    assert "pip install --no-deps" in app and "pip install --no-deps -e ." in tests
    assert tests.endswith("python -m pytest -n auto")


def test_ci_runs_the_readme_test_command_exactly() -> None:
    _, tests = _readme_commands()
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert tests in lines


def test_every_install_the_project_makes_is_locked() -> None:
    """Nothing the project installs by itself picks versions of its own."""
    for script in ("packaging/build.sh", ".ci/run"):
        text = (ROOT / script).read_text(encoding="utf-8")
        for line in text.splitlines():
            if "pip install" in line and not line.lstrip().startswith("#"):
                assert "--require-hashes -r requirements/" in line or "--no-deps" in line, (
                    script, line)


def test_the_lock_satisfies_pyproject_and_its_files_agree() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {"app.txt": project["dependencies"],
              "test.txt": project["dependencies"] + project["optional-dependencies"]["test"],
              "build.txt": project["dependencies"] + project["optional-dependencies"]["build"]}
    locks = {name: _locked(name) for name in wanted}
    for name, requirements in wanted.items():
        for text in requirements:
            requirement = Requirement(text)
            key = requirement.name.lower().replace("_", "-")
            if requirement.marker and not requirement.marker.evaluate(
                    {"platform_system": "Linux", "sys_platform": "linux"}):
                assert key in locks[name], (name, key)  # locked for its platform too
                continue
            assert key in locks[name], f"{key} is not locked in requirements/{name}"
            for version in locks[name][key].split(","):
                assert requirement.specifier.contains(version, prereleases=True), (
                    name, key, version, str(requirement.specifier))
    shared = set(locks["app.txt"]) & set(locks["test.txt"]) & set(locks["build.txt"])
    for key in shared:
        assert locks["app.txt"][key] == locks["test.txt"][key] == locks["build.txt"][key], key
    assert "pytest-xdist" in locks["test.txt"] and "pytest-randomly" in locks["test.txt"]
