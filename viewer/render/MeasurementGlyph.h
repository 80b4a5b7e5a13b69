#pragma once
#include "core/LabelTable.h"
#include "core/Vector3.h"

#include <string>
#include <vector>

namespace lumen::render {

// A measurement, finding box or tool outline as drawn: a polyline in world coordinates and a
// text label beside it.
struct MeasurementGlyph {
    std::vector<core::Point3> polyline;
    bool closed = false;
    core::Point3 labelAt;
    std::string text;
    bool alignRight = false;  // text ends at labelAt (shapes near the right edge)
    bool anchored = false;    // labelAt is given; else the view places the text beside the shape
    bool selected = false;
    core::Rgba color{89, 230, 255, 255};  // lines and text (measurements cyan; findings by status)
};

}  // namespace lumen::render
