#!/usr/bin/python3
"""Peer of `ai_bench train-step`: one training iteration of the same TorchScript file with Debian's
python3-torch: forward, cross-entropy + soft Dice (the same formula as Lumen's), backward, Adam step,
on a random batch. Prints the median ms of N iterations after one warm-up.

  ai_train_step.py MODEL.pt --patch 48 --batch 2 --out-channels 4 [--iterations 5] [--threads 2]
"""
import argparse
import json
import statistics
import time

import torch
import torch.nn.functional as F


def loss_fn(logits, target):
    k = logits.shape[1]
    ce = F.cross_entropy(logits, target)
    p = torch.softmax(logits, 1)
    y = F.one_hot(target, k).permute(0, 4, 1, 2, 3).to(p.dtype)
    dims = [0, 2, 3, 4]
    dice = (2 * (p * y).sum(dims) + 1e-5) / (p.sum(dims) + y.sum(dims) + 1e-5)
    return ce + (1 - dice.mean())


def main():
    a = argparse.ArgumentParser()
    a.add_argument("model")
    a.add_argument("--patch", type=int, default=48)
    a.add_argument("--batch", type=int, default=2)
    a.add_argument("--out-channels", type=int, default=4)
    a.add_argument("--iterations", type=int, default=5)
    a.add_argument("--threads", type=int, default=2)
    o = a.parse_args()
    torch.set_num_threads(o.threads)
    net = torch.jit.load(o.model).train()
    opt = torch.optim.Adam(net.parameters(), 1e-3)
    torch.manual_seed(1)
    x = torch.randn(o.batch, 1, o.patch, o.patch, o.patch)
    y = torch.randint(0, o.out_channels, (o.batch, o.patch, o.patch, o.patch))
    times = []
    for i in range(o.iterations + 1):
        t = time.perf_counter()
        loss = loss_fn(net(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        if i:
            times.append((time.perf_counter() - t) * 1000)
    print(json.dumps({"mode": "train-step", "ms_per_iteration": statistics.median(times)}))


if __name__ == "__main__":
    main()
