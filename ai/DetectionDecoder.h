#pragma once
#include "ai/FloatImage.h"
#include "ai/Finding.h"
#include "ai/ModelManifest.h"

#include <vector>

namespace lumen::ai {

// "centre_heatmap" encoding: channels 0..C-1 are per-class centre heatmaps (already activated,
// 0..1), channels C..C+2 the box size in mm along the grid's i, j, k. A finding is a local maximum
// (3×3×3) of a heatmap above the score threshold; boxes then go through class-wise NMS.
std::vector<Finding> decodeCentreHeatmap(const FloatImage& output, const OutputSpec& spec, const core::LabelTable& classes);

// Greedy non-maximum suppression per class: highest score first, drops boxes overlapping a kept
// one by more than iou. Returns at most maxKeep boxes, sorted by score.
std::vector<Finding> nonMaximumSuppression(std::vector<Finding> boxes, double iou, std::size_t maxKeep);

}  // namespace lumen::ai
