#!/usr/bin/python3
"""bench_table.py: the Markdown table becomes JSON, and compare flags only what got >20 % worse."""
import importlib.util
import io
import os
import unittest
from contextlib import redirect_stdout

spec = importlib.util.spec_from_file_location("bench_table", os.path.join(os.path.dirname(__file__), "bench_table.py"))
bench_table = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench_table)

TABLE = """OpenGL renderer: llvmpipe (LLVM 15.0.6, 256 bits); 2 cores

| measure | Lumen | peer, same run | target |
|---|---|---|---|
| longest GUI stall while loading | 28 ms |  | ≤ 100 ms |
| scroll + label overlay, 512² | 124.7 fps | 127.1 fps (VTK reslice mappers, no Qt) | ≥ 60 fps |
| brush move, 10 mm, applied + re-rendered (512² view) | 9 ms per frame (move handled in 0.42 ms) |  | ≤ 16 ms |
| app start to main window (median of 3; min 407 ms) | 414 ms |  | ≤ 1000 ms |
"""


class BenchTable(unittest.TestCase):
    def test_table_to_json(self):
        j = bench_table.to_json(TABLE.splitlines())
        self.assertEqual(j["renderer"], "llvmpipe (LLVM 15.0.6, 256 bits); 2 cores")
        m = j["measures"]
        self.assertEqual(set(m), {"longest GUI stall while loading", "scroll + label overlay, 512²",
                                  "brush move, 10 mm, applied + re-rendered", "app start to main window"})
        self.assertEqual(m["scroll + label overlay, 512²"], {"value": 124.7, "unit": "fps", "peer": 127.1, "target": "≥ 60 fps"})
        self.assertEqual(m["brush move, 10 mm, applied + re-rendered"]["value"], 9.0)
        self.assertEqual(m["app start to main window"]["value"], 414.0)

    def compare(self, changes):
        base = bench_table.to_json(TABLE.splitlines())
        run = bench_table.to_json(TABLE.splitlines())
        for name, value in changes.items():
            run["measures"][name]["value"] = value
        out = io.StringIO()
        with redirect_stdout(out):
            status = bench_table.compare(base, run, 20.0)
        return status, out.getvalue()

    def test_same_figures_pass(self):
        self.assertEqual(self.compare({})[0], 0)

    def test_fps_down_and_ms_up_by_more_than_20_percent_are_flagged(self):
        status, out = self.compare({"scroll + label overlay, 512²": 95.0, "app start to main window": 520.0})
        self.assertEqual(status, 1)
        self.assertEqual(out.count("⚠"), 2)

    def test_better_figures_and_noise_under_the_floor_pass(self):
        status, _ = self.compare({"scroll + label overlay, 512²": 150.0, "app start to main window": 300.0,
                                  "longest GUI stall while loading": 29.9})
        self.assertEqual(status, 0)
        self.assertEqual(self.compare({"brush move, 10 mm, applied + re-rendered": 10.9})[0], 0)  # +1.9 ms: noise
        self.assertEqual(self.compare({"brush move, 10 mm, applied + re-rendered": 11.5})[0], 1)


if __name__ == "__main__":
    unittest.main()
