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


class HeatmapClassifier(nn.Module):
    """A whole-image classifier built on the detector's U-Net: "is there a lesion anywhere?" is the
    global maximum of a per-voxel lesion-evidence map (the detector's centre-heatmap logit,
    channel 0), mapped to class logits by a 1 → classes linear head. Weakly supervised learning
    of the evidence map from 24 class labels alone does not work (a from-scratch CNN with global
    max pooling, the first starter classifier, stayed at chance: held-out AUC 0.42),
    so --from-detector starts the U-Net from the trained lesion-detector (transfer learning) and
    lumen-ai then trains the whole network on the class labels."""

    def __init__(self, cin: int, classes: int, width: int = 8, unet_out: int = 4):
        super().__init__()
        self.unet = UNet3D(cin, unet_out, width)
        self.head = nn.Linear(1, classes)

    def forward(self, x):
        evidence = self.unet(x)[:, 0]
        return self.head(torch.amax(evidence, dim=[1, 2, 3]).unsqueeze(1))


def build(arch: str, cin: int, cout: int, width: int) -> nn.Module:
    if arch == "unet":  # segmentation (cout = labels + 1) and centre-heatmap detection (cout = classes + 3)
        return UNet3D(cin, cout, width)
    if arch == "heatmap-classifier":
        return HeatmapClassifier(cin, cout, width)
    raise SystemExit(f"unknown --arch {arch}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--arch", required=True, choices=["unet", "heatmap-classifier"])
    p.add_argument("--in-channels", type=int, default=1)
    p.add_argument("--out-channels", type=int, required=True)
    p.add_argument("--width", type=int, default=8)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--heatmap-channels", type=int, default=0,
                   help="detection: the first N output channels are centre heatmaps; their bias starts at "
                        "log(0.01/0.99) (CenterNet's prior), so training begins by finding centres, not by "
                        "unlearning a 0.5 everywhere")
    p.add_argument("--from-detector", metavar="MODEL_PT",
                   help="heatmap-classifier: copy the U-Net weights of a detector trained by lumen-ai; "
                        "the head starts as logit(lesion) - logit(none) = the maximum evidence")
    p.add_argument("--out", required=True)
    a = p.parse_args()
    torch.manual_seed(a.seed)
    net = build(a.arch, a.in_channels, a.out_channels, a.width)
    if a.heatmap_channels:
        with torch.no_grad():
            net.head.bias[:a.heatmap_channels] = -4.595
    if a.from_detector:
        if a.arch != "heatmap-classifier" or a.out_channels != 2:
            raise SystemExit("--from-detector builds a two-class heatmap-classifier")
        net.unet.load_state_dict(torch.jit.load(a.from_detector).state_dict())
        with torch.no_grad():
            net.head.weight[:] = torch.tensor([[-0.5], [0.5]])
            net.head.bias.zero_()
    module = torch.jit.script(net)
    module.save(a.out)


if __name__ == "__main__":
    main()
