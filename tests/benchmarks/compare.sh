#!/usr/bin/env bash
# Compares a viewer benchmark run (the JSON viewer_bench.sh writes) with the figures committed in
# BENCHMARKS.md (the JSON block after "viewer-bench-baseline"), and flags every measure more than
# 20 % worse (PERCENT=…). Exit status 1 when one is. Same machine class only: the committed
# figures say which.
#
#   tests/benchmarks/compare.sh [RUN.json]     (default build/release/viewer_bench.json)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=${1:-build/release/viewer_bench.json}
[ -f "$RUN" ] || { echo "no $RUN: run tests/benchmarks/viewer_bench.sh first" >&2; exit 2; }
BASE=$(mktemp)
trap 'rm -f "$BASE"' EXIT
# The fenced json block that follows the marker line.
awk '/viewer-bench-baseline/ {found=1; next} found && /^```json/ {inside=1; next} inside && /^```/ {exit} inside {print}' \
    "$HERE/../../BENCHMARKS.md" > "$BASE"
[ -s "$BASE" ] || { echo "BENCHMARKS.md has no viewer-bench-baseline block" >&2; exit 2; }
/usr/bin/python3 "$HERE/bench_table.py" compare "$BASE" "$RUN" "${PERCENT:-20}"
