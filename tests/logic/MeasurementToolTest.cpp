// Measurement tools against analytic shapes: the tool is driven with world coordinates, as
// the Qt interaction mode drives it.
#include "logic/MeasurementTool.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace lumen;
using core::Measurement;
using core::Point3;

namespace {

constexpr double kPi = 3.14159265358979323846;

// 1 mm voxels, axial; value 100 where x < 0 (world), 0 elsewhere; rescale to HU.
core::Volume halfAndHalf() {
    core::Volume v = core::Volume::allocate(core::PixelType::Int16, core::ImageGeometry({80, 80, 10}, {1, 1, 1}, {-39.5, -39.5, 0}));
    for (std::size_t k = 0; k < 10; ++k)
        for (std::size_t j = 0; j < 80; ++j)
            for (std::size_t i = 0; i < 80; ++i) v.as<std::int16_t>()[v.linearIndex(i, j, k)] = i < 40 ? 1100 : 1000;
    v.setRescale({1.0, -1000.0, "HU"});
    return v;
}

std::optional<Measurement> drag(logic::MeasurementTool& tool, const logic::ViewState& view, Point3 a, Point3 b,
                                const core::Volume& v) {
    tool.onPress(a, view);
    tool.onMove((a + b) / 2.0);
    return tool.onRelease(b, v);
}

TEST(MeasurementTools, LengthIsTheDistanceInMillimetres) {
    const core::Volume v = halfAndHalf();
    logic::ViewState view(v.geometry(), core::ViewOrientation::Axial);
    logic::LengthTool tool;
    const auto m = drag(tool, view, {-10, 0, 5}, {20, 40, 5}, v);
    ASSERT_TRUE(m);
    EXPECT_DOUBLE_EQ(m->value, 50.0);
    EXPECT_FALSE(drag(tool, view, {1, 1, 5}, {1.2, 1, 5}, v)) << "a click is not a measurement";
}

TEST(MeasurementTools, AngleTakesThreeClicks) {
    const core::Volume v = halfAndHalf();
    logic::ViewState view(v.geometry(), core::ViewOrientation::Coronal);
    logic::AngleTool tool;
    EXPECT_FALSE(drag(tool, view, {10, 0, 0}, {0, 0, 0}, v)) << "first arm only";
    tool.onMove({0, 0, 10});
    ASSERT_TRUE(tool.preview());
    tool.onPress({10, 0, 10}, view);
    const auto m = tool.onRelease({10, 0, 10}, v);
    ASSERT_TRUE(m);
    EXPECT_NEAR(m->value, 45.0, 1e-9);
}

TEST(MeasurementTools, RectangleStatisticsAreThoseOfThePixelsInside) {
    const core::Volume v = halfAndHalf();
    logic::ViewState view(v.geometry(), core::ViewOrientation::Axial);
    logic::RectangleRoiTool tool;
    // 20 x 10 mm straddling the boundary at x = 0, corners on pixel edges: 200 pixels, half at 100 HU.
    const auto m = drag(tool, view, {-10, -5, 4}, {10, 5, 4}, v);
    ASSERT_TRUE(m && m->statistics);
    EXPECT_DOUBLE_EQ(m->value, 200.0);
    EXPECT_EQ(m->units, "HU");
    EXPECT_EQ(m->statistics->samples, 200u);
    EXPECT_DOUBLE_EQ(m->statistics->mean, 50.0);
    EXPECT_NEAR(m->statistics->standardDeviation, 50.0 * std::sqrt(200.0 / 199.0), 1e-9);
    EXPECT_DOUBLE_EQ(m->statistics->minimum, 0.0);
    EXPECT_DOUBLE_EQ(m->statistics->maximum, 100.0);
}

TEST(MeasurementTools, EllipseAreaIsPiABAndAUniformRegionHasNoSpread) {
    const core::Volume v = halfAndHalf();
    logic::ViewState view(v.geometry(), core::ViewOrientation::Axial);
    logic::EllipseRoiTool tool;
    const auto m = drag(tool, view, {-30, -8, 2}, {-10, 8, 2}, v);  // inside the 100 HU half
    ASSERT_TRUE(m && m->statistics);
    EXPECT_NEAR(m->value, kPi * 10 * 8, 1e-9);
    EXPECT_DOUBLE_EQ(m->statistics->mean, 100.0);
    EXPECT_DOUBLE_EQ(m->statistics->standardDeviation, 0.0);
    EXPECT_NEAR(double(m->statistics->samples), kPi * 10 * 8, 0.05 * kPi * 10 * 8) << "one sample per pixel inside";
}

TEST(MeasurementTools, RegionsOnObliquePlanesUseThatPlane) {
    const core::Volume v = halfAndHalf();
    logic::ViewState view(v.geometry(), core::ViewOrientation::Sagittal);  // plane x = const
    view.moveTo({-20, 0, 5});
    logic::RectangleRoiTool tool;
    const auto m = drag(tool, view, {-20, -10, 2}, {-20, 10, 8}, v);
    ASSERT_TRUE(m && m->statistics);
    EXPECT_DOUBLE_EQ(m->value, 20.0 * 6.0);
    EXPECT_DOUBLE_EQ(m->statistics->mean, 100.0) << "all of it in the x < 0 half";
    bool closed = false;
    const auto outline = logic::measurementOutline(*m, closed);
    EXPECT_TRUE(closed);
    ASSERT_EQ(outline.size(), 4u);
    for (const auto& p : outline) EXPECT_NEAR(p.x, -20.0, 1e-9) << "the outline lies in the sagittal plane";
}

}  // namespace
