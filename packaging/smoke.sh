#!/usr/bin/env bash
# Smoke test of an installed or frozen BSM Desk: every main command once, and the window
# visiting every screen offscreen; fails on any non-zero exit or any traceback.
#
#   packaging/smoke.sh COMMAND...      e.g. packaging/smoke.sh dist/bsm-desk/bsm-desk
#                                           packaging/smoke.sh /tmp/venv/bin/bsm-desk
#
# Runs in a temporary folder with its own BSM_DESK_HOME, away from any checkout, so a
# resource missing from the package (fonts, translations, sounds, icons, the guide)
# shows up here.
set -euo pipefail
[ "$#" -ge 1 ] || { echo "usage: $0 COMMAND..." >&2; exit 2; }
BSM=("$@")
case "${BSM[0]}" in */*) BSM[0]="$(cd "$(dirname "${BSM[0]}")" && pwd)/$(basename "${BSM[0]}")";; esac
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export BSM_DESK_HOME="$WORK/home" QT_QPA_PLATFORM=offscreen
cd "$WORK"
LOG="$WORK/log"
step() {
  echo "smoke: $*"
  if ! "${BSM[@]}" "$@" >>"$LOG" 2>&1; then
    echo "smoke: FAILED: $*" >&2; tail -30 "$LOG" >&2; exit 1
  fi
}
step --version
step demo --db "$WORK/demo.sqlite" --attendance
step badges --db "$WORK/demo.sqlite" --out "$WORK/badges.pdf" --ids 1,2,3
CODE="$("${BSM[@]}" badges --db "$WORK/demo.sqlite" --codes --ids 5 | tail -1 | awk '{print $NF}')"
step checkin --db "$WORK/demo.sqlite" "$CODE"
step export attendance --db "$WORK/demo.sqlite" --out "$WORK/attendance.xlsx"
step export participants --db "$WORK/demo.sqlite" --out "$WORK/participants.pdf" --lang ru
step export programme --db "$WORK/demo.sqlite" --out "$WORK/programme.pdf"
step export speakers --db "$WORK/demo.sqlite" --out "$WORK/speakers.xlsx"
step export roster --db "$WORK/demo.sqlite" --out "$WORK/roster.pdf" --lang ru
step export report --db "$WORK/demo.sqlite" --out "$WORK/report.pdf" --lang ru
step seating plan --db "$WORK/demo.sqlite" --session 1 --lot 2022 --lang ru
step seating nameplates --db "$WORK/demo.sqlite" --session 1 --out "$WORK/plates.pdf" --lang both
step audit verify --db "$WORK/demo.sqlite"
BSM_DESK_VISIT_SCREENS=1 step --db "$WORK/demo.sqlite"
BSM_DESK_LANG=ru BSM_DESK_VISIT_SCREENS=1 step --db "$WORK/demo.sqlite"
# Russian from the package's own translations: a refusal in one Russian line, exit 2.
set +e
SAID="$(BSM_DESK_LANG=ru "${BSM[@]}" info --db "$WORK/missing.sqlite" 2>&1)"; CODE=$?
set -e
echo "$SAID" >>"$LOG"
[ "$CODE" = 2 ] && echo "$SAID" | grep -q "не существует" || {
  echo "smoke: the Russian translation did not load: $SAID" >&2; exit 1; }
# A workbook read back (calamine, a native module the packager must take along): the
# template's header row found, and no delegates under it (exit 2, said so).
step template --db "$WORK/demo.sqlite" --out "$WORK/list.xlsx"
set +e
SAID="$("${BSM[@]}" import --dry-run --db "$WORK/demo.sqlite" "$WORK/list.xlsx" 2>&1)"; CODE=$?
set -e
echo "$SAID" >>"$LOG"
[ "$CODE" = 2 ] && echo "$SAID" | grep -q "header row but no delegates" || {
  echo "smoke: the list's workbook was not read: $SAID" >&2; exit 1; }
for made in badges.pdf attendance.xlsx participants.pdf programme.pdf speakers.xlsx roster.pdf; do
  [ -s "$WORK/$made" ] || { echo "smoke: $made was not written" >&2; exit 1; }
done
if grep -q "Traceback" "$LOG"; then
  echo "smoke: a traceback:" >&2; grep -A20 "Traceback" "$LOG" >&2; exit 1
fi
[ "$(grep -c '^screen shown:' "$LOG")" -ge 18 ] || { echo "smoke: not every screen shown" >&2; exit 1; }
echo "smoke: all good ($(grep -c '^screen shown:' "$LOG") screens shown, English and Russian)"
