#include "ai/Metrics.h"
#include "core/DistanceTransform.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace lumen;
using core::ImageGeometry;

namespace {

core::LabelMap cube(const ImageGeometry& g, int i0, int j0, int k0, int n, std::uint16_t v = 1) {
    core::LabelMap m(g);
    for (int k = k0; k < k0 + n; ++k)
        for (int j = j0; j < j0 + n; ++j)
            for (int i = i0; i < i0 + n; ++i) m.set(i, j, k, v);
    return m;
}

}  // namespace

TEST(Metrics, DiceCountsOverlap) {
    const ImageGeometry g({20, 20, 20}, {1, 1, 1}, {0, 0, 0});
    const auto a = cube(g, 0, 0, 0, 10), b = cube(g, 5, 0, 0, 10);  // overlap 5·10·10 of 1000 each
    EXPECT_DOUBLE_EQ(ai::dice(a, b, 1), 0.5);
    EXPECT_DOUBLE_EQ(ai::dice(a, a, 1), 1.0);
    EXPECT_DOUBLE_EQ(ai::dice(a, b, 2), 1.0) << "absent from both: perfect";
    EXPECT_DOUBLE_EQ(ai::dice(a, core::LabelMap(g), 1), 0.0);
}

TEST(Metrics, Hausdorff95OfShiftedCubesIsTheShiftInMm) {
    // Surfaces of two 10-voxel cubes shifted by 3 voxels along i, spacing 2 mm along i: every
    // surface point's nearest other-surface point is at most 3 voxels = 6 mm; the 95th percentile of
    // the distances is 6 mm (the two far faces, which hold more than 5 % of the surface).
    const ImageGeometry g({30, 20, 20}, {2, 1, 1}, {0, 0, 0});
    const auto a = cube(g, 5, 5, 5, 10), b = cube(g, 8, 5, 5, 10);
    const auto hd = ai::hausdorff95(a, b, 1);
    ASSERT_TRUE(hd);
    EXPECT_NEAR(*hd, 6.0, 1e-9);
    EXPECT_NEAR(*ai::hausdorff95(a, a, 1), 0.0, 1e-12);
    EXPECT_FALSE(ai::hausdorff95(a, core::LabelMap(g), 1));
}

TEST(Metrics, DistanceTransformMatchesBruteForce) {
    const ImageGeometry g({13, 9, 7}, {0.7, 1.3, 2.1}, {0, 0, 0});
    std::mt19937 rng(5);
    std::vector<std::uint8_t> mask(g.voxelCount(), 0);
    for (int n = 0; n < 12; ++n) mask[rng() % mask.size()] = 1;
    const auto d = core::squaredDistanceTransform(mask, g.dims(), g.spacing());
    const auto& dims = g.dims();
    for (std::size_t v = 0; v < mask.size(); ++v) {
        double best = 1e300;
        for (std::size_t w = 0; w < mask.size(); ++w) {
            if (!mask[w]) continue;
            const double dx = (double(v % dims[0]) - double(w % dims[0])) * 0.7;
            const double dy = (double(v / dims[0] % dims[1]) - double(w / dims[0] % dims[1])) * 1.3;
            const double dz = (double(v / (dims[0] * dims[1])) - double(w / (dims[0] * dims[1]))) * 2.1;
            best = std::min(best, dx * dx + dy * dy + dz * dz);
        }
        ASSERT_NEAR(d[v], best, 1e-9) << "voxel " << v;
    }
}

TEST(Metrics, BinaryClassificationAgainstHandCounts) {
    // scikit-learn's roc_auc_score example: [0.1, 0.4, 0.35, 0.8] for [0, 0, 1, 1] → 0.75.
    EXPECT_DOUBLE_EQ(*ai::rocAuc({0.1, 0.4, 0.35, 0.8}, {false, false, true, true}), 0.75);
    EXPECT_DOUBLE_EQ(*ai::rocAuc({0.5, 0.5}, {false, true}), 0.5) << "ties count one half";
    EXPECT_FALSE(ai::rocAuc({0.2, 0.9}, {true, true}));
    const auto m = ai::binaryMetrics({0.9, 0.6, 0.4, 0.2, 0.7}, {true, true, true, false, false});
    EXPECT_DOUBLE_EQ(m.sensitivity, 2.0 / 3);
    EXPECT_DOUBLE_EQ(m.specificity, 0.5);
    EXPECT_DOUBLE_EQ(m.accuracy, 3.0 / 5);
    EXPECT_DOUBLE_EQ(*m.auc, 4.0 / 6);  // positives beat negatives in 4 of 6 pairs
}

TEST(Metrics, FrocCountsCentreInBoxHitsPerFalsePositiveRate) {
    auto box = [](double x, double score) {
        ai::Finding f;
        f.classValue = 1;
        f.score = score;
        f.centre = {x, 0, 0};
        f.worldMin = {x - 5, -5, -5};
        f.worldMax = {x + 5, 5, 5};
        return f;
    };
    // Two volumes, three lesions. Detections by score: 0.9 hit, 0.8 FP, 0.7 hit, 0.6 FP, 0.5 FP, 0.4 hit.
    const std::vector<std::vector<ai::Finding>> truth = {{box(0, 1), box(50, 1)}, {box(0, 1)}};
    const std::vector<std::vector<ai::Finding>> det = {{box(1, 0.9), box(100, 0.8), box(48, 0.4), box(2, 0.5)},
                                                       {box(-3, 0.7), box(200, 0.6)}};
    // box(2, 0.5) lies in the first lesion, already matched by 0.9: a false positive.
    const auto points = ai::froc(det, truth, {0.5, 1, 2});
    ASSERT_EQ(points.size(), 3u);
    EXPECT_DOUBLE_EQ(points[0].sensitivity, 2.0 / 3);  // ≤ 1 FP over 2 volumes: 0.9, 0.8, 0.7
    EXPECT_DOUBLE_EQ(points[1].sensitivity, 2.0 / 3);  // ≤ 2 FPs: up to 0.6
    EXPECT_DOUBLE_EQ(points[2].sensitivity, 1.0);      // ≤ 4 FPs: everything
}

// Calibration (issue 21): ECE by hand, and temperature scaling finding the temperature that made
// the labels (scores from logits z, labels drawn with P = sigmoid(z / 2): the model is
// overconfident by a factor of two).
TEST(Metrics, CalibrationErrorByHandAndTemperatureScalingFindsTheTrueTemperature) {
    // Four cases at confidence 0.9 (three right), two at 0.8 (one right):
    // ECE = 4/6 × |0.75 − 0.9| + 2/6 × |0.5 − 0.8| = 0.1 + 0.1.
    const ai::Calibration c = ai::calibration({0.9, 0.9, 0.9, 0.9, 0.2, 0.2}, {true, true, true, false, false, true});
    EXPECT_NEAR(c.ece, 0.2, 1e-12);
    EXPECT_EQ(c.bins[9].cases, 4u);
    EXPECT_NEAR(c.bins[9].accuracy, 0.75, 1e-12);
    EXPECT_EQ(c.bins[8].cases, 2u);
    EXPECT_NEAR(c.bins[8].confidence, 0.8, 1e-12);

    std::mt19937 rng(5);
    std::normal_distribution<double> logit(0, 3);
    std::uniform_real_distribution<double> u(0, 1);
    std::vector<double> scores;
    std::vector<bool> truth;
    for (int i = 0; i < 4000; ++i) {
        const double z = logit(rng);
        scores.push_back(1 / (1 + std::exp(-z)));
        truth.push_back(u(rng) < 1 / (1 + std::exp(-z / 2)));
    }
    const double t = ai::fitTemperature(scores, truth, 1.0);
    EXPECT_NEAR(t, 2.0, 0.2);
    const double before = ai::calibration(scores, truth).ece, after = ai::calibration(ai::rescaleScores(scores, 1.0, t), truth).ece;
    EXPECT_LT(after, before / 2) << before << " → " << after;
    // The same logits at the temperature they were made at: the same scores.
    const auto same = ai::rescaleScores(scores, 1.5, 1.5);
    for (std::size_t i = 0; i < 10; ++i) EXPECT_NEAR(same[i], scores[i], 1e-9);
}
