#pragma once
#include "core/ImageGeometry.h"

#include <cstddef>
#include <vector>

namespace lumen::ai {

// Channel-first float voxels on a grid: data[((c * nk + k) * nj + j) * ni + i], the memory order of
// core::Volume with channels outermost. What preprocessing produces and the network's blended
// output is.
struct FloatImage {
    core::ImageGeometry geometry;
    std::size_t channels = 1;
    std::vector<float> data;

    static FloatImage zeros(const core::ImageGeometry& g, std::size_t channels) {
        return {g, channels, std::vector<float>(g.voxelCount() * channels, 0.0f)};
    }
    std::size_t voxels() const { return geometry.voxelCount(); }
    float* channel(std::size_t c) { return data.data() + c * voxels(); }
    const float* channel(std::size_t c) const { return data.data() + c * voxels(); }
};

}  // namespace lumen::ai
