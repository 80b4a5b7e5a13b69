#pragma once
#include "core/ImageGeometry.h"

#include <cstddef>

namespace lumen::core {

// The slices a view steps through when it looks at a volume along `viewDirection`: one per
// voxel along the volume's index axis most aligned with that direction, in that axis' order.
// For an oblique view the step is the voxel spacing projected onto the view direction.
class SliceStack {
public:
    SliceStack(const ImageGeometry& geometry, const Vector3& viewDirection);

    std::size_t count() const { return count_; }
    int axis() const { return axis_; }
    double stepMm() const { return stepMm_; }
    // The world point at the centre of slice n (through the volume's centre in the other axes).
    Point3 centerOf(std::size_t n) const;
    // The slice nearest to a world point (clamped to the stack).
    std::size_t nearest(const Point3& world) const;
    // Where a world point lies along the stack, in slices (fractional, unclamped).
    double position(const Point3& world) const;

private:
    ImageGeometry geometry_;
    Vector3 viewDirection_;
    int axis_ = 2;
    std::size_t count_ = 1;
    double stepMm_ = 1;
};

}  // namespace lumen::core
