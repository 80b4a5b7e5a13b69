#include "logic/FindingEditTool.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace lumen;
using Handle = logic::FindingEditTool::Handle;

namespace {

core::Finding box() {
    core::Finding f;
    f.boxMin = {-10, -5, -8};
    f.boxMax = {10, 5, 8};
    f.className = "lesion";
    f.status = core::Finding::Status::Proposed;
    f.provenance.source = "lesion-detector";
    f.provenance.modelVersion = "1.0";
    return f;
}

// Extent of the box along a view axis (what the view shows as the rectangle's sides).
std::pair<double, double> along(const core::Finding& f, const core::Vector3& a) {
    double lo = 1e9, hi = -1e9;
    for (int c = 0; c < 8; ++c) {
        const core::Point3 p{c & 1 ? f.boxMax.x : f.boxMin.x, c & 2 ? f.boxMax.y : f.boxMin.y, c & 4 ? f.boxMax.z : f.boxMin.z};
        lo = std::min(lo, p.dot(a)), hi = std::max(hi, p.dot(a));
    }
    return {lo, hi};
}

}  // namespace

TEST(FindingEditTool, HandlesUnderTheMouseInEachStandardView) {
    const core::ImageGeometry g({101, 101, 101}, {1, 1, 1}, {-50, -50, -50});
    for (auto o : {core::ViewOrientation::Axial, core::ViewOrientation::Coronal, core::ViewOrientation::Sagittal}) {
        logic::ViewState view(g, o);
        view.moveTo({0, 0, 0});
        const core::Finding f = box();
        const auto [r0, r1] = along(f, view.right());
        const auto [u0, u1] = along(f, view.up());
        const core::Point3 c = view.center() - view.right() * view.center().dot(view.right()) - view.up() * view.center().dot(view.up());
        auto at = [&](double r, double u) { return c + view.right() * r + view.up() * u; };
        EXPECT_EQ(logic::FindingEditTool::hitTest(f, view, at(r1, 0), 1), Handle::Right);
        EXPECT_EQ(logic::FindingEditTool::hitTest(f, view, at(r0, 0), 1), Handle::Left);
        EXPECT_EQ(logic::FindingEditTool::hitTest(f, view, at(0, u1), 1), Handle::Top);
        EXPECT_EQ(logic::FindingEditTool::hitTest(f, view, at(r0, u1), 1), Handle::TopLeft);
        EXPECT_EQ(logic::FindingEditTool::hitTest(f, view, at(r1, u0), 1), Handle::BottomRight);
        EXPECT_EQ(logic::FindingEditTool::hitTest(f, view, at(0, 0), 1), Handle::Inside);
        EXPECT_EQ(logic::FindingEditTool::hitTest(f, view, at(r1 + 5, 0), 1), Handle::None);

        // Right edge +4 mm, then the top-left corner (−3, +2) mm: exactly those sides move.
        logic::FindingEditTool tool;
        ASSERT_TRUE(tool.begin(f, view, at(r1, 0), 1));
        const core::Finding wider = *tool.end(at(r1 + 4, 0));
        EXPECT_NEAR(along(wider, view.right()).second, r1 + 4, 1e-9);
        EXPECT_NEAR(along(wider, view.right()).first, r0, 1e-9);
        EXPECT_NEAR(along(wider, view.up()).second, u1, 1e-9);
        ASSERT_TRUE(tool.begin(wider, view, at(r0, u1), 1));
        const core::Finding corner = *tool.end(at(r0 - 3, u1 + 2));
        EXPECT_NEAR(along(corner, view.right()).first, r0 - 3, 1e-9);
        EXPECT_NEAR(along(corner, view.up()).second, u1 + 2, 1e-9);
        EXPECT_NEAR(along(corner, view.up()).first, u0, 1e-9);
        EXPECT_EQ(corner.status, core::Finding::Status::Edited);
        EXPECT_TRUE(corner.provenance.editedByUser);
        EXPECT_FALSE(corner.provenance.modified.empty());
    }
}

TEST(FindingEditTool, MovesExactlyInAnObliqueViewAndNeverTurnsInsideOut) {
    const core::Matrix3 tilt = core::Matrix3::fromColumns({std::cos(0.5), std::sin(0.5), 0}, {-std::sin(0.5), std::cos(0.5), 0}, {0, 0, 1});
    const core::ImageGeometry g({101, 101, 101}, {1, 1, 1}, {-50, -50, -50}, tilt);
    logic::ViewState view(g, core::ViewOrientation::Axial, true);  // the oblique grid's own plane
    view.moveTo({0, 0, 0});
    const core::Finding f = box();
    const core::Point3 grab = view.center() - view.right() * view.center().dot(view.right()) - view.up() * view.center().dot(view.up());
    logic::FindingEditTool tool;
    ASSERT_TRUE(tool.begin(f, view, grab, 1));
    EXPECT_EQ(tool.handle(), Handle::Inside);
    const core::Vector3 d = view.right() * 7 + view.up() * -3;
    const core::Finding moved = *tool.end(grab + d);
    EXPECT_LT((moved.boxMin - (f.boxMin + d)).norm(), 1e-9);
    EXPECT_LT((moved.boxMax - (f.boxMax + d)).norm(), 1e-9);

    // Dragging the right edge past the left one flips the box; min stays ≤ max.
    logic::ViewState axial(core::ImageGeometry({101, 101, 101}, {1, 1, 1}, {-50, -50, -50}), core::ViewOrientation::Axial);
    axial.moveTo({0, 0, 0});
    const auto [r0, r1] = along(f, axial.right());
    const core::Point3 c = axial.center() - axial.right() * axial.center().dot(axial.right()) - axial.up() * axial.center().dot(axial.up());
    ASSERT_TRUE(tool.begin(f, axial, c + axial.right() * r1, 1));
    const core::Finding flipped = *tool.end(c + axial.right() * (r0 - 6));
    for (int a = 0; a < 3; ++a) EXPECT_LE(flipped.boxMin[a], flipped.boxMax[a]);
    EXPECT_NEAR(along(flipped, axial.right()).first, r0 - 6, 1e-9);
    EXPECT_NEAR(along(flipped, axial.right()).second, r0, 1e-9);

    // A click without a move changes nothing; a plane that misses the box has no handles.
    ASSERT_TRUE(tool.begin(f, axial, c, 1));
    EXPECT_FALSE(tool.end(c));
    axial.moveTo({0, 0, 30});
    EXPECT_EQ(logic::FindingEditTool::hitTest(f, axial, c + axial.viewDirection() * 30, 1), Handle::None);
}
