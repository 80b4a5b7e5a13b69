#include "core/PolygonFill.h"

#include <algorithm>
#include <cmath>

namespace lumen::core {

void fillEvenOdd(const std::vector<std::vector<std::array<double, 2>>>& polygons, std::size_t width, std::size_t height,
                 std::vector<std::uint8_t>& mask) {
    std::vector<double> crossings;
    for (std::size_t j = 0; j < height; ++j) {
        const double y = double(j);
        crossings.clear();
        // Edges crossing the row's centre line, half-open in y so that a vertex on it counts once.
        for (const auto& p : polygons)
            for (std::size_t n = 0; n < p.size(); ++n) {
                const auto& a = p[n];
                const auto& b = p[(n + 1) % p.size()];
                if ((a[1] <= y) == (b[1] <= y)) continue;
                crossings.push_back(a[0] + (y - a[1]) * (b[0] - a[0]) / (b[1] - a[1]));
            }
        std::sort(crossings.begin(), crossings.end());
        for (std::size_t c = 0; c + 1 < crossings.size(); c += 2) {
            // Centres i with crossings[c] < i < crossings[c + 1].
            const long first = std::max(0L, long(std::floor(crossings[c])) + 1);
            const long last = std::min(long(width) - 1, long(std::ceil(crossings[c + 1])) - 1);
            for (long i = first; i <= last; ++i) mask[j * width + std::size_t(i)] ^= 1;
        }
    }
}

}  // namespace lumen::core
