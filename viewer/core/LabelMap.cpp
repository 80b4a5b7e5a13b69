#include "core/LabelMap.h"

#include <cstring>
#include <stdexcept>

namespace lumen::core {

namespace {
void checkDepth(PixelType t) {
    if (t != PixelType::UInt8 && t != PixelType::UInt16)
        throw std::invalid_argument("a label map holds uint8 or uint16 voxels, not " + pixelTypeName(t));
}

template <typename Fn>
void forEachValue(const Volume& v, Fn&& fn) {
    if (v.pixelType() == PixelType::UInt8) {
        const auto* p = v.as<std::uint8_t>();
        for (std::size_t i = 0, n = v.voxelCount(); i < n; ++i) fn(p[i]);
    } else {
        const auto* p = v.as<std::uint16_t>();
        for (std::size_t i = 0, n = v.voxelCount(); i < n; ++i) fn(p[i]);
    }
}
}  // namespace

LabelMap::LabelMap(const ImageGeometry& geometry, PixelType depth) {
    checkDepth(depth);
    voxels_ = Volume::zeros(depth, geometry);
}

LabelMap LabelMap::fromVolume(const Volume& voxels, LabelTable table) {
    checkDepth(voxels.pixelType());
    if (voxels.timePoints() != 1) throw std::invalid_argument("a label map has one time point");
    LabelMap m;
    m.voxels_ = voxels.withRescale({});
    m.labels_ = std::move(table);
    return m;
}

bool LabelMap::operator==(const LabelMap& o) const {
    if (empty() || o.empty()) return empty() == o.empty() && labels_ == o.labels_;
    return depth() == o.depth() && geometry() == o.geometry() && labels_ == o.labels_ &&
           (voxels_.data() == o.voxels_.data() || std::memcmp(voxels_.data(), o.voxels_.data(), voxels_.byteSize()) == 0);
}

std::uint16_t LabelMap::at(std::size_t linear) const {
    return depth() == PixelType::UInt8 ? voxels_.as<std::uint8_t>()[linear]
                                       : voxels_.as<std::uint16_t>()[linear];
}

void LabelMap::set(std::size_t linear, std::uint16_t value) {
    if (depth() == PixelType::UInt8) {
        if (value > 255) throw std::out_of_range("label value " + std::to_string(value) + " exceeds uint8 label map");
        voxels_.as<std::uint8_t>()[linear] = std::uint8_t(value);
    } else {
        voxels_.as<std::uint16_t>()[linear] = value;
    }
}

std::size_t LabelMap::count(std::uint16_t value) const {
    std::size_t n = 0;
    forEachValue(voxels_, [&](std::uint16_t v) { n += (v == value); });
    return n;
}

std::map<std::uint16_t, std::size_t> LabelMap::histogram() const {
    std::map<std::uint16_t, std::size_t> h;
    forEachValue(voxels_, [&](std::uint16_t v) { if (v) ++h[v]; });
    return h;
}

double LabelMap::volumeMl(std::uint16_t value) const {
    return double(count(value)) * geometry().voxelVolumeMm3() / 1000.0;
}

}  // namespace lumen::core
