#!/usr/bin/env bash
# Installs the Debian package as a hospital's IT would (apt-get install ./lumen_*.deb), checks that
# the installed Lumen works from /usr with no build tree around, then removes it.
# Root only (installer/test.sh runs it last):  installed_package_test.sh build/package/lumen_X_amd64.deb
set -euo pipefail
deb=$(realpath "$1")
work=$(mktemp -d)
cleanup() {
    DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq lumen >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
XVFB=()
[ -n "${DISPLAY:-}" ] || XVFB=(xvfb-run -a -s "-screen 0 1600x1000x24 -noreset")

echo "== apt-get install $(basename "$deb")"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >/dev/null
# A user of its own: nothing from the developer's home or data folder leaks in.
export HOME="$work/home"
unset XDG_DATA_HOME XDG_CONFIG_HOME LUMEN_DATA_DIR LUMEN_BUNDLED_MODELS LUMEN_AI LUMEN_PACS_SERVERS
mkdir -p "$HOME"
cd "$work"  # not the source tree: the installed files must be found relative to /usr/bin

[ "$(command -v lumen)" = /usr/bin/lumen ] || { echo "lumen is not /usr/bin/lumen"; exit 1; }
/usr/bin/lumen-cli --version
/usr/bin/lumen-ai --version
env -u DISPLAY /usr/bin/lumen --version 2>/dev/null

echo "== lumen-ai models list"
/usr/bin/lumen-ai models list
/usr/bin/lumen-ai models list --json > models.json
/usr/bin/python3 - models.json <<'PY'
import json, sys
models = {m["name"]: m["path"] for m in json.load(open(sys.argv[1]))}
for name in ("brain-structures", "lesion-detector", "lesion-classifier"):
    assert models.get(name, "").startswith("/usr/share/lumen/models/"), f"{name}: {models.get(name)}"
PY

echo "== lumen-ai infer brain-structures on the demo brain"
/usr/bin/lumen-ai infer --quiet --model brain-structures --input /usr/share/mricron/templates/ch2.nii.gz \
    --output "$work/brain" --threads 2
[ -s "$work/brain.seg.nii.gz" ] || { echo "no segmentation written"; exit 1; }
/usr/bin/python3 - "$work/brain.seg.nii.gz" <<'PY'
import sys, nibabel, numpy
labels = numpy.unique(numpy.asarray(nibabel.load(sys.argv[1]).dataobj))
assert set(labels.tolist()) == {0, 1, 2, 3}, f"labels {labels}"
print("segmentation labels", labels.tolist())
PY

echo "== lumen --demo --screenshot"
"${XVFB[@]}" /usr/bin/lumen --demo --screenshot "$work/demo.png" >/dev/null 2>&1
/usr/bin/python3 -c "from PIL import Image; im = Image.open('$work/demo.png'); assert im.size[0] > 800, im.size; print('screenshot', im.size)"

echo "== desktop integration as installed"
for f in /usr/share/applications/org.lumenviewer.Lumen.desktop /usr/share/metainfo/org.lumenviewer.Lumen.metainfo.xml \
         /usr/share/mime/packages/lumen.xml /usr/share/icons/hicolor/scalable/apps/lumen.svg \
         /usr/share/icons/hicolor/48x48/apps/lumen.png /usr/share/man/man1/lumen.1.gz /usr/share/man/man1/lumen-ai.1.gz \
         /usr/share/man/man1/lumen-cli.1.gz /usr/share/doc/lumen/copyright; do
    [ -s "$f" ] || { echo "missing: $f"; exit 1; }
done
if [ -x /usr/bin/update-mime-database ]; then  # shared-mime-info's trigger has run on install
    grep -q "image/x-nifti" /usr/share/mime/globs2 || { echo "NIfTI is not a known MIME type after install"; exit 1; }
fi

echo "== apt-get remove lumen"
DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq lumen >/dev/null
[ ! -e /usr/bin/lumen ] && [ ! -e /usr/share/lumen/models ] || { echo "files left after removal"; exit 1; }
echo "installed package: ok"
