#include "ai/RegionGrowing.h"

#include <algorithm>
#include <cmath>

namespace lumen::ai {

namespace {

struct Stats {
    double sum = 0, squares = 0;
    std::size_t count = 0;
    void add(double x) {
        sum += x;
        squares += x * x;
        ++count;
    }
    double mean() const { return count ? sum / double(count) : 0; }
    double sd() const { return count ? std::sqrt(std::max(0.0, squares / double(count) - mean() * mean())) : 0; }
};

std::vector<std::uint8_t> flood(const FloatImage& image, const std::vector<std::size_t>& seeds, double lo, double hi) {
    const auto& d = image.geometry.dims();
    const float* x = image.channel(0);
    std::vector<std::uint8_t> region(image.voxels(), 0);
    std::vector<std::size_t> stack;
    for (const std::size_t s : seeds)
        if (x[s] >= lo && x[s] <= hi && !region[s]) {
            region[s] = 1;
            stack.push_back(s);
        }
    const long step[3] = {1, long(d[0]), long(d[0] * d[1])};
    while (!stack.empty()) {
        const std::size_t v = stack.back();
        stack.pop_back();
        const std::size_t c[3] = {v % d[0], (v / d[0]) % d[1], v / (d[0] * d[1])};
        for (int a = 0; a < 3; ++a)
            for (int sign : {-1, 1}) {
                if ((sign < 0 && c[a] == 0) || (sign > 0 && c[a] + 1 >= d[a])) continue;
                const std::size_t w = std::size_t(long(v) + sign * step[a]);
                if (!region[w] && x[w] >= lo && x[w] <= hi) {
                    region[w] = 1;
                    stack.push_back(w);
                }
            }
    }
    return region;
}

}  // namespace

std::vector<std::uint8_t> growRegion(const FloatImage& image, const std::vector<InteractivePrompt>& prompts) {
    const auto& g = image.geometry;
    const auto& d = g.dims();
    std::vector<std::size_t> positive, negative;
    for (const auto& p : prompts) {
        if (p.kind != InteractivePrompt::Kind::Point) continue;
        const core::Vector3 x = g.worldToIndex(p.point);
        const long i = std::lround(x.x), j = std::lround(x.y), k = std::lround(x.z);
        if (i < 0 || j < 0 || k < 0 || i >= long(d[0]) || j >= long(d[1]) || k >= long(d[2])) continue;
        (p.positive ? positive : negative).push_back((std::size_t(k) * d[1] + std::size_t(j)) * d[0] + std::size_t(i));
    }
    std::vector<std::uint8_t> region(image.voxels(), 0);
    if (positive.empty()) return region;
    const float* x = image.channel(0);
    Stats seedStats;
    for (const std::size_t s : positive) {
        const long c[3] = {long(s % d[0]), long((s / d[0]) % d[1]), long(s / (d[0] * d[1]))};
        for (long dk = -2; dk <= 2; ++dk)
            for (long dj = -2; dj <= 2; ++dj)
                for (long di = -2; di <= 2; ++di) {
                    const long i = c[0] + di, j = c[1] + dj, k = c[2] + dk;
                    if (i >= 0 && j >= 0 && k >= 0 && i < long(d[0]) && j < long(d[1]) && k < long(d[2]))
                        seedStats.add(x[(std::size_t(k) * d[1] + std::size_t(j)) * d[0] + std::size_t(i)]);
                }
    }
    double multiplier = 2.5;
    for (int narrowing = 0; narrowing <= 6; ++narrowing, multiplier *= 0.8) {
        Stats stats = seedStats;
        for (int iteration = 0; iteration < 3; ++iteration) {
            const double sd = std::max(stats.sd(), 1e-6);
            region = flood(image, positive, stats.mean() - multiplier * sd, stats.mean() + multiplier * sd);
            if (iteration == 2) break;
            Stats grown;
            for (std::size_t v = 0; v < region.size(); ++v)
                if (region[v]) grown.add(x[v]);
            if (grown.count < 2) break;
            stats = grown;
        }
        if (std::none_of(negative.begin(), negative.end(), [&](std::size_t n) { return region[n] != 0; })) break;
    }
    return region;
}

}  // namespace lumen::ai
