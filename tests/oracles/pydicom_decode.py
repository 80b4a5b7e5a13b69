#!/usr/bin/python3
"""Oracle: decode DICOM files with Debian's pydicom (+ python3-gdcm) for Lumen's tests.

usage: pydicom_decode.py OUTDIR FILE...
Writes OUTDIR/manifest.json: one entry per file with status "ok" (pixels in OUTDIR/<i>.bin,
little-endian, C order frames x rows x cols x samples), "not_image" or "refused" (+ reason).
YBR_FULL/YBR_FULL_422 arrays are converted to RGB with pydicom's own convert_color_space,
because Lumen hands colour images to the viewer as RGB.
"""
import json
import os
import sys
import warnings

import numpy as np
import pydicom
from pydicom.pixel_data_handlers.util import apply_color_lut, convert_color_space

warnings.simplefilter("ignore")


def decode(path):
    try:
        ds = pydicom.dcmread(path, force=True)
    except Exception as e:  # noqa: BLE001 - any failure is an outcome to report
        return {"status": "refused", "reason": f"read: {type(e).__name__}: {e}"}, None
    if not any(k in ds for k in ("PixelData", "FloatPixelData", "DoubleFloatPixelData")):
        return {"status": "not_image", "reason": "no pixel data"}, None
    try:
        arr = ds.pixel_array
    except Exception as e:  # noqa: BLE001
        return {"status": "refused", "reason": f"decode: {type(e).__name__}: {str(e)[:200]}"}, None
    pi = str(ds.get("PhotometricInterpretation", ""))
    frames = int(ds.get("NumberOfFrames", 1) or 1)
    spp = int(ds.get("SamplesPerPixel", 1))
    if pi in ("YBR_FULL", "YBR_FULL_422") and spp == 3:
        arr = convert_color_space(arr, pi, "RGB")
        pi = "RGB"
    if pi == "PALETTE COLOR" and os.environ.get("LUMEN_APPLY_PALETTE"):
        # As shown on screen: through the lookup table, 16-bit entries to 8 bits.
        arr = apply_color_lut(arr, ds)
        if arr.dtype == np.uint16:
            arr = (arr >> 8).astype(np.uint8)
        pi, spp = "RGB", 3
    shape = [frames, int(ds.Rows), int(ds.Columns), spp]
    arr = np.ascontiguousarray(arr.reshape(shape)).astype(arr.dtype.newbyteorder("<"))
    return {"status": "ok", "dtype": arr.dtype.name, "shape": shape, "photometric": pi}, arr


def main():
    out, files = sys.argv[1], sys.argv[2:]
    os.makedirs(out, exist_ok=True)
    manifest = []
    for i, path in enumerate(files):
        entry, arr = decode(path)
        entry["file"] = path
        if arr is not None:
            entry["data"] = f"{i}.bin"
            arr.tofile(os.path.join(out, entry["data"]))
        manifest.append(entry)
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)


if __name__ == "__main__":
    main()
