#include "logic/BrushTool.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace lumen;
using core::ImageGeometry;

namespace {

core::Matrix3 rotation(double ax, double az) {  // about x, then z (degrees): an oblique grid
    const double a = ax * M_PI / 180, b = az * M_PI / 180;
    const core::Matrix3 rx = core::Matrix3::fromColumns({1, 0, 0}, {0, std::cos(a), std::sin(a)}, {0, -std::sin(a), std::cos(a)});
    const core::Matrix3 rz = core::Matrix3::fromColumns({std::cos(b), std::sin(b), 0}, {-std::sin(b), std::cos(b), 0}, {0, 0, 1});
    return rz * rx;
}

}  // namespace

TEST(BrushTool, SphereAndDiscVolumesMatchTheAnalyticOnes) {
    // 0.8 × 0.8 × 1.2 mm voxels on an oblique grid; a 10 mm ball and a 10 mm disc in an axial
    // view. Voxel counts × voxel volume against 4/3 π r³ and π r² × one voxel layer.
    const ImageGeometry g({80, 80, 60}, {0.8, 0.8, 1.2}, {-32, -32, -36}, rotation(20, 30));
    core::LabelMap m(g);
    logic::BrushTool brush(m);
    logic::BrushSettings s;
    s.radiusMm = 10;
    s.sphere = true;
    brush.setSettings(s);
    brush.begin({0, 0, 0}, {0, 0, 1});
    const auto edit = brush.end();
    ASSERT_TRUE(edit);
    const double ball = double(m.count(1)) * g.voxelVolumeMm3();
    EXPECT_NEAR(ball, 4.0 / 3 * M_PI * 1000, 0.02 * 4.0 / 3 * M_PI * 1000);
    EXPECT_EQ(edit->voxelsAdded(), m.count(1));

    // A disc in a view whose normal is the grid's own k axis: one layer, π r² / (0.8 × 0.8).
    core::LabelMap flat(g);
    logic::BrushTool disc(flat);
    s.sphere = false;
    disc.setSettings(s);
    disc.begin(g.indexToWorld({40, 40, 30}), g.axis(2));
    disc.end();
    EXPECT_NEAR(double(flat.count(1)), M_PI * 100 / 0.64, 0.02 * M_PI * 100 / 0.64);
    std::size_t layers = 0;
    for (std::size_t k = 0; k < 60; ++k) {
        bool any = false;
        for (std::size_t j = 0; j < 80 && !any; ++j)
            for (std::size_t i = 0; i < 80 && !any; ++i) any = flat.at(i, j, k) == 1;
        layers += any;
    }
    EXPECT_EQ(layers, 1u);
}

TEST(BrushTool, ThresholdBrushOnlyEmptyLocksAndEraser) {
    const ImageGeometry g({40, 40, 10}, {1, 1, 1}, {0, 0, 0});
    core::Volume image = core::Volume::zeros(core::PixelType::Int16, g);
    for (std::size_t v = 0; v < g.voxelCount(); ++v) image.as<std::int16_t>()[v] = static_cast<std::int16_t>(v % 40 < 20 ? 50 : 300);
    core::LabelMap m(g);
    m.set(10, 20, 5, 3);  // another label inside the brush, in range
    m.set(12, 20, 5, 4);  // a locked one
    logic::BrushTool brush(m, &image);
    logic::BrushSettings s;
    s.radiusMm = 30;
    s.range = std::make_pair(0.0, 100.0);  // only the left half (value 50)
    s.locked = {4};
    brush.setSettings(s);
    brush.begin({20, 20, 5}, {0, 0, 1});
    brush.end();
    std::size_t outOfRange = 0, inRange = 0;
    for (std::size_t j = 0; j < 40; ++j)
        for (std::size_t i = 0; i < 40; ++i) {
            if (i >= 20) outOfRange += m.at(i, j, 5) != 0;
            else inRange += m.at(i, j, 5) == 1;
        }
    EXPECT_EQ(outOfRange, 0u) << "the threshold brush ignores voxels outside its range";
    EXPECT_EQ(inRange, 20u * 40 - 1) << "everything else in range (the disc covers the slice), but not the locked voxel";
    EXPECT_EQ(m.at(12, 20, 5), 4);
    EXPECT_EQ(m.at(10, 20, 5), 1) << "overwrite mode paints over other labels";

    // Only-empty mode keeps other labels; the eraser clears only its label.
    m.set(5, 5, 4, 3);
    s.range.reset();
    s.onlyEmpty = true;
    s.label = 2;
    brush.setSettings(s);
    brush.begin({20, 20, 4}, {0, 0, 1});
    brush.end();
    EXPECT_EQ(m.at(5, 5, 4), 3);
    EXPECT_EQ(m.at(30, 30, 4), 2);
    s.erase = true;
    brush.setSettings(s);
    brush.begin({20, 20, 4}, {0, 0, 1});
    brush.end();
    EXPECT_EQ(m.at(30, 30, 4), 0);
    EXPECT_EQ(m.at(5, 5, 4), 3);
}

TEST(BrushTool, AStrokeIsOneEditAndUndoRestoresTheMap) {
    const ImageGeometry g({60, 60, 20}, {1, 1, 1}, {0, 0, 0});
    core::LabelMap m(g);
    m.set(30, 30, 10, 5);
    const core::LabelMap before = m.clone();
    logic::BrushTool brush(m);
    logic::BrushSettings s;
    s.radiusMm = 3;
    brush.setSettings(s);
    brush.begin({5, 30, 10}, {0, 0, 1});
    brush.drag({55, 30, 10});
    auto edit = brush.end();
    ASSERT_TRUE(edit);
    // A continuous 6 mm wide band from x = 2 to 58: no gaps between dabs.
    for (std::size_t i = 5; i <= 55; ++i) EXPECT_NE(m.at(i, 30, 10), 0) << i;
    EXPECT_EQ(m.at(30, 34, 10), 0);
    core::LabelUndoStack stack;
    stack.push(std::move(*edit));
    stack.undo(m);
    for (std::size_t v = 0; v < g.voxelCount(); ++v) ASSERT_EQ(m.at(v), before.at(v));
}
