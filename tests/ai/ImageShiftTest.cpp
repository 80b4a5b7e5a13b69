// The standard shifts of `eval --shifts` do what their names say, at the severity the cards state,
// and the truth follows the image where the anatomy moves.
#include "ai/ImageShift.h"
#include "ai/Resampler.h"
#include "ai/internal/TrainingBatch.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

using namespace lumen;

namespace {

constexpr double kPi = 3.14159265358979323846;

// A 40 × 48 × 36 grid, 1 mm × 1 mm × 1 mm, tilted a little (shifts work on oblique grids), with a bright cube
// off-centre on a darker ramp; the cube is the truth: a label and a box.
ai::TrainingSample phantom() {
    core::Matrix3 tilt({1, 0, 0, 0, std::cos(0.1), -std::sin(0.1), 0, std::sin(0.1), std::cos(0.1)});
    const core::ImageGeometry g({40, 48, 36}, {1, 1, 1}, {-20, 10, 5}, tilt);
    ai::TrainingSample s;
    s.volume = core::Volume::zeros(core::PixelType::Float32, g);
    s.labels = core::LabelMap(g);
    float* v = s.volume.as<float>();
    for (std::size_t k = 0; k < 36; ++k)
        for (std::size_t j = 0; j < 48; ++j)
            for (std::size_t i = 0; i < 40; ++i) {
                const bool cube = i >= 24 && i < 32 && j >= 30 && j < 40 && k >= 8 && k < 16;
                v[s.volume.linearIndex(i, j, k)] = cube ? 1000.0f : 100.0f + float(i);
                if (cube) s.labels.set(i, j, k, 1);
            }
    ai::Finding box;
    box.classValue = 1;
    box.worldMin = g.indexToWorld({24, 30, 8});
    box.worldMax = g.indexToWorld({31, 39, 15});
    box.centre = (box.worldMin + box.worldMax) / 2;
    s.boxes.push_back(box);
    return s;
}

std::vector<float> values(const core::Volume& v) {
    const ai::FloatImage f = ai::toFloatImage(v);
    return f.data;
}

core::Point3 brightCentre(const core::Volume& v, float above) {
    const auto x = values(v);
    const auto& d = v.geometry().dims();
    core::Vector3 sum{0, 0, 0};
    double n = 0;
    for (std::size_t k = 0; k < d[2]; ++k)
        for (std::size_t j = 0; j < d[1]; ++j)
            for (std::size_t i = 0; i < d[0]; ++i)
                if (x[v.linearIndex(i, j, k)] > above) sum += v.geometry().indexToWorld({double(i), double(j), double(k)}), ++n;
    return sum / std::max(n, 1.0);
}

}  // namespace

TEST(ImageShift, NoiseHasTheStatedSigmaAndNoBias) {
    const ai::TrainingSample before = phantom();
    ai::TrainingSample after = before;
    ai::applyShift(after, ai::ImageShift::Noise, 7);
    const auto a = values(before.volume), b = values(after.volume);
    double mean = 0, sq = 0;
    for (std::size_t v = 0; v < a.size(); ++v) mean += b[v] - a[v], sq += double(b[v] - a[v]) * (b[v] - a[v]);
    mean /= double(a.size());
    const double sigma = std::sqrt(sq / double(a.size()) - mean * mean);
    // The range: the 0.5th percentile is the ramp's 100, the 99.5th the cube's 1000.
    EXPECT_NEAR(sigma, 0.05 * 900, 0.05 * 900 * 0.03);
    EXPECT_NEAR(mean, 0, 1.0);
    EXPECT_EQ(values(before.volume)[0], 100.0f) << "the original case is not touched";
}

TEST(ImageShift, TheBiasFieldIsSmoothMultiplicativeAndBounded) {
    ai::TrainingSample s = phantom();
    const auto a = values(s.volume);
    ai::applyShift(s, ai::ImageShift::BiasField, 3);
    const auto b = values(s.volume);
    double lo = 1e9, hi = -1e9;
    for (std::size_t v = 0; v < a.size(); ++v) lo = std::min(lo, double(b[v] / a[v])), hi = std::max(hi, double(b[v] / a[v]));
    EXPECT_GE(lo, std::exp(-0.3 * std::sqrt(3.0)) - 1e-4);
    EXPECT_LE(hi, std::exp(0.3 * std::sqrt(3.0)) + 1e-4);
    EXPECT_GT(hi / lo, std::exp(0.3)) << "it is there";
    // exp of a linear function: the log-ratio at a midpoint is the mean of its ends'.
    const auto logRatio = [&](std::size_t i, std::size_t j, std::size_t k) {
        const std::size_t v = s.volume.linearIndex(i, j, k);
        return std::log(b[v] / a[v]);
    };
    EXPECT_NEAR(logRatio(10, 20, 18), (logRatio(0, 10, 6) + logRatio(20, 30, 30)) / 2, 1e-4);
}

TEST(ImageShift, LowResolutionAveragesFiveMillimetreSlabs) {
    ai::TrainingSample s = phantom();
    ai::applyShift(s, ai::ImageShift::LowResolution, 1);
    const auto b = values(s.volume);
    // In-plane, nothing moves: the ramp along i is the same in every slice outside the cube.
    EXPECT_NEAR(b[s.volume.linearIndex(5, 5, 20)], 105.0f, 1e-3);
    // Through-plane, the cube's 8 mm edge is smeared over a slab: values between ramp and cube
    // appear next to it, and its middle keeps the cube's value only where a slab lies inside it.
    const float edge = b[s.volume.linearIndex(28, 35, 7)];
    EXPECT_GT(edge, 200.0f);
    EXPECT_LT(edge, 900.0f);
    // A slab's mean is kept: the sum along k of a column changes by less than the end effects.
    double sumBefore = 0, sumAfter = 0;
    const auto a = values(phantom().volume);
    for (std::size_t k = 2; k < 30; ++k) sumBefore += a[s.volume.linearIndex(28, 35, k)], sumAfter += b[s.volume.linearIndex(28, 35, k)];
    EXPECT_NEAR(sumAfter, sumBefore, 0.05 * sumBefore);
}

TEST(ImageShift, ContrastIsAGammaThatKeepsTheRangeEnds) {
    ai::TrainingSample s = phantom();
    ai::applyShift(s, ai::ImageShift::Contrast, 1);
    const auto b = values(s.volume);
    EXPECT_NEAR(b[s.volume.linearIndex(0, 0, 0)], 100.0f, 1e-3) << "the low end (0.5th percentile) stays";
    EXPECT_NEAR(b[s.volume.linearIndex(28, 35, 10)], 1000.0f, 1e-2) << "so does the high end";
    // Between them: 100 + 900 · ((120 − 100) / 900)^1.5.
    EXPECT_NEAR(b[s.volume.linearIndex(20, 0, 0)], 100 + 900 * std::pow(20.0 / 900, 1.5), 1e-2);
}

TEST(ImageShift, RotationTurnsTheAnatomyAndItsTruthOnTheSameGrid) {
    const ai::TrainingSample before = phantom();
    ai::TrainingSample after = before;
    ai::applyShift(after, ai::ImageShift::Rotation, 1);
    EXPECT_TRUE(after.volume.geometry().isApprox(before.volume.geometry())) << "the grid stays";
    EXPECT_TRUE(after.labels.fits(after.volume.geometry()));
    // The cube's centre turned by 10° about the LPS x axis through the grid's centre.
    const auto& d = before.volume.geometry().dims();
    const core::Point3 c = before.volume.geometry().indexToWorld({(d[0] - 1) / 2.0, (d[1] - 1) / 2.0, (d[2] - 1) / 2.0});
    const double a = 10 * kPi / 180;
    const core::Matrix3 r({1, 0, 0, 0, std::cos(a), -std::sin(a), 0, std::sin(a), std::cos(a)});
    const core::Point3 expected = c + r * (brightCentre(before.volume, 500) - c);
    const core::Point3 got = brightCentre(after.volume, 500);
    for (int k = 0; k < 3; ++k) EXPECT_NEAR(got[k], expected[k], 0.5) << k;
    for (int k = 0; k < 3; ++k) EXPECT_NEAR(after.boxes[0].centre[k], expected[k], 0.6) << k;
    // The label map went with it: it covers the bright voxels as before.
    const auto x = values(after.volume);
    std::size_t both = 0, bright = 0, labelled = 0;
    for (std::size_t v = 0; v < x.size(); ++v) {
        const bool isBright = x[v] > 500, isLabelled = after.labels.at(v) == 1;
        bright += isBright, labelled += isLabelled, both += isBright && isLabelled;
    }
    EXPECT_GT(2.0 * double(both) / double(bright + labelled), 0.85);
    EXPECT_EQ(before.labels.at(before.volume.linearIndex(24, 30, 8)), 1) << "the original case is not touched";
}

TEST(ImageShift, TheSameSeedGivesTheSameImage) {
    for (const ai::ImageShift shift : ai::allImageShifts()) {
        ai::TrainingSample a = phantom(), b = phantom();
        ai::applyShift(a, shift, 11);
        ai::applyShift(b, shift, 11);
        EXPECT_EQ(values(a.volume), values(b.volume)) << ai::shiftName(shift);
        EXPECT_FALSE(ai::shiftDescription(shift).empty());
    }
}

// Training's counterpart of the low-resolution shift (an augmentation): one axis loses detail,
// the others keep theirs, and the mean along the axis stays.
TEST(ThickSlicesAugmentation, BlursOneAxisOnly) {
    torch::Tensor image = torch::zeros({1, 16, 16, 16});
    image.index_put_({0, 8, torch::indexing::Slice(), torch::indexing::Slice()}, 100.0f);  // one bright plane across axis 0
    torch::Tensor alongOther = image.clone();
    ai::internal::simulateThickSlices(image, 0, 4.0);
    EXPECT_LT(image[0][8][5][5].item<float>(), 60.0f) << "the plane is smeared over its thick slice";
    EXPECT_GT(image[0][7][5][5].item<float>(), 5.0f);
    EXPECT_NEAR(image.sum().item<double>(), 100.0 * 16 * 16, 100.0 * 16 * 16 * 0.02);
    ai::internal::simulateThickSlices(alongOther, 1, 4.0);  // thick along an axis the plane is constant on
    EXPECT_NEAR(alongOther[0][8][5][5].item<float>(), 100.0f, 1e-3);
    EXPECT_NEAR(alongOther[0][7][5][5].item<float>(), 0.0f, 1e-3);
}
