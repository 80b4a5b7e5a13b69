#include "ai/Resampler.h"

#include "core/GridMapping.h"

#include "ai/ModelError.h"
#include "ai/internal/GridMapping.h"
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

FloatImage padForNetwork(const FloatImage& image, const InputSpec& input) {
    const auto& d = image.geometry.dims();
    ImageGeometry::Dims dims{};
    std::array<std::size_t, 3> before{};
    bool grows = false;
    for (int a = 0; a < 3; ++a) {
        std::size_t n = std::max(d[a], static_cast<std::size_t>(std::max(0, input.padMinimum[a])));
        const auto k = static_cast<std::size_t>(std::max(1, input.padMultiple[a]));
        n = (n + k - 1) / k * k;
        dims[a] = n;
        before[a] = (n - d[a]) / 2;
        grows = grows || n != d[a];
    }
    if (!grows) return image;
    const core::Point3 origin = image.geometry.indexToWorld({-double(before[0]), -double(before[1]), -double(before[2])});
    FloatImage out = FloatImage::zeros(ImageGeometry(dims, image.geometry.spacing(), origin, image.geometry.direction()), image.channels);
    for (std::size_t c = 0; c < image.channels; ++c)
        for (std::size_t k = 0; k < d[2]; ++k)
            for (std::size_t j = 0; j < d[1]; ++j) {
                const float* in = image.channel(c) + (k * d[1] + j) * d[0];
                float* o = out.channel(c) + ((k + before[2]) * dims[1] + j + before[1]) * dims[0] + before[0];
                std::copy(in, in + d[0], o);
            }
    return out;
}

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

namespace {

// Trilinear resampling of channel-first voxels of any scalar type; the rescale (affine) is applied
// to the interpolated stored values, which equals interpolating the rescaled ones.
template <typename T>
void resampleRowsOf(const T* data, std::size_t channels, const ImageGeometry& sourceGrid, const ImageGeometry& target,
                    const core::Rescale& r, const RowSink& sink, unsigned threads) {
    if (sourceGrid.voxelCount() == 0 || target.voxelCount() == 0) throw ModelError("cannot resample an empty image");
    const internal::GridMapping map(sourceGrid, target);
    const auto& sd = map.sourceDims();
    const auto& td = map.targetDims();
    const std::size_t sVox = sourceGrid.voxelCount(), C = channels;
    const unsigned n = threads ? threads : core::hardwareThreads();
    if (map.aligned()) {
        // Along a target row only one source coordinate moves, so the row is one source line
        // interpolated in the other two axes, then linearly along it: a few operations per voxel.
        const std::size_t n0 = sd[map.sourceAxis(0)], step0 = map.stride(map.sourceAxis(0));
        const auto& lo0 = map.alignedLo0();
        const auto& f0 = map.alignedF0();
        core::parallelFor(td[2], n, [&](std::size_t k) {
            std::vector<float> row(td[0] * C), line(n0 * C);
            for (std::size_t j = 0; j < td[1]; ++j) {
                const auto L = map.alignedLine(j, k);
                for (std::size_t c = 0; c < C; ++c) {
                    const T* src = data + c * sVox + L.base;
                    for (std::size_t x = 0; x < n0; ++x) {
                        line[x * C + c] = static_cast<float>(r.apply(L.at(src + x * step0)));
                    }
                }
                for (std::size_t i = 0; i < td[0]; ++i) {
                    const float* l = line.data() + lo0[i] * C;
                    const float* rr = n0 > 1 ? l + C : l;
                    for (std::size_t c = 0; c < C; ++c) row[i * C + c] = static_cast<float>((1 - f0[i]) * l[c] + f0[i] * rr[c]);
                }
                sink((k * td[1] + j) * td[0], td[0], row.data());
            }
        });
        return;
    }
    core::parallelFor(td[2], n, [&](std::size_t k) {
        std::vector<float> row(td[0] * C);
        std::vector<std::size_t> cell(td[0]);
        for (std::size_t j = 0; j < td[1]; ++j) {
            map.rowCells(j, k, cell.data());
            for (std::size_t i = 0; i < td[0]; ++i) {
                const auto w = internal::GridMapping::weights(map.fraction(i, j, k));
                for (std::size_t c = 0; c < C; ++c) row[i * C + c] = static_cast<float>(r.apply(map.trilinear(data + c * sVox + cell[i], w)));
            }
            sink((k * td[1] + j) * td[0], td[0], row.data());
        }
    });
}

FloatImage collectRows(const ImageGeometry& target, std::size_t C, const std::function<void(const RowSink&)>& produce) {
    FloatImage out;
    out.geometry = target;
    out.channels = C;
    const std::size_t tVox = target.voxelCount();
    out.data.resize(tVox * C);
    produce([&](std::size_t first, std::size_t count, const float* values) {
        for (std::size_t n = 0; n < count; ++n)
            for (std::size_t c = 0; c < C; ++c) out.data[c * tVox + first + n] = values[n * C + c];
    });
    return out;
}

void checkModelInput(const core::Volume& volume) {
    if (volume.empty()) throw ModelError("the image is empty");
    if (volume.pixelType() == core::PixelType::Rgb24) throw ModelError("colour images are not model input");
    const auto& sp = volume.geometry().spacing();
    if (!(sp.x > 0 && sp.y > 0 && sp.z > 0) || !sp.isFinite())
        throw ModelError("the image has no valid voxel spacing; a model needs millimetres");
}

}  // namespace

void resampleRows(const FloatImage& source, const ImageGeometry& target, const RowSink& sink, unsigned threads) {
    resampleRowsOf(source.data.data(), source.channels, source.geometry, target, core::Rescale{}, sink, threads);
}

FloatImage resampleLinear(const FloatImage& source, const ImageGeometry& target, unsigned threads) {
    return collectRows(target, source.channels, [&](const RowSink& sink) { resampleRows(source, target, sink, threads); });
}

FloatImage resampleVolume(const core::Volume& volume, const ImageGeometry& target, unsigned threads) {
    checkModelInput(volume);
    return collectRows(target, volume.timePoints(), [&](const RowSink& sink) {
        core::visitScalarType(volume.pixelType(), [&](auto tag) {
            using T = decltype(tag);
            resampleRowsOf(volume.as<T>(), volume.timePoints(), volume.geometry(), target, volume.rescale(), sink, threads);
            return 0;
        });
    });
}

FloatImage toFloatImage(const core::Volume& volume) {
    checkModelInput(volume);
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

core::Volume toVolume(const FloatImage& image) {
    core::Volume out = core::Volume::allocate(core::PixelType::Float32, image.geometry, image.channels);
    std::copy(image.data.begin(), image.data.end(), out.as<float>());
    return out;
}

}  // namespace lumen::ai

namespace lumen::ai {

core::LabelMap resampleLabelsNearest(const core::LabelMap& labels, const core::ImageGeometry& target) {
    const auto mapping = core::GridMapping::between(labels.geometry(), target);
    if (mapping.kind() == core::GridMapping::Kind::Disjoint) {
        core::LabelMap empty(target, labels.depth());
        empty.labels() = labels.labels();
        return empty;
    }
    core::Volume voxels = mapping.apply(labels.voxels());  // exact when the grids are equivalent
    if (voxels.sharesVoxelsWith(labels.voxels())) voxels = voxels.clone();  // a new map, never an alias
    return core::LabelMap::fromVolume(voxels, labels.labels());
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

namespace lumen::ai {

FloatImage toFloatImageFirstChannel(const core::Volume& volume) {
    FloatImage image = toFloatImage(volume);
    image.data.resize(image.voxels());
    image.channels = 1;
    return image;
}

}  // namespace lumen::ai
