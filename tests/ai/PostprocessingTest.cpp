#include "ai/DetectionDecoder.h"
#include "ai/LabelPostprocessing.h"
#include "ai/ModelError.h"
#include "ai/Resampler.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

using namespace lumen;
using core::ImageGeometry;

namespace {

core::LabelTable table(int n) {
    core::LabelTable t;
    for (int v = 1; v <= n; ++v) t.set({static_cast<std::uint16_t>(v * 10), "c" + std::to_string(v), {}});
    return t;
}

}  // namespace

TEST(LabelDecision, ArgmaxMapsChannelsToLabelValues) {
    ai::FloatImage p = ai::FloatImage::zeros(ImageGeometry({3, 1, 1}, {1, 1, 1}, {0, 0, 0}), 3);
    // voxel 0: background; 1: label 10; 2: label 20
    p.data = {0.8f, 0.1f, 0.2f, /*c1*/ 0.1f, 0.7f, 0.3f, /*c2*/ 0.1f, 0.2f, 0.5f};
    ai::OutputSpec out;
    const auto labels = ai::decideLabels(p, out, table(2));
    EXPECT_EQ(labels.at(0), 0);
    EXPECT_EQ(labels.at(1), 10);
    EXPECT_EQ(labels.at(2), 20);
    EXPECT_EQ(labels.labels(), table(2));
    EXPECT_THROW(ai::decideLabels(p, out, table(3)), ai::ModelError);
}

TEST(LabelDecision, ThresholdPicksTheMostProbableAboveIt) {
    ai::FloatImage p = ai::FloatImage::zeros(ImageGeometry({3, 1, 1}, {1, 1, 1}, {0, 0, 0}), 2);
    p.data = {0.2f, 0.6f, 0.9f, /*c2*/ 0.4f, 0.3f, 0.95f};
    ai::OutputSpec out;
    out.decision = ai::OutputSpec::Decision::Threshold;
    out.threshold = 0.5;
    const auto labels = ai::decideLabels(p, out, table(2));
    EXPECT_EQ(labels.at(0), 0);
    EXPECT_EQ(labels.at(1), 10);
    EXPECT_EQ(labels.at(2), 20);
}

TEST(LabelDecision, ThresholdOrderLetsTheFirstChannelAboveItWin) {
    // BraTS: enhancing tumour (channel 2) inside tumour core (0) inside whole tumour (1).
    ai::FloatImage p = ai::FloatImage::zeros(ImageGeometry({4, 1, 1}, {1, 1, 1}, {0, 0, 0}), 3);
    p.data = {0.9f, 0.9f, 0.1f, 0.1f, /*c1*/ 0.95f, 0.99f, 0.9f, 0.2f, /*c2*/ 0.7f, 0.1f, 0.1f, 0.3f};
    ai::OutputSpec out;
    out.decision = ai::OutputSpec::Decision::Threshold;
    out.thresholdOrder = {2, 0, 1};
    const auto labels = ai::decideLabels(p, out, table(3));
    EXPECT_EQ(labels.at(0), 30) << "channel 2 first, though channel 1 is more probable";
    EXPECT_EQ(labels.at(1), 10);
    EXPECT_EQ(labels.at(2), 20);
    EXPECT_EQ(labels.at(3), 0);
    // The boundary shortcut stays exact for a priority order.
    ai::FloatImage big = ai::FloatImage::zeros(ImageGeometry({9, 7, 5}, {2, 2, 2}, {0, 0, 0}), 3);
    std::mt19937 rng(5);
    std::uniform_real_distribution<float> u(0, 1);
    for (float& v : big.data) v = u(rng);
    const ImageGeometry fine({17, 13, 9}, {1, 1, 1}, {0, 0, 0});
    const ai::LabelDecider decide(out, table(3), 3);
    const auto fast = ai::resampleDecisions(big, fine, decide);
    const auto slow = ai::decideLabels(ai::resampleLinear(big, fine), out, table(3));
    for (std::size_t v = 0; v < fine.voxelCount(); ++v) ASSERT_EQ(fast.at(v), slow.at(v));
    out.thresholdOrder = {3};
    EXPECT_THROW(ai::decideLabels(p, out, table(3)), ai::ModelError);
}

TEST(LabelDecision, OnlyBoundaryVoxelsAreInterpolatedAndTheLabelsAreTheSame) {
    // resampleDecisions writes a label directly where the eight source voxels around a target
    // voxel agree. Oracle: interpolate every voxel (resampleRows) and decide each. Smooth random
    // class fields with many boundaries, onto a finer grid that is permuted + flipped (the fast
    // path) and onto an oblique one, for argmax and threshold decisions.
    const ImageGeometry coarse({14, 12, 10}, {3, 3, 3}, {-20, -15, -12});
    std::mt19937 rng(3);
    auto field = [&](std::size_t channels) {
        ai::FloatImage p = ai::FloatImage::zeros(coarse, channels);
        std::uniform_real_distribution<double> u(0, 1);
        for (std::size_t c = 0; c < channels; ++c) {
            const core::Vector3 centre{u(rng) * 40 - 20, u(rng) * 36 - 15, u(rng) * 30 - 12};
            const auto& d = coarse.dims();
            for (std::size_t v = 0; v < p.voxels(); ++v) {
                const auto w = coarse.indexToWorld({double(v % d[0]), double(v / d[0] % d[1]), double(v / (d[0] * d[1]))});
                p.data[c * p.voxels() + v] = static_cast<float>(std::exp(-(w - centre).norm() / 15) + 0.05 * u(rng));
            }
        }
        return p;
    };
    const ImageGeometry fine({37, 41, 29}, {1, 0.8, 1.1}, {15, 14, -10},
                             core::Matrix3::fromColumns({-1, 0, 0}, {0, 0, 1}, {0, -1, 0}));
    const ImageGeometry oblique({37, 41, 29}, {1, 0.8, 1.1}, {-18, -14, -10},
                                core::Matrix3::fromColumns({0.8, 0.6, 0}, {-0.6, 0.8, 0}, {0, 0, 1}));
    for (bool argmax : {true, false}) {
        ai::OutputSpec out;
        out.decision = argmax ? ai::OutputSpec::Decision::Argmax : ai::OutputSpec::Decision::Threshold;
        out.threshold = 0.55;
        const ai::FloatImage p = field(argmax ? 4 : 3);
        const ai::LabelDecider decide(out, table(3), p.channels);
        for (const ImageGeometry& target : {fine, oblique}) {
            const core::LabelMap got = ai::resampleDecisions(p, target, decide);
            std::vector<std::uint16_t> expected(target.voxelCount());
            ai::resampleRows(p, target, [&](std::size_t first, std::size_t count, const float* values) {
                for (std::size_t n = 0; n < count; ++n) expected[first + n] = decide(values + n * p.channels);
            });
            std::size_t differ = 0;
            std::map<std::uint16_t, std::size_t> seen;
            for (std::size_t v = 0; v < expected.size(); ++v) differ += got.at(v) != expected[v], ++seen[expected[v]];
            EXPECT_EQ(differ, 0u) << (argmax ? "argmax" : "threshold");
            EXPECT_GE(seen.size(), 3u) << "the fields must have boundaries to test";
        }
    }
}

TEST(Components, KeepLargestAndRemoveSmallCountExactly) {
    core::LabelMap m(ImageGeometry({10, 10, 10}, {1, 1, 1}, {0, 0, 0}));
    auto box = [&](int i0, int j0, int k0, int n, std::uint16_t v) {
        for (int k = k0; k < k0 + n; ++k)
            for (int j = j0; j < j0 + n; ++j)
                for (int i = i0; i < i0 + n; ++i) m.set(i, j, k, v);
    };
    box(0, 0, 0, 3, 1);  // 27
    box(6, 6, 6, 2, 1);  // 8
    box(3, 3, 3, 1, 1);  // 1, touches the first only at a corner: 26-connected to it
    box(0, 6, 0, 2, 2);  // 8 of label 2
    core::LabelMap small = m.clone();  // copies share voxels
    ai::removeSmallComponents(small, 9);
    EXPECT_EQ(small.count(1), 28u);
    EXPECT_EQ(small.count(2), 0u);
    ai::keepLargestComponent(m, {1});
    EXPECT_EQ(m.count(1), 28u);
    EXPECT_EQ(m.count(2), 8u) << "only the listed labels are filtered";
}

TEST(Components, RunBasedLabellingMatchesAVoxelFloodFill) {
    // Oracle: a plain 26-neighbour flood fill of each value on random masks of three labels near
    // the percolation threshold (touching voxels of different labels are different components).
    std::mt19937 rng(11);
    for (int trial = 0; trial < 20; ++trial) {
        const core::ImageGeometry g({17, 13, 11}, {1, 1, 1}, {0, 0, 0});
        core::LabelMap m(g);
        for (std::size_t v = 0; v < g.voxelCount(); ++v) m.set(v, rng() % 100 < 24 ? std::uint16_t(1 + rng() % 3) : 0);
        // Flood fill: component sizes, the component of each voxel, the largest of each label.
        std::vector<int> comp(g.voxelCount(), -1);
        std::vector<std::size_t> sizes;
        std::map<std::uint16_t, std::size_t> largest;
        const auto& d = g.dims();
        for (std::size_t s0 = 0; s0 < comp.size(); ++s0) {
            const std::uint16_t value = m.at(s0);
            if (comp[s0] >= 0 || !value) continue;
            std::vector<std::size_t> stack{s0};
            comp[s0] = int(sizes.size());
            std::size_t n = 0;
            while (!stack.empty()) {
                const std::size_t v = stack.back();
                stack.pop_back();
                ++n;
                const long i = long(v % d[0]), j = long(v / d[0] % d[1]), k = long(v / (d[0] * d[1]));
                for (long dk = -1; dk <= 1; ++dk)
                    for (long dj = -1; dj <= 1; ++dj)
                        for (long di = -1; di <= 1; ++di) {
                            const long x = i + di, y = j + dj, z = k + dk;
                            if (x < 0 || y < 0 || z < 0 || x >= long(d[0]) || y >= long(d[1]) || z >= long(d[2])) continue;
                            const std::size_t w = (std::size_t(z) * d[1] + std::size_t(y)) * d[0] + std::size_t(x);
                            if (comp[w] < 0 && m.at(w) == value) comp[w] = comp[s0], stack.push_back(w);
                        }
            }
            sizes.push_back(n);
            largest[value] = std::max(largest[value], n);
        }
        core::LabelMap kept = m.clone();
        ai::keepLargestComponent(kept);
        core::LabelMap keptTwo = m.clone();
        ai::keepLargestComponent(keptTwo, {2});
        core::LabelMap big = m.clone();
        ai::removeSmallComponents(big, 3);
        for (std::size_t v = 0; v < comp.size(); ++v) {
            const std::uint16_t value = m.at(v);
            const std::size_t size = comp[v] >= 0 ? sizes[std::size_t(comp[v])] : 0;
            ASSERT_EQ(kept.at(v), value && size == largest[value] ? value : 0) << "trial " << trial << " voxel " << v;
            ASSERT_EQ(keptTwo.at(v), value != 2 || size == largest[2] ? value : 0) << "trial " << trial << " voxel " << v;
            ASSERT_EQ(big.at(v), size >= 3 ? value : 0) << "trial " << trial << " voxel " << v;
        }
    }
}

TEST(Entropy, IsZeroWhenCertainAndOneWhenUniform) {
    ai::FloatImage p = ai::FloatImage::zeros(ImageGeometry({3, 1, 1}, {1, 1, 1}, {0, 0, 0}), 4);
    for (std::size_t c = 0; c < 4; ++c) {
        p.data[c * 3 + 0] = c == 2 ? 1.0f : 0.0f;
        p.data[c * 3 + 1] = 0.25f;
        p.data[c * 3 + 2] = c < 2 ? 0.5f : 0.0f;
    }
    const auto e = ai::normalizedEntropy(p);
    EXPECT_NEAR(e.as<float>()[0], 0, 1e-7);
    EXPECT_NEAR(e.as<float>()[1], 1, 1e-6);
    EXPECT_NEAR(e.as<float>()[2], 0.5, 1e-6);  // log 2 / log 4
}

TEST(Detection, NmsKeepsTheBestOfOverlappingBoxesPerClass) {
    auto box = [](double x, double score, std::uint16_t cls) {
        ai::Finding f;
        f.score = score;
        f.classValue = cls;
        f.indexMin = {x, 0, 0};
        f.indexMax = {x + 10, 10, 10};
        return f;
    };
    // IoU(0..10, 2..12) = 8/12 = 0.667; IoU(0..10, 8..18) = 2/18 = 0.111
    EXPECT_NEAR(ai::boxIou(box(0, 1, 1), box(2, 1, 1)), 8.0 / 12, 1e-12);
    const auto kept = ai::nonMaximumSuppression({box(2, 0.8, 1), box(0, 0.9, 1), box(8, 0.7, 1), box(0, 0.6, 2)}, 0.3, 10);
    ASSERT_EQ(kept.size(), 3u);
    EXPECT_DOUBLE_EQ(kept[0].score, 0.9);
    EXPECT_DOUBLE_EQ(kept[1].score, 0.7);
    EXPECT_EQ(kept[2].classValue, 2) << "another class is never suppressed";
    EXPECT_EQ(ai::nonMaximumSuppression({box(0, 0.9, 1), box(40, 0.8, 1)}, 0.3, 1).size(), 1u);
}

TEST(Detection, CentreHeatmapPeaksBecomeWorldBoxes) {
    const ImageGeometry g({20, 20, 20}, {2, 2, 2}, {-10, 0, 5});
    ai::FloatImage out = ai::FloatImage::zeros(g, 1 + 3);
    auto at = [&](std::size_t c, std::size_t i, std::size_t j, std::size_t k) -> float& {
        return out.data[c * g.voxelCount() + (k * 20 + j) * 20 + i];
    };
    // A peak at (5, 6, 7) with a plateau neighbour, and a weak peak below the threshold.
    at(0, 5, 6, 7) = 0.9f;
    at(0, 6, 6, 7) = 0.7f;
    at(0, 15, 15, 15) = 0.3f;
    for (std::size_t c = 1; c <= 3; ++c) at(c, 5, 6, 7) = 8.0f;  // an 8 mm cube
    ai::OutputSpec spec;
    spec.scoreThreshold = 0.5;
    const auto findings = ai::decodeCentreHeatmap(out, spec, table(1));
    ASSERT_EQ(findings.size(), 1u);
    const auto& f = findings[0];
    EXPECT_EQ(f.classValue, 10);
    EXPECT_NEAR(f.score, 0.9, 1e-6);
    EXPECT_TRUE(f.centre.isApprox({0, 12, 19}, 1e-9));
    EXPECT_TRUE(f.worldMin.isApprox({-4, 8, 15}, 1e-9));
    EXPECT_TRUE(f.worldMax.isApprox({4, 16, 23}, 1e-9));
    EXPECT_THROW(ai::decodeCentreHeatmap(out, spec, table(2)), ai::ModelError);
}
