// The slices a view steps through, on straight and oblique grids.
#include "core/SliceStack.h"
#include "core/ViewOrientation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace lumen::core;

namespace {

Matrix3 rotation(double degreesAboutZ, double degreesAboutX) {
    const double a = degreesAboutZ * M_PI / 180, b = degreesAboutX * M_PI / 180;
    const Matrix3 z({std::cos(a), -std::sin(a), 0, std::sin(a), std::cos(a), 0, 0, 0, 1});
    const Matrix3 x({1, 0, 0, 0, std::cos(b), -std::sin(b), 0, std::sin(b), std::cos(b)});
    return z * x;
}

TEST(SliceStack, StraightGridStepsOneVoxelInIndexOrder) {
    const ImageGeometry g({10, 20, 30}, {0.5, 0.8, 2.0}, {-5, 7, 100});
    const SliceStack axial(g, standardViewFrame(ViewOrientation::Axial).viewDirection);
    EXPECT_EQ(axial.axis(), 2);
    EXPECT_EQ(axial.count(), 30u);
    EXPECT_DOUBLE_EQ(axial.stepMm(), 2.0);
    EXPECT_DOUBLE_EQ(axial.centerOf(0).z, 100);
    EXPECT_DOUBLE_EQ(axial.centerOf(29).z, 158);
    EXPECT_EQ(axial.nearest({0, 0, 130.9}), 15u);
    EXPECT_EQ(axial.nearest({0, 0, -1000}), 0u) << "clamped";
    const SliceStack coronal(g, standardViewFrame(ViewOrientation::Coronal).viewDirection);
    EXPECT_EQ(coronal.axis(), 1);
    EXPECT_EQ(coronal.count(), 20u);
}

// The slice a point is sent to must contain it (to half a step): the viewer jumps there when the
// crosshair moves, and a measurement or label on another plane would be wrong. Found by the
// render tests: the index of the point along the axis is not its slice on an oblique grid.
TEST(SliceStack, AnObliquePointLiesOnItsNearestSlice) {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> uni(0, 1);
    for (auto [az, ax] : {std::pair{30.0, 0.0}, {20.0, 25.0}, {-40.0, 10.0}, {180.0, 0.0}}) {
        const ImageGeometry g({64, 48, 40}, {0.9, 1.1, 2.5}, {-30, 20, -10}, rotation(az, ax));
        for (auto o : {ViewOrientation::Axial, ViewOrientation::Coronal, ViewOrientation::Sagittal}) {
            const Vector3 dir = standardViewFrame(o).viewDirection;
            const SliceStack stack(g, dir);
            for (int trial = 0; trial < 50; ++trial) {
                const Point3 p = g.indexToWorld({uni(rng) * 63, uni(rng) * 47, uni(rng) * 39});
                const double position = stack.position(p);
                if (position < 0 || position > double(stack.count() - 1)) continue;  // outside the stack's range
                const double offMm = std::abs((p - stack.centerOf(stack.nearest(p))).dot(dir));
                EXPECT_LE(offMm, stack.stepMm() / 2 + 1e-9) << orientationName(o) << " at " << az << "°/" << ax << "°";
            }
        }
    }
}

}  // namespace
