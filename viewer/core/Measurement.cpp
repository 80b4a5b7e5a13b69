#include "core/Measurement.h"

namespace lumen::core {

Point3 Measurement::anchor() const {
    if (points.empty()) return {};
    if (kind == Kind::Angle && points.size() == 3) return points[1];
    Point3 sum;
    for (const auto& p : points) sum += p;
    return sum / double(points.size());
}

const char* measurementKindName(Measurement::Kind kind) {
    switch (kind) {
        case Measurement::Kind::Length: return "length";
        case Measurement::Kind::Angle: return "angle";
        case Measurement::Kind::Ellipse: return "ellipse";
        case Measurement::Kind::Rectangle: return "rectangle";
    }
    return "";
}

}  // namespace lumen::core
