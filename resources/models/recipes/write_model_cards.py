#!/usr/bin/python3
"""Puts the held-out metrics and the demo-brain runtime that train_starter_models.sh measured into
each starter model's card (model.json "card"; model.pt and its sha256 are untouched), and a
classifier's fitted temperature (`lumen-ai calibrate`: output.temperature, card "calibration"),
the held-out figures under standard shifts (`lumen-ai eval --shifts`: card "robustness"), and writes resources/models/README.md from the cards. A model whose measurements are not in
WORK_DIR (MODELS= rebuilt others) keeps its card.

  write_model_cards.py WORK_DIR
"""
import json
import os
import sys

MODELS = ["brain-structures", "lesion-detector", "lesion-classifier", "interactive-segmenter"]
SCORE = {"segmentation": "mean Dice", "classification": "ROC AUC", "detection": "mean FROC sensitivity at 0.5/1/2 FP"}
# What lumen-ai train augmented with before it recorded it in the provenance (thick slices came with issue 21).
EARLIER_AUGMENTATION = "flips, rotation ±15° and scale 0.9–1.1, intensity scale/shift, gamma 0.7–1.5, noise, bias field"
WARNING = "Not for clinical use: trained from one atlas subject (mricron-data's ch2); lesions are synthetic."
INTERACTIVE_WARNING = "Not for clinical use: trained on one atlas subject (mricron-data's ch2) and synthetic CT phantoms."


def check_no_machine_paths(value, where):
    """A card travels with the package: no absolute path of the machine that trained it."""
    if isinstance(value, dict):
        for v in value.values():
            check_no_machine_paths(v, where)
    elif isinstance(value, list):
        for v in value:
            check_no_machine_paths(v, where)
    elif isinstance(value, str):
        for word in value.split():
            if word.startswith("/") or word.startswith("~"):
                sys.exit(f"{where}: '{word}' is a path of this machine; run the recipe's commands relative to its work folder")


def save(m, path):
    check_no_machine_paths(m, path)
    with open(path + ".tmp", "w") as f:
        json.dump(m, f, indent=2)
        f.write("\n")
    os.replace(path + ".tmp", path)


def interactive_card(m, card, work, name):
    """The interactive segmenter's card: the robot user's held-out figures (`lumen-ai eval-interactive`)
    per group, against region growing, and the prompt latency; its README section."""
    measured = os.path.join(work, name + ".heldout.json")
    if os.path.exists(measured):
        r = json.load(open(measured))
        def summary(g):
            b = g["baseline_region_growing"]
            return {"objects": g["objects"], "dice_after_clicks": g["dice_after_clicks"], "clicks_to_dice": g["clicks_to_dice"],
                    "region_growing_dice_after_clicks": b["dice_after_clicks"]}
        card["heldout_metrics"] = {"cases": r["cases"], "clicks": r["clicks"], "robot_user": "ai/RobotUser (CVPR 2025 challenge rule)",
                                   "groups": {k: summary(v) for k, v in r["groups"].items()}, "all": summary(r),
                                   "latency_ms": r["latency_ms"]}
    card["warning"] = INTERACTIVE_WARNING
    h = card["heldout_metrics"]
    p = m["provenance"]["metrics"]
    fmt = lambda d: " / ".join(f"{x:.2f}" for x in (d[0], d[2], d[4]))  # noqa: E731
    return "\n".join([
        f"## {name} 1.0 (interactive segmentation)",
        "",
        m["description"] + ".",
        "",
        f"- **{INTERACTIVE_WARNING}**",
        f"- Data: {card['data']}",
        f"- Inputs: {card['inputs']}",
        f"- Recipe: `{card['recipe']}` (command: `{m['provenance']['command']}`)",
        f"- Training: {p['iterations']} iterations, best at {p['best_iteration']}, {p['ms_per_iteration']} ms/iteration, "
        f"{len(m['provenance']['training_cases'])} training cases, {p['validation_cases']} validation cases (checkpoint choice); "
        f"augmentation and simulated user: {p['augmentation']}",
        f"- Held-out ({h['cases']} cases never used in training or checkpoint choice; `lumen-ai eval-interactive --clicks 5`), "
        "Dice after 1 / 3 / 5 robot-user clicks, with region growing from its own clicks beside it:",
        *[f"  - {k}: {v['objects']} objects, {fmt(v['dice_after_clicks'])} (region growing {fmt(v['region_growing_dice_after_clicks'])}); "
          f"clicks to 0.85: {v['clicks_to_dice']['0.85']['mean_clicks']}, to 0.90: {v['clicks_to_dice']['0.9']['mean_clicks']}"
          for k, v in sorted(h["groups"].items())],
        f"- Latency per prompt (2 CPU threads): median {h['latency_ms']['p50']:.0f} ms, 95th percentile {h['latency_ms']['p95']:.0f} ms",
        ""])


def main():
    work = sys.argv[1]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    sections = []
    for name in MODELS:
        path = os.path.join(root, name, "1.0", "model.json")
        if not os.path.exists(path):
            continue
        m = json.load(open(path))
        card = m["card"]
        if m["task"] == "interactive_segmentation":
            sections.append(interactive_card(m, card, work, name))
            save(m, path)
            continue
        measured = os.path.join(work, name + ".heldout.json")
        if os.path.exists(measured):
            card["heldout_metrics"] = json.load(open(measured))
            runtime = json.loads(open(os.path.join(work, name + ".runtime.json")).read().strip().splitlines()[-1])
            card["runtime_demo_brain"] = {k: runtime[k] for k in ("device", "preprocess_ms", "network_ms", "postprocess_ms", "total_ms")}
        calibrated = os.path.join(work, name + ".calibration.json")
        c = json.load(open(calibrated)) if os.path.exists(calibrated) else None
        cases = "findings" if m["task"] == "detection" else "cases"  # a detector's are its findings
        if c and "refused" in c:  # checked, and left as it was
            card["calibration"] = {
                "temperature": m["output"].get("temperature", 1.0), "refused": c["refused"],
                "checked_on": f"{c['calibration']['cases']} {cases} of the calibration cases",
                "heldout_ece": c["held_out"]["before"]["ece"], "heldout_findings": c["held_out"]["cases"],
                "heldout_reliability": c["held_out"]["before"]["reliability"]}
        elif c:
            m["output"]["temperature"] = c["temperature"]
            card["calibration"] = {
                "temperature": c["temperature"],
                "fitted_on": f"{c['calibration']['cases']} calibration cases (never used in training, checkpoint choice or the held-out figures)",
                "heldout_ece_before": c["held_out"]["before"]["ece"], "heldout_ece_after": c["held_out"]["after"]["ece"],
                "heldout_reliability_after": c["held_out"]["after"]["reliability"]}
        shifted = os.path.join(work, name + ".shifts.json")
        if os.path.exists(shifted):
            s = json.load(open(shifted))
            card["robustness"] = {
                "cases": s["cases"], "score": SCORE[m["task"]], "unshifted": s["score"],
                "shifts": {k: {"score": v["score"], "change": v["change"], "shift": v["description"]} for k, v in s["shifts"].items()},
                "worst": s["worst_shift"],
                "augmentation": m["provenance"]["metrics"].get("augmentation", EARLIER_AUGMENTATION)}
        card["warning"] = WARNING
        heldout, runtime = card["heldout_metrics"], card["runtime_demo_brain"]
        save(m, path)
        p = m["provenance"]["metrics"]
        sections.append("\n".join([
            f"## {name} 1.0 ({m['task']})",
            "",
            m["description"] + ".",
            "",
            f"- **{WARNING}**",
            f"- Labels: " + ", ".join(f"{l['value']} {l['name']}" for l in m["labels"]),
            f"- Data: {card['data']}",
            f"- Recipe: `{card['recipe']}` (command: `{m['provenance']['command']}`)",
            f"- Training: {p['iterations']} iterations, best at {p['best_iteration']}, {p['ms_per_iteration']} ms/iteration, "
            f"{len(m['provenance']['training_cases'])} training cases, {p['validation_cases']} validation cases (checkpoint choice)",
            f"- Held-out ({heldout['cases']} test cases never used in training or checkpoint choice; `lumen-ai eval`): `{json.dumps({k: v for k, v in heldout.items() if k not in ('model', 'split', 'task', 'reliability', 'temperature_fit')})}`",
            *([f"- Calibration: temperature {card['calibration']['temperature']} fitted on {card['calibration']['fitted_on']}; "
               f"held-out expected calibration error {card['calibration']['heldout_ece_before']} before, "
               f"{card['calibration']['heldout_ece_after']} after (`lumen-ai calibrate`)"]
              if card.get("calibration") and "refused" not in card["calibration"] else []),
            *([f"- Calibration: scores checked on {card['calibration']['checked_on']}; held-out expected calibration error "
               f"{card['calibration']['heldout_ece']} over {card['calibration']['heldout_findings']} {cases}; no temperature adopted: "
               f"{card['calibration']['refused']} (`lumen-ai calibrate`)"]
              if card.get("calibration") and "refused" in card["calibration"] else []),
            *([f"- Robustness ({card['robustness']['cases']} held-out cases, `lumen-ai eval --shifts`; {card['robustness']['score']} "
               f"{card['robustness']['unshifted']} unshifted): " +
               ", ".join(f"{k.replace('_', ' ')} {v['change']:+.3f}" for k, v in card["robustness"]["shifts"].items()) +
               f". Trained with augmentation: {card['robustness']['augmentation']}"] if card.get("robustness") else []),
            f"- Runtime on the 181×217×181 demo brain ({runtime['device']}): {runtime['total_ms'] / 1000:.1f} s "
            f"(network {runtime['network_ms'] / 1000:.1f} s), `lumen-ai infer`",
            *([f"- **Limits:** {card['limits']}"] if card.get("limits") else []),
            f"- Input: {'whole image resized to' if m['input'].get('resize_to_patch') else str(m['input'].get('spacing', 'native')) + ' mm, patch'} "
            f"{m['input']['patch_size']}, {m['input']['orientation']}, "
            f"normalisation {m['input']['normalization']['kind']}",
            ""]))
    with open(os.path.join(root, "README.md"), "w") as f:
        f.write("# Starter models\n\nBundled, read-only packages (`NAME/VERSION/model.json + model.pt`, schema in "
                "`docs/model-package.md`). Rebuilt from Debian-shipped data by `recipes/train_starter_models.sh`; "
                "every figure below comes from that run. Fine-tuned versions go to the user's data folder, never here.\n\n")
        f.write("\n".join(sections))


if __name__ == "__main__":
    main()
