#!/usr/bin/env bash
# AI engine benchmark: lumen-ai infer against a Python pipeline doing the same work with Debian's
# python3-torch (ai_pipeline.py), same model, same input, same threads, in one run; then one
# training iteration (ai_bench train-step vs ai_train_step.py) and the sliding window's voxel rate.
#   cmake --preset release && cmake --build --preset release
#   RUNS=3 THREADS=2 tests/benchmarks/ai_bench.sh
# MODEL defaults to the bundled brain-structures starter model; INPUT to mricron-data's ch2 brain.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${BUILD:-$root/build/release}"
runs="${RUNS:-3}"
threads="${THREADS:-2}"
model="${MODEL:-$root/resources/models/brain-structures/1.0}"
input="${INPUT:-/usr/share/mricron/templates/ch2.nii.gz}"
py=/usr/bin/python3
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

field() { $py -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "model: $model"
echo "input: $input ($threads threads, $runs runs, $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))"
lw=(); lt=(); ln=(); lpre=(); lpost=(); pw=(); pt=(); pn=()
for r in $(seq "$runs"); do
    s=$(date +%s.%N)
    out=$("$build/bin/lumen-ai" infer --quiet --model "$model" --input "$input" --output "$tmp/lumen" --threads "$threads")
    lw+=("$(echo "$(date +%s.%N) - $s" | bc)"); lt+=("$(field "$out" total_ms)"); ln+=("$(field "$out" network_ms)")
    lpre+=("$(field "$out" preprocess_ms)"); lpost+=("$(field "$out" postprocess_ms)")
    s=$(date +%s.%N)
    out=$($py "$root/tests/benchmarks/ai_pipeline.py" "$model" "$input" "$tmp/python.nii.gz" --threads "$threads")
    pw+=("$(echo "$(date +%s.%N) - $s" | bc)"); pt+=("$(field "$out" total_ms)"); pn+=("$(field "$out" network_ms)")
done
agree=$($py - "$tmp/lumen.seg.nii.gz" "$tmp/python.nii.gz" <<'PY'
import sys, nibabel as nib, numpy as np
a = np.asarray(nib.load(sys.argv[1]).dataobj); b = np.asarray(nib.load(sys.argv[2]).dataobj)
print(f"{(a == b).mean() * 100:.4f} % of {a.size} voxels equal; labelled: Lumen {(a > 0).sum()}, Python {(b > 0).sum()}")
PY
)
LT=$(median "${lt[@]}"); LN=$(median "${ln[@]}"); PT=$(median "${pt[@]}"); PN=$(median "${pn[@]}")
echo
echo "| inference, end to end | Lumen (lumen-ai infer) | Python (python3-torch + scipy) | Lumen / Python |"
echo "|---|---|---|---|"
printf "| process wall time, s (median) | %.2f | %.2f | %.2f |\n" "$(median "${lw[@]}")" "$(median "${pw[@]}")" "$(echo "$(median "${lw[@]}") / $(median "${pw[@]}")" | bc -l)"
printf "| pipeline total, ms | %.0f | %.0f | %.2f |\n" "$LT" "$PT" "$(echo "$LT / $PT" | bc -l)"
printf "| network (forward passes), ms | %.0f | %.0f | |\n" "$LN" "$PN"
printf "| Lumen's preprocess / postprocess, ms | %.0f / %.0f | | |\n" "$(median "${lpre[@]}")" "$(median "${lpost[@]}")"
printf "| non-network share (total − network) / total | %.3f | %.3f | |\n" "$(echo "($LT - $LN) / $LT" | bc -l)" "$(echo "($PT - $PN) / $PT" | bc -l)"
echo "| outputs | $agree | | |"

channels=$($py -c "import json,sys; m=json.load(open(sys.argv[1])); print(len(m['labels']) + (1 if m['task']=='segmentation' else 3))" "$model/model.json")
patch=$($py -c "import json,sys; print(json.load(open(sys.argv[1]))['input']['patch_size'][0])" "$model/model.json")
# Both run the same LibTorch kernels, so a single pair is mostly run-to-run noise: interleave
# RUNS pairs and compare the medians.
ls=(); ps=()
for r in $(seq "$runs"); do
    ls+=("$(field "$("$build/bin/ai_bench" train-step --network "$model/model.pt" --patch "$patch" --batch 2 --out-channels "$channels" --threads "$threads")" ms_per_iteration)")
    ps+=("$(field "$($py "$root/tests/benchmarks/ai_train_step.py" "$model/model.pt" --patch "$patch" --batch 2 --out-channels "$channels" --threads "$threads")" ms_per_iteration)")
done
LS=$(median "${ls[@]}"); PS=$(median "${ps[@]}")
echo
echo "| training iteration (batch 2, ${patch}³, Adam, Dice + CE) | Lumen (LibTorch) | Python | Lumen / Python |"
echo "|---|---|---|---|"
printf "| ms per iteration (median of %s runs × 5 iterations) | %.0f | %.0f | %.2f |\n" "$runs" "$LS" "$PS" "$(echo "$LS / $PS" | bc -l)"

w=$("$build/bin/ai_bench" window --network "$model/model.pt" --size 181,217,181 --patch "$patch" --out-channels "$channels" --threads "$threads")
echo
printf "sliding window on 181×217×181 (%s): %.2f M voxels/s (%s)\n" "$patch³ patches" "$(echo "$(field "$w" voxels_per_s) / 1000000" | bc -l)" "$(field "$w" device)"
