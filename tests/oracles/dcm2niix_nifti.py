#!/usr/bin/python3
"""Oracle: convert a DICOM folder with dcm2niix, read every NIfTI it writes with nibabel.

usage: dcm2niix_nifti.py DICOM_DIR OUTDIR
Writes OUTDIR/volumes.json: [{"name", "affine_ras" (4x4), "shape" [i,j,k], "data": file}] with
the voxel values (scaled, float64, Fortran order i fastest) in OUTDIR/<n>.bin.
"""
import json
import os
import subprocess
import sys

import nibabel as nib
import numpy as np


def main():
    src, out = sys.argv[1], sys.argv[2]
    nii = os.path.join(out, "nii")
    os.makedirs(nii, exist_ok=True)
    run = subprocess.run(["dcm2niix", "-z", "n", "-f", "%s_%j", "-o", nii, src], capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"dcm2niix failed: {run.stdout}{run.stderr}")
    volumes = []
    for i, name in enumerate(sorted(f for f in os.listdir(nii) if f.endswith(".nii"))):
        img = nib.load(os.path.join(nii, name))
        data = np.asarray(img.dataobj, dtype=np.float64)
        if data.ndim == 2:
            data = data[:, :, None]
        data = data.reshape(data.shape[:3])
        data.ravel(order="F").tofile(os.path.join(out, f"{i}.bin"))
        volumes.append({"name": name, "affine_ras": img.affine.tolist(), "shape": list(data.shape[:3]),
                        "data": f"{i}.bin"})
    with open(os.path.join(out, "volumes.json"), "w") as f:
        json.dump({"volumes": volumes, "log": run.stdout}, f, indent=1)


if __name__ == "__main__":
    main()
