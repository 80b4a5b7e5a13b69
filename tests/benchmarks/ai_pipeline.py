#!/usr/bin/python3
"""The peer for ai_bench.sh: what `lumen-ai infer` does for a segmentation package, written in
Python with Debian's python3-torch, numpy, scipy and nibabel (the way a MONAI-style pipeline runs):
load NIfTI, resample to the model spacing (trilinear, centred grids, border padding), normalise,
sliding window with Gaussian blending (tests/oracles/sliding_window.py), softmax, resample the
probabilities back onto the input grid, argmax, keep the largest component. Input must be stored
RAS (like mricron-data's ch2), so that orientation needs no reordering on either side.

  ai_pipeline.py PACKAGE_DIR INPUT.nii.gz OUTPUT.nii.gz [--threads N]
Prints one JSON line: preprocess_ms, network_ms, postprocess_ms, total_ms.
"""
import json
import os
import sys
import time

import nibabel as nib
import numpy as np
import torch
from scipy import ndimage

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "oracles"))
import sliding_window as sw  # noqa: E402


def axis_coords(n_out, n_in, ratio):
    """Source index of each target voxel along one axis: centres aligned, step = ratio."""
    return (n_in - 1) / 2 + (np.arange(n_out) - (n_out - 1) / 2) * ratio


def main():
    (pkg, src, dst), _ = sw.positional_args_and_threads()
    m = json.load(open(os.path.join(pkg, "model.json")))
    net = torch.jit.load(os.path.join(pkg, "model.pt")).eval()
    t0 = time.perf_counter()

    img = nib.load(src)
    if nib.aff2axcodes(img.affine) != ("R", "A", "S"):
        raise SystemExit("the benchmark input must be stored RAS")
    data = np.asarray(img.dataobj, dtype=np.float32)
    spacing = np.abs(np.diag(img.affine)[:3])
    target = np.array(m["input"].get("spacing", spacing), dtype=float)
    shape_in = np.array(data.shape)
    shape_out = np.maximum(1, np.round(shape_in * spacing / target)).astype(int)
    grids = np.meshgrid(*[axis_coords(shape_out[a], shape_in[a], target[a] / spacing[a]) for a in range(3)], indexing="ij")
    x = ndimage.map_coordinates(data, grids, order=1, mode="nearest").astype(np.float32)
    n = m["input"]["normalization"]
    if n["kind"] == "percentile":
        lo, hi = np.percentile(x, [n["lower"], n["upper"]])
        x = (x - lo) / (hi - lo) * (n["b_max"] - n["b_min"]) + n["b_min"]
        if n.get("clip", True):
            x = np.clip(x, min(n["b_min"], n["b_max"]), max(n["b_min"], n["b_max"]))
    elif n["kind"] == "window":
        x = (x - n["min"]) / (n["max"] - n["min"]) * (n["b_max"] - n["b_min"]) + n["b_min"]
        if n.get("clip", True):
            x = np.clip(x, min(n["b_min"], n["b_max"]), max(n["b_min"], n["b_max"]))
    elif n["kind"] == "zscore":
        x = (x - x.mean()) / (x.std() or 1)
    t1 = time.perf_counter()

    roi = tuple(m["input"]["patch_size"])
    blended, network_ms, windows = sw.infer(net, torch.from_numpy(x)[None], roi, m["input"]["overlap"],
                                            m["input"].get("blending", "gaussian"), m["input"]["batch_size"])
    probs = torch.softmax(blended, 0).numpy()
    t2 = time.perf_counter()

    back = np.meshgrid(*[axis_coords(shape_in[a], shape_out[a], spacing[a] / target[a]) for a in range(3)], indexing="ij")
    full = np.stack([ndimage.map_coordinates(p, back, order=1, mode="nearest") for p in probs])
    labels = np.argmax(full, 0).astype(np.uint8)
    values = [l["value"] for l in m["labels"]]
    labels = np.array([0] + values, dtype=np.uint8)[labels]
    if m["output"].get("keep_largest_component"):
        for v in m["output"].get("keep_largest_labels") or values:
            comp, count = ndimage.label(labels == v, structure=np.ones((3, 3, 3)))
            if count > 1:
                sizes = np.bincount(comp.ravel())
                sizes[0] = 0
                labels[(comp != 0) & (comp != sizes.argmax())] = 0
    nib.save(nib.Nifti1Image(labels, img.affine), dst)
    t3 = time.perf_counter()
    print(json.dumps({"preprocess_ms": round((t1 - t0) * 1000), "network_ms": round(network_ms),
                      "postprocess_ms": round((t3 - t2) * 1000 + (t2 - t1) * 1000 - network_ms),
                      "total_ms": round((t3 - t0) * 1000), "patches": windows}))


if __name__ == "__main__":
    main()
