#!/bin/sh
# Install BSM Desk for this user: the app in ~/.local/share/bsm-desk, the command in
# ~/.local/bin, the menu entry and its icon. Run it from the unpacked tarball; run it
# again to update. To remove: rm -r ~/.local/share/bsm-desk ~/.local/bin/bsm-desk
# ~/.local/share/applications/bsm-desk.desktop
# ~/.local/share/icons/hicolor/scalable/apps/bsm-desk.svg
set -eu
HERE="$(cd "$(dirname "$0")" && pwd)"
APP="$HOME/.local/share/bsm-desk"
mkdir -p "$HOME/.local/bin" "$HOME/.local/share/applications" \
  "$HOME/.local/share/icons/hicolor/scalable/apps"
rm -rf "$APP.new" && cp -a "$HERE/bsm-desk" "$APP.new"
rm -rf "$APP" && mv "$APP.new" "$APP"
ln -sf "$APP/bsm-desk" "$HOME/.local/bin/bsm-desk"
sed "s|^Exec=.*|Exec=\"$APP/bsm-desk\" %f|" "$HERE/bsm-desk.desktop" \
  > "$HOME/.local/share/applications/bsm-desk.desktop"
cp "$HERE/bsm-desk.svg" "$HOME/.local/share/icons/hicolor/scalable/apps/bsm-desk.svg"
command -v update-desktop-database >/dev/null 2>&1 && \
  update-desktop-database "$HOME/.local/share/applications" >/dev/null 2>&1 || true
echo "BSM Desk installed: $APP (menu: Office → BSM Desk; command: bsm-desk)"
