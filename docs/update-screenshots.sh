#!/usr/bin/env bash
# Regenerates the user guide's pictures (docs/images/) from the GUI tests' screenshots: runs the
# GUI suites under Xvfb (unless --no-run: then it takes the last run's), then copies the pictures
# the guide uses, scaled to 1100 px wide and reduced to 256 colours (a few hundred kB in all).
#   docs/update-screenshots.sh [--no-run]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD:-$root/build/release}"
shots="$build/gui-screenshots"
cd "$root"
if [ "${1:-}" != "--no-run" ]; then
    cmake --build --preset release --target ui_tests pacs_gui_tests lumen-ai lumen-cli
    XVFB=()
    [ -n "${DISPLAY:-}" ] || XVFB=(xvfb-run -a -s "-screen 0 1600x1000x24 -noreset")
    "${XVFB[@]}" ctest --preset release -L gui -E RandomWalk >/dev/null
fi
# guide name ← test screenshot
pictures="
demo-mpr 01-demo-mpr
window-level 04-window-level
compare 13-compare
measurement 07-ellipse-roi
pacs-search pacs-search
pacs-priors pacs-priors
pacs-sent pacs-sent
ai-segmentation 30-ai-segmentation
ai-findings 31-ai-findings
ai-uncertainty 32-ai-uncertainty
ai-not-made-for-this-image 33-ai-not-made-for-this-image
ai-result-flagged 34-ai-result-flagged
ai-saliency 35-ai-saliency
findings-reviewed 22-findings-reviewed
painted-and-interpolated 20-painted-and-interpolated
lasso-and-brush 21-lasso-and-brush-outline
ai-corrected 40-ai-corrected
ai-click 46-ai-click-box
training-set 41-training-set
fine-tuning 42-fine-tuning
fine-tune-result 43-fine-tune-result
model-manager 44-model-manager
label-map-from-dcm2niix label-map-from-dcm2niix
rtstruct-imported rtstruct-imported
export-anonymised export-anonymised
recovery-offer 23-recovery-offer"
mkdir -p docs/images
echo "$pictures" | while read -r name shot; do
    [ -n "$name" ] || continue
    [ -f "$shots/$shot.png" ] || { echo "missing $shots/$shot.png: did its GUI test run?"; exit 1; }
    /usr/bin/python3 - "$shots/$shot.png" "docs/images/$name.png" <<'PY'
import sys
from PIL import Image
im = Image.open(sys.argv[1]).convert("RGB")
if im.width > 1100:
    im = im.resize((1100, round(im.height * 1100 / im.width)), Image.LANCZOS)
im.quantize(colors=256, method=Image.MEDIANCUT, dither=Image.NONE).save(sys.argv[2], optimize=True)
PY
done
# Every picture the guide shows exists, and none is left over.
for ref in $(grep -o 'images/[a-z0-9-]*\.png' docs/user-guide.md | sort -u); do
    [ -f "docs/$ref" ] || { echo "docs/user-guide.md shows $ref, which was not made"; exit 1; }
done
du -ch docs/images/*.png | tail -1
