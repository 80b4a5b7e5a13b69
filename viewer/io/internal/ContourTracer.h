#pragma once
// Outlines of a binary slice, through ITK's marching squares (kept out of the public headers).
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace lumen::io::internal {

using Polygon = std::vector<std::array<double, 2>>;  // (i, j) in continuous pixel indices

// Closed outlines of the pixels of `mask` (width × height, row-major, non-zero = inside) at
// level 0.5: each outline passes halfway between an inside and an outside pixel centre, so that
// filling the outlines even-odd (holes are outlines of their own) gives back exactly the mask.
// Diagonal neighbours belong to one outline.
std::vector<Polygon> traceOutlines(const std::vector<std::uint8_t>& mask, std::size_t width, std::size_t height);

}  // namespace lumen::io::internal
