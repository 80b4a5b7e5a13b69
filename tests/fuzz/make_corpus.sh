#!/bin/bash
# Writes the fuzzers' committed seed corpus (tests/fuzz/corpus/<harness>/) and the series the SEG
# and SR seeds refer to (tests/fuzz/data/source/), all small and all made here: lumen-cli's
# synthetic CT in each transfer syntax DCMTK writes, its SEG and SR, a DICOMDIR, the NIfTI, NRRD
# and MetaImage conversions, annotations and label tables, a .seg.nrrd and an RTSTRUCT, an nnU-Net
# dataset.json and a datalist, the starter models' manifests, worker protocol lines, a DICOMweb
# multipart body and a QIDO answer.
# Run it again after a format changes:
#   tests/fuzz/make_corpus.sh [build/release]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build/release}
cli="$build/bin/lumen-cli"
corpus="$here/corpus"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$corpus" "$here/data/source"
mkdir -p "$here/data"
for h in dicom_file dicom_series dicomdir seg sr annotations label_exchange training_set image_file model_manifest worker_protocol multipart qido; do mkdir -p "$corpus/$h"; done
sep=$'\n--LUMEN-FILE--\n'

# The series everything refers to: 16 x 16 x 4 voxels of synthetic CT.
"$cli" synth-ct "$here/data/source" --size 16 --slices 4 --pixel-spacing 8 --slice-spacing 10 >/dev/null
first=$(ls "$here/data/source"/*.dcm | head -1)
cp "$first" "$corpus/dicom_file/explicit-little.dcm"
dcmconv +ti "$first" "$corpus/dicom_file/implicit-little.dcm"
dcmconv +tb "$first" "$corpus/dicom_file/explicit-big.dcm"
dcmconv +td "$first" "$corpus/dicom_file/deflated.dcm"
dcmcrle "$first" "$corpus/dicom_file/rle.dcm"
dcmcjpeg +el "$first" "$corpus/dicom_file/jpeg-lossless.dcm"
dcmcjpls "$first" "$corpus/dicom_file/jpeg-ls.dcm"
files=("$here/data/source"/*.dcm)
{ cat "${files[0]}"; printf '%s' "$sep"; cat "${files[1]}"; printf '%s' "$sep"; cat "${files[2]}"; } > "$corpus/dicom_series/three-slices"

mkdir -p "$work/media" && cp "${files[0]}" "$work/media/IMG0" && cp "${files[1]}" "$work/media/IMG1"
(cd "$work/media" && dcmmkdir --recurse IMG0 IMG1 >/dev/null 2>&1)
{ cat "$work/media/DICOMDIR"; printf '%s' "$sep"; cat "$work/media/IMG0"; printf '%s' "$sep"; cat "$work/media/IMG1"; } > "$corpus/dicomdir/two-images"

# A label map on the series (a 6 x 6 x 2 block), its SEG, and annotations with a measurement.
"$cli" convert "$here/data/source" "$work/ct.nii.gz" >/dev/null
/usr/bin/python3 - "$work" <<'EOF'
import json, sys
import nibabel as nib, numpy as np
work = sys.argv[1]
ct = nib.load(work + "/ct.nii.gz")
labels = np.zeros(ct.shape, np.uint8)
labels[4:10, 4:10, 1:3] = 1
nib.save(nib.Nifti1Image(labels, ct.affine), work + "/labels.nii.gz")
json.dump([{"value": 1, "name": "lesion", "color": [255, 40, 40]}], open(work + "/table.json", "w"))
EOF
"$cli" seg export --labels "$work/labels.nii.gz" --source "$here/data/source" --out "$corpus/seg/lesion.dcm" --label-table "$work/table.json" >/dev/null
cat > "$work/annotations.json" <<'EOF'
{"format":"lumen-annotations","version":1,"series_instance_uid":"","label_map":null,
 "labels":[{"value":1,"name":"lesion","color":[255,40,40,255],"code":{"scheme":"SCT","value":"52988006","meaning":"Lesion"},
            "provenance":{"source":"lesion-detector","model_version":"1.0","author":"","created":"2026-12-07T09:00:00Z","edited_by_user":true,"voxels_added":3,"voxels_removed":1,"edit_seconds":4.5},"proposed":false}],
 "findings":[{"id":1,"class":"lesion","score":0.91,"box_min_mm":[-40,-40,5],"box_max_mm":[-10,-12,25],"status":"accepted",
              "provenance":{"source":"lesion-detector","model_version":"1.0","author":"","created":"2026-12-07T09:00:00Z"}}],
 "classifications":[{"level":"series","class":"lesion","probabilities":[{"class":"lesion","probability":0.8},{"class":"normal","probability":0.2}],
                     "provenance":{"source":"lesion-classifier","model_version":"1.0","author":"","created":"2026-12-07T09:00:00Z"},"reviewed":true}],
 "measurements":[{"id":2,"kind":"length","points_mm":[[-40,-40,10],[-20,-30,10]],"plane_normal":[0,0,1],"plane_right":[1,0,0],"value":22.36,"units":"mm","label":"L1"},
                 {"id":3,"kind":"ellipse","points_mm":[[-40,-40,10],[-20,-30,10]],"plane_normal":[0,0,1],"plane_right":[1,0,0],"value":150.0,"units":"mm2","label":"E1",
                  "statistics":{"mean":40.5,"sd":3.2,"min":20,"max":60,"area_mm2":150.0,"samples":42}}]}
EOF
{ printf '\x00'; cat "$work/annotations.json"; } > "$corpus/annotations/annotations"
"$cli" sr export --annotations "$work/annotations.json" --source "$here/data/source" --out "$corpus/sr/report.dcm" >/dev/null
cp "$work/table.json" "$work/sidecar.json"
{ printf '\x01'; cat "$work/sidecar.json"; } > "$corpus/annotations/sidecar"
{ printf '\x02'; printf '0 0 0 0 0 0 0 "Clear Label"\n1 255 0 0 1 1 1 "Lesion"\n2 0 255 0 1 1 1 "Liver"\n'; } > "$corpus/annotations/itksnap"
"$cli" rtstruct export --labels "$work/labels.nii.gz" --source "$here/data/source" --out "$work/rs.dcm" --label-table "$work/table.json" >/dev/null
"$cli" rtstruct import "$work/rs.dcm" --source "$here/data/source" --out "$work/labels.seg.nrrd" >/dev/null
/usr/bin/python3 "$root/tests/oracles/slicer_seg.py" "$work/slicer.seg.nrrd"
printf '\x00' | cat - "$work/labels.seg.nrrd" > "$corpus/label_exchange/seg-nrrd"
printf '\x00' | cat - "$work/slicer.seg.nrrd" > "$corpus/label_exchange/slicer-two-layers"
printf '\x01' | cat - "$work/rs.dcm" > "$corpus/label_exchange/rtstruct"
cat > "$work/nnunet.json" <<'EOF'
{"channel_names": {"0": "CT"}, "labels": {"background": 0, "liver": 1, "lesion": 2}, "numTraining": 1, "file_ending": ".nii.gz",
 "name": "Fuzz", "description": "seed",
 "lumen": {"labels": [{"value": 1, "name": "liver", "color": [220, 120, 80], "file_value": 1}, {"value": 7, "name": "lesion", "color": [255, 40, 40], "file_value": 2}],
           "validation": ["case_001"], "origins": {"case_001": "1.2.3.4"}}}
EOF
{ printf '\x00'; cat "$work/nnunet.json"; } > "$corpus/training_set/nnunet"
{ printf '\x01'; printf '{"training": [{"image": "image.nii.gz", "label": "image.nii.gz"}], "validation": [{"image": ["image.nii.gz", "image.nii.gz"], "label": "image.nii.gz"}],\n "labels": {"1": "liver"}, "modality": {"0": "CT"}}\n'; } > "$corpus/training_set/datalist"
for ext in nii nii.gz nrrd mha; do "$cli" convert "$here/data/source" "$work/image.$ext" >/dev/null; done
printf '\x00' | cat - "$work/image.nii" > "$corpus/image_file/nifti"
printf '\x01' | cat - "$work/image.nii.gz" > "$corpus/image_file/nifti-gz"
printf '\x02' | cat - "$work/image.nrrd" > "$corpus/image_file/nrrd"
printf '\x03' | cat - "$work/image.mha" > "$corpus/image_file/metaimage"

for m in "$root"/resources/models/*/1.0/model.json; do cp "$m" "$corpus/model_manifest/$(basename "$(dirname "$(dirname "$m")")").json"; done

cat > "$corpus/worker_protocol/session" <<'EOF'
{"type":"infer","id":"j1","model":"brain-structures","input":"/data/ct","output":"/tmp/out/j1","device":"auto","threads":2,"uncertainty":true,"modality":"MR","body_part":"HEAD"}
{"type":"finetune","id":"t1","model":"brain-structures@1.0","data":"/tmp/datalist.json","out":"/tmp/v2","iterations":40,"validate_every":10,"checkpoint_every":5,"learning_rate":0.0001,"seed":3,"no_flip":false,"device":"cpu","threads":2}
{"type":"cancel","id":"j1"}
{"type":"pause","id":"t1"}
{"type":"resume","id":"t1"}
{"type":"shutdown"}
{"type":"ready","device":"CPU, 2 threads"}
{"type":"progress","id":"j1","fraction":0.5,"stage":"network"}
{"type":"result","id":"j1","task":"segmentation","files":["/tmp/out/j1.seg.nii.gz"],"ms":1234.5,"summary":[{"check":"modality","message":"CT, not MR"}]}
{"type":"error","id":"j1","message":"the model file is damaged"}
{"type":"training","id":"t1","iteration":10,"iterations":40,"loss":0.25,"validation":{"dice":0.8},"resumed":true}
{"type":"paused","id":"t1","why":"inference"}
{"type":"canceled","id":"j1"}
EOF

{ printf 'multipart/related; type="application/dicom"; boundary=XyZ\n\x05'
  printf -- '--XyZ\r\nContent-Type: application/dicom\r\n\r\n'; cat "${files[0]}"
  printf -- '\r\n--XyZ\r\nContent-Type: application/dicom\r\n\r\n'; cat "${files[1]}"; printf -- '\r\n--XyZ--\r\n'; } > "$corpus/multipart/two-instances"

cat > "$corpus/qido/studies.json" <<'EOF'
[{"00080020":{"vr":"DA","Value":["20240311"]},"00080050":{"vr":"SH","Value":["A1"]},"00080061":{"vr":"CS","Value":["CT","SEG"]},
  "00100010":{"vr":"PN","Value":[{"Alphabetic":"Synthetic^CT"}]},"00100020":{"vr":"LO","Value":["P1"]},
  "0020000D":{"vr":"UI","Value":["1.2.3.4"]},"00201208":{"vr":"IS","Value":[301]},"00280030":{"vr":"DS","Value":[0.75,0.75]},
  "00091001":{"vr":"LO","Value":["private"]},"00200032":{"vr":"DS","Value":[-1.5,2,3.25]}}]
EOF
echo "corpus: $(find "$corpus" -type f | wc -l) files, $(du -sh "$corpus" | cut -f1); data: $(du -sh "$here/data" | cut -f1)"
