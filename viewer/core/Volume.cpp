#include "core/Volume.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <new>

namespace lumen::core {

namespace {

std::shared_ptr<std::byte> allocateBytes(std::size_t bytes) {
    // 64-byte alignment for vectorised loops; large buffers on 2 MiB so the kernel may back
    // them with transparent huge pages (fewer page faults while a series streams in).
    const std::size_t alignment = bytes >= (std::size_t(32) << 20) ? (std::size_t(2) << 20) : 64;
    const std::size_t rounded = std::max<std::size_t>((bytes + alignment - 1) / alignment * alignment, alignment);
    void* p = std::aligned_alloc(alignment, rounded);
    if (!p) throw std::bad_alloc();
    return std::shared_ptr<std::byte>(static_cast<std::byte*>(p), [](std::byte* q) { std::free(q); });
}

void checkAllocation(PixelType type, const ImageGeometry& geometry, std::size_t timePoints) {
    const auto& d = geometry.dims();
    if (d[0] == 0 || d[1] == 0 || d[2] == 0 || timePoints == 0)
        throw std::invalid_argument("cannot allocate an empty volume");
    // Multiply step by step so that an absurd header cannot wrap the byte count around.
    const std::size_t limit = std::numeric_limits<std::size_t>::max() / 4;
    std::size_t n = d[0];
    for (std::size_t factor : {d[1], d[2], timePoints, bytesPerVoxel(type)}) {
        if (n > limit / factor) throw std::length_error("volume size overflows the address space");
        n *= factor;
    }
}

}  // namespace

Volume Volume::allocate(PixelType type, const ImageGeometry& geometry, std::size_t timePoints) {
    checkAllocation(type, geometry, timePoints);
    Volume v;
    v.type_ = type;
    v.geometry_ = geometry;
    v.timePoints_ = timePoints;
    v.buffer_ = allocateBytes(v.byteSize());
    return v;
}

Volume Volume::zeros(PixelType type, const ImageGeometry& geometry, std::size_t timePoints) {
    Volume v = allocate(type, geometry, timePoints);
    std::memset(v.data(), 0, v.byteSize());
    return v;
}

void Volume::setGeometry(const ImageGeometry& geometry) {
    if (geometry.dims() != geometry_.dims())
        throw std::invalid_argument("setGeometry: dimensions differ from the voxel buffer's");
    geometry_ = geometry;
}

void* Volume::frameData(std::size_t t) {
    if (t >= timePoints_) throw std::out_of_range("time point out of range");
    return data() ? static_cast<std::byte*>(data()) + t * frameByteSize() : nullptr;
}

const void* Volume::frameData(std::size_t t) const {
    return const_cast<Volume*>(this)->frameData(t);
}

double Volume::storedValue(std::size_t linear) const {
    return visitScalarType(type_, [&](auto tag) -> double {
        using T = decltype(tag);
        return double(static_cast<const T*>(data())[linear]);
    });
}

std::pair<double, double> Volume::realRange() const {
    if (empty()) throw std::logic_error("realRange of an empty volume");
    auto [lo, hi] = visitScalarType(type_, [&](auto tag) {
        using T = decltype(tag);
        const T* p = static_cast<const T*>(data());
        auto [mn, mx] = std::minmax_element(p, p + voxelCount());
        return std::pair<double, double>(double(*mn), double(*mx));
    });
    double a = rescale_.apply(lo), b = rescale_.apply(hi);
    return {std::min(a, b), std::max(a, b)};
}

Volume Volume::clone() const {
    if (empty()) return *this;
    Volume v = allocate(type_, geometry_, timePoints_);
    std::memcpy(v.data(), data(), byteSize());
    v.rescale_ = rescale_;
    v.invertedDisplay_ = invertedDisplay_;
    return v;
}

}  // namespace lumen::core
