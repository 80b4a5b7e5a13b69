#pragma once
#include "core/Vector3.h"

#include <array>
#include <optional>
#include <vector>

namespace lumen::core {

// What an enhanced multi-frame object says about one of its frames (per-frame functional
// groups, falling back to the shared ones).
struct FrameRecord {
    std::optional<Point3> position;                     // ImagePositionPatient
    std::optional<std::array<double, 6>> orientation;   // ImageOrientationPatient
    std::optional<std::array<double, 2>> pixelSpacing;  // row spacing, column spacing (mm)
    std::optional<double> rescaleSlope, rescaleIntercept;
    std::optional<int> temporalPositionIndex;
    std::optional<int> stackId;
    std::optional<int> inStackPosition;
    std::vector<int> dimensionIndexValues;
};

}  // namespace lumen::core
