#!/usr/bin/python3
"""Defines Lumen's starter network architectures and writes an *untrained* one as TorchScript.

Run with Debian's /usr/bin/python3 + python3-torch. All training is done by `lumen-ai`; this script
only fixes an architecture (and its random initial weights, from --seed) so that LibTorch can train
the scripted module itself. Tensors are [N, C, I, J, K] (MONAI's axis order).

  script_network.py --arch unet --in-channels 1 --out-channels 4 --seed 0 --out model.pt
"""
import argparse

import torch
from torch import nn
import torch.nn.functional as F


class ConvBlock(nn.Module):
    def __init__(self, cin: int, cout: int):
        super().__init__()
        self.conv1 = nn.Conv3d(cin, cout, 3, padding=1)
        self.norm1 = nn.InstanceNorm3d(cout, affine=True)
        self.conv2 = nn.Conv3d(cout, cout, 3, padding=1)
        self.norm2 = nn.InstanceNorm3d(cout, affine=True)

    def forward(self, x):
        x = F.leaky_relu(self.norm1(self.conv1(x)), 0.01)
        return F.leaky_relu(self.norm2(self.conv2(x)), 0.01)


class UNet3D(nn.Module):
    """A small 3-level 3D U-Net: sized for 2 CPU cores (patch dims must be multiples of 4)."""

    def __init__(self, cin: int, cout: int, width: int = 8):
        super().__init__()
        self.enc1 = ConvBlock(cin, width)
        self.enc2 = ConvBlock(width, 2 * width)
        self.bottom = ConvBlock(2 * width, 4 * width)
        self.up2 = nn.ConvTranspose3d(4 * width, 2 * width, 2, stride=2)
        self.dec2 = ConvBlock(4 * width, 2 * width)
        self.up1 = nn.ConvTranspose3d(2 * width, width, 2, stride=2)
        self.dec1 = ConvBlock(2 * width, width)
        self.head = nn.Conv3d(width, cout, 1)

    def forward(self, x):
        e1 = self.enc1(x)
        e2 = self.enc2(F.max_pool3d(e1, 2))
        b = self.bottom(F.max_pool3d(e2, 2))
        d2 = self.dec2(torch.cat([self.up2(b), e2], 1))
        d1 = self.dec1(torch.cat([self.up1(d2), e1], 1))
        return self.head(d1)


class Classifier3D(nn.Module):
    """Four conv blocks with max pooling, then global *max* pooling → class logits [N, classes].
    "Is there a lesion anywhere?" is a max question: average pooling dilutes a small finding over
    the whole brain (a first version with it never learned, AUC 0.5)."""

    def __init__(self, cin: int, classes: int, width: int = 8):
        super().__init__()
        self.b1 = ConvBlock(cin, width)
        self.b2 = ConvBlock(width, 2 * width)
        self.b3 = ConvBlock(2 * width, 4 * width)
        self.b4 = ConvBlock(4 * width, 4 * width)
        self.fc = nn.Linear(4 * width, classes)

    def forward(self, x):
        x = F.max_pool3d(self.b1(x), 2)
        x = F.max_pool3d(self.b2(x), 2)
        x = F.max_pool3d(self.b3(x), 2)
        x = self.b4(x)
        return self.fc(torch.amax(x, dim=[2, 3, 4]))


def build(arch: str, cin: int, cout: int, width: int) -> nn.Module:
    if arch == "unet":  # segmentation (cout = labels + 1) and centre-heatmap detection (cout = classes + 3)
        return UNet3D(cin, cout, width)
    if arch == "classifier":
        return Classifier3D(cin, cout, width)
    raise SystemExit(f"unknown --arch {arch}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--arch", required=True, choices=["unet", "classifier"])
    p.add_argument("--in-channels", type=int, default=1)
    p.add_argument("--out-channels", type=int, required=True)
    p.add_argument("--width", type=int, default=8)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--heatmap-channels", type=int, default=0,
                   help="detection: the first N output channels are centre heatmaps; their bias starts at "
                        "log(0.01/0.99) (CenterNet's prior), so training begins by finding centres, not by "
                        "unlearning a 0.5 everywhere")
    p.add_argument("--out", required=True)
    a = p.parse_args()
    torch.manual_seed(a.seed)
    net = build(a.arch, a.in_channels, a.out_channels, a.width)
    if a.heatmap_channels:
        with torch.no_grad():
            net.head.bias[:a.heatmap_channels] = -4.595
    module = torch.jit.script(net)
    module.save(a.out)


if __name__ == "__main__":
    main()
