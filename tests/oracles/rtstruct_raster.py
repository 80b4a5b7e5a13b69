#!/usr/bin/python3
"""Oracle: rasterises an RTSTRUCT's contours with pydicom and PIL, independently of Lumen.

usage: rtstruct_raster.py RTSTRUCT SERIES_DIR LABELS.u16 NI NJ NK
The series' slices are sorted along their normal; each contour's points are projected onto its
slice's pixel grid and drawn with PIL's polygon fill at 8x resolution, a pixel being inside when
the sub-pixel at its centre is (PIL fills edge pixels too: supersampling keeps that within 1/8
pixel); a structure's contours on one slice are combined by XOR (holes). LABELS.u16: the label map the RTSTRUCT was made from (uint16, i
fastest, slices in the same order). Prints {"rois": {name: {"number", "dice", "truth", "raster"}},
"checks": {...}}.
"""
import json
import os
import sys

import numpy as np
import pydicom
from PIL import Image, ImageDraw


S = 8  # supersampling


def main():
    rt_path, series_dir, labels_path = sys.argv[1:4]
    ni, nj, nk = (int(x) for x in sys.argv[4:7])
    slices = [pydicom.dcmread(os.path.join(series_dir, f)) for f in sorted(os.listdir(series_dir))]
    slices = [s for s in slices if "ImagePositionPatient" in s]
    row = np.array(slices[0].ImageOrientationPatient[:3], dtype=float)
    col = np.array(slices[0].ImageOrientationPatient[3:], dtype=float)
    normal = np.cross(row, col)
    slices.sort(key=lambda s: float(np.dot(normal, np.array(s.ImagePositionPatient, dtype=float))))
    by_uid = {s.SOPInstanceUID: k for k, s in enumerate(slices)}
    dy, dx = (float(v) for v in slices[0].PixelSpacing)  # row spacing, column spacing
    truth = np.fromfile(labels_path, dtype="<u2").reshape(nk, nj, ni)

    rt = pydicom.dcmread(rt_path)
    names = {int(r.ROINumber): str(r.ROIName) for r in rt.StructureSetROISequence}
    out = {}
    for roi in rt.ROIContourSequence:
        number = int(roi.ReferencedROINumber)
        raster = np.zeros((nk, nj, ni), dtype=bool)
        for c in roi.ContourSequence:
            k = by_uid[c.ContourImageSequence[0].ReferencedSOPInstanceUID]
            origin = np.array(slices[k].ImagePositionPatient, dtype=float)
            pts = np.array(c.ContourData, dtype=float).reshape(-1, 3) - origin
            xy = [((float(np.dot(p, row) / dx) + 0.5) * S - 0.5, (float(np.dot(p, col) / dy) + 0.5) * S - 0.5) for p in pts]
            img = Image.new("1", (ni * S, nj * S), 0)
            ImageDraw.Draw(img).polygon(xy, fill=1)
            raster[k] ^= np.array(img, dtype=bool)[S // 2::S, S // 2::S]
        t = truth == number
        dice = 2 * float((raster & t).sum()) / float(raster.sum() + t.sum())
        out[names[number]] = {"number": number, "dice": dice, "truth": int(t.sum()), "raster": int(raster.sum())}
    print(json.dumps({"rois": out}))


if __name__ == "__main__":
    main()
