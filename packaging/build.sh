#!/usr/bin/env bash
# Build BSM Desk for Linux: a one-folder PyInstaller build (every resource, Qt's xcb,
# multimedia and print plugins, the translations incl. qtbase_ru, fonts, sounds, icons,
# the guide), smoke-tested as frozen, then packed as a tarball with the desktop entry,
# the icon and an install script for the user's menu.
#
#   packaging/build.sh            -> dist/bsm-desk-VERSION-linux-x86_64.tar.gz
#
# Uses the project's .venv (VENV=... to choose another with bsm-desk installed in it).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-.venv}"
PY="$VENV/bin/python"
"$PY" -m pip install -q --require-hashes -r requirements/build.txt  # the locked PyInstaller
VERSION="$("$PY" -c 'import importlib.metadata as m; print(m.version("bsm-desk"))')"
ARCH="$(uname -m)"
rm -rf build/pyinstaller dist/bsm-desk
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
  packaging/bsm-desk.spec
bash packaging/smoke.sh dist/bsm-desk/bsm-desk

STAGE="build/stage/bsm-desk-$VERSION"
rm -rf build/stage && mkdir -p "$STAGE"
cp -a dist/bsm-desk "$STAGE/bsm-desk"
cp packaging/bsm-desk.desktop "$STAGE/bsm-desk.desktop"
cp resources/icons/app.svg "$STAGE/bsm-desk.svg"
cp packaging/linux/install.sh "$STAGE/install.sh"
chmod +x "$STAGE/install.sh"
TARBALL="dist/bsm-desk-$VERSION-linux-$ARCH.tar.gz"
tar -C build/stage -czf "$TARBALL" "bsm-desk-$VERSION"
# The tarball installs and runs for a user: into a scratch home, then --version.
SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT
tar -C "$SCRATCH" -xzf "$TARBALL"
HOME="$SCRATCH/home" sh "$SCRATCH/bsm-desk-$VERSION/install.sh" >/dev/null
test -f "$SCRATCH/home/.local/share/applications/bsm-desk.desktop"
test -f "$SCRATCH/home/.local/share/icons/hicolor/scalable/apps/bsm-desk.svg"
"$SCRATCH/home/.local/bin/bsm-desk" --version
echo "build: $TARBALL ($(du -h "$TARBALL" | cut -f1))"
