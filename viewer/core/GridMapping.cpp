#include "core/GridMapping.h"

#include "core/ParallelFor.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <sstream>
#include <stdexcept>

namespace lumen::core {

namespace {

bool centresCoincide(const ImageGeometry& from, const ImageGeometry& onto, const std::array<int, 3>& axisOf,
                     const std::array<bool, 3>& reversed, double tolMm) {
    for (int corner = 0; corner < 8; ++corner) {
        Vector3 o{}, f{};
        for (int a = 0; a < 3; ++a) {
            const double last = double(onto.dims()[a] - 1);
            o[a] = (corner >> a & 1) ? last : 0.0;
            f[axisOf[a]] = reversed[a] ? last - o[a] : o[a];
        }
        if ((onto.indexToWorld(o) - from.indexToWorld(f)).norm() > tolMm) return false;
    }
    return true;
}

// Copies voxels with a fixed element size: the inner loop stays a plain strided copy.
template <typename T>
void reorderFrame(const T* src, T* dst, const ImageGeometry::Dims& d, const std::array<std::ptrdiff_t, 3>& step,
                  std::ptrdiff_t start) {
    parallelFor(d[2], 0, [&](std::size_t k) {
        T* out = dst + k * d[0] * d[1];
        for (std::size_t j = 0; j < d[1]; ++j) {
            const T* in = src + start + std::ptrdiff_t(k) * step[2] + std::ptrdiff_t(j) * step[1];
            for (std::size_t i = 0; i < d[0]; ++i, in += step[0]) *out++ = *in;
        }
    });
}

}  // namespace

GridMapping GridMapping::between(const ImageGeometry& from, const ImageGeometry& onto, double tolFraction) {
    GridMapping m;
    m.from_ = from;
    m.onto_ = onto;
    const double minSpacing = std::min({onto.spacing().x, onto.spacing().y, onto.spacing().z, from.spacing().x,
                                        from.spacing().y, from.spacing().z});
    const double tolMm = std::max(1e-3, tolFraction * minSpacing);
    if (from.isApprox(onto, tolMm)) {
        m.kind_ = Kind::Identical;
        return m;
    }
    // Each axis of `onto` must run along one axis of `from` (cos > 0.999: under 2.6°).
    bool used[3] = {false, false, false};
    bool permutation = true;
    for (int a = 0; a < 3 && permutation; ++a) {
        permutation = false;
        for (int b = 0; b < 3; ++b) {
            const double c = from.axis(b).dot(onto.axis(a));
            if (!used[b] && std::abs(c) > 0.999 && from.dims()[b] == onto.dims()[a]) {
                used[b] = permutation = true;
                m.axisOf_[a] = b;
                m.reversed_[a] = c < 0;
                break;
            }
        }
    }
    if (permutation && centresCoincide(from, onto, m.axisOf_, m.reversed_, tolMm)) {
        m.kind_ = Kind::Reordered;
        return m;
    }
    m.axisOf_ = {0, 1, 2};
    m.reversed_ = {false, false, false};
    // Disjoint when no corner-to-corner box of `onto` reaches into `from`: test every voxel
    // centre cheaply by bounding `onto`'s corners in `from`'s index space first.
    Vector3 lo{1e300, 1e300, 1e300}, hi{-1e300, -1e300, -1e300};
    for (int corner = 0; corner < 8; ++corner) {
        Vector3 o{};
        for (int a = 0; a < 3; ++a) o[a] = (corner >> a & 1) ? double(onto.dims()[a] - 1) : 0.0;
        const Vector3 f = from.worldToIndex(onto.indexToWorld(o));
        for (int a = 0; a < 3; ++a) lo[a] = std::min(lo[a], f[a]), hi[a] = std::max(hi[a], f[a]);
    }
    bool overlaps = true;
    for (int a = 0; a < 3; ++a)
        overlaps = overlaps && hi[a] >= -0.5 && lo[a] < double(from.dims()[a]) - 0.5;
    m.kind_ = overlaps ? Kind::Resampled : Kind::Disjoint;
    return m;
}

Volume GridMapping::apply(const Volume& voxels) const {
    if (!voxels.geometry().isApprox(from_, 1e-6)) throw std::invalid_argument("GridMapping: the voxels are not on its source grid");
    if (kind_ == Kind::Disjoint) throw std::invalid_argument("GridMapping: the grids do not overlap");
    if (kind_ == Kind::Identical) {
        Volume same = voxels;
        same.setGeometry(onto_);
        return same;
    }
    Volume out = Volume::allocate(voxels.pixelType(), onto_, voxels.timePoints());
    out.setRescale(voxels.rescale());
    out.setInvertedDisplay(voxels.invertedDisplay());
    const auto& fd = from_.dims();
    const std::array<std::ptrdiff_t, 3> stride{1, std::ptrdiff_t(fd[0]), std::ptrdiff_t(fd[0] * fd[1])};
    const std::size_t bytes = bytesPerVoxel(voxels.pixelType());
    for (std::size_t t = 0; t < voxels.timePoints(); ++t) {
        const auto* src = static_cast<const std::byte*>(voxels.frameData(t));
        auto* dst = static_cast<std::byte*>(out.frameData(t));
        if (kind_ == Kind::Reordered) {
            std::array<std::ptrdiff_t, 3> step{};
            std::ptrdiff_t start = 0;
            for (int a = 0; a < 3; ++a) {
                const std::ptrdiff_t s = stride[axisOf_[a]];
                step[a] = reversed_[a] ? -s : s;
                if (reversed_[a]) start += std::ptrdiff_t(onto_.dims()[a] - 1) * s;
            }
            switch (bytes) {
            case 1: reorderFrame(reinterpret_cast<const std::uint8_t*>(src), reinterpret_cast<std::uint8_t*>(dst), onto_.dims(), step, start); break;
            case 2: reorderFrame(reinterpret_cast<const std::uint16_t*>(src), reinterpret_cast<std::uint16_t*>(dst), onto_.dims(), step, start); break;
            case 4: reorderFrame(reinterpret_cast<const std::uint32_t*>(src), reinterpret_cast<std::uint32_t*>(dst), onto_.dims(), step, start); break;
            case 8: reorderFrame(reinterpret_cast<const std::uint64_t*>(src), reinterpret_cast<std::uint64_t*>(dst), onto_.dims(), step, start); break;
            default: {  // Rgb24
                const auto& d = onto_.dims();
                for (std::size_t k = 0, n = 0; k < d[2]; ++k)
                    for (std::size_t j = 0; j < d[1]; ++j)
                        for (std::size_t i = 0; i < d[0]; ++i, ++n)
                            std::memcpy(dst + n * bytes, src + (start + std::ptrdiff_t(i) * step[0] + std::ptrdiff_t(j) * step[1] + std::ptrdiff_t(k) * step[2]) * std::ptrdiff_t(bytes), bytes);
            }
            }
            continue;
        }
        // Nearest neighbour: `from` index = base + i·di + j·dj + k·dk (both grids are affine).
        const Vector3 base = from_.worldToIndex(onto_.indexToWorld({0, 0, 0}));
        Vector3 di = from_.worldToIndex(onto_.indexToWorld({1, 0, 0})) - base;
        Vector3 dj = from_.worldToIndex(onto_.indexToWorld({0, 1, 0})) - base;
        Vector3 dk = from_.worldToIndex(onto_.indexToWorld({0, 0, 1})) - base;
        const auto& d = onto_.dims();
        parallelFor(d[2], 0, [&](std::size_t k) {
            for (std::size_t j = 0; j < d[1]; ++j) {
                const Vector3 row = base + dj * double(j) + dk * double(k);
                std::byte* out = dst + (k * d[1] + j) * d[0] * bytes;
                for (std::size_t i = 0; i < d[0]; ++i, out += bytes) {
                    const Vector3 f = row + di * double(i);
                    const long x = std::lround(f.x), y = std::lround(f.y), z = std::lround(f.z);
                    if (x < 0 || y < 0 || z < 0 || x >= long(fd[0]) || y >= long(fd[1]) || z >= long(fd[2]))
                        std::memset(out, 0, bytes);
                    else
                        std::memcpy(out, src + ((std::size_t(z) * fd[1] + std::size_t(y)) * fd[0] + std::size_t(x)) * bytes, bytes);
                }
            }
        });
    }
    return out;
}

std::string GridMapping::describe(const ImageGeometry& g) {
    std::ostringstream s;
    s.precision(3);
    s << g.spacing().x << " × " << g.spacing().y << " × " << g.spacing().z << " mm, " << g.dims()[0] << " × " << g.dims()[1]
      << " × " << g.dims()[2] << " voxels, " << g.orientationCode();
    return s.str();
}

ImageGeometry flippedAxis(const ImageGeometry& g, int axis) {
    Vector3 far{};
    far[axis] = double(g.dims()[axis] - 1);
    Matrix3 direction = g.direction();
    direction.setColumn(axis, -g.axis(axis));
    return ImageGeometry(g.dims(), g.spacing(), g.indexToWorld(far), direction);
}

}  // namespace lumen::core
