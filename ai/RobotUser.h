#pragma once
#include "core/ImageGeometry.h"

#include <array>
#include <cstdint>
#include <optional>

namespace lumen::ai {

// The simulated annotator of `lumen-ai eval-interactive` and of interactive training, as the
// CVPR 2025 foundation-model interactive-segmentation challenge evaluates: the next click goes to
// the largest connected error region (6-connected; missed object voxels or false ones, whichever
// region is largest), at its voxel farthest from the region's border (exact Euclidean distance in
// mm; the grid's edge counts as border; of equally deep voxels, the one nearest the region's box centre).
// Positive when the region is missed object.
struct RobotClick {
    std::array<std::size_t, 3> voxel{};
    core::Point3 world;
    bool positive = true;
    std::size_t regionVoxels = 0;  // size of the error region clicked in
    double depthMm = 0;            // distance from the click to the region's border
};

// truth and prediction: 0/1 per voxel of `grid`. No click when they agree everywhere.
std::optional<RobotClick> robotClick(const core::ImageGeometry& grid, const std::uint8_t* truth, const std::uint8_t* prediction);

// The voxel of a mask farthest from its border (the same rule, for a first click inside an object).
std::optional<RobotClick> deepestVoxel(const core::ImageGeometry& grid, const std::uint8_t* mask);

}  // namespace lumen::ai
