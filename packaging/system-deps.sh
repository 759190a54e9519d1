#!/bin/sh
# The system libraries Qt 6 (PySide6) needs to open a window on Debian or Ubuntu: the xcb
# platform plugin and its X11 libraries, EGL/OpenGL, fontconfig, and PulseAudio's client
# library for QtMultimedia (verdict sounds, the camera). PyPI's PySide6 brings Qt itself
# but not these. Used by the README's first command and by .ci/run.
#
# Safe to run again: it installs only what is missing. On other systems (Windows, macOS,
# or Linux without apt) it says so and does nothing: there Qt needs nothing more.
set -eu

PACKAGES="libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3
libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4
libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0
libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1
libpulse0 fonts-dejavu-core"

if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg >/dev/null 2>&1; then
    echo "system-deps: no apt-get here; nothing to install (only Debian/Ubuntu need this)."
    exit 0
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then
    SUDO="sudo"
fi

installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"
}

missing=""
for pkg in $PACKAGES; do
    # Ubuntu 24.04 renamed some libraries for the 64-bit time transition (…t64).
    if ! installed "$pkg" && ! installed "${pkg}t64"; then
        missing="$missing $pkg"
    fi
done
if [ -z "$missing" ]; then
    echo "system-deps: Qt's system libraries are all installed."
    exit 0
fi

echo "system-deps: installing$missing"
$SUDO apt-get update -qq
wanted=""
for pkg in $missing; do
    if apt-cache show "$pkg" >/dev/null 2>&1; then
        wanted="$wanted $pkg"
    elif apt-cache show "${pkg}t64" >/dev/null 2>&1; then
        wanted="$wanted ${pkg}t64"
    else
        echo "system-deps: $pkg is not in this system's package lists; skipped" >&2
    fi
done
# shellcheck disable=SC2086 # one word per package
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $wanted \
    >/dev/null
echo "system-deps: done."
