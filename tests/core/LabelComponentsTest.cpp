// Components of every label at once: sizes per label, largest first, with 26-connectivity (a
// diagonal touch joins) and labels apart even where they touch; filtering clears what it drops.
#include "core/LabelComponents.h"

#include <gtest/gtest.h>

using namespace lumen;

TEST(LabelComponents, SizesPerLabelLargestFirstAndDiagonalsJoin) {
    core::LabelMap labels(core::ImageGeometry({10, 10, 10}, {1, 1, 1}, {}));
    EXPECT_TRUE(core::componentSizes(labels).empty());
    for (std::size_t i = 0; i < 4; ++i) labels.set(i, 0, 0, 1);  // a row of 4
    labels.set(4, 1, 1, 1);                                       // touching its end diagonally: joins
    labels.set(8, 8, 8, 1);                                       // a single voxel apart
    for (std::size_t k = 5; k < 7; ++k)
        for (std::size_t j = 5; j < 7; ++j) labels.set(5, j, k, 2);  // 4 voxels of label 2...
    labels.set(6, 5, 5, 1);                                       // ...touching a label-1 voxel: still apart
    const auto sizes = core::componentSizes(labels);
    ASSERT_EQ(sizes.size(), 2u);
    EXPECT_EQ(sizes.at(1), (std::vector<std::size_t>{5, 1, 1}));
    EXPECT_EQ(sizes.at(2), (std::vector<std::size_t>{4}));

    core::filterComponents(labels, {1}, [](std::size_t size, std::size_t largest) { return size == largest; });
    EXPECT_EQ(labels.count(1), 5u) << "label 1's smaller pieces are cleared";
    EXPECT_EQ(labels.count(2), 4u) << "label 2 was not asked for";
    EXPECT_EQ(labels.at(8, 8, 8), 0);
}
