#!/usr/bin/env bash
# The viewer's speed on this machine's software renderer, against the issue's targets and plain
# VTK in the same run: import of a 400-slice 512 x 512 CT with the GUI's event loop watched,
# first image and whole-series load from the database, slice scrolling with a label overlay at
# 512² and 1024² through the Qt path, 3D rotation and still frames, and app start to first paint.
# Prints a Markdown table. VIEWER_BENCH_STALLS=1 also prints each new longest stall as it happens;
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

"$BUILD/bin/viewer_bench" "$WORK/ct" "$WORK/data"

# Start-up: process start to the main window's first paint, with the database just filled.
times=()
for run in $(seq 0 "$RUNS"); do  # run 0 warms the caches and is not counted
    t0=$(date +%s%3N)
    shown=$(LUMEN_DATA_DIR="$WORK/data" "$BUILD/bin/lumen" --startup-time 2>/dev/null | awk '/first-paint-epoch-ms/ {print $2}')
    [ -n "$shown" ] || { echo "lumen --startup-time printed nothing" >&2; exit 1; }
    [ "$run" -gt 0 ] && times+=($((shown - t0)))
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(echo "$sorted" | sed -n "$(( (${#times[@]} + 1) / 2 ))p")
echo "| app start to main window (median of $RUNS; min $(echo "$sorted" | head -1) ms) | $median ms |  | ≤ 1000 ms |"
