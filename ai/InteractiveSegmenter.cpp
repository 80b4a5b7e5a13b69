#include "ai/InteractiveSegmenter.h"

#include "ai/IntensityNormalizer.h"
#include "ai/ModelError.h"
#include "ai/Resampler.h"
#include "ai/TorchNetwork.h"
#include "ai/internal/TorchNetworkImpl.h"

#include <torch/torch.h>

#include <chrono>

namespace lumen::ai {

// A step as kept for undo: its prompts and the mask after it, run-length encoded (a mask is a
// few long runs, so a hundred steps on a 512² × 300 CT cost kilobytes, not gigabytes).
struct InteractiveSegmenter::Stored {
    std::vector<InteractivePrompt> prompts;
    std::vector<std::uint32_t> runs;  // alternating run lengths, starting with a run of 0s

    static std::vector<std::uint32_t> encode(const std::vector<std::uint8_t>& mask) {
        std::vector<std::uint32_t> runs;
        std::uint8_t current = 0;
        std::uint32_t length = 0;
        for (const std::uint8_t v : mask) {
            if ((v != 0) != (current != 0)) {
                runs.push_back(length);
                current = v ? 1 : 0;
                length = 0;
            }
            ++length;
        }
        runs.push_back(length);
        return runs;
    }
    void decode(std::vector<std::uint8_t>& mask) const {
        std::size_t v = 0;
        std::uint8_t value = 0;
        for (const std::uint32_t length : runs) {
            std::fill(mask.begin() + long(v), mask.begin() + long(v + length), value);
            v += length;
            value ^= 1;
        }
    }
};

namespace {

RoiSpec roiSpecOf(const ModelManifest& m) {
    if (m.task != Task::Interactive) throw ModelError(m.name + " is not an interactive segmentation model");
    RoiSpec spec;
    if (m.input.spacing) spec.baseSpacing = m.input.spacing->x;
    spec.size = m.input.patchSize;
    return spec;
}

}  // namespace

InteractiveSegmenter::InteractiveSegmenter(const ModelManifest& manifest, TorchNetwork& network, const core::Volume& image)
    : InteractiveSegmenter(manifest, network, toFloatImageFirstChannel(image)) {}

InteractiveSegmenter::InteractiveSegmenter(const ModelManifest& manifest, TorchNetwork& network, FloatImage image)
    : manifest_(manifest), network_(network), image_(std::move(image)), spec_(roiSpecOf(manifest)) {
    normalizeInput(image_, manifest_.input);  // once per session, over the whole image
    startObject();
}

InteractiveSegmenter::~InteractiveSegmenter() = default;

void InteractiveSegmenter::startObject(std::vector<std::uint8_t> mask) {
    if (mask.empty()) mask.assign(image_.voxels(), 0);
    if (mask.size() != image_.voxels()) throw ModelError("the starting mask is not on the image's grid");
    mask_ = std::move(mask);
    history_.assign(1, Stored{{}, Stored::encode(mask_)});
    position_ = 0;
}

std::vector<InteractivePrompt> InteractiveSegmenter::prompts() const {
    std::vector<InteractivePrompt> all;
    for (std::size_t s = 1; s <= position_; ++s) all.insert(all.end(), history_[s].prompts.begin(), history_[s].prompts.end());
    return all;
}

std::size_t InteractiveSegmenter::promptCount() const {
    std::size_t n = 0;
    for (std::size_t s = 1; s <= position_; ++s) n += history_[s].prompts.size();
    return n;
}

std::vector<float> InteractiveSegmenter::runNetwork(const FloatImage& input) const {
    torch::NoGradGuard noGrad;
    auto& impl = network_.impl();
    torch::Tensor out = impl.forward(impl.batchOf(input));
    if (out.dim() != 5 || out.size(0) != 1 || (out.size(1) != 1 && out.size(1) != 2))
        throw ModelError("an interactive model must return [1, 2, I, J, K] (or one sigmoid channel)");
    out = out.size(1) == 2 ? torch::softmax(out, 1).narrow(1, 1, 1) : torch::sigmoid(out);
    out = out[0][0].permute({2, 1, 0}).to(torch::kCPU, torch::kFloat).contiguous();  // [I, J, K] → FloatImage's k-j-i order
    return {out.data_ptr<float>(), out.data_ptr<float>() + out.numel()};
}

InteractiveSegmenter::Step InteractiveSegmenter::add(const std::vector<InteractivePrompt>& added) {
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<InteractivePrompt> all = prompts();
    all.insert(all.end(), added.begin(), added.end());
    const core::Matrix3& axes = image_.geometry.direction();
    RoiExtent extent(axes);
    extent.addMask(image_.geometry, mask_.data());
    for (const auto& p : all) extent.add(p);

    Step step;
    int scale = spec_.scaleFor(extent.extentMm());
    core::Point3 centre = extent.centre();
    std::vector<std::uint8_t> result;
    for (;;) {
        const core::ImageGeometry roi = spec_.place(axes, centre, scale);
        std::vector<float> roiMask(roi.voxelCount());
        sampleMaskNearest(image_.geometry, mask_.data(), roi, roiMask.data());
        const std::vector<float> probability = runNetwork(interactiveInput(resampleLinear(image_, roi, 1), roiMask.data(), all));
        result = mask_;
        pasteProbability(roi, probability.data(), image_.geometry, result.data());
        ++step.runs;
        step.scale = scale;
        if (scale >= spec_.maxScale || step.runs == 3 || !touchesBorder(roi.dims(), probability.data())) break;
        RoiExtent wider(axes);  // around what was found, and the prompts
        wider.addMask(image_.geometry, result.data());
        for (const auto& p : all) wider.add(p);
        scale = std::max(scale * 2, spec_.scaleFor(wider.extentMm()));
        centre = wider.centre();
    }
    mask_ = std::move(result);
    history_.resize(position_ + 1);
    history_.push_back(Stored{added, Stored::encode(mask_)});
    ++position_;
    step.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return step;
}

bool InteractiveSegmenter::canUndo() const { return position_ > 0; }
bool InteractiveSegmenter::canRedo() const { return position_ + 1 < history_.size(); }

void InteractiveSegmenter::restore() { history_[position_].decode(mask_); }

bool InteractiveSegmenter::undo() {
    if (!canUndo()) return false;
    --position_;
    restore();
    return true;
}

bool InteractiveSegmenter::redo() {
    if (!canRedo()) return false;
    ++position_;
    restore();
    return true;
}

}  // namespace lumen::ai
