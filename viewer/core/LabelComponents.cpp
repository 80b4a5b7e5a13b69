#include "core/LabelComponents.h"

#include <algorithm>

namespace lumen::core {

namespace {

// A run joins every run of the same value in the previously scanned neighbour rows (j−1 or k−1)
// that overlaps it or touches it diagonally.
struct Runs {
    struct Run { std::size_t row, begin, end; std::uint32_t parent; std::size_t size; std::uint16_t value; };
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

template <typename T>
Runs components(const T* v, const ImageGeometry::Dims& d) {
    Runs r;
    std::vector<std::size_t> rowStart(d[1] * d[2] + 1, 0);  // first run of each row (j, k)
    for (std::size_t row = 0; row < d[1] * d[2]; ++row) {
        rowStart[row] = r.runs.size();
        const T* line = v + row * d[0];
        for (std::size_t i = 0; i < d[0];) {
            const T value = line[i];
            if (value == 0) {
                ++i;
                continue;
            }
            std::size_t e = i + 1;
            while (e < d[0] && line[e] == value) ++e;
            const auto id = static_cast<std::uint32_t>(r.runs.size());
            r.runs.push_back({row, i, e, id, e - i, value});
            const std::size_t j = row % d[1], k = row / d[1];
            for (int dk = -1; dk <= 0; ++dk)
                for (int dj = -1; dj <= 1; ++dj) {
                    if (dk == 0 && dj >= 0) continue;  // only rows scanned before this one
                    const long nj = long(j) + dj, nk = long(k) + dk;
                    if (nj < 0 || nk < 0 || nj >= long(d[1])) continue;
                    const std::size_t other = std::size_t(nk) * d[1] + std::size_t(nj);
                    for (std::size_t o = rowStart[other]; o < rowStart[other + 1]; ++o)
                        if (r.runs[o].value == value && r.runs[o].begin <= e && r.runs[o].end + 1 > i)
                            r.join(id, static_cast<std::uint32_t>(o));
                }
            i = e;
        }
    }
    rowStart[d[1] * d[2]] = r.runs.size();
    return r;
}

Runs components(const LabelMap& map) {
    const auto& d = map.geometry().dims();
    return map.depth() == PixelType::UInt8 ? components(map.voxelData<std::uint8_t>(), d) : components(map.voxelData<std::uint16_t>(), d);
}

template <typename T>
void clearRun(LabelMap& map, const Runs::Run& run) {
    T* v = map.voxelData<T>() + run.row * map.geometry().dims()[0];
    std::fill(v + run.begin, v + run.end, T(0));
}

}  // namespace

std::map<std::uint16_t, std::vector<std::size_t>> componentSizes(const LabelMap& labels) {
    std::map<std::uint16_t, std::vector<std::size_t>> out;
    if (labels.empty()) return out;
    const Runs r = components(labels);
    for (std::uint32_t n = 0; n < r.runs.size(); ++n)
        if (r.runs[n].parent == n) out[r.runs[n].value].push_back(r.runs[n].size);
    for (auto& [value, sizes] : out) std::sort(sizes.rbegin(), sizes.rend());
    return out;
}

void filterComponents(LabelMap& labels, const std::vector<std::uint16_t>& which,
                      const std::function<bool(std::size_t size, std::size_t largest)>& keep) {
    if (labels.empty()) return;
    Runs r = components(labels);
    std::map<std::uint16_t, std::size_t> largest;
    for (std::uint32_t n = 0; n < r.runs.size(); ++n)
        if (r.runs[n].parent == n) largest[r.runs[n].value] = std::max(largest[r.runs[n].value], r.runs[n].size);
    const bool wide = labels.depth() != PixelType::UInt8;
    for (std::uint32_t n = 0; n < r.runs.size(); ++n) {
        const auto& run = r.runs[n];
        if (!which.empty() && std::find(which.begin(), which.end(), run.value) == which.end()) continue;
        if (keep(r.runs[r.find(n)].size, largest[run.value])) continue;
        if (wide) clearRun<std::uint16_t>(labels, run);
        else clearRun<std::uint8_t>(labels, run);
    }
}

}  // namespace lumen::core
