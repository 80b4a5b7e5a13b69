#include "ai/DetectionDecoder.h"

#include "ai/ModelError.h"

#include <algorithm>

namespace lumen::ai {

double boxIou(const Finding& a, const Finding& b) {
    double inter = 1, va = 1, vb = 1;
    for (int d = 0; d < 3; ++d) {
        const double lo = std::max(a.indexMin[d], b.indexMin[d]), hi = std::min(a.indexMax[d], b.indexMax[d]);
        inter *= std::max(0.0, hi - lo);
        va *= std::max(0.0, a.indexMax[d] - a.indexMin[d]);
        vb *= std::max(0.0, b.indexMax[d] - b.indexMin[d]);
    }
    const double uni = va + vb - inter;
    return uni > 0 ? inter / uni : 0.0;
}

std::vector<Finding> nonMaximumSuppression(std::vector<Finding> boxes, double iou, std::size_t maxKeep) {
    std::stable_sort(boxes.begin(), boxes.end(), [](const Finding& a, const Finding& b) { return a.score > b.score; });
    std::vector<Finding> kept;
    for (const Finding& f : boxes) {
        if (kept.size() >= maxKeep) break;
        const bool suppressed = std::any_of(kept.begin(), kept.end(), [&](const Finding& k) {
            return k.classValue == f.classValue && boxIou(k, f) > iou;
        });
        if (!suppressed) kept.push_back(f);
    }
    return kept;
}

std::vector<Finding> decodeCentreHeatmap(const FloatImage& out, const OutputSpec& spec, const core::LabelTable& classes) {
    const std::size_t C = classes.size();
    if (out.channels != C + 3)
        throw ModelError("a centre_heatmap detector must return " + std::to_string(C + 3) + " channels (" +
                         std::to_string(C) + " heatmaps + 3 sizes), got " + std::to_string(out.channels));
    const auto& g = out.geometry;
    const auto& d = g.dims();
    const std::size_t n = out.voxels();
    std::vector<Finding> candidates;
    for (std::size_t c = 0; c < C; ++c) {
        const float* h = out.channel(c);
        for (std::size_t k = 0; k < d[2]; ++k)
            for (std::size_t j = 0; j < d[1]; ++j)
                for (std::size_t i = 0; i < d[0]; ++i) {
                    const std::size_t v = (k * d[1] + j) * d[0] + i;
                    const float s = h[v];
                    if (s < spec.scoreThreshold) continue;
                    bool peak = true;  // ties: the first voxel in memory order wins
                    for (int dk = -1; dk <= 1 && peak; ++dk)
                        for (int dj = -1; dj <= 1 && peak; ++dj)
                            for (int di = -1; di <= 1 && peak; ++di) {
                                const long ni = static_cast<long>(i) + di, nj = static_cast<long>(j) + dj, nk = static_cast<long>(k) + dk;
                                if ((!di && !dj && !dk) || ni < 0 || nj < 0 || nk < 0 || ni >= static_cast<long>(d[0]) ||
                                    nj >= static_cast<long>(d[1]) || nk >= static_cast<long>(d[2]))
                                    continue;
                                const std::size_t w = (static_cast<std::size_t>(nk) * d[1] + static_cast<std::size_t>(nj)) * d[0] +
                                                      static_cast<std::size_t>(ni);
                                if (h[w] > s || (h[w] == s && w < v)) peak = false;
                            }
                    if (!peak) continue;
                    Finding f;
                    f.classValue = classes.labels()[c].value;
                    f.className = classes.labels()[c].name;
                    f.score = s;
                    const core::Vector3 index{static_cast<double>(i), static_cast<double>(j), static_cast<double>(k)};
                    f.centre = g.indexToWorld(index);
                    for (int a = 0; a < 3; ++a) {
                        f.sizeMm[a] = std::max(0.0f, out.data[(C + static_cast<std::size_t>(a)) * n + v]);
                        const double half = f.sizeMm[a] / g.spacing()[a] / 2;
                        f.indexMin[static_cast<std::size_t>(a)] = index[a] - half;
                        f.indexMax[static_cast<std::size_t>(a)] = index[a] + half;
                    }
                    f.worldMin = f.worldMax = g.indexToWorld({f.indexMin[0], f.indexMin[1], f.indexMin[2]});
                    for (int corner = 0; corner < 8; ++corner) {
                        const core::Point3 p = g.indexToWorld({corner & 1 ? f.indexMax[0] : f.indexMin[0],
                                                                corner & 2 ? f.indexMax[1] : f.indexMin[1],
                                                                corner & 4 ? f.indexMax[2] : f.indexMin[2]});
                        for (int a = 0; a < 3; ++a) {
                            f.worldMin[a] = std::min(f.worldMin[a], p[a]);
                            f.worldMax[a] = std::max(f.worldMax[a], p[a]);
                        }
                    }
                    candidates.push_back(f);
                }
    }
    return nonMaximumSuppression(std::move(candidates), spec.nmsIou, static_cast<std::size_t>(spec.maxDetections));
}

}  // namespace lumen::ai
