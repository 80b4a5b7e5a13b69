#include "core/LabelMap.h"
#include "core/RealValues.h"
#include "core/SliceResampler.h"
#include "core/Volume.h"

#include <gtest/gtest.h>

#include <cstring>

using namespace lumen::core;

namespace {

const ImageGeometry kSmall({4, 3, 2}, {1, 1, 1}, {});

TEST(Volume, TypedBufferWithTimePointsInXFastestOrder) {
    Volume v = Volume::zeros(PixelType::Int16, kSmall, 3);
    EXPECT_EQ(v.voxelCount(), 4u * 3u * 2u * 3u);
    EXPECT_EQ(v.byteSize(), v.voxelCount() * 2);
    EXPECT_EQ(v.linearIndex(1, 2, 1, 2), ((2 * 2 + 1) * 3 + 2) * 4 + 1u);
    v.as<std::int16_t>()[v.linearIndex(3, 2, 1, 2)] = -7;
    EXPECT_EQ(static_cast<const std::int16_t*>(v.frameData(2))[v.linearIndex(3, 2, 1)], -7);
    EXPECT_THROW(v.as<float>(), std::logic_error);
    EXPECT_THROW(v.frameData(3), std::out_of_range);
}

TEST(Volume, RescaleGivesRealValuesWithoutCopyingVoxels) {
    Volume v = Volume::allocate(PixelType::UInt16, kSmall);
    for (std::size_t i = 0; i < v.voxelCount(); ++i) v.as<std::uint16_t>()[i] = std::uint16_t(1000 + i);
    const Volume hu = v.withRescale({1.0, -1024.0, "HU"});
    EXPECT_TRUE(hu.sharesVoxelsWith(v));
    EXPECT_DOUBLE_EQ(hu.realValue(5), 1005.0 - 1024.0);
    EXPECT_DOUBLE_EQ(v.realValue(5), 1005.0);
    EXPECT_EQ(hu.realRange(), (std::pair<double, double>{1000.0 - 1024.0, 1023.0 - 1024.0}));
    const Volume copy = hu.clone();
    EXPECT_FALSE(copy.sharesVoxelsWith(hu));
    EXPECT_EQ(std::memcmp(copy.data(), hu.data(), hu.byteSize()), 0);
    EXPECT_EQ(copy.rescale(), hu.rescale());
}

TEST(Volume, AbsurdSizesAreRefusedNotWrappedAround) {
    const ImageGeometry huge({std::size_t(1) << 40, std::size_t(1) << 20, std::size_t(1) << 10}, {1, 1, 1}, {});
    EXPECT_THROW(Volume::allocate(PixelType::Float32, huge), std::length_error);
    EXPECT_THROW(Volume::allocate(PixelType::UInt8, ImageGeometry({0, 1, 1}, {1, 1, 1}, {})), std::invalid_argument);
}

TEST(Volume, SetGeometryKeepsTheBufferAndRefusesOtherSizes) {
    Volume v = Volume::zeros(PixelType::UInt8, kSmall);
    v.setGeometry(ImageGeometry({4, 3, 2}, {2, 2, 2}, {5, 5, 5}));
    EXPECT_DOUBLE_EQ(v.geometry().spacing().x, 2.0);
    EXPECT_THROW(v.setGeometry(ImageGeometry({4, 3, 3}, {1, 1, 1}, {})), std::invalid_argument);
}

TEST(RealValues, NarrowestExactType) {
    Volume v = Volume::allocate(PixelType::UInt8, kSmall);
    for (std::size_t i = 0; i < v.voxelCount(); ++i) v.as<std::uint8_t>()[i] = std::uint8_t(i * 10);
    EXPECT_TRUE(toRealValues(v).sharesVoxelsWith(v)) << "identity rescale needs no copy";
    v.setRescale({2.0, -100.0, ""});
    const Volume r = toRealValues(v);
    EXPECT_EQ(r.pixelType(), PixelType::Int16);
    EXPECT_DOUBLE_EQ(r.realValue(3), 2.0 * 30 - 100);
    EXPECT_TRUE(r.rescale().isIdentity());
}

TEST(LabelMap, LabelsCountsAndVolumes) {
    LabelMap m(ImageGeometry({10, 10, 10}, {0.5, 0.5, 2.0}, {}));
    m.labels().set({1, "liver", {200, 100, 50, 255}});
    m.labels().set({3, "lesion", LabelTable::defaultColor(3)});
    for (std::size_t k = 0; k < 10; ++k) m.set(2, 2, k, 1);
    m.set(5, 5, 5, 3);
    EXPECT_EQ(m.count(1), 10u);
    EXPECT_DOUBLE_EQ(m.volumeMl(1), 10 * 0.5 * 0.5 * 2.0 / 1000.0);
    EXPECT_EQ(m.histogram(), (std::map<std::uint16_t, std::size_t>{{1, 10}, {3, 1}}));
    EXPECT_THROW(m.set(0, 0, 0, 300), std::out_of_range) << "uint8 label maps hold up to 255";
    EXPECT_EQ(m.labels().nextFreeValue(), 2);
    EXPECT_TRUE(m.fits(ImageGeometry({10, 10, 10}, {0.5, 0.5, 2.0}, {})));
    EXPECT_FALSE(m.fits(ImageGeometry({10, 10, 10}, {0.5, 0.5, 2.0}, {1, 0, 0})));
    EXPECT_THROW(LabelMap::fromVolume(Volume::zeros(PixelType::Float32, kSmall)), std::invalid_argument);
}

TEST(LabelTable, SortedByValueAndEditable) {
    LabelTable t;
    t.set({5, "b", {}});
    t.set({2, "a", {}});
    t.set({5, "b2", {}});
    ASSERT_EQ(t.size(), 2u);
    EXPECT_EQ(t.labels()[0].value, 2);
    EXPECT_EQ(t.find(5)->name, "b2");
    EXPECT_TRUE(t.remove(2));
    EXPECT_FALSE(t.remove(2));
    EXPECT_THROW(t.set({0, "background", {}}), std::invalid_argument);
    EXPECT_FALSE(LabelTable::defaultColor(1) == LabelTable::defaultColor(2));
}

TEST(SliceResampler, ShiftedSlicesLandOnTheGridExactly) {
    // Three 4x1 slices, each shifted half a voxel further along x: a linear ramp stays linear.
    Volume slices = Volume::allocate(PixelType::Float32, ImageGeometry({4, 1, 3}, {1, 1, 1}, {}));
    for (std::size_t k = 0; k < 3; ++k)
        for (std::size_t i = 0; i < 4; ++i) slices.as<float>()[k * 4 + i] = float(10 * (i + 0.5 * k));
    const std::vector<Point3> origins{{0, 0, 0}, {0.5, 0, 1}, {1.0, 0, 2}};
    const ImageGeometry target({5, 1, 3}, {1, 1, 1}, {0, 0, 0});
    const Volume out = SliceResampler::resample(slices, origins, target, -1);
    // Slice 1 covers x in [0.5, 3.5]: x = 1 is its voxel 0.5, value 10 * (0.5 + 0.5) = 10.
    EXPECT_FLOAT_EQ(out.as<float>()[1 * 5 + 1], 10.0f);
    // Slice 2 starts at x = 1: grid x = 4 is its voxel 3, value 10 * (3 + 0.5 * 2).
    EXPECT_FLOAT_EQ(out.as<float>()[2 * 5 + 4], 40.0f);
    EXPECT_FLOAT_EQ(out.as<float>()[2 * 5 + 0], -1.0f) << "outside the slice: background";
}

}  // namespace
