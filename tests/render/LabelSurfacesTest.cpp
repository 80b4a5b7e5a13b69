// The 3D view's label surfaces (VolumeScene::buildLabelSurfaces): one per label present, and a
// whole brain's worth of triangles simplified to about the budget without losing a label.
#include "core/LabelMap.h"
#include "render/VolumeScene.h"

#include <gtest/gtest.h>

#include <numeric>

using namespace lumen;

namespace {

// Balls of the given radii (voxels) on a `n`³ 1 mm grid, labelled 1, 2, …, centred along x.
core::LabelMap balls(std::size_t n, const std::vector<double>& radii) {
    core::LabelMap m(core::ImageGeometry({n, n, n}, {1, 1, 1}, {0, 0, 0}));
    double x = 0;
    for (std::size_t b = 0; b < radii.size(); ++b) {
        const double r = radii[b], cx = x + r + 2, c = double(n) / 2;
        x = cx + r;
        for (std::size_t k = 0; k < n; ++k)
            for (std::size_t j = 0; j < n; ++j)
                for (std::size_t i = 0; i < n; ++i) {
                    const double dx = double(i) - cx, dy = double(j) - c, dz = double(k) - c;
                    if (dx * dx + dy * dy + dz * dz <= r * r) m.set(i, j, k, std::uint16_t(b + 1));
                }
    }
    return m;
}

std::size_t total(const std::vector<std::size_t>& v) { return std::accumulate(v.begin(), v.end(), std::size_t(0)); }

}  // namespace

TEST(LabelSurfaces, SmallSurfacesKeepEveryTriangle) {
    const auto surfaces = render::VolumeScene::buildLabelSurfaces(balls(40, {8, 5}));
    const auto n = render::VolumeScene::triangleCounts(*surfaces);
    ASSERT_EQ(n.size(), 2u);
    // A ball of radius r at 1 mm has ~4πr² voxel faces, each two triangles before smoothing.
    EXPECT_GT(n[0], std::size_t(2 * 4 * M_PI * 8 * 8 * 0.5));
    EXPECT_GT(n[1], 100u);
    EXPECT_LT(total(n), render::VolumeScene::kTriangleBudget);
}

TEST(LabelSurfaces, LargeSurfacesAreSimplifiedToAboutTheBudget) {
    // ~4π·60² ≈ 45 000 voxel faces: about 90 000 triangles at voxel resolution.
    const auto surfaces = render::VolumeScene::buildLabelSurfaces(balls(160, {60, 6}));
    const auto n = render::VolumeScene::triangleCounts(*surfaces);
    ASSERT_EQ(n.size(), 2u) << "the small label keeps its surface";
    const std::size_t budget = render::VolumeScene::kTriangleBudget;
    EXPECT_LE(total(n), budget * 11 / 10);
    EXPECT_GE(total(n), budget / 3) << "simplified, not destroyed";
    EXPECT_GT(n[1], 50u);
}
