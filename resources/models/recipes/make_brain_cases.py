#!/usr/bin/python3
"""Training and held-out cases for Lumen's starter models, from the one real brain Debian ships.

mricron-data's ch2 (T1, 1 mm MNI) is warped per case (random affine: rotation +-10 deg, scale
0.9-1.1, shift +-6 mm; plus a smooth elastic field), given a new intensity response (gamma, bias
field, noise), and 0-3 synthetic lesions are inserted inside the brain: ellipsoids 8-20 mm across,
hypo- or hyperintense by 30-60 %, textured, with soft edges. The same warp carries the labels:
  1 cerebrum + brainstem (ch2bet's brain mask minus 2 and 3)
  2 cerebellum (AAL 91-116)
  3 deep grey matter (AAL 71-78: caudate, putamen, pallidum, thalamus)
Everything is synthetic except the anatomy of that one subject; the model cards say so.

  make_brain_cases.py OUT_DIR --train 24 --validation 8 --test 8 [--calibration 24]
writes OUT_DIR/caseNNN.nii.gz, _seg.nii.gz, _findings.json, the seg/det/cls datalists
(training + validation: validation picks the best checkpoint), seg/det/cls_test.json (the
held-out cases the model cards report, as a "validation" split for `lumen-ai eval`) and
seg/det/cls_calibration.json (cases to fit the classifier's temperature on). Seeds: training
1000+, validation 5000+, calibration 7000+, test 9000+: no case shares a warp or a lesion with another.
"""
import argparse
import json
import os

import nibabel as nib
import numpy as np
from scipy import ndimage

TEMPLATES = "/usr/share/mricron/templates"


def load(name):
    img = nib.load(os.path.join(TEMPLATES, name + ".nii.gz"))
    return img, np.asarray(img.dataobj)


def rotation(rng):
    a, b, c = np.radians(rng.uniform(-10, 10, 3))
    rx = np.array([[1, 0, 0], [0, np.cos(a), -np.sin(a)], [0, np.sin(a), np.cos(a)]])
    ry = np.array([[np.cos(b), 0, np.sin(b)], [0, 1, 0], [-np.sin(b), 0, np.cos(b)]])
    rz = np.array([[np.cos(c), -np.sin(c), 0], [np.sin(c), np.cos(c), 0], [0, 0, 1]])
    return rx @ ry @ rz


def warp_coordinates(shape, rng):
    """Voxel coordinates to sample the template at, for every output voxel (1 mm grid)."""
    centre = (np.array(shape) - 1) / 2
    m = rotation(rng) * rng.uniform(0.9, 1.1)
    shift = rng.uniform(-6, 6, 3)
    grid = np.indices(shape, dtype=np.float32).reshape(3, -1) - centre[:, None]
    src = (m @ grid) + centre[:, None] + shift[:, None]
    for axis in range(3):  # elastic: smooth noise, ~3 mm amplitude, 8 mm wavelength-ish
        coarse = rng.normal(0, 1, tuple(s // 8 + 2 for s in shape))
        field = ndimage.zoom(ndimage.gaussian_filter(coarse, 1), [s / c for s, c in zip(shape, coarse.shape)], order=1)
        field = field[:shape[0], :shape[1], :shape[2]]
        src[axis] += 3 * field.reshape(-1) / (np.abs(field).max() + 1e-6)
    return src.reshape((3,) + shape)


def insert_lesions(image, brain, rng, count):
    findings = []
    zz = np.indices(image.shape, dtype=np.float32)
    candidates = np.argwhere(ndimage.binary_erosion(brain, iterations=12))
    for _ in range(count):
        c = candidates[rng.integers(len(candidates))].astype(np.float32)
        radii = rng.uniform(4, 10, 3)
        d = np.sqrt(sum(((zz[a] - c[a]) / radii[a]) ** 2 for a in range(3)))
        weight = np.clip((1.2 - d) / 0.4, 0, 1)  # soft edge
        texture = 1 + 0.15 * ndimage.gaussian_filter(rng.normal(0, 1, image.shape).astype(np.float32), 1.5) * 3
        factor = rng.uniform(0.4, 0.7) if rng.random() < 0.5 else rng.uniform(1.3, 1.6)
        image *= 1 + weight * (factor * texture - 1)
        findings.append((c, radii))
    return findings


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out")
    p.add_argument("--train", type=int, default=24)
    p.add_argument("--validation", type=int, default=8)
    p.add_argument("--test", type=int, default=8)
    p.add_argument("--calibration", type=int, default=0, help="cases to fit a classifier's temperature on")
    a = p.parse_args()
    os.makedirs(a.out, exist_ok=True)
    ch2_img, ch2 = load("ch2")
    _, bet = load("ch2bet")
    _, aal = load("aal")
    labels = np.zeros(ch2.shape, np.uint8)
    labels[bet > 0] = 1
    labels[(aal >= 91) & (aal <= 116)] = 2
    labels[(aal >= 71) & (aal <= 78)] = 3
    affine = ch2_img.affine
    lists = {k: {"training": [], "validation": [], "test": [], "calibration": []} for k in ("seg", "det", "cls")}
    for split, count, seed0 in (("training", a.train, 1000), ("validation", a.validation, 5000), ("test", a.test, 9000),
                                ("calibration", a.calibration, 7000)):
        for n in range(count):
            seed = seed0 + n
            rng = np.random.default_rng(seed)
            coords = warp_coordinates(ch2.shape, rng)
            image = ndimage.map_coordinates(ch2.astype(np.float32), coords, order=1, mode="constant")
            seg = ndimage.map_coordinates(labels, coords, order=0, mode="constant").astype(np.uint8)
            lesions = 0 if rng.random() < 0.4 else int(rng.integers(1, 4))
            found = insert_lesions(image, seg == 1, rng, lesions)
            # New intensity response: gamma, smooth bias field, noise.
            image = 254 * (np.clip(image, 0, None) / 254) ** rng.uniform(0.8, 1.25)
            bias = ndimage.zoom(rng.normal(0, 0.08, (4, 4, 4)), [s / 4 for s in image.shape], order=3)
            image *= np.exp(bias[:image.shape[0], :image.shape[1], :image.shape[2]])
            image += rng.normal(0, rng.uniform(1, 5), image.shape)
            name = f"case{seed}"
            nib.save(nib.Nifti1Image(np.clip(np.round(image), 0, 32767).astype(np.int16), affine), f"{a.out}/{name}.nii.gz")
            nib.save(nib.Nifti1Image(seg, affine), f"{a.out}/{name}_seg.nii.gz")
            boxes = []
            for c, r in found:  # voxel → RAS mm (nibabel) → LPS mm (DICOM, Lumen's world)
                lo = affine @ np.append(c - r, 1)
                hi = affine @ np.append(c + r, 1)
                lps_lo = [-max(lo[0], hi[0]), -max(lo[1], hi[1]), min(lo[2], hi[2])]
                lps_hi = [-min(lo[0], hi[0]), -min(lo[1], hi[1]), max(lo[2], hi[2])]
                boxes.append({"class": "lesion", "box_min_mm": [round(v, 2) for v in lps_lo],
                              "box_max_mm": [round(v, 2) for v in lps_hi]})
            with open(f"{a.out}/{name}_findings.json", "w") as f:
                json.dump({"coordinates": "DICOM patient (LPS), mm", "findings": boxes}, f, indent=1)
            lists["seg"][split].append({"image": f"{name}.nii.gz", "label": f"{name}_seg.nii.gz"})
            lists["det"][split].append({"image": f"{name}.nii.gz", "label": f"{name}_findings.json"})
            lists["cls"][split].append({"image": f"{name}.nii.gz", "label": "lesion" if found else "no lesion"})
            print(f"{split} {name}: {len(found)} lesion(s)", flush=True)
    for k, v in lists.items():
        if a.train or a.validation:
            with open(f"{a.out}/{k}_datalist.json", "w") as f:
                json.dump({"training": v["training"], "validation": v["validation"]}, f, indent=1)
        if a.test:
            with open(f"{a.out}/{k}_test.json", "w") as f:
                json.dump({"validation": v["test"]}, f, indent=1)
        if a.calibration:
            with open(f"{a.out}/{k}_calibration.json", "w") as f:
                json.dump({"validation": v["calibration"]}, f, indent=1)


if __name__ == "__main__":
    main()
