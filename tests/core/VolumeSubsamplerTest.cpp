#include "core/VolumeSubsampler.h"

#include <gtest/gtest.h>

using namespace lumen::core;

TEST(VolumeSubsampler, KeepsEveryNthVoxelAtItsWorldPosition) {
    const ImageGeometry g({5, 4, 3}, {0.5, 0.7, 2.0}, {10, -20, 30}, Matrix3::fromColumns({0, 1, 0}, {-1, 0, 0}, {0, 0, 1}));
    Volume v = Volume::allocate(PixelType::Int16, g);
    for (std::size_t n = 0; n < g.voxelCount(); ++n) v.as<std::int16_t>()[n] = std::int16_t(n * 3 - 20);
    v.setRescale({1.0, -1024.0, "HU"});
    const Volume s = VolumeSubsampler::subsample(v, 2);
    ASSERT_EQ(s.geometry().dims(), (ImageGeometry::Dims{3, 2, 2}));
    EXPECT_EQ(s.rescale(), v.rescale());
    for (std::size_t k = 0; k < 2; ++k)
        for (std::size_t j = 0; j < 2; ++j)
            for (std::size_t i = 0; i < 3; ++i) {
                EXPECT_EQ(s.as<std::int16_t>()[s.linearIndex(i, j, k)], v.as<std::int16_t>()[v.linearIndex(2 * i, 2 * j, 2 * k)]);
                const Point3 a = s.geometry().indexToWorld({double(i), double(j), double(k)});
                const Point3 b = g.indexToWorld({2.0 * i, 2.0 * j, 2.0 * k});
                EXPECT_NEAR((a - b).norm(), 0.0, 1e-9) << "the same point in space";
            }
    EXPECT_EQ(VolumeSubsampler::subsample(v, 1).geometry().dims(), g.dims());
    EXPECT_THROW(VolumeSubsampler::subsample(v, 0), std::invalid_argument);
}

TEST(VolumeSubsampler, ChoosesTheSmallestFactorWithinTheBudget) {
    const Volume ct = Volume::allocate(PixelType::Int16, ImageGeometry({512, 512, 400}, {0.7, 0.7, 1}, {0, 0, 0}, Matrix3::identity()));
    EXPECT_EQ(VolumeSubsampler::factorFor(ct, 16u << 20), 2u) << "105 M voxels → 13 M";
    EXPECT_EQ(VolumeSubsampler::factorFor(ct, 200u << 20), 1u);
    const Volume demo = Volume::allocate(PixelType::Int16, ImageGeometry({256, 256, 240}, {1, 1, 1}, {0, 0, 0}, Matrix3::identity()));
    EXPECT_EQ(VolumeSubsampler::factorFor(demo, 16u << 20), 1u) << "the demo CT stays whole";
}
