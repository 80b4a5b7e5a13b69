#!/usr/bin/env bash
# AI assist in the viewer on this machine: Run → proposal on screen (worker cold and warm) beside
# `lumen-ai infer` on the same brain (the issue's "warm: ≤ infer + 1 s"), the GUI's longest stall
# during inference and during a fine-tune from the Training panel, and a Run while it trains.
# Prints a Markdown table.
#   tests/benchmarks/ai_assist_bench.sh [BUILD_DIR] [ITERATIONS]   (default build/release, 20)
set -euo pipefail
if [ -z "${DISPLAY:-}" ]; then
    exec xvfb-run -a -s "-screen 0 1920x1200x24" "$0" "$@"
fi
BUILD=${1:-build/release}
ITERATIONS=${2:-20}
WORK=${WORK:-/tmp/lumen-ai-assist-bench}
for tool in ai_assist_bench lumen-ai; do
    [ -x "$BUILD/bin/$tool" ] || { echo "missing $BUILD/bin/$tool: cmake --preset release && cmake --build --preset release" >&2; exit 1; }
done
rm -rf "$WORK" && mkdir -p "$WORK"
export XDG_CONFIG_HOME="$WORK/config"
# AI click's model: the bundled interactive one, else the tests' rule network (the GUI path alone).
if [ ! -d resources/models/interactive-segmenter ] && [ -x "$BUILD/bin/make_interactive_rule_package" ]; then
    "$BUILD/bin/make_interactive_rule_package" "$WORK/data/models/interactive-rule/1.0"
fi
"$BUILD/bin/ai_assist_bench" "$WORK/data" "$ITERATIONS"
# The peer: the same model on the same brain from the command line (process start included).
t0=$(date +%s%3N)
timing=$(LUMEN_DATA_DIR="$WORK/data" "$BUILD/bin/lumen-ai" infer --quiet --model brain-structures@1.0 \
    --input /usr/share/mricron/templates/ch2.nii.gz --output "$WORK/ch2" | tail -1)
t1=$(date +%s%3N)
total=$(echo "$timing" | /usr/bin/python3 -c 'import json,sys; print(round(json.load(sys.stdin)["total_ms"]))')
echo "| \`lumen-ai infer\` on the same brain: total_ms (process wall time) | | $total ms ($((t1 - t0)) ms) | |"
