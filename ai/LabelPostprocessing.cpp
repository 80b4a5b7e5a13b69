#include "ai/LabelPostprocessing.h"

#include "ai/ModelError.h"
#include "ai/internal/GridMapping.h"
#include "core/LabelComponents.h"
#include "core/ParallelFor.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <type_traits>

namespace lumen::ai {

LabelDecider::LabelDecider(const OutputSpec& output, const core::LabelTable& labels, std::size_t channels)
    : argmax_(output.decision == OutputSpec::Decision::Argmax), threshold_(static_cast<float>(output.threshold)) {
    const std::size_t expected = labels.size() + (argmax_ ? 1 : 0);
    if (channels != expected)
        throw ModelError("the network returned " + std::to_string(channels) + " channels; the manifest's " +
                         std::to_string(labels.size()) + " labels need " + std::to_string(expected));
    for (int c : output.thresholdOrder)
        if (c < 0 || static_cast<std::size_t>(c) >= channels) throw ModelError("threshold_order names channel " + std::to_string(c) + ", which the network does not return");
    if (!argmax_) order_ = output.thresholdOrder;
    value_.assign(channels, 0);
    for (std::size_t c = 0; c < labels.size(); ++c) value_[c + (argmax_ ? 1 : 0)] = labels.labels()[c].value;
    depth_ = labels.labels().back().value > 255 ? core::PixelType::UInt16 : core::PixelType::UInt8;
}

std::uint16_t LabelDecider::operator()(const float* p) const {
    if (!order_.empty()) {
        for (int c : order_)
            if (p[c] > threshold_) return value_[static_cast<std::size_t>(c)];
        return 0;
    }
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

core::LabelMap resampleDecisions(const FloatImage& p, const core::ImageGeometry& target, const LabelDecider& decide,
                                 unsigned threads) {
    if (p.voxels() == 0 || target.voxelCount() == 0) throw ModelError("cannot resample an empty image");
    const internal::GridMapping map(p.geometry, target);
    const std::size_t n = p.voxels(), C = p.channels;
    const unsigned workers = threads ? threads : core::hardwareThreads();
    // The decision at every source voxel, then per cell (lowest corner) its label when all
    // eight corners agree, else kMixed.
    constexpr std::uint16_t kMixed = 0xFFFF;
    std::vector<std::uint16_t> at(n), cell(n, kMixed);
    const auto& sd = p.geometry.dims();
    core::parallelFor(sd[2], workers, [&](std::size_t k) {
        std::vector<float> voxel(C);
        for (std::size_t v = k * sd[0] * sd[1]; v < (k + 1) * sd[0] * sd[1]; ++v) {
            for (std::size_t c = 0; c < C; ++c) voxel[c] = p.data[c * n + v];
            at[v] = decide(voxel.data());
        }
    });
    const auto& o = map.corners();
    const auto last = [](std::size_t size) { return size > 1 ? size - 1 : 1; };  // cells per axis
    core::parallelFor(last(sd[2]), workers, [&](std::size_t k) {
        for (std::size_t j = 0; j < last(sd[1]); ++j)
            for (std::size_t i = 0; i < last(sd[0]); ++i) {
                const std::size_t v = (k * sd[1] + j) * sd[0] + i;
                bool same = true;
                for (int q = 1; q < 8 && same; ++q) same = at[v + o[q]] == at[v];
                if (same) cell[v] = at[v];
            }
    });
    core::LabelMap out(target, decide.depth());
    const auto write = [&](auto* labels) {
        using T = std::remove_pointer_t<decltype(labels)>;
        const auto& td = target.dims();
        const std::size_t n0 = map.aligned() ? sd[map.sourceAxis(0)] : 0;
        core::parallelFor(td[2], workers, [&](std::size_t k) {
            std::vector<std::size_t> cells(td[0]);
            std::vector<float> voxel(C), line(n0 * C);
            std::vector<char> have(n0);
            for (std::size_t j = 0; j < td[1]; ++j) {
                T* row = labels + (k * td[1] + j) * td[0];
                if (!map.aligned()) {
                    map.rowCells(j, k, cells.data());
                    for (std::size_t i = 0; i < td[0]; ++i) {
                        const std::uint16_t known = cell[cells[i]];
                        if (known != kMixed) {
                            row[i] = static_cast<T>(known);
                            continue;
                        }
                        const auto w = internal::GridMapping::weights(map.fraction(i, j, k));
                        for (std::size_t c = 0; c < C; ++c) voxel[c] = static_cast<float>(map.trilinear(p.data.data() + c * n + cells[i], w));
                        row[i] = static_cast<T>(decide(voxel.data()));
                    }
                    continue;
                }
                // Aligned: runs of the row share a cell; mixed cells are interpolated like
                // resampleRows, across the row's source line (only at the columns needed), then along it.
                const auto L = map.alignedLine(j, k);
                const std::size_t step0 = map.stride(map.sourceAxis(0));
                bool lineReset = false;
                for (const auto& span : map.alignedSpans()) {
                    const std::uint16_t known = cell[L.base + span.x * step0];
                    if (known != kMixed) {
                        std::fill(row + span.begin, row + span.end, static_cast<T>(known));
                        continue;
                    }
                    if (!lineReset) std::fill(have.begin(), have.end(), 0), lineReset = true;
                    const std::size_t x0 = span.x, x1 = n0 > 1 ? x0 + 1 : x0;
                    for (std::size_t x : {x0, x1}) {
                        if (have[x]) continue;
                        have[x] = 1;
                        for (std::size_t c = 0; c < C; ++c) line[x * C + c] = static_cast<float>(L.at(p.data.data() + c * n + L.base + x * step0));
                    }
                    for (std::size_t i = span.begin; i < span.end; ++i) {
                        const double f = map.alignedF0()[i];
                        for (std::size_t c = 0; c < C; ++c)
                            voxel[c] = static_cast<float>((1 - f) * line[x0 * C + c] + f * line[x1 * C + c]);
                        row[i] = static_cast<T>(decide(voxel.data()));
                    }
                }
            }
        });
    };
    if (out.depth() == core::PixelType::UInt8) write(out.voxelData<std::uint8_t>());
    else write(out.voxelData<std::uint16_t>());
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

void keepLargestComponent(core::LabelMap& labels, const std::vector<std::uint16_t>& which) {
    // Ties between equally large components keep both (there is no better choice to make).
    core::filterComponents(labels, which, [](std::size_t size, std::size_t largest) { return size == largest; });
}

void removeSmallComponents(core::LabelMap& labels, std::size_t minVoxels) {
    if (minVoxels <= 1) return;
    core::filterComponents(labels, {}, [minVoxels](std::size_t size, std::size_t) { return size >= minVoxels; });
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
