#pragma once
#include "ai/Device.h"
#include "ai/FloatImage.h"
#include "ai/protocol/InteractivePrompt.h"
#include "ai/InteractiveRoi.h"
#include "ai/ModelManifest.h"
#include "ai/Trainer.h"
#include "ai/TrainingSet.h"
#include "ai/internal/TrainingBatch.h"

#include <random>
#include <vector>

namespace lumen::ai::internal {

struct TorchNetworkImpl;

// Training batches for an interactive segmenter that simulate the user (as nnInteractive and
// SAM-style models are trained). Objects are the connected components of every label of every
// case, class-agnostic. A sample is a ROI placed as inference places it (around the whole
// object at its scale, or around a first click at a finer one), with a random rotation and
// mirroring of its axes; its first interaction is a click inside the object, a jittered box
// (3D, or flat as drawn on a 2D view), or a slightly wrong starting mask (Refine) with no prompt
// at all. Then 0–3 rounds: the network runs without gradient, and the robot user (ai/RobotUser)
// clicks in its largest error; the batch is the state after the last round, the truth the object.
class InteractiveSampler {
public:
    InteractiveSampler(const ModelManifest& manifest, const TrainerOptions& options, const std::vector<TrainingSample>& cases,
                       const DeviceInfo& device, core::Progress* progress);
    Batch sample(std::mt19937& rng, TorchNetworkImpl& network) const;

private:
    struct Object {
        std::uint16_t id = 0;
        std::array<std::size_t, 3> lo{}, hi{};
        std::vector<std::uint32_t> voxels;  // a random subset, for first clicks
    };
    struct Case {
        FloatImage image;
        std::vector<std::uint16_t> component;  // object id per voxel
        std::vector<Object> objects;
    };
    struct Draft {
        FloatImage view;                 // normalised, augmented image channel on the ROI
        std::vector<float> truth, mask;  // on the ROI
        std::vector<InteractivePrompt> prompts;
    };
    Draft draft(std::mt19937& rng) const;

    ModelManifest manifest_;
    TrainerOptions options_;
    RoiSpec spec_;
    torch::Device device_;
    std::vector<Case> cases_;
};

}  // namespace lumen::ai::internal
