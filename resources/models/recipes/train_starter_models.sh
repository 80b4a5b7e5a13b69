#!/usr/bin/env bash
# Rebuilds the three starter models in resources/models/ from Debian-shipped data only:
#   installer/setup.sh && cmake --preset release && cmake --build --preset release --target lumen-ai
#   resources/models/recipes/train_starter_models.sh [WORK_DIR]
# Cases: make_brain_cases.py (24 training, 8 validation for checkpoint choice, 24 test for the cards,
# 24 to calibrate the classifier's probabilities on). Architectures:
# ai/networks/script_network.py (untrained, scripted; the classifier starts from the trained detector's
# U-Net, transfer learning); the interactive segmenter's cases: make_interactive_cases.py. Training and
# evaluation: lumen-ai only. About 45 minutes on 2 CPU cores, and 45 more for the interactive segmenter.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
work="${1:-$root/build/starter-models}"
ai="${LUMEN_AI:-$root/build/release/bin/lumen-ai}"
py=/usr/bin/python3
threads="${THREADS:-2}"
mkdir -p "$work"
work="$(cd "$work" && pwd)"
cd "$work"  # the commands below name files relative to it: a model card holds no path of this machine

[ -f "$work/cases/seg_datalist.json" ] || "$py" "$here/make_brain_cases.py" "$work/cases" --train 24 --validation 8 --test 0
[ -f "$work/cases/seg_test.json" ] || "$py" "$here/make_brain_cases.py" "$work/cases" --train 0 --validation 0 --test 24
[ -f "$work/cases/cls_calibration.json" ] || "$py" "$here/make_brain_cases.py" "$work/cases" --train 0 --validation 0 --test 0 --calibration 24
[ -f "$work/cases/interactive_test.json" ] || "$py" "$here/make_interactive_cases.py" "$work/cases"

train() {  # name "arch and script_network options" iterations datalist lumen-ai-train-options...
    local name=$1 net=$2 iterations=$3 data=$4; shift 4
    rm -rf "$name-untrained"
    # shellcheck disable=SC2086
    "$py" "$root/ai/networks/script_network.py" $net --width 8 --seed 1 --out "$name.pt"
    "$ai" package --network "$name.pt" --manifest "$here/$name.json" --out "$name-untrained"
    rm -rf "$name"
    "$ai" train --model "$name-untrained" --data "cases/$data" --out "$name" --version 1.0 \
        --iterations "$iterations" --threads "$threads" --seed 1 "$@"
    if [ "$name" = interactive-segmenter ]; then  # held out: the robot user on objects never trained on
        "$ai" eval-interactive --model "$work/$name" --data "$work/cases/interactive_test.json" --clicks 5 \
            --threads "$threads" > "$work/$name.heldout.json"
        install_model "$name"
        return
    fi
    # Held-out figures, and the same under the standard shifts (the card's "robustness").
    "$ai" eval --shifts --model "$work/$name" --data "$work/cases/${data%_datalist.json}_test.json" --split validation \
        --threads "$threads" > "$work/$name.shifts.json"
    "$py" -c 'import json, sys; j = json.load(open(sys.argv[1])); [j.pop(k) for k in ("shifts", "worst_shift")]
json.dump(j, open(sys.argv[2], "w"), indent=2)' "$work/$name.shifts.json" "$work/$name.heldout.json"
    "$ai" infer --quiet --model "$work/$name" --input /usr/share/mricron/templates/ch2.nii.gz --output "$work/$name-demo" \
        --threads "$threads" > "$work/$name.runtime.json"
    install_model "$name"
    echo "== $name: demo brain $(cat "$work/$name.runtime.json")"
}

install_model() {  # name
    rm -rf "$root/resources/models/$1/1.0"
    mkdir -p "$root/resources/models/$1"
    cp -r "$work/$1" "$root/resources/models/$1/1.0"
    echo "== $1: held-out $(cat "$work/$1.heldout.json" | tr -d '\n ' | head -c 400)"
}

# Scores calibrated on cases of their own (8 validation cases are too few): a temperature, or the
# record of why none was adopted (calibrate exits 1 then, after printing what it measured).
calibrate() {  # name datalist-prefix
    "$ai" calibrate --model "$work/$1" --data "$work/cases/$2_calibration.json" --check "$work/cases/$2_test.json" \
        --threads "$threads" > "$work/$1.calibration.json" || grep -q '"refused"' "$work/$1.calibration.json"
}

# Detector and classifier normalise by z-score: a percentile window clips hyperintense lesions to
# the brightest tissue. MODELS="a b" rebuilds only those.
models="${MODELS:-brain-structures lesion-detector lesion-classifier interactive-segmenter}"
for m in $models; do
    case $m in
        brain-structures) train brain-structures "--arch unet --out-channels 4" 800 seg_datalist.json \
            --batch-size 2 --validate-every 200 --learning-rate 0.003 ;;
        lesion-detector) train lesion-detector "--arch unet --out-channels 4 --heatmap-channels 1" 800 det_datalist.json \
            --batch-size 2 --validate-every 200 --learning-rate 0.003
            calibrate lesion-detector det ;;
        # The classifier's lesion evidence is the detector's heatmap (its U-Net, copied), so the
        # detector must be trained first; lumen-ai then trains the whole network on class labels.
        lesion-classifier) train lesion-classifier "--arch heatmap-classifier --out-channels 2 \
            --from-detector $root/resources/models/lesion-detector/1.0/model.pt" 150 cls_datalist.json \
            --batch-size 2 --validate-every 25 --learning-rate 0.0003
            calibrate lesion-classifier cls ;;
        # Class-agnostic, 6 channels (image, mask, positive and negative clicks, boxes, image on the clicked tissue's scale); batches simulate the
        # user (ai/internal/InteractiveBatch). Brain and CT cases: make_interactive_cases.py.
        interactive-segmenter) train interactive-segmenter "--arch unet --in-channels 6 --out-channels 2" 2400 \
            interactive_datalist.json --batch-size 2 --validate-every 600 --learning-rate 0.003 --lr-schedule poly ;;
    esac
done
"$py" "$here/applicability.py" "$work"  # what the cards let Lumen check before and after a run
"$py" "$here/write_model_cards.py" "$work"
