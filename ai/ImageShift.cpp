#include "ai/ImageShift.h"

#include "ai/Resampler.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace lumen::ai {

namespace {

constexpr double kPi = 3.14159265358979323846;

// The 0.5th and 99.5th percentiles of the first time point: an intensity range that ignores a few
// extreme voxels (metal, a hot spot) in any modality.
std::pair<double, double> robustRange(const FloatImage& f) {
    std::vector<float> v(f.channel(0), f.channel(0) + f.voxels());
    if (v.empty()) return {0, 1};
    const auto at = [&](double q) {
        auto nth = v.begin() + std::ptrdiff_t(q * double(v.size() - 1));
        std::nth_element(v.begin(), nth, v.end());
        return double(*nth);
    };
    const double lo = at(0.005), hi = at(0.995);
    return {lo, std::max(hi, lo + 1e-6)};
}

// Each voxel replaced by its 5 mm slab's mean along k, linearly interpolated between slab centres.
void thickSlices(FloatImage& f, double thicknessMm) {
    const auto& d = f.geometry.dims();
    const std::size_t n = std::max<std::size_t>(1, std::size_t(std::lround(thicknessMm / f.geometry.spacing().z)));
    if (n == 1 || d[2] < 2) return;
    const std::size_t plane = d[0] * d[1], slabs = (d[2] + n - 1) / n;
    std::vector<double> centre(slabs);
    std::vector<float> mean(slabs * plane);
    for (std::size_t c = 0; c < f.channels; ++c) {
        float* x = f.channel(c);
        std::fill(mean.begin(), mean.end(), 0.0f);
        for (std::size_t s = 0; s < slabs; ++s) {
            const std::size_t k0 = s * n, k1 = std::min(d[2], k0 + n);
            centre[s] = (double(k0) + double(k1 - 1)) / 2;
            for (std::size_t k = k0; k < k1; ++k)
                for (std::size_t p = 0; p < plane; ++p) mean[s * plane + p] += x[k * plane + p] / float(k1 - k0);
        }
        for (std::size_t k = 0; k < d[2]; ++k) {
            std::size_t s = 0;
            while (s + 1 < slabs && centre[s + 1] <= double(k)) ++s;
            const std::size_t t = std::min(s + 1, slabs - 1);
            const double w = t == s ? 0 : std::clamp((double(k) - centre[s]) / (centre[t] - centre[s]), 0.0, 1.0);
            for (std::size_t p = 0; p < plane; ++p)
                x[k * plane + p] = float((1 - w) * mean[s * plane + p] + w * mean[t * plane + p]);
        }
    }
}

// The grid turned by `r` about `centre`.
core::ImageGeometry rotated(const core::ImageGeometry& g, const core::Matrix3& r, const core::Point3& centre) {
    return core::ImageGeometry(g.dims(), g.spacing(), centre + r * (g.origin() - centre), r * g.direction());
}

}  // namespace

const std::vector<ImageShift>& allImageShifts() {
    static const std::vector<ImageShift> all{ImageShift::Noise, ImageShift::BiasField, ImageShift::LowResolution, ImageShift::Contrast,
                                             ImageShift::Rotation};
    return all;
}

std::string shiftName(ImageShift shift) {
    switch (shift) {
        case ImageShift::Noise: return "noise";
        case ImageShift::BiasField: return "bias_field";
        case ImageShift::LowResolution: return "low_resolution";
        case ImageShift::Contrast: return "contrast";
        case ImageShift::Rotation: return "rotation";
    }
    return "?";
}

std::string shiftDescription(ImageShift shift) {
    switch (shift) {
        case ImageShift::Noise: return "Gaussian noise, sigma 5 % of the intensity range (0.5th-99.5th percentile)";
        case ImageShift::BiasField: return "multiplicative bias field exp(0.3 d.u), u the position in the field of view from -1 to 1, d a random direction";
        case ImageShift::LowResolution: return "5 mm thick slices along the slice axis, linearly interpolated back to the grid";
        case ImageShift::Contrast: return "gamma 1.5 over the intensity range";
        case ImageShift::Rotation: return "turned 10 degrees about the patient's left-right axis";
    }
    return "";
}

void applyShift(TrainingSample& sample, ImageShift shift, unsigned seed) {
    std::mt19937 rng(seed);
    const core::ImageGeometry g = sample.volume.geometry();
    if (shift == ImageShift::Rotation) {
        // The anatomy turns on the same grid: turning the grid itself would change nothing, since
        // preprocessing keeps a grid's obliquity (as MONAI's Orientation does) and the network
        // would see the same voxels. The voxels are placed on a turned grid and resampled back
        // onto the original (linear; the truth's labels nearest), and the boxes' centres turn.
        const double a = 10 * kPi / 180;
        const core::Matrix3 r({1, 0, 0, 0, std::cos(a), -std::sin(a), 0, std::sin(a), std::cos(a)});
        const auto& d = g.dims();
        const core::Point3 centre = g.indexToWorld({(double(d[0]) - 1) / 2, (double(d[1]) - 1) / 2, (double(d[2]) - 1) / 2});
        FloatImage source = toFloatImage(sample.volume);
        source.geometry = rotated(g, r, centre);
        sample.volume = toVolume(resampleLinear(source, g));
        if (!sample.labels.empty()) {
            core::Volume turned = sample.labels.voxels().clone();
            turned.setGeometry(rotated(sample.labels.geometry(), r, centre));
            sample.labels = resampleLabelsNearest(core::LabelMap::fromVolume(turned, sample.labels.labels()), sample.labels.geometry());
        }
        for (Finding& box : sample.boxes) {
            const core::Point3 moved = centre + r * (box.centre - centre);
            const core::Vector3 delta = moved - box.centre;
            box.centre = moved;
            box.worldMin = box.worldMin + delta;
            box.worldMax = box.worldMax + delta;
        }
        return;
    }
    FloatImage f = toFloatImage(sample.volume);
    const auto& d = g.dims();
    if (shift == ImageShift::Noise) {
        const auto [lo, hi] = robustRange(f);
        std::normal_distribution<float> noise(0.0f, float(0.05 * (hi - lo)));
        for (float& x : f.data) x += noise(rng);
    } else if (shift == ImageShift::BiasField) {
        std::normal_distribution<double> n01;
        const core::Vector3 dir = core::Vector3{n01(rng), n01(rng), n01(rng)}.normalized();
        const auto u = [](std::size_t i, std::size_t n) { return n > 1 ? 2.0 * double(i) / double(n - 1) - 1 : 0.0; };
        for (std::size_t c = 0; c < f.channels; ++c) {
            float* x = f.channel(c);
            for (std::size_t k = 0; k < d[2]; ++k)
                for (std::size_t j = 0; j < d[1]; ++j)
                    for (std::size_t i = 0; i < d[0]; ++i)
                        x[(k * d[1] + j) * d[0] + i] *= float(std::exp(0.3 * (dir.x * u(i, d[0]) + dir.y * u(j, d[1]) + dir.z * u(k, d[2]))));
        }
    } else if (shift == ImageShift::LowResolution) {
        thickSlices(f, 5.0);
    } else if (shift == ImageShift::Contrast) {
        const auto [lo, hi] = robustRange(f);
        const double range = hi - lo;
        for (float& x : f.data) x = float(lo + range * std::pow(std::max(0.0, (double(x) - lo) / range), 1.5));
    }
    sample.volume = toVolume(f);
}

}  // namespace lumen::ai
