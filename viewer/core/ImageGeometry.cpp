#include "core/ImageGeometry.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace lumen::core {

ImageGeometry::ImageGeometry(const Dims& dims, const Vector3& spacing, const Point3& origin,
                             const Matrix3& direction)
    : dims_(dims), spacing_(spacing), origin_(origin), direction_(direction) {
    for (int a = 0; a < 3; ++a)
        if (!(spacing[a] > 0) || !std::isfinite(spacing[a]))
            throw std::invalid_argument("image spacing must be positive and finite");
    if (!origin.isFinite()) throw std::invalid_argument("image origin is not finite");
    if (!direction.isOrthonormal(1e-3))
        throw std::invalid_argument("image direction matrix is not orthonormal");
}

Point3 ImageGeometry::indexToWorld(const Vector3& index) const {
    return origin_ + direction_ * index.scaled(spacing_);
}

Vector3 ImageGeometry::worldToIndex(const Point3& world) const {
    // Orthonormal direction: its inverse is its transpose.
    const Vector3 local = direction_.transposed() * (world - origin_);
    return {local.x / spacing_.x, local.y / spacing_.y, local.z / spacing_.z};
}

std::array<double, 16> ImageGeometry::indexToWorldMatrix() const {
    std::array<double, 16> m{};
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 3; ++c) m[r * 4 + c] = direction_(r, c) * spacing_[c];
        m[r * 4 + 3] = origin_[r];
    }
    m[15] = 1;
    return m;
}

bool ImageGeometry::contains(const Vector3& index) const {
    for (int a = 0; a < 3; ++a)
        if (index[a] < -0.5 || index[a] > double(dims_[a]) - 0.5) return false;
    return true;
}

char patientDirectionLetter(const Vector3& d) {
    const double ax = std::abs(d.x), ay = std::abs(d.y), az = std::abs(d.z);
    if (ax >= ay && ax >= az) return d.x > 0 ? 'L' : 'R';
    if (ay >= az) return d.y > 0 ? 'P' : 'A';
    return d.z > 0 ? 'S' : 'I';
}

std::string ImageGeometry::orientationCode() const {
    std::string code;
    const double cosOneDegree = std::cos(3.14159265358979323846 / 180.0);
    for (int a = 0; a < 3; ++a) {
        const Vector3 d = axis(a);
        char letter = patientDirectionLetter(d);
        const double maxComponent = std::max({std::abs(d.x), std::abs(d.y), std::abs(d.z)});
        if (maxComponent < cosOneDegree) letter = char(letter - 'A' + 'a');
        code.push_back(letter);
    }
    return code;
}

bool ImageGeometry::isApprox(const ImageGeometry& o, double tolMm) const {
    if (dims_ != o.dims_) return false;
    for (int corner = 0; corner < 8; ++corner) {
        Vector3 idx{corner & 1 ? double(dims_[0]) - 1 : 0.0, corner & 2 ? double(dims_[1]) - 1 : 0.0,
                    corner & 4 ? double(dims_[2]) - 1 : 0.0};
        if (!indexToWorld(idx).isApprox(o.indexToWorld(idx), tolMm)) return false;
    }
    // Single-voxel axes have no corner to compare: compare the directions themselves.
    return direction_.isApprox(o.direction_, 1e-4) && spacing_.isApprox(o.spacing_, tolMm);
}

}  // namespace lumen::core
