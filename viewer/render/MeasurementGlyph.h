#pragma once
#include "core/Vector3.h"

#include <string>
#include <vector>

namespace lumen::render {

// A measurement as drawn: a polyline in world coordinates and a text label beside it.
struct MeasurementGlyph {
    std::vector<core::Point3> polyline;
    bool closed = false;
    core::Point3 labelAt;
    std::string text;
    bool alignRight = false;  // text ends at labelAt (shapes near the right edge)
    bool selected = false;
};

}  // namespace lumen::render
