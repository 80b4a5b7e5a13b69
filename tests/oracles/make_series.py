#!/usr/bin/python3
"""Writes small DICOM series with known geometry, with pydicom (independent of Lumen's writer).

usage: make_series.py OUTDIR CASE
CASE: axial sagittal coronal oblique shuffled interleaved nonuniform missing tilted ct_rescale
      enhanced classic_multiframe temporal reversed_numbers palette monochrome1
      and malformed ones: no_spacing nan_position no_pixel_data zero_rows absurd_native absurd_encapsulated
      undecodable_slice
Voxel (i, j, k) of series s holds value(i, j, k, s) below, so any reordering shows.
"""
import math
import os
import random
import sys

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

COLS, ROWS, SLICES = 40, 32, 24
SPACING = (0.9, 0.8)  # PixelSpacing: row spacing, column spacing
SLICE_GAP = 2.0


def value(i, j, k, s=0):
    # Linear, so that interpolation in resampled cases is exact and misplacement shows.
    return i * 7 + j * 13 + k * 31 + s * 1000 - 300


def frame(k, s=0):
    j, i = np.mgrid[0:ROWS, 0:COLS]
    return value(i, j, k, s).astype(np.int16)


def rotation(ax_deg, ay_deg):
    ax, ay = math.radians(ax_deg), math.radians(ay_deg)
    rx = np.array([[1, 0, 0], [0, math.cos(ax), -math.sin(ax)], [0, math.sin(ax), math.cos(ax)]])
    ry = np.array([[math.cos(ay), 0, math.sin(ay)], [0, 1, 0], [-math.sin(ay), 0, math.cos(ay)]])
    return ry @ rx


def base(series_uid, study_uid, sop_class="1.2.840.10008.5.1.4.1.1.4", modality="MR"):
    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.MediaStorageSOPClassUID = sop_class
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.SOPClassUID = sop_class
    ds.Modality = modality
    ds.PatientName = "Geometry^Test"
    ds.PatientID = "GEOM"
    ds.StudyInstanceUID = study_uid
    ds.SeriesInstanceUID = series_uid
    ds.FrameOfReferenceUID = "1.2.826.0.1.3680043.10.1" + study_uid[-20:].replace("..", ".9.")
    ds.StudyDate, ds.StudyTime = "20240101", "120000"
    ds.SeriesNumber = 1
    ds.EchoTime, ds.RepetitionTime = "10", "500"
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows, ds.Columns = ROWS, COLS
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 1
    ds.PixelSpacing = list(SPACING)
    ds.SliceThickness = SLICE_GAP
    return ds


def write(ds, path):
    ds.is_little_endian, ds.is_implicit_VR = True, False
    ds.save_as(path, write_like_original=False)


def stack(out, orientation, positions, name="s", series=0, study_uid=None, order=None, extra=None):
    study_uid = study_uid or generate_uid()
    series_uid = generate_uid()
    rows = orientation
    indices = list(range(len(positions)))
    names = order(indices) if order else indices
    for k, pos in enumerate(positions):
        ds = base(series_uid, study_uid)
        ds.SOPInstanceUID = generate_uid()
        ds.InstanceNumber = names[k] + 1
        ds.SeriesNumber = series + 1
        ds.ImageOrientationPatient = [float(x) for x in rows]
        ds.ImagePositionPatient = [float(x) for x in pos]
        ds.PixelData = frame(k, series).tobytes()
        if extra:
            extra(ds, k)
        write(ds, os.path.join(out, f"{name}{names[k]:04d}.dcm"))


def positions_along(origin, row, col, gaps):
    n = np.cross(row, col)
    pos, z = [], 0.0
    for g in [0.0] + gaps:
        z += g
        pos.append(np.asarray(origin) + n * z)
    return pos


def geometric(out, row, col, gaps=None, **kw):
    gaps = gaps if gaps is not None else [SLICE_GAP] * (SLICES - 1)
    stack(out, list(row) + list(col), positions_along((-12.5, 20.25, -30.0), np.array(row), np.array(col), gaps), **kw)


def main():
    out, case = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    random.seed(7)
    ax = ([1, 0, 0], [0, 1, 0])
    if case == "axial":
        geometric(out, *ax)
    elif case == "sagittal":
        geometric(out, [0, 1, 0], [0, 0, -1])
    elif case == "coronal":
        geometric(out, [1, 0, 0], [0, 0, -1])
    elif case == "oblique":
        r = rotation(20, 15)
        geometric(out, r[:, 0], r[:, 1])
    elif case == "shuffled":
        # File names in random order; InstanceNumber still follows position (dcm2niix, the
        # oracle, orders by it). Ordering against InstanceNumber is tested without an oracle.
        perm = random.sample(range(SLICES), SLICES)
        geometric(out, *ax, order=lambda idx: perm, extra=lambda ds, k: setattr(ds, "InstanceNumber", k + 1))
    elif case == "interleaved":
        study = generate_uid()
        geometric(out, *ax, name="a", series=0, study_uid=study, order=lambda idx: [2 * i for i in idx])
        r = rotation(0, 90)
        geometric(out, r[:, 0], r[:, 1], name="a", series=1, study_uid=study, order=lambda idx: [2 * i + 1 for i in idx])
    elif case == "nonuniform":
        geometric(out, *ax, gaps=[2.0, 2.0, 3.0, 2.0, 2.5, 2.0, 4.0] + [2.0] * (SLICES - 8))
    elif case == "missing":
        gaps = [SLICE_GAP] * (SLICES - 1)
        gaps[10] = 2 * SLICE_GAP
        geometric(out, *ax, gaps=gaps)
    elif case == "tilted":
        # Gantry tilt: each slice shifts 0.7 mm posterior per 2 mm along the table.
        pos = [np.array([-12.5, 20.25 + 0.35 * k * SLICE_GAP, -30.0 + k * SLICE_GAP]) for k in range(SLICES)]
        stack(out, [1, 0, 0, 0, 1, 0], pos, extra=lambda ds, k: setattr(ds, "GantryDetectorTilt", "19.29"))
    elif case == "ct_rescale":
        def ct(ds, k):
            ds.SOPClassUID = ds.file_meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
            ds.Modality = "CT"
            ds.RescaleIntercept, ds.RescaleSlope, ds.RescaleType = "-1024", "1", "HU"
            ds.PixelRepresentation = 0
            ds.PixelData = (frame(k).astype(np.int32) + 1024).astype(np.uint16).tobytes()
        geometric(out, *ax, extra=ct)
    elif case == "temporal":
        # Two time points at every position, told apart by TemporalPositionIdentifier.
        study = generate_uid()
        series = generate_uid()
        for t in range(2):
            def dyn(ds, k, t=t):
                ds.SeriesInstanceUID = series
                ds.TemporalPositionIdentifier = t + 1
                ds.NumberOfTemporalPositions = 2
                ds.PixelData = (frame(k).astype(np.int32) + 500 * t).astype(np.int16).tobytes()
            geometric(out, *ax, name=f"t{t}_", study_uid=study, extra=dyn)
    elif case == "reversed_numbers":
        # InstanceNumber runs against the slice positions: position must win.
        geometric(out, *ax, extra=lambda ds, k: setattr(ds, "InstanceNumber", SLICES - k))
    elif case == "monochrome1":
        geometric(out, *ax, extra=lambda ds, k: setattr(ds, "PhotometricInterpretation", "MONOCHROME1"))
    elif case == "palette":
        palette(out)
    elif case == "nan_position":
        def nan(ds, k):
            if k == 7:
                ds.ImagePositionPatient = ["nan", "0", "0"]
        geometric(out, *ax, extra=nan)
    elif case == "no_spacing":
        geometric(out, *ax, extra=lambda ds, k: delattr(ds, "PixelSpacing"))
    elif case == "no_pixel_data":
        geometric(out, *ax, extra=lambda ds, k: delattr(ds, "PixelData") if k == 3 else None)
    elif case == "zero_rows":
        geometric(out, *ax, extra=lambda ds, k: setattr(ds, "Rows", 0) if k == 2 else None)
    elif case == "absurd_native":
        # Claims 65535 x 65535 x 50000 frames over a few kilobytes of pixels.
        def absurd(ds, k):
            if k == 0:
                ds.Rows = ds.Columns = 65535
                ds.NumberOfFrames = 50000
        geometric(out, *ax, extra=absurd)
    elif case == "absurd_encapsulated":
        absurd_compressed(out, frames=2000000000)  # more frames than the file has bytes
    elif case == "absurd_memory":
        absurd_compressed(out, frames=700)  # fits the file, far too many bytes to decode
    elif case == "undecodable_slice":
        # Slice 5 holds a broken JPEG 2000 codestream: its header indexes, its pixels cannot decode.
        def broken(ds, k):
            if k == 5:
                from pydicom.encaps import encapsulate
                ds.file_meta.TransferSyntaxUID = "1.2.840.10008.1.2.4.90"
                ds.PixelData = encapsulate([b"\xff\x4f\xff\x51" + bytes(200)])
                ds["PixelData"].VR = "OB"
                ds["PixelData"].is_undefined_length = True
        geometric(out, *ax, extra=broken)
    elif case == "enhanced":
        enhanced(out)
    elif case == "classic_multiframe":
        classic_multiframe(out)
    else:
        raise SystemExit(f"unknown case {case}")


def enhanced(out):
    """Enhanced MR: one file, per-frame positions, frames stored in shuffled order."""
    r = rotation(10, -5)
    row, col = r[:, 0], r[:, 1]
    pos = positions_along((5.0, -7.5, 12.0), row, col, [SLICE_GAP] * (SLICES - 1))
    order = random.sample(range(SLICES), SLICES)
    ds = base(generate_uid(), generate_uid(), sop_class="1.2.840.10008.5.1.4.1.1.4.1")
    ds.SOPInstanceUID = generate_uid()
    ds.InstanceNumber = 1
    ds.NumberOfFrames = SLICES
    ds.ImageType = ["ORIGINAL", "PRIMARY", "M", "NONE"]
    ds.ContentDate, ds.ContentTime, ds.AcquisitionDateTime = "20240101", "120000", "20240101120000"
    shared = Dataset()
    measures = Dataset()
    measures.PixelSpacing = list(SPACING)
    measures.SliceThickness = SLICE_GAP
    ori = Dataset()
    ori.ImageOrientationPatient = [float(x) for x in list(row) + list(col)]
    shared.PixelMeasuresSequence = [measures]
    shared.PlaneOrientationSequence = [ori]
    ds.SharedFunctionalGroupsSequence = [shared]
    frames = []
    for k in order:
        item = Dataset()
        p = Dataset()
        p.ImagePositionPatient = [float(x) for x in pos[k]]
        item.PlanePositionSequence = [p]
        fc = Dataset()
        fc.InStackPositionNumber = k + 1
        fc.StackID = "1"
        item.FrameContentSequence = [fc]
        frames.append(item)
    ds.PerFrameFunctionalGroupsSequence = frames
    ds.PixelData = b"".join(frame(k).tobytes() for k in order)
    write(ds, os.path.join(out, "enhanced.dcm"))


def absurd_compressed(out, frames):
    """pydicom's JPEG-LS MR claiming 65535 x 65535 pixels in `frames` frames."""
    src = os.path.join(os.path.dirname(pydicom.__file__), "data", "test_files", "MR_small_jpeg_ls_lossless.dcm")
    ds = pydicom.dcmread(src)
    ds.Rows = ds.Columns = 65535
    ds.NumberOfFrames = frames
    ds.save_as(os.path.join(out, "absurd.dcm"))


def palette(out):
    """8-bit PALETTE COLOR with 16-bit lookup tables (a segmentation-style colour map)."""
    ds = base(generate_uid(), generate_uid(), sop_class="1.2.840.10008.5.1.4.1.1.7", modality="OT")
    ds.SOPInstanceUID = generate_uid()
    ds.PhotometricInterpretation = "PALETTE COLOR"
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 8, 8, 7, 0
    ds.ConversionType = "WSD"
    entries = np.arange(256)
    for colour, table in (("Red", entries * 257), ("Green", (255 - entries) * 257), ("Blue", (entries * 7 % 256) * 257)):
        setattr(ds, f"{colour}PaletteColorLookupTableDescriptor", [256, 0, 16])
        setattr(ds, f"{colour}PaletteColorLookupTableData", table.astype("<u2").tobytes())
    j, i = np.mgrid[0:ROWS, 0:COLS]
    ds.PixelData = ((i * 5 + j * 3) % 256).astype(np.uint8).tobytes()
    write(ds, os.path.join(out, "palette.dcm"))


def classic_multiframe(out):
    """A legacy multi-frame (NM-style) object: first-frame position + SpacingBetweenSlices."""
    ds = base(generate_uid(), generate_uid())
    ds.SOPInstanceUID = generate_uid()
    ds.InstanceNumber = 1
    ds.NumberOfFrames = SLICES
    ds.ImageOrientationPatient = [1.0, 0.0, 0.0, 0.0, 1.0, 0.0]
    ds.ImagePositionPatient = [-12.5, 20.25, -30.0]
    ds.SpacingBetweenSlices = SLICE_GAP
    ds.PixelData = b"".join(frame(k).tobytes() for k in range(SLICES))
    write(ds, os.path.join(out, "multiframe.dcm"))


if __name__ == "__main__":
    main()
