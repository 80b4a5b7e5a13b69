// LabelMap's copies: a copy shares the voxels (a handle), a clone owns its own, and == compares
// what a label map holds (grid, depth, voxels, table), which is how AI assist tells whether the
// user edited the labels while a model's result was being painted elsewhere.
#include "core/LabelMap.h"

#include <gtest/gtest.h>

using namespace lumen;

namespace {
core::LabelMap small(core::PixelType depth = core::PixelType::UInt8) {
    core::LabelMap m(core::ImageGeometry({5, 4, 3}, {1, 1, 2}, {0, 0, 0}), depth);
    m.labels().set({1, "liver", {200, 100, 50, 255}});
    m.set(1, 2, 1, 1);
    return m;
}
}  // namespace

TEST(LabelMap, ACloneIsEqualButIndependent) {
    core::LabelMap a = small();
    core::LabelMap shared = a;
    core::LabelMap clone = a.clone();
    EXPECT_TRUE(clone == a);
    EXPECT_NE(clone.voxels().data(), a.voxels().data());
    a.set(0, 0, 0, 1);
    EXPECT_EQ(shared.at(0, 0, 0), 1) << "a copy shares the voxels";
    EXPECT_EQ(clone.at(0, 0, 0), 0) << "a clone does not";
    EXPECT_FALSE(clone == a);
    clone.set(0, 0, 0, 1);
    EXPECT_TRUE(clone == a);
}

TEST(LabelMap, EqualityLooksAtTheTableTheDepthAndTheGrid) {
    const core::LabelMap a = small();
    core::LabelMap renamed = a.clone();
    renamed.labels().set({1, "spleen", {200, 100, 50, 255}});
    EXPECT_FALSE(renamed == a);
    EXPECT_FALSE(small(core::PixelType::UInt16) == a);
    core::LabelMap other(core::ImageGeometry({5, 4, 3}, {1, 1, 1}, {0, 0, 0}));
    other.labels() = a.labels();
    other.set(1, 2, 1, 1);
    EXPECT_FALSE(other == a) << "same voxels on another grid";
    EXPECT_TRUE(core::LabelMap() == core::LabelMap());
    EXPECT_FALSE(core::LabelMap() == a);
}

TEST(LabelTable, ANewLabelsColourIsNotOneAlreadyInTheTable) {
    core::LabelTable table;
    // A model's labels that happen to use the palette's first colours.
    for (std::uint16_t v = 1; v <= 3; ++v) table.set({std::uint16_t(v + 10), "model", core::LabelTable::defaultColor(v)});
    const core::Rgba c = table.distinctColor();
    for (const auto& l : table.labels()) EXPECT_FALSE(c == l.color) << l.value;
    EXPECT_TRUE(core::LabelTable().distinctColor() == core::LabelTable::defaultColor(1)) << "an empty table keeps the usual first colour";
}
