#!/usr/bin/env bash
# Loading a 400-slice 512x512 16-bit CT series (200 MiB) fully into memory, page cache warm:
# Lumen (`lumen-cli load --timing`) against dcm2niix (to uncompressed NIfTI) and an ITK
# ImageSeriesReader + GDCM reader, interleaved in the same run. Prints a Markdown table.
#
#   tests/benchmarks/load_bench.sh [BUILD_DIR]      (default build/release; RUNS=5 runs each)
set -euo pipefail
BUILD=${1:-build/release}
RUNS=${RUNS:-5}
WORK=${WORK:-/tmp/lumen-load-bench}
CLI=$BUILD/bin/lumen-cli
ITK=$BUILD/bin/itk_series_read
PY=/usr/bin/python3
for tool in "$CLI" "$ITK"; do
    [ -x "$tool" ] || { echo "missing $tool: cmake --preset release && cmake --build --preset release" >&2; exit 1; }
done
command -v dcm2niix >/dev/null || { echo "dcm2niix missing: installer/setup.sh" >&2; exit 1; }

mkdir -p "$WORK"
if [ ! -f "$WORK/ct/IM00400.dcm" ]; then
    rm -rf "$WORK/ct"
    "$CLI" synth-ct "$WORK/ct" --slices 400 --size 512 >/dev/null
fi
cat "$WORK"/ct/* > /dev/null  # page cache warm

# One run of a command: wall time (ms) and peak resident memory (KB), plus its stdout.
measure() {
    local name=$1; shift
    local t0 t1
    t0=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$WORK/rss" "$@" > "$WORK/out.$name" 2>&1
    t1=$(date +%s%N)
    echo "$name $(( (t1 - t0) / 1000000 )) $(cat "$WORK/rss") $(head -c 400 "$WORK/out.$name" | tr -d '\n ' | grep -o '^{.*}' || echo '{}')"
}

: > "$WORK/results"
for run in $(seq 0 "$RUNS"); do  # run 0 warms memory and caches and is not counted
    rm -rf "$WORK/nii" && mkdir -p "$WORK/nii"
    for line in "$(measure lumen "$CLI" load "$WORK/ct" --timing)" \
                "$(measure dcm2niix dcm2niix -z n -o "$WORK/nii" "$WORK/ct")" \
                "$(measure itk "$ITK" "$WORK/ct")"; do
        [ "$run" -gt 0 ] && echo "$line" >> "$WORK/results"
    done
done

"$PY" - "$WORK/results" "$RUNS" <<'PY'
import json, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, ms, rss, js = line.split(" ", 3)
    rows.setdefault(name, []).append((int(ms), int(rss) / 1024, json.loads(js or "{}")))
volume_mb = 512 * 512 * 400 * 2 / 2**20
lumen = statistics.median(ms for ms, _, _ in rows["lumen"])
print(f"400 x 512 x 512 int16 CT, {volume_mb:.0f} MiB, page cache warm, {sys.argv[2]} runs each (median; min)")
print()
print("| tool | wall time (s) | vs Lumen | peak memory (MB) | memory / volume |")
print("|---|---|---|---|---|")
names = {"lumen": "Lumen `lumen-cli load`", "dcm2niix": "dcm2niix -z n", "itk": "ITK ImageSeriesReader + GDCM"}
for name in ("lumen", "dcm2niix", "itk"):
    ms = [m for m, _, _ in rows[name]]
    rss = max(r for _, r, _ in rows[name])
    med = statistics.median(ms)
    print(f"| {names[name]} | {med / 1000:.3f} ({min(ms) / 1000:.3f}) | {med / lumen:.1f}x | {rss:.0f} | {rss / volume_mb:.2f} |")
inner = [j for _, _, j in rows["lumen"] if j]
if inner:
    print()
    print("Lumen inside the process (median): index %.0f ms, decode %.0f ms, total %.0f ms, %.0f MB/s" % tuple(
        statistics.median(j[k] for j in inner) for k in ("index_ms", "decode_ms", "total_ms", "mb_per_s")))
budget = 1.2 * volume_mb + 100
print(f"Targets: full volume in memory <= 0.20 s; peak memory <= 1.2 x volume + 100 MB = {budget:.0f} MB")
PY
