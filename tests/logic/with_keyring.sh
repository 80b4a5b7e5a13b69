#!/usr/bin/env bash
# Runs a command with a real desktop keyring: GNOME Keyring's Secret Service in a D-Bus session of
# its own, with its keyring (and HOME) in a temporary folder, never the user's.
#
#   with_keyring.sh COMMAND [ARGS…]
set -euo pipefail
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir -p "$home/run" && chmod 700 "$home/run"
export HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_RUNTIME_DIR="$home/run" LUMEN_EXPECT_KEYRING=1
dbus-run-session -- sh -c 'printf lumen | gnome-keyring-daemon --unlock --components=secrets >/dev/null && "$@"' sh "$@" 2>&1 |
    grep -v "Failed to set fd limit"  # dbus-daemon's warning when not allowed to raise its own limit
