#pragma once
#include "core/ImageGeometry.h"
#include "core/PixelType.h"
#include "core/Rescale.h"

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <utility>

namespace lumen::core {

// A typed voxel buffer on an ImageGeometry, with optional time points (4D) and a modality
// rescale. Copies of a Volume share the voxel buffer (it is a handle, like a shared_ptr);
// clone() makes an independent copy. Voxels are laid out x fastest, then y, z, time.
class Volume {
public:
    Volume() = default;

    // Voxels are left uninitialised: loaders overwrite every voxel, and zeroing first would
    // cost as much as reading a cached series.
    static Volume allocate(PixelType type, const ImageGeometry& geometry, std::size_t timePoints = 1);
    static Volume zeros(PixelType type, const ImageGeometry& geometry, std::size_t timePoints = 1);

    bool empty() const { return !buffer_; }
    PixelType pixelType() const { return type_; }
    const ImageGeometry& geometry() const { return geometry_; }
    // Re-positions the grid (same dims required); voxels are untouched.
    void setGeometry(const ImageGeometry& geometry);
    std::size_t timePoints() const { return timePoints_; }
    std::size_t voxelsPerFrame() const { return geometry_.voxelCount(); }
    std::size_t voxelCount() const { return geometry_.voxelCount() * timePoints_; }
    std::size_t byteSize() const { return voxelCount() * bytesPerVoxel(type_); }
    std::size_t frameByteSize() const { return voxelsPerFrame() * bytesPerVoxel(type_); }

    void* data() { return buffer_.get(); }
    const void* data() const { return buffer_.get(); }
    void* frameData(std::size_t t);
    const void* frameData(std::size_t t) const;
    template <typename T> T* as() { checkType<T>(); return static_cast<T*>(data()); }
    template <typename T> const T* as() const { checkType<T>(); return static_cast<const T*>(data()); }

    std::size_t linearIndex(std::size_t i, std::size_t j, std::size_t k, std::size_t t = 0) const {
        const auto& d = geometry_.dims();
        return ((t * d[2] + k) * d[1] + j) * d[0] + i;
    }

    const Rescale& rescale() const { return rescale_; }
    void setRescale(const Rescale& r) { rescale_ = r; }
    // The same voxels seen through another rescale: no copy.
    Volume withRescale(const Rescale& r) const { Volume v = *this; v.rescale_ = r; return v; }
    // Stored value at a linear index (throws for Rgb24).
    double storedValue(std::size_t linear) const;
    double realValue(std::size_t linear) const { return rescale_.apply(storedValue(linear)); }
    double realValueAt(std::size_t i, std::size_t j, std::size_t k, std::size_t t = 0) const {
        return realValue(linearIndex(i, j, k, t));
    }
    // Minimum and maximum real value over all voxels (throws for Rgb24 or an empty volume).
    std::pair<double, double> realRange() const;

    // MONOCHROME1 data: low values are displayed bright. A flag, so stored values stay exact.
    bool invertedDisplay() const { return invertedDisplay_; }
    void setInvertedDisplay(bool inverted) { invertedDisplay_ = inverted; }

    Volume clone() const;
    bool sharesVoxelsWith(const Volume& o) const { return buffer_ && buffer_ == o.buffer_; }

private:
    template <typename T> void checkType() const {
        if (PixelTypeOf<T>::value != type_)
            throw std::logic_error("Volume holds " + pixelTypeName(type_) + ", accessed as " +
                                   pixelTypeName(PixelTypeOf<T>::value));
    }

    std::shared_ptr<std::byte> buffer_;
    PixelType type_ = PixelType::UInt8;
    ImageGeometry geometry_;
    std::size_t timePoints_ = 1;
    Rescale rescale_;
    bool invertedDisplay_ = false;
};

}  // namespace lumen::core
