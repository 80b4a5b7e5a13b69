#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace lumen::core {

// Even-odd fill of closed polygons (vertices in continuous pixel indices (i, j)) on a
// width × height grid: a pixel is set when its centre lies inside an odd number of polygons, so
// a contour inside another is a hole and one inside a hole an island — how radiotherapy planning
// systems read the contours of one structure on one slice. Pixels are XORed into `mask`
// (row-major, 0/1), which must hold width × height values.
void fillEvenOdd(const std::vector<std::vector<std::array<double, 2>>>& polygons, std::size_t width, std::size_t height,
                 std::vector<std::uint8_t>& mask);

}  // namespace lumen::core
