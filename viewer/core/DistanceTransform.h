#pragma once
#include "core/ImageGeometry.h"

#include <cstdint>
#include <vector>

namespace lumen::core {

// Squared Euclidean distance (mm²) from each voxel to the nearest voxel where mask is non-zero,
// exact, with anisotropic spacing (Felzenszwalb & Huttenlocher's separable transform). A 2D
// slice is a grid with one voxel along an axis. No voxel set: every distance is infinite.
std::vector<double> squaredDistanceTransform(const std::vector<std::uint8_t>& mask, const ImageGeometry::Dims& dims,
                                             const Vector3& spacing);

// Signed distance (mm) of every voxel to the mask's boundary: negative inside, positive outside
// (see the .cpp for where the zero level lies). Slice interpolation blends two of these.
std::vector<double> signedDistance(const std::vector<std::uint8_t>& mask, const ImageGeometry::Dims& dims, const Vector3& spacing);

}  // namespace lumen::core
