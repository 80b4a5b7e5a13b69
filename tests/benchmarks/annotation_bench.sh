#!/usr/bin/env bash
# Annotation tools on a 512 × 512 × 400 label map (annotations issue targets): brush dab ≤ 16 ms,
# undo memory of 100 strokes ≤ 200 MB, interpolation across 40 slices ≤ 1 s.
#   cmake --preset release && cmake --build --preset release && tests/benchmarks/annotation_bench.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${BUILD:-$root/build/release}"
out=$("$build/bin/annotation_bench")
f() { /usr/bin/python3 -c "import json,sys; print(round(json.loads(sys.argv[1])[sys.argv[2]], 1))" "$out" "$1"; }
echo "| 512 × 512 × 400 label map | Lumen | reference | target |"
echo "|---|---|---|---|"
echo "| brush dab, 10 mm disc: median / p95 ms | $(f disc_dab_ms_median) / $(f disc_dab_ms_p95) | | ≤ 16 (with re-render) |"
echo "| brush dab, 10 mm ball: median / p95 ms | $(f sphere_dab_ms_median) / $(f sphere_dab_ms_p95) | | ≤ 16 (with re-render) |"
echo "| end of stroke (undo record), median ms | $(f stroke_end_ms_median) | | |"
echo "| undo memory after 100 strokes, MB | $(f undo_mb_100_strokes) | $(f full_copies_mb) as whole-map copies | ≤ 200 |"
echo "| interpolation across a 40-slice gap ($(f interpolated_planes | cut -d. -f1) planes filled), ms | $(f interpolate_ms) | | ≤ 1000 |"
