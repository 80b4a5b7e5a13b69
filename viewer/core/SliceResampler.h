#pragma once
#include "core/ImageGeometry.h"
#include "core/Volume.h"

#include <vector>

namespace lumen::core {

// Puts parallel slices acquired at arbitrary positions (gantry tilt shears them in-plane;
// irregular spacing spreads them unevenly) onto a regular orthonormal grid, by bilinear
// interpolation in each slice and linear interpolation between the two nearest slices.
class SliceResampler {
public:
    // `slices`: nx × ny × n acquired slices (and time points); its i/j axes and in-plane
    // spacing are those of every slice. `origins`: world position of voxel (0,0) of each
    // acquired slice, ordered along the slice normal. Voxels of `target` outside the
    // acquired slab get `background`. Scalar volumes only.
    static Volume resample(const Volume& slices, const std::vector<Point3>& origins, const ImageGeometry& target,
                           double background);
};

}  // namespace lumen::core
