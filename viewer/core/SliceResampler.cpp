#include "core/SliceResampler.h"

#include "core/ParallelFor.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace lumen::core {

namespace {

template <typename T>
double bilinear(const T* slice, std::size_t nx, std::size_t ny, double u, double v, bool& inside) {
    // Half a voxel of tolerance at the edges keeps the border voxels of unsheared slices.
    if (u < -0.5 || v < -0.5 || u > double(nx) - 0.5 || v > double(ny) - 0.5) { inside = false; return 0; }
    inside = true;
    u = std::clamp(u, 0.0, double(nx - 1));
    v = std::clamp(v, 0.0, double(ny - 1));
    const std::size_t i0 = std::min(std::size_t(u), nx > 1 ? nx - 2 : 0), j0 = std::min(std::size_t(v), ny > 1 ? ny - 2 : 0);
    const std::size_t i1 = std::min(i0 + 1, nx - 1), j1 = std::min(j0 + 1, ny - 1);
    const double fu = u - double(i0), fv = v - double(j0);
    const double a = double(slice[j0 * nx + i0]) * (1 - fu) + double(slice[j0 * nx + i1]) * fu;
    const double b = double(slice[j1 * nx + i0]) * (1 - fu) + double(slice[j1 * nx + i1]) * fu;
    return a * (1 - fv) + b * fv;
}

template <typename T>
T toVoxel(double v) {
    if constexpr (std::is_integral_v<T>)
        return T(std::clamp(std::round(v), double(std::numeric_limits<T>::lowest()), double(std::numeric_limits<T>::max())));
    else
        return T(v);
}

}  // namespace

Volume SliceResampler::resample(const Volume& slices, const std::vector<Point3>& origins, const ImageGeometry& target,
                                double background) {
    const auto& in = slices.geometry();
    const std::size_t nx = in.dims()[0], ny = in.dims()[1], n = in.dims()[2];
    if (origins.size() != n) throw std::invalid_argument("one origin per acquired slice is needed");
    const Vector3 row = in.axis(0), col = in.axis(1), normal = target.axis(2);
    const double dx = in.spacing().x, dy = in.spacing().y;
    std::vector<double> along(n);
    for (std::size_t m = 0; m < n; ++m) along[m] = origins[m].dot(normal);

    Volume out = Volume::allocate(slices.pixelType(), target, slices.timePoints());
    out.setRescale(slices.rescale());
    out.setInvertedDisplay(slices.invertedDisplay());
    const auto& od = target.dims();
    visitScalarType(slices.pixelType(), [&](auto tag) {
        using T = decltype(tag);
        const T* src = static_cast<const T*>(slices.data());
        T* dst = static_cast<T*>(out.data());
        parallelFor(od[2] * slices.timePoints(), 0, [&](std::size_t kt) {
            const std::size_t k = kt % od[2], t = kt / od[2];
            const Point3 planePoint = target.indexToWorld({0, 0, double(k)});
            const double z = planePoint.dot(normal);
            // The acquired slices either side of this plane.
            std::size_t hi = std::size_t(std::lower_bound(along.begin(), along.end(), z - 1e-6) - along.begin());
            std::size_t lo = hi;
            if (hi >= n) hi = lo = n - 1;
            else if (hi > 0 && along[hi] - z > 1e-6) lo = hi - 1;
            const double w = hi == lo ? 0.0 : (z - along[lo]) / (along[hi] - along[lo]);
            const bool outsideSlab = z < along.front() - 1e-3 || z > along.back() + 1e-3;
            const T* sliceLo = src + (t * n + lo) * nx * ny;
            const T* sliceHi = src + (t * n + hi) * nx * ny;
            T* o = dst + kt * od[0] * od[1];
            for (std::size_t j = 0; j < od[1]; ++j)
                for (std::size_t i = 0; i < od[0]; ++i) {
                    const Point3 p = target.indexToWorld({double(i), double(j), double(k)});
                    bool inLo = false, inHi = false;
                    const Vector3 rLo = p - origins[lo], rHi = p - origins[hi];
                    const double a = bilinear(sliceLo, nx, ny, rLo.dot(row) / dx, rLo.dot(col) / dy, inLo);
                    const double b = bilinear(sliceHi, nx, ny, rHi.dot(row) / dx, rHi.dot(col) / dy, inHi);
                    double v = background;
                    if (!outsideSlab && inLo && inHi) v = a * (1 - w) + b * w;
                    o[j * od[0] + i] = toVoxel<T>(v);
                }
        });
    });
    return out;
}

}  // namespace lumen::core
