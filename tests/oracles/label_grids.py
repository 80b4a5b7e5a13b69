#!/usr/bin/python3
"""Oracle: label maps on a NIfTI's grid and on other grids, written with nibabel alone.

usage: label_grids.py IMAGE_NIFTI OUTDIR
The label of a voxel is truth(v) = round(v) mod 5 of the image value v at that voxel, so a
reader that puts labels on the image's voxels can check every one without knowing the grid.
Writes into OUTDIR:
  same.nii.gz           the image's own grid (dcm2niix's, for a DICOM series)
  perm_<CODE>.nii.gz    the same voxels reoriented with nibabel (permutations and flips)
  coarse.nii.gz         every second voxel along each axis of a crop: spacing doubled
  disjoint.nii.gz       same.nii.gz moved 5 m away
  points.json           {"coarse": [[x, y, z (LPS mm), label], ...]} at coarse's voxel centres
"""
import json
import os
import sys

import nibabel as nib
import numpy as np
from nibabel import orientations as orient


def truth(values):
    return np.mod(np.rint(values).astype(np.int64), 5).astype(np.uint8)


def save(data, affine, path):
    img = nib.Nifti1Image(np.asarray(data, dtype=np.uint8), affine)
    img.set_qform(affine, code=1)
    img.set_sform(affine, code=1)
    nib.save(img, path)


def main():
    src, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    img = nib.load(src)
    values = np.asarray(img.dataobj, dtype=np.float64)
    values = values.reshape(values.shape[:3])
    labels, affine = truth(values), img.affine
    save(labels, affine, os.path.join(out, "same.nii.gz"))

    same = nib.Nifti1Image(labels, affine)
    current = orient.io_orientation(affine)
    for code in ("RAS", "LPS", "PSL", "SRP", "ILA"):
        moved = same.as_reoriented(orient.ornt_transform(current, orient.axcodes2ornt(tuple(code))))
        save(np.asarray(moved.dataobj), moved.affine, os.path.join(out, f"perm_{code}.nii.gz"))

    # A crop from voxel 1 along each axis, every second voxel: centres coincide with image voxels.
    coarse = labels[1::2, 1::2, 1::2]
    offset = affine @ np.diag([2, 2, 2, 1])
    offset[:3, 3] = (affine @ np.array([1, 1, 1, 1]))[:3]
    save(coarse, offset, os.path.join(out, "coarse.nii.gz"))
    points = []
    for idx in np.ndindex(coarse.shape):
        ras = offset @ np.array([*idx, 1.0])
        points.append([-ras[0], -ras[1], ras[2], int(coarse[idx])])

    far = affine.copy()
    far[:3, 3] += 5000
    save(labels, far, os.path.join(out, "disjoint.nii.gz"))
    with open(os.path.join(out, "points.json"), "w") as f:
        json.dump({"coarse": points}, f)


if __name__ == "__main__":
    main()
