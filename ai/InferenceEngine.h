#pragma once
#include "ai/Device.h"
#include "ai/Finding.h"
#include "ai/ModelPackage.h"
#include "ai/OodScore.h"
#include "core/LabelMap.h"
#include "core/Volume.h"

#include <memory>
#include <optional>
#include <utility>
#include <string>
#include <vector>

namespace lumen::core { class Progress; }

namespace lumen::ai {

struct InferenceOptions {
    std::string device = "auto";  // auto | cpu | cuda
    int threads = 0;               // CPU threads; 0 = all
    bool uncertainty = false;      // segmentation: also compute the entropy map
    bool explain = false;          // classification, detection: also compute the saliency map (ai/Saliency)
};

struct InferenceTimings {
    double preprocessMs = 0, networkMs = 0, postprocessMs = 0, totalMs = 0;
};

struct ClassProbability {
    std::uint16_t value = 0;
    std::string name;
    double probability = 0;
};

struct InferenceResult {
    Task task = Task::Segmentation;
    InferenceTimings timings;
    std::size_t patches = 0;
    core::ImageGeometry modelGrid;          // where the network ran
    core::LabelMap labels;                  // segmentation, on the input's geometry
    core::Volume uncertainty;               // segmentation with options.uncertainty: float32, 0..1
    core::Volume saliency;                  // classification, detection with options.explain: float32, 0..1
    std::vector<Finding> findings;          // detection, by score
    std::vector<ClassProbability> classes;  // classification, in manifest order
    std::optional<OodResult> ood;           // when the manifest has an "ood" reference
};

class TorchNetwork;

// The out-of-distribution histogram (lumen-ai ood-fit): the image preprocessed as for a run (with
// `percentile`, scaled by its 1st-99th percentiles instead of the model's normalisation; see
// OodSpec), over a range that suits that normalisation.
std::pair<double, double> oodHistogramRange(const InputSpec& input, bool percentile = false);
std::vector<double> normalizedInputHistogram(const ModelManifest& manifest, const core::Volume& image, double low, double high, int bins,
                                             bool percentile = false);

// The whole pipeline with a network already in memory (the engine's, or one being trained);
// of the options, only uncertainty and explain apply.
InferenceResult runInference(const ModelManifest& manifest, TorchNetwork& network, const core::Volume& image,
                             const InferenceOptions& options = {}, core::Progress* progress = nullptr);

// Runs one model package on one image: preprocess (reorient, resample to the model spacing,
// normalise) → sliding window (or one whole-image pass) → activation → post-process and exact
// resampling back onto the input geometry. The network is loaded once and reused across runs.
class InferenceEngine {
public:
    InferenceEngine(ModelPackage package, const InferenceOptions& options);
    ~InferenceEngine();
    InferenceEngine(const InferenceEngine&) = delete;
    InferenceEngine& operator=(const InferenceEngine&) = delete;

    InferenceResult run(const core::Volume& image, core::Progress* progress = nullptr) const;

    const ModelPackage& package() const;
    const DeviceInfo& device() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    InferenceOptions options_;
};

}  // namespace lumen::ai
