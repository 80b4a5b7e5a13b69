#pragma once
#include "ai/FloatImage.h"
#include "ai/ModelManifest.h"
#include "core/LabelMap.h"

#include <cstdint>
#include <vector>

namespace lumen::ai {

// The per-voxel decision below, for one voxel's channel values.
class LabelDecider {
public:
    LabelDecider(const OutputSpec& output, const core::LabelTable& labels, std::size_t channels);  // throws on a channel mismatch
    std::uint16_t operator()(const float* p) const;
    core::PixelType depth() const { return depth_; }

private:
    bool argmax_;
    float threshold_;
    std::vector<int> order_;  // threshold: channels by priority (empty: most probable)
    std::vector<std::uint16_t> value_;
    core::PixelType depth_;
};

// Labels on a target grid decided from class probabilities on the source grid: the same labels
// as deciding the trilinearly resampled probabilities voxel by voxel (resampleRows + decide),
// but only voxels near a boundary are interpolated. Where the eight source voxels around a
// target voxel all decide the same label, every convex combination of them decides it too (for
// argmax, and for "most probable above a threshold"), so that label is written directly.
core::LabelMap resampleDecisions(const FloatImage& probabilities, const core::ImageGeometry& target,
                                 const LabelDecider& decide, unsigned threads = 0);

// Normalised entropy of one voxel's channel values (see normalizedEntropy).
float voxelEntropy(const float* p, std::size_t channels);

// Per-voxel decision from class probabilities. Argmax: channel 0 is background, channel c the
// manifest's c-th label. Threshold: channel c is the c-th label, the most probable one above the
// threshold wins.
core::LabelMap decideLabels(const FloatImage& probabilities, const OutputSpec& output, const core::LabelTable& labels);

// Keeps only the largest 26-connected component of each given label (every label if empty).
void keepLargestComponent(core::LabelMap& labels, const std::vector<std::uint16_t>& which = {});

// Clears components (26-connected, per label) smaller than minVoxels.
void removeSmallComponents(core::LabelMap& labels, std::size_t minVoxels);

// Per-voxel entropy of the class distribution divided by log(classes): 0 = certain, 1 = uniform.
// One-channel (sigmoid) output uses the binary entropy of that channel.
core::Volume normalizedEntropy(const FloatImage& probabilities);

}  // namespace lumen::ai
