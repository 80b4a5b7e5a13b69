#include "ai/LabelPostprocessing.h"

#include "ai/ModelError.h"
#include "core/ParallelFor.h"

#include <algorithm>
#include <cmath>

namespace lumen::ai {

core::LabelMap decideLabels(const FloatImage& p, const OutputSpec& output, const core::LabelTable& labels) {
    const bool argmax = output.decision == OutputSpec::Decision::Argmax;
    const std::size_t expected = labels.size() + (argmax ? 1 : 0);
    if (p.channels != expected)
        throw ModelError("the network returned " + std::to_string(p.channels) + " channels; the manifest's " +
                         std::to_string(labels.size()) + " labels need " + std::to_string(expected));
    const auto depth = labels.labels().back().value > 255 ? core::PixelType::UInt16 : core::PixelType::UInt8;
    core::LabelMap out(p.geometry, depth);
    out.labels() = labels;
    std::vector<std::uint16_t> value(p.channels, 0);
    for (std::size_t c = 0; c < labels.size(); ++c) value[c + (argmax ? 1 : 0)] = labels.labels()[c].value;
    const std::size_t n = p.voxels();
    const float threshold = static_cast<float>(output.threshold);
    core::parallelFor(16, core::hardwareThreads(), [&](std::size_t part) {
        for (std::size_t v = part * n / 16; v < (part + 1) * n / 16; ++v) {
            long best = argmax ? 0 : -1;
            float bestP = argmax ? p.data[v] : threshold;
            for (std::size_t c = argmax ? 1 : 0; c < p.channels; ++c) {
                const float x = p.data[c * n + v];
                if (x > bestP) bestP = x, best = static_cast<long>(c);
            }
            out.set(v, best < 0 ? 0 : value[static_cast<std::size_t>(best)]);
        }
    });
    return out;
}

namespace {

// Components of one label value: component id per voxel (0 = other) and each component's size.
std::vector<std::size_t> components(const core::LabelMap& map, std::uint16_t label, std::vector<std::uint32_t>& id) {
    const auto& d = map.geometry().dims();
    const std::size_t n = map.geometry().voxelCount();
    id.assign(n, 0);
    std::vector<std::size_t> sizes{0};
    std::vector<std::size_t> stack;
    for (std::size_t start = 0; start < n; ++start) {
        if (id[start] || map.at(start) != label) continue;
        const auto comp = static_cast<std::uint32_t>(sizes.size());
        sizes.push_back(0);
        id[start] = comp;
        stack.push_back(start);
        while (!stack.empty()) {
            const std::size_t v = stack.back();
            stack.pop_back();
            ++sizes[comp];
            const std::size_t i = v % d[0], j = (v / d[0]) % d[1], k = v / (d[0] * d[1]);
            for (int dk = -1; dk <= 1; ++dk)
                for (int dj = -1; dj <= 1; ++dj)
                    for (int di = -1; di <= 1; ++di) {
                        const long ni = static_cast<long>(i) + di, nj = static_cast<long>(j) + dj, nk = static_cast<long>(k) + dk;
                        if (ni < 0 || nj < 0 || nk < 0 || ni >= static_cast<long>(d[0]) || nj >= static_cast<long>(d[1]) ||
                            nk >= static_cast<long>(d[2]))
                            continue;
                        const std::size_t w = (static_cast<std::size_t>(nk) * d[1] + static_cast<std::size_t>(nj)) * d[0] +
                                              static_cast<std::size_t>(ni);
                        if (!id[w] && map.at(w) == label) {
                            id[w] = comp;
                            stack.push_back(w);
                        }
                    }
        }
    }
    return sizes;
}

template <typename Keep>
void filterComponents(core::LabelMap& map, const std::vector<std::uint16_t>& which, Keep keep) {
    std::vector<std::uint16_t> values = which;
    if (values.empty())
        for (const auto& [v, count] : map.histogram()) values.push_back(v);
    std::vector<std::uint32_t> id;
    for (std::uint16_t label : values) {
        const auto sizes = components(map, label, id);
        for (std::size_t v = 0; v < id.size(); ++v)
            if (id[v] && !keep(sizes, id[v])) map.set(v, 0);
    }
}

}  // namespace

void keepLargestComponent(core::LabelMap& labels, const std::vector<std::uint16_t>& which) {
    filterComponents(labels, which, [](const std::vector<std::size_t>& sizes, std::uint32_t c) {
        const auto largest = std::max_element(sizes.begin() + 1, sizes.end()) - sizes.begin();
        return static_cast<std::uint32_t>(largest) == c;
    });
}

void removeSmallComponents(core::LabelMap& labels, std::size_t minVoxels) {
    if (minVoxels <= 1) return;
    filterComponents(labels, {}, [minVoxels](const std::vector<std::size_t>& sizes, std::uint32_t c) { return sizes[c] >= minVoxels; });
}

core::Volume normalizedEntropy(const FloatImage& p) {
    core::Volume out = core::Volume::zeros(core::PixelType::Float32, p.geometry);
    float* e = out.as<float>();
    const std::size_t n = p.voxels();
    const double norm = p.channels > 1 ? std::log(static_cast<double>(p.channels)) : std::log(2.0);
    core::parallelFor(16, core::hardwareThreads(), [&](std::size_t part) {
        for (std::size_t v = part * n / 16; v < (part + 1) * n / 16; ++v) {
            double h = 0;
            auto term = [&h](double q) { if (q > 1e-12) h -= q * std::log(q); };
            if (p.channels == 1) {
                const double q = std::clamp(static_cast<double>(p.data[v]), 0.0, 1.0);
                term(q);
                term(1 - q);
            } else {
                double sum = 0;
                for (std::size_t c = 0; c < p.channels; ++c) sum += std::max(0.0f, p.data[c * n + v]);
                for (std::size_t c = 0; c < p.channels && sum > 0; ++c) term(std::max(0.0f, p.data[c * n + v]) / sum);
            }
            e[v] = static_cast<float>(h / norm);
        }
    });
    return out;
}

}  // namespace lumen::ai
