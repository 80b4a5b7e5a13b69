#pragma once
#include "core/Volume.h"

#include <cstddef>

namespace lumen::core {

// A coarser copy of a volume for views that cannot use every voxel at once: every `factor`-th
// voxel along each axis (nearest, so any pixel type and its rescale carry over), on a grid with
// the same origin and direction and `factor` times the spacing. The 3D view renders large series
// from it: a software ray caster spends seconds on the gradients of a 400-slice CT.
class VolumeSubsampler {
public:
    // The smallest factor that brings the voxels per time point to `budget` or fewer (1: none needed).
    static std::size_t factorFor(const Volume& volume, std::size_t budget);
    static Volume subsample(const Volume& volume, std::size_t factor);  // first time point only
};

}  // namespace lumen::core
