#pragma once
#include "core/Vector3.h"

#include <array>
#include <cstdint>
#include <string>

namespace lumen::ai {

// One detected object. The box is aligned with the image grid it was found on: centre and
// corners in world mm (LPS), size in mm along that grid's axes.
struct Finding {
    std::uint16_t classValue = 0;
    std::string className;
    double score = 0;
    core::Point3 centre;
    core::Vector3 sizeMm;
    core::Point3 worldMin, worldMax;  // axis-aligned world box around the grid box's corners
    std::array<double, 3> indexMin{}, indexMax{};  // the box in the grid's continuous index space
};

// Intersection over union of two boxes in index space.
double boxIou(const Finding& a, const Finding& b);

}  // namespace lumen::ai
