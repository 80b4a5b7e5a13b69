#pragma once
#include "core/Matrix3.h"
#include "core/Vector3.h"

#include <array>
#include <cstddef>
#include <string>

namespace lumen::core {

// Where the voxels of a 3D grid sit in DICOM patient space (LPS, millimetres).
//   world = origin + direction · (index ∘ spacing)
// `direction` holds the unit vectors of the i, j, k index axes as its columns; it is
// orthonormal (any oblique orientation, right- or left-handed).
class ImageGeometry {
public:
    using Dims = std::array<std::size_t, 3>;

    ImageGeometry() = default;
    // Throws std::invalid_argument when spacing is not positive/finite or direction is not orthonormal.
    ImageGeometry(const Dims& dims, const Vector3& spacing, const Point3& origin,
                  const Matrix3& direction = Matrix3::identity());

    const Dims& dims() const { return dims_; }
    const Vector3& spacing() const { return spacing_; }
    const Point3& origin() const { return origin_; }
    const Matrix3& direction() const { return direction_; }
    std::size_t voxelCount() const { return dims_[0] * dims_[1] * dims_[2]; }
    std::size_t sliceVoxelCount() const { return dims_[0] * dims_[1]; }

    Point3 indexToWorld(const Vector3& index) const;
    Vector3 worldToIndex(const Point3& world) const;
    // Index (i,j,k) → world as a 4×4 row-major affine (last row 0 0 0 1).
    std::array<double, 16> indexToWorldMatrix() const;
    Vector3 axis(int a) const { return direction_.column(a); }
    double voxelVolumeMm3() const { return spacing_.x * spacing_.y * spacing_.z; }
    bool contains(const Vector3& index) const;

    // The patient direction each index axis points to, e.g. "LPS" for a plain axial stack,
    // with lowercase letters where the axis is oblique (more than 1° off a patient axis).
    std::string orientationCode() const;

    // Same dims and, within `tolMm`, the same position of every corner voxel.
    bool isApprox(const ImageGeometry& other, double tolMm = 1e-3) const;
    bool operator==(const ImageGeometry& other) const { return isApprox(other, 1e-6); }
    bool operator!=(const ImageGeometry& other) const { return !(*this == other); }

private:
    Dims dims_{0, 0, 0};
    Vector3 spacing_{1, 1, 1};
    Point3 origin_{};
    Matrix3 direction_{};
};

// The patient-direction letter (L/R/P/A/S/I) a unit vector in LPS points to most.
char patientDirectionLetter(const Vector3& lpsDirection);

}  // namespace lumen::core
