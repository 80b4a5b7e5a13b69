#pragma once
#include "ai/FloatImage.h"
#include "ai/protocol/InteractivePrompt.h"

#include <cstdint>
#include <vector>

namespace lumen::ai {

// The classic tool an interactive model is compared with (`eval-interactive` reports both): a
// confidence-connected region grown from the positive clicks, as ITK's ConfidenceConnected and
// the seeded fills of ITK-SNAP and Slicer do. The interval is the mean ± 2.5 SD of the 5³
// neighbourhoods of the seeds, re-estimated twice from the grown region; 6-connected. A negative
// click inside the region narrows the interval (×0.8, at most six times) until it is outside.
// Boxes are not used. Returns 0/1 per voxel of `image` (one channel, real values).
std::vector<std::uint8_t> growRegion(const FloatImage& image, const std::vector<InteractivePrompt>& prompts);

}  // namespace lumen::ai
