#pragma once
#include "ai/FloatImage.h"

#include <array>
#include <vector>

namespace lumen::ai {

class TorchNetwork;

// Why a classifier or a detector decided (`lumen-ai infer --explain`, the AI panel's saliency
// map): the magnitude of the gradient of the decision's logit with respect to the network's input
// (Simonyan et al.'s saliency), summed over channels, smoothed over about a voxel (two 3³ box
// passes) and scaled so that its maximum is 1. Where it is high, a change of the image would
// most change the decision.
//
// Grad-CAM would need the activations of a named convolutional layer, which a TorchScript file
// does not expose in a way that holds for every architecture (an imported MONAI bundle names its
// layers its own way); the input gradient exists for every differentiable network, and costs one
// forward and one backward pass per decision.

// The decision of a whole-image classifier: the `target` class's logit minus the mean of all
// logits (for one sigmoid output, that output). `input` is what the network is fed, one patch.
FloatImage classificationSaliency(TorchNetwork& network, const FloatImage& input, std::size_t target);

// The decisions of a centre-heatmap detector: each finding's heatmap logit at its centre voxel,
// computed on one patch around it and weighted by the finding's score. `input` is the padded
// model-grid image the sliding window ran on; centres are voxel indices on it.
struct SaliencyTarget {
    std::array<int, 3> centre{};  // voxel on the input grid
    int channel = 0;              // the class's heatmap channel
    double weight = 1;            // the finding's score
};
FloatImage detectionSaliency(TorchNetwork& network, const FloatImage& input, const std::vector<SaliencyTarget>& targets,
                             const std::array<int, 3>& patch);

}  // namespace lumen::ai
