#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts the real application on the current X display, waits until its window
# is mapped, takes a screenshot, then quits it through its D-Bus action and
# checks that it exited cleanly and printed no warning or critical.
#
# Usage: smoke.sh SWITCHYARD_BINARY APP_ID SCREENSHOT.png

set -euo pipefail

app=$1
app_id=$2
shot=$3
log=$(mktemp)
trap 'rm -f "$log"' EXIT

fail ()
{
  echo "not ok - $*"
  echo "# app output:"
  sed 's/^/#   /' "$log"
  exit 1
}

echo "1..4"

[ -n "${DISPLAY:-}" ] || { echo "not ok - no X display (run under xvfb-run)"; exit 1; }

G_DEBUG=fatal-criticals "$app" >"$log" 2>&1 &
pid=$!

window=""
for _ in $(seq 1 200); do
  if ! kill -0 "$pid" 2>/dev/null; then
    wait "$pid" || true
    fail "the application exited before mapping a window"
  fi
  # The window is mapped once xwininfo reports it viewable.
  window=$(xwininfo -root -tree 2>/dev/null | awk '/Switchyard"/ { print $1; exit }')
  if [ -n "$window" ] && xwininfo -id "$window" 2>/dev/null | grep -q 'Map State: IsViewable'; then
    break
  fi
  window=""
  sleep 0.1
done
[ -n "$window" ] || { kill "$pid"; fail "no viewable Switchyard window within 20 s"; }
echo "ok 1 - window $window is mapped"

# Give the first frame time to render before the screenshot.
sleep 1
import -window "$window" "$shot" || { kill "$pid"; fail "screenshot failed"; }
size=$(identify -format '%w %h' "$shot")
read -r w h <<<"$size"
[ "$w" -ge 360 ] && [ "$h" -ge 294 ] || { kill "$pid"; fail "screenshot is only ${w}x${h}"; }
echo "ok 2 - screenshot ${w}x${h} saved to $shot"

object_path="/$(echo "$app_id" | tr . /)"
gdbus call --session --dest "$app_id" --object-path "$object_path" \
  --method org.gtk.Actions.Activate quit '[]' '{}' >/dev/null \
  || { kill "$pid"; fail "could not activate app.quit over D-Bus"; }
echo "ok 3 - app.quit activated over D-Bus"

status=0
for _ in $(seq 1 100); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$pid" 2>/dev/null; then
  kill -9 "$pid"
  fail "the application did not quit within 10 s"
fi
wait "$pid" || status=$?
[ "$status" -eq 0 ] || fail "the application exited with status $status"
if grep -Eq -- '-(CRITICAL|WARNING) \*\*|^\(.*\): .*-(CRITICAL|WARNING)' "$log"; then
  fail "the application printed warnings"
fi
echo "ok 4 - exited with status 0 and no warnings"
