#pragma once
#include "ai/Device.h"
#include "ai/FloatImage.h"
#include "ai/ModelManifest.h"
#include "ai/Trainer.h"
#include "ai/TrainingSet.h"

#include <torch/torch.h>

#include <random>
#include <vector>

namespace lumen::ai::internal {

// One training batch, [N, C, I, J, K] like inference. Which targets are set depends on the task.
struct Batch {
    torch::Tensor image;
    torch::Tensor labels;    // segmentation: [N, I, J, K] class indices; classification: [N]
    torch::Tensor heatmap;   // detection: [N, classes, I, J, K]
    torch::Tensor sizes;     // detection: [N, 3, I, J, K] box size in mm where sizeMask is 1
    torch::Tensor sizeMask;  // detection: [N, 1, I, J, K]
};

// Thick slices (a lower resolution along one axis) on one image [C, I, J, K]: `axis` (0–2) averaged
// down by `factor` and trilinearly interpolated back to its size, in place. An augmentation: the
// starter models lost most under eval --shifts' 5 mm slices, the one shift not augmented before.
void simulateThickSlices(torch::Tensor image, int axis, double factor);

// Preprocesses every training case once (model grid, normalisation, truth on that grid) and then
// draws augmented batches: patches centred on a labelled voxel of a randomly chosen class (or on a
// box) with probability foregroundFraction, else anywhere.
class BatchSampler {
public:
    BatchSampler(const ModelManifest& manifest, const TrainerOptions& options, const std::vector<TrainingSample>& cases,
                 const DeviceInfo& device, core::Progress* progress);
    Batch sample(std::mt19937& rng) const;

private:
    struct Box { std::array<double, 3> centre; std::array<double, 3> sizeMm; std::size_t classIndex; };
    struct Case {
        FloatImage image;
        std::vector<std::uint8_t> classIndex;             // segmentation, per model-grid voxel
        std::vector<std::vector<std::uint32_t>> voxelsOf; // segmentation: some voxels of each class
        std::vector<Box> boxes;                           // detection, model-grid index space
        std::int64_t label = 0;                           // classification
    };
    void cropInto(const Case& c, const std::array<long, 3>& start, float* image, std::int64_t* labels) const;
    void renderBoxes(const Case& c, const std::array<long, 3>& start, float* heat, float* sizes, float* mask) const;
    void augment(Batch& b, std::mt19937& rng) const;

    ModelManifest manifest_;
    TrainerOptions options_;
    torch::Device device_;
    std::vector<Case> cases_;
};

}  // namespace lumen::ai::internal
