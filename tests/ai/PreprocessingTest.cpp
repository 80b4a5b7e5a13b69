#include "AiTestSupport.h"
#include "TestSupport.h"

#include "ai/IntensityNormalizer.h"
#include "ai/ModelError.h"
#include "ai/Resampler.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <random>

using namespace lumen;
using core::ImageGeometry;
using core::Vector3;

namespace {

ai::FloatImage ramp(const ImageGeometry& g) {
    // f = 2 x + 3 y − z in world mm: trilinear interpolation reproduces a linear field exactly.
    ai::FloatImage im = ai::FloatImage::zeros(g, 1);
    const auto& d = g.dims();
    for (std::size_t k = 0; k < d[2]; ++k)
        for (std::size_t j = 0; j < d[1]; ++j)
            for (std::size_t i = 0; i < d[0]; ++i) {
                const auto p = g.indexToWorld({double(i), double(j), double(k)});
                im.data[(k * d[1] + j) * d[0] + i] = static_cast<float>(2 * p.x + 3 * p.y - p.z);
            }
    return im;
}

// Largest |got − truth| over the target voxels between the source's outermost voxel centres
// (beyond them resampling pads with the border, which a linear field does not).
double worstInside(const ai::FloatImage& got, const ai::FloatImage& truth, const ImageGeometry& source) {
    const ImageGeometry& target = got.geometry;
    const auto& d = target.dims();
    double worst = 0;
    for (std::size_t v = 0; v < got.data.size(); ++v) {
        const Vector3 s = source.worldToIndex(target.indexToWorld({double(v % d[0]), double(v / d[0] % d[1]), double(v / (d[0] * d[1]))}));
        bool inside = true;
        for (int a = 0; a < 3; ++a) inside = inside && s[a] >= 0 && s[a] <= double(source.dims()[a] - 1);
        if (inside) worst = std::max(worst, std::abs(double(got.data[v]) - truth.data[v]));
    }
    return worst;
}

core::Matrix3 rotationZ(double degrees) {
    const double a = degrees * M_PI / 180;
    return core::Matrix3::fromColumns({std::cos(a), std::sin(a), 0}, {-std::sin(a), std::cos(a), 0}, {0, 0, 1});
}

}  // namespace

TEST(ModelGrid, ReordersAxesToTheRequestedOrientationAndSpacing) {
    // An LPS image (i → L, j → P, k → S), 1 × 1 × 2 mm.
    const ImageGeometry image({40, 50, 30}, {1, 1, 2}, {-20, -25, -30});
    ai::InputSpec in;
    in.orientation = "RAS";
    in.spacing = Vector3{2, 2, 2};
    const ImageGeometry g = ai::modelGrid(image, in);
    EXPECT_TRUE(g.axis(0).isApprox({-1, 0, 0}, 1e-12));
    EXPECT_TRUE(g.axis(1).isApprox({0, -1, 0}, 1e-12));
    EXPECT_TRUE(g.axis(2).isApprox({0, 0, 1}, 1e-12));
    EXPECT_EQ(g.dims(), (ImageGeometry::Dims{20, 25, 30}));
    EXPECT_EQ(g.orientationCode(), "RAS");
    // Same centre as the image.
    const auto c0 = image.indexToWorld({19.5, 24.5, 14.5});
    const auto c1 = g.indexToWorld({9.5, 12, 14.5});
    EXPECT_TRUE(c0.isApprox(c1, 1e-9));

    // A sagittal acquisition (i → P, j → I, k → L) is permuted, not resampled, for "LPS".
    const ImageGeometry sag({64, 80, 20}, {1, 1, 3}, {0, 0, 0},
                            core::Matrix3::fromColumns({0, 1, 0}, {0, 0, -1}, {1, 0, 0}));
    ai::InputSpec lps;
    lps.orientation = "LPS";
    const ImageGeometry s = ai::modelGrid(sag, lps);
    EXPECT_EQ(s.dims(), (ImageGeometry::Dims{20, 64, 80}));
    EXPECT_TRUE(s.spacing().isApprox({3, 1, 1}, 1e-12));
    EXPECT_EQ(s.orientationCode(), "LPS");
}

TEST(ModelGrid, ResizeToPatchCoversTheWholeImage) {
    const ImageGeometry image({181, 217, 181}, {1, 1, 1}, {0, 0, 0});
    ai::InputSpec in;
    in.resizeToPatch = true;
    in.patchSize = {32, 32, 32};
    const ImageGeometry g = ai::modelGrid(image, in);
    EXPECT_EQ(g.dims(), (ImageGeometry::Dims{32, 32, 32}));
    EXPECT_NEAR(g.spacing().y * 32, 217, 1e-9);
}

TEST(Resampler, SameGridIsExactAndLinearFieldsAreReproduced) {
    const ImageGeometry src({23, 19, 11}, {0.9, 1.1, 2.5}, {10, -5, 3}, rotationZ(17));
    const ai::FloatImage f = ramp(src);
    const ai::FloatImage same = ai::resampleLinear(f, src);
    EXPECT_EQ(same.data, f.data);

    // Oblique, finer, and inside the source: trilinear is exact on a linear field.
    ai::InputSpec in;
    in.spacing = Vector3{0.7, 0.7, 1.3};
    const ImageGeometry target = ai::modelGrid(src, in);
    const ai::FloatImage r = ai::resampleLinear(f, target);
    EXPECT_LT(worstInside(r, ramp(target), src), 1e-3);
}

TEST(Resampler, MatchesScipyOnTheRealBrain) {
    // Oracle: scipy.ndimage.map_coordinates(order=1, mode="nearest") with the same index mapping.
    if (!std::filesystem::exists(std::string(test::kMricronTemplates) + "/ch2.nii.gz")) GTEST_SKIP() << "mricron-data missing";
    test::TempDir dir("resample");
    const auto read = test::run(std::string(test::kDebianPython) + " -c " + test::quote(
        "import nibabel as nib, numpy as np\n"
        "a = np.asarray(nib.load('" + std::string(test::kMricronTemplates) + "/ch2.nii.gz').dataobj, dtype='<f4')\n"
        "print(*a.shape)\n"
        "a.transpose(2, 1, 0).tofile('" + (dir / "ch2.f32").string() + "')\n"));
    ASSERT_EQ(read.exitCode, 0) << read.err;
    std::istringstream dims(read.out);
    std::size_t ni, nj, nk;
    dims >> ni >> nj >> nk;
    const ImageGeometry src({ni, nj, nk}, {1, 1, 1}, {0, 0, 0});
    ai::FloatImage image = ai::FloatImage::zeros(src, 1);
    std::ifstream(dir / "ch2.f32", std::ios::binary).read(reinterpret_cast<char*>(image.data.data()), image.data.size() * 4);

    ai::InputSpec in;
    in.spacing = Vector3{2.3, 1.7, 3.1};
    const ImageGeometry target = ai::modelGrid(src, in);
    const ai::FloatImage r = ai::resampleLinear(image, target, 2);
    // The same affine, target index → source index, for scipy.
    const Vector3 b = src.worldToIndex(target.origin());
    std::ofstream(dir / "map.txt") << b.x << " " << b.y << " " << b.z << " "
                                   << target.spacing().x << " " << target.spacing().y << " " << target.spacing().z << " "
                                   << target.dims()[0] << " " << target.dims()[1] << " " << target.dims()[2];
    const auto oracle = test::run(std::string(test::kDebianPython) + " -c " + test::quote(
        "import numpy as np\nfrom scipy import ndimage\n"
        "bx, by, bz, sx, sy, sz, ni, nj, nk = np.loadtxt('" + (dir / "map.txt").string() + "')\n"
        "src = np.fromfile('" + (dir / "ch2.f32").string() + "', dtype='<f4').reshape(" + std::to_string(nk) + ", " +
        std::to_string(nj) + ", " + std::to_string(ni) + ").transpose(2, 1, 0)\n"
        "i, j, k = np.meshgrid(np.arange(int(ni)), np.arange(int(nj)), np.arange(int(nk)), indexing='ij')\n"
        "out = ndimage.map_coordinates(src, [bx + sx * i, by + sy * j, bz + sz * k], order=1, mode='nearest')\n"
        "out.astype('<f4').transpose(2, 1, 0).tofile('" + (dir / "scipy.f32").string() + "')\n"));
    ASSERT_EQ(oracle.exitCode, 0) << oracle.err;
    std::vector<float> expected(r.data.size());
    std::ifstream(dir / "scipy.f32", std::ios::binary).read(reinterpret_cast<char*>(expected.data()), expected.size() * 4);
    EXPECT_LT(test::maxAbsDifference(expected, r.data), 1e-3) << "over " << expected.size() << " voxels";
}

TEST(IntensityNormalizer, WindowZScoreAndPercentileFollowMonai) {
    const ImageGeometry g({5, 1, 1}, {1, 1, 1}, {0, 0, 0});
    ai::FloatImage im = ai::FloatImage::zeros(g, 1);
    im.data = {-1000, -100, 40, 200, 3000};
    ai::Normalization w;
    w.kind = ai::Normalization::Kind::Window;
    w.low = -100;
    w.high = 200;
    ai::normalizeIntensity(im, w);
    EXPECT_EQ(im.data, (std::vector<float>{0, 0, 140.0f / 300, 1, 1}));

    im.data = {0, 2, 4, 0, 6};
    ai::Normalization z;
    z.kind = ai::Normalization::Kind::ZScore;
    z.nonzero = true;  // mean 4, population SD sqrt(8/3)
    ai::normalizeIntensity(im, z);
    const float sd = static_cast<float>(std::sqrt(8.0 / 3));
    EXPECT_FLOAT_EQ(im.data[1], -2 / sd);
    EXPECT_FLOAT_EQ(im.data[4], 2 / sd);
    EXPECT_EQ(im.data[0], 0) << "zeros stay outside the non-zero statistics";

    // numpy.percentile([1..100], [5, 95]) = 5.95, 95.05
    EXPECT_NEAR(ai::percentile([] { std::vector<float> v; for (int i = 100; i >= 1; --i) v.push_back(float(i)); return v; }(), 5), 5.95, 1e-9);
    EXPECT_NEAR(ai::percentile([] { std::vector<float> v; for (int i = 1; i <= 100; ++i) v.push_back(float(i)); return v; }(), 95), 95.05, 1e-9);
}

TEST(IntensityNormalizer, MinMaxChannelWiseAndChainsFollowMonai) {
    const ImageGeometry g({3, 1, 1}, {1, 1, 1}, {0, 0, 0});
    ai::FloatImage im = ai::FloatImage::zeros(g, 2);
    im.data = {0, 5, 10, /*c1*/ 20, 30, 40};
    ai::InputSpec in;
    in.normalization.kind = ai::Normalization::Kind::MinMax;  // ScaleIntensity(minv=-1, maxv=1), channel_wise=False
    in.normalization.outLow = -1;
    in.normalization.outHigh = 1;
    in.normalization.channelWise = false;
    ai::normalizeInput(im, in);
    EXPECT_EQ(im.data, (std::vector<float>{-1, -0.75f, -0.5f, 0, 0.5f, 1})) << "one min and max over both channels";

    im.data = {0, 5, 10, /*c1*/ 20, 30, 40};
    in.normalization.channelWise = true;
    ai::Normalization z;  // then NormalizeIntensity: each channel becomes ±sqrt(3/2), 0
    z.kind = ai::Normalization::Kind::ZScore;
    in.normalizationAfter = {z};
    ai::normalizeInput(im, in);
    const float r = static_cast<float>(std::sqrt(1.5));
    for (int c = 0; c < 2; ++c) {
        EXPECT_FLOAT_EQ(im.data[c * 3 + 0], -r);
        EXPECT_NEAR(im.data[c * 3 + 1], 0, 1e-6);
        EXPECT_FLOAT_EQ(im.data[c * 3 + 2], r);
    }
    // A constant image: rescale_array multiplies by minv.
    ai::FloatImage flat = ai::FloatImage::zeros(g, 1);
    flat.data = {4, 4, 4};
    ai::Normalization mm;
    mm.kind = ai::Normalization::Kind::MinMax;
    mm.outLow = 0.5;
    ai::normalizeIntensity(flat, mm);
    EXPECT_EQ(flat.data, (std::vector<float>{2, 2, 2}));
}

TEST(Resampler, PaddingForTheNetworkGrowsTheGridSymmetrically) {
    ai::FloatImage im = ai::FloatImage::zeros(ImageGeometry({5, 4, 3}, {2, 2, 2}, {10, 0, 0}), 1);
    for (std::size_t v = 0; v < im.data.size(); ++v) im.data[v] = float(v + 1);
    ai::InputSpec in;
    in.padMultiple = {4, 4, 4};  // DivisiblePad(k=4): 5 → 8 (1 before, 2 after), 4 stays, 3 → 4 (0 before)
    const ai::FloatImage out = ai::padForNetwork(im, in);
    EXPECT_EQ(out.geometry.dims(), (ImageGeometry::Dims{8, 4, 4}));
    EXPECT_TRUE(out.geometry.origin().isApprox({8, 0, 0}, 1e-9)) << "one voxel before along i";
    for (std::size_t k = 0; k < 3; ++k)
        for (std::size_t j = 0; j < 4; ++j)
            for (std::size_t i = 0; i < 5; ++i)
                ASSERT_EQ(out.data[(k * 4 + j) * 8 + i + 1], im.data[(k * 4 + j) * 5 + i]);
    EXPECT_EQ(out.data[0], 0);
    in.padMinimum = {6, 4, 6};  // SpatialPad first: 5 → 6 → 8; 3 → 6 → 8
    EXPECT_EQ(ai::padForNetwork(im, in).geometry.dims(), (ImageGeometry::Dims{8, 4, 8}));
    EXPECT_EQ(ai::padForNetwork(im, ai::InputSpec{}).data, im.data) << "nothing asked, nothing changed";
}

TEST(Resampler, StraightFromTheVolumeEqualsResamplingItsFloatCopy) {
    // Inference resamples the stored voxels directly (no float copy of the whole input); the
    // rescale is affine, so applying it after interpolation must give the same values. Two time
    // points (channels), int16 with a slope and intercept, onto an aligned and an oblique grid.
    const ImageGeometry sag({30, 26, 12}, {1.1, 0.9, 2.5}, {4, -3, 7},
                            core::Matrix3::fromColumns({0, 1, 0}, {0, 0, -1}, {1, 0, 0}));
    core::Volume v = core::Volume::zeros(core::PixelType::Int16, sag, 2);
    std::mt19937 rng(5);
    for (std::size_t n = 0; n < v.voxelCount(); ++n) v.as<std::int16_t>()[n] = static_cast<std::int16_t>(int(rng() % 1001) - 500);
    core::Rescale rescale;
    rescale.slope = 2.5;
    rescale.intercept = -100;
    v.setRescale(rescale);
    ai::InputSpec in;
    in.orientation = "RAS";
    in.spacing = Vector3{1.7, 0.6, 1.3};
    const ImageGeometry aligned = ai::modelGrid(sag, in);
    const ImageGeometry oblique(aligned.dims(), aligned.spacing(), aligned.origin(), aligned.direction() * rotationZ(23));
    const ai::FloatImage copy = ai::toFloatImage(v);
    for (const ImageGeometry& target : {aligned, oblique}) {
        const ai::FloatImage direct = ai::resampleVolume(v, target);
        const ai::FloatImage expected = ai::resampleLinear(copy, target);
        ASSERT_EQ(direct.channels, 2u);
        EXPECT_LT(test::maxAbsDifference(expected.data, direct.data), 1e-3);
    }
    EXPECT_THROW(ai::resampleVolume(core::Volume(), aligned), ai::ModelError);
}

TEST(Resampler, RefusesEmptyAndColourImages) {
    // (core::ImageGeometry itself refuses zero or missing spacing, so no volume reaches here without one.)
    EXPECT_THROW(ai::toFloatImage(core::Volume()), ai::ModelError);
    const auto rgb = core::Volume::zeros(core::PixelType::Rgb24, ImageGeometry({4, 4, 4}, {1, 1, 1}, {0, 0, 0}));
    EXPECT_THROW(ai::toFloatImage(rgb), ai::ModelError);
}

TEST(Resampler, PermutedAndFlippedGridsTakeTheFastPathExactly) {
    // A sagittal source resampled onto an LPS model grid (permuted + flipped + rescaled: the
    // separable fast path) must agree with the field everywhere between voxel centres, and with
    // the general path, which a tiny rotation forces.
    const ImageGeometry sag({30, 26, 12}, {1.1, 0.9, 2.5}, {4, -3, 7},
                            core::Matrix3::fromColumns({0, 1, 0}, {0, 0, -1}, {1, 0, 0}));
    const ai::FloatImage f = ramp(sag);
    ai::InputSpec in;
    in.orientation = "LPS";
    in.spacing = Vector3{1.7, 0.6, 1.3};
    const ImageGeometry target = ai::modelGrid(sag, in);
    const ai::FloatImage fast = ai::resampleLinear(f, target);
    const ai::FloatImage truth = ramp(target);
    const ImageGeometry nudged(target.dims(), target.spacing(), target.origin(), target.direction() * rotationZ(1e-6));
    const ai::FloatImage general = ai::resampleLinear(f, nudged);
    const double worstTruth = worstInside(fast, truth, sag);
    const double worstGeneral = test::maxAbsDifference(fast.data, general.data);
    EXPECT_LT(worstTruth, 1e-3);
    EXPECT_LT(worstGeneral, 1e-2);
}
