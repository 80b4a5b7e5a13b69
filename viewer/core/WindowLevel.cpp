#include "core/WindowLevel.h"

#include <algorithm>

namespace lumen::core {

const std::vector<WindowLevelPreset>& ctWindowLevelPresets() {
    static const std::vector<WindowLevelPreset> presets = {
        {"CT brain", {80, 40}},         {"CT subdural", {200, 75}},  {"CT stroke", {40, 40}},
        {"CT lung", {1500, -600}},      {"CT mediastinum", {350, 50}}, {"CT abdomen", {400, 50}},
        {"CT liver", {150, 30}},        {"CT bone", {1800, 400}},
    };
    return presets;
}

WindowLevel autoWindowLevel(const Volume& volume) {
    if (volume.empty() || volume.pixelType() == PixelType::Rgb24) return {255, 127.5};
    std::vector<double> samples;
    const std::size_t n = volume.voxelsPerFrame(), step = std::max<std::size_t>(1, n / 250000);
    samples.reserve(n / step + 1);
    for (std::size_t i = 0; i < n; i += step) samples.push_back(volume.realValue(i));
    std::sort(samples.begin(), samples.end());
    const double lo = samples[std::size_t(0.01 * double(samples.size() - 1))];
    const double hi = samples[std::size_t(0.99 * double(samples.size() - 1))];
    if (hi <= lo) return {std::max(1.0, std::abs(lo)), lo};
    return {hi - lo, (hi + lo) / 2};
}

WindowLevel defaultWindowLevel(const Volume& volume) {
    if (volume.rescale().units == "HU") return ctWindowLevelPresets()[5].value;  // abdomen / soft tissue
    return autoWindowLevel(volume);
}

}  // namespace lumen::core
