#!/usr/bin/python3
"""Fills each starter model's "applicability" — the part of its card that Lumen checks before and
after every run (docs/model-package.md) — from the training cases of make_brain_cases.py, and
reports how many held-out cases would be warned about (none should be).

  applicability.py WORK_DIR        (WORK_DIR/cases from train_starter_models.sh)

What is derived, and how:
- modality MR and body part BRAIN or HEAD: what the data are (mricron-data's T1 brain);
- field of view: the training images' extents, axis-sorted, from 0.6x the smallest to 1.5x the
  largest (a whole-head scan fits, a chest or an abdomen, or a monkey's brain, does not);
- voxel spacing: the cases are 1 mm and the networks see 3 mm; an image coarser than 2 mm
  in-plane or 3.5 mm between slices gives them less than any training case did;
- intensities: the 1st percentile of every training image is background (0); an image whose 1st
  percentile is below -50 has negative values a magnitude MR never has (CT air is -1000);
- segmentation volumes (brain-structures): each label's volume over the training cases, from
  0.75x the smallest to 1.25x the largest;
- segmentation pieces and places (brain-structures): each label's number of main pieces (26-connected
  components holding at least 5 % of it), from one fewer than the fewest to one more than the most,
  and where its centre lies from the centre of all labels (LPS mm), 10 mm beyond the training range.
  The held-out cases' results (`lumen-ai infer`) must raise no label warning.
Then `lumen-ai ood-fit` fits each model's out-of-distribution score ("ood": the input's histogram
on the model grid against the training cases', thresholded where 95 % of the held-out-able cases
stay; see OOD_FEATURES) and
the held-out cases' pass rate goes on the card ("ood_heldout").
The model.json files change in "applicability", "ood" and card.ood_heldout only; model.pt and its
sha256 are untouched.
"""
import json
import os
import subprocess
import sys

import nibabel as nib
import numpy as np
from scipy import ndimage

MODELS = ["brain-structures", "lesion-detector", "lesion-classifier"]
DATALISTS = {"brain-structures": "seg", "lesion-detector": "det", "lesion-classifier": "cls"}
# The out-of-distribution score's histogram: what brain-structures is fed (percentile normalisation:
# 24 of 24 held-out cases pass; inia19 1.67, the demo CT 1.07). What the z-score models are fed
# follows how much noise and air the statistics saw (`nonzero`: mricron's noise-free ch2 template,
# the demo brain, scored 2.3 against the noisy training cases), so theirs is the image scaled by
# its own percentiles, as brain-structures' is (ch2 0.12, inia19 1.67, the CT 1.07).
OOD_FEATURES = {"brain-structures": "normalized", "lesion-detector": "percentile", "lesion-classifier": "percentile"}


def image_facts(path):
    img = nib.load(path)
    data = np.asarray(img.dataobj, dtype=np.float32)
    zooms = np.array(img.header.get_zooms()[:3], dtype=float)
    sample = data.ravel()[:: max(1, data.size // 2000000)]
    return {
        "spacing": sorted(zooms.tolist()),
        "fov": sorted((zooms * np.array(data.shape[:3])).tolist()),
        "p1": float(np.percentile(sample, 1)),
        "voxel_ml": float(np.prod(zooms)) / 1000.0,
    }


def pieces_and_places(seg, affine, labels):
    """Each label's main pieces and its centre's LPS offset (mm) from the centre of every label."""
    ras = lambda ijk: (affine @ np.append(ijk, 1))[:3]
    lps = lambda v: np.array([-v[0], -v[1], v[2]])
    centre = lps(ras(np.array(ndimage.center_of_mass(seg > 0))))
    out = {}
    for label in labels:
        mask = seg == label
        if not mask.any():
            continue
        parts, n = ndimage.label(mask, structure=np.ones((3, 3, 3)))
        sizes = np.bincount(parts.ravel())[1:]
        main = int((sizes >= 0.05 * mask.sum()).sum())
        out[label] = (main, lps(ras(np.array(ndimage.center_of_mass(mask)))) - centre)
    return out


def ai_binary(root):
    return os.environ.get("LUMEN_AI", os.path.join(root, "..", "..", "build", "release", "bin", "lumen-ai"))  # root: resources/models


def fit_ood(root, model_json, cases, kind, feature):
    out = subprocess.run([ai_binary(root), "ood-fit", "--model", os.path.dirname(model_json), "--data", os.path.join(cases, f"{kind}_datalist.json"),
                          "--check", os.path.join(cases, f"{kind}_test.json"), "--feature", feature],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    work = sys.argv[1]
    cases = os.path.join(work, "cases")
    training = json.load(open(os.path.join(cases, "seg_datalist.json")))["training"]
    facts, volumes, pieces, offsets = [], {1: [], 2: [], 3: []}, {1: [], 2: [], 3: []}, {1: [], 2: [], 3: []}
    for case in training:
        f = image_facts(os.path.join(cases, case["image"]))
        facts.append(f)
        seg_image = nib.load(os.path.join(cases, case["label"]))
        seg = np.asarray(seg_image.dataobj)
        for label in volumes:
            volumes[label].append(float((seg == label).sum()) * f["voxel_ml"])
        for label, (main, offset) in pieces_and_places(seg, seg_image.affine, volumes).items():
            pieces[label].append(main)
            offsets[label].append(offset)
    fov = np.array([f["fov"] for f in facts])
    p1 = min(f["p1"] for f in facts)
    common = {
        "source": f"resources/models/recipes/applicability.py from the {len(training)} training cases",
        "modalities": ["MR"],
        "body_parts": ["BRAIN", "HEAD"],
        "spacing_mm": [[None, 2.0], [None, 2.0], [None, 3.5]],
        "field_of_view_mm": [[round(0.6 * fov[:, a].min()), round(1.5 * fov[:, a].max())] for a in range(3)],
        "intensity_percentiles": {"p1": [round(p1 - 50), None]},
    }
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for name in MODELS:
        applicability = dict(common)
        if name == "brain-structures":
            applicability["label_volume_ml"] = {
                str(label): [round(0.75 * min(v), 1), round(1.25 * max(v), 1)] for label, v in volumes.items()}
            applicability["label_components"] = {str(label): [max(1, min(v) - 1), max(v) + 1] for label, v in pieces.items()}
            applicability["label_offset_mm"] = {
                str(label): [[round(float(np.min(np.array(v)[:, a])) - 10), round(float(np.max(np.array(v)[:, a])) + 10)] for a in range(3)]
                for label, v in offsets.items()}
        # The bundled package only: train_starter_models.sh runs this after every retraining.
        for path in (os.path.join(root, name, "1.0", "model.json"),):
            if not os.path.exists(path):
                continue
            m = json.load(open(path))
            m["applicability"] = applicability
            ood = fit_ood(root, path, cases, DATALISTS[name], OOD_FEATURES[name])
            m["ood"] = ood["ood"]
            held = ood["held_out"]
            m["card"]["ood_heldout"] = (f"{held['passed']} of {held['cases']} held-out cases score within the "
                                        f"out-of-distribution threshold (target {ood['ood']['pass_fraction']:.0%})")
            with open(path + ".tmp", "w") as f:
                json.dump(m, f, indent=2)
                f.write("\n")
            os.replace(path + ".tmp", path)
        print(name, json.dumps(applicability))

    # The held-out cases (never trained on) must pass: the same checks, here in numpy.
    test = os.path.join(cases, "seg_test.json")
    if os.path.exists(test):
        warned = 0
        held_out = json.load(open(test))["validation"]
        for case in held_out:
            f = image_facts(os.path.join(cases, case["image"]))
            ok = all(lo <= v <= hi for v, (lo, hi) in zip(f["fov"], common["field_of_view_mm"]))
            ok &= all(hi is None or v <= hi for v, (_, hi) in zip(f["spacing"], common["spacing_mm"]))
            ok &= f["p1"] >= common["intensity_percentiles"]["p1"][0]
            warned += not ok
        print(f"held-out cases with an input warning: {warned} of {len(held_out)}")
        # And brain-structures' results on them: no label out of its volume, pieces or place.
        model = os.path.join(root, "brain-structures", "1.0")
        flagged = []
        for case in held_out:
            out = os.path.join(work, "applicability-" + os.path.basename(case["image"]).split(".")[0])
            run = subprocess.run([ai_binary(root), "infer", "--quiet", "--threads", "2", "--model", model,
                                  "--input", os.path.join(cases, case["image"]), "--output", out],
                                 check=True, capture_output=True, text=True).stdout
            warnings = json.loads(run.strip().splitlines()[-1]).get("warnings", [])
            labels = [w for w in warnings if w.get("check", "").startswith("label_")]
            if labels:
                flagged.append((case["image"], labels))
            for suffix in (".seg.nii.gz", ".seg.json"):
                if os.path.exists(out + suffix):
                    os.remove(out + suffix)
        print(f"held-out results with a label warning: {len(flagged)} of {len(held_out)}")
        for image, labels in flagged:
            print("  ", image, json.dumps(labels))


if __name__ == "__main__":
    main()
