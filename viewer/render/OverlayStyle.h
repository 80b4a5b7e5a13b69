#pragma once
#include <cstdint>
#include <set>

namespace lumen::render {

// How label maps are drawn over the image.
struct OverlayStyle {
    double opacity = 0.5;            // of filled labels; outlines are drawn opaque
    bool outline = false;            // outline each label's boundary instead of filling it
    std::set<std::uint16_t> hidden;  // label values not drawn
    bool visible = true;
};

}  // namespace lumen::render
