#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Crash recovery, for real: start the app, edit through its actions over
# D-Bus, kill -9 it, start it again, restore, and check that the graph that
# comes back is exactly the one that was being edited.
#
# Usage: recovery.sh SWITCHYARD_BINARY APP_ID

set -euo pipefail

app=$1
app_id=$2
state=$(mktemp -d)
log=$(mktemp)
pid=""
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$state" "$log"' EXIT
export XDG_STATE_HOME="$state"
# The kill -9 below takes the accessibility bus down with it for the rest of
# the session; this test is about files, not about accessibility.
export GTK_A11Y=none
autosave_dir="$state/switchyard/autosave"
app_path="/$(echo "$app_id" | tr . /)"

fail ()
{
  echo "not ok - $*"
  sed 's/^/#   /' "$log"
  exit 1
}

wait_for_window ()
{
  for _ in $(seq 1 200); do
    kill -0 "$pid" 2>/dev/null || fail "the application exited early"
    if gdbus call --session --dest "$app_id" --object-path "$app_path/window/1" \
         --method org.gtk.Actions.List >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.1
  done
  fail "no window within 20 s"
}

activate ()
{
  local path=$1 action=$2 param=$3
  gdbus call --session --dest "$app_id" --object-path "$path" \
    --method org.gtk.Actions.Activate "$action" "$param" '{}' >/dev/null
}

wait_for_autosave ()
{
  for _ in $(seq 1 50); do
    files=("$autosave_dir"/*.swy)
    [ -e "${files[0]}" ] && [ "${#files[@]}" -eq 1 ] && return 0
    sleep 0.1
  done
  fail "no single autosave file appeared in $autosave_dir"
}

echo "1..5"

[ -n "${DISPLAY:-}" ] || { echo "not ok - no X display"; exit 1; }

G_DEBUG=fatal-criticals "$app" >"$log" 2>&1 &
pid=$!
wait_for_window
for type in timer queue counter; do
  activate "$app_path/window/1" add-node "[<'$type'>]"
done
wait_for_autosave
before=$(cat "$autosave_dir"/*.swy)
for type in timer queue counter; do
  grep -q "\"type\": \"$type\"" <<<"$before" || fail "the autosave lacks the $type node"
done
echo "ok 1 - three edits autosaved to $(basename "$autosave_dir"/*.swy)"

kill -9 "$pid"
wait "$pid" 2>/dev/null || true
pid=""
[ -e "$(ls "$autosave_dir"/*.swy)" ] || fail "the autosave did not survive kill -9"
echo "ok 2 - killed with SIGKILL, autosave still there"

G_DEBUG=fatal-criticals "$app" >"$log" 2>&1 &
pid=$!
wait_for_window
echo "ok 3 - restarted"

old=$(ls "$autosave_dir"/*.swy)
activate "$app_path" restore-autosave '[]'
for _ in $(seq 1 50); do
  [ ! -e "$old" ] && [ -n "$(ls "$autosave_dir"/*.swy 2>/dev/null)" ] && break
  sleep 0.1
done
[ ! -e "$old" ] || fail "the old autosave was not taken over"
after=$(cat "$autosave_dir"/*.swy)
[ "$before" = "$after" ] || fail "the restored graph differs from the one before the crash"
echo "ok 4 - restored graph is byte for byte the one being edited"

kill "$pid"
wait "$pid" 2>/dev/null || true
pid=""
if grep -Eq -- '-(CRITICAL|WARNING) \*\*' "$log"; then
  fail "the application printed warnings"
fi
echo "ok 5 - no warnings"
