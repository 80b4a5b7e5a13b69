// The out-of-distribution score: histograms, the Wasserstein-1 distance between them, and a
// threshold that the stated fraction of held-out in-distribution cases stay within.
#include "ai/ModelError.h"
#include "ai/OodScore.h"

#include <gtest/gtest.h>

#include <numeric>
#include <random>

using namespace lumen;

namespace {

ai::FloatImage noise(double mean, double sd, unsigned seed, std::size_t n = 4096) {
    ai::FloatImage image = ai::FloatImage::zeros(core::ImageGeometry({n, 1, 1}, {1, 1, 1}, {0, 0, 0}), 1);
    std::mt19937 rng(seed);
    std::normal_distribution<float> d{float(mean), float(sd)};
    for (float& v : image.data) v = d(rng);
    return image;
}

}  // namespace

TEST(OodScore, HistogramsSumToOneAndTheDistanceIsTheShiftBetweenThem) {
    ai::FloatImage image = ai::FloatImage::zeros(core::ImageGeometry({4, 1, 1}, {1, 1, 1}, {0, 0, 0}), 1);
    image.data = {0.05f, 0.15f, 0.15f, 7.0f};  // the last one clamps into the top bin
    const auto h = ai::intensityHistogram(image, 0, 1, 10);
    EXPECT_DOUBLE_EQ(std::accumulate(h.begin(), h.end(), 0.0), 1.0);
    EXPECT_DOUBLE_EQ(h[0], 0.25);
    EXPECT_DOUBLE_EQ(h[1], 0.5);
    EXPECT_DOUBLE_EQ(h[9], 0.25);
    EXPECT_DOUBLE_EQ(ai::histogramDistance(h, h, 0, 1), 0.0);
    // All mass moved by three bins of 0.1: Wasserstein-1 is 0.3.
    std::vector<double> a(10, 0.0), b(10, 0.0);
    a[2] = 1, b[5] = 1;
    EXPECT_NEAR(ai::histogramDistance(a, b, 0, 1), 0.3, 1e-12);
    EXPECT_THROW(ai::histogramDistance(a, std::vector<double>(5, 0.2), 0, 1), ai::ModelError);
}

TEST(OodScore, InDistributionCasesPassAtTheStatedRateAndAShiftedOneDoesNot) {
    auto histograms = [](unsigned first, int count, double mean) {
        std::vector<std::vector<double>> out;
        for (int i = 0; i < count; ++i) out.push_back(ai::intensityHistogram(noise(mean, 1, first + unsigned(i)), -4, 4, 32));
        return out;
    };
    const ai::OodSpec spec = ai::fitOod(histograms(1, 24, 0), histograms(100, 8, 0), -4, 4, 0.95);
    EXPECT_EQ(spec.trainingCases, 24);
    int passed = 0;
    for (const auto& h : histograms(1000, 200, 0)) passed += !ai::oodScore(spec, h).outlier();
    EXPECT_GE(passed, 180) << "about 95 % of new in-distribution cases pass";
    const ai::OodResult shifted = ai::oodScore(spec, ai::intensityHistogram(noise(1.5, 1, 7), -4, 4, 32));
    EXPECT_TRUE(shifted.outlier());
    EXPECT_NEAR(shifted.distance, 1.5, 0.15) << "W1 between two unit normals 1.5 apart";
    // Written and read back as the manifest holds it.
    std::vector<std::string> problems;
    const auto back = ai::OodSpec::fromJson(spec.toJson(), "ood", problems);
    EXPECT_TRUE(problems.empty());
    EXPECT_EQ(back.reference, spec.reference);
    EXPECT_DOUBLE_EQ(back.threshold, spec.threshold);
    EXPECT_FALSE(back.percentileFeature);
    ai::OodSpec percentile = spec;
    percentile.percentileFeature = true;
    EXPECT_EQ(percentile.toJson().at("feature"), "percentile_input_histogram");
    EXPECT_TRUE(ai::OodSpec::fromJson(percentile.toJson(), "ood", problems).percentileFeature);
    nlohmann::json unknown = spec.toJson();
    unknown["feature"] = "bottleneck";
    ai::OodSpec::fromJson(unknown, "ood", problems);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("ood.feature"), std::string::npos) << problems[0];
    EXPECT_THROW(ai::fitOod({}, histograms(1, 2, 0), -4, 4), ai::ModelError);
}
