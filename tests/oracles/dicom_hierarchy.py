#!/usr/bin/python3
"""Oracle: the patient/study/series/image hierarchy pydicom sees, from a DICOMDIR (its
directory records, through pydicom's FileSet) or from every file under a folder.

usage: dicom_hierarchy.py dicomdir|folder PATH   → JSON on stdout
"""
import json
import os
import sys
import warnings
from collections import defaultdict

import pydicom
from pydicom.errors import InvalidDicomError
from pydicom.fileset import FileSet

warnings.simplefilter("ignore")
MEDIA_STORAGE_DIRECTORY = "1.2.840.10008.1.3.10"


def summarize(rows):
    series = defaultdict(int)
    for patient, study, ser in rows:
        series[(patient, study, ser)] += 1
    return {
        "patients": len({p for p, _, _ in rows}),
        "studies": len({s for _, s, _ in rows}),
        "series": len(series),
        "images": len(rows),
        "series_images": {k[2]: v for k, v in series.items()},
    }


def from_dicomdir(path):
    fs = FileSet(pydicom.dcmread(path))
    return summarize([(i.PatientID, i.StudyInstanceUID, i.SeriesInstanceUID) for i in fs])


def from_folder(path):
    rows = []
    for root, _, files in os.walk(path):
        for name in files:
            try:
                ds = pydicom.dcmread(os.path.join(root, name), stop_before_pixels=True)
            except (InvalidDicomError, OSError):
                continue
            if ds.file_meta.get("MediaStorageSOPClassUID") == MEDIA_STORAGE_DIRECTORY:
                continue
            rows.append((ds.PatientID, ds.StudyInstanceUID, ds.SeriesInstanceUID))
    return summarize(rows)


if __name__ == "__main__":
    mode, path = sys.argv[1], sys.argv[2]
    print(json.dumps(from_dicomdir(path) if mode == "dicomdir" else from_folder(path)))
