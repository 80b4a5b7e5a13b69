#include "ai/internal/BinaryComponents.h"

#include <algorithm>

namespace lumen::ai::internal {

BinaryComponents binaryComponents(const std::uint8_t* mask, const core::ImageGeometry::Dims& dims, int connectivity) {
    const std::size_t ni = dims[0], nj = dims[1], nk = dims[2], n = ni * nj * nk;
    BinaryComponents out;
    out.id.assign(n, 0);
    std::vector<std::size_t> stack;
    for (std::size_t seed = 0; seed < n; ++seed) {
        if (!mask[seed] || out.id[seed]) continue;
        const auto label = static_cast<std::uint32_t>(out.components.size() + 1);
        BinaryComponents::Component c;
        c.lo = {ni, nj, nk};
        out.id[seed] = label;
        stack.push_back(seed);
        while (!stack.empty()) {
            const std::size_t v = stack.back();
            stack.pop_back();
            const std::size_t i = v % ni, j = (v / ni) % nj, k = v / (ni * nj);
            ++c.voxels;
            c.lo = {std::min(c.lo[0], i), std::min(c.lo[1], j), std::min(c.lo[2], k)};
            c.hi = {std::max(c.hi[0], i), std::max(c.hi[1], j), std::max(c.hi[2], k)};
            for (int dk = -1; dk <= 1; ++dk)
                for (int dj = -1; dj <= 1; ++dj)
                    for (int di = -1; di <= 1; ++di) {
                        const int steps = std::abs(di) + std::abs(dj) + std::abs(dk);
                        if (steps == 0 || (connectivity == 6 && steps > 1)) continue;
                        const long a = long(i) + di, b = long(j) + dj, d = long(k) + dk;
                        if (a < 0 || b < 0 || d < 0 || a >= long(ni) || b >= long(nj) || d >= long(nk)) continue;
                        const std::size_t w = (std::size_t(d) * nj + std::size_t(b)) * ni + std::size_t(a);
                        if (mask[w] && !out.id[w]) {
                            out.id[w] = label;
                            stack.push_back(w);
                        }
                    }
        }
        out.components.push_back(c);
    }
    return out;
}

}  // namespace lumen::ai::internal

namespace lumen::ai::internal {

LabelObjects labelObjects(const core::LabelMap& labels, std::size_t minVoxels) {
    const std::size_t n = labels.geometry().voxelCount();
    std::vector<std::uint16_t> value(n);
    std::vector<bool> present(65536, false);
    for (std::size_t v = 0; v < n; ++v) present[value[v] = labels.at(v)] = true;
    LabelObjects out;
    out.id.assign(n, 0);
    std::vector<std::uint8_t> mask(n);
    for (std::size_t l = 1; l < present.size(); ++l) {
        if (!present[l]) continue;
        for (std::size_t v = 0; v < n; ++v) mask[v] = value[v] == l;
        const BinaryComponents cc = binaryComponents(mask.data(), labels.geometry().dims(), 6);
        std::size_t largest = 0;
        for (const auto& c : cc.components) largest = std::max(largest, c.voxels);
        const std::size_t least = std::max(minVoxels, largest / kFragmentRatio);
        std::vector<std::uint16_t> idOf(cc.components.size() + 1, 0);
        for (std::size_t k = 0; k < cc.components.size(); ++k) {
            if (cc.components[k].voxels < least || out.objects.size() >= 65535) continue;
            out.objects.push_back({static_cast<std::uint16_t>(l), cc.components[k]});
            idOf[k + 1] = static_cast<std::uint16_t>(out.objects.size());
        }
        for (std::size_t v = 0; v < n; ++v)
            if (cc.id[v]) out.id[v] = std::max(out.id[v], idOf[cc.id[v]]);
    }
    return out;
}

}  // namespace lumen::ai::internal
