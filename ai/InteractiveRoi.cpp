#include "ai/InteractiveRoi.h"

#include "ai/Resampler.h"

#include <algorithm>
#include <cmath>

namespace lumen::ai {

namespace {

// Continuous ROI index of grid voxel (i, j, k) = origin + i·di + j·dj + k·dk.
struct IndexAffine {
    core::Vector3 origin, d[3];
    IndexAffine(const core::ImageGeometry& from, const core::ImageGeometry& to) {
        origin = to.worldToIndex(from.indexToWorld({0, 0, 0}));
        d[0] = to.worldToIndex(from.indexToWorld({1, 0, 0})) - origin;
        d[1] = to.worldToIndex(from.indexToWorld({0, 1, 0})) - origin;
        d[2] = to.worldToIndex(from.indexToWorld({0, 0, 1})) - origin;
    }
    core::Vector3 at(double i, double j, double k) const { return origin + d[0] * i + d[1] * j + d[2] * k; }
};

}  // namespace

core::ImageGeometry RoiSpec::place(const core::Matrix3& direction, const core::Point3& centre, int scale) const {
    const double s = baseSpacing * scale;
    core::Vector3 half{};
    for (int a = 0; a < 3; ++a) half = half + direction.column(a) * ((size[a] - 1) * s / 2);
    return core::ImageGeometry({std::size_t(size[0]), std::size_t(size[1]), std::size_t(size[2])}, {s, s, s}, centre - half, direction);
}

int RoiSpec::scaleFor(const core::Vector3& extentMm) const {
    int scale = 1;
    const auto fits = [&](int sc) {
        for (int a = 0; a < 3; ++a)
            if (extentMm[a] > fill * size[a] * baseSpacing * sc) return false;
        return true;
    };
    while (scale < maxScale && !fits(scale)) scale *= 2;
    return std::min(scale, maxScale);
}

void RoiExtent::add(const core::Point3& world) {
    const core::Vector3 a = inverse_ * world;
    if (empty_) {
        lo_ = hi_ = a;
        empty_ = false;
        return;
    }
    for (int n = 0; n < 3; ++n) {
        lo_[n] = std::min(lo_[n], a[n]);
        hi_[n] = std::max(hi_[n], a[n]);
    }
}

void RoiExtent::add(const InteractivePrompt& p) {
    if (p.kind == InteractivePrompt::Kind::Point) return add(p.point);
    for (int corner = 0; corner < 8; ++corner)
        add({corner & 1 ? p.boxMax.x : p.boxMin.x, corner & 2 ? p.boxMax.y : p.boxMin.y, corner & 4 ? p.boxMax.z : p.boxMin.z});
}

void RoiExtent::addMask(const core::ImageGeometry& grid, const std::uint8_t* mask) {
    const auto& n = grid.dims();
    std::array<std::size_t, 3> lo{n[0], n[1], n[2]}, hi{0, 0, 0};
    bool any = false;
    for (std::size_t k = 0, v = 0; k < n[2]; ++k)
        for (std::size_t j = 0; j < n[1]; ++j)
            for (std::size_t i = 0; i < n[0]; ++i, ++v)
                if (mask[v]) {
                    any = true;
                    lo = {std::min(lo[0], i), std::min(lo[1], j), std::min(lo[2], k)};
                    hi = {std::max(hi[0], i), std::max(hi[1], j), std::max(hi[2], k)};
                }
    if (!any) return;
    for (int corner = 0; corner < 8; ++corner)
        add(grid.indexToWorld({double(corner & 1 ? hi[0] : lo[0]), double(corner & 2 ? hi[1] : lo[1]), double(corner & 4 ? hi[2] : lo[2])}));
}

core::Point3 RoiExtent::centre() const { return axes_ * ((lo_ + hi_) * 0.5); }
core::Vector3 RoiExtent::extentMm() const { return hi_ - lo_; }

void encodePrompts(const core::ImageGeometry& roi, const std::vector<InteractivePrompt>& prompts, float* positive, float* negative,
                   float* boxes) {
    const auto& n = roi.dims();
    const std::size_t voxels = roi.voxelCount();
    std::fill(positive, positive + voxels, 0.0f);
    std::fill(negative, negative + voxels, 0.0f);
    std::fill(boxes, boxes + voxels, 0.0f);
    constexpr double radius = 1.5;
    for (const auto& p : prompts) {
        if (p.kind == InteractivePrompt::Kind::Point) {
            const core::Vector3 c = roi.worldToIndex(p.point);
            float* target = p.positive ? positive : negative;
            for (long k = long(std::floor(c.z - radius)); k <= long(std::ceil(c.z + radius)); ++k)
                for (long j = long(std::floor(c.y - radius)); j <= long(std::ceil(c.y + radius)); ++j)
                    for (long i = long(std::floor(c.x - radius)); i <= long(std::ceil(c.x + radius)); ++i) {
                        if (i < 0 || j < 0 || k < 0 || i >= long(n[0]) || j >= long(n[1]) || k >= long(n[2])) continue;
                        const double d2 = (i - c.x) * (i - c.x) + (j - c.y) * (j - c.y) + (k - c.z) * (k - c.z);
                        if (d2 <= radius * radius) target[(std::size_t(k) * n[1] + std::size_t(j)) * n[0] + std::size_t(i)] = 1.0f;
                    }
        } else {
            const double grow = roi.spacing().x / 2;
            const core::Point3 lo = p.boxMin - core::Vector3{grow, grow, grow}, hi = p.boxMax + core::Vector3{grow, grow, grow};
            for (std::size_t k = 0, v = 0; k < n[2]; ++k)
                for (std::size_t j = 0; j < n[1]; ++j)
                    for (std::size_t i = 0; i < n[0]; ++i, ++v) {
                        const core::Point3 w = roi.indexToWorld({double(i), double(j), double(k)});
                        if (w.x >= lo.x && w.x <= hi.x && w.y >= lo.y && w.y <= hi.y && w.z >= lo.z && w.z <= hi.z) boxes[v] = 1.0f;
                    }
        }
    }
}

void sampleMaskNearest(const core::ImageGeometry& grid, const std::uint8_t* mask, const core::ImageGeometry& roi, float* out) {
    sampleNearest(grid, roi, [mask](std::size_t v) { return mask[v] ? 1.0f : 0.0f; }, out);
}

void sampleNearest(const core::ImageGeometry& grid, const core::ImageGeometry& roi, const std::function<float(std::size_t)>& value,
                   float* out) {
    const IndexAffine map(roi, grid);
    const auto& n = roi.dims();
    const auto& g = grid.dims();
    for (std::size_t k = 0, v = 0; k < n[2]; ++k)
        for (std::size_t j = 0; j < n[1]; ++j)
            for (std::size_t i = 0; i < n[0]; ++i, ++v) {
                const core::Vector3 x = map.at(double(i), double(j), double(k));
                const long a = std::lround(x.x), b = std::lround(x.y), c = std::lround(x.z);
                const bool inside = a >= 0 && b >= 0 && c >= 0 && a < long(g[0]) && b < long(g[1]) && c < long(g[2]);
                out[v] = inside ? value((std::size_t(c) * g[1] + std::size_t(b)) * g[0] + std::size_t(a)) : 0.0f;
            }
}

void pasteProbability(const core::ImageGeometry& roi, const float* probability, const core::ImageGeometry& grid, std::uint8_t* mask) {
    const auto& r = roi.dims();
    const auto& g = grid.dims();
    // The grid's voxels whose centres can fall inside the ROI: the box of its corners' indices.
    const IndexAffine toGrid(roi, grid);
    std::array<long, 3> lo{long(g[0]), long(g[1]), long(g[2])}, hi{-1, -1, -1};
    for (int corner = 0; corner < 8; ++corner) {
        const core::Vector3 c = toGrid.at(corner & 1 ? r[0] - 0.5 : -0.5, corner & 2 ? r[1] - 0.5 : -0.5, corner & 4 ? r[2] - 0.5 : -0.5);
        for (int a = 0; a < 3; ++a) {
            lo[a] = std::min(lo[a], long(std::floor(c[a])));
            hi[a] = std::max(hi[a], long(std::ceil(c[a])));
        }
    }
    for (int a = 0; a < 3; ++a) {
        lo[a] = std::max(lo[a], 0L);
        hi[a] = std::min(hi[a], long(g[a]) - 1);
        if (lo[a] > hi[a]) return;
    }
    const IndexAffine toRoi(grid, roi);
    const auto sample = [&](const core::Vector3& x) {
        // Trilinear with the edge voxels repeated over the last half voxel.
        std::array<long, 3> c0{};
        std::array<double, 3> f{};
        for (int a = 0; a < 3; ++a) {
            const double t = std::clamp(x[a], 0.0, double(r[a] - 1));
            c0[a] = std::min(long(std::floor(t)), long(r[a]) - 2 < 0 ? 0L : long(r[a]) - 2);
            f[a] = t - double(c0[a]);
        }
        double value = 0;
        for (int q = 0; q < 8; ++q) {
            const long i = std::min(c0[0] + (q & 1), long(r[0]) - 1), j = std::min(c0[1] + ((q >> 1) & 1), long(r[1]) - 1),
                       k = std::min(c0[2] + ((q >> 2) & 1), long(r[2]) - 1);
            const double w = (q & 1 ? f[0] : 1 - f[0]) * ((q >> 1) & 1 ? f[1] : 1 - f[1]) * ((q >> 2) & 1 ? f[2] : 1 - f[2]);
            value += w * probability[(std::size_t(k) * r[1] + std::size_t(j)) * r[0] + std::size_t(i)];
        }
        return value;
    };
    for (long k = lo[2]; k <= hi[2]; ++k)
        for (long j = lo[1]; j <= hi[1]; ++j)
            for (long i = lo[0]; i <= hi[0]; ++i) {
                const core::Vector3 x = toRoi.at(double(i), double(j), double(k));
                if (x.x < -0.5 || x.y < -0.5 || x.z < -0.5 || x.x > r[0] - 0.5 || x.y > r[1] - 0.5 || x.z > r[2] - 0.5) continue;
                mask[(std::size_t(k) * g[1] + std::size_t(j)) * g[0] + std::size_t(i)] = sample(x) > 0.5 ? 1 : 0;
            }
}

bool touchesBorder(const core::ImageGeometry::Dims& n, const float* probability, int margin) {
    for (std::size_t k = 0, v = 0; k < n[2]; ++k)
        for (std::size_t j = 0; j < n[1]; ++j)
            for (std::size_t i = 0; i < n[0]; ++i, ++v) {
                const bool edge = long(i) < margin || long(j) < margin || long(k) < margin || i + margin >= n[0] ||
                                  j + margin >= n[1] || k + margin >= n[2];
                if (edge && probability[v] > 0.5f) return true;
            }
    return false;
}

FloatImage interactiveInput(const FloatImage& view, const float* roiMask, const std::vector<InteractivePrompt>& prompts) {
    const core::ImageGeometry& roi = view.geometry;
    FloatImage out = FloatImage::zeros(roi, kInteractiveChannels);
    const std::size_t n = roi.voxelCount();
    if (roiMask) std::copy(roiMask, roiMask + n, out.channel(1));
    encodePrompts(roi, prompts, out.channel(2), out.channel(3), out.channel(4));
    // The image relative to what the user pointed at: tanh(k·(x − r)), r the mean intensity under
    // the first positive click (else inside the boxes, the mask, the whole cube; later clicks land
    // on the object's edges, where their balls would mix in the background). A class-agnostic model
    // must tell "like the click" from "unlike it" in any tissue: on a CT normalised over −1000…+1000
    // HU a lesion's 40 HU is 2 % of the range (here tanh(0.1)), and a network given that alone made the lesion's
    // whole organ of it.
    const float* x = view.data.data();
    std::vector<float> first(n, 0.0f), unused(n, 0.0f);
    const auto click = std::find_if(prompts.begin(), prompts.end(),
                                    [](const InteractivePrompt& p) { return p.kind == InteractivePrompt::Kind::Point && p.positive; });
    if (click != prompts.end()) encodePrompts(roi, {*click}, first.data(), unused.data(), unused.data());
    double sum = 0, squares = 0;
    std::size_t count = 0;
    const auto add = [&](float value) { sum += value, squares += double(value) * value, ++count; };
    const float* sources[] = {first.data(), out.channel(4), out.channel(1)};
    for (const float* where : sources) {
        for (std::size_t v = 0; v < n; ++v)
            if (where[v] > 0.5f) add(x[v]);
        if (count) break;
    }
    if (!count)
        for (std::size_t v = 0; v < n; ++v) add(x[v]);
    const double mean = sum / double(count), variance = std::max(0.0, squares / double(count) - mean * mean);
    const float r = float(mean);
    const float spread = kSpreadUnits * std::max(kMinSpread, float(std::sqrt(variance)));
    float* global = out.channel(0);
    float* local = out.channel(5);
    for (std::size_t v = 0; v < n; ++v) {
        global[v] = std::tanh(kClickContrast * (x[v] - r));
        local[v] = std::tanh((x[v] - r) / spread);
    }
    return out;
}

}  // namespace lumen::ai
