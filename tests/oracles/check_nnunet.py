#!/usr/bin/python3
"""Oracle: checks an nnU-Net v2 raw dataset as nnU-Net's documentation defines it, with nibabel.

usage: check_nnunet.py DATASET_DIR [CASE=REFERENCE.nii ...]
Documented keys of dataset.json: channel_names {"0": name, ...}, labels {"background": 0, name:
int, ...} (consecutive integers from 0), numTraining (= cases in labelsTr), file_ending. Every
case has imagesTr/<case>_<XXXX><ending> per channel and labelsTr/<case><ending> with the same
shape and affine; label values are among the declared ones. CASE=REFERENCE: the case's first
channel must have REFERENCE's affine (within 1e-4 mm) and values (dcm2niix's output).
Prints {"errors": [...], "cases": N}.
"""
import json
import os
import re
import sys

import nibabel as nib
import numpy as np


def main():
    root = sys.argv[1]
    refs = dict(a.split("=", 1) for a in sys.argv[2:])
    errors = []
    d = json.load(open(os.path.join(root, "dataset.json")))
    for key in ("channel_names", "labels", "numTraining", "file_ending"):
        if key not in d:
            errors.append(f"dataset.json lacks {key}")
    channels = d.get("channel_names", {})
    if not channels or sorted(int(k) for k in channels) != list(range(len(channels))):
        errors.append(f"channel_names keys must be 0..n-1: {channels}")
    labels = d.get("labels", {})
    values = sorted(labels.values())
    if labels.get("background") != 0 or values != list(range(len(values))):
        errors.append(f"labels must be background 0 and consecutive integers: {labels}")
    ending = d.get("file_ending", ".nii.gz")
    cases = sorted(f[:-len(ending)] for f in os.listdir(os.path.join(root, "labelsTr")) if f.endswith(ending))
    if d.get("numTraining") != len(cases):
        errors.append(f"numTraining {d.get('numTraining')} but {len(cases)} label files")
    images = os.listdir(os.path.join(root, "imagesTr"))
    pattern = re.compile(r"^(.+)_(\d{4})" + re.escape(ending) + "$")
    for f in images:
        m = pattern.match(f)
        if not m or m.group(1) not in cases or int(m.group(2)) >= len(channels):
            errors.append(f"imagesTr/{f} is not <case>_<channel>{ending} of a labelled case")
    for case in cases:
        label = nib.load(os.path.join(root, "labelsTr", case + ending))
        lv = np.unique(np.asarray(label.dataobj))
        if not set(lv.tolist()) <= set(values):
            errors.append(f"{case}: label values {lv.tolist()} not all declared")
        for c in range(len(channels)):
            path = os.path.join(root, "imagesTr", f"{case}_{c:04d}{ending}")
            if not os.path.exists(path):
                errors.append(f"{case}: channel {c} missing")
                continue
            img = nib.load(path)
            if img.shape[:3] != label.shape[:3] or not np.allclose(img.affine, label.affine, atol=1e-4):
                errors.append(f"{case}: image and label grids differ")
            if c == 0 and case in refs:
                ref = nib.load(refs[case])
                if img.shape != ref.shape or not np.allclose(img.affine, ref.affine, atol=1e-4):
                    errors.append(f"{case}: affine/shape {img.shape} {img.affine.tolist()} differ from dcm2niix's {ref.shape} {ref.affine.tolist()}")
                elif not np.array_equal(np.asarray(img.dataobj, dtype=np.float64), np.asarray(ref.dataobj, dtype=np.float64)):
                    errors.append(f"{case}: values differ from dcm2niix's")
    print(json.dumps({"errors": errors, "cases": len(cases)}))


if __name__ == "__main__":
    main()
