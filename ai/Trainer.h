#pragma once
#include "ai/ModelPackage.h"
#include "ai/TrainingSet.h"

#include <nlohmann/json.hpp>

#include <array>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace lumen::core { class Progress; }

namespace lumen::ai {

struct TrainerOptions {
    int iterations = 200;
    int batchSize = 2;
    std::string optimizer = "adam";  // adam | sgd
    double learningRate = 1e-3;
    // constant, or poly: learningRate · (1 − iteration / iterations)^0.9 (nnU-Net's), which lets a
    // noisy small-batch run settle at the end instead of wandering at its starting step size.
    std::string schedule = "constant";
    int validateEvery = 50;          // iterations; and always at the end
    int checkpointEvery = 10;
    unsigned seed = 1;
    std::string device = "auto";
    int threads = 0;
    double foregroundFraction = 0.67;   // patches centred on a labelled voxel / a box (class-balanced)
    bool augment = true;
    std::array<bool, 3> flipAxes{true, true, true};  // off for labels with a side (left/right)
    // L2-SP (Li et al., 2018): anchorWeight · Σ‖w − w_start‖² added to the loss keeps a fine-tune
    // near the version it started from, so that a few new cases do not make it forget the task
    // its parent was trained for. 0: off (training from scratch).
    double anchorWeight = 0;
};

// What augment = true does, as a model's provenance records it.
inline constexpr const char* kAugmentations =
    "flips, rotation ±15° and scale 0.9–1.1, intensity scale/shift, gamma 0.7–1.5, thick slices 1.5–4× along one axis, noise, bias field";

// And for an interactive segmenter (ai/internal/InteractiveBatch), whose region of interest is drawn
// with the user's prompts simulated.
inline constexpr const char* kInteractiveAugmentations =
    "ROI axes rotated up to 15 degrees and mirrored, ROI scale and centre jittered, gamma 0.7-1.5, gain 0.9-1.1, shift, noise; "
    "simulated user: first click, jittered 3D or flat box, or a shifted starting mask, then 0-3 robot-user rounds";

struct TrainingEvent {
    int iteration = 0;
    double loss = 0;
    double msPerIteration = 0;
    std::optional<nlohmann::json> validation;  // set after a validation pass
    bool resumed = false;
};

struct TrainingOutcome {
    int iterations = 0;
    int resumedFrom = 0;           // 0: started fresh
    double msPerIteration = 0;     // mean over this run's iterations
    nlohmann::json validationBefore, validationAfter;  // null without a validation split
    int bestIteration = 0;
    std::vector<double> losses;    // one per iteration, across resumes
};

// Trains the package's scripted TorchScript module itself with LibTorch: patches sampled
// class-balanced from the preprocessed cases (the same preprocessing inference uses), augmented
// (flips, rotation/scale, intensity scale/shift, gamma, thick slices, noise, bias field), Dice + cross-entropy
// (segmentation), cross-entropy (classification), centre-heatmap focal BCE + size L1 (detection).
// Validation runs the full inference pipeline; the best network is kept. Every checkpointEvery
// iterations the state goes to workDir atomically, and a run that finds one there resumes it
// (kill -9 loses at most checkpointEvery iterations). The result network is workDir/result.pt.
class Trainer {
public:
    Trainer(ModelPackage start, TrainerOptions options);
    ~Trainer();

    TrainingOutcome train(const TrainingSet& data, const std::filesystem::path& workDir, core::Progress* progress = nullptr,
                          const std::function<void(const TrainingEvent&)>& onEvent = {});

    static std::filesystem::path resultNetwork(const std::filesystem::path& workDir) { return workDir / "result.pt"; }

private:
    ModelPackage start_;
    TrainerOptions options_;
};

}  // namespace lumen::ai
