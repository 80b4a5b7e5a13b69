#!/usr/bin/env bash
# One window: with Lumen running, `lumen FILE` (what a double-click in the file manager runs)
# hands FILE to the running window and ends; the running window imports and opens it.
#   one_window_test.sh BIN_DIR        (needs a display: ctest runs under Xvfb)
set -euo pipefail
bin=$(realpath "$1")
file=/usr/share/mricron/templates/ch2.nii.gz
[ -f "$file" ] || { echo "mricron-data missing: skipped"; exit 0; }
work=$(mktemp -d)
first=""
trap '[ -n "$first" ] && kill "$first" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
export LUMEN_DATA_DIR="$work/data" LUMEN_NO_DIALOGS=1  # a data folder of its own: an instance of its own
db="$LUMEN_DATA_DIR/studies.sqlite"
series() { /usr/bin/python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from series').fetchone()[0])" "$db" 2>/dev/null || echo 0; }

"$bin/lumen" > "$work/first.log" 2>&1 &
first=$!
for _ in $(seq 100); do [ -f "$db" ] && break; sleep 0.2; done  # the window is up (it opens the database)
sleep 1
[ "$(series)" = 0 ] || { echo "the database is not empty before the hand-over"; exit 1; }

start=$(date +%s%N)
out=$(cd /tmp && timeout 20 "$bin/lumen" "$file" 2>"$work/second.err") || { echo "the second launch failed: $out"; cat "$work/second.err"; exit 1; }
echo "second launch: $out ($(( ($(date +%s%N) - start) / 1000000 )) ms)"
grep -q "handed over" <<<"$out" || { echo "the second launch did not hand its file over"; exit 1; }

for _ in $(seq 150); do [ "$(series)" -ge 1 ] && break; sleep 0.2; done
[ "$(series)" -ge 1 ] || { echo "the running Lumen did not import the file"; cat "$work/first.log"; exit 1; }
kill -0 "$first" || { echo "the running Lumen ended"; exit 1; }
echo "the running Lumen imported $(series) series"
