#pragma once
#include "ai/OodScore.h"
#include "ai/card/ModelApplicability.h"
#include "core/LabelTable.h"
#include "core/Vector3.h"

#include <nlohmann/json.hpp>

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace lumen::ai {

// Interactive: class-agnostic segmentation of one object from a user's prompts (clicks, boxes) and
// the current mask, run on a region of interest (ai/InteractiveSegmenter), never on a whole image.
enum class Task { Segmentation, Detection, Classification, Interactive };
std::string taskName(Task task);

// How voxel values become network input (MONAI's ScaleIntensityRange / NormalizeIntensity /
// ScaleIntensityRangePercentiles / ScaleIntensity).
struct Normalization {
    enum class Kind { None, Window, ZScore, Percentile, MinMax };
    Kind kind = Kind::None;
    double low = 0, high = 1;        // Window: input range; Percentile: percentiles (0..100)
    double outLow = 0, outHigh = 1;  // Window / Percentile / MinMax: output range
    bool clip = true;
    bool nonzero = false;            // ZScore: statistics over non-zero voxels only
    // Statistics (mean/SD, percentiles, min/max) per channel, or over all channels at once
    // (MONAI's channel_wise=False default; the same for one channel).
    bool channelWise = true;
};

struct InputSpec {
    std::string modality;                // "MR", "CT", "" (any)
    int channels = 1;
    std::optional<core::Vector3> spacing;  // mm; unset: the image's own
    std::string orientation;             // "RAS", "LPS", ... ; empty: as stored
    Normalization normalization;
    std::vector<Normalization> normalizationAfter;  // further steps, in order (MONAI chains may hold several)
    std::array<int, 3> patchSize{96, 96, 96};  // voxels along the model grid's i, j, k
    // MONAI's SimpleInferer: the network sees the whole (padded) model-grid image in one pass.
    bool wholeImage = false;
    // DivisiblePad / SpatialPad (symmetric, zeros) on the model grid before the network: each axis
    // grown to at least padMinimum, then to a multiple of padMultiple.
    std::array<int, 3> padMultiple{1, 1, 1}, padMinimum{0, 0, 0};
    // How the sliding window pads an image smaller than the patch: zeros, or edge values (replicate).
    enum class Padding { Constant, Replicate } padding = Padding::Constant;
    bool resizeToPatch = false;          // classification: the whole image scaled to one patch
    // MONAI's CropForeground: run only on the bounding box of voxels above cropThreshold (real
    // values), grown by cropMargin voxels; everything outside is background.
    bool cropForeground = false;
    double cropThreshold = 0;
    int cropMargin = 0;
    double overlap = 0.25;
    enum class Blending { Gaussian, Constant } blending = Blending::Gaussian;
    int batchSize = 4;
    bool allowHalfPrecision = false;     // fp16 autocast on CUDA
};

struct OutputSpec {
    enum class Activation { None, Softmax, Sigmoid } activation = Activation::Softmax;
    // Segmentation
    enum class Decision { Argmax, Threshold } decision = Decision::Argmax;
    double threshold = 0.5;
    // Threshold: channels in priority order, the first above the threshold wins (overlapping
    // sigmoid outputs such as BraTS' tumour regions); empty: the most probable one above it.
    std::vector<int> thresholdOrder;
    // Decide labels on the model grid, then carry them to the input grid by nearest neighbour
    // (MONAI: AsDiscrete before Invertd); otherwise probabilities are interpolated, then decided.
    bool decideOnModelGrid = false;
    bool keepLargestComponent = false;
    std::vector<std::uint16_t> keepLargestLabels;  // empty: every label
    double minComponentMm3 = 0;
    // Detection ("centre_heatmap": one heatmap channel per class, then 3 box-size channels in mm)
    std::string boxEncoding = "centre_heatmap";
    double scoreThreshold = 0.5;
    double nmsIou = 0.3;
    int maxDetections = 50;
    // Classification
    double temperature = 1.0;
};

struct TrainingCase {
    std::string image, label, imageSha256, labelSha256;
};

struct Provenance {
    std::string parentVersion;
    std::vector<TrainingCase> trainingCases;
    nlohmann::json metrics = nlohmann::json::object();
    std::string command;
    std::string created;  // ISO 8601, UTC
};

// The parsed and validated model.json of a package (schema: docs/model-package.md).
struct ModelManifest {
    std::string name, version, description;
    Task task = Task::Segmentation;
    core::LabelTable labels;  // segmentation labels / detection and classification classes (value, name, colour)
    InputSpec input;
    OutputSpec output;
    std::string sha256;       // of model.pt
    Provenance provenance;
    nlohmann::json card = nlohmann::json::object();  // free text for people: intended use, data, limits
    ModelApplicability applicability;  // what the model is for, checked before and after each run
    OodSpec ood;                       // how unlike its training images an input is (empty: not scored)

    // Throws ModelError listing every problem found, each prefixed with where it is.
    static ModelManifest fromJson(const nlohmann::json& json, const std::string& origin = "model.json");
    nlohmann::json toJson() const;

    int outputChannels() const;  // what the network must return per voxel (or per image)
};

bool isValidVersionName(const std::string& text);  // [A-Za-z0-9._-]+, not "." or ".."

}  // namespace lumen::ai
