#pragma once
#include "core/Vector3.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lumen::core {

// Statistics of the image inside a region of interest, in real units (HU on CT).
struct RegionStatistics {
    double mean = 0, standardDeviation = 0, minimum = 0, maximum = 0;
    double areaMm2 = 0;
    std::size_t samples = 0;
};

// A measurement made on a slice plane, in world coordinates (LPS, mm).
//   Length:    points = {a, b}; value = |b - a| in mm
//   Angle:     points = {a, vertex, b}; value in degrees
//   Ellipse:   points = {corner, opposite corner} of its bounding box in the plane's (right, up) frame
//   Rectangle: points = {corner, opposite corner} in the plane's (right, up) frame
struct Measurement {
    enum class Kind { Length, Angle, Ellipse, Rectangle };

    std::uint64_t id = 0;
    Kind kind = Kind::Length;
    std::vector<Point3> points;
    Vector3 planeNormal{0, 0, 1};  // the view's direction when drawn
    Vector3 planeRight{1, 0, 0};   // the view's screen right when drawn (frames ellipse/rectangle)
    double value = 0;              // mm, degrees, or mm² for regions
    std::optional<RegionStatistics> statistics;
    std::string units;             // of the statistics: "HU" on CT
    std::string label;

    Point3 anchor() const;         // where a list "jumps to": the middle of the measurement
};

const char* measurementKindName(Measurement::Kind kind);

}  // namespace lumen::core
