#include "ai/IntensityNormalizer.h"

#include <algorithm>
#include <cmath>

namespace lumen::ai {

double percentile(std::vector<float> values, double q) {
    if (values.empty()) return 0;
    const double pos = std::clamp(q, 0.0, 100.0) / 100.0 * static_cast<double>(values.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const auto hi = std::min(lo + 1, values.size() - 1);
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(lo), values.end());
    const double a = values[lo];
    double b = a;
    if (hi != lo) b = *std::min_element(values.begin() + static_cast<std::ptrdiff_t>(lo) + 1, values.end());
    return a + (b - a) * (pos - static_cast<double>(lo));
}

namespace {

void scaleRange(float* v, std::size_t n, double a0, double a1, double b0, double b1, bool clip) {
    const double scale = a1 != a0 ? (b1 - b0) / (a1 - a0) : 0.0;
    const double lo = std::min(b0, b1), hi = std::max(b0, b1);
    for (std::size_t i = 0; i < n; ++i) {
        double x = a1 != a0 ? (v[i] - a0) * scale + b0 : v[i] - a0;
        if (clip) x = std::clamp(x, lo, hi);
        v[i] = static_cast<float>(x);
    }
}

}  // namespace

void normalizeIntensity(FloatImage& image, const Normalization& n) {
    // Channel-wise: each channel on its own; otherwise all channels as one run of values.
    const std::size_t runs = n.channelWise ? image.channels : 1;
    const std::size_t count = image.voxels() * (n.channelWise ? 1 : image.channels);
    for (std::size_t c = 0; c < runs; ++c) {
        float* v = image.data.data() + c * count;
        switch (n.kind) {
            case Normalization::Kind::None: break;
            case Normalization::Kind::Window: scaleRange(v, count, n.low, n.high, n.outLow, n.outHigh, n.clip); break;
            case Normalization::Kind::Percentile: {
                const std::vector<float> values(v, v + count);
                const double a0 = percentile(values, n.low), a1 = percentile(values, n.high);
                scaleRange(v, count, a0, a1, n.outLow, n.outHigh, n.clip);
                break;
            }
            case Normalization::Kind::MinMax: {  // MONAI's rescale_array, also for a constant image (× minv)
                if (count == 0) break;
                const auto [lo, hi] = std::minmax_element(v, v + count);
                const double a0 = *lo, a1 = *hi;
                if (a1 == a0) std::transform(v, v + count, v, [&](float x) { return static_cast<float>(x * n.outLow); });
                else scaleRange(v, count, a0, a1, n.outLow, n.outHigh, false);
                break;
            }
            case Normalization::Kind::ZScore: {
                double sum = 0, sum2 = 0;
                std::size_t used = 0;
                for (std::size_t i = 0; i < count; ++i)
                    if (!n.nonzero || v[i] != 0) sum += v[i], sum2 += static_cast<double>(v[i]) * v[i], ++used;
                if (used == 0) break;
                const double mean = sum / static_cast<double>(used);
                double sd = std::sqrt(std::max(0.0, sum2 / static_cast<double>(used) - mean * mean));
                if (sd == 0) sd = 1;  // MONAI leaves a constant image centred, not divided by zero
                for (std::size_t i = 0; i < count; ++i)
                    if (!n.nonzero || v[i] != 0) v[i] = static_cast<float>((v[i] - mean) / sd);
                break;
            }
        }
    }
}

void normalizeInput(FloatImage& image, const InputSpec& input) {
    normalizeIntensity(image, input.normalization);
    for (const auto& step : input.normalizationAfter) normalizeIntensity(image, step);
}

}  // namespace lumen::ai
