#!/usr/bin/env bash
# The viewer's speed on this machine's software renderer, against the issue's targets and plain
# VTK in the same run: import of a 400-slice 512 x 512 CT with the GUI's event loop watched,
# first image and whole-series load from the database, slice scrolling with a label overlay at
# 512² and 1024² through the Qt path, 3D rotation and still frames, and app start to first paint.
# Prints a Markdown table and writes it as JSON (VIEWER_BENCH_JSON, default BUILD_DIR/viewer_bench.json)
# for tests/benchmarks/compare.sh. VIEWER_BENCH_STALLS=1 also prints each new longest stall as it happens;
# VIEWER_BENCH_ONLY=2d stops after the scrolling measures (for profiling).
#
#   tests/benchmarks/viewer_bench.sh [BUILD_DIR]     (default build/release; RUNS=5 start-ups)
set -euo pipefail
# One X server for everything, so that start-up times do not include Xvfb's.
if [ -z "${DISPLAY:-}" ]; then
    exec xvfb-run -a -s "-screen 0 1920x1200x24" "$0" "$@"
fi
BUILD=${1:-build/release}
RUNS=${RUNS:-5}
WORK=${WORK:-/tmp/lumen-viewer-bench}
for tool in lumen lumen-cli viewer_bench; do
    [ -x "$BUILD/bin/$tool" ] || { echo "missing $BUILD/bin/$tool: cmake --preset release && cmake --build --preset release" >&2; exit 1; }
done

mkdir -p "$WORK"
if [ ! -f "$WORK/ct/IM00400.dcm" ]; then
    rm -rf "$WORK/ct"
    "$BUILD/bin/lumen-cli" synth-ct "$WORK/ct" --slices 400 --size 512 >/dev/null
fi
cat "$WORK"/ct/* > /dev/null  # page cache warm
rm -rf "$WORK/data" "$WORK/config"
export XDG_CONFIG_HOME="$WORK/config"  # no window state or preferences from the user's

TABLE=$(mktemp)
trap 'rm -f "$TABLE"' EXIT
"$BUILD/bin/viewer_bench" "$WORK/ct" "$WORK/data" | tee "$TABLE"

# Start-up: process start to the main window's first paint (flushed to the screen), and to the
# views' first frames, with the database just filled.
shown_times=()
views_times=()
for run in $(seq 0 "$RUNS"); do  # run 0 warms the caches and is not counted
    t0=$(date +%s%3N)
    out=$(LUMEN_DATA_DIR="$WORK/data" "$BUILD/bin/lumen" --startup-time 2>/dev/null)
    shown=$(echo "$out" | awk '/first-paint-epoch-ms/ {print $2}')
    views=$(echo "$out" | awk '/views-epoch-ms/ {print $2}')
    [ -n "$shown" ] && [ -n "$views" ] || { echo "lumen --startup-time printed nothing" >&2; exit 1; }
    [ "$run" -gt 0 ] && shown_times+=($((shown - t0))) && views_times+=($((views - t0)))
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
minimum() { printf '%s\n' "$@" | sort -n | head -1; }
echo "| app start to main window (median of $RUNS; min $(minimum "${shown_times[@]}") ms) | $(median "${shown_times[@]}") ms |  | ≤ 1000 ms |" | tee -a "$TABLE"
echo "| app start to the views' first frames (median of $RUNS; min $(minimum "${views_times[@]}") ms) | $(median "${views_times[@]}") ms |  |  |" | tee -a "$TABLE"

# The same table as JSON (VIEWER_BENCH_JSON, default build dir/viewer_bench.json) for compare.sh.
JSON=${VIEWER_BENCH_JSON:-$BUILD/viewer_bench.json}
/usr/bin/python3 "$(dirname "$0")/bench_table.py" to-json < "$TABLE" > "$JSON"
echo "JSON: $JSON (compare with the committed figures: tests/benchmarks/compare.sh $JSON)" >&2
