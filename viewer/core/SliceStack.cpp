#include "core/SliceStack.h"

#include <algorithm>
#include <cmath>

namespace lumen::core {

SliceStack::SliceStack(const ImageGeometry& geometry, const Vector3& viewDirection)
    : geometry_(geometry), viewDirection_(viewDirection.normalized()) {
    double best = -1;
    for (int a = 0; a < 3; ++a) {
        const double alignment = std::abs(geometry.axis(a).dot(viewDirection_));
        if (alignment > best + 1e-9) {
            best = alignment;
            axis_ = a;
        }
    }
    count_ = geometry.dims()[std::size_t(axis_)];
    stepMm_ = geometry.spacing()[axis_] * std::max(best, 1e-6);
}

Point3 SliceStack::centerOf(std::size_t n) const {
    Vector3 index{(double(geometry_.dims()[0]) - 1) / 2, (double(geometry_.dims()[1]) - 1) / 2,
                  (double(geometry_.dims()[2]) - 1) / 2};
    index[axis_] = double(std::min(n, count_ - 1));
    return geometry_.indexToWorld(index);
}

// Along the view direction, not the index axis: on an oblique grid the plane through a point is
// not the plane of its voxel index, and the slice shown must contain the point.
double SliceStack::position(const Point3& world) const {
    const double perSlice = geometry_.spacing()[axis_] * geometry_.axis(axis_).dot(viewDirection_);  // signed
    return (world - centerOf(0)).dot(viewDirection_) / perSlice;
}

std::size_t SliceStack::nearest(const Point3& world) const {
    const double p = std::round(position(world));
    return std::size_t(std::clamp(p, 0.0, double(count_ - 1)));
}

}  // namespace lumen::core
