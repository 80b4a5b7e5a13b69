#!/usr/bin/python3
"""Cases for Lumen's interactive-segmenter starter model: objects that the image itself shows.

Brain (mricron-data's ch2, warped per case as make_brain_cases.py does, new intensity response):
  1 cerebrum + brainstem (ch2bet minus 2-4)   2 cerebellum (AAL 91-116)
  3 deep grey nuclei (AAL 71-78)              4 ventricles (CSF inside the brain, from ch2's own intensities)
  5 lesions: 1-4 per case, 2-12 mm radii, hypo- or hyperintense by 25-60 %
Synthetic CT (chest-abdomen phantoms, every organ's size, place and HU drawn per case; 1.5 x 1.5 x 2.5 mm):
  1 liver  2 kidneys  3 spleen  4 vertebral bodies  5 aorta  6 lungs  7 heart  8 lesions (liver, kidney)
Every connected component of a label is one object (class-agnostic training, ai/internal/InteractiveBatch).

Held-out cases (interactive_test.json, seeds never used for training), in groups that eval-interactive
reports apart:
  image-defined  new brain cases (objects: ventricles and lesions only) and new CT cases (every organ)
  atlas-defined  new brain cases whose objects are Harvard-Oxford cortical regions and AAL hippocampus and
                 amygdala: boundaries an atlas draws, not the image. Harvard-Oxford, JHU, Brodmann, AICHA,
                 natbrainlab and inia19 are never used for training.

  make_interactive_cases.py OUT_DIR [--brain 20 --ct 10 --validation 1 --test-brain 6 --test-ct 4 --test-atlas 3]
"""
import argparse
import json
import os
import sys

import nibabel as nib
import numpy as np
from scipy import ndimage

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_brain_cases as mb  # noqa: E402  (the warp)

HO_REGIONS = [1, 7, 17, 22, 30]    # frontal pole, precentral, postcentral, lateral occipital (sup.), parahippocampal (post.)
AAL_REGIONS = [37, 38, 41, 42]     # hippocampus L/R, amygdala L/R


def brain_anatomy():
    ch2_img, ch2 = mb.load("ch2")
    _, bet = mb.load("ch2bet")
    _, aal = mb.load("aal")
    labels = np.zeros(ch2.shape, np.uint8)
    brain = bet > 0
    labels[brain] = 1
    labels[(aal >= 91) & (aal <= 116)] = 2
    labels[(aal >= 71) & (aal <= 78)] = 3
    # Ventricles: dark (CSF) voxels deep inside the brain, the large central components.
    deep = ndimage.binary_erosion(brain, iterations=10)
    csf = deep & (ch2 < 0.45 * np.percentile(ch2[brain], 90))
    cc, n = ndimage.label(csf)
    sizes = ndimage.sum(csf, cc, range(1, n + 1))
    centre = np.array(ch2.shape) / 2
    for k in range(1, n + 1):
        if sizes[k - 1] < 400:
            continue
        com = np.array(ndimage.center_of_mass(csf, cc, k))
        if np.all(np.abs(com - centre)[:2] < 45):
            labels[cc == k] = 4
    return ch2_img.affine, ch2.astype(np.float32), labels, aal


def atlas_labels(affine, shape, aal):
    """Harvard-Oxford regions and AAL hippocampus/amygdala on ch2's grid (nearest neighbour)."""
    ho = nib.load(os.path.join(mb.TEMPLATES, "HarvardOxford-cort-maxprob-thr0-1mm.nii.gz"))
    to_ho = np.linalg.inv(ho.affine) @ affine
    idx = np.indices(shape, dtype=np.float32).reshape(3, -1)
    src = to_ho[:3, :3] @ idx + to_ho[:3, 3:4]
    ho_on_ch2 = ndimage.map_coordinates(np.asarray(ho.dataobj), src, order=0, mode="constant").reshape(shape)
    out = np.zeros(shape, np.uint8)
    for n, v in enumerate(HO_REGIONS):
        out[ho_on_ch2 == v] = n + 1
    for n, v in enumerate(AAL_REGIONS):
        out[aal == v] = len(HO_REGIONS) + n + 1
    return out


def brain_case(seed, ch2, labels, atlas):
    rng = np.random.default_rng(seed)
    coords = mb.warp_coordinates(ch2.shape, rng)
    image = ndimage.map_coordinates(ch2, coords, order=1, mode="constant")
    seg = ndimage.map_coordinates(labels, coords, order=0, mode="constant").astype(np.uint8)
    atl = ndimage.map_coordinates(atlas, coords, order=0, mode="constant").astype(np.uint8)
    inside = ndimage.binary_erosion((seg == 1) | (seg == 3), iterations=8)
    candidates = np.argwhere(inside)
    zz = np.indices(image.shape, dtype=np.float32)
    for _ in range(int(rng.integers(1, 5))):
        c = candidates[rng.integers(len(candidates))].astype(np.float32)
        radii = rng.uniform(2, 12) * rng.uniform(0.7, 1.3, 3)
        lo = np.maximum(0, (c - radii - 3).astype(int))
        hi = np.minimum(image.shape, (c + radii + 4).astype(int))
        sl = tuple(slice(a, b) for a, b in zip(lo, hi))
        d = np.sqrt(sum(((zz[a][sl] - c[a]) / radii[a]) ** 2 for a in range(3)))
        weight = np.clip((1.15 - d) / 0.3, 0, 1)
        texture = 1 + 0.1 * ndimage.gaussian_filter(rng.normal(0, 1, d.shape).astype(np.float32), 1) * 3
        factor = rng.uniform(0.4, 0.75) if rng.random() < 0.5 else rng.uniform(1.25, 1.6)
        image[sl] *= 1 + weight * (factor * texture - 1)
        seg[sl][d <= 1] = 5
    image = 254 * (np.clip(image, 0, None) / 254) ** rng.uniform(0.8, 1.25)
    bias = ndimage.zoom(rng.normal(0, 0.08, (4, 4, 4)), [s / 4 for s in image.shape], order=3)
    image *= np.exp(bias[:image.shape[0], :image.shape[1], :image.shape[2]])
    image += rng.normal(0, rng.uniform(1, 5), image.shape)
    return np.clip(np.round(image), 0, 32767).astype(np.int16), seg, atl


def ct_case(seed):
    """A chest-abdomen phantom: 224 x 176 x 96 voxels of 1.5 x 1.5 x 2.5 mm, HU."""
    rng = np.random.default_rng(seed)
    shape = (224, 176, 96)
    sp = np.array([1.5, 1.5, 2.5])
    x, y, z = [(np.arange(n) - (n - 1) / 2) * s for n, s in zip(shape, sp)]
    X, Y, Z = np.meshgrid(x, y, z, indexing="ij")
    hu = np.full(shape, -1000.0, np.float32)
    lab = np.zeros(shape, np.uint8)
    j = lambda a, b: rng.uniform(a, b)  # noqa: E731

    def ell(cx, cy, cz, a, b, c):
        return ((X - cx) / a) ** 2 + ((Y - cy) / b) ** 2 + ((Z - cz) / c) ** 2 <= 1

    body_a, body_b = j(145, 170), j(100, 120)
    body = (X / body_a) ** 2 + (Y / body_b) ** 2
    hu[body <= 1] = -100
    hu[body <= 0.78] = 45
    hu[body <= 0.72] = 35
    chest = Z > j(-10, 20)  # lungs and heart above, abdomen below
    for side in (-1, 1):
        lung = ell(side * j(65, 80), j(0, 15), j(70, 90), j(50, 62), j(60, 75), j(60, 80)) & chest & (body <= 0.7)
        hu[lung] = -850 + rng.normal(0, 20)
        lab[lung] = 6
    heart = ell(j(10, 30), j(-40, -20), j(40, 60), j(45, 60), j(40, 50), j(40, 55)) & chest
    hu[heart] = j(110, 160)
    lab[heart] = 7
    liver = ell(j(-80, -60), j(-20, 0), j(-25, -5), j(60, 80), j(55, 70), j(45, 65)) & (body <= 0.7) & ~heart
    hu[liver] = j(50, 70)
    lab[liver] = 1
    spleen = ell(j(65, 85), j(15, 35), j(-15, 5), j(18, 28), j(25, 35), j(30, 45)) & ~liver & (body <= 0.7)
    hu[spleen] = j(40, 55)
    lab[spleen] = 3
    kz = j(-80, -60)
    for side in (-1, 1):
        kidney = ell(side * j(55, 70), j(45, 60), kz + j(-8, 8), j(22, 30), j(18, 24), j(40, 55)) & ~liver & ~spleen
        hu[kidney] = j(130, 180)
        lab[kidney] = 2
    aorta = ((X - j(-30, -15)) ** 2 + (Y - j(30, 45)) ** 2 <= j(9, 13) ** 2) & (body <= 0.7) & ~heart
    hu[aorta] = j(180, 260)
    lab[aorta] = 5
    vx, vy, vr = j(-5, 5), j(65, 80), j(16, 22)
    disc = np.mod(Z + j(0, 30), 30) < 6
    vertebra = ((X - vx) ** 2 + (Y - vy) ** 2 <= vr ** 2) & ~disc
    hu[vertebra] = np.where((X - vx) ** 2 + (Y - vy) ** 2 >= (0.8 * vr) ** 2, j(600, 800), j(200, 300))[vertebra]
    lab[vertebra] = 4
    hu[((X - vx) ** 2 + (Y - vy) ** 2 <= vr ** 2) & disc] = 90
    organs = [(liver, 4, 15), (lab == 2, 4, 10)]
    for mask, rmin, rmax in organs:
        pts = np.argwhere(ndimage.binary_erosion(mask, iterations=4))
        for _ in range(int(rng.integers(0 if mask is not liver else 1, 3))):
            if len(pts) == 0:
                break
            c = pts[rng.integers(len(pts))] * sp - (np.array(shape) - 1) / 2 * sp
            r = rng.uniform(rmin, rmax) * rng.uniform(0.8, 1.2, 3)
            les = ell(c[0], c[1], c[2], *r) & mask
            hu[les] += rng.uniform(-55, -20) if rng.random() < 0.7 else rng.uniform(30, 60)
            lab[les] = 8
    hu = ndimage.gaussian_filter(hu, 0.6) + rng.normal(0, j(8, 20), shape)
    affine = np.diag([sp[0], sp[1], sp[2], 1.0])
    affine[:3, 3] = -(np.array(shape) - 1) / 2 * sp
    return np.clip(np.round(hu), -1024, 3071).astype(np.int16), lab, affine


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out")
    p.add_argument("--brain", type=int, default=20)
    p.add_argument("--ct", type=int, default=10)
    p.add_argument("--validation", type=int, default=1, help="of each kind (checkpoint choice)")
    p.add_argument("--test-brain", type=int, default=6)
    p.add_argument("--test-ct", type=int, default=4)
    p.add_argument("--test-atlas", type=int, default=3)
    a = p.parse_args()
    os.makedirs(a.out, exist_ok=True)
    affine, ch2, labels, aal = brain_anatomy()
    atlas = atlas_labels(affine, ch2.shape, aal)
    lists = {"training": [], "validation": []}
    test = []

    def save(name, image, seg, aff):
        nib.save(nib.Nifti1Image(image, aff), f"{a.out}/{name}.nii.gz")
        nib.save(nib.Nifti1Image(seg, aff), f"{a.out}/{name}_objects.nii.gz")
        print(name, "objects:", sorted(set(np.unique(seg)) - {0}), flush=True)
        return {"image": f"{name}.nii.gz", "label": f"{name}_objects.nii.gz"}

    # Seeds: brain training 21000+, validation 25000+, test 29000+, atlas test 31000+; CT 41000+, 45000+, 49000+.
    for split, n, seed0 in (("training", a.brain, 21000), ("validation", a.validation, 25000)):
        for s in range(n):
            image, seg, _ = brain_case(seed0 + s, ch2, labels, atlas)
            lists[split].append(save(f"ibrain{seed0 + s}", image, seg, affine))
    for split, n, seed0 in (("training", a.ct, 41000), ("validation", a.validation, 45000)):
        for s in range(n):
            image, seg, aff = ct_case(seed0 + s)
            lists[split].append(save(f"ict{seed0 + s}", image, seg, aff))
    for s in range(a.test_brain):
        image, seg, _ = brain_case(29000 + s, ch2, labels, atlas)
        seg[(seg != 4) & (seg != 5)] = 0  # image-defined: ventricles and lesions
        test.append(dict(save(f"ibrain{29000 + s}", image, seg, affine), group="image-defined"))
    for s in range(a.test_ct):
        image, seg, aff = ct_case(49000 + s)
        test.append(dict(save(f"ict{49000 + s}", image, seg, aff), group="image-defined"))
    for s in range(a.test_atlas):
        image, _, atl = brain_case(31000 + s, ch2, labels, atlas)
        test.append(dict(save(f"iatlas{31000 + s}", image, atl, affine), group="atlas-defined"))
    if a.brain or a.ct:
        with open(f"{a.out}/interactive_datalist.json", "w") as f:
            json.dump(lists, f, indent=1)
    if test:
        with open(f"{a.out}/interactive_test.json", "w") as f:
            json.dump({"validation": test}, f, indent=1)


if __name__ == "__main__":
    main()
