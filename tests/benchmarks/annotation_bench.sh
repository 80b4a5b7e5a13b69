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
echo "| workspace autosave of that map (NIfTI .gz + annotations.json), ms | $(f autosave_ms) | | (a worker thread, not the GUI) |"
echo "| snapshot of the map for the autosave thread (GUI thread), ms | $(f snapshot_ms) | | |"
echo "| interpolation across a 40-slice gap ($(f interpolated_planes | cut -d. -f1) planes filled), ms | $(f interpolate_ms) | | ≤ 1000 |"

# SEG export of a 512 × 512 × 400 label map with 5 segments (target ≤ 2 s), against its CT series.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$build/bin/lumen-cli" synth-ct "$tmp/ct" --size 512 --slices 400 --pixel-spacing 0.7 --slice-spacing 1 >/dev/null
"$build/bin/lumen-cli" convert "$tmp/ct" "$tmp/ct.nii.gz" >/dev/null
/usr/bin/python3 - "$tmp/ct.nii.gz" "$tmp/labels.nii.gz" <<'PY'
import sys, nibabel as nib, numpy as np
ct = nib.load(sys.argv[1])
i, j, k = np.ogrid[:512, :512, :400]
m = np.zeros((512, 512, 400), np.uint8)
for n, (ci, cj, ck, r) in enumerate([(256, 256, 200, 90), (150, 200, 120, 40), (350, 300, 260, 50), (256, 120, 300, 30), (200, 380, 80, 25)]):
    m[(i - ci) ** 2 + (j - cj) ** 2 + ((k - ck) * 1.4) ** 2 < r * r] = n + 1
nib.save(nib.Nifti1Image(m, ct.affine), sys.argv[2])
PY
s=$(date +%s.%N)
"$build/bin/lumen-cli" seg export --labels "$tmp/labels.nii.gz" --source "$tmp/ct" --out "$tmp/seg.dcm" >/dev/null 2>&1
e=$(echo "$(date +%s.%N) - $s" | bc)
echo "| SEG export, 5 segments (lumen-cli, whole process incl. reading the series), s | $(printf %.2f "$e") | | ≤ 2 |"
