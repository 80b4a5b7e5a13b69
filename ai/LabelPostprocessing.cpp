#include "ai/LabelPostprocessing.h"

#include "ai/ModelError.h"
#include "core/ParallelFor.h"

#include <algorithm>
#include <cmath>

namespace lumen::ai {

LabelDecider::LabelDecider(const OutputSpec& output, const core::LabelTable& labels, std::size_t channels)
    : argmax_(output.decision == OutputSpec::Decision::Argmax), threshold_(static_cast<float>(output.threshold)) {
    const std::size_t expected = labels.size() + (argmax_ ? 1 : 0);
    if (channels != expected)
        throw ModelError("the network returned " + std::to_string(channels) + " channels; the manifest's " +
                         std::to_string(labels.size()) + " labels need " + std::to_string(expected));
    value_.assign(channels, 0);
    for (std::size_t c = 0; c < labels.size(); ++c) value_[c + (argmax_ ? 1 : 0)] = labels.labels()[c].value;
    depth_ = labels.labels().back().value > 255 ? core::PixelType::UInt16 : core::PixelType::UInt8;
}

std::uint16_t LabelDecider::operator()(const float* p) const {
    long best = argmax_ ? 0 : -1;
    float bestP = argmax_ ? p[0] : threshold_;
    for (std::size_t c = argmax_ ? 1 : 0; c < value_.size(); ++c)
        if (p[c] > bestP) bestP = p[c], best = static_cast<long>(c);
    return best < 0 ? 0 : value_[static_cast<std::size_t>(best)];
}

core::LabelMap decideLabels(const FloatImage& p, const OutputSpec& output, const core::LabelTable& labels) {
    const LabelDecider decide(output, labels, p.channels);
    core::LabelMap out(p.geometry, decide.depth());
    out.labels() = labels;
    const std::size_t n = p.voxels();
    core::parallelFor(16, core::hardwareThreads(), [&](std::size_t part) {
        std::vector<float> voxel(p.channels);
        for (std::size_t v = part * n / 16; v < (part + 1) * n / 16; ++v) {
            for (std::size_t c = 0; c < p.channels; ++c) voxel[c] = p.data[c * n + v];
            out.set(v, decide(voxel.data()));
        }
    });
    return out;
}

float voxelEntropy(const float* p, std::size_t channels) {
    double h = 0;
    auto term = [&h](double q) { if (q > 1e-12) h -= q * std::log(q); };
    if (channels == 1) {
        const double q = std::clamp(static_cast<double>(p[0]), 0.0, 1.0);
        term(q);
        term(1 - q);
        return static_cast<float>(h / std::log(2.0));
    }
    double sum = 0;
    for (std::size_t c = 0; c < channels; ++c) sum += std::max(0.0f, p[c]);
    for (std::size_t c = 0; c < channels && sum > 0; ++c) term(std::max(0.0f, p[c]) / sum);
    return static_cast<float>(h / std::log(static_cast<double>(channels)));
}

namespace {

// 26-connected components of one label value, on runs along i: a run joins every run of the
// previously scanned neighbour rows (j−1 or k−1) that overlaps it or touches it diagonally. Far
// fewer union-find nodes than voxels, and no per-voxel neighbour checks.
struct Runs {
    struct Run { std::size_t row, begin, end; std::uint32_t parent; std::size_t size; };
    std::vector<Run> runs;
    std::uint32_t find(std::uint32_t r) {
        while (runs[r].parent != r) r = runs[r].parent = runs[runs[r].parent].parent;
        return r;
    }
    void join(std::uint32_t a, std::uint32_t b) {
        a = find(a), b = find(b);
        if (a == b) return;
        if (runs[a].size < runs[b].size) std::swap(a, b);
        runs[b].parent = a;
        runs[a].size += runs[b].size;
    }
};

Runs components(const core::LabelMap& map, std::uint16_t label) {
    const auto& d = map.geometry().dims();
    Runs r;
    std::vector<std::size_t> rowStart(d[1] * d[2] + 1, 0);  // first run of each row (j, k)
    for (std::size_t row = 0; row < d[1] * d[2]; ++row) {
        rowStart[row] = r.runs.size();
        const std::size_t base = row * d[0];
        for (std::size_t i = 0; i < d[0];) {
            if (map.at(base + i) != label) {
                ++i;
                continue;
            }
            std::size_t e = i;
            while (e < d[0] && map.at(base + e) == label) ++e;
            const auto id = static_cast<std::uint32_t>(r.runs.size());
            r.runs.push_back({row, i, e, id, e - i});
            const std::size_t j = row % d[1], k = row / d[1];
            for (int dk = -1; dk <= 0; ++dk)
                for (int dj = -1; dj <= 1; ++dj) {
                    if (dk == 0 && dj >= 0) continue;  // only rows scanned before this one
                    const long nj = long(j) + dj, nk = long(k) + dk;
                    if (nj < 0 || nk < 0 || nj >= long(d[1])) continue;
                    const std::size_t other = std::size_t(nk) * d[1] + std::size_t(nj);
                    for (std::size_t o = rowStart[other]; o < rowStart[other + 1]; ++o)
                        if (r.runs[o].begin <= e && r.runs[o].end + 1 > i) r.join(id, static_cast<std::uint32_t>(o));
                }
            i = e;
        }
    }
    rowStart[d[1] * d[2]] = r.runs.size();
    return r;
}

template <typename Keep>
void filterComponents(core::LabelMap& map, const std::vector<std::uint16_t>& which, Keep keep) {
    std::vector<std::uint16_t> values = which;
    if (values.empty())
        for (const auto& [v, count] : map.histogram()) values.push_back(v);
    const std::size_t rowLength = map.geometry().dims()[0];
    for (std::uint16_t label : values) {
        Runs r = components(map, label);
        std::size_t largest = 0;
        for (std::uint32_t n = 0; n < r.runs.size(); ++n)
            if (r.runs[n].parent == n) largest = std::max(largest, r.runs[n].size);
        for (std::uint32_t n = 0; n < r.runs.size(); ++n) {
            const auto& root = r.runs[r.find(n)];
            if (keep(root.size, largest)) continue;
            for (std::size_t i = r.runs[n].begin; i < r.runs[n].end; ++i) map.set(r.runs[n].row * rowLength + i, 0);
        }
    }
}

}  // namespace

void keepLargestComponent(core::LabelMap& labels, const std::vector<std::uint16_t>& which) {
    // Ties between equally large components keep both (there is no better choice to make).
    filterComponents(labels, which, [](std::size_t size, std::size_t largest) { return size == largest; });
}

void removeSmallComponents(core::LabelMap& labels, std::size_t minVoxels) {
    if (minVoxels <= 1) return;
    filterComponents(labels, {}, [minVoxels](std::size_t size, std::size_t) { return size >= minVoxels; });
}

core::Volume normalizedEntropy(const FloatImage& p) {
    core::Volume out = core::Volume::zeros(core::PixelType::Float32, p.geometry);
    float* e = out.as<float>();
    const std::size_t n = p.voxels();
    core::parallelFor(16, core::hardwareThreads(), [&](std::size_t part) {
        std::vector<float> voxel(p.channels);
        for (std::size_t v = part * n / 16; v < (part + 1) * n / 16; ++v) {
            for (std::size_t c = 0; c < p.channels; ++c) voxel[c] = p.data[c * n + v];
            e[v] = voxelEntropy(voxel.data(), p.channels);
        }
    });
    return out;
}

}  // namespace lumen::ai
