#pragma once
#include "ai/FloatImage.h"
#include "ai/ModelManifest.h"

#include <array>

namespace lumen::core { class Progress; }

namespace lumen::ai {

class TorchNetwork;

struct SlidingWindowOptions {
    std::array<int, 3> patchSize{96, 96, 96};  // along the image's i, j, k
    double overlap = 0.25;
    InputSpec::Blending blending = InputSpec::Blending::Gaussian;
    int batchSize = 4;
    // Start at batchSize and halve it whenever the device runs out of memory (then keep the size
    // that fits): how the batch is sized to the free GPU memory without CUDA headers.
    bool adaptiveBatch = false;
    bool halfPrecision = false;   // CUDA autocast
    int outputChannels = 1;       // what the network must return
    OutputSpec::Activation activation = OutputSpec::Activation::None;
    int activatedChannels = -1;   // activation applies to the first N channels (-1: all)
    double temperature = 1;       // the activated channels' logits are divided by it first (calibration)
    bool replicatePadding = false;  // pad an image smaller than the patch with its edge values, not zeros
};

struct SlidingWindowStats {
    double networkMs = 0;  // inside forward() only
    std::size_t patches = 0;
    int batchSize = 0;     // the batch size that ran (after any halving)
};

// MONAI's sliding_window_inference, reproduced: symmetric zero (or replicate) padding up to the patch size, scan
// interval int(patch·(1−overlap)), the last window shifted back to the edge, a Gaussian importance
// map (σ = 0.125·patch, normalised, clamped ≥ 1e-3) or constant weights, batched windows; the
// blended raw output is then activated. The network sees tensors [N, C, I, J, K] (MONAI's and
// nibabel's axis order). Returns the output channels on the input's grid.
FloatImage slidingWindowInference(TorchNetwork& network, const FloatImage& input, const SlidingWindowOptions& options,
                                  core::Progress* progress = nullptr, SlidingWindowStats* stats = nullptr);

// One forward pass of a whole-image model (classification): input resized to one patch already.
// Returns the activated output vector.
std::vector<float> wholeImageInference(TorchNetwork& network, const FloatImage& input, const OutputSpec& output,
                                       int expectedOutputs, SlidingWindowStats* stats = nullptr);

// The window start positions along one axis (exposed for tests).
std::vector<int> windowStarts(int imageSize, int patchSize, double overlap);

}  // namespace lumen::ai
