#!/usr/bin/env bash
# Label maps between tools, on a 300-slice 512x512 CT (150 MiB) with a body outline and five
# organs drawn by nibabel on dcm2niix's NIfTI of it (the label map nnU-Net and MONAI users have):
#   - dataset export of the series + label map (nnU-Net layout, images as dcm2niix writes them)
#     against dcm2niix itself converting the series (-z y), the step it replaces;
#   - the label map read onto the series' grid (a row-flipped reorder) and written as SEG;
#   - RTSTRUCT export (contours of six structures on 300 slices) and import (rasterised back).
# Page cache warm, RUNS runs each (default 3, after one warm-up), median. Prints a Markdown table.
#
#   tests/benchmarks/exchange_bench.sh [BUILD_DIR]
set -euo pipefail
BUILD=${1:-build/release}
RUNS=${RUNS:-3}
WORK=${WORK:-/tmp/lumen-exchange-bench}
CLI=$BUILD/bin/lumen-cli
PY=/usr/bin/python3
[ -x "$CLI" ] || { echo "missing $CLI: cmake --preset release && cmake --build --preset release" >&2; exit 1; }
command -v dcm2niix >/dev/null || { echo "dcm2niix missing: installer/setup.sh" >&2; exit 1; }

mkdir -p "$WORK"
if [ ! -f "$WORK/labels.nii.gz" ]; then
    rm -rf "$WORK/ct" "$WORK/nii" && mkdir -p "$WORK/nii"
    "$CLI" synth-ct "$WORK/ct" --slices 300 --size 512 >/dev/null
    dcm2niix -z y -f ct -o "$WORK/nii" "$WORK/ct" >/dev/null
    "$PY" - "$WORK/nii/ct.nii.gz" "$WORK/labels.nii.gz" <<'PY'
import sys
import nibabel as nib
import numpy as np
img = nib.load(sys.argv[1])
ct = np.asarray(img.dataobj)
i, j, k = np.ogrid[:ct.shape[0], :ct.shape[1], :ct.shape[2]]
labels = np.where(ct > -300, 1, 0).astype(np.uint8)  # body
for value, (ci, cj, ck, r) in enumerate([(200, 250, 150, 60), (330, 240, 140, 45), (256, 200, 200, 30),
                                         (180, 300, 90, 35), (320, 310, 220, 25)], start=2):
    labels[(i - ci) ** 2 + (j - cj) ** 2 + ((k - ck) * 2) ** 2 < r * r] = value
nib.save(nib.Nifti1Image(labels, img.affine), sys.argv[2])
PY
fi
cat "$WORK"/ct/* "$WORK/labels.nii.gz" > /dev/null

measure() {
    local name=$1; shift
    local t0 t1
    t0=$(date +%s%N)
    "$@" > "$WORK/out.$name" 2>&1 || { cat "$WORK/out.$name" >&2; exit 1; }
    t1=$(date +%s%N)
    echo "$name $(( (t1 - t0) / 1000000 ))"
}

: > "$WORK/results"
for run in $(seq 0 "$RUNS"); do
    rm -rf "$WORK/dataset" "$WORK/d2n" "$WORK/rs.dcm" "$WORK/seg.dcm" "$WORK/back.nii.gz" && mkdir -p "$WORK/d2n"
    for line in "$(measure dcm2niix dcm2niix -z y -o "$WORK/d2n" "$WORK/ct")" \
                "$(measure dataset "$CLI" dataset export --out "$WORK/dataset" --case "$WORK/ct" "$WORK/labels.nii.gz")" \
                "$(measure seg "$CLI" seg export --labels "$WORK/labels.nii.gz" --source "$WORK/ct" --out "$WORK/seg.dcm")" \
                "$(measure rtexport "$CLI" rtstruct export --labels "$WORK/labels.nii.gz" --source "$WORK/ct" --out "$WORK/rs.dcm")" \
                "$(measure rtimport "$CLI" rtstruct import "$WORK/rs.dcm" --source "$WORK/ct" --out "$WORK/back.nii.gz")"; do
        [ "$run" -gt 0 ] && echo "$line" >> "$WORK/results"
    done
done

"$PY" - "$WORK/results" "$RUNS" "$WORK" <<'PY'
import os, statistics, sys
import nibabel as nib
import numpy as np
rows = {}
for line in open(sys.argv[1]):
    name, ms = line.split()
    rows.setdefault(name, []).append(int(ms))
med = {k: statistics.median(v) for k, v in rows.items()}
work = sys.argv[3]
a = np.asarray(nib.load(os.path.join(work, "labels.nii.gz")).dataobj)
b = np.asarray(nib.load(os.path.join(work, "back.nii.gz")).dataobj)
# Lumen writes the series' own voxel order: compare after dcm2niix's row flip.
same = a.shape == b.shape and bool((a == b[:, ::-1, :]).all())
print(f"300 x 512 x 512 CT (150 MiB), label map with a body outline and 5 organs made on dcm2niix's NIfTI; {sys.argv[2]} runs each, median")
print()
print("| step | Lumen (s) | dcm2niix (s) | note |")
print("|---|---|---|---|")
print(f"| series + label map → nnU-Net dataset (`dataset export`) | {med['dataset']/1000:.2f} | {med['dcm2niix']/1000:.2f} (series → .nii.gz) | {med['dataset']/med['dcm2niix']:.2f}× dcm2niix, which writes the image only |")
print(f"| label map (row-flipped grid) → DICOM SEG (`seg export`) | {med['seg']/1000:.2f} | | reorder + 6 segments |")
print(f"| label map → RTSTRUCT (`rtstruct export`) | {med['rtexport']/1000:.2f} | | {os.path.getsize(os.path.join(work, 'rs.dcm'))/2**20:.1f} MiB of contours |")
print(f"| RTSTRUCT → label map (`rtstruct import`) | {med['rtimport']/1000:.2f} | | voxel for voxel the same: {same} |")
PY
