#include "ai/Resampler.h"

#include "ai/ModelError.h"
#include "core/ParallelFor.h"

#include <algorithm>
#include <cmath>

namespace lumen::ai {

using core::ImageGeometry;
using core::Vector3;

namespace {

Vector3 letterDirection(char letter) {  // LPS world
    switch (letter) {
        case 'L': return {1, 0, 0};
        case 'R': return {-1, 0, 0};
        case 'P': return {0, 1, 0};
        case 'A': return {0, -1, 0};
        case 'S': return {0, 0, 1};
        default: return {0, 0, -1};  // 'I'
    }
}

}  // namespace

ImageGeometry modelGrid(const ImageGeometry& image, const InputSpec& input) {
    std::array<int, 3> from{0, 1, 2};  // model axis a takes image axis from[a]
    std::array<double, 3> sign{1, 1, 1};
    if (!input.orientation.empty()) {
        std::array<bool, 3> used{false, false, false};
        for (int a = 0; a < 3; ++a) {
            const Vector3 want = letterDirection(input.orientation[a]);
            int best = -1;
            double bestDot = 0;
            for (int b = 0; b < 3; ++b) {
                if (used[b]) continue;
                const double d = image.axis(b).dot(want);
                if (best < 0 || std::abs(d) > std::abs(bestDot)) best = b, bestDot = d;
            }
            used[best] = true;
            from[a] = best;
            sign[a] = bestDot < 0 ? -1 : 1;
        }
    }
    ImageGeometry::Dims dims{};
    Vector3 spacing, columns[3];
    for (int a = 0; a < 3; ++a) {
        const int b = from[a];
        const double extent = static_cast<double>(image.dims()[b]) * image.spacing()[b];
        if (input.resizeToPatch) {
            dims[a] = static_cast<std::size_t>(input.patchSize[a]);
            spacing[a] = extent / static_cast<double>(dims[a]);
        } else {
            spacing[a] = input.spacing ? (*input.spacing)[a] : image.spacing()[b];
            dims[a] = static_cast<std::size_t>(std::max(1.0, std::round(extent / spacing[a])));
        }
        columns[a] = image.axis(b) * sign[a];
    }
    const Vector3 centreIndex{(image.dims()[0] - 1) / 2.0, (image.dims()[1] - 1) / 2.0, (image.dims()[2] - 1) / 2.0};
    const core::Point3 centre = image.indexToWorld(centreIndex);
    core::Point3 origin = centre;
    for (int a = 0; a < 3; ++a) origin -= columns[a] * ((static_cast<double>(dims[a]) - 1) / 2.0 * spacing[a]);
    return ImageGeometry(dims, spacing, origin, core::Matrix3::fromColumns(columns[0], columns[1], columns[2]));
}

void resampleRows(const FloatImage& source, const ImageGeometry& target, const RowSink& sink, unsigned threads) {
    const auto& sd = source.geometry.dims();
    if (source.voxels() == 0 || target.voxelCount() == 0) throw ModelError("cannot resample an empty image");
    // target index → source continuous index is affine: s = A·t + b.
    const Vector3 b = source.geometry.worldToIndex(target.origin());
    Vector3 a[3];
    for (int axis = 0; axis < 3; ++axis) {
        Vector3 unit{};
        unit[axis] = 1;
        a[axis] = source.geometry.worldToIndex(target.indexToWorld(unit)) - b;
    }
    const auto& td = target.dims();
    const std::size_t sPlane = sd[0] * sd[1], sVox = source.voxels(), C = source.channels;
    const std::size_t dx = sd[0] > 1 ? 1 : 0, dy = sd[1] > 1 ? sd[0] : 0, dz = sd[2] > 1 ? sPlane : 0;
    const std::size_t o[8] = {0, dx, dy, dx + dy, dz, dz + dx, dz + dy, dz + dx + dy};
    auto clampIndex = [](double x, std::size_t n, std::size_t& lo, double& f) {
        x = std::clamp(x, 0.0, static_cast<double>(n - 1));
        lo = std::min(static_cast<std::size_t>(x), n > 1 ? n - 2 : 0);
        f = n > 1 ? x - static_cast<double>(lo) : 0.0;
    };
    const std::size_t stride[3] = {1, sd[0], sPlane};
    // Axis-aligned grids (every model grid of a straight image: permuted, flipped, rescaled):
    // along a target row only one source coordinate moves, so the row is one source line
    // interpolated in the other two axes, then linearly along it — a few operations per voxel.
    int axisOf[3] = {-1, -1, -1};
    bool aligned = true;
    for (int t = 0; t < 3 && aligned; ++t) {
        for (int q = 0; q < 3; ++q)
            if (std::abs(a[t][q]) > 1e-9) {
                if (axisOf[t] >= 0) aligned = false;
                axisOf[t] = q;
            }
        if (axisOf[t] < 0) aligned = false;
    }
    aligned = aligned && axisOf[0] != axisOf[1] && axisOf[0] != axisOf[2] && axisOf[1] != axisOf[2];
    if (aligned) {
        const int p0 = axisOf[0], p1 = axisOf[1], p2 = axisOf[2];
        const std::size_t n0 = sd[static_cast<std::size_t>(p0)];
        std::vector<std::size_t> lo0(td[0]);
        std::vector<double> f0(td[0]);
        for (std::size_t i = 0; i < td[0]; ++i) clampIndex(b[p0] + a[0][p0] * static_cast<double>(i), n0, lo0[i], f0[i]);
        const std::size_t step0 = n0 > 1 ? stride[p0] : 0;
        core::parallelFor(td[2], threads ? threads : core::hardwareThreads(), [&](std::size_t k) {
            std::vector<float> row(td[0] * C), line(n0 * C);
            std::size_t lo2;
            double f2;
            clampIndex(b[p2] + a[2][p2] * static_cast<double>(k), sd[static_cast<std::size_t>(p2)], lo2, f2);
            const std::size_t d2 = sd[static_cast<std::size_t>(p2)] > 1 ? stride[p2] : 0;
            for (std::size_t j = 0; j < td[1]; ++j) {
                std::size_t lo1;
                double f1;
                clampIndex(b[p1] + a[1][p1] * static_cast<double>(j), sd[static_cast<std::size_t>(p1)], lo1, f1);
                const std::size_t d1 = sd[static_cast<std::size_t>(p1)] > 1 ? stride[p1] : 0;
                const std::size_t base = lo1 * stride[p1] + lo2 * stride[p2];
                const double w00 = (1 - f1) * (1 - f2), w10 = f1 * (1 - f2), w01 = (1 - f1) * f2, w11 = f1 * f2;
                for (std::size_t c = 0; c < C; ++c) {
                    const float* src = source.data.data() + c * sVox + base;
                    for (std::size_t x = 0; x < n0; ++x) {
                        const float* q = src + x * stride[p0];
                        line[x * C + c] = static_cast<float>(w00 * q[0] + w10 * q[d1] + w01 * q[d2] + w11 * q[d1 + d2]);
                    }
                }
                for (std::size_t i = 0; i < td[0]; ++i) {
                    const float* l = line.data() + lo0[i] * C;
                    const float* r = step0 ? l + C : l;
                    for (std::size_t c = 0; c < C; ++c) row[i * C + c] = static_cast<float>((1 - f0[i]) * l[c] + f0[i] * r[c]);
                }
                sink((k * td[1] + j) * td[0], td[0], row.data());
            }
        });
        return;
    }
    core::parallelFor(td[2], threads ? threads : core::hardwareThreads(), [&](std::size_t k) {
        std::vector<float> row(td[0] * C);
        for (std::size_t j = 0; j < td[1]; ++j) {
            const Vector3 start = b + a[1] * static_cast<double>(j) + a[2] * static_cast<double>(k);
            for (std::size_t i = 0; i < td[0]; ++i) {
                const Vector3 s = start + a[0] * static_cast<double>(i);
                std::size_t x0, y0, z0;
                double fx, fy, fz;
                clampIndex(s.x, sd[0], x0, fx);
                clampIndex(s.y, sd[1], y0, fy);
                clampIndex(s.z, sd[2], z0, fz);
                const std::size_t base = (z0 * sd[1] + y0) * sd[0] + x0;
                const double w[8] = {(1 - fx) * (1 - fy) * (1 - fz), fx * (1 - fy) * (1 - fz), (1 - fx) * fy * (1 - fz),
                                     fx * fy * (1 - fz), (1 - fx) * (1 - fy) * fz, fx * (1 - fy) * fz,
                                     (1 - fx) * fy * fz, fx * fy * fz};
                for (std::size_t c = 0; c < C; ++c) {
                    const float* src = source.data.data() + c * sVox + base;
                    double v = 0;
                    for (int n = 0; n < 8; ++n) v += w[n] * src[o[n]];
                    row[i * C + c] = static_cast<float>(v);
                }
            }
            sink((k * td[1] + j) * td[0], td[0], row.data());
        }
    });
}

FloatImage resampleLinear(const FloatImage& source, const ImageGeometry& target, unsigned threads) {
    FloatImage out = FloatImage::zeros(target, source.channels);
    const std::size_t C = source.channels, tVox = target.voxelCount();
    resampleRows(source, target, [&](std::size_t first, std::size_t count, const float* values) {
        for (std::size_t n = 0; n < count; ++n)
            for (std::size_t c = 0; c < C; ++c) out.data[c * tVox + first + n] = values[n * C + c];
    }, threads);
    return out;
}

FloatImage toFloatImage(const core::Volume& volume) {
    if (volume.empty()) throw ModelError("the image is empty");
    if (volume.pixelType() == core::PixelType::Rgb24) throw ModelError("colour images are not model input");
    const auto& sp = volume.geometry().spacing();
    if (!(sp.x > 0 && sp.y > 0 && sp.z > 0) || !sp.isFinite())
        throw ModelError("the image has no valid voxel spacing; a model needs millimetres");
    FloatImage out = FloatImage::zeros(volume.geometry(), volume.timePoints());
    const core::Rescale r = volume.rescale();
    core::visitScalarType(volume.pixelType(), [&](auto tag) {
        using T = decltype(tag);
        const T* src = volume.as<T>();
        const std::size_t n = out.data.size();
        core::parallelFor(16, core::hardwareThreads(), [&](std::size_t part) {
            for (std::size_t v = part * n / 16; v < (part + 1) * n / 16; ++v)
                out.data[v] = static_cast<float>(r.apply(static_cast<double>(src[v])));
        });
        return 0;
    });
    return out;
}

}  // namespace lumen::ai

namespace lumen::ai {

core::LabelMap resampleLabelsNearest(const core::LabelMap& labels, const core::ImageGeometry& target) {
    core::LabelMap out(target, labels.depth());
    out.labels() = labels.labels();
    const auto& sg = labels.geometry();
    const auto& sd = sg.dims();
    const auto& td = target.dims();
    core::parallelFor(td[2], core::hardwareThreads(), [&](std::size_t k) {
        for (std::size_t j = 0; j < td[1]; ++j)
            for (std::size_t i = 0; i < td[0]; ++i) {
                const core::Vector3 s = sg.worldToIndex(target.indexToWorld({double(i), double(j), double(k)}));
                const long x = std::lround(s.x), y = std::lround(s.y), z = std::lround(s.z);
                if (x < 0 || y < 0 || z < 0 || x >= long(sd[0]) || y >= long(sd[1]) || z >= long(sd[2])) continue;
                out.set(i, j, k, labels.at(std::size_t(x), std::size_t(y), std::size_t(z)));
            }
    });
    return out;
}

}  // namespace lumen::ai

namespace lumen::ai {

VoxelBox foregroundBox(const FloatImage& image, double threshold, int margin) {
    const auto& d = image.geometry.dims();
    VoxelBox box{{d[0], d[1], d[2]}, {0, 0, 0}};
    bool any = false;
    for (std::size_t c = 0; c < image.channels; ++c) {
        const float* v = image.channel(c);
        for (std::size_t k = 0; k < d[2]; ++k)
            for (std::size_t j = 0; j < d[1]; ++j)
                for (std::size_t i = 0; i < d[0]; ++i)
                    if (v[(k * d[1] + j) * d[0] + i] > threshold) {
                        any = true;
                        const std::size_t idx[3] = {i, j, k};
                        for (int a = 0; a < 3; ++a) {
                            box.lo[a] = std::min(box.lo[a], idx[a]);
                            box.hi[a] = std::max(box.hi[a], idx[a]);
                        }
                    }
    }
    if (!any) return {{0, 0, 0}, {d[0] - 1, d[1] - 1, d[2] - 1}};
    const auto m = static_cast<std::size_t>(std::max(0, margin));
    for (int a = 0; a < 3; ++a) {
        box.lo[a] = box.lo[a] > m ? box.lo[a] - m : 0;
        box.hi[a] = std::min(d[a] - 1, box.hi[a] + m);
    }
    return box;
}

core::ImageGeometry cropGeometry(const core::ImageGeometry& grid, const VoxelBox& box) {
    const ImageGeometry::Dims dims{box.hi[0] - box.lo[0] + 1, box.hi[1] - box.lo[1] + 1, box.hi[2] - box.lo[2] + 1};
    const core::Point3 origin = grid.indexToWorld({double(box.lo[0]), double(box.lo[1]), double(box.lo[2])});
    return ImageGeometry(dims, grid.spacing(), origin, grid.direction());
}

}  // namespace lumen::ai
