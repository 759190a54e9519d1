#!/usr/bin/env bash
# Refresh the locked versions in requirements/ from the ranges in pyproject.toml.
#
#   sh packaging/lock.sh            (or: bash packaging/lock.sh)
#
# pyproject.toml keeps ranges, for people who install the wheel into an environment of
# their own. Everything this project installs itself (the README's two commands, .ci/run,
# the wheel smoke test, packaging/build.sh) installs the exact versions, with their
# hashes, from these files, so a fresh machine gets what CI tested:
#   requirements/app.txt    what the app needs to run
#   requirements/test.txt   the app, the test suite and the checks (ruff, mypy, ...)
#   requirements/build.txt  the app and PyInstaller, for the frozen build
# The three agree on every version they share. One file serves every platform (Linux,
# Windows, macOS; Python 3.11 and newer): markers choose what differs.
#
# Run it when a dependency's range in pyproject.toml changes, or to take newer releases
# on purpose (then run the whole suite, .ci/run, before committing the new files).
#
#   sh packaging/lock.sh --keep     a dependency added or a range changed, every other
#                                   package kept at the version locked now
KEEP=""
if [ "${1:-}" = "--keep" ]; then
  KEEP=1
fi
set -eu
cd "$(dirname "$0")/.."
TOOLS="$(mktemp -d)"
trap 'rm -rf "$TOOLS"' EXIT
python3 -m venv "$TOOLS/venv"
"$TOOLS/venv/bin/pip" install -q "uv==0.13.9"
UV="$TOOLS/venv/bin/uv"
mkdir -p requirements
compile() {
  "$UV" pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes \
    --quiet --custom-compile-command "sh packaging/lock.sh" "$@"
}
if [ -n "$KEEP" ]; then
  # The versions locked now, as constraints (no hashes: a constraint names a version).
  grep -h -E '^[A-Za-z0-9_.-]+(\[[^]]*\])?==' requirements/*.txt | sed 's/ *\\$//' \
    | sort -u > "$TOOLS/kept.txt"
  compile --extra test --extra build -c "$TOOLS/kept.txt" -o "$TOOLS/all.txt"
else
  compile --extra test --extra build -o "$TOOLS/all.txt"
fi
compile --extra test -c "$TOOLS/all.txt" -o requirements/test.txt
compile --extra build -c "$TOOLS/all.txt" -o requirements/build.txt
compile -c "$TOOLS/all.txt" -o requirements/app.txt
echo "lock: requirements/app.txt, test.txt and build.txt refreshed"
