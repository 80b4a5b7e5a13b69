#pragma once
#include "ai/FloatImage.h"
#include "ai/ModelManifest.h"
#include "core/LabelMap.h"

#include <cstdint>
#include <vector>

namespace lumen::ai {

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
