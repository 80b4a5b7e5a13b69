#!/usr/bin/env bash
# The GUI random walk (tests/ui/GuiStressTest.cpp) for longer than CI runs it, over several seeds:
# actions per minute, model runs that ended with a result, and what it found (any PROBLEM line is
# a bug: lost work, a view showing another series, a proposal on the wrong series, undo/redo not
# inverse). Run it under ASan too: BUILD=build/asan.
#   cmake --preset release && cmake --build --preset release && tests/benchmarks/gui_stress.sh
# SECONDS_PER_SEED (default 300) and SEEDS (default "14 15 16") change the run.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${BUILD:-$root/build/release}"
seconds="${SECONDS_PER_SEED:-300}"
XVFB=()
[ -n "${DISPLAY:-}" ] || XVFB=(xvfb-run -a -s "-screen 0 1600x1000x24 -noreset")
echo "| seed | minutes | actions | per minute | model runs with a result / canceled / refused | problems |"
echo "|---|---|---|---|---|---|"
status=0
for seed in ${SEEDS:-14 15 16}; do
    out=$(LUMEN_STRESS_SEED="$seed" LUMEN_STRESS_SECONDS="$seconds" ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}" \
          "${XVFB[@]}" "$build/bin/ui_tests" --gtest_filter='*RandomWalk*' 2>&1) || status=1
    summary=$(grep -m1 "GUI random walk" <<<"$out" || echo "no summary: it crashed")
    runs=$(grep -m1 "model runs:" <<<"$out" | sed -E 's/.*: ([0-9]+) with a result, ([0-9]+) canceled, ([0-9]+) failed.*/\1 \/ \2 \/ \3/')
    problems=$(grep -c "PROBLEM" <<<"$out" || true)
    read -r actions minutes perMinute < <(sed -E 's/.*: ([0-9]+) actions in ([0-9.]+) min \(([0-9]+) per minute\).*/\1 \2 \3/' <<<"$summary")
    echo "| $seed | ${minutes:-?} | ${actions:-?} | ${perMinute:-?} | ${runs:-?} | $problems |"
    grep "PROBLEM" <<<"$out" | sed 's/^ */    /' || true
done
exit $status
