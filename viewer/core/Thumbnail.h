#pragma once
#include "core/Volume.h"

#include <cstdint>
#include <vector>

namespace lumen::core {

// A small 8-bit picture of a series for the study browser: its middle slice as the viewer shows
// that plane (radiological convention), automatic window, aspect ratio kept.
struct Thumbnail {
    int width = 0, height = 0;
    std::vector<std::uint8_t> grey;  // row-major, width × height
    bool empty() const { return grey.empty(); }
};

Thumbnail makeThumbnail(const Volume& volume, int maxSize = 96);

}  // namespace lumen::core
