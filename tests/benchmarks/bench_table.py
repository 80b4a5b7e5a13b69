#!/usr/bin/python3
"""The viewer benchmark's Markdown table as JSON, and a comparison of two such JSON files.

  bench_table.py to-json < TABLE.md > RUN.json
  bench_table.py compare BASELINE.json RUN.json [PERCENT]   exit status 1 if any measure is worse

A measure is keyed by its name without the parenthesised run details ("app start to main window").
Its value is the first number of the Lumen column with its unit: fps is better higher, ms lower.
"Worse" means by more than PERCENT (default 20) and by more than a noise floor (2 ms or 2 fps),
so that a 9 ms stall becoming 11 ms is not reported as 22 % worse.
"""
import json
import re
import sys

NUMBER = re.compile(r"(-?\d+(?:\.\d+)?)\s*(fps|ms)")


def key(measure):
    return re.sub(r"\s*\(.*?\)", "", measure).strip()


def to_json(lines):
    measures = {}
    renderer = ""
    for line in lines:
        if line.startswith("OpenGL renderer:"):
            renderer = line.split(":", 1)[1].strip()
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 4 or cells[0] in ("measure", "") or set(cells[0]) <= {"-"}:
            continue
        value = NUMBER.search(cells[1])
        if not value:
            continue
        peer = NUMBER.search(cells[2])
        measures[key(cells[0])] = {
            "value": float(value.group(1)),
            "unit": value.group(2),
            "peer": float(peer.group(1)) if peer else None,
            "target": cells[3],
        }
    return {"renderer": renderer, "measures": measures}


def worse(base, run, unit, percent):
    floor = 2.0
    if unit == "fps":
        return run < base * (1 - percent / 100) and base - run > floor
    return run > base * (1 + percent / 100) and run - base > floor


def compare(baseline, run, percent):
    rows, flagged = [], 0
    for name, b in baseline["measures"].items():
        r = run["measures"].get(name)
        if r is None:
            rows.append(f"| {name} | {b['value']:g} {b['unit']} | missing | ⚠ not measured |")
            flagged += 1
            continue
        change = (r["value"] - b["value"]) / b["value"] * 100 if b["value"] else 0.0
        bad = worse(b["value"], r["value"], b["unit"], percent)
        flagged += bad
        peer = f" (peer {r['peer']:g})" if r.get("peer") is not None else ""
        rows.append(f"| {name} | {b['value']:g} {b['unit']} | {r['value']:g} {r['unit']}{peer} | "
                    f"{change:+.0f} %{' ⚠ worse by more than ' + str(percent) + ' %' if bad else ''} |")
    print("| measure | committed | this run | change |\n|---|---|---|---|")
    print("\n".join(rows))
    print(f"\n{flagged} measure(s) more than {percent} % worse than committed." if flagged else
          f"\nNo measure more than {percent} % worse than committed.")
    return 1 if flagged else 0


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "to-json":
        json.dump(to_json(sys.stdin.readlines()), sys.stdout, indent=1, ensure_ascii=False)
        print()
    elif len(sys.argv) >= 4 and sys.argv[1] == "compare":
        with open(sys.argv[2]) as f:
            base = json.load(f)
        with open(sys.argv[3]) as f:
            run = json.load(f)
        sys.exit(compare(base, run, float(sys.argv[4]) if len(sys.argv) > 4 else 20.0))
    else:
        sys.exit(__doc__)
