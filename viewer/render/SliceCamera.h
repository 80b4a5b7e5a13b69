#pragma once
#include "core/Vector3.h"

namespace lumen::render {

// What a 2D view shows: the plane through `center` facing the viewer, the screen's up
// direction, and how many millimetres the viewport's height spans.
struct SliceCamera {
    core::Point3 center;
    core::Vector3 viewDirection{0, 0, 1};  // the camera looks along this (into the screen)
    core::Vector3 up{0, -1, 0};
    double heightMm = 250;
};

}  // namespace lumen::render
