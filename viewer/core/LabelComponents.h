#pragma once
// 26-connected components of every label of a map at once, on runs of one value along i (far
// fewer union-find nodes than voxels, one pass whatever the number of labels): what the AI's
// post-processing keeps or drops, and what a model's card compares a result's pieces with.
#include "core/LabelMap.h"

#include <cstdint>
#include <functional>
#include <map>
#include <vector>

namespace lumen::core {

// Each label's components' sizes in voxels, largest first.
std::map<std::uint16_t, std::vector<std::size_t>> componentSizes(const LabelMap& labels);

// Clears every component of the labels in `which` (all when empty) for which keep(its size,
// the largest component of its label) is false.
void filterComponents(LabelMap& labels, const std::vector<std::uint16_t>& which,
                      const std::function<bool(std::size_t size, std::size_t largest)>& keep);

}  // namespace lumen::core
