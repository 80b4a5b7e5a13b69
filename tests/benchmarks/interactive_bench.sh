#!/usr/bin/env bash
# Interactive segmentation on this machine (issue 18): the bundled interactive-segmenter against the
# classic tool in the same run (confidence-connected region growing, ai/RegionGrowing, from the same
# robot user's clicks), on held-out cases the model never trained on (make_interactive_cases.py's
# test seeds): Dice after 1, 3 and 5 clicks, clicks to Dice 0.85 / 0.90, prompt latency, and the
# session start (model, image, first prompt ready) of `lumen-ai interact`. Prints a Markdown table.
#   tests/benchmarks/interactive_bench.sh [BUILD_DIR] [THREADS] [DEVICE]   (default build/release, 2, cpu)
# MODEL=PKG picks another package than the registry's interactive-segmenter (e.g. a recipe's fresh one).
set -euo pipefail
BUILD=${1:-build/release}
THREADS=${2:-2}
DEVICE=${3:-cpu}
WORK=${WORK:-/tmp/lumen-interactive-bench}
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
ai="$BUILD/bin/lumen-ai"
model="${MODEL:-interactive-segmenter}"
[ -x "$ai" ] || { echo "missing $ai: cmake --preset release && cmake --build --preset release" >&2; exit 1; }
mkdir -p "$WORK"
[ -f "$WORK/cases/interactive_test.json" ] ||
    /usr/bin/python3 "$root/resources/models/recipes/make_interactive_cases.py" "$WORK/cases" --brain 0 --ct 0 --validation 0 > /dev/null
"$ai" eval-interactive --model "$model" --data "$WORK/cases/interactive_test.json" --clicks 5 \
    --threads "$THREADS" --device "$DEVICE" > "$WORK/eval.json"
# Session start: process start, model and image loaded, one click answered (the brain's and the CT's).
starts=()
for image in ibrain29000 ict49000; do
    centre=$(/usr/bin/python3 -c 'import nibabel as n, numpy as np, sys
i = n.load(sys.argv[1]); c = (np.array(i.shape) - 1) / 2; x = i.affine @ np.append(c, 1)
print(f"{-x[0]:.1f}, {-x[1]:.1f}, {x[2]:.1f}")' "$WORK/cases/$image.nii.gz")
    echo "{\"prompts\": [{\"type\": \"point\", \"positive\": true, \"lps_mm\": [$centre]}]}" > "$WORK/prompt.json"
    t0=$(date +%s%3N)
    "$ai" interact --model "$model" --input "$WORK/cases/$image.nii.gz" --prompts "$WORK/prompt.json" \
        --output "$WORK/$image" --threads "$THREADS" --device "$DEVICE" > /dev/null
    starts+=($(( $(date +%s%3N) - t0 )))
done
/usr/bin/python3 - "$WORK/eval.json" "${starts[@]}" "$THREADS" "$DEVICE" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
starts, threads, device = sys.argv[2:4], sys.argv[4], sys.argv[5]
print(f"Interactive segmentation, {device}, {threads} threads, {r['cases']} held-out cases")
print()
print("| objects | n | Lumen Dice @1 / @3 / @5 | region growing @1 / @3 / @5 | Lumen − growing @3 | Lumen clicks to 0.85 / 0.90 (reached) | growing clicks to 0.85 / 0.90 |")
print("|---|---|---|---|---|---|---|")
def row(name, g):
    d, b = g["dice_after_clicks"], g["baseline_region_growing"]["dice_after_clicks"]
    c, cb = g["clicks_to_dice"], g["baseline_region_growing"]["clicks_to_dice"]
    f = lambda c: f"{c['0.85']['mean_clicks']} / {c['0.9']['mean_clicks']} ({c['0.85']['reached']:.0%} / {c['0.9']['reached']:.0%})"
    print(f"| {name} | {g['objects']} | {d[0]:.3f} / {d[2]:.3f} / {d[4]:.3f} | {b[0]:.3f} / {b[2]:.3f} / {b[4]:.3f} | "
          f"{d[2] - b[2]:+.3f} | {f(c)} | {f(cb)} |")
for name, g in sorted(r.get("groups", {}).items()):
    row(name, g)
row("all", r)
l = r["latency_ms"]
print()
print(f"| latency per prompt | p50 {l['p50']:.0f} ms | p95 {l['p95']:.0f} ms | max {l['max']:.0f} ms | {l['prompts']} prompts |")
print(f"| session start to first result (`lumen-ai interact`, process start included) | brain {starts[0]} ms | CT {starts[1]} ms | | |")
PY
