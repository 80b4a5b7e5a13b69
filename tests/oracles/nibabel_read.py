#!/usr/bin/python3
"""Oracle: read NIfTI files with nibabel, in the format of dcm2niix_nifti.py.

usage: nibabel_read.py OUTDIR FILE...   → OUTDIR/volumes.json (+ <n>.bin, float64, i fastest)
"""
import json
import os
import sys

import nibabel as nib
import numpy as np


def main():
    out, files = sys.argv[1], sys.argv[2:]
    os.makedirs(out, exist_ok=True)
    volumes = []
    for i, path in enumerate(files):
        img = nib.load(path)
        data = np.asarray(img.dataobj, dtype=np.float64)
        if data.ndim == 2:
            data = data[:, :, None]
        data = data.reshape(data.shape[:3])
        data.ravel(order="F").tofile(os.path.join(out, f"{i}.bin"))
        volumes.append({"name": os.path.basename(path), "affine_ras": img.affine.tolist(),
                        "shape": list(data.shape[:3]), "data": f"{i}.bin"})
    with open(os.path.join(out, "volumes.json"), "w") as f:
        json.dump({"volumes": volumes}, f, indent=1)


if __name__ == "__main__":
    main()
