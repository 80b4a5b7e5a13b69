#include "core/DistanceTransform.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lumen::core {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// 1D squared distance transform of f (0 or inf, or earlier passes' values) with sample spacing h.
void transform1d(const double* f, double* d, std::size_t n, double h, std::vector<int>& v, std::vector<double>& z) {
    v.assign(n, 0);
    z.assign(n + 1, 0);
    int k = -1;
    for (std::size_t q = 0; q < n; ++q) {
        if (f[q] == kInf) continue;
        const double pq = static_cast<double>(q) * h;
        double s = -kInf;
        while (k >= 0) {
            const double pv = v[static_cast<std::size_t>(k)] * h;
            s = ((f[q] + pq * pq) - (f[v[static_cast<std::size_t>(k)]] + pv * pv)) / (2 * pq - 2 * pv);
            if (s <= z[static_cast<std::size_t>(k)]) --k;
            else break;
        }
        ++k;
        v[static_cast<std::size_t>(k)] = static_cast<int>(q);
        z[static_cast<std::size_t>(k)] = k == 0 ? -kInf : s;
        z[static_cast<std::size_t>(k) + 1] = kInf;
    }
    if (k < 0) {
        std::fill(d, d + n, kInf);
        return;
    }
    int j = 0;
    for (std::size_t q = 0; q < n; ++q) {
        const double x = static_cast<double>(q) * h;
        while (z[static_cast<std::size_t>(j) + 1] < x) ++j;
        const double dx = x - v[static_cast<std::size_t>(j)] * h;
        d[q] = dx * dx + f[v[static_cast<std::size_t>(j)]];
    }
}

}  // namespace

std::vector<double> squaredDistanceTransform(const std::vector<std::uint8_t>& mask, const ImageGeometry::Dims& d,
                                             const Vector3& spacing) {
    std::vector<double> out(mask.size());
    for (std::size_t v = 0; v < mask.size(); ++v) out[v] = mask[v] ? 0 : kInf;
    std::vector<int> v;
    std::vector<double> z, line, result;
    const std::size_t stride[3] = {1, d[0], d[0] * d[1]};
    for (int axis = 0; axis < 3; ++axis) {
        const std::size_t n = d[static_cast<std::size_t>(axis)];
        if (n == 1) continue;
        line.resize(n);
        result.resize(n);
        const int a1 = (axis + 1) % 3, a2 = (axis + 2) % 3;
        for (std::size_t p = 0; p < d[static_cast<std::size_t>(a1)]; ++p)
            for (std::size_t q = 0; q < d[static_cast<std::size_t>(a2)]; ++q) {
                const std::size_t base = p * stride[a1] + q * stride[a2];
                for (std::size_t x = 0; x < n; ++x) line[x] = out[base + x * stride[axis]];
                transform1d(line.data(), result.data(), n, spacing[axis], v, z);
                for (std::size_t x = 0; x < n; ++x) out[base + x * stride[axis]] = result[x];
            }
    }
    return out;
}

std::vector<double> signedDistance(const std::vector<std::uint8_t>& mask, const ImageGeometry::Dims& dims, const Vector3& spacing) {
    std::vector<std::uint8_t> outside(mask.size());
    for (std::size_t v = 0; v < mask.size(); ++v) outside[v] = !mask[v];
    const auto toInside = squaredDistanceTransform(mask, dims, spacing);
    const auto toOutside = squaredDistanceTransform(outside, dims, spacing);
    // Inside: minus the distance to the nearest voxel outside; outside: the distance to the
    // nearest voxel inside. The zero level lies midway between the last voxel in and the first
    // out. A mask that is all in (or all out) gets a large finite value, so blends stay defined.
    constexpr double kFar = 1e9;
    std::vector<double> s(mask.size());
    for (std::size_t v = 0; v < mask.size(); ++v)
        s[v] = mask[v] ? -std::min(std::sqrt(toOutside[v]), kFar) : std::min(std::sqrt(toInside[v]), kFar);
    return s;
}

}  // namespace lumen::core
