#include "ai/InferenceEngine.h"

#include "ai/DetectionDecoder.h"
#include "ai/IntensityNormalizer.h"
#include "ai/LabelPostprocessing.h"
#include "ai/ModelError.h"
#include "ai/Resampler.h"
#include "ai/Saliency.h"
#include "ai/SlidingWindowInferer.h"
#include "ai/TorchNetwork.h"
#include "core/Progress.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>

namespace lumen::ai {

namespace {
using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

// The image on the model grid (cropped to its foreground if the model says so), not yet normalised.
FloatImage onModelGrid(const ModelManifest& m, const core::Volume& image, std::optional<VoxelBox>& crop, core::ImageGeometry& grid) {
    if (static_cast<int>(image.timePoints()) != m.input.channels)
        throw ModelError("the model takes " + std::to_string(m.input.channels) + " channel(s); the image has " +
                         std::to_string(image.timePoints()));
    FloatImage modelInput;
    if (m.input.cropForeground) {  // the box needs every input voxel as a real value
        const FloatImage input = toFloatImage(image);
        crop = foregroundBox(input, m.input.cropThreshold, m.input.cropMargin);
        grid = modelGrid(cropGeometry(image.geometry(), *crop), m.input);
        modelInput = resampleLinear(input, grid);
    } else {
        grid = modelGrid(image.geometry(), m.input);
        modelInput = resampleVolume(image, grid);
    }
    return modelInput;
}

// A model-grid map as float voxels on the input's grid.
core::Volume onInputGrid(const FloatImage& map, const core::ImageGeometry& grid) { return toVolume(resampleLinear(map, grid)); }

// What the detector's strongest findings rest on: up to five, each weighted by its score.
core::Volume explainFindings(TorchNetwork& network, const FloatImage& input, const std::vector<Finding>& findings,
                             const ModelManifest& m, const core::ImageGeometry& grid) {
    std::vector<SaliencyTarget> targets;
    for (const Finding& f : findings) {  // by score
        if (targets.size() == 5) break;
        SaliencyTarget t;
        for (int a = 0; a < 3; ++a) t.centre[a] = int(std::lround((f.indexMin[a] + f.indexMax[a]) / 2));
        const auto& labels = m.labels.labels();
        t.channel = int(std::find_if(labels.begin(), labels.end(), [&](const auto& l) { return l.value == f.classValue; }) - labels.begin());
        t.weight = f.score;
        targets.push_back(t);
    }
    if (targets.empty()) return core::Volume::zeros(core::PixelType::Float32, grid);  // nothing found: nothing to explain
    std::array<int, 3> patch = m.input.patchSize;
    if (m.input.wholeImage)
        for (int a = 0; a < 3; ++a) patch[a] = int(input.geometry.dims()[a]);
    return onInputGrid(detectionSaliency(network, input, targets, patch), grid);
}

// The model's input with the percentile feature's normalisation in place of its own.
InputSpec withPercentileScaling(InputSpec input) {
    Normalization n;
    n.kind = Normalization::Kind::Percentile;
    n.low = 1, n.high = 99, n.outLow = 0, n.outHigh = 1, n.clip = true;
    input.normalization = n;
    input.normalizationAfter.clear();
    return input;
}

// The out-of-distribution histogram of a model-grid image not yet normalised (taken by value:
// normalised here, the model's way or the percentile feature's).
std::vector<double> oodHistogram(const InputSpec& input, FloatImage onGrid, double low, double high, int bins, bool percentile) {
    normalizeInput(onGrid, percentile ? withPercentileScaling(input) : input);
    return intensityHistogram(onGrid, low, high, bins);
}

}  // namespace

std::pair<double, double> oodHistogramRange(const InputSpec& input, bool percentile) {
    if (percentile) return oodHistogramRange(withPercentileScaling(input));
    const Normalization& n = input.normalizationAfter.empty() ? input.normalization : input.normalizationAfter.back();
    switch (n.kind) {
        case Normalization::Kind::ZScore: return {-4, 4};
        case Normalization::Kind::None: return {-1000, 3000};  // raw values: CT's HU span
        default: {
            const double margin = 0.1 * (n.outHigh - n.outLow);
            return {std::min(n.outLow, n.outHigh) - margin, std::max(n.outLow, n.outHigh) + margin};
        }
    }
}

std::vector<double> normalizedInputHistogram(const ModelManifest& m, const core::Volume& image, double low, double high, int bins,
                                             bool percentile) {
    std::optional<VoxelBox> crop;
    core::ImageGeometry grid;
    return oodHistogram(m.input, onModelGrid(m, image, crop, grid), low, high, bins, percentile);
}

struct InferenceEngine::Impl {
    ModelPackage package;
    DeviceInfo device;
    TorchNetwork network;
};

InferenceEngine::InferenceEngine(ModelPackage package, const InferenceOptions& options) {
    DeviceInfo device = selectDevice(options.device, options.threads);
    TorchNetwork network = TorchNetwork::load(package.networkFile(), device);
    impl_ = std::make_unique<Impl>(Impl{std::move(package), device, std::move(network)});
    options_ = options;
}

InferenceEngine::~InferenceEngine() = default;

const ModelPackage& InferenceEngine::package() const { return impl_->package; }
const DeviceInfo& InferenceEngine::device() const { return impl_->device; }

InferenceResult InferenceEngine::run(const core::Volume& image, core::Progress* progress) const {
    return runInference(impl_->package.manifest(), impl_->network, image, options_, progress);
}

InferenceResult runInference(const ModelManifest& m, TorchNetwork& network, const core::Volume& image,
                             const InferenceOptions& options, core::Progress* progress) {
    if (m.task == Task::Interactive)
        throw ModelError(m.name + " segments from a user's prompts: run it with `lumen-ai interact` or the AI click tool, not on a whole image");
    const bool uncertainty = options.uncertainty && m.task == Task::Segmentation;
    const bool explain = options.explain && m.task != Task::Segmentation;
    const auto start = Clock::now();
    InferenceResult result;
    result.task = m.task;

    // Preprocess.
    if (progress) progress->beginStage("preprocess", 1);
    std::optional<VoxelBox> crop;
    FloatImage modelInput = onModelGrid(m, image, crop, result.modelGrid);
    const int oodBins = int(m.ood.reference.size());
    if (!m.ood.empty() && m.ood.percentileFeature)  // a copy of the model-grid image, scaled its own way
        result.ood = oodScore(m.ood, oodHistogram(m.input, modelInput, m.ood.low, m.ood.high, oodBins, true));
    normalizeInput(modelInput, m.input);
    if (!m.ood.empty() && !m.ood.percentileFeature)  // what the network is fed, as it is
        result.ood = oodScore(m.ood, intensityHistogram(modelInput, m.ood.low, m.ood.high, oodBins));
    modelInput = padForNetwork(modelInput, m.input);
    result.timings.preprocessMs = msSince(start);

    // Network.
    SlidingWindowStats stats;
    const auto networkStart = Clock::now();
    FloatImage output;
    std::vector<float> scores;
    if (m.task == Task::Classification) {
        if (progress) progress->beginStage("network", 1);
        scores = wholeImageInference(network, modelInput, m.output, m.outputChannels(), &stats);
    } else {
        SlidingWindowOptions o;
        o.patchSize = m.input.patchSize;
        if (m.input.wholeImage)  // MONAI's SimpleInferer: one window, the whole model-grid image
            for (int a = 0; a < 3; ++a) o.patchSize[a] = static_cast<int>(modelInput.geometry.dims()[a]);
        o.replicatePadding = m.input.padding == InputSpec::Padding::Replicate;
        o.overlap = m.input.overlap;
        o.blending = m.input.blending;
        o.batchSize = m.input.batchSize;
        if (network.device().cuda) {  // GPUs: as many patches per pass as memory holds
            o.batchSize = std::max(o.batchSize, 32);
            o.adaptiveBatch = true;
        }
        o.halfPrecision = m.input.allowHalfPrecision;
        o.outputChannels = m.outputChannels();
        o.activation = m.output.activation;
        o.activatedChannels = m.task == Task::Detection ? static_cast<int>(m.labels.size()) : -1;
        if (m.task == Task::Detection) o.temperature = m.output.temperature;
        output = slidingWindowInference(network, modelInput, o, progress, &stats);
    }
    if (!explain) modelInput = {};  // the saliency map needs it after the findings are decoded
    result.patches = stats.patches;
    // Network time is forward() only; the patch bookkeeping around it counts as post-processing.
    result.timings.networkMs = stats.networkMs;
    const double windowOverhead = msSince(networkStart) - stats.networkMs;

    // Post-process.
    const auto postStart = Clock::now();
    if (progress) progress->beginStage("postprocess", 1);
    if (m.task == Task::Segmentation) {
        // Probabilities are resampled back and decided voxel by voxel, never stored on the input
        // grid; without an uncertainty map only voxels near label boundaries need interpolating.
        const LabelDecider decide(m.output, m.labels, output.channels);
        float* u = nullptr;
        if (uncertainty) {
            result.labels = core::LabelMap(image.geometry(), decide.depth());
            result.uncertainty = core::Volume::zeros(core::PixelType::Float32, image.geometry());
            u = result.uncertainty.as<float>();
            const std::size_t K = output.channels;
            resampleRows(output, image.geometry(), [&](std::size_t first, std::size_t count, const float* p) {
                for (std::size_t n = 0; n < count; ++n) {
                    result.labels.set(first + n, decide(p + n * K));
                    u[first + n] = voxelEntropy(p + n * K, K);
                }
            });
        } else if (!m.output.decideOnModelGrid) {
            result.labels = resampleDecisions(output, image.geometry(), decide);
        }
        if (m.output.decideOnModelGrid)  // MONAI's AsDiscrete before Invertd(nearest_interp)
            result.labels = resampleLabelsNearest(decideLabels(output, m.output, m.labels), image.geometry());
        result.labels.labels() = m.labels;
        output = {};
        // Outside the foreground box the model never looked: background.
        const auto outsideCrop = [&](auto&& clear) {
            if (!crop) return;
            const auto& d = image.geometry().dims();
            for (std::size_t k = 0; k < d[2]; ++k)
                for (std::size_t j = 0; j < d[1]; ++j)
                    for (std::size_t i = 0; i < d[0]; ++i)
                        if (!crop->contains(i, j, k)) clear(i, j, k);
        };
        outsideCrop([&](std::size_t i, std::size_t j, std::size_t k) { result.labels.set(i, j, k, 0); });
        if (m.output.keepLargestComponent) keepLargestComponent(result.labels, m.output.keepLargestLabels);
        if (m.output.minComponentMm3 > 0)
            removeSmallComponents(result.labels, static_cast<std::size_t>(std::ceil(m.output.minComponentMm3 /
                                                                                    image.geometry().voxelVolumeMm3())));
        if (u) outsideCrop([&](std::size_t i, std::size_t j, std::size_t k) { u[result.uncertainty.linearIndex(i, j, k)] = 0; });
    } else if (m.task == Task::Detection) {
        result.findings = decodeCentreHeatmap(output, m.output, m.labels);
        if (explain) result.saliency = explainFindings(network, modelInput, result.findings, m, image.geometry());
    } else {
        const auto& classes = m.labels.labels();
        for (std::size_t c = 0; c < classes.size(); ++c) {
            // A binary sigmoid classifier returns P(second class) only.
            double p = scores.size() == classes.size() ? scores[c] : (c == 0 ? 1 - scores[0] : scores[0]);
            result.classes.push_back({classes[c].value, classes[c].name, p});
        }
        if (explain) {
            const auto best = std::max_element(scores.begin(), scores.end()) - scores.begin();
            result.saliency = onInputGrid(classificationSaliency(network, modelInput, std::size_t(best)), image.geometry());
        }
    }
    if (progress) progress->advance();
    result.timings.postprocessMs = msSince(postStart) + windowOverhead;
    result.timings.totalMs = msSince(start);
    return result;
}

}  // namespace lumen::ai
