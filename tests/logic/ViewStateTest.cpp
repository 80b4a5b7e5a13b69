// Navigation, window/level and crosshair linking, headless.
#include "logic/ViewLinker.h"
#include "logic/ViewState.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace lumen;
using core::Point3;
using core::Vector3;

namespace {

core::ImageGeometry axialGrid() { return core::ImageGeometry({100, 80, 40}, {0.5, 0.5, 2.0}, {-25, -20, 0}); }

core::ImageGeometry obliqueGrid() {
    const double a = 0.35, b = -0.2;
    const core::Matrix3 rx(std::array<double, 9>{1, 0, 0, 0, std::cos(a), -std::sin(a), 0, std::sin(a), std::cos(a)});
    const core::Matrix3 ry(std::array<double, 9>{std::cos(b), 0, std::sin(b), 0, 1, 0, -std::sin(b), 0, std::cos(b)});
    return core::ImageGeometry({64, 64, 48}, {0.8, 0.8, 1.5}, {10, -30, 50}, ry * rx);
}

TEST(ViewState, StandardViewsFollowTheRadiologicalConvention) {
    logic::ViewState axial(axialGrid(), core::ViewOrientation::Axial);
    EXPECT_TRUE(axial.right().isApprox({1, 0, 0}, 1e-12)) << "patient left on screen right";
    EXPECT_TRUE(axial.up().isApprox({0, -1, 0}, 1e-12)) << "anterior up";
    logic::ViewState coronal(axialGrid(), core::ViewOrientation::Coronal);
    EXPECT_TRUE(coronal.right().isApprox({1, 0, 0}, 1e-12));
    EXPECT_TRUE(coronal.up().isApprox({0, 0, 1}, 1e-12));
    logic::ViewState sagittal(axialGrid(), core::ViewOrientation::Sagittal);
    EXPECT_TRUE(sagittal.right().isApprox({0, 1, 0}, 1e-12)) << "posterior on the right";
}

TEST(ViewState, DisplayAndWorldAreInverseAndTheMiddleIsTheCentre) {
    logic::ViewState v(obliqueGrid(), core::ViewOrientation::Coronal);
    v.fit(1.5);
    const Point3 middle = v.displayToWorld(300, 200, 600, 400);
    EXPECT_TRUE(middle.isApprox(v.center(), 1e-9));
    const Point3 p = v.displayToWorld(123.5, 321.25, 600, 400);
    double x, y;
    v.worldToDisplay(p, 600, 400, x, y);
    EXPECT_NEAR(x, 123.5, 1e-9);
    EXPECT_NEAR(y, 321.25, 1e-9);
    // Moving right on screen moves towards patient left; down on screen towards inferior.
    EXPECT_GT((v.displayToWorld(400, 200, 600, 400) - middle).x, 0);
    EXPECT_LT((v.displayToWorld(300, 300, 600, 400) - middle).z, 0);
}

TEST(ViewState, FitShowsTheWholeVolume) {
    logic::ViewState v(axialGrid(), core::ViewOrientation::Axial);
    v.fit(1.0);
    // 100 x 0.5 = 50 mm wide, 80 x 0.5 = 40 mm tall: the width decides at aspect 1.
    EXPECT_NEAR(v.heightMm(), 50 * 1.04, 1e-9);
    v.fit(2.0);
    EXPECT_NEAR(v.heightMm(), 40 * 1.04, 1e-9);
}

TEST(ViewState, ScrollingStepsOneSliceAndStopsAtTheEnds) {
    logic::ViewState v(axialGrid(), core::ViewOrientation::Axial);
    EXPECT_EQ(v.slices().count(), 40u);
    EXPECT_EQ(v.slice(), 20u);
    v.scroll(3);
    EXPECT_EQ(v.slice(), 23u);
    EXPECT_NEAR(v.center().z, 23 * 2.0, 1e-9);
    v.scroll(-100);
    EXPECT_EQ(v.slice(), 0u);
    v.scroll(1000);
    EXPECT_EQ(v.slice(), 39u);
    logic::ViewState sagittal(axialGrid(), core::ViewOrientation::Sagittal);
    EXPECT_EQ(sagittal.slices().count(), 100u);
    EXPECT_DOUBLE_EQ(sagittal.slices().stepMm(), 0.5);
}

TEST(ViewState, ZoomKeepsThePointUnderTheCursor) {
    logic::ViewState v(axialGrid(), core::ViewOrientation::Axial);
    const Point3 before = v.displayToWorld(100, 50, 400, 300);
    const double height = v.heightMm();
    v.zoom(2.0, 100, 50, 400, 300);
    EXPECT_NEAR(v.heightMm(), height / 2, 1e-9);
    EXPECT_TRUE(v.displayToWorld(100, 50, 400, 300).isApprox(before, 1e-9));
    const Point3 c = v.center();
    v.pan(40, 0, 300);  // dragging right moves the image right: the centre moves left
    EXPECT_NEAR((v.center() - c).dot(v.right()), -40 / v.pixelsPerMm(300), 1e-9);
}

TEST(ViewState, WindowLevelDragScalesWithTheWindow) {
    logic::ViewState v(axialGrid(), core::ViewOrientation::Axial);
    v.setWindowLevel({400, 40});
    v.dragWindowLevel(250, 0);
    EXPECT_DOUBLE_EQ(v.windowLevel().window, 800);
    v.dragWindowLevel(0, -125);
    EXPECT_DOUBLE_EQ(v.windowLevel().level, 40 - 400);
    v.setWindowLevel({-5, 0});
    EXPECT_GT(v.windowLevel().window, 0) << "a window is never negative";
}

TEST(ViewLinker, MprViewsOnAnObliqueVolumeAllContainTheCrosshair) {
    const auto g = obliqueGrid();
    logic::ViewState axial(g, core::ViewOrientation::Axial), coronal(g, core::ViewOrientation::Coronal),
        sagittal(g, core::ViewOrientation::Sagittal);
    const Point3 target = g.indexToWorld({20.3, 41.7, 11.2});
    logic::ViewLinker::followCrosshair(target, {&axial, &coronal, &sagittal});
    for (const auto* v : {&axial, &coronal, &sagittal}) {
        EXPECT_NEAR((target - v->center()).dot(v->viewDirection()), 0.0, 1e-9) << "the plane passes through the point";
        // Where the crosshair is drawn is where the point is: display → world gives it back.
        double x, y;
        v->worldToDisplay(target, 512, 512, x, y);
        EXPECT_TRUE(v->displayToWorld(x, y, 512, 512).isApprox(target, 1e-9));
    }
}

TEST(ViewLinker, ScrollingSyncsOnlyWithinAFrameOfReference) {
    const auto g = axialGrid();
    logic::ViewState current(g, core::ViewOrientation::Axial), prior(g, core::ViewOrientation::Axial);
    current.scroll(5);
    EXPECT_FALSE(logic::ViewLinker::syncScroll(current, "1.2.3", prior, "9.9.9"));
    EXPECT_NE(prior.slice(), current.slice());
    EXPECT_FALSE(logic::ViewLinker::syncScroll(current, "", prior, ""));
    EXPECT_TRUE(logic::ViewLinker::syncScroll(current, "1.2.3", prior, "1.2.3"));
    EXPECT_EQ(prior.slice(), current.slice());
    EXPECT_NEAR(prior.center().z, current.center().z, 1e-9);
}

}  // namespace

namespace {

TEST(ViewState, AlignedToAnObliqueGridTheViewFollowsTheGridAndTheLettersTurn) {
    const double a = 30 * M_PI / 180;
    const lumen::core::Matrix3 r({std::cos(a), -std::sin(a), 0, std::sin(a), std::cos(a), 0, 0, 0, 1});
    const lumen::core::ImageGeometry g({40, 40, 20}, {0.8, 0.8, 3}, {0, 0, 0}, r);
    const lumen::logic::ViewState s(g, lumen::core::ViewOrientation::Axial, true);
    // Each screen axis is a grid axis: no reslicing, one voxel per slice.
    EXPECT_NEAR(std::abs(s.right().dot(g.axis(0))), 1, 1e-12);
    EXPECT_NEAR(std::abs(s.up().dot(g.axis(1))), 1, 1e-12);
    EXPECT_NEAR(s.viewDirection().dot(g.axis(2)), 1, 1e-12);
    EXPECT_DOUBLE_EQ(s.slices().stepMm(), 3);
    // Right is the grid's x axis (cos 30, sin 30, 0): towards the patient's left and posterior.
    EXPECT_EQ(lumen::core::orientationLetters(s.right()), "LP");
    EXPECT_EQ(lumen::core::orientationLetters(s.up()), "AL");
    EXPECT_EQ(lumen::core::orientationLetters(s.right() * -1.0), "RA");
    // Not aligned: the patient's axes whatever the grid.
    const lumen::logic::ViewState standard(g, lumen::core::ViewOrientation::Axial);
    EXPECT_EQ(lumen::core::orientationLetters(standard.right()), "L");
    // A straight grid gives the standard frame either way.
    const lumen::core::ImageGeometry straight({10, 10, 10}, {1, 1, 1}, {0, 0, 0});
    for (auto o : {lumen::core::ViewOrientation::Axial, lumen::core::ViewOrientation::Coronal, lumen::core::ViewOrientation::Sagittal}) {
        const lumen::logic::ViewState aligned(straight, o, true);
        const auto f = lumen::core::standardViewFrame(o);
        EXPECT_NEAR(aligned.right().dot(f.right), 1, 1e-12);
        EXPECT_NEAR(aligned.up().dot(f.up), 1, 1e-12);
    }
}

}  // namespace
