#pragma once
#include "core/LabelTable.h"
#include "core/Volume.h"

#include <cstdint>
#include <map>

namespace lumen::core {

// A segmentation: one label value per voxel (uint8 or uint16) on an image's geometry,
// plus the table naming and colouring each value.
class LabelMap {
public:
    LabelMap() = default;
    // All background. `depth` is PixelType::UInt8 (≤ 255 labels) or PixelType::UInt16.
    explicit LabelMap(const ImageGeometry& geometry, PixelType depth = PixelType::UInt8);
    // Adopts a uint8/uint16 single-time-point volume (shared, not copied).
    static LabelMap fromVolume(const Volume& voxels, LabelTable table = {});
    // Copies share their voxels (like Volume); a clone owns its own.
    LabelMap clone() const { return fromVolume(voxels_.clone(), labels_); }
    // The same grid, depth, voxels and table.
    bool operator==(const LabelMap& o) const;

    bool empty() const { return voxels_.empty(); }
    const ImageGeometry& geometry() const { return voxels_.geometry(); }
    PixelType depth() const { return voxels_.pixelType(); }
    const Volume& voxels() const { return voxels_; }
    LabelTable& labels() { return labels_; }
    const LabelTable& labels() const { return labels_; }

    std::uint16_t at(std::size_t linear) const;
    std::uint16_t at(std::size_t i, std::size_t j, std::size_t k) const {
        return at(voxels_.linearIndex(i, j, k));
    }
    // Throws std::out_of_range when the value does not fit the depth.
    void set(std::size_t linear, std::uint16_t value);
    void set(std::size_t i, std::size_t j, std::size_t k, std::uint16_t value) {
        set(voxels_.linearIndex(i, j, k), value);
    }

    // Raw voxels for bulk passes: T is std::uint8_t or std::uint16_t as depth() says (checked).
    template <typename T> T* voxelData() { return voxels_.as<T>(); }
    template <typename T> const T* voxelData() const { return voxels_.as<T>(); }

    std::size_t count(std::uint16_t value) const;
    std::map<std::uint16_t, std::size_t> histogram() const;  // non-zero values only
    double volumeMl(std::uint16_t value) const;

    // A label map belongs to an image when their grids coincide.
    bool fits(const ImageGeometry& image, double tolMm = 1e-3) const {
        return geometry().isApprox(image, tolMm);
    }

private:
    Volume voxels_;
    LabelTable labels_;
};

}  // namespace lumen::core
