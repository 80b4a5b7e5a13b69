#include "logic/LabelRegionTools.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace lumen;
using core::ImageGeometry;

namespace {

void disc(core::LabelMap& m, std::size_t k, double cx, double cy, double r, std::uint16_t v = 1) {
    const auto& d = m.geometry().dims();
    for (std::size_t j = 0; j < d[1]; ++j)
        for (std::size_t i = 0; i < d[0]; ++i)
            if (std::hypot(double(i) - cx, double(j) - cy) <= r) m.set(i, j, k, v);
}

}  // namespace

TEST(SliceInterpolation, TwoDiscsGiveACone) {
    // Radius 16 at k = 5 and 6 at k = 25: every slice between is a disc whose radius moves
    // linearly, within one voxel.
    const ImageGeometry g({64, 64, 30}, {1, 1, 1}, {0, 0, 0});
    core::LabelMap m(g);
    disc(m, 5, 32, 32, 16);
    disc(m, 25, 32, 32, 6);
    core::LabelMapEdit edit;
    EXPECT_EQ(logic::interpolateSlices(m, 1, 2, edit), 19u);
    ASSERT_TRUE(edit.finish(m));
    for (std::size_t k = 6; k < 25; ++k) {
        const double t = (double(k) - 5) / 20, r = 16 * (1 - t) + 6 * t;
        for (std::size_t j = 0; j < 64; ++j)
            for (std::size_t i = 0; i < 64; ++i) {
                const double dist = std::hypot(double(i) - 32, double(j) - 32);
                if (dist < r - 1) {
                    ASSERT_EQ(m.at(i, j, k), 1) << i << "," << j << "," << k;
                } else if (dist > r + 1) {
                    ASSERT_EQ(m.at(i, j, k), 0) << i << "," << j << "," << k;
                }
            }
    }
    EXPECT_EQ(m.at(32, 32, 4), 0) << "nothing outside the labelled range";
    EXPECT_EQ(m.at(32, 32, 26), 0);
}

TEST(SliceInterpolation, ShiftedOverlappingDiscsMoveAndOtherLabelsStay) {
    // Radius 8 discs 8 voxels apart (overlapping) on anisotropic voxels: each slice between holds
    // the linearly moving centre and nothing 10 voxels beside it. (Shapes that do not overlap at
    // all are not bridged by distance blending: the in-between slices stay empty.)
    const ImageGeometry g({64, 40, 12}, {0.7, 0.7, 2}, {0, 0, 0});
    core::LabelMap m(g);
    disc(m, 0, 16, 20, 8);
    disc(m, 10, 24, 20, 8);
    m.set(20, 20, 5, 2);  // another label in the way is kept
    core::LabelMapEdit edit;
    EXPECT_EQ(logic::interpolateSlices(m, 1, 2, edit), 9u);
    for (std::size_t k = 1; k < 10; ++k) {
        const auto cx = static_cast<std::size_t>(std::lround(16 + 0.8 * double(k)));
        if (k != 5) {
            EXPECT_EQ(m.at(cx, 20, k), 1) << k;
        }
        EXPECT_EQ(m.at(cx + 10, 20, k), 0) << k;
    }
    EXPECT_EQ(m.at(20, 20, 5), 2);
}

TEST(FloodFill, FillsTheConnectedInRangeRegionIn2DAnd3D) {
    // Two bright 10³ cubes joined by a bar through z = 5 only, in a dark volume.
    const ImageGeometry g({40, 20, 20}, {1, 1, 1}, {0, 0, 0});
    core::Volume image = core::Volume::zeros(core::PixelType::Int16, g);
    auto bright = [&](std::size_t i, std::size_t j, std::size_t k) { image.as<std::int16_t>()[image.linearIndex(i, j, k)] = 200; };
    for (std::size_t k = 0; k < 10; ++k)
        for (std::size_t j = 0; j < 10; ++j)
            for (std::size_t i = 0; i < 10; ++i) bright(i, j, k), bright(i + 25, j, k);
    for (std::size_t i = 10; i < 25; ++i) bright(i, 5, 5);
    core::LabelMap m(g);
    core::LabelMapEdit edit;
    EXPECT_EQ(logic::floodFill(m, image, {2, 2, 2}, 1, 100, 300, -1, false, edit), 2000u + 15);
    core::LabelMap flat(g);
    EXPECT_EQ(logic::floodFill(flat, image, {2, 2, 5}, 1, 100, 300, 2, false, edit), 200u + 15);
    EXPECT_EQ(logic::floodFill(flat, image, {2, 2, 6}, 1, 100, 300, 2, false, edit), 100u);
    EXPECT_EQ(logic::floodFill(flat, image, {15, 15, 15}, 1, 100, 300, -1, false, edit), 0u) << "seed out of range";
    // Already-labelled voxels carry the fill; with onlyEmpty another label stops it.
    core::LabelMap wall(g);
    for (std::size_t i = 12; i < 14; ++i) wall.set(i, 5, 5, 1);
    EXPECT_EQ(logic::floodFill(wall, image, {2, 2, 2}, 1, 100, 300, -1, false, edit), 2000u + 13);
    core::LabelMap blocked(g);
    blocked.set(12, 5, 5, 3);
    EXPECT_EQ(logic::floodFill(blocked, image, {2, 2, 2}, 1, 100, 300, -1, true, edit), 1000u + 2) << "stops at label 3 on the bar";
}

TEST(LabelMorphology, HoleFillOpenCloseAndMerge) {
    const ImageGeometry g({30, 30, 30}, {1, 1, 1}, {0, 0, 0});
    core::LabelMap m(g);
    for (std::size_t k = 5; k < 25; ++k)
        for (std::size_t j = 5; j < 25; ++j)
            for (std::size_t i = 5; i < 25; ++i) m.set(i, j, k, 1);
    for (std::size_t k = 12; k < 15; ++k)
        for (std::size_t j = 12; j < 15; ++j)
            for (std::size_t i = 12; i < 15; ++i) m.set(i, j, k, 0);  // a 27-voxel cavity
    m.set(13, 13, 13, 2);  // with another label in it, kept
    core::LabelMapEdit edit;
    EXPECT_EQ(logic::fillHoles(m, 1, edit), 26u);
    EXPECT_EQ(m.count(1), 8000u - 1);
    EXPECT_EQ(m.at(13, 13, 13), 2);

    // Opening with 2 mm removes a one-voxel spike; closing fills a one-voxel notch.
    m.set(15, 15, 26, 1);
    m.set(15, 15, 25, 1);
    EXPECT_GE(logic::smoothLabel(m, 1, logic::Morphology::Open, 2, edit), 2u);
    EXPECT_EQ(m.at(15, 15, 26), 0);
    EXPECT_EQ(m.at(15, 15, 15), 1) << "the body stays";
    m.set(15, 15, 24, 0);
    logic::smoothLabel(m, 1, logic::Morphology::Close, 2, edit);
    EXPECT_EQ(m.at(15, 15, 24), 1);

    m.labels().set({2, "two", {}});
    EXPECT_EQ(logic::mergeLabel(m, 2, 1, edit), 1u);
    EXPECT_EQ(m.count(2), 0u);
    EXPECT_EQ(m.labels().find(2), nullptr);
}

TEST(PolygonFill, FillsTheVoxelCentresInsideOnTheDrawnSlice) {
    // Origin (10, 20, 30), spacing 0.5 × 0.5 × 2: a square from voxel 3.5 to 8.5 holds the centres 4..8.
    const ImageGeometry g({20, 20, 10}, {0.5, 0.5, 2}, {10, 20, 30});
    core::LabelMap m(g);
    const auto world = [&](double i, double j, double k) { return g.indexToWorld({i, j, k}); };
    core::LabelMapEdit edit;
    const std::vector<core::Point3> square{world(3.5, 3.5, 4), world(8.5, 3.5, 4), world(8.5, 8.5, 4), world(3.5, 8.5, 4)};
    EXPECT_EQ(logic::fillPolygon(m, square, {0, 0, 1}, 2, false, edit), 25u);
    EXPECT_EQ(m.at(4, 4, 4), 2);
    EXPECT_EQ(m.at(8, 8, 4), 2);
    EXPECT_EQ(m.at(9, 8, 4), 0);
    EXPECT_EQ(m.at(4, 4, 3), 0);
    // A right triangle with legs of 10 voxels: the centres strictly below its hypotenuse.
    core::LabelMap t(g);
    const std::vector<core::Point3> triangle{world(-0.5, -0.5, 2), world(9.5, -0.5, 2), world(-0.5, 9.5, 2)};
    const std::size_t n = logic::fillPolygon(t, triangle, {0, 0, 1}, 1, false, edit);
    std::size_t expected = 0;
    for (int j = 0; j < 20; ++j)
        for (int i = 0; i < 20; ++i) expected += (i + 0.5) + (j + 0.5) < 10 ? 1 : 0;
    EXPECT_EQ(n, expected);
    // Coronal: the polygon's first point picks the slice across the grid's j axis.
    core::LabelMap c(g);
    const std::vector<core::Point3> coronal{world(1.5, 7, 0.5), world(4.5, 7, 0.5), world(4.5, 7, 3.5), world(1.5, 7, 3.5)};
    EXPECT_EQ(logic::fillPolygon(c, coronal, {0, 1, 0}, 1, false, edit), 9u);  // i = 2..4 × k = 1..3
    EXPECT_EQ(c.at(2, 7, 1), 1);
    EXPECT_EQ(c.at(4, 7, 3), 1);
    EXPECT_EQ(c.at(4, 6, 3), 0);
}

TEST(PolygonFill, OnlyEmptyLeavesOtherLabels) {
    const ImageGeometry g({10, 10, 1}, {1, 1, 1}, {0, 0, 0});
    core::LabelMap m(g);
    m.set(5, 5, 0, 3);
    core::LabelMapEdit edit;
    const std::vector<core::Point3> all{{-0.5, -0.5, 0}, {9.5, -0.5, 0}, {9.5, 9.5, 0}, {-0.5, 9.5, 0}};
    EXPECT_EQ(logic::fillPolygon(m, all, {0, 0, 1}, 1, true, edit), 99u);
    EXPECT_EQ(m.at(5, 5, 0), 3);
    ASSERT_TRUE(edit.finish(m));
    edit.undo(m);
    EXPECT_EQ(m.histogram().count(1), 0u);  // the fill is gone, the 3 stays
    EXPECT_EQ(m.at(5, 5, 0), 3);
}
