#!/usr/bin/python3
"""pydicom's view of de-identification by PS3.15 Annex E, independent of Lumen's code.

  poison SRC TABLE        gives every DICOM file under SRC a distinctive value in every attribute
                          of Table E.1-1 that pydicom's dictionary knows (text, date, time and UID
                          VRs), private attributes, and identity nested in sequences.
  check SRC OUT MAP TABLE [options]
                          pairs each source file with its de-identified copy (through MAP's UIDs)
                          and checks every attribute: the table's action (any of the alternatives
                          a compound code allows), private attributes gone, no identity string of
                          the source anywhere in the output's bytes, pixels and geometry unchanged,
                          Patient Identity Removed and the method code sequence set.
Prints one JSON line; exits 1 with the failures listed.
"""
import glob
import json
import os
import sys

import pydicom
from pydicom.datadict import dictionary_VR, keyword_for_tag
from pydicom.sequence import Sequence
from pydicom.dataset import Dataset

TEXT_VRS = {"LO", "SH", "ST", "LT", "UT", "UC", "PN", "CS", "AE"}


def read_table(path):
    rows, header = {}, None
    for line in open(path, encoding="utf-8"):
        if line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if header is None:
            header = cols
            continue
        row = dict(zip(header, cols))
        if row["tag"] != "PRIVATE" and "X" not in row["tag"]:
            rows[int(row["tag"], 16)] = row
    return rows


def dicom_files(root):
    return sorted(f for f in glob.glob(os.path.join(root, "**", "*"), recursive=True)
                  if os.path.isfile(f) and os.path.basename(f) != "DICOMDIR")


def poison_value(tag, vr):
    t = "%08X" % tag
    return {"PN": "Idt%s^Person" % t, "DA": "19770503", "TM": "101112", "DT": "19770503101112",
            "CS": "ID" + t, "AE": "AE" + t, "SH": "Id" + t}.get(vr, "Ident-%s-secret" % t)


def poison(src, table_path):
    table = read_table(table_path)
    n = 0
    for f in dicom_files(src):
        d = pydicom.dcmread(f)
        for tag, row in table.items():
            if tag >> 16 in (0x0000, 0x0002, 0x0004) or tag in d:  # command, meta and DICOMDIR groups
                continue
            try:
                vr = dictionary_VR(tag)
            except KeyError:
                continue
            if vr in TEXT_VRS | {"DA", "TM", "DT"}:
                d.add_new(tag, vr, poison_value(tag, vr))
            elif vr == "UI" and "U" in row["basic"]:
                d.add_new(tag, vr, "1.2.826.0.1.3680043.9.%d.%d" % (tag, n))
        # Private attributes, and identity inside sequences the table does and does not list.
        block = d.private_block(0x0009, "ACME Hospital", create=True)
        block.add_new(0x01, "LO", "PrivateSecret-Zqxvy")
        item = Dataset()
        item.AccessionNumber = "ACC-NESTED-77"
        item.RequestedProcedureID = "RPID-NESTED-88"
        d.RequestAttributesSequence = Sequence([item])
        region = Dataset()
        region.CodeValue, region.CodingSchemeDesignator, region.CodeMeaning = "T-D0050", "SRT", "Tissue"
        region.PersonName = "Nested^Person^Zqxvy"
        d.AnatomicRegionSequence = Sequence([region])
        d.save_as(f)
        n += 1
    print(json.dumps({"poisoned": n, "attributes": len(table)}))


def text(v):
    if v is None:
        return ""
    if isinstance(v, (list, pydicom.multival.MultiValue)):
        return "\\".join(str(x) for x in v)
    return str(v)


def allowed(code):
    """The actions a code allows: X/Z/D means remove, empty or dummy."""
    if code == "X/Z/U*":
        return {"X", "Z", "U"}
    return set(code.split("/"))


class Checker:
    def __init__(self, table, uids, options, patient_ids):
        self.table, self.uids, self.options, self.patient_ids = table, uids, options, patient_ids
        self.failures, self.checked = [], 0

    def fail(self, where, what):
        if len(self.failures) < 40:
            self.failures.append("%s: %s" % (where, what))

    def code(self, tag):
        row = self.table.get(tag)
        if row is None:
            return None
        for option in ("retain-device", "modified-dates", "clean-descriptors"):
            if option in self.options and row.get(option):
                return row[option]
        return row["basic"]

    def new_uid(self, value):
        return value.startswith("1.2.840.10008.") or value in self.uids.values()

    def compare(self, src, out, where, top):
        for elem in src:
            tag, name = int(elem.tag), keyword_for_tag(elem.tag) or str(elem.tag)
            here = "%s %s" % (where, name)
            got = out.get(elem.tag)
            if elem.tag.is_private:
                if got is not None:
                    self.fail(here, "private attribute kept")
                continue
            if top and tag in (0x00100010, 0x00100020):
                if text(got.value) not in self.patient_ids:
                    self.fail(here, "not the new patient identity: %r" % text(got.value))
                continue
            self.checked += 1
            code = self.code(tag)
            if code is None or code == "K":
                if elem.VR == "SQ":
                    self.items(elem, got, here)
                elif elem.VR == "UI":
                    if got is None or not all(self.new_uid(u) or u in ("1.2.840.10008.1.2.1",) for u in text(got.value).split("\\") if u):
                        if not (tag in (0x00080016, 0x00081150) and got is not None and text(got.value) == text(elem.value)):
                            self.fail(here, "a UID not replaced: %r" % (got.value if got is not None else None))
                elif got is None or text(got.value) != text(elem.value):
                    self.fail(here, "changed, but the profile keeps it")
                continue
            options = allowed(code)
            if got is None:
                if "X" not in options:
                    self.fail(here, "removed; %s does not allow it" % code)
                continue
            if code == "C":
                if elem.VR in ("DA", "DT") and text(got.value) == text(elem.value) and elem.value:
                    self.fail(here, "date not shifted")
                if elem.VR == "SQ":
                    self.items(elem, got, here)
                continue
            empty = got.VR == "SQ" and len(got.value) == 0 or got.VR != "SQ" and not text(got.value)
            if empty:
                if "Z" not in options:
                    self.fail(here, "emptied; %s does not allow it" % code)
                continue
            if "U" in options and elem.VR == "UI":
                for u in text(got.value).split("\\"):
                    if u and not self.new_uid(u):
                        self.fail(here, "UID %s not replaced" % u)
                continue
            if elem.VR == "SQ" and ("D" in options or "U" in options):
                self.items(elem, got, here)
                continue
            if "D" not in options:
                self.fail(here, "kept a value; %s allows %s" % (code, "/".join(sorted(options))))
            elif text(got.value) == text(elem.value) and text(elem.value) not in ("", "0"):
                self.fail(here, "D keeps the original value %r" % text(elem.value))

    def items(self, src, got, where):
        if got is None or got.VR != "SQ" or len(got.value) != len(src.value):
            return self.fail(where, "sequence items lost or added")
        for k, (a, b) in enumerate(zip(src.value, got.value)):
            self.compare(a, b, "%s[%d]" % (where, k), False)


def identity_strings(d, checker):
    """The poisoned values of attributes the options do not keep, and the patient's identity."""
    found = set()
    for elem in d.iterall():
        if elem.VR in TEXT_VRS and elem.value and checker.code(int(elem.tag)) not in ("K", "C"):
            for part in text(elem.value).replace("^", "\\").split("\\"):
                if "Ident" in part or "Idt" in part or "Zqxvy" in part or "NESTED" in part or part.startswith("ID0") or part.startswith("AE0"):
                    found.add(part)
    for key in ("PatientName", "PatientID", "AccessionNumber", "PatientBirthDate", "OtherPatientIDs"):
        v = text(d.get(key, ""))
        for part in v.replace("^", "\\").split("\\"):
            if len(part) >= 4:
                found.add(part)
    return found


def check(src, out, map_path, table_path, options):
    table = read_table(table_path)
    identity_map = json.load(open(map_path))
    uids = identity_map["uids"]
    patient_ids = {p["id"] for p in identity_map["patients"].values()}
    checker = Checker(table, uids, options, patient_ids)
    outputs = {}
    for f in dicom_files(out):
        outputs[str(pydicom.dcmread(f, stop_before_pixels=True).SOPInstanceUID)] = f
    pairs = 0
    for f in dicom_files(src):
        s = pydicom.dcmread(f)
        new = uids.get(str(s.SOPInstanceUID))
        if new not in outputs:
            checker.fail(os.path.basename(f), "no de-identified copy")
            continue
        o = pydicom.dcmread(outputs[new])
        name = os.path.basename(f)
        checker.compare(s, o, name, True)
        raw = open(outputs[new], "rb").read()
        for secret in identity_strings(s, checker):
            if secret.encode() in raw:
                checker.fail(name, "identity string %r in the output bytes" % secret)
        if o.get("PatientIdentityRemoved") != "YES":
            checker.fail(name, "Patient Identity Removed is not YES")
        codes = [i.CodeValue for i in o.get("DeidentificationMethodCodeSequence", [])]
        if "113100" not in codes:
            checker.fail(name, "no 113100 in the De-identification Method Code Sequence")
        if "PixelData" in s and s.PixelData != o.PixelData:
            checker.fail(name, "pixel data changed")
        for key in ("ImagePositionPatient", "ImageOrientationPatient", "PixelSpacing", "Rows", "Columns"):
            if text(s.get(key)) != text(o.get(key)):
                checker.fail(name, key + " changed")
        pairs += 1
    print(json.dumps({"files": pairs, "attributes_checked": checker.checked, "failures": checker.failures}))
    return 0 if not checker.failures and pairs else 1


if __name__ == "__main__":
    if sys.argv[1] == "poison":
        poison(sys.argv[2], sys.argv[3])
    else:
        sys.exit(check(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], set(sys.argv[6:])))
