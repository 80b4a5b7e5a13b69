#!/usr/bin/python3
"""Oracle for lumen-ai's sliding-window inference: the same TorchScript file run by Debian's
python3-torch on the same preprocessed input, with MONAI's sliding_window_inference written out
from its documented behaviour (symmetric zero pad to the patch, scan interval int(roi*(1-overlap)),
last window shifted to the edge, Gaussian importance sigma = 0.125*roi, normalised, clamped >= 1e-3).

  sliding_window.py MODEL.pt IN.f32 C NI NJ NK PI PJ PK OVERLAP gaussian|constant BATCH OUT.f32 [--threads N]
                    [--padding replicate]   (MONAI's padding_mode; default zeros)

IN.f32 / OUT.f32: raw little-endian float32, memory order [C][K][J][I] (Lumen's). Prints the output
channel count and the network's wall time in ms as JSON.
"""
import json
import math
import sys
import time

import numpy as np
import torch


def starts(size, roi, overlap):
    interval = roi if roi == size else int(roi * (1 - overlap))
    interval = max(interval, 1)
    if size <= roi:
        return [0]
    num = int(math.ceil(size / interval))
    last = next((d for d in range(num) if d * interval + roi >= size), None)
    count = last + 1 if last is not None else 1
    return [i * interval - max(i * interval + roi - size, 0) for i in range(count)]


def importance(roi, mode):
    if mode == "constant":
        return torch.ones(roi)
    m = None
    for i, n in enumerate(roi):
        x = torch.arange(n, dtype=torch.float) - (n - 1) / 2.0
        g = torch.exp(x ** 2 / (-2 * (0.125 * n) ** 2))
        m = g if m is None else m.unsqueeze(-1) * g.view(*([1] * i), n)
    m = m / m.max()
    return m.clamp(min=max(m.min().item(), 1e-3))


def infer(net, x, roi, overlap, mode, batch, padding="constant"):
    """x: [C, I, J, K] tensor. Returns the blended raw output [K, I, J, K], ms in net(), window count."""
    c = x.shape[0]
    size = tuple(x.shape[1:])
    pad = [max(r - s, 0) for r, s in zip(roi, size)]
    before = [p // 2 for p in pad]
    if padding == "replicate":
        widths = []
        for p, b in reversed(list(zip(pad, before))):  # F.pad lists the last axis first
            widths += [b, p - b]
        padded = torch.nn.functional.pad(x.unsqueeze(0), widths, mode="replicate")[0]
    else:
        padded = torch.zeros((c,) + tuple(s + p for s, p in zip(size, pad)))
        padded[:, before[0]:before[0] + size[0], before[1]:before[1] + size[1], before[2]:before[2] + size[2]] = x
    windows = [(a, b, d) for a in starts(padded.shape[1], roi[0], overlap)
               for b in starts(padded.shape[2], roi[1], overlap)
               for d in starts(padded.shape[3], roi[2], overlap)]
    imp = importance(roi, mode)
    accum = weight = None
    network_ms = 0.0
    with torch.no_grad():
        for first in range(0, len(windows), batch):
            group = windows[first:first + batch]
            patch = torch.stack([padded[:, a:a + roi[0], b:b + roi[1], d:d + roi[2]] for a, b, d in group])
            t0 = time.perf_counter()
            out = net(patch).float()
            network_ms += (time.perf_counter() - t0) * 1000
            if accum is None:
                accum = torch.zeros((out.shape[1],) + padded.shape[1:])
                weight = torch.zeros(padded.shape[1:])
            for n, (a, b, d) in enumerate(group):
                accum[:, a:a + roi[0], b:b + roi[1], d:d + roi[2]] += out[n] * imp
                weight[a:a + roi[0], b:b + roi[1], d:d + roi[2]] += imp
    result = (accum / weight)[:, before[0]:before[0] + size[0], before[1]:before[1] + size[1], before[2]:before[2] + size[2]]
    return result, network_ms, len(windows)


def positional_args_and_threads():
    """sys.argv[1:] without "--threads N" (applied to Torch) and "--padding MODE" (returned)."""
    args = sys.argv[1:]
    padding = "constant"
    if "--padding" in args:
        k = args.index("--padding")
        padding = args[k + 1]
        del args[k:k + 2]
    if "--threads" in args:
        k = args.index("--threads")
        torch.set_num_threads(int(args[k + 1]))
        del args[k:k + 2]
    return args, padding


def main():
    args, padding = positional_args_and_threads()
    model, src, c, ni, nj, nk, pi, pj, pk, overlap, mode, batch, dst = args
    c, ni, nj, nk, batch = int(c), int(ni), int(nj), int(nk), int(batch)
    roi = (int(pi), int(pj), int(pk))
    net = torch.jit.load(model).eval()
    x = torch.from_numpy(np.fromfile(src, dtype="<f4").reshape(c, nk, nj, ni).transpose(0, 3, 2, 1).copy())
    result, network_ms, windows = infer(net, x, roi, float(overlap), mode, batch, padding)
    result.permute(0, 3, 2, 1).contiguous().numpy().astype("<f4").tofile(dst)
    print(json.dumps({"channels": int(result.shape[0]), "network_ms": network_ms, "windows": windows}))


if __name__ == "__main__":
    main()
