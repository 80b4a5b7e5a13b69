#pragma once
#include "core/Volume.h"

#include <array>
#include <string>

namespace lumen::core {

// How the voxels of one grid (a label map's, as another tool wrote it) land on another (the
// image's). Tools store the same voxels in different orders: dcm2niix flips the row axis, nnU-Net
// and MONAI reorient to RAS, Slicer keeps LPS. When every voxel centre of `from` is a voxel centre
// of `onto` (any permutation and flip of the axes, within a tenth of a voxel) the mapping is an
// exact reorder; otherwise voxels are carried over by nearest neighbour.
class GridMapping {
public:
    enum class Kind {
        Identical,   // same grid: the voxels are shared, not copied
        Reordered,   // the same voxel centres in another axis order or direction: exact
        Resampled,   // another spacing, crop or field of view: nearest neighbour
        Disjoint,    // no voxel centre of `onto` lies inside `from`
    };

    // `tolFraction` of the smallest spacing is how far corresponding centres may lie apart.
    static GridMapping between(const ImageGeometry& from, const ImageGeometry& onto, double tolFraction = 0.1);

    Kind kind() const { return kind_; }
    const ImageGeometry& from() const { return from_; }
    const ImageGeometry& onto() const { return onto_; }
    // For Reordered: which axis of `from` each axis of `onto` runs along, and whether reversed.
    const std::array<int, 3>& axisOf() const { return axisOf_; }
    const std::array<bool, 3>& reversed() const { return reversed_; }

    // `voxels` (on from(), any pixel type and time points) on onto()'s grid: shared when
    // Identical, reordered exactly, or taken from the nearest voxel (0 outside `from`).
    // Throws std::invalid_argument for a volume on another grid or a Disjoint mapping.
    Volume apply(const Volume& voxels) const;

    // For messages: "4.0 × 4.0 × 5.0 mm, 64 × 64 × 30 voxels, LPS".
    static std::string describe(const ImageGeometry& g);

private:
    Kind kind_ = Kind::Disjoint;
    ImageGeometry from_, onto_;
    std::array<int, 3> axisOf_{0, 1, 2};
    std::array<bool, 3> reversed_{false, false, false};
};

// The same voxels stored with index axis `axis` reversed: the geometry moves its origin to the
// far end and flips that direction, so every voxel keeps its position in space.
ImageGeometry flippedAxis(const ImageGeometry& g, int axis);

}  // namespace lumen::core
