#pragma once
#include "core/ImageGeometry.h"

#include <array>
#include <cstdint>
#include <vector>

namespace lumen::ai::internal {

// Connected components of a binary mask (non-zero voxels), 6- or 26-connected: a component
// index per voxel (0 outside, 1.. inside) and per component its voxel count and index box.
struct BinaryComponents {
    std::vector<std::uint32_t> id;
    struct Component {
        std::size_t voxels = 0;
        std::array<std::size_t, 3> lo{}, hi{};  // inclusive
    };
    std::vector<Component> components;  // components[n - 1] is id n
};
BinaryComponents binaryComponents(const std::uint8_t* mask, const core::ImageGeometry::Dims& dims, int connectivity = 6);

}  // namespace lumen::ai::internal

#include "core/LabelMap.h"

namespace lumen::ai::internal {

// The objects an interactive segmenter is trained and evaluated on: the 6-connected components
// of every label value of a map (class-agnostic), of at least minVoxels and at least 1/kFragmentRatio
// of the label's largest component; id per voxel (0: none). The second bound drops the stray
// islands a warped or resampled label leaves (a brain label of 1.3 M voxels came with twelve of
// 35-131 voxels, half of a case's objects): nobody clicks them, and as training targets they
// taught "a click in tissue gives a speck". Lesions of one label differ far less than 500-fold.
struct LabelObjects {
    std::vector<std::uint16_t> id;
    struct Object {
        std::uint16_t value = 0;  // the label it is a piece of
        BinaryComponents::Component extent;
    };
    std::vector<Object> objects;  // objects[n - 1] is id n
};
inline constexpr std::size_t kMinObjectVoxels = 30;
inline constexpr std::size_t kFragmentRatio = 500;
LabelObjects labelObjects(const core::LabelMap& labels, std::size_t minVoxels = kMinObjectVoxels);

}  // namespace lumen::ai::internal
