// The viewer's render pipeline (OffscreenRenderer drives the same SliceScene/VolumeScene as the
// views) on a phantom whose answer is known: a bright cube in a dim box. Where the cube lands on
// screen is predicted from the geometry alone (radiological convention), for straight, permuted
// and oblique direction matrices. Needs an X display (xvfb-run).
#include "core/LabelMap.h"
#include "core/SliceStack.h"
#include "core/ViewOrientation.h"
#include "render/OffscreenRenderer.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace lumen;
using core::Point3;
using core::Vector3;

namespace {

constexpr std::size_t kN = 64;
constexpr std::size_t kCubeLo[3] = {8, 40, 20}, kCubeHi[3] = {16, 48, 28};  // index ranges [lo, hi)

core::Matrix3 rotationAboutZ(double degrees) {
    const double a = degrees * M_PI / 180, c = std::cos(a), s = std::sin(a);
    return core::Matrix3({c, -s, 0, s, c, 0, 0, 0, 1});
}

bool inCube(std::size_t i, std::size_t j, std::size_t k) {
    return i >= kCubeLo[0] && i < kCubeHi[0] && j >= kCubeLo[1] && j < kCubeHi[1] && k >= kCubeLo[2] && k < kCubeHi[2];
}

// 100 everywhere, 500 in the cube; windowed 0..1000 that is grey 25 and grey 127.
core::Volume phantom(const core::Matrix3& direction) {
    core::Volume v = core::Volume::zeros(core::PixelType::Int16, core::ImageGeometry({kN, kN, kN}, {1, 1, 1}, {0, 0, 0}, direction));
    auto* p = v.as<std::int16_t>();
    for (std::size_t k = 0; k < kN; ++k)
        for (std::size_t j = 0; j < kN; ++j)
            for (std::size_t i = 0; i < kN; ++i) p[(k * kN + j) * kN + i] = inCube(i, j, k) ? 500 : 100;
    return v;
}

Point3 cubeCentre(const core::ImageGeometry& g) {
    return g.indexToWorld({(kCubeLo[0] + kCubeHi[0] - 1) / 2.0, (kCubeLo[1] + kCubeHi[1] - 1) / 2.0, (kCubeLo[2] + kCubeHi[2] - 1) / 2.0});
}

struct Box {
    double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9, cx = 0, cy = 0;
    std::size_t n = 0;
    void add(int x, int y) {
        x0 = std::min(x0, double(x)), y0 = std::min(y0, double(y)), x1 = std::max(x1, double(x)), y1 = std::max(y1, double(y));
        cx += x, cy += y, ++n;
    }
    void finish() { cx /= double(n), cy /= double(n); }
};

template <typename Pred> Box pixelsWhere(const render::RgbImage& im, Pred pred) {
    Box b;
    for (int y = 0; y < im.height; ++y)
        for (int x = 0; x < im.width; ++x)
            if (pred(im.pixel(x, y))) b.add(x, y);
    if (b.n) b.finish();
    return b;
}

bool grey(const std::uint8_t* p, int lo, int hi) { return p[0] == p[1] && p[1] == p[2] && p[0] >= lo && p[0] <= hi; }

// Where the cube's cross-section must appear, as fractions of the slice's on-screen bounding
// box, found by walking the view's plane in 0.1 mm steps and asking the grid (worldToIndex)
// whether each point lies in the volume and in the cube.
std::pair<double, double> expectedFractions(const core::ImageGeometry& g, const core::ViewFrame& f, const Point3& planePoint) {
    double u0 = 1e300, u1 = -1e300, v0 = 1e300, v1 = -1e300, cu = 0, cv = 0, n = 0;
    for (double v = -100; v <= 100; v += 0.1)
        for (double u = -100; u <= 100; u += 0.1) {
            const Vector3 idx = g.worldToIndex(planePoint + f.right * u + f.up * v);
            bool inGrid = true, inCubeToo = true;
            for (int a = 0; a < 3; ++a) {
                inGrid = inGrid && idx[a] >= -0.5 && idx[a] <= kN - 0.5;
                inCubeToo = inCubeToo && idx[a] >= kCubeLo[a] - 0.5 && idx[a] <= kCubeHi[a] - 0.5;
            }
            if (!inGrid) continue;
            u0 = std::min(u0, u), u1 = std::max(u1, u), v0 = std::min(v0, v), v1 = std::max(v1, v);
            if (inCubeToo) cu += u, cv += v, ++n;
        }
    return {(cu / n - u0) / (u1 - u0), (v1 - cv / n) / (v1 - v0)};  // from the left, from the top
}

render::OffscreenRequest sliceThroughCube(const core::Volume& v, core::ViewOrientation o) {
    render::OffscreenRequest r;
    r.orientation = o;
    r.slice = core::SliceStack(v.geometry(), core::standardViewFrame(o).viewDirection).nearest(cubeCentre(v.geometry()));
    r.window = 1000;
    r.level = 500;
    r.annotations = false;
    r.width = r.height = 400;
    return r;
}

struct Case {
    const char* name;
    double rotationDegrees;
    core::ViewOrientation orientation;
};

class CubeOnScreen : public ::testing::TestWithParam<Case> {};

TEST_P(CubeOnScreen, LandsWhereTheGeometrySays) {
    const Case c = GetParam();
    const core::Volume v = phantom(rotationAboutZ(c.rotationDegrees));
    const render::RgbImage im = render::OffscreenRenderer::render(v, nullptr, sliceThroughCube(v, c.orientation));
    const Box slice = pixelsWhere(im, [](const std::uint8_t* p) { return p[0] > 8; });
    const Box cube = pixelsWhere(im, [](const std::uint8_t* p) { return grey(p, 100, 160); });
    ASSERT_GT(slice.n, 1000u);
    ASSERT_GT(cube.n, 100u) << "the cube is not on screen";
    const core::ViewFrame frame = core::standardViewFrame(c.orientation);
    const core::SliceStack stack(v.geometry(), frame.viewDirection);
    const auto [fx, fy] = expectedFractions(v.geometry(), frame, stack.centerOf(stack.nearest(cubeCentre(v.geometry()))));
    const double w = slice.x1 - slice.x0 + 1, h = slice.y1 - slice.y0 + 1;
    // Within 1.5% of the slice's size: a few pixels at 400 × 400.
    EXPECT_NEAR((cube.cx + 0.5 - slice.x0) / w, fx, 0.015) << c.name;
    EXPECT_NEAR((cube.cy + 0.5 - slice.y0) / h, fy, 0.015) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    Phantom, CubeOnScreen,
    ::testing::Values(Case{"axial", 0, core::ViewOrientation::Axial}, Case{"coronal", 0, core::ViewOrientation::Coronal},
                      Case{"sagittal", 0, core::ViewOrientation::Sagittal},
                      Case{"axial, grid turned 90 degrees", 90, core::ViewOrientation::Axial},
                      Case{"sagittal, grid turned 90 degrees", 90, core::ViewOrientation::Sagittal},
                      Case{"axial, 30 degrees oblique", 30, core::ViewOrientation::Axial},
                      Case{"coronal, 30 degrees oblique", 30, core::ViewOrientation::Coronal}),
    [](const ::testing::TestParamInfo<Case>& info) {
        return std::string(core::orientationName(info.param.orientation)) + "_" + std::to_string(int(info.param.rotationDegrees)) + "deg";
    });

TEST(SliceRender, RadiologicalConventionWithoutTheFormula) {
    // Spelled out for the identity grid: patient left (high x) on screen right, anterior
    // (low y) on top in axial; superior (high z) on top in coronal; anterior on the left in sagittal.
    const core::Volume v = phantom(core::Matrix3::identity());
    auto cubeAt = [&](core::ViewOrientation o) {
        return pixelsWhere(render::OffscreenRenderer::render(v, nullptr, sliceThroughCube(v, o)),
                           [](const std::uint8_t* p) { return grey(p, 100, 160); });
    };
    const Box axial = cubeAt(core::ViewOrientation::Axial);
    EXPECT_LT(axial.cx, 200) << "the cube is on the patient's right: screen left";
    EXPECT_GT(axial.cy, 200) << "posterior: lower half";
    const Box coronal = cubeAt(core::ViewOrientation::Coronal);
    EXPECT_LT(coronal.cx, 200);
    EXPECT_GT(coronal.cy, 200) << "inferior half: lower half";
    const Box sagittal = cubeAt(core::ViewOrientation::Sagittal);
    EXPECT_GT(sagittal.cx, 200) << "posterior: screen right";
}

TEST(SliceRender, AlignedToTheGridAnObliqueCubeIsSquareOnScreen) {
    const core::Volume v = phantom(rotationAboutZ(30));
    render::OffscreenRequest r = sliceThroughCube(v, core::ViewOrientation::Axial);
    auto squareness = [&](bool aligned) {
        r.alignedToGrid = aligned;
        const Box cube = pixelsWhere(render::OffscreenRenderer::render(v, nullptr, r), [](const std::uint8_t* p) { return grey(p, 76, 160); });
        return double(cube.n) / ((cube.x1 - cube.x0 + 1) * (cube.y1 - cube.y0 + 1));  // 1 for an upright square
    };
    EXPECT_GT(squareness(true), 0.9);
    // Patient axes: the cube is turned 30 degrees, filling 1 / (cos 30 + sin 30)^2 = 0.54 of its box.
    EXPECT_NEAR(squareness(false), 0.54, 0.06);
}

TEST(SliceRender, OrientationLettersAreDrawnAtTheEdges) {
    const core::Volume v = phantom(core::Matrix3::identity());
    render::OffscreenRequest r = sliceThroughCube(v, core::ViewOrientation::Axial);
    r.annotations = true;
    const render::RgbImage im = render::OffscreenRenderer::render(v, nullptr, r);
    // The letters are orange (1.0, 0.75, 0.3): find them in the middle of each edge.
    auto orangeIn = [&](int x0, int y0, int x1, int y1) {
        std::size_t n = 0;
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x) {
                const auto* p = im.pixel(x, y);
                n += p[0] > 180 && p[1] > 110 && p[1] < 210 && p[2] < 110;
            }
        return n;
    };
    EXPECT_GT(orangeIn(0, 180, 30, 220), 10u) << "left";
    EXPECT_GT(orangeIn(370, 180, 400, 220), 10u) << "right";
    EXPECT_GT(orangeIn(180, 0, 220, 30), 10u) << "top";
    EXPECT_GT(orangeIn(180, 370, 220, 400), 10u) << "bottom";
    EXPECT_EQ(orangeIn(100, 100, 300, 300), 0u) << "nothing orange in the image itself";
}

core::LabelMap cubeLabels(const core::Volume& v) {
    core::LabelMap labels(v.geometry());
    for (std::size_t k = 0; k < kN; ++k)
        for (std::size_t j = 0; j < kN; ++j)
            for (std::size_t i = 0; i < kN; ++i)
                if (inCube(i, j, k)) labels.set(i, j, k, 1);
    labels.labels().set({1, "cube", {255, 0, 0, 255}});
    return labels;
}

TEST(SliceRender, FilledLabelsTintTheirVoxelsOnly) {
    const core::Volume v = phantom(rotationAboutZ(30));
    const core::LabelMap labels = cubeLabels(v);
    render::OffscreenRequest r = sliceThroughCube(v, core::ViewOrientation::Axial);
    // Half way between box and cube: where linear interpolation crosses the voxels' edges.
    const Box plain = pixelsWhere(render::OffscreenRenderer::render(v, nullptr, r), [](const std::uint8_t* p) { return grey(p, 76, 160); });
    const render::RgbImage im = render::OffscreenRenderer::render(v, &labels, r);
    const Box red = pixelsWhere(im, [](const std::uint8_t* p) { return p[0] > p[1] + 60 && p[0] > p[2] + 60; });
    ASSERT_GT(red.n, 100u);
    EXPECT_NEAR(red.cx, plain.cx, 2.0);
    EXPECT_NEAR(red.cy, plain.cy, 2.0);
    EXPECT_NEAR(double(red.n), double(plain.n), 0.08 * double(plain.n)) << "the tint covers the cube, not more";
    const auto* centre = im.pixel(int(plain.cx), int(plain.cy));
    // 50% red over grey 127.
    EXPECT_NEAR(centre[0], (255 + 127) / 2, 12);
    EXPECT_NEAR(centre[1], 127 / 2, 12);
}

TEST(SliceRender, OutlinedLabelsLeaveTheInsideAlone) {
    const core::Volume v = phantom(core::Matrix3::identity());
    const core::LabelMap labels = cubeLabels(v);
    render::OffscreenRequest r = sliceThroughCube(v, core::ViewOrientation::Coronal);
    r.overlay.outline = true;
    const render::RgbImage im = render::OffscreenRenderer::render(v, &labels, r);
    const Box red = pixelsWhere(im, [](const std::uint8_t* p) { return p[0] > 200 && p[1] < 60 && p[2] < 60; });
    ASSERT_GT(red.n, 50u);
    const auto* centre = im.pixel(int(red.cx), int(red.cy));
    EXPECT_TRUE(grey(centre, 100, 160)) << "the inside keeps the image's grey";
}

TEST(VolumeRender, MaximumIntensityShowsTheCubeFromTheFront) {
    const core::Volume v = phantom(core::Matrix3::identity());
    render::OffscreenRequest r;
    r.preset = render::VolumePreset::Mip;
    r.width = r.height = 300;
    const render::RgbImage im = render::OffscreenRenderer::render(v, nullptr, r);
    int brightest = 0;
    for (std::size_t i = 0; i < im.rgb.size(); ++i) brightest = std::max<int>(brightest, im.rgb[i]);
    ASSERT_GT(brightest, 100);
    const Box cube = pixelsWhere(im, [&](const std::uint8_t* p) { return p[0] > 0.8 * brightest; });
    ASSERT_GT(cube.n, 20u);
    // Seen from the front: the patient's right (low x) on screen left, inferior half below.
    EXPECT_LT(cube.cx, 150);
    EXPECT_GT(cube.cy, 150);
}

TEST(OffscreenRenderer, RefusesNonsense) {
    const core::Volume v = phantom(core::Matrix3::identity());
    render::OffscreenRequest r;
    r.orientation = core::ViewOrientation::Axial;
    r.width = 5;
    EXPECT_THROW(render::OffscreenRenderer::render(v, nullptr, r), std::runtime_error);
    r.width = 100;
    r.slice = 64;
    EXPECT_THROW(render::OffscreenRenderer::render(v, nullptr, r), std::runtime_error);
    EXPECT_THROW(render::OffscreenRenderer::render(core::Volume(), nullptr, r), std::runtime_error);
}

}  // namespace
